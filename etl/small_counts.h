/*
 * small_counts.h — the small-count rule of carnet-2023.md (statistical
 * secrecy), for every breakdown of people a published output shows.
 *
 * Primary suppression: a cell counting 1 to 4 people is shown as "< 5".
 * Secondary suppression: when a line of the breakdown (whose total is
 * published) would hold a single hidden cell, it could be recovered as
 * the total minus the others; so the smallest other non-zero cell of the
 * line is masked too.  Zero cells reveal nobody and are shown.  Headline
 * totals are not cells: they are published as they are.
 */
#ifndef CARNET_SMALL_COUNTS_H
#define CARNET_SMALL_COUNTS_H

#include <stddef.h>

enum sc_cell {
	SC_SHOWN,     /* print the count */
	SC_SMALL,     /* print "< 5" (with a no-break space) */
	SC_MASKED,    /* hidden so that a small cell cannot be recovered */
};

/* One breakdown v[0..n) (counts of people) with a published total. */
void sc_protect(const double *v, size_t n, enum sc_cell *out);

/* A table of rows x cols counts, row-major, whose row and column totals
 * are published (a pyramid: sex x age band): every row and column is
 * protected until no line holds a single hidden cell. */
void sc_protect_table(const double *v, size_t rows, size_t cols,
		      enum sc_cell *out);

/* The count as a reader may see it: "< 5", "s" (masked) or NULL when the
 * count can be shown. */
const char *sc_label(enum sc_cell c);

#endif
