/* site.c — the web edition's folder and its pages (see html.h): every
 * page's frame (head, banner with the loops, footer), the index (cover,
 * sommaire, editorial, key figures) and a page per loop; then the photos,
 * the logo, the faces and the stylesheet; then the folder takes the
 * place of the last one. */
#include "web.h"
#include "article.h"
#include "photos.h"
#include "style.h"
#include "webfonts.h"
#include "markup.h"
#include "../../etl/folder.h"
#include "../../model/parts.h"
#include "../fonts.h"
#include "../../model/format.h"
#include "../../model/secrecy.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-svg.h>
#include <glib/gstdio.h>

#ifndef CARNET_VERSION
#define CARNET_VERSION "0.0.0"
#endif

/* A string of the layout, as a reader sees it: French typography. */
static char *html_text(const char *text)
{
	char *typo = format_typography(text ? text : "");
	char *out = html_escape(typo);
	g_free(typo);
	return out;
}

/* ---- the frame of every page ---- */

static char *typo_attr(const char *text)
{
	char *typo = format_typography(text);
	char *out = html_attr(typo);
	g_free(typo);
	return out;
}

/* The page's file for a loop, NULL for the index. */
static char *page_file(const struct loop *loop)
{
	return loop ? g_strdup_printf("%s.html", loop->id) : g_strdup("index.html");
}

static void head(struct html *h, GString *out, const char *title, const struct loop *loop)
{
	const struct layout *l = h->l;
	/* the language tag was checked by layout_load(); escaped all the same */
	char *primary = g_strndup(l->language, strcspn(l->language, "-_"));
	char *lang = html_attr(primary);
	char *t = typo_attr(title), *desc = typo_attr(l->subtitle), *office = typo_attr(l->office);
	/* No script, nothing from outside the folder: the policy says so to
	 * the browser too (the charts' SVG carries style attributes). */
	g_string_append_printf(out,
		"<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		"img-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
		"base-uri 'none'; form-action 'none'\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>%s%s</title>\n<meta name=\"description\" content=\"%s — %s\">\n"
		"<meta name=\"generator\" content=\"carnet " CARNET_VERSION "\">\n"
		"%s<link rel=\"stylesheet\" href=\"carnet.css\">\n"
		"</head>\n", lang, h->draft ? "PROJET — " : "", t, desc, office,
		*l->logo ? "<link rel=\"icon\" href=\"logo.svg\">\n"
			 : "<link rel=\"icon\" href=\"icone.svg\">\n");
	g_free(primary);
	g_free(lang);
	g_free(t);
	g_free(desc);
	g_free(office);
	g_string_append_printf(out, "<body class=\"boucle-%s\">\n",
			       loop ? loop->id : "accueil");
	g_string_append(out, "<a class=\"evitement\" href=\"#contenu\">Aller au contenu</a>\n");
	if (h->draft)
		g_string_append(out, "<p class=\"projet\">PROJET — document de travail, "
				     "ni relu ni publié</p>\n");
	/* the banner: the office, and the loops */
	char *name = html_text(l->office);
	g_string_append(out, "<header class=\"bandeau\">\n<a class=\"maison\" href=\"index.html\">");
	if (*l->logo)
		g_string_append(out, "<img src=\"logo.svg\" alt=\"\" width=\"40\" height=\"40\">");
	g_string_append_printf(out, "%s</a>\n<nav aria-label=\"Les boucles\">\n<ul>\n", name);
	g_free(name);
	for (size_t i = 0; i < l->nloops; i++) {
		char *file = page_file(&l->loops[i]), *word = html_text(l->loops[i].word);
		g_string_append_printf(out, "<li><a href=\"%s\"%s>%s</a></li>\n", file,
				       loop == &l->loops[i] ? " aria-current=\"page\"" : "", word);
		g_free(file);
		g_free(word);
	}
	g_string_append(out, "</ul>\n</nav>\n</header>\n<main id=\"contenu\">\n");
}

/* The back cover's text: paragraphs, lines within them. */
static void back_text(GString *out, const char *text)
{
	char **paras = g_strsplit(text, "\n\n", -1);
	for (char **p = paras; *p; p++) {
		if (!**p)
			continue;
		char **lines = g_strsplit(*p, "\n", -1);
		g_string_append(out, "<p>");
		for (char **k = lines; *k; k++) {
			char *typo = format_typography(*k), *e = html_escape(typo);
			g_string_append_printf(out, "%s%s", k == lines ? "" : "<br>\n", e);
			g_free(e);
			g_free(typo);
		}
		g_string_append(out, "</p>\n");
		g_strfreev(lines);
	}
	g_strfreev(paras);
}

static void foot(struct html *h, GString *out, bool full)
{
	const struct layout *l = h->l;
	char *office = html_text(l->office), *sig = html_text(l->signature);
	g_string_append_printf(out, "</main>\n<footer class=\"pied\">\n<p><strong>%s</strong></p>\n",
			       office);
	if (full)
		back_text(out, l->back);
	g_string_append_printf(out, "<p class=\"signature\">%s</p>\n</footer>\n</body>\n</html>\n",
			       sig);
	g_free(office);
	g_free(sig);
}

/* An article's id in its page: its file's name without .md. */
static char *article_id(const struct article *a)
{
	char *base = g_path_get_basename(a->file);
	if (g_str_has_suffix(base, ".md"))
		base[strlen(base) - 3] = '\0';
	for (char *p = base; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_')
			*p = '-';
	char *id = g_strdup_printf("a-%s", base);
	g_free(base);
	return id;
}

/* Two texts of a loop whose names give one id ("10-a b.md", "10-a-b.md")
 * would share an anchor: an error at the second. */
static void check_article_ids(const struct texts *x, struct diag *d)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (size_t i = 0; i < x->n; i++) {
		const struct article *a = &x->v[i];
		char *id = article_id(a), *key = g_strdup_printf("%s/%s", a->loop, id);
		const struct article *first = g_hash_table_lookup(seen, key);
		if (first) {
			diag_add(d, DIAG_ERROR, a->file, 0, 0, "its web anchor '%s' is the one "
				 "of %s too: rename one of the two files", id, first->file);
			g_free(key);
		} else {
			g_hash_table_insert(seen, key, (gpointer)a);
		}
		g_free(id);
	}
	g_hash_table_destroy(seen);
}

/* ---- the pages ---- */

static void cover(struct html *h, GString *out)
{
	const struct layout *l = h->l;
	char *title = html_text(l->title), *sub = html_text(l->subtitle),
	     *num = html_text(l->number), *sig = html_text(l->signature);
	g_string_append_printf(out, "<div class=\"couverture\">\n<h1>%s <span class=\"annee\">%d"
			       "</span></h1>\n<p class=\"sous-titre\">%s — n°%s</p>\n"
			       "<div class=\"etapes\"><svg aria-hidden=\"true\" viewBox=\"0 0 %zu 24\" "
			       "width=\"%zu\" height=\"24\">", title, l->year, sub, num,
			       l->nloops * 28, l->nloops * 28);
	/* the loops, as stops along the trail: the carnet's motif */
	for (size_t i = 0; i < l->nloops; i++)
		g_string_append_printf(out, "<circle cx=\"%zu\" cy=\"12\" r=\"9\" fill=\"#%06X\" "
				       "stroke=\"#FFFFFF\" stroke-width=\"2\"/>", 12 + 28 * i,
				       l->loops[i].colour);
	g_string_append_printf(out, "</svg></div>\n<p class=\"signature\">%s</p>\n</div>\n", sig);
	g_free(title);
	g_free(sub);
	g_free(num);
	g_free(sig);
}

static void contents(struct html *h, GString *out)
{
	const struct layout *l = h->l;
	g_string_append(out, "<nav class=\"sommaire\" aria-labelledby=\"sommaire\">\n"
			     "<h2 id=\"sommaire\">Sommaire</h2>\n<ol>\n");
	for (size_t i = 0; i < l->nloops; i++) {
		const struct loop *loop = &l->loops[i];
		char *file = page_file(loop), *t = html_text(loop->title);
		g_string_append_printf(out, "<li class=\"boucle-%s\"><a href=\"%s\">%s</a>\n<ol>\n",
				       loop->id, file, t);
		for (size_t k = 0; k < h->x->n; k++) {
			const struct article *a = &h->x->v[k];
			if (strcmp(a->loop, loop->id) != 0)
				continue;
			char *id = article_id(a), *at = html_escape(a->title);
			g_string_append_printf(out, "<li><a href=\"%s#%s\">%s</a></li>\n", file, id, at);
			g_free(id);
			g_free(at);
		}
		g_string_append(out, "</ol>\n</li>\n");
		g_free(file);
		g_free(t);
	}
	g_string_append(out, "</ol>\n</nav>\n");
}

static void key_figures(struct html *h, GString *out)
{
	const struct layout *l = h->l;
	char *title = html_text(l->keyfigures.title);
	g_string_append_printf(out, "<section class=\"cles-page\" aria-labelledby=\"cles\">\n"
			       "<div class=\"colonne\">\n<h2 id=\"cles\">%s</h2>\n<ul class=\"cles\">\n",
			       title);
	g_free(title);
	for (size_t i = 0; i < l->nentries; i++) {
		const struct entry *e = &l->entries[i];
		if (strcmp(e->loop, "cles") != 0)
			continue;
		char v[96];
		format_entry(l, h->t, e, v, sizeof v);
		char *label = format_typography(e->label), *el = html_escape(label), *ev = html_escape(v);
		g_string_append_printf(out, "<li><span class=\"valeur\">%s</span> "
				       "<span class=\"libelle\">%s</span></li>\n", ev, el);
		g_free(label);
		g_free(el);
		g_free(ev);
	}
	g_string_append(out, "</ul>\n</div>\n</section>\n");
}

static char *loop_page(struct html *h, size_t i)
{
	const struct layout *l = h->l;
	const struct loop *loop = &l->loops[i];
	GString *out = g_string_new("");
	char *title = g_strdup_printf("%s — %s %d", loop->title, l->title, l->year);
	head(h, out, title, loop);
	g_free(title);
	char *t = html_text(loop->title), *word = html_text(loop->word);
	g_string_append_printf(out, "<div class=\"boucle-titre\">\n<div class=\"colonne\">\n"
			       "<p>%s</p>\n<h1>%s</h1>\n</div>\n</div>\n<div class=\"colonne\">\n",
			       word, t);
	g_free(t);
	g_free(word);
	for (size_t k = 0; k < h->x->n; k++) {
		struct article *a = &h->x->v[k];
		if (strcmp(a->loop, loop->id) != 0)
			continue;
		char *id = article_id(a);
		html_article(h, out, a, id, loop);
		g_free(id);
	}
	/* on to the loop before and after */
	g_string_append(out, "<nav class=\"suite\" aria-label=\"Boucle précédente et suivante\">\n");
	const struct loop *prev = i > 0 ? &l->loops[i - 1] : NULL;
	const struct loop *next = i + 1 < l->nloops ? &l->loops[i + 1] : NULL;
	char *pf = page_file(prev), *nf = page_file(next);
	char *pt = html_text(prev ? prev->title : "Sommaire"),
	     *nt = html_text(next ? next->title : "Les chiffres clés");
	g_string_append_printf(out, "<a href=\"%s\" rel=\"prev\">← %s</a>\n", pf, pt);
	g_string_append_printf(out, "<a href=\"%s%s\" rel=\"next\">%s →</a>\n", nf,
			       next ? "" : "#cles", nt);
	g_string_append(out, "</nav>\n</div>\n");
	g_free(pf);
	g_free(nf);
	g_free(pt);
	g_free(nt);
	foot(h, out, false);
	return g_string_free(out, FALSE);
}

/* ---- the logo ---- */

static cairo_status_t to_string(void *closure, const unsigned char *data, unsigned int length)
{
	g_string_append_len(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* The logo redrawn by cairo: vectors stay vectors, its text becomes
 * shapes, and nothing the office's file held (scripts, links to other
 * files) comes along. */
static int write_logo(struct html *h, const char *path)
{
	char *error = NULL;
	struct logo *g = logo_open(path, &error);
	int status = -1;
	if (g) {
		double height = 200, width = height * logo_aspect(g);
		GString *svg = g_string_new("");
		cairo_surface_t *s = cairo_svg_surface_create_for_stream(to_string, svg, width, height);
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_USER);
		cairo_t *cr = cairo_create(s);
		status = logo_draw(g, cr, 0, 0, width, height, 300, &error);
		cairo_destroy(cr);
		cairo_surface_finish(s);
		cairo_surface_destroy(s);
		if (status == 0) {
			char *numbered = html_svg_own_numbers(svg->str);
			status = html_put(h->dir, "logo.svg", numbered, strlen(numbered));
			g_free(numbered);
		}
		g_string_free(svg, TRUE);
		logo_close(g);
	}
	if (status != 0)
		diag_add(h->d, DIAG_ERROR, path, 0, 0, "logo: %s", error ? error : "cannot be written");
	g_free(error);
	return status;
}

/* Without a logo, the tab's icon is a square of the edition's colour
 * (else a browser asks the server for a favicon.ico it does not have). */
static int write_icon(struct html *h)
{
	char *svg = g_strdup_printf("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
				    "<rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#%06X\"/></svg>\n",
				    h->l->main_colour);
	int status = html_put(h->dir, "icone.svg", svg, strlen(svg));
	g_free(svg);
	return status;
}

/* ---- the folder ---- */

/* Is dir absent, empty, or a web edition carnet wrote (so that putting
 * the new one in its place loses nothing else)? */
static bool replaceable(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	if (!d)
		return !g_file_test(dir, G_FILE_TEST_EXISTS);
	bool empty = g_dir_read_name(d) == NULL;
	g_dir_close(d);
	char *css = g_build_filename(dir, "carnet.css", NULL);
	char *index = g_build_filename(dir, "index.html", NULL);
	bool ours = g_file_test(css, G_FILE_TEST_EXISTS) && g_file_test(index, G_FILE_TEST_EXISTS);
	g_free(css);
	g_free(index);
	return empty || ours;
}

/* Every page's text, for the faces' characters. */
/* The pages, part after part (parts.h): the cover, the sommaire with the
 * editorial, the key figures and the back cover's text on index.html,
 * each loop on a page of its own.  all gets every page's text, index
 * first, for the faces' subsets. */
static int write_pages(struct html *h, GString *all)
{
	const struct layout *l = h->l;
	GString *index = g_string_new(""), *loops = g_string_new("");
	char *title = g_strdup_printf("%s %d — %s", l->title, l->year, l->office);
	head(h, index, title, NULL);
	g_free(title);
	int status = 0;
	size_t n;
	struct part *parts = parts_of(l, &n);
	for (size_t i = 0; i < n && !status; i++) {
		char *page, *file;
		switch (parts[i].kind) {
		case PART_COVER:
			cover(h, index);
			break;
		case PART_CONTENTS:
			g_string_append(index, "<div class=\"colonne\">\n");
			contents(h, index);
			html_article(h, index, &h->x->edito, "edito", NULL);
			g_string_append(index, "</div>\n");
			break;
		case PART_LOOP:
			page = loop_page(h, parts[i].loop);
			file = page_file(&l->loops[parts[i].loop]);
			g_string_append(loops, page);
			status = html_put(h->dir, file, page, strlen(page));
			g_free(page);
			g_free(file);
			break;
		case PART_KEY_FIGURES:
			key_figures(h, index);
			break;
		case PART_BACK_COVER:
			foot(h, index, true);
			break;
		}
	}
	g_free(parts);
	if (!status)
		status = html_put(h->dir, "index.html", index->str, index->len);
	g_string_append(all, index->str);
	g_string_append(all, loops->str);
	g_string_free(index, TRUE);
	g_string_free(loops, TRUE);
	return status;
}

enum status html_write_aside(const char *out, const struct html_edition *e,
			     const struct layout *l, const struct figures *t, struct texts *x,
			     PangoFontMap *fonts, struct diag *d, char **aside)
{
	*aside = NULL;
	size_t errors = d->errors;
	char *dir = folder_path(out);
	check_article_ids(x, d);
	if (!replaceable(dir))
		diag_add(d, DIAG_ERROR, dir, 0, 0, "is not a web edition (no index.html and "
			 "carnet.css in it): carnet html does not replace it");
	if (d->errors > errors) {
		g_free(dir);
		return STATUS_BAD_INPUT;
	}

	char *tmp = g_strdup_printf("%s.tmp-%d", dir, (int)getpid());
	folder_remove(tmp);
	if (g_mkdir_with_parents(tmp, 0777) != 0) {
		diag_add(d, DIAG_ERROR, tmp, 0, 0, "cannot make the folder: %s", g_strerror(errno));
		g_free(tmp);
		g_free(dir);
		return STATUS_FAILED;
	}
	struct html h = { .l = l, .t = t, .x = x, .fonts = fonts, .d = d, .dir = tmp,
			  .cache_dir = e->cache_dir, .photo_plan = e->photo_plan, .fonts_dir = e->fonts_dir,
			  .draft = e->draft };
	h.ctx = fonts_context(fonts);
	h.chart_l = html_chart_layout(l);
	h.cells = g_new0(enum sc_cell, t->n ? t->n : 1);
	secrecy_apply(t, h.cells);

	enum status status = STATUS_FAILED;
	GString *all = g_string_new("");
	if (html_photos_write(&h) != 0) {
		status = STATUS_BAD_INPUT;
		goto out;
	}
	if (write_pages(&h, all) != 0) {
		diag_add(d, DIAG_ERROR, tmp, 0, 0, "cannot write the pages");
		goto out;
	}
	if (e->logo ? write_logo(&h, e->logo) != 0 : write_icon(&h) != 0)
		goto out;
	char *rules = html_style(&h);
	GString *css = g_string_new("");
	if (html_webfonts(&h, all->str, css) != 0) {
		g_free(rules);
		g_string_free(css, TRUE);
		goto out;
	}
	g_string_append(css, rules);
	g_free(rules);
	if (html_put(h.dir, "carnet.css", css->str, css->len) != 0)
		diag_add(d, DIAG_ERROR, tmp, 0, 0, "cannot write carnet.css");
	g_string_free(css, TRUE);
	if (d->errors > errors)
		goto out;
	*aside = tmp;
	tmp = NULL;
	status = STATUS_OK;
out:
	if (tmp)
		folder_remove(tmp);     /* what was not finished */
	g_string_free(all, TRUE);
	html_photos_release(&h);
	g_free(h.cells);
	g_object_unref(h.ctx);
	g_free(h.chart_l.loops);
	g_free(tmp);
	g_free(dir);
	return status;
}

enum status html_put_in_place(const char *out, char *aside, struct diag *d)
{
	char *dir = folder_path(out);
	enum status status = STATUS_OK;
	if (folder_put(aside, dir) != 0) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot put the web edition in place: %s",
			 g_strerror(errno));
		status = STATUS_FAILED;
	}
	folder_remove(aside);           /* what was not put in place, if anything */
	g_free(aside);
	g_free(dir);
	return status;
}

enum status html_write(const char *out, const struct html_edition *e, const struct layout *l,
		       const struct figures *t, struct texts *x, PangoFontMap *fonts, struct diag *d)
{
	char *aside = NULL;
	enum status status = html_write_aside(out, e, l, t, x, fonts, d, &aside);
	return status == STATUS_OK ? html_put_in_place(out, aside, d) : status;
}
