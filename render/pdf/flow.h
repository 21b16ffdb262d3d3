/*
 * flow.h — the articles of a loop, flowed in two columns on the baseline
 * grid: each article opens a column of its own; a heading stays with what
 * follows; no paragraph leaves a lone line at a column's foot or head;
 * tiles, charts and photos stand whole; a wide photo heads the next page.
 */
#ifndef CARNET_PDF_FLOW_H
#define CARNET_PDF_FLOW_H

#include "page.h"

/* Starts the first article page of a loop. */
void flow_begin_loop(struct pdf *p);

/* Places what waits for a page that the loop no longer has. */
void flow_end_loop(struct pdf *p);

/* Flows article a (index: its rank in the texts, for its destination);
 * figure counts the charts drawn so far. */
void flow_article(struct pdf *p, struct article *a, int index, int *figure);

#endif
