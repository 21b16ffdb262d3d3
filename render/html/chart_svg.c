/* chart_svg.c — a chart as the web edition shows it: drawn by the PDF's
 * chart code (charts.c) on a cairo SVG surface, inlined in the page with
 * its ids made the page's own, a title and a description for assistive
 * technologies, and the data as a table (see chart_svg.h). */
#include "chart_svg.h"
#include "style.h"
#include "markup.h"
#include "../charts.h"
#include "../../model/format.h"

#include <math.h>
#include <string.h>

#include <cairo-svg.h>

/* The chart's box, in SVG user units (CSS scales it to the column).
 * The text of charts.c is sized for a PDF column of this width: drawn
 * narrower, a phone would show it smaller than the page's text. */
#define CHART_W 240.0
#define CHART_LINE 14.4

static cairo_status_t to_string(void *closure, const unsigned char *data,
				unsigned int length)
{
	g_string_append_len(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* cairo numbers the ids of every SVG it writes from the same start
 * (glyph0-1, clip1…): several in one page would clash, so each chart's
 * become its own ("g3-glyph0-1"), references included. */
static char *own_ids(const char *svg, const char *prefix)
{
	static const char *const marks[] = { "id=\"", "href=\"#", "url(#" };
	GString *out = g_string_new("");
	const char *p = svg;
	while (*p) {
		const char *next = NULL;
		size_t len = 0;
		for (int i = 0; i < 3; i++) {
			const char *m = strstr(p, marks[i]);
			if (m && (!next || m < next)) {
				next = m;
				len = strlen(marks[i]);
			}
		}
		if (!next) {
			g_string_append(out, p);
			break;
		}
		g_string_append_len(out, p, next + len - p);
		g_string_append_printf(out, "%s-", prefix);
		p = next + len;
	}
	return g_string_free(out, FALSE);
}

/* The SVG cairo wrote, from its <svg> element's content on, without the
 * XML prolog and the root element (the page writes its own). */
static const char *svg_body(const char *svg, const char **end)
{
	const char *root = strstr(svg, "<svg");
	const char *body = root ? strchr(root, '>') : NULL;
	const char *close = g_strrstr(svg, "</svg>");
	if (!body || !close || close < body)
		return NULL;
	*end = close;
	return body + 1;
}

static void table(GString *out, const struct chart_table *tb, const char *caption)
{
	g_string_append(out, "<details class=\"donnees\">\n<summary>Les données du graphique"
			     "</summary>\n<div class=\"table\"><table>\n");
	char *cap = html_escape(caption);
	g_string_append_printf(out, "<caption>%s</caption>\n<thead><tr>", cap);
	g_free(cap);
	for (guint i = 0; i < tb->head->len; i++) {
		char *c = html_escape(tb->head->pdata[i]);
		if (i == 0 && !*c)
			g_string_append(out, "<td></td>");
		else
			g_string_append_printf(out, "<th scope=\"col\">%s</th>", c);
		g_free(c);
	}
	g_string_append(out, "</tr></thead>\n<tbody>\n");
	for (guint r = 0; r < tb->rows->len; r++) {
		GPtrArray *row = tb->rows->pdata[r];
		g_string_append(out, "<tr>");
		for (guint i = 0; i < row->len; i++) {
			char *c = html_escape(row->pdata[i]);
			if (i == 0)
				g_string_append_printf(out, "<th scope=\"row\">%s</th>", c);
			else
				g_string_append_printf(out, "<td>%s</td>", c);
			g_free(c);
		}
		g_string_append(out, "</tr>\n");
	}
	g_string_append(out, "</tbody>\n</table></div>\n</details>\n");
}

void html_chart(struct html *h, GString *out, const struct chart_block *c,
		const struct loop *loop)
{
	char *title = format_typography(c->title);
	char *etitle = html_escape(title);
	if (c->missing) {
		/* a draft's chart whose indicator is absent */
		g_string_append_printf(out, "<figure class=\"graphique manquant\">\n"
				       "<figcaption>%s</figcaption>\n<p>n.d.</p>\n</figure>\n",
				       etitle);
		g_free(etitle);
		g_free(title);
		return;
	}
	int n = ++h->charts;
	double height = chart_lines(c, h->t) * CHART_LINE;
	GString *svg = g_string_new("");
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(to_string, svg, CHART_W, height);
	cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_USER);
	cairo_t *cr = cairo_create(s);
	struct chart_table tb;
	chart_table_init(&tb);
	struct chart_ctx cc = { cr, h->ctx, &h->chart_l, h->t, h->cells,
				html_loop_colour(h, loop), &tb };
	char *alt = chart_draw(&cc, c, 0, 0, CHART_W, height);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);

	char prefix[16];
	snprintf(prefix, sizeof prefix, "g%d", n);
	char *numbered = html_svg_own_numbers(svg->str);
	char *owned = own_ids(numbered, prefix);
	g_free(numbered);
	const char *end = NULL, *body = svg_body(owned, &end);
	char *ealt = html_attr(alt);
	/* the title is the figure's caption, as text: the SVG's own drawing
	 * of it is left outside its view box */
	g_string_append_printf(out,
		"<figure class=\"graphique\">\n<figcaption>%s</figcaption>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" "
		"xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 %g %g %g\" "
		"width=\"%d\" height=\"%ld\" role=\"img\" aria-label=\"%s\">\n"
		"<title>%s</title>\n",
		etitle, CHART_TITLE_H, CHART_W, height - CHART_TITLE_H, (int)CHART_W,
		lround(height - CHART_TITLE_H), ealt, etitle);
	if (body)
		g_string_append_len(out, body, end - body);
	g_string_append(out, "</svg>\n");
	table(out, &tb, title);
	g_string_append(out, "</figure>\n");
	g_free(ealt);
	g_free(owned);
	g_string_free(svg, TRUE);
	chart_table_release(&tb);
	g_free(alt);
	g_free(etitle);
	g_free(title);
}
