/*
 * chart_kinds.h — the kinds of chart, in one table: the names a text's
 * ```graphique block (type=) and graphiques.csv (the workbook's charts)
 * may give, where each is drawn, and the height it takes in the carnet's
 * columns.  charts.c draws each kind; the workbook draws its four.
 */
#ifndef CARNET_CHART_KINDS_H
#define CARNET_CHART_KINDS_H

#include <stdbool.h>

#include "../etl/fields.h"

enum chart_kind {
	CHART_BARRES, CHART_COLONNES, CHART_ANNEAU, CHART_BARRES_EMPILEES,
	CHART_PYRAMIDE, CHART_PARTS, CHART_OBJECTIF, CHART_ETIQUETTES, CHART_COMPARAISON,
	CHART_KINDS
};

struct chart_kind_info {
	const char *name;
	bool in_texts;          /* a text may draw it (PDF, web) */
	bool in_workbook;       /* graphiques.csv may name it */
	int lines;              /* its height in the carnet, grid lines */
};

extern const struct chart_kind_info chart_kinds[CHART_KINDS];

/* The kind a text names (exactly), or -1. */
int chart_kind_of_text(const char *name);

/* The names a text (texts) or graphiques.csv may give, as exp_enum()
 * reads them, in the table's order. */
const struct enum_label *chart_kind_labels(bool texts);

/* "barres, anneau, …" (g_free it). */
char *chart_kind_names(bool texts);

#endif
