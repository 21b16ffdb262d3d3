/*
 * chart_data.h — the figures a chart draws, taken from the table: those of
 * one indicator whose dimensions are exactly the axis (and the series, for
 * a stacked chart) besides a filter (item=q_global), laid out as a matrix
 * axis x series.  Both renderers (workbook and PDF) chart through it.
 */
#ifndef CARNET_CHART_DATA_H
#define CARNET_CHART_DATA_H

#include <stdbool.h>

#include <glib.h>

#include "layout.h"

struct chart_data {
	GPtrArray *axis, *series;     /* slugs; series holds "" when none */
	double *v;                    /* axis x series */
	int *fig;                     /* index of the figure in t, or -1 */
};

/* Fills out.  The axis is in the layout's order of libelles.csv, or by
 * decreasing total when descending; series are in the layout's order.
 * series and filter may be "". */
void chart_data_collect(const struct figures *t, const struct layout *l,
			const char *indicator, const char *axis,
			const char *series, const char *filter, bool descending,
			struct chart_data *out);

void chart_data_release(struct chart_data *d);

/* The value of key in dims "k=v,k=v" into out; false when absent. */
bool dims_get(const char *dims, const char *key, char *out, size_t cap);

/* How many key=value pairs dims holds. */
int dims_count(const char *dims);

#endif
