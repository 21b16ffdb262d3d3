/* page.c — see page.h: the primitives every page drawer uses. */
#include "page.h"
#include "../fonts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Structure tags: cairo writes the element, its record goes to
 * p->elems for the finishing pass (finish.h). */
static struct pdf_elem *record(struct pdf *p, const char *tag, const char *attributes)
{
	if (!p->cr)
		return NULL;
	struct pdf_elem *e = g_new0(struct pdf_elem, 1);
	e->type = g_strdup(tag);
	g_ptr_array_add(p->elems, e);
	cairo_tag_begin(p->cr, tag, attributes);
	return e;
}

struct pdf_elem *page_tag_begin(struct pdf *p, const char *tag)
{
	return record(p, tag, NULL);
}

void page_tag_end(struct pdf *p, const char *tag)
{
	if (p->cr)
		cairo_tag_end(p->cr, tag);
}

void page_artifact_begin(struct pdf *p, const char *type)
{
	struct pdf_elem *e = record(p, PDF_ARTIFACT_TAG, NULL);
	if (e)
		e->artifact = type;
}

void page_artifact_end(struct pdf *p)
{
	page_tag_end(p, PDF_ARTIFACT_TAG);
}

void page_link_begin(struct pdf *p, size_t k)
{
	if (p->print) {         /* paper has no links (nor annotations) */
		record(p, "Span", NULL);
		return;
	}
	char dest[48];
	snprintf(dest, sizeof dest, "dest='article%zu'", k);
	struct pdf_elem *e = record(p, CAIRO_TAG_LINK, dest);
	if (e)
		e->contents = g_strdup_printf("Aller à l’article « %s », page %d",
					      p->x->v[k].title, p->article_pages[k]);
}

void page_link_end(struct pdf *p)
{
	page_tag_end(p, p->print ? "Span" : CAIRO_TAG_LINK);
}

/* ---- colours and text ---- */

void page_colour(struct pdf *p, uint32_t c)
{
	if (p->cr)
		cairo_set_source_rgb(p->cr, ((c >> 16) & 255) / 255.0,
				     ((c >> 8) & 255) / 255.0, (c & 255) / 255.0);
}

void page_colour_alpha(struct pdf *p, uint32_t c, double a)
{
	if (p->cr)
		cairo_set_source_rgba(p->cr, ((c >> 16) & 255) / 255.0,
				      ((c >> 8) & 255) / 255.0, (c & 255) / 255.0, a);
}

uint32_t page_loop_colour(const struct pdf *p)
{
	return p->loop && p->loop->colour ? p->loop->colour : p->l->main_colour;
}

double page_col_width(void)
{
	return (PAGE_W - 2 * MARGIN_SIDE - GUTTER) / 2;
}

double page_col_x(int col)
{
	return MARGIN_SIDE + col * (page_col_width() + GUTTER);
}

/* A layout of text in family/weight/size, width w (0: no wrapping). */
PangoLayout *text_layout(struct pdf *p, const char *text,
				const char *family, PangoWeight weight, double size,
				double w)
{
	return fonts_layout(p->ctx, text, family, weight, size, w);
}

/* Draws lay with its first baseline at (x, baseline). */
void page_show(struct pdf *p, PangoLayout *lay, double x, double baseline)
{
	if (!p->cr)
		return;
	double top = baseline - pango_layout_get_baseline(lay) / (double)PANGO_SCALE;
	cairo_move_to(p->cr, x, top);
	pango_cairo_show_layout(p->cr, lay);
	cairo_new_path(p->cr);          /* no current point left for an arc */
}

double page_text_width(PangoLayout *lay)
{
	int w, h;
	pango_layout_get_size(lay, &w, &h);
	return w / (double)PANGO_SCALE;
}

/* Text drawn at (x, baseline) in one call; returns its width. */
double page_say(struct pdf *p, const char *text, const char *family,
		  PangoWeight weight, double size, uint32_t c, double x,
		  double baseline, double w, PangoAlignment align)
{
	if (!p->cr)
		return 0;       /* nothing placed depends on it: not shaped to measure */
	PangoLayout *lay = text_layout(p, text, family, weight, size, w);
	pango_layout_set_alignment(lay, align);
	page_colour(p, c);
	page_show(p, lay, x, baseline);
	double width = page_text_width(lay);
	g_object_unref(lay);
	return width;
}

/* ---- pages ---- */

/* Crop marks at the trim's corners, outside the bleed, in the print
 * edition: the printer cuts along them. */
static void crop_marks(struct pdf *p)
{
	cairo_t *cr = p->cr;
	double far = p->offset - 2;     /* from the trim edge, outward */
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.3);
	for (int cx = 0; cx < 2; cx++)
		for (int cy = 0; cy < 2; cy++) {
			double x = cx ? PAGE_W : 0, y = cy ? PAGE_H : 0;
			double sx = cx ? 1 : -1, sy = cy ? 1 : -1;
			cairo_move_to(cr, x + sx * p->bleed, y);
			cairo_line_to(cr, x + sx * far, y);
			cairo_move_to(cr, x, y + sy * p->bleed);
			cairo_line_to(cr, x, y + sy * far);
		}
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* A draft's mark, across the page, over everything: a draft must never
 * pass for the edition. */
static void draft_mark(struct pdf *p)
{
	cairo_save(p->cr);
	cairo_translate(p->cr, PAGE_W / 2, PAGE_H / 2);
	cairo_rotate(p->cr, -atan2(PAGE_H, PAGE_W));
	PangoLayout *lay = text_layout(p, "PROJET", p->l->font_text, PANGO_WEIGHT_HEAVY, 120, 0);
	int w, h;
	pango_layout_get_size(lay, &w, &h);
	cairo_set_source_rgba(p->cr, 0.85, 0.1, 0.1, 0.28);
	cairo_move_to(p->cr, -w / 2.0 / PANGO_SCALE, -h / 2.0 / PANGO_SCALE);
	pango_cairo_show_layout(p->cr, lay);
	g_object_unref(lay);
	cairo_restore(p->cr);
	cairo_new_path(p->cr);
	page_say(p, "PROJET — document de travail, ne pas imprimer ni diffuser", p->l->font_text,
	    PANGO_WEIGHT_BOLD, 8, 0xC81E1E, 0, 24, PAGE_W, PANGO_ALIGN_CENTER);
}

void page_end(struct pdf *p)
{
	if (!p->page_open)
		return;
	if (p->cr) {
		if (p->draft)
			draft_mark(p);
		if (p->print)
			crop_marks(p);
		cairo_restore(p->cr);
		cairo_show_page(p->cr);
		cairo_status_t st = cairo_status(p->cr);
		if (st != CAIRO_STATUS_SUCCESS)
			diag_add(p->d, DIAG_ERROR, "", 0, 0, "page %d: %s", p->page,
				 cairo_status_to_string(st));
	}
	p->page_open = false;
}

/* A page: its drawing in trim coordinates (the print edition's sheet is
 * larger by the bleed and the marks). */
void page_begin(struct pdf *p)
{
	page_end(p);
	p->page++;
	p->page_open = true;
	p->column_top[0] = p->column_top[1] = MARGIN_TOP + LINE;
	if (p->cr) {
		cairo_save(p->cr);
		cairo_translate(p->cr, p->offset, p->offset);
	}
}

void page_logo(struct pdf *p, double x, double y, double w, double h)
{
	char *error = NULL;
	if (!p->cr || !p->logo)
		return;
	if (logo_draw(p->logo, p->cr, x, y, w, h, p->ppi, &error) != 0) {
		char *ini = g_build_filename(p->l->dir, "edition.ini", NULL);
		diag_add(p->d, DIAG_ERROR, ini, p->l->logo_line, 0, "logo '%s': %s", p->l->logo,
			 error);
		g_free(ini);
		g_free(error);
	}
}

void page_bleed_rect(struct pdf *p, double x, double y, double w, double h)
{
	if (!p->cr)
		return;
	double x1 = x + w, y1 = y + h;
	if (x <= 0)
		x = -p->bleed;
	if (y <= 0)
		y = -p->bleed;
	if (x1 >= PAGE_W)
		x1 = PAGE_W + p->bleed;
	if (y1 >= PAGE_H)
		y1 = PAGE_H + p->bleed;
	cairo_rectangle(p->cr, x, y, x1 - x, y1 - y);
	cairo_fill(p->cr);
}

/* The furniture of an article page: a band of the loop's colour and the
 * folio with the loop's name. */
void page_furniture(struct pdf *p)
{
	const struct layout *l = p->l;
	uint32_t c = page_loop_colour(p);
	char folio[16];

	if (!p->cr)
		return;
	page_colour(p, c);
	page_bleed_rect(p, 0, 0, PAGE_W, 10);
	snprintf(folio, sizeof folio, "%d", p->page);
	double right = p->page % 2 == 0;
	page_artifact_begin(p, PDF_ARTIFACT_PAGINATION);
	page_say(p, folio, p->l->font_text, PANGO_WEIGHT_HEAVY, 9, c,
	    right ? MARGIN_SIDE : PAGE_W - MARGIN_SIDE - 40, PAGE_H - 30, 40,
	    right ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
	if (p->loop)
		page_say(p, p->loop->title, p->l->font_text, PANGO_WEIGHT_NORMAL, 7.5, l->text_colour,
		    MARGIN_SIDE + 50, PAGE_H - 30, PAGE_W - 2 * MARGIN_SIDE - 100,
		    PANGO_ALIGN_CENTER);
	page_artifact_end(p);
}
/* ---- paragraphs ---- */

/* Does line end at a soft hyphen of text? */
static bool hyphenated(const PangoLayoutLine *line, const char *text)
{
	int end = line->start_index + line->length;
	return end >= 2 && (unsigned char)text[end - 2] == 0xC2 &&
	       (unsigned char)text[end - 1] == 0xAD;
}

/* No more than MAX_HYPHEN_RUN hyphenated lines in a row: the soft hyphen
 * that ends a line past that is removed, and the text laid out again,
 * until no line does; run0: the hyphenated lines in a row just before
 * lay's text.  Every run of one walk of the lines is mended at once (a
 * paragraph has one run or none, mostly: the same as one at a time).
 * Each removal (an offset in the text as it was then), in the order
 * made, is added to erased when it is not NULL. */
static void mend_hyphens(PangoLayout *lay, int run0, GArray *erased)
{
	for (int guard = 0; guard < 50; guard++) {
		const char *text = pango_layout_get_text(lay);
		GArray *cuts = g_array_new(FALSE, FALSE, sizeof(int));
		int run = run0;
		/* the last line never ends at a hyphen that matters */
		for (GSList *l = pango_layout_get_lines_readonly(lay); l && l->next; l = l->next) {
			const PangoLayoutLine *line = l->data;
			run = hyphenated(line, text) ? run + 1 : 0;
			if (run > MAX_HYPHEN_RUN) {
				int at = line->start_index + line->length - 2;
				g_array_append_val(cuts, at);
				run = 0;        /* that line no longer ends at one */
			}
		}
		if (cuts->len == 0) {
			g_array_free(cuts, TRUE);
			return;
		}
		GString *s = g_string_new(text);
		PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(lay));
		for (guint i = cuts->len; i-- > 0;) {   /* from the end: offsets hold */
			int at = g_array_index(cuts, int, i);
			g_string_erase(s, at, 2);
			if (attrs)
				pango_attr_list_update(attrs, at, 2, 0);
			if (erased)
				g_array_append_val(erased, at);
		}
		if (attrs) {
			pango_layout_set_attributes(lay, attrs);
			pango_attr_list_unref(attrs);
		}
		pango_layout_set_text(lay, s->str, (int)s->len);
		g_string_free(s, TRUE);
		g_array_free(cuts, TRUE);
	}
}

/* A paragraph's text beyond this many bytes is laid out a part at a time. */
#define PART 8192

/* The parts of a very long paragraph, kept on its first part. */
struct parts {
	GPtrArray *layouts;     /* the parts after the first, owned */
	GArray *counts;         /* each part's lines that are the paragraph's */
	int total;
};

static void parts_free(gpointer data)
{
	struct parts *ps = data;
	g_ptr_array_free(ps->layouts, TRUE);
	g_array_free(ps->counts, TRUE);
	g_free(ps);
}

/* limit_hyphens() for a very long paragraph.  Past a few thousand words a
 * removed hyphen moves every line after it, the passes over the whole
 * text grow with it, and pango's layout of one text grows faster than
 * the text: the paragraph is laid out in parts instead, each from the
 * start of a line (pango breaks lines first fit: a line depends only on
 * the text from its start), each mended; a part's lines but its last are
 * the paragraph's, and the next part starts with that last line.  The
 * parts hang on lay, which becomes the first. */
static void lay_out_in_parts(PangoLayout *lay)
{
	const char *text = pango_layout_get_text(lay);
	char *s = g_strdup(text);
	size_t len = strlen(s), pos = 0;
	const PangoAttrList *given = pango_layout_get_attributes(lay);
	PangoAttrList *attrs = given ? pango_attr_list_copy((PangoAttrList *)given)
				     : pango_attr_list_new();
	struct parts *ps = g_new0(struct parts, 1);
	ps->layouts = g_ptr_array_new_with_free_func(g_object_unref);
	ps->counts = g_array_new(FALSE, FALSE, sizeof(int));
	int run = 0;
	bool rest = false;              /* the rest in one part */
	PangoLayout *model = pango_layout_copy(lay);
	for (;;) {
		bool first = ps->counts->len == 0;
		size_t end = pos + PART;
		while (end < len && s[end] != ' ')
			end++;                  /* a part ends between words */
		bool last = rest || end + PART / 2 >= len;
		if (last)
			end = len;
		PangoLayout *part = first ? lay : pango_layout_copy(model);
		pango_layout_set_text(part, s + pos, (int)(end - pos));
		PangoAttrList *pa = pango_attr_list_copy(attrs);
		pango_attr_list_update(pa, 0, (int)pos, 0);
		pango_layout_set_attributes(part, pa);
		pango_attr_list_unref(pa);
		if (!first)
			pango_layout_set_indent(part, 0);
		GArray *erased = g_array_new(FALSE, FALSE, sizeof(int));
		mend_hyphens(part, run, erased);
		if (!first)
			g_ptr_array_add(ps->layouts, part);
		int n = pango_layout_get_line_count(part);
		if (!last && n < 2) {
			/* one line (a word of thousands of letters): no line to
			 * start the next part from; the rest goes in this one */
			g_array_free(erased, TRUE);
			if (!first)
				g_ptr_array_remove_index(ps->layouts, ps->layouts->len - 1);
			rest = true;
			continue;
		}
		if (last) {
			g_array_free(erased, TRUE);
			g_array_append_val(ps->counts, n);
			ps->total += n;
			break;
		}
		/* the next part starts at this one's last line, with the run
		 * of the lines before it */
		const char *ptext = pango_layout_get_text(part);
		int start = 0;
		for (GSList *l = pango_layout_get_lines_readonly(part); l; l = l->next) {
			const PangoLayoutLine *line = l->data;
			if (!l->next) {
				start = line->start_index;
				break;
			}
			run = hyphenated(line, ptext) ? run + 1 : 0;
		}
		/* where that line starts in s: back through the hyphens
		 * mended, the last removed first */
		size_t at = (size_t)start;
		for (guint i = erased->len; i-- > 0;)
			if (at >= (size_t)g_array_index(erased, int, i))
				at += 2;
		g_array_free(erased, TRUE);
		pos += at;
		n--;
		g_array_append_val(ps->counts, n);
		ps->total += n;
	}
	g_object_unref(model);
	pango_attr_list_unref(attrs);
	g_free(s);
	g_object_set_data_full(G_OBJECT(lay), "carnet-parts", ps, parts_free);
}

static void limit_hyphens(PangoLayout *lay)
{
	if (strlen(pango_layout_get_text(lay)) > 2 * PART)
		lay_out_in_parts(lay);
	else
		mend_hyphens(lay, 0, NULL);
}

int page_para_count(PangoLayout *lay)
{
	struct parts *ps = g_object_get_data(G_OBJECT(lay), "carnet-parts");
	return ps ? ps->total : pango_layout_get_line_count(lay);
}

void page_para_begin(struct para_lines *pl, PangoLayout *lay)
{
	*pl = (struct para_lines){ .first = lay,
				   .parts = g_object_get_data(G_OBJECT(lay), "carnet-parts") };
	pl->it = pango_layout_get_iter(lay);
}

/* The part k of the paragraph (0: the first). */
static PangoLayout *part_of(const struct para_lines *pl, guint k)
{
	const struct parts *ps = pl->parts;
	return k == 0 ? pl->first : g_ptr_array_index(ps->layouts, k - 1);
}

PangoLayoutLine *page_para_line(struct para_lines *pl, PangoRectangle *logical)
{
	if (logical)
		pango_layout_iter_get_line_extents(pl->it, NULL, logical);
	return pango_layout_iter_get_line_readonly(pl->it);
}

void page_para_next(struct para_lines *pl)
{
	const struct parts *ps = pl->parts;
	pl->line++;
	if (ps && pl->part < ps->counts->len &&
	    pl->line >= g_array_index(ps->counts, int, pl->part) &&
	    pl->part + 1 < ps->counts->len) {
		pango_layout_iter_free(pl->it);
		pl->part++;
		pl->line = 0;
		pl->it = pango_layout_get_iter(part_of(pl, pl->part));
		return;
	}
	pango_layout_iter_next_line(pl->it);
}

void page_para_end(struct para_lines *pl)
{
	pango_layout_iter_free(pl->it);
}

PangoLayout *paragraph_layout(struct pdf *p, const struct block *b,
				     double size, PangoWeight weight, double w,
				     bool justify, double indent)
{
	char key[128];
	snprintf(key, sizeof key, "%p %g %d %g %d %g", (const void *)b, size,
		 (int)weight, w, justify, indent);
	PangoLayout *lay = g_hash_table_lookup(p->layouts, key);
	if (lay)
		return g_object_ref(lay);
	lay = text_layout(p, b->text, p->l->font_text, weight, size, w);
	if (b->runs) {
		PangoAttrList *attrs = pango_attr_list_new();
		for (guint i = 0; i < b->runs->len; i++) {
			const struct text_run *r = &g_array_index(b->runs, struct text_run, i);
			PangoAttribute *a = r->kind == RUN_ITALIC
				? pango_attr_style_new(PANGO_STYLE_ITALIC)
				: pango_attr_weight_new(PANGO_WEIGHT_BOLD);
			a->start_index = r->start;
			a->end_index = r->end;
			pango_attr_list_insert(attrs, a);
		}
		pango_layout_set_attributes(lay, attrs);
		pango_attr_list_unref(attrs);
	}
	pango_layout_set_justify(lay, justify);
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD);
	if (indent)
		pango_layout_set_indent(lay, (int)(indent * PANGO_SCALE));
	if (justify)
		limit_hyphens(lay);
	g_hash_table_insert(p->layouts, g_strdup(key), g_object_ref(lay));
	return lay;
}
