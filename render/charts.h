/*
 * charts.h — the carnet's charts, drawn with cairo from the figures table:
 *
 *   barres       horizontal bars, sorted (satisfaction by item)
 *   anneau       a doughnut with its legend (fleet by energy)
 *   pyramide     the age pyramid by sex (rh.pyramide)
 *   parts        stacked shares of each axis value (women/men by category)
 *   objectif     a value against a target (young people housed, 37 of 25)
 *   etiquettes   the energy label scale A–G with the dwellings of each
 *                label declared (patrimoine.dpe_a … patrimoine.dpe_g)
 *   comparaison  a figure this year and the year before
 *
 * Values are French-formatted, counts of people follow the small-count
 * rule (cells), and each chart returns its text alternative, made from
 * what it shows, for the PDF's accessibility; asked, it also gives its
 * data as a table (the web edition's, for screen readers and keyboards).
 */
#ifndef CARNET_CHARTS_H
#define CARNET_CHARTS_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../etl/small_counts.h"
#include "../model/layout.h"
#include "../model/texts.h"

/* What a chart shows, as a table: a header row, then a row per value;
 * every cell a string, as the chart prints it (the first of a row names
 * it). */
struct chart_table {
	GPtrArray *head;        /* of char * */
	GPtrArray *rows;        /* of GPtrArray * of char * */
};

struct chart_ctx {
	cairo_t *cr;            /* NULL: measure only */
	PangoContext *ctx;
	const struct layout *l;
	const struct figures *t;
	const enum sc_cell *cells;
	uint32_t colour;        /* the loop's */
	struct chart_table *table;      /* filled when not NULL (empty) */
};

/* The height of a chart's title, above what it draws. */
#define CHART_TITLE_H 16.0

/* Grid lines the chart needs in a column. */
int chart_lines(const struct chart_block *c, const struct figures *t);

/* Draws c in the box (x, y, w, h); returns its text alternative (to free). */
char *chart_draw(const struct chart_ctx *cc, const struct chart_block *c,
		 double x, double y, double w, double h);

/* An empty table; its release. */
void chart_table_init(struct chart_table *tb);
void chart_table_release(struct chart_table *tb);

#endif
