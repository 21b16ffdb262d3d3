/*
 * pages.h — the pages of the carnet drawn whole: the cover, the sommaire
 * with the editorial, a loop's divider, the key figures, the back cover.
 */
#ifndef CARNET_PDF_PAGES_H
#define CARNET_PDF_PAGES_H

#include "page.h"

void cover(struct pdf *p);
void contents(struct pdf *p);
void divider(struct pdf *p, const struct loop *loop);
void key_figures(struct pdf *p);
void back_cover(struct pdf *p);

#endif
