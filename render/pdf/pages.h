/*
 * pages.h — the pages of the carnet drawn whole: the cover, the sommaire
 * with the editorial, a loop's divider, the key figures, the back cover.
 */
#ifndef CARNET_PDF_PAGES_H
#define CARNET_PDF_PAGES_H

#include "page.h"

void pages_cover(struct pdf *p);
void pages_contents(struct pdf *p);
void pages_divider(struct pdf *p, const struct loop *loop);
void pages_key_figures(struct pdf *p);
void pages_back_cover(struct pdf *p);

#endif
