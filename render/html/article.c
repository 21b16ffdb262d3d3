/* article.c — a text as HTML: its cmark document, whose text nodes
 * texts_load() already filled with what the PDF prints, rendered by
 * cmark in its safe mode (raw HTML and javascript:/data: links never
 * pass; texts_load() refused such links already), with the nodes that
 * made blocks (figures, charts, photos) replaced by custom blocks that
 * hold their HTML, which cmark writes as they are (see article.h). */
#include "article.h"
#include "chart_svg.h"
#include "photos.h"
#include "markup.h"

#include <string.h>

#include <cmark.h>

/* Figure tiles: big values with their labels. */
static void tiles(GString *out, const struct block *b)
{
	g_string_append(out, "<ul class=\"chiffres\">\n");
	for (size_t i = 0; i < b->ntiles; i++) {
		char *v = html_escape(b->tiles[i].value), *lab = html_escape(b->tiles[i].label);
		g_string_append_printf(out, "<li><span class=\"valeur\">%s</span> "
				       "<span class=\"libelle\">%s</span></li>\n", v, lab);
		g_free(v);
		g_free(lab);
	}
	g_string_append(out, "</ul>\n");
}

/* Titles are not hyphenated: the soft hyphens of node's text go. */
static void unhyphenate(cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_TEXT)
			continue;
		char **parts = g_strsplit(cmark_node_get_literal(n), "\xC2\xAD", -1);
		char *joined = g_strjoinv("", parts);
		cmark_node_set_literal(n, joined);
		g_free(joined);
		g_strfreev(parts);
	}
	cmark_iter_free(it);
}

/* The HTML of block b, or NULL when cmark renders it (a paragraph, a
 * heading). */
static char *block_html(struct html *h, const struct block *b, const struct loop *loop)
{
	GString *s = g_string_new("");
	switch (b->kind) {
	case BLOCK_TILES:
		tiles(s, b);
		break;
	case BLOCK_CHART:
		html_chart(h, s, &b->chart, loop);
		break;
	case BLOCK_IMAGE:
		html_photo(h, s, b);
		break;
	default:
		g_string_free(s, TRUE);
		return NULL;
	}
	return g_string_free(s, FALSE);
}

void html_article(struct html *h, GString *out, struct article *a, const char *id,
		  const struct loop *loop)
{
	/* what to change, gathered first (the tree cannot change under an
	 * iterator), without the insides of what goes or is replaced */
	GPtrArray *nodes = g_ptr_array_new();
	cmark_iter *it = cmark_iter_new(a->doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || n == a->doc)
			continue;
		void *data = cmark_node_get_user_data(n);
		cmark_node_type type = cmark_node_get_type(n);
		size_t k = (size_t)data - 1;
		bool gone = data == TEXTS_TITLE_NODE || type == CMARK_NODE_HTML_BLOCK ||
			    type == CMARK_NODE_HTML_INLINE ||
			    (data && k < a->n && a->v[k].kind != BLOCK_PARAGRAPH &&
			     a->v[k].kind != BLOCK_HEADING);
		if (gone || type == CMARK_NODE_HEADING ||
		    (type == CMARK_NODE_IMAGE && !data))
			g_ptr_array_add(nodes, n);
		if (gone)
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);

	int level = 2;          /* the article's title */
	for (guint i = 0; i < nodes->len; i++) {
		cmark_node *n = nodes->pdata[i];
		void *data = cmark_node_get_user_data(n);
		cmark_node_type type = cmark_node_get_type(n);
		if (data == TEXTS_TITLE_NODE || type == CMARK_NODE_HTML_BLOCK ||
		    type == CMARK_NODE_HTML_INLINE) {
			/* the title is ours to write; raw HTML is left out, as
			 * in the PDF (texts_load() warned) */
			cmark_node_free(n);
		} else if (type == CMARK_NODE_HEADING) {
			/* in order beneath the title, whatever levels the text skips */
			int want = cmark_node_get_heading_level(n) + 1;
			level = MIN(MIN(want, level + 1), 6);
			cmark_node_set_heading_level(n, level);
			unhyphenate(n);
		} else if (type == CMARK_NODE_IMAGE && !data) {
			/* a photo inside a sentence: its caption only, as in the PDF */
			cmark_node *c;
			while ((c = cmark_node_first_child(n)))
				cmark_node_insert_before(n, c);
			cmark_node_free(n);
		} else {
			char *html = block_html(h, &a->v[(size_t)data - 1], loop);
			cmark_node *raw = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
			cmark_node_set_on_enter(raw, html);
			cmark_node_replace(n, raw);
			cmark_node_free(n);
			g_free(html);
		}
	}
	g_ptr_array_free(nodes, TRUE);

	char *title = html_escape(a->title);
	g_string_append_printf(out, "<article id=\"%s\" aria-labelledby=\"%s-titre\">\n"
			       "<h2 id=\"%s-titre\">%s</h2>\n", id, id, id, title);
	g_free(title);
	char *body = cmark_render_html(a->doc, CMARK_OPT_DEFAULT);
	g_string_append(out, body);
	free(body);
	g_string_append(out, "</article>\n");
}
