/* xlsx_effectifs.c — HR's internal headcount workbook; see xlsx.h.
 *
 * What a French "bilan social" shows, from the figures (exact counts):
 * headcount on 31/12 by direction x category x contract x sex and FTE,
 * the age pyramid, recruitments and departures by month, promotions,
 * training and disability.  Totals are SUM formulas whose values are
 * written too, so that every reader sees them add up. */
#include "xlsx.h"
#include "book.h"

#include <string.h>

#include <glib.h>

static const char *const months[12] = {
	"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre",
};
static const char *const groups[] = { "cadre", "maitrise", "execution" };
static const char *const sexes[] = { "f", "h" };
static const char *const contracts[] = { "cdi", "cdd" };

struct ctx {
	struct book *b;
	const struct layout *l;
	const struct figures *t, *detail;
};

/* The value of indicator/dims in detail, else in the table, else 0. */
static double value(const struct ctx *c, const char *indicator, const char *dims)
{
	const struct figure *f = figures_get(c->detail, indicator, dims);
	if (!f)
		f = figures_get(c->t, indicator, dims);
	return f ? f->value : 0;
}

/* The values of key in the dims of indicator's figures (with exactly
 * nkeys keys), sorted, without repeats. */
static GPtrArray *values_of(const struct ctx *c, const struct figures *t,
			    const char *indicator, const char *key, int nkeys)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	size_t klen = strlen(key);
	for (size_t i = 0; i < t->n; i++) {
		const struct figure *f = &t->v[i];
		int n = *f->dims != '\0';
		for (const char *p = f->dims; *p; p++)
			n += *p == ',';
		if (strcmp(f->indicator, indicator) || n != nkeys)
			continue;
		char **pairs = g_strsplit(f->dims, ",", 0);
		for (int k = 0; pairs[k]; k++) {
			if (strncmp(pairs[k], key, klen) || pairs[k][klen] != '=')
				continue;
			const char *v = pairs[k] + klen + 1;
			bool seen = false;
			for (guint j = 0; j < a->len && !seen; j++)
				seen = !strcmp(g_ptr_array_index(a, j), v);
			if (!seen)
				g_ptr_array_add(a, g_strdup(v));
		}
		g_strfreev(pairs);
	}
	struct label_order order = { c->l, key };
	g_ptr_array_sort_with_data(a, layout_compare, &order);
	return a;
}

/* "=SUM(B5:B9)" for column col, rows first..last (0-based). */
static char *sum(int col, int first, int last)
{
	char c[4];
	book_column(col, c);
	return g_strdup_printf("=SUM(%s%d:%s%d)", c, first + 1, c, last + 1);
}

/* Writes a total row under rows first..row-1 for columns 1..ncols, with
 * the values in totals. */
static void total_row(struct sheet *s, int row, int first, int ncols,
		      const double *totals, const char *label)
{
	sheet_string(s, row, 0, label, s->b->total);
	for (int k = 0; k < ncols; k++) {
		char *f = sum(1 + k, first, row - 1);
		sheet_formula(s, row, 1 + k, f, totals[k], s->b->num_total);
		g_free(f);
	}
}

/* A row total in column col over columns 1..col-1. */
static void row_total(struct sheet *s, int row, int col, double v)
{
	char a[4], z[4];
	char *f = g_strdup_printf("=SUM(%s%d:%s%d)", book_column(1, a), row + 1,
				  book_column(col - 1, z), row + 1);
	sheet_formula(s, row, col, f, v, s->b->num_bold);
	g_free(f);
}

static void headcount_sheet(const struct ctx *c)
{
	struct book *b = c->b;
	struct sheet s = sheet_add(b, "Effectifs au 31-12", c->l->main_colour);
	char buf[256];

	snprintf(buf, sizeof buf, "Effectifs au 31 décembre %d (CDI et CDD)", c->l->year);
	sheet_title(&s, 0, buf, b->title);
	const char *head[] = { "Direction et catégorie", "CDI femmes", "CDI hommes",
			       "CDD femmes", "CDD hommes", "Total" };
	for (int i = 0; i < 6; i++)
		sheet_string(&s, 2, i, head[i], b->header);
	GPtrArray *dirs = values_of(c, c->detail, "rh.effectif", "direction", 4);
	int row = 3, first = 3;
	double totals[5] = { 0 };
	for (guint d = 0; d < dirs->len; d++) {
		const char *dir = g_ptr_array_index(dirs, d);
		for (int g = 0; g < 3; g++) {
			snprintf(buf, sizeof buf, "%s — %s",
				 layout_label(c->l, "direction", dir),
				 layout_label(c->l, "categorie", groups[g]));
			sheet_string(&s, row, 0, buf, b->text);
			double line = 0;
			for (int k = 0; k < 4; k++) {
				char dims[256];
				snprintf(dims, sizeof dims,
					 "categorie=%s,contrat=%s,direction=%s,sexe=%s",
					 groups[g], contracts[k / 2], dir, sexes[k % 2]);
				double v = value(c, "rh.effectif", dims);
				sheet_number(&s, row, 1 + k, v, b->num[0]);
				line += v;
				totals[k] += v;
			}
			row_total(&s, row, 5, line);
			totals[4] += line;
			row++;
		}
	}
	total_row(&s, row, first, 5, totals, "Total");
	row += 2;

	sheet_string(&s, row++, 0, "Équivalents temps plein (ETP) par direction", b->subtitle);
	sheet_string(&s, row, 0, "Direction", b->header);
	sheet_string(&s, row, 1, "ETP", b->header);
	first = ++row;
	double etp = 0;
	for (guint d = 0; d < dirs->len; d++, row++) {
		const char *dir = g_ptr_array_index(dirs, d);
		char dims[160];
		snprintf(dims, sizeof dims, "direction=%s", dir);
		double v = value(c, "rh.etp", dims);
		sheet_string(&s, row, 0, layout_label(c->l, "direction", dir), b->text);
		sheet_number(&s, row, 1, v, b->num[1]);
		etp += v;
	}
	char *f = sum(1, first, row - 1);
	sheet_string(&s, row, 0, "Total", b->total);
	sheet_formula(&s, row, 1, f, etp, b->num_total1);
	g_free(f);
	g_ptr_array_free(dirs, TRUE);
	sheet_finish(&s, 3, false);
}

static void pyramid_sheet(const struct ctx *c)
{
	struct book *b = c->b;
	struct sheet s = sheet_add(b, "Pyramide des âges", c->l->accent);
	static const char *const bands[] = {
		"60_plus", "55_59", "50_54", "45_49", "40_44", "35_39", "30_34",
		"25_29", "moins_25",
	};
	static const char *const labels[] = {
		"60 ans et plus", "55 à 59 ans", "50 à 54 ans", "45 à 49 ans",
		"40 à 44 ans", "35 à 39 ans", "30 à 34 ans", "25 à 29 ans",
		"Moins de 25 ans",
	};
	char buf[128];

	snprintf(buf, sizeof buf, "Pyramide des âges au 31 décembre %d", c->l->year);
	sheet_title(&s, 0, buf, b->title);
	const char *head[] = { "Âge au 31 décembre", "Femmes", "Hommes", "Total" };
	for (int i = 0; i < 4; i++)
		sheet_string(&s, 2, i, head[i], b->header);
	/* the chart draws men to the left: their counts negated, shown
	 * without the sign */
	lxw_format *neg = workbook_add_format(b->wb);
	format_set_num_format(neg, "#,##0;#,##0");
	format_set_font_color(neg, 0x808080);
	sheet_string(&s, 2, 5, "Hommes (graphique)", b->header);
	double totals[3] = { 0 };
	int first = 3, row = 3;
	for (int i = 0; i < 9; i++, row++) {
		char dims[64];
		sheet_string(&s, row, 0, labels[i], b->text);
		snprintf(dims, sizeof dims, "sexe=f,tranche=%s", bands[i]);
		double f = value(c, "rh.pyramide", dims);
		snprintf(dims, sizeof dims, "sexe=h,tranche=%s", bands[i]);
		double h = value(c, "rh.pyramide", dims);
		sheet_number(&s, row, 1, f, b->num[0]);
		sheet_number(&s, row, 2, h, b->num[0]);
		row_total(&s, row, 3, f + h);
		sheet_number(&s, row, 5, -h, neg);
		totals[0] += f;
		totals[1] += h;
		totals[2] += f + h;
	}
	total_row(&s, row, first, 3, totals, "Total");

	lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_BAR);
	chart_title_set_name(chart, "Pyramide des âges");
	const struct { int col; const char *name; uint32_t colour; } ser[] = {
		{ 1, "Femmes", c->l->accent }, { 5, "Hommes", c->l->main_colour },
	};
	for (int k = 0; k < 2; k++) {
		lxw_chart_series *se = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(se, s.name, first, 0, row - 1, 0);
		chart_series_set_values(se, s.name, first, ser[k].col, row - 1, ser[k].col);
		chart_series_set_name(se, ser[k].name);
		lxw_chart_fill fill = { .color = ser[k].colour };
		chart_series_set_fill(se, &fill);
	}
	chart_set_series_overlap(chart, 100);
	chart_set_series_gap(chart, 15);
	/* horizontal bars: x_axis holds the values, y_axis the bands, drawn
	 * from the bottom: reversed, the oldest are on top */
	chart_axis_set_num_format(chart->x_axis, "#,##0;#,##0");
	chart_axis_set_label_position(chart->y_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	chart_axis_set_reverse(chart->y_axis);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = { .x_scale = 1.2, .y_scale = 1.3,
				  .description = "Pyramide des âges, femmes à gauche, hommes à droite" };
	book_check(b, worksheet_insert_chart_opt(s.ws, 2, 7, chart, &opt));
	sheet_finish(&s, 3, true);
}

static void moves_sheet(const struct ctx *c)
{
	struct book *b = c->b;
	struct sheet s = sheet_add(b, "Mouvements", c->l->accent);
	char buf[128];

	snprintf(buf, sizeof buf, "Recrutements et départs %d, par mois", c->l->year);
	sheet_title(&s, 0, buf, b->title);
	sheet_string(&s, 2, 0, "Recrutements", b->subtitle);
	const char *head[] = { "Mois", "CDI", "CDD", "Total" };
	for (int i = 0; i < 4; i++)
		sheet_string(&s, 3, i, head[i], b->header);
	double totals[3] = { 0 };
	int row = 4, first = 4;
	for (int m = 0; m < 12; m++, row++) {
		sheet_string(&s, row, 0, months[m], b->text);
		double line = 0;
		for (int k = 0; k < 2; k++) {
			char dims[64];
			snprintf(dims, sizeof dims, "contrat=%s,mois=%02d", contracts[k], m + 1);
			double v = value(c, "rh.recrutements", dims);
			sheet_number(&s, row, 1 + k, v, b->num[0]);
			totals[k] += v;
			line += v;
		}
		row_total(&s, row, 3, line);
		totals[2] += line;
	}
	total_row(&s, row, first, 3, totals, "Total");
	row += 2;

	GPtrArray *motifs = values_of(c, c->detail, "rh.departs", "motif", 2);
	sheet_string(&s, row++, 0, "Départs, par motif", b->subtitle);
	sheet_string(&s, row, 0, "Mois", b->header);
	for (guint k = 0; k < motifs->len; k++)
		sheet_string(&s, row, 1 + (int)k,
			     layout_label(c->l, "motif", g_ptr_array_index(motifs, k)),
			     b->header);
	int ncols = (int)motifs->len;
	sheet_string(&s, row, 1 + ncols, "Total", b->header);
	double *dt = g_new0(double, ncols + 1);
	first = ++row;
	for (int m = 0; m < 12; m++, row++) {
		sheet_string(&s, row, 0, months[m], b->text);
		double line = 0;
		for (int k = 0; k < ncols; k++) {
			char dims[200];
			snprintf(dims, sizeof dims, "mois=%02d,motif=%s", m + 1,
				 (char *)g_ptr_array_index(motifs, k));
			double v = value(c, "rh.departs", dims);
			sheet_number(&s, row, 1 + k, v, b->num[0]);
			dt[k] += v;
			line += v;
		}
		row_total(&s, row, 1 + ncols, line);
		dt[ncols] += line;
	}
	total_row(&s, row, first, ncols + 1, dt, "Total");
	g_free(dt);
	g_ptr_array_free(motifs, TRUE);
	sheet_finish(&s, 0, true);
}

/* A table "category | value" with its total, from row on; returns the
 * next free row. */
static int by_category(struct sheet *s, const struct ctx *c, int row,
		       const char *title, const char *indicator)
{
	struct book *b = c->b;
	sheet_string(s, row++, 0, title, b->subtitle);
	sheet_string(s, row, 0, "Catégorie", b->header);
	sheet_string(s, row, 1, "Salariés", b->header);
	int first = ++row;
	double total = 0;
	for (int g = 0; g < 3; g++, row++) {
		char dims[64];
		snprintf(dims, sizeof dims, "categorie=%s", groups[g]);
		double v = value(c, indicator, dims);
		sheet_string(s, row, 0, layout_label(c->l, "categorie", groups[g]), b->text);
		sheet_number(s, row, 1, v, b->num[0]);
		total += v;
	}
	total_row(s, row, first, 1, &total, "Total");
	return row + 2;
}

static void others_sheet(const struct ctx *c)
{
	struct book *b = c->b;
	struct sheet s = sheet_add(b, "Promotions, formation, handicap", c->l->accent);
	char buf[128];

	snprintf(buf, sizeof buf, "Promotions, formation et handicap %d", c->l->year);
	sheet_title(&s, 0, buf, b->title);
	int row = by_category(&s, c, 2, "Promotions internes parmi l'effectif", "rh.promotions");

	sheet_string(&s, row++, 0, "Formation", b->subtitle);
	sheet_string(&s, row, 0, "Indicateur", b->header);
	sheet_string(&s, row++, 1, "Valeur", b->header);
	sheet_string(&s, row, 0, "Salariés formés", b->text);
	sheet_number(&s, row++, 1, value(c, "formation.salaries_formes", ""), b->num[0]);
	sheet_string(&s, row, 0, "Heures de formation", b->text);
	sheet_number(&s, row++, 1, value(c, "formation.heures", ""), b->num[1]);
	row++;
	sheet_string(&s, row, 0, "Modalité", b->header);
	sheet_string(&s, row, 1, "Heures", b->header);
	GPtrArray *mods = values_of(c, c->t, "formation.heures", "modalite", 1);
	int first = ++row;
	double total = 0;
	for (guint k = 0; k < mods->len; k++, row++) {
		char dims[128];
		snprintf(dims, sizeof dims, "modalite=%s", (char *)g_ptr_array_index(mods, k));
		double v = value(c, "formation.heures", dims);
		sheet_string(&s, row, 0, layout_label(c->l, "modalite",
						      g_ptr_array_index(mods, k)), b->text);
		sheet_number(&s, row, 1, v, b->num[1]);
		total += v;
	}
	total_row(&s, row, first, 1, &total, "Total");
	g_ptr_array_free(mods, TRUE);
	row += 2;

	row = by_category(&s, c, row, "Travailleurs reconnus handicapés (RQTH) parmi l'effectif",
			  "rh.rqth");
	sheet_string(&s, row, 0, "Postes aménagés dans l'année", b->text);
	sheet_number(&s, row, 1, value(c, "rh.postes_amenages", ""), b->num[0]);
	sheet_finish(&s, 0, false);
}

int xlsx_effectifs(const char *path, const struct layout *l,
		   const struct figures *t, const struct figures *detail,
		   time_t date, struct diag *d)
{
	struct book b;
	char *title = g_strdup_printf("Effectifs %d — document interne", l->year);
	char *subject = g_strdup_printf("Bilan des effectifs %d de %s", l->year, l->office);
	int status = book_open(&b, path, l, title, subject, date, d);
	g_free(title);
	g_free(subject);
	if (status != 0)
		return -1;
	struct ctx c = { &b, l, t, detail };
	headcount_sheet(&c);
	pyramid_sheet(&c);
	moves_sheet(&c);
	others_sheet(&c);
	return book_close(&b, d);
}
