/* pdf.c — see pdf.h. */
#include "pdf.h"
#include "pdf_draw.h"
#include "charts.h"
#include "format.h"
#include "pdf_tags.h"
#include "secrecy.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>

/* A structure element around what follows (only when drawing). */
void tag_begin(struct pdf *p, const char *tag)
{
	if (p->cr)
		cairo_tag_begin(p->cr, tag, NULL);
}

void tag_end(struct pdf *p, const char *tag)
{
	if (p->cr)
		cairo_tag_end(p->cr, tag);
}

/* A Figure element with its text alternative. */
static void figure_begin(struct pdf *p)
{
	tag_begin(p, "Figure");
}

static void figure_end(struct pdf *p, const char *alt)
{
	if (!p->cr)
		return;
	cairo_tag_end(p->cr, "Figure");
	/* the soft hyphens of the text are no part of what is read aloud */
	char **parts = g_strsplit(alt, "\xC2\xAD", -1);
	g_ptr_array_add(p->alts, g_strjoinv("", parts));
	g_strfreev(parts);
}

/* ---- colours and text ---- */

void colour(struct pdf *p, uint32_t c)
{
	if (p->cr)
		cairo_set_source_rgb(p->cr, ((c >> 16) & 255) / 255.0,
				     ((c >> 8) & 255) / 255.0, (c & 255) / 255.0);
}

double col_width(void)
{
	return (PAGE_W - 2 * MARGIN_SIDE - GUTTER) / 2;
}

double col_x(int col)
{
	return MARGIN_SIDE + col * (col_width() + GUTTER);
}

/* A layout of text in family/weight/size, width w (0: no wrapping). */
PangoLayout *text_layout(struct pdf *p, const char *text,
				const char *family, PangoWeight weight, double size,
				double w)
{
	PangoLayout *lay = pango_layout_new(p->ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, family);
	pango_font_description_set_weight(fd, weight);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(lay, fd);
	pango_font_description_free(fd);
	if (w > 0)
		pango_layout_set_width(lay, (int)(w * PANGO_SCALE));
	pango_layout_set_text(lay, text, -1);
	return lay;
}

/* Draws lay with its first baseline at (x, baseline). */
void show(struct pdf *p, PangoLayout *lay, double x, double baseline)
{
	if (!p->cr)
		return;
	double top = baseline - pango_layout_get_baseline(lay) / (double)PANGO_SCALE;
	cairo_move_to(p->cr, x, top);
	pango_cairo_show_layout(p->cr, lay);
	cairo_new_path(p->cr);          /* no current point left for an arc */
}

double layout_width(PangoLayout *lay)
{
	int w, h;
	pango_layout_get_size(lay, &w, &h);
	return w / (double)PANGO_SCALE;
}

/* Text drawn at (x, baseline) in one call; returns its width. */
double say(struct pdf *p, const char *text, const char *family,
		  PangoWeight weight, double size, uint32_t c, double x,
		  double baseline, double w, PangoAlignment align)
{
	PangoLayout *lay = text_layout(p, text, family, weight, size, w);
	pango_layout_set_alignment(lay, align);
	colour(p, c);
	show(p, lay, x, baseline);
	double width = layout_width(lay);
	g_object_unref(lay);
	return width;
}

/* ---- pages ---- */

void end_page(struct pdf *p)
{
	if (!p->page_open)
		return;
	if (p->cr) {
		cairo_show_page(p->cr);
		cairo_status_t st = cairo_status(p->cr);
		if (st != CAIRO_STATUS_SUCCESS)
			diag_add(p->d, DIAG_ERROR, "", 0, 0, "page %d: %s", p->page,
				 cairo_status_to_string(st));
	}
	p->page_open = false;
}

void begin_page(struct pdf *p)
{
	end_page(p);
	p->page++;
	p->page_open = true;
}

/* The furniture of an article page: a band of the loop's colour and the
 * folio with the loop's name. */
void furniture(struct pdf *p)
{
	const struct layout *l = p->l;
	uint32_t c = p->loop && p->loop->colour ? p->loop->colour : l->main_colour;
	char folio[16];

	if (!p->cr)
		return;
	colour(p, c);
	cairo_rectangle(p->cr, 0, 0, PAGE_W, 10);
	cairo_fill(p->cr);
	snprintf(folio, sizeof folio, "%d", p->page);
	double right = p->page % 2 == 0;
	say(p, folio, p->l->font_text, PANGO_WEIGHT_HEAVY, 9, c,
	    right ? MARGIN_SIDE : PAGE_W - MARGIN_SIDE - 40, PAGE_H - 30, 40,
	    right ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
	if (p->loop)
		say(p, p->loop->title, p->l->font_text, PANGO_WEIGHT_NORMAL, 7.5, l->text_colour,
		    MARGIN_SIDE + 50, PAGE_H - 30, PAGE_W - 2 * MARGIN_SIDE - 100,
		    PANGO_ALIGN_CENTER);
}

static void new_article_page(struct pdf *p)
{
	begin_page(p);
	furniture(p);
	p->col = 0;
	p->y = MARGIN_TOP + LINE;
}

static void next_column(struct pdf *p)
{
	if (p->col == 0) {
		p->col = 1;
		p->y = MARGIN_TOP + LINE;
	} else {
		new_article_page(p);
	}
}

/* Whole grid lines left in the column. */
static int lines_left(const struct pdf *p)
{
	return (int)floor((PAGE_H - MARGIN_BOTTOM - p->y) / LINE + 1e-6) + 1;
}

/* Moves to the next column unless n grid lines fit here. */
static void need(struct pdf *p, int n)
{
	if (lines_left(p) < n)
		next_column(p);
}

/* ---- paragraphs ---- */

/* Does line k of lay end at a soft hyphen? */
static bool hyphenated(PangoLayout *lay, int k)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(lay, k);
	const char *text = pango_layout_get_text(lay);
	int end = line->start_index + line->length;
	return end >= 2 && (unsigned char)text[end - 2] == 0xC2 &&
	       (unsigned char)text[end - 1] == 0xAD;
}

/* Removes the soft hyphen that ends line k, and relays out. */
static void unhyphenate(PangoLayout *lay, int k)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(lay, k);
	int at = line->start_index + line->length - 2;
	GString *s = g_string_new(pango_layout_get_text(lay));
	g_string_erase(s, at, 2);
	PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(lay));
	if (attrs) {
		pango_attr_list_update(attrs, at, 2, 0);
		pango_layout_set_attributes(lay, attrs);
		pango_attr_list_unref(attrs);
	}
	pango_layout_set_text(lay, s->str, (int)s->len);
	g_string_free(s, TRUE);
}

/* No more than MAX_HYPHEN_RUN hyphenated lines in a row. */
static void limit_hyphens(PangoLayout *lay)
{
	for (int guard = 0; guard < 50; guard++) {
		int n = pango_layout_get_line_count(lay), run = 0, fix = -1;
		for (int k = 0; k < n - 1 && fix < 0; k++) {
			run = hyphenated(lay, k) ? run + 1 : 0;
			if (run > MAX_HYPHEN_RUN)
				fix = k;
		}
		if (fix < 0)
			return;
		unhyphenate(lay, fix);
	}
}

PangoLayout *paragraph_layout(struct pdf *p, const struct block *b,
				     double size, PangoWeight weight, double w,
				     bool justify)
{
	char key[96];
	snprintf(key, sizeof key, "%p %g %d %g %d", (const void *)b, size,
		 (int)weight, w, justify);
	PangoLayout *lay = g_hash_table_lookup(p->layouts, key);
	if (lay)
		return g_object_ref(lay);
	lay = text_layout(p, b->text, p->l->font_text, weight, size, w);
	if (b->attrs)
		pango_layout_set_attributes(lay, b->attrs);
	pango_layout_set_justify(lay, justify);
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD);
	if (justify)
		limit_hyphens(lay);
	g_hash_table_insert(p->layouts, g_strdup(key), g_object_ref(lay));
	return lay;
}

/* The x offset of line k in its layout (an indent, an alignment). */
static double line_x(PangoLayout *lay, int k)
{
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	for (int i = 0; i < k; i++)
		pango_layout_iter_next_line(it);
	PangoRectangle r;
	pango_layout_iter_get_line_extents(it, NULL, &r);
	pango_layout_iter_free(it);
	return r.x / (double)PANGO_SCALE;
}

/* Places the lines of lay on the grid, column after column, with no lone
 * line at a column's foot (orphan) or head (widow); each column's part is
 * a structure element of kind tag. */
static void flow_lines(struct pdf *p, PangoLayout *lay, uint32_t c,
		       const char *tag)
{
	int n = pango_layout_get_line_count(lay), i = 0;
	while (i < n) {
		int room = lines_left(p), take = MIN(room, n - i);
		if (take <= 0 || (i == 0 && take == 1 && n > 1)) {
			next_column(p);
			continue;
		}
		if (n - i - take == 1 && take > 2)
			take--;                 /* leave two lines for the next */
		tag_begin(p, tag);
		for (int k = i; k < i + take; k++) {
			if (p->cr) {
				colour(p, c);
				cairo_move_to(p->cr, col_x(p->col) + line_x(lay, k), p->y);
				pango_cairo_show_layout_line(p->cr,
					pango_layout_get_line_readonly(lay, k));
			}
			p->y += LINE;
		}
		tag_end(p, tag);
		i += take;
		if (i < n)
			next_column(p);
	}
}

static void paragraph(struct pdf *p, const struct block *b)
{
	PangoLayout *lay = paragraph_layout(p, b, TEXT_SIZE, PANGO_WEIGHT_NORMAL,
					    col_width(), true);
	if (p->after_paragraph)          /* a paragraph that follows one */
		pango_layout_set_indent(lay, (int)(TEXT_SIZE * PANGO_SCALE));
	flow_lines(p, lay, p->l->text_colour, "P");
	p->after_paragraph = true;
	g_object_unref(lay);
}

static void heading(struct pdf *p, const struct block *b)
{
	uint32_t c = p->loop && p->loop->colour ? p->loop->colour : p->l->main_colour;
	PangoLayout *lay = paragraph_layout(p, b, 10.5, PANGO_WEIGHT_BOLD,
					    col_width(), false);
	int n = pango_layout_get_line_count(lay);
	need(p, n + 3);
	if (p->y > MARGIN_TOP + LINE + 1)
		p->y += LINE / 2;
	flow_lines(p, lay, c, "H3");
	p->after_paragraph = false;
	g_object_unref(lay);
}

/* The article's title, in capitals, kept with three lines of text. */
static void title(struct pdf *p, const struct article *a, int index)
{
	uint32_t c = p->loop && p->loop->colour ? p->loop->colour : p->l->main_colour;
	char *caps = g_utf8_strup(a->title, -1);
	PangoLayout *lay = text_layout(p, caps, p->l->font_text, PANGO_WEIGHT_HEAVY, 13,
				       col_width());
	pango_layout_set_spacing(lay, (int)((LINE * 1.25 - 13 * 1.2) * PANGO_SCALE));
	int n = pango_layout_get_line_count(lay);
	/* each article opens a column of its own, as in the printed carnet */
	if (p->y > MARGIN_TOP + LINE + 1)
		next_column(p);
	need(p, 2 * n + 4);
	char dest[48];
	snprintf(dest, sizeof dest, "name='article%d'", index);
	if (p->cr) {
		cairo_tag_begin(p->cr, CAIRO_TAG_DEST, dest);
		cairo_tag_end(p->cr, CAIRO_TAG_DEST);
		/* a short rule of the loop's colour over the title */
		colour(p, c);
		cairo_rectangle(p->cr, col_x(p->col), p->y - LINE + 2, 28, 3);
		cairo_fill(p->cr);
	}
	p->y += LINE * 0.5;
	tag_begin(p, "H2");
	for (int k = 0; k < n; k++) {
		if (p->cr) {
			colour(p, c);
			cairo_move_to(p->cr, col_x(p->col), p->y);
			pango_cairo_show_layout_line(p->cr, pango_layout_get_line_readonly(lay, k));
		}
		p->y += LINE * 1.25;
	}
	tag_end(p, "H2");
	p->y = MARGIN_TOP + LINE + ceil((p->y - MARGIN_TOP - LINE) / LINE - 1e-6) * LINE;
	p->y += LINE * 0.5;
	p->y = MARGIN_TOP + LINE + ceil((p->y - MARGIN_TOP - LINE) / LINE - 1e-6) * LINE;
	g_object_unref(lay);
	g_free(caps);
}

/* ---- blocks that stand whole ---- */

/* A grid line between text and a block, unless the column starts here. */
static void space_before_block(struct pdf *p)
{
	if (p->y > MARGIN_TOP + LINE + 1)
		p->y += LINE;
	p->after_paragraph = false;
}

/* Big numbers with their label in capitals beneath, two a row. */
static void tiles(struct pdf *p, const struct block *b)
{
	uint32_t c = p->loop && p->loop->colour ? p->loop->colour : p->l->main_colour;
	double w = col_width();
	space_before_block(p);
	for (size_t i = 0; i < b->ntiles; i += 2) {
		need(p, 5);
		double top = p->y - LINE + 3;
		GString *alt = g_string_new("");
		figure_begin(p);
		for (size_t k = i; k < MIN(i + 2, b->ntiles); k++) {
			double x = col_x(p->col) + (k - i) * (w / 2 + 3);
			double tw = w / 2 - 3;
			if (p->cr) {
				cairo_set_source_rgba(p->cr, ((c >> 16) & 255) / 255.0,
						      ((c >> 8) & 255) / 255.0, (c & 255) / 255.0, 0.12);
				cairo_rectangle(p->cr, x, top, tw, 4 * LINE);
				cairo_fill(p->cr);
			}
			say(p, b->tiles[k].value, p->l->font_text, PANGO_WEIGHT_HEAVY, 20, c,
			    x + 6, top + 24, tw - 12, PANGO_ALIGN_LEFT);
			char *caps = g_utf8_strup(b->tiles[k].label, -1);
			PangoLayout *lay = text_layout(p, caps, p->l->font_text, PANGO_WEIGHT_BOLD, 6.8,
						       tw - 12);
			colour(p, p->l->text_colour);
			show(p, lay, x + 6, top + 36);
			g_object_unref(lay);
			g_free(caps);
			g_string_append_printf(alt, "%s%s %s", alt->len ? " ; " : "",
					       b->tiles[k].value, b->tiles[k].label);
		}
		figure_end(p, alt->str);
		g_string_free(alt, TRUE);
		p->y += 5 * LINE;
	}
}

static void chart(struct pdf *p, struct block *b, int *figure)
{
	uint32_t c = p->loop && p->loop->colour ? p->loop->colour : p->l->main_colour;
	int lines = chart_lines(&b->chart, p->t);
	space_before_block(p);
	need(p, lines + 1);
	double top = p->y - LINE + 3;
	struct chart_ctx cc = {
		.cr = p->cr, .ctx = p->ctx, .l = p->l, .t = p->t, .cells = p->cells,
		.colour = c,
	};
	g_free(b->chart.alt);
	figure_begin(p);
	b->chart.alt = chart_draw(&cc, &b->chart, col_x(p->col), top, col_width(),
				  lines * LINE);
	figure_end(p, b->chart.alt);
	(*figure)++;
	p->y += lines * LINE;
}

/* A photo, or a drawn placeholder, with its caption in small capitals. */
static void image(struct pdf *p, const struct block *b)
{
	double w = col_width(), h = 13 * LINE;
	space_before_block(p);
	need(p, 16);
	double top = p->y - LINE + 3;
	figure_begin(p);
	if (p->cr) {
		cairo_surface_t *img = NULL;
		if (g_file_test(b->image, G_FILE_TEST_EXISTS))
			img = cairo_image_surface_create_from_png(b->image);
		if (img && cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
			double iw = cairo_image_surface_get_width(img);
			double ih = cairo_image_surface_get_height(img);
			double s = fmax(w / iw, h / ih);
			cairo_save(p->cr);
			cairo_rectangle(p->cr, col_x(p->col), top, w, h);
			cairo_clip(p->cr);
			cairo_translate(p->cr, col_x(p->col) + (w - iw * s) / 2, top + (h - ih * s) / 2);
			cairo_scale(p->cr, s, s);
			cairo_set_source_surface(p->cr, img, 0, 0);
			cairo_paint(p->cr);
			cairo_restore(p->cr);
		} else {
			/* a sketch: a soft frame, hills and a sun, in the loop's tint */
			uint32_t c = p->loop && p->loop->colour ? p->loop->colour : p->l->main_colour;
			double x = col_x(p->col);
			cairo_set_source_rgba(p->cr, ((c >> 16) & 255) / 255.0,
					      ((c >> 8) & 255) / 255.0, (c & 255) / 255.0, 0.10);
			cairo_rectangle(p->cr, x, top, w, h);
			cairo_fill(p->cr);
			cairo_set_source_rgba(p->cr, ((c >> 16) & 255) / 255.0,
					      ((c >> 8) & 255) / 255.0, (c & 255) / 255.0, 0.35);
			cairo_move_to(p->cr, x, top + h);
			cairo_curve_to(p->cr, x + w * 0.25, top + h * 0.45, x + w * 0.45,
				       top + h * 0.55, x + w * 0.6, top + h * 0.7);
			cairo_curve_to(p->cr, x + w * 0.75, top + h * 0.5, x + w * 0.9,
				       top + h * 0.55, x + w, top + h * 0.65);
			cairo_line_to(p->cr, x + w, top + h);
			cairo_close_path(p->cr);
			cairo_fill(p->cr);
			cairo_arc(p->cr, x + w * 0.78, top + h * 0.28, h * 0.09, 0, 2 * G_PI);
			cairo_fill(p->cr);
		}
		if (img)
			cairo_surface_destroy(img);
	}
	figure_end(p, b->caption && *b->caption ? b->caption : "Photo");
	p->y += 14 * LINE;
	if (b->caption && *b->caption) {
		PangoLayout *lay = text_layout(p, b->caption, p->l->font_text, PANGO_WEIGHT_NORMAL,
					       7, w);
		PangoAttrList *attrs = pango_attr_list_new();
		pango_attr_list_insert(attrs, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS));
		pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(PANGO_SCALE / 3));
		pango_layout_set_attributes(lay, attrs);
		pango_attr_list_unref(attrs);
		colour(p, p->l->text_colour);
		show(p, lay, col_x(p->col), p->y - LINE + 6);
		g_object_unref(lay);
	}
	p->y += LINE;
}

static void article(struct pdf *p, struct article *a, int index, int *figure)
{
	title(p, a, index);
	p->after_paragraph = false;
	a->page = p->page;
	for (size_t i = 0; i < a->n; i++) {
		struct block *b = &a->v[i];
		switch (b->kind) {
		case BLOCK_HEADING: heading(p, b); break;
		case BLOCK_PARAGRAPH: paragraph(p, b); break;
		case BLOCK_TILES: tiles(p, b); break;
		case BLOCK_CHART: chart(p, b, figure); break;
		case BLOCK_IMAGE: image(p, b); break;
		}
	}
}

/* One pass over the whole carnet. */
static void pass(struct pdf *p)
{
	int figure = 0;
	p->page = -1;
	p->page_open = false;
	cover(p);
	contents(p);
	for (size_t i = 0; i < p->l->nloops; i++) {
		const struct loop *loop = &p->l->loops[i];
		divider(p, loop);
		bool first = true;
		for (size_t k = 0; k < p->x->n; k++) {
			if (strcmp(p->x->v[k].loop, loop->id) != 0)
				continue;
			if (first)
				new_article_page(p);
			first = false;
			article(p, &p->x->v[k], (int)k, &figure);
		}
	}
	key_figures(p);
	back_cover(p);
	end_page(p);
}

static cairo_status_t write_file(void *closure, const unsigned char *data,
				 unsigned int length)
{
	return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
							  : CAIRO_STATUS_WRITE_ERROR;
}

/* The outline: a bookmark per loop, under it one per article. */
static void outline(struct pdf *p)
{
	for (size_t i = 0; i < p->l->nloops; i++) {
		const struct loop *loop = &p->l->loops[i];
		int parent = -1;
		for (size_t k = 0; k < p->x->n; k++) {
			if (strcmp(p->x->v[k].loop, loop->id) != 0)
				continue;
			char link[48];
			snprintf(link, sizeof link, "dest='article%zu'", k);
			if (parent < 0)
				parent = cairo_pdf_surface_add_outline(p->surface,
					CAIRO_PDF_OUTLINE_ROOT, loop->title, link, 0);
			cairo_pdf_surface_add_outline(p->surface, parent, p->x->v[k].title,
						      link, 0);
		}
	}
}

int pdf_write(const char *path, const struct layout *l,
	      const struct figures *t, struct texts *x, PangoFontMap *fonts,
	      time_t date, struct diag *d)
{
	struct pdf p = { .l = l, .t = t, .x = x, .d = d };
	size_t errors = d->errors;

	p.ctx = pango_font_map_create_context(fonts);
	pango_cairo_context_set_resolution(p.ctx, 72);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p.ctx, fo);
	cairo_font_options_destroy(fo);
	p.cells = g_new0(enum sc_cell, t->n ? t->n : 1);
	p.layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
	secrecy_apply(t, p.cells);

	pass(&p);                       /* measure: where articles start */

	char *raw = g_strdup_printf("%s.cairo", path);
	p.alts = g_ptr_array_new_with_free_func(g_free);
	FILE *f = fopen(raw, "wb");
	if (!f) {
		diag_add(d, DIAG_ERROR, raw, 0, 0, "cannot write");
		goto out;
	}
	p.surface = cairo_pdf_surface_create_for_stream(write_file, f, PAGE_W, PAGE_H);
	cairo_pdf_surface_restrict_to_version(p.surface, CAIRO_PDF_VERSION_1_5);
	char stamp[32];
	struct tm tm;
	gmtime_r(&date, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	char *title = g_strdup_printf("%s %d", l->title, l->year);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_AUTHOR, l->office);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_SUBJECT, l->subject);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_KEYWORDS, l->keywords);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR, "carnet");
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
	g_free(title);
	p.cr = cairo_create(p.surface);
	/* The structure tree's root.  cairo 1.16 writes link annotations
	 * only in a tagged document: without it the pages name annotation
	 * objects that are never written. */
	cairo_tag_begin(p.cr, "Document", NULL);
	pass(&p);                       /* draw */
	cairo_tag_end(p.cr, "Document");
	outline(&p);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surface);
	cairo_status_t st = cairo_surface_status(p.surface);
	if (st != CAIRO_STATUS_SUCCESS)
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write the PDF: %s",
			 cairo_status_to_string(st));
	cairo_surface_destroy(p.surface);
	if (fclose(f) != 0)
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write the PDF");
	if (d->errors == errors)
		pdf_tags_finish(raw, path, l->language, p.alts, d);
out:
	unlink(raw);
	g_free(raw);
	if (p.alts)
		g_ptr_array_free(p.alts, TRUE);
	g_free(p.cells);
	g_hash_table_destroy(p.layouts);
	g_object_unref(p.ctx);
	return d->errors > errors ? -1 : 0;
}
