/* charts.c — see charts.h. */
#include "charts.h"
#include "fonts.h"
#include "../model/chart_data.h"
#include "colour.h"
#include "../model/format.h"
#include "../model/inputs.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>


static void rgb(const struct chart_ctx *cc, uint32_t c, double alpha)
{
	if (cc->cr)
		cairo_set_source_rgba(cc->cr, ((c >> 16) & 255) / 255.0,
				      ((c >> 8) & 255) / 255.0, (c & 255) / 255.0, alpha);
}

/* Text at (x, baseline) in width w; returns the width used. */
static double text(const struct chart_ctx *cc, const char *s, PangoWeight weight,
		   double size, uint32_t c, double x, double baseline, double w,
		   PangoAlignment align)
{
	PangoLayout *lay = fonts_layout(cc->ctx, s, cc->l->font_text, weight, size, w);
	pango_layout_set_alignment(lay, align);
	pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
	int lw, lh;
	pango_layout_get_size(lay, &lw, &lh);
	if (cc->cr) {
		rgb(cc, c, 1);
		cairo_move_to(cc->cr, x, baseline - pango_layout_get_baseline(lay) / (double)PANGO_SCALE);
		pango_cairo_show_layout(cc->cr, lay);
		cairo_new_path(cc->cr);
	}
	g_object_unref(lay);
	return lw / (double)PANGO_SCALE;
}

/* The value of a figure as the chart prints it (with the rule). */
static void value_text(const struct chart_ctx *cc, int fig, double v, bool percent,
		       char *buf, size_t cap)
{
	enum sc_cell cell = fig >= 0 ? cc->cells[fig] : SC_SHOWN;
	if (cell != SC_SHOWN)
		g_strlcpy(buf, sc_label(cell), cap);
	else
		format_value(v, percent ? FMT_POURCENT : FMT_NOMBRE, 0, buf, cap);
}

static bool is_percent(const struct chart_ctx *cc, const struct chart_data *d)
{
	for (size_t i = 0; i < d->axis->len * d->series->len; i++)
		if (d->fig[i] >= 0)
			return !strcmp(cc->t->v[d->fig[i]].unit, "%");
	return false;
}

static uint32_t palette(const struct chart_ctx *cc, size_t i)
{
	const struct layout *l = cc->l;
	if (i == 0)
		return cc->colour;
	size_t n = l->nloops + 1;
	i = (i - 1) % n;
	uint32_t c = i < l->nloops ? l->loops[i].colour : l->accent;
	return c == cc->colour ? l->accent : c;
}

/* ---- the table ---- */

void chart_table_init(struct chart_table *tb)
{
	tb->head = g_ptr_array_new_with_free_func(g_free);
	tb->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
}

void chart_table_release(struct chart_table *tb)
{
	if (tb->head)
		g_ptr_array_unref(tb->head);
	if (tb->rows)
		g_ptr_array_unref(tb->rows);
	*tb = (struct chart_table){ 0 };
}

/* The header row, or a row: n strings, NULL-terminated. */
static void table_add(const struct chart_ctx *cc, bool head, const char *first, ...)
{
	if (!cc->table)
		return;
	GPtrArray *row = head ? cc->table->head : g_ptr_array_new_with_free_func(g_free);
	va_list ap;
	va_start(ap, first);
	for (const char *s = first; s; s = va_arg(ap, const char *))
		g_ptr_array_add(row, format_typography(s));
	va_end(ap);
	if (!head)
		g_ptr_array_add(cc->table->rows, row);
}

/* A header row of the axis's name and the series' labels. */
static void table_series_head(const struct chart_ctx *cc, const char *axis,
			      const char *series, const struct chart_data *d)
{
	if (!cc->table)
		return;
	table_add(cc, true, layout_label(cc->l, "dimension", axis), NULL);
	for (size_t k = 0; k < d->series->len; k++)
		g_ptr_array_add(cc->table->head,
				g_strdup(layout_label(cc->l, series, g_ptr_array_index(d->series, k))));
}

/* ---- the kinds ---- */

static void bars(const struct chart_ctx *cc, const struct chart_block *c,
		 const struct chart_data *d, GString *alt, double x, double y,
		 double w, double h)
{
	bool percent = is_percent(cc, d);
	size_t n = d->axis->len;
	double max = percent ? 100 : 0;
	for (size_t i = 0; i < n; i++)
		max = fmax(max, d->v[i * d->series->len]);
	double label_w = w * 0.42, bar_w = w - label_w - 38, row = fmin(15, h / fmax(1, n));
	table_add(cc, true, layout_label(cc->l, "dimension", c->axis), "Valeur", NULL);
	for (size_t i = 0; i < n; i++) {
		const char *slug = g_ptr_array_index(d->axis, i);
		const char *label = layout_label(cc->l, c->axis, slug);
		double v = d->v[i * d->series->len], by = y + i * row;
		char num[48];
		value_text(cc, d->fig[i * d->series->len], v, percent, num, sizeof num);
		text(cc, label, PANGO_WEIGHT_NORMAL, 7.5, cc->l->text_colour, x, by + row * 0.7,
		     label_w - 4, PANGO_ALIGN_RIGHT);
		if (cc->cr) {
			rgb(cc, cc->colour, 0.15);
			cairo_rectangle(cc->cr, x + label_w, by + row * 0.15, bar_w, row * 0.7);
			cairo_fill(cc->cr);
			rgb(cc, cc->colour, 1);
			cairo_rectangle(cc->cr, x + label_w, by + row * 0.15,
					max > 0 ? bar_w * v / max : 0, row * 0.7);
			cairo_fill(cc->cr);
		}
		text(cc, num, PANGO_WEIGHT_BOLD, 7.5, cc->l->text_colour,
		     x + label_w + bar_w + 3, by + row * 0.7, 40, PANGO_ALIGN_LEFT);
		g_string_append_printf(alt, "%s%s : %s", i ? ", " : "", label, num);
		table_add(cc, false, label, num, NULL);
	}
}

static void doughnut(const struct chart_ctx *cc, const struct chart_block *c,
		     const struct chart_data *d, GString *alt, double x, double y,
		     double w, double h)
{
	size_t n = d->axis->len;
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += d->v[i * d->series->len];
	double r = fmin(h, w * 0.45) / 2 - 2, cx = x + r + 4, cy = y + h / 2;
	double a = -G_PI / 2;
	table_add(cc, true, layout_label(cc->l, "dimension", c->axis), "Nombre", NULL);
	for (size_t i = 0; i < n; i++) {
		double v = d->v[i * d->series->len];
		double a2 = a + (total > 0 ? 2 * G_PI * v / total : 0);
		if (cc->cr) {
			rgb(cc, palette(cc, i), 1);
			cairo_arc(cc->cr, cx, cy, r, a, a2);
			cairo_arc_negative(cc->cr, cx, cy, r * 0.55, a2, a);
			cairo_close_path(cc->cr);
			cairo_fill(cc->cr);
		}
		a = a2;
		const char *label = layout_label(cc->l, c->axis, g_ptr_array_index(d->axis, i));
		char num[48], line[160];
		value_text(cc, d->fig[i * d->series->len], v, false, num, sizeof num);
		snprintf(line, sizeof line, "%s : %s", label, num);
		double ly = y + 10 + i * 12;
		if (cc->cr) {
			rgb(cc, palette(cc, i), 1);
			cairo_rectangle(cc->cr, cx + r + 12, ly - 6, 7, 7);
			cairo_fill(cc->cr);
		}
		char *typo = format_typography(line);
		text(cc, typo, PANGO_WEIGHT_NORMAL, 7.5, cc->l->text_colour, cx + r + 23, ly,
		     w - 2 * r - 30, PANGO_ALIGN_LEFT);
		g_string_append_printf(alt, "%s%s", i ? ", " : "", typo);
		table_add(cc, false, label, num, NULL);
		g_free(typo);
	}
	char num[48];
	format_value(total, FMT_NOMBRE, 0, num, sizeof num);
	text(cc, num, PANGO_WEIGHT_HEAVY, 11, cc->colour, cx - r, cy + 4, 2 * r,
	     PANGO_ALIGN_CENTER);
	g_string_append_printf(alt, " ; total : %s", num);
	table_add(cc, false, "Total", num, NULL);
}

/* Stacked shares of each axis value across the series. */
static void shares(const struct chart_ctx *cc, const struct chart_block *c,
		   const struct chart_data *d, GString *alt, double x, double y,
		   double w, double h)
{
	size_t n = d->axis->len, ns = d->series->len;
	double label_w = w * 0.32, bar_w = w - label_w, row = fmin(20, (h - 14) / fmax(1, n));
	const char *series = c->target[0] ? c->target : "sexe";
	table_series_head(cc, c->axis, series, d);
	for (size_t i = 0; i < n; i++) {
		GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
		double total = 0, at = x + label_w, by = y + i * row;
		for (size_t k = 0; k < ns; k++)
			total += d->v[i * ns + k];
		const char *label = layout_label(cc->l, c->axis, g_ptr_array_index(d->axis, i));
		text(cc, label, PANGO_WEIGHT_NORMAL, 7.5, cc->l->text_colour, x, by + row * 0.65,
		     label_w - 4, PANGO_ALIGN_RIGHT);
		g_string_append_printf(alt, "%s%s :", i ? " ; " : "", label);
		g_ptr_array_add(cells, g_strdup(label));
		for (size_t k = 0; k < ns; k++) {
			double share = total > 0 ? d->v[i * ns + k] / total : 0;
			bool hidden = d->fig[i * ns + k] >= 0 &&
				      cc->cells[d->fig[i * ns + k]] != SC_SHOWN;
			if (cc->cr) {
				rgb(cc, k == 0 ? cc->colour : cc->l->accent, 1);
				cairo_rectangle(cc->cr, at, by + row * 0.15, bar_w * share, row * 0.7);
				cairo_fill(cc->cr);
			}
			char num[48];
			if (hidden)
				g_strlcpy(num, sc_label(cc->cells[d->fig[i * ns + k]]), sizeof num);
			else
				format_value(100 * share, FMT_POURCENT, 0, num, sizeof num);
			if (share > 0.12)
				/* black or white, whichever reads on the bar */
				text(cc, num, PANGO_WEIGHT_BOLD, 7,
				     colour_text_on(k == 0 ? cc->colour : cc->l->accent),
				     at + 3, by + row * 0.65,
				     bar_w * share - 4, PANGO_ALIGN_LEFT);
			g_string_append_printf(alt, " %s %s",
					       layout_label(cc->l, series,
							    g_ptr_array_index(d->series, k)), num);
			g_ptr_array_add(cells, format_typography(num));
			at += bar_w * share;
		}
		if (cc->table)
			g_ptr_array_add(cc->table->rows, cells);
		else
			g_ptr_array_unref(cells);
	}
	/* legend */
	double ly = y + n * row + 10;
	for (size_t k = 0; k < ns; k++) {
		if (cc->cr) {
			rgb(cc, k == 0 ? cc->colour : cc->l->accent, 1);
			cairo_rectangle(cc->cr, x + label_w + k * 70, ly - 6, 7, 7);
			cairo_fill(cc->cr);
		}
		text(cc, layout_label(cc->l, "sexe", g_ptr_array_index(d->series, k)),
		     PANGO_WEIGHT_NORMAL, 7.5, cc->l->text_colour, x + label_w + k * 70 + 10, ly,
		     60, PANGO_ALIGN_LEFT);
	}
}

static void pyramid(const struct chart_ctx *cc, const struct chart_data *d,
		    GString *alt, double x, double y, double w, double h)
{
	size_t n = d->axis->len, ns = d->series->len;
	double max = 1, mid = x + w / 2, half = w / 2 - 26;
	for (size_t i = 0; i < n * ns; i++)
		max = fmax(max, d->v[i]);
	double row = (h - 14) / fmax(1, n);
	/* the oldest on top: the axis comes in the layout's order, youngest first */
	for (size_t i = 0; i < n; i++) {
		size_t r = n - 1 - i;
		double by = y + i * row;
		const char *band = layout_label(cc->l, "tranche", g_ptr_array_index(d->axis, r));
		for (size_t k = 0; k < ns && k < 2; k++) {
			double v = d->v[r * ns + k], len = half * v / max;
			bool left = k == 1;             /* men left, women right */
			if (cc->cr) {
				rgb(cc, left ? cc->l->main_colour : cc->colour, 1);
				cairo_rectangle(cc->cr, left ? mid - 13 - len : mid + 13, by + 1,
						len, row - 2);
				cairo_fill(cc->cr);
			}
			char num[48];
			value_text(cc, d->fig[r * ns + k], v, false, num, sizeof num);
			text(cc, num, PANGO_WEIGHT_NORMAL, 6, cc->l->text_colour,
			     left ? mid - 13 - len - 24 : mid + 13 + len + 2, by + row * 0.75, 22,
			     left ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
		}
		text(cc, band, PANGO_WEIGHT_NORMAL, 5.5, cc->l->text_colour, mid - 13,
		     by + row * 0.75, 26, PANGO_ALIGN_CENTER);
	}
	text(cc, layout_label(cc->l, "sexe", "h"), PANGO_WEIGHT_BOLD, 7.5, cc->l->main_colour,
	     x, y + h - 2, w / 2 - 20, PANGO_ALIGN_RIGHT);
	text(cc, layout_label(cc->l, "sexe", "f"), PANGO_WEIGHT_BOLD, 7.5, cc->colour,
	     mid + 20, y + h - 2, w / 2 - 20, PANGO_ALIGN_LEFT);
	g_string_append(alt, "pyramide des âges, hommes à gauche, femmes à droite ; ");
	table_add(cc, true, layout_label(cc->l, "dimension", "tranche"),
		  layout_label(cc->l, "sexe", "f"), layout_label(cc->l, "sexe", "h"), NULL);
	for (size_t i = 0; i < n; i++) {
		char f[48], m[48];
		value_text(cc, d->fig[i * ns], d->v[i * ns], false, f, sizeof f);
		value_text(cc, d->fig[i * ns + 1], d->v[i * ns + 1], false, m, sizeof m);
		const char *band = layout_label(cc->l, "tranche", g_ptr_array_index(d->axis, i));
		g_string_append_printf(alt, "%s%s : %s femmes, %s hommes", i ? ", " : "",
				       band, f, m);
		table_add(cc, false, band, f, m, NULL);
	}
}

static double figure_value(const struct chart_ctx *cc, const char *id, const char *dims,
			   bool *found)
{
	const struct figure *f = figures_for_year(cc->t, id, dims, cc->l->year);
	*found = f != NULL;
	return f ? f->value : 0;
}

static void target(const struct chart_ctx *cc, const struct chart_block *c, GString *alt,
		   double x, double y, double w, double h)
{
	bool got, gotc;
	double v = figure_value(cc, c->indicator, "", &got);
	double goal = figure_value(cc, c->target, "", &gotc);
	double max = fmax(v, goal) * 1.1;
	char vs[48], gs[48];
	format_value(v, FMT_NOMBRE, 0, vs, sizeof vs);
	format_value(goal, FMT_NOMBRE, 0, gs, sizeof gs);
	double by = y + h / 2 - 8;
	if (cc->cr && max > 0) {
		rgb(cc, cc->colour, 0.15);
		cairo_rectangle(cc->cr, x, by, w, 16);
		cairo_fill(cc->cr);
		rgb(cc, cc->colour, 1);
		cairo_rectangle(cc->cr, x, by, w * v / max, 16);
		cairo_fill(cc->cr);
		rgb(cc, cc->l->main_colour, 1);
		cairo_set_line_width(cc->cr, 2);
		cairo_move_to(cc->cr, x + w * goal / max, by - 6);
		cairo_line_to(cc->cr, x + w * goal / max, by + 22);
		cairo_stroke(cc->cr);
	}
	text(cc, vs, PANGO_WEIGHT_HEAVY, 10, colour_text_on(cc->colour), x + 4, by + 12, 60,
	     PANGO_ALIGN_LEFT);
	char *lab = g_strdup_printf("objectif : %s", gs);
	char *typo = format_typography(lab);
	text(cc, typo, PANGO_WEIGHT_BOLD, 7.5, cc->l->main_colour,
	     max > 0 ? x + w * goal / max - 60 : x, by + 34, 120, PANGO_ALIGN_CENTER);
	g_string_append_printf(alt, "%s réalisés pour un %s", vs, typo);
	table_add(cc, true, "", "Nombre", NULL);
	table_add(cc, false, "Réalisé", vs, NULL);
	table_add(cc, false, "Objectif", gs, NULL);
	g_free(typo);
	g_free(lab);
}

/* The energy label scale, A (green) to G (red). */
static void labels(const struct chart_ctx *cc, const struct chart_block *c, GString *alt,
		   double x, double y, double w, double h)
{
	static const uint32_t hue[] = { 0x009A44, 0x4CB848, 0xBCD631, 0xFFE600,
					0xF7A823, 0xEE6B2F, 0xE2231A };
	double row = h / 7;
	table_add(cc, true, "Classe énergétique", "Logements", NULL);
	for (int i = 0; i < 7; i++) {
		char letter[2] = { (char)('A' + i), 0 }, id[128];
		snprintf(id, sizeof id, "%s_%c", c->indicator, 'a' + i);
		bool found;
		double v = figure_value(cc, id, "", &found);
		double len = w * 0.28 + i * w * 0.06, by = y + i * row;
		if (cc->cr) {
			rgb(cc, hue[i], 1);
			cairo_move_to(cc->cr, x, by + 1);
			cairo_line_to(cc->cr, x + len, by + 1);
			cairo_line_to(cc->cr, x + len + row / 2 - 1, by + row / 2);
			cairo_line_to(cc->cr, x + len, by + row - 1);
			cairo_line_to(cc->cr, x, by + row - 1);
			cairo_close_path(cc->cr);
			cairo_fill(cc->cr);
		}
		text(cc, letter, PANGO_WEIGHT_HEAVY, row * 0.6, colour_text_on(hue[i]), x + 4,
		     by + row * 0.72, 20, PANGO_ALIGN_LEFT);
		if (found) {
			char num[48], line[96];
			format_value(v, FMT_NOMBRE, 0, num, sizeof num);
			snprintf(line, sizeof line, "%s logements", num);
			text(cc, line, PANGO_WEIGHT_BOLD, 8, cc->l->text_colour,
			     x + len + row / 2 + 6, by + row * 0.7, w - len - row, PANGO_ALIGN_LEFT);
			g_string_append_printf(alt, "%sclasse %s : %s", alt->len ? ", " : "",
					       letter, line);
			table_add(cc, false, letter, num, NULL);
		}
	}
}

static void comparison(const struct chart_ctx *cc, const struct chart_block *c,
		       GString *alt, double x, double y, double w, double h)
{
	/* this year's figure, and last year's: declared for both years, or
	 * from the previous edition's table */
	double v[2];
	const struct figure *now = figures_for_year(cc->t, c->indicator, "", cc->l->year);
	const struct figure *before = figures_previous(cc->t, c->indicator,
						       now ? now->dims : "", cc->l->year);
	v[0] = before ? before->value : 0;
	v[1] = now ? now->value : 0;
	double max = fmax(v[0], v[1]), bw = w / 5;
	table_add(cc, true, "Année", "Valeur", NULL);
	for (int k = 0; k < 2; k++) {
		double bh = max > 0 ? (h - 28) * v[k] / max : 0, bx = x + w / 2 - bw - 8 + k * (bw + 16);
		if (cc->cr) {
			rgb(cc, k ? cc->colour : cc->l->grid_colour, 1);
			cairo_rectangle(cc->cr, bx, y + h - 14 - bh, bw, bh);
			cairo_fill(cc->cr);
		}
		char num[48], year[16];
		format_value(v[k], FMT_NOMBRE, 0, num, sizeof num);
		snprintf(year, sizeof year, "%d", cc->l->year - 1 + k);
		text(cc, num, PANGO_WEIGHT_HEAVY, 10, cc->l->text_colour, bx, y + h - 18 - bh,
		     bw, PANGO_ALIGN_CENTER);
		text(cc, year, PANGO_WEIGHT_NORMAL, 7.5, cc->l->text_colour, bx, y + h - 3, bw,
		     PANGO_ALIGN_CENTER);
		g_string_append_printf(alt, "%s%s en %s", k ? " contre " : "", num, year);
		table_add(cc, false, year, num, NULL);
	}
}

int chart_lines(const struct chart_block *c, const struct figures *t)
{
	(void)t;
	return chart_kinds[c->kind].lines;
}

char *chart_draw(const struct chart_ctx *cc, const struct chart_block *c,
		 double x, double y, double w, double h)
{
	GString *alt = g_string_new("");
	char *title = format_typography(c->title);
	text(cc, title, PANGO_WEIGHT_BOLD, 8.5, cc->colour, x, y + 10, w, PANGO_ALIGN_LEFT);
	g_string_append_printf(alt, "%s. ", title);
	g_free(title);
	y += CHART_TITLE_H;
	h -= CHART_TITLE_H;
	if (c->kind == CHART_OBJECTIF) {
		target(cc, c, alt, x, y, w, h);
	} else if (c->kind == CHART_ETIQUETTES) {
		labels(cc, c, alt, x, y, w, h);
	} else if (c->kind == CHART_COMPARAISON) {
		comparison(cc, c, alt, x, y, w, h);
	} else {
		/* the kinds drawn from a breakdown: the pyramid's axis and
		 * series are its own, shares are split by sex */
		struct chart_data d;
		bool pyr = c->kind == CHART_PYRAMIDE, parts = c->kind == CHART_PARTS;
		chart_data_collect(cc->t, cc->l, c->indicator, pyr ? "tranche" : c->axis,
				   pyr ? "sexe" : parts ? "sexe" : "", c->filter,
				   c->descending, &d);
		if (pyr)
			pyramid(cc, &d, alt, x, y, w, h);
		else if (parts)
			shares(cc, c, &d, alt, x, y, w, h);
		else if (c->kind == CHART_ANNEAU)
			doughnut(cc, c, &d, alt, x, y, w, h);
		else
			bars(cc, c, &d, alt, x, y, w, h);
		chart_data_release(&d);
	}
	return g_string_free(alt, FALSE);
}
