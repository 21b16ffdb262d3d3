/*
 * close_matches.h — "did you mean …" for an indicator a layout or a text
 * names and the figures table lacks.
 */
#ifndef CARNET_CLOSE_MATCHES_H
#define CARNET_CLOSE_MATCHES_H

#include "../etl/figures.h"

/* " (close: 'a', 'b')" for the indicators of t that look like id (at most
 * three, in the table's order), or "" (a new string).  A partial table
 * (t->partial_of) has its file read again for the names it left out: the
 * message is the same whether a renderer read it whole or not. */
char *close_matches(const struct figures *t, const char *id);

#endif
