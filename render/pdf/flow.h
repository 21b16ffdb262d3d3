/*
 * flow.h — the articles of a loop, flowed in two columns on the baseline
 * grid: each article opens a column of its own; a heading stays with what
 * follows; no paragraph leaves a lone line at a column's foot or head;
 * tiles, charts and photos stand whole.
 */
#ifndef CARNET_PDF_FLOW_H
#define CARNET_PDF_FLOW_H

#include "page.h"

/* Starts the first article page of a loop. */
void flow_begin_loop(struct pdf *p);

/* Flows article a (index: its rank in the texts, for its destination);
 * figure counts the charts drawn so far. */
void flow_article(struct pdf *p, struct article *a, int index, int *figure);

#endif
