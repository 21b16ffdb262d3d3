/* xlsx_carnet.c — the carnet workbook; see xlsx.h. */
#include "xlsx.h"
#include "../../model/secrecy.h"
#include "book.h"
#include "../../model/chart_data.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#define CHART_COL 7          /* charts stand right of the figures table */
#define CHART_ROWS 20        /* rows between two charts */

struct ctx {
	struct book *b;
	const struct layout *l;
	const struct figures *t;
	enum sc_cell *cell;  /* per figure of t */
	bool draft;          /* absent figures and charts say n.d. */
};

/* ---- the figures of a loop ---- */

/* "Direction du patrimoine (chiffres_cles.csv)" or "rh_effectifs.csv". */
static char *source_of(const struct ctx *c, const struct figure *f)
{
	const char *file = c->t->sources[f->source].file;
	if (g_str_has_prefix(f->rule, "declared by "))
		return g_strdup_printf("%s (%s)", f->rule + 12, file);
	return g_strdup(file);
}

/* The figure of the year before: declared for both years, or from the
 * previous edition's table; NULL when there is none. */
static const struct figure *previous(const struct ctx *c, const struct figure *f)
{
	return figures_previous(c->t, f->indicator, f->dims, c->l->year);
}

/* The change from p to f: points for a percentage, else a rate; nothing
 * when either is hidden by the small-count rule. */
static void write_change(struct sheet *s, int row, int col, const struct ctx *c,
			 const struct figure *f, const struct figure *p, const struct entry *e)
{
	if (c->cell[f - c->t->v] != SC_SHOWN || c->cell[p - c->t->v] != SC_SHOWN)
		return;
	if (e->format == FMT_POURCENT)
		sheet_number(s, row, col, f->value - p->value, c->b->points);
	else if (p->value != 0 && e->format != FMT_DATE)
		sheet_number(s, row, col, (f->value - p->value) / fabs(p->value), c->b->change);
}

static void write_value(struct sheet *s, int row, int col, const struct ctx *c,
			const struct figure *f, const struct entry *e)
{
	struct book *b = c->b;
	enum sc_cell cell = c->cell[f - c->t->v];
	int dec = MIN(e->decimals, 2);

	if (cell != SC_SHOWN) {
		sheet_string(s, row, col, sc_label(cell), b->small);
		return;
	}
	switch (e->format) {
	case FMT_POURCENT:
		sheet_number(s, row, col, f->value / 100, b->pct[dec]);
		break;
	case FMT_EUROS:
		sheet_number(s, row, col, f->value, b->euros);
		break;
	case FMT_MILLIONS_EUROS:
		sheet_number(s, row, col, f->value, b->meuros[dec]);
		break;
	case FMT_DATE: {
		int v = (int)f->value;
		lxw_datetime dt = { v / 10000, v / 100 % 100, v % 100, 0, 0, 0 };
		book_check(b, worksheet_write_datetime(s->ws, row, col, &dt, b->date));
		break;
	}
	case FMT_NOMBRE:
		sheet_number(s, row, col, f->value, b->num[MIN(e->decimals, 3)]);
		break;
	}
}

/* Writes the figures of loop from row on; returns the next free row. */
static int write_entries(struct sheet *s, const struct ctx *c, const char *loop,
			 int row)
{
	struct book *b = c->b;
	char prev_year[32];

	snprintf(prev_year, sizeof prev_year, "%d", c->l->year - 1);
	const char *head[] = { "Indicateur", "Valeur", "Unité", prev_year, "Évolution", "Source" };
	for (int i = 0; i < 6; i++)
		sheet_string(s, row, i, head[i], b->header);
	row++;
	for (size_t i = 0; i < c->l->nentries; i++) {
		const struct entry *e = &c->l->entries[i];
		if (strcmp(e->loop, loop) != 0)
			continue;
		const struct figure *f = figures_for_year(c->t, e->indicator, e->dims,
						       c->l->year);
		if (!f && c->draft) {   /* layout_check() warned */
			sheet_string(s, row, 0, e->label, b->text);
			sheet_string(s, row, 1, "n.d.", b->note);
			row++;
			continue;
		}
		if (!f)
			continue;       /* layout_check() said so */
		sheet_string(s, row, 0, e->label, b->text);
		write_value(s, row, 1, c, f, e);
		sheet_string(s, row, 2, f->unit, b->text);
		const struct figure *p = previous(c, f);
		if (p) {
			write_value(s, row, 3, c, p, e);
			write_change(s, row, 4, c, f, p, e);
		}
		char *src = source_of(c, f);
		sheet_string(s, row, 5, src, b->text);
		g_free(src);
		row++;
	}
	return row;
}

/* ---- charts ---- */

/* A palette from the layout: the loops' colours, then the main ones. */
static uint32_t palette(const struct layout *l, size_t i)
{
	size_t n = l->nloops + 2;
	i %= n;
	if (i < l->nloops)
		return l->loops[i].colour;
	return i == l->nloops ? l->main_colour : l->accent;
}

/* The chart's data from row on: its title, a header (the axis, one
 * column per series), a row per category; returns the first category's
 * row. */
static int write_chart_table(struct sheet *s, const struct ctx *c, const struct chart_spec *spec,
			     const struct chart_data *data, bool percent, int row)
{
	struct book *b = c->b;
	size_t na = data->axis->len, ns = data->series->len;
	lxw_format *fmt = percent ? b->pct[0] : b->num[0];

	sheet_string(s, row++, 0, spec->title, b->subtitle);
	sheet_string(s, row, 0, layout_label(c->l, spec->axis, spec->axis), b->header);
	for (size_t k = 0; k < ns; k++)
		sheet_string(s, row, 1 + (int)k, *spec->series
			     ? layout_label(c->l, spec->series, g_ptr_array_index(data->series, k))
			     : c->t->v[data->fig[0]].unit, b->header);
	int first = ++row;
	for (size_t x = 0; x < na; x++, row++) {
		sheet_string(s, row, 0, layout_label(c->l, spec->axis,
						     g_ptr_array_index(data->axis, x)), b->text);
		for (size_t k = 0; k < ns; k++) {
			int fi = data->fig[x * ns + k];
			enum sc_cell cell = fi >= 0 ? c->cell[fi] : SC_SHOWN;
			if (cell != SC_SHOWN)
				sheet_string(s, row, 1 + (int)k, sc_label(cell), b->small);
			else
				sheet_number(s, row, 1 + (int)k,
					     data->v[x * ns + k] / (percent ? 100 : 1), fmt);
		}
	}
	return first;
}

/* The native chart of the data written at rows first..last, beside the
 * figures (the index-th chart of the sheet). */
static void add_native_chart(struct sheet *s, const struct ctx *c, const struct chart_spec *spec,
			     const struct loop *loop, const struct chart_data *data, bool percent,
			     int first, int last, int index)
{
	struct book *b = c->b;
	size_t na = data->axis->len, ns = data->series->len;
	static const lxw_chart_font title_font = { .size = 11, .bold = 1 };
	uint8_t type = spec->kind == CHART_ANNEAU ? LXW_CHART_DOUGHNUT :
		       spec->kind == CHART_COLONNES ? LXW_CHART_COLUMN :
		       spec->kind == CHART_BARRES_EMPILEES ? LXW_CHART_BAR_STACKED :
		       LXW_CHART_BAR;
	lxw_chart *chart = workbook_add_chart(b->wb, type);
	lxw_chart_font tf = title_font;
	tf.color = c->l->main_colour;
	chart_title_set_name(chart, spec->title);
	chart_title_set_name_font(chart, &tf);
	lxw_chart_point **points = NULL;
	for (size_t k = 0; k < ns; k++) {
		lxw_chart_series *se = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(se, s->name, first, 0, last, 0);
		chart_series_set_values(se, s->name, first, 1 + (lxw_col_t)k, last,
					1 + (lxw_col_t)k);
		if (*spec->series)
			chart_series_set_name(se, layout_label(c->l, spec->series,
							       g_ptr_array_index(data->series, k)));
		/* series in the loop's colour, then the accent: both light
		 * enough for the black data labels */
		uint32_t own = loop->colour ? loop->colour : c->l->accent;
		lxw_chart_fill fill = { .color = k == 0 ? own : c->l->accent };
		if (spec->kind == CHART_ANNEAU) {
			points = g_new0(lxw_chart_point *, na + 1);
			for (size_t x = 0; x < na; x++) {
				lxw_chart_fill *pf = g_new0(lxw_chart_fill, 1);
				pf->color = palette(c->l, x);
				points[x] = g_new0(lxw_chart_point, 1);
				points[x]->fill = pf;
			}
			book_check(b, chart_series_set_points(se, points));
		} else {
			chart_series_set_fill(se, &fill);
		}
		chart_series_set_labels(se);
		chart_series_set_labels_num_format(se, percent ? "0\\ %" : "#,##0");
		if (spec->kind == CHART_ANNEAU)
			chart_series_set_labels_leader_line(se);
	}
	if (spec->kind == CHART_ANNEAU) {
		chart_set_hole_size(chart, 55);
		chart_legend_set_position(chart, LXW_CHART_LEGEND_RIGHT);
	} else {
		/* libxlsxwriter swaps the axes of horizontal bars */
		bool bars = spec->kind != CHART_COLONNES;
		lxw_chart_axis *cat = bars ? chart->y_axis : chart->x_axis;
		lxw_chart_axis *val = bars ? chart->x_axis : chart->y_axis;
		chart_legend_set_position(chart, ns > 1 ? LXW_CHART_LEGEND_BOTTOM
						      : LXW_CHART_LEGEND_NONE);
		chart_axis_set_num_format(val, percent ? "0\\ %" : "#,##0");
		if (percent) {
			chart_axis_set_min(val, 0);
			chart_axis_set_max(val, 1);
		}
		if (bars)               /* the first category on top */
			chart_axis_set_reverse(cat);
		chart_set_series_gap(chart, 60);
		if (ns > 1)
			chart_set_series_overlap(chart, 100);
	}
	lxw_chart_options opt = { .x_scale = 1.3, .y_scale = 1.3,
				  .description = spec->title };
	book_check(b, worksheet_insert_chart_opt(s->ws, 2 + index * CHART_ROWS,
						 CHART_COL, chart, &opt));
	if (points) {
		for (size_t x = 0; x < na; x++) {
			g_free(points[x]->fill);
			g_free(points[x]);
		}
		g_free(points);
	}
}

/* Writes the chart's data from row on (label column, one column per
 * series) and the chart beside the figures; returns the next free row. */
static int write_chart(struct sheet *s, const struct ctx *c,
		       const struct chart_spec *spec, const struct loop *loop,
		       int row, int index)
{
	struct book *b = c->b;
	struct chart_data data;
	chart_data_collect(c->t, c->l, spec->indicator, spec->axis, spec->series,
			   spec->filter, spec->descending, &data);
	size_t na = data.axis->len;
	if (na == 0) {
		chart_data_release(&data);
		if (c->draft) {         /* the chart's place, and why it is empty */
			char *nd = g_strdup_printf("Graphique « %s » : n.d.", spec->title);
			sheet_string(s, row, 0, nd, b->note);
			g_free(nd);
			return row + 1;
		}
		return row;
	}
	bool percent = data.fig[0] >= 0 && !strcmp(c->t->v[data.fig[0]].unit, "%");
	int first = write_chart_table(s, c, spec, &data, percent, row);
	row = first + (int)na;
	add_native_chart(s, c, spec, loop, &data, percent, first, row - 1, index);
	chart_data_release(&data);
	return row + 1;
}

/* ---- sheets ---- */

const char *const xlsx_carnet_sheets[] = { "Sources", "Qualité des données", NULL };

static void loop_sheet(const struct ctx *c, const struct loop *loop)
{
	struct sheet s = sheet_add(c->b, loop->sheet, loop->colour);
	char *title = g_strdup_printf("%s%s", c->draft ? "PROJET — " : "", loop->title);
	sheet_title(&s, 0, title, c->b->title);
	g_free(title);
	int row = write_entries(&s, c, loop->id, 2);
	int index = 0;
	for (size_t i = 0; i < c->l->ncharts; i++) {
		const struct chart_spec *spec = &c->l->charts[i];
		if (!strcmp(spec->loop, loop->id))
			row = write_chart(&s, c, spec, loop, row + 1, index++);
	}
	sheet_finish(&s, 3, index > 0);
}

static void sources_sheet(const struct ctx *c)
{
	struct book *b = c->b;
	struct sheet s = sheet_add_rows(b, xlsx_carnet_sheets[0], 0);
	static const char *const head[] = {
		"Indicateur", "Dimensions", "Valeur", "Unité", "Fichier source",
		"SHA-256 du fichier", "Lignes lues", "Lignes rejetées",
		"Lignes hors de l'année", "Règle de calcul",
	};
	sheet_title(&s, 0, "Sources : chaque chiffre, son fichier et sa règle", b->title);
	for (int i = 0; i < 10; i++)
		sheet_string(&s, 2, i, head[i], b->header);
	for (size_t i = 0; i < c->t->n; i++) {
		const struct figure *f = &c->t->v[i];
		const struct figure_source *src = &c->t->sources[f->source];
		int row = 3 + (int)i;
		sheet_string(&s, row, 0, f->indicator, b->text);
		sheet_string(&s, row, 1, f->dims, b->text);
		if (c->cell[i] != SC_SHOWN)
			sheet_string(&s, row, 2, sc_label(c->cell[i]), b->small);
		else
			sheet_number(&s, row, 2, f->value, NULL);
		sheet_string(&s, row, 3, f->unit, b->text);
		sheet_string(&s, row, 4, src->file, b->text);
		sheet_string(&s, row, 5, src->stats.sha256, b->text);
		sheet_number(&s, row, 6, (double)src->stats.rows, b->num[0]);
		sheet_number(&s, row, 7, (double)src->stats.rejected, b->num[0]);
		sheet_number(&s, row, 8, (double)src->stats.outside, b->num[0]);
		sheet_string(&s, row, 9, f->rule, b->text);
	}
	sheet_finish(&s, 3, true);
}

static void quality_sheet(const struct ctx *c, const struct quality_report *q)
{
	struct book *b = c->b;
	struct sheet s = sheet_add_rows(b, xlsx_carnet_sheets[1], 0);
	static const char *const head[] = {
		"Niveau", "Fichier", "Ligne", "Colonne", "Constat",
	};
	sheet_title(&s, 0, "Qualité des données : avertissements et contrôles", b->title);
	for (int i = 0; i < 5; i++)
		sheet_string(&s, 2, i, head[i], b->header);
	/* Excel's last row: a report longer than the sheet says where the rest is */
	const size_t rows = 1048576 - 4;
	for (size_t i = 0; i < q->n && i <= rows; i++) {
		const struct quality_row *r = &q->v[i];
		int row = 3 + (int)i;
		if (i == rows) {
			char *more = g_strdup_printf("… et %zu lignes de plus dans le rapport "
						     "de qualité (quality.tsv)", q->n - rows);
			sheet_string(&s, row, 4, more, b->note);
			g_free(more);
			break;
		}
		char *file = g_path_get_basename(r->file);
		sheet_string(&s, row, 0, !strcmp(r->level, "ok") ? "conforme"
					  : !strcmp(r->level, "kind") ? "synthèse"
					  : "avertissement", b->text);
		sheet_string(&s, row, 1, file, b->text);
		if (r->line > 0)
			sheet_number(&s, row, 2, (double)r->line, b->num[0]);
		if (r->column > 0)
			sheet_number(&s, row, 3, (double)r->column, b->num[0]);
		sheet_string(&s, row, 4, r->message, b->text);
		g_free(file);
	}
	if (q->n == 0)
		sheet_string(&s, 3, 0, "Aucun avertissement.", b->note);
	sheet_finish(&s, 3, true);
}

int xlsx_carnet(const char *path, const struct layout *l,
		const struct figures *t, const struct quality_report *q,
		bool draft, time_t date, struct diag *d)
{
	struct book b;
	char *title = g_strdup_printf("%s%s — %s", draft ? "PROJET — " : "", l->title,
				      l->subtitle);
	int status = book_open(&b, path, l, title, l->subject, date, d);
	g_free(title);
	if (status != 0)
		return -1;
	struct ctx c = { &b, l, t, g_new0(enum sc_cell, t->n ? t->n : 1), draft };
	secrecy_apply(t, c.cell);
	loop_sheet(&c, &l->keyfigures);
	for (size_t i = 0; i < l->nloops; i++)
		loop_sheet(&c, &l->loops[i]);
	sources_sheet(&c);
	quality_sheet(&c, q);
	g_free(c.cell);
	return book_close(&b, d);
}
