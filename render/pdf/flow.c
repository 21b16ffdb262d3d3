/* flow.c — see flow.h: the articles, flowed in two columns. */
#include "flow.h"
#include "../charts.h"
#include "../photo_embed.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A Figure element; its text alternative is given at its end (a chart's
 * is made while it is drawn). */
static struct pdf_elem *figure_begin(struct pdf *p)
{
	return page_tag_begin(p, "Figure");
}

static void figure_end(struct pdf *p, struct pdf_elem *e, const char *alt)
{
	page_tag_end(p, "Figure");
	if (!e)
		return;
	/* the soft hyphens of the text are no part of what is read aloud */
	char **parts = g_strsplit(alt, "\xC2\xAD", -1);
	e->alt = g_strjoinv("", parts);
	g_strfreev(parts);
}


static void place_image(struct pdf *p, const struct block *b, bool wide);

static void new_article_page(struct pdf *p)
{
	page_begin(p);
	page_furniture(p);
	p->col = 0;
	p->y = p->column_top[0];
	p->ncolumn_frames = 0;
	const struct block *b = p->pending;
	p->pending = NULL;
	if (b)
		place_image(p, b, true);
}

static int lines_left(const struct pdf *p);

/* The photos of a finished column grow, as far as their crop allows, to
 * fill what the column leaves blank at its foot (measuring passes only:
 * the next pass lays the column out with them). */
static void fill_column(struct pdf *p)
{
	int blank = lines_left(p) - 1;
	for (int i = 0; i < p->ncolumn_frames && blank > 0 && p->growing; i++) {
		struct frame *f = p->column_frames[i];
		int give = MIN(blank, f->max_lines - f->used);
		if (give > 0) {
			f->extra += give;
			blank -= give;
			p->grown = true;
		}
	}
	p->ncolumn_frames = 0;
}

static void next_column(struct pdf *p)
{
	if (!p->cr)
		fill_column(p);
	if (p->col == 0) {
		p->col = 1;
		p->y = p->column_top[1];
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


/* Places the lines of lay on the grid, column after column, with no lone
 * line at a column's foot (orphan) or head (widow); each column's part is
 * a structure element of kind tag.  The lines are walked once, with one
 * iterator (a layout's lines are a list: reaching line k from the first
 * each time made a long paragraph cost its lines squared).  A list's
 * paragraph (item not NULL) is its item's body, LIST_INDENT to the right,
 * its label (when it begins the item) beside its first line. */
static void flow_lines(struct pdf *p, PangoLayout *lay, uint32_t c,
		       const char *tag, const struct block *item)
{
	double dx = item ? LIST_INDENT : 0;
	bool body = false;
	int n = page_para_count(lay), i = 0;
	struct para_lines it;
	page_para_begin(&it, lay);
	while (i < n) {
		int room = lines_left(p), take = MIN(room, n - i);
		if (take <= 0 || (i == 0 && take == 1 && n > 1)) {
			next_column(p);
			continue;
		}
		if (n - i - take == 1 && take > 2)
			take--;                 /* leave two lines for the next */
		if (item && !body) {
			if (item->label) {
				page_tag_begin(p, "Lbl");
				page_say(p, item->label, p->l->font_text, PANGO_WEIGHT_NORMAL, TEXT_SIZE,
				    c, page_col_x(p->col), p->y, dx, PANGO_ALIGN_LEFT);
				page_tag_end(p, "Lbl");
			}
			page_tag_begin(p, "LBody");
			body = true;
		}
		page_tag_begin(p, tag);
		for (int k = i; k < i + take; k++) {
			if (p->cr) {
				/* x: an indent, an alignment */
				PangoRectangle r;
				PangoLayoutLine *line = page_para_line(&it, &r);
				page_colour(p, c);
				cairo_move_to(p->cr, page_col_x(p->col) + dx + r.x / (double)PANGO_SCALE,
					      p->y);
				pango_cairo_show_layout_line(p->cr, line);
			}
			page_para_next(&it);
			p->y += LINE;
		}
		page_tag_end(p, tag);
		i += take;
		if (i < n)
			next_column(p);
	}
	if (body)
		page_tag_end(p, "LBody");
	page_para_end(&it);
}

static void paragraph(struct pdf *p, const struct block *b)
{
	if (b->list) {                  /* LI > Lbl, LBody > P */
		PangoLayout *lay = paragraph_layout(p, b, TEXT_SIZE, PANGO_WEIGHT_NORMAL,
						    page_col_width() - LIST_INDENT, true, 0);
		page_tag_begin(p, "LI");
		flow_lines(p, lay, p->l->text_colour, "P", b);
		page_tag_end(p, "LI");
		p->after_paragraph = false;
		g_object_unref(lay);
		return;
	}
	/* a paragraph that follows one is indented */
	PangoLayout *lay = paragraph_layout(p, b, TEXT_SIZE, PANGO_WEIGHT_NORMAL,
					    page_col_width(), true, p->after_paragraph ? TEXT_SIZE : 0);
	flow_lines(p, lay, p->l->text_colour, "P", NULL);
	p->after_paragraph = true;
	g_object_unref(lay);
}

static void heading(struct pdf *p, const struct block *b)
{
	uint32_t c = page_loop_colour(p);
	PangoLayout *lay = paragraph_layout(p, b, 10.5, PANGO_WEIGHT_BOLD,
					    page_col_width(), false, 0);
	int n = page_para_count(lay);
	need(p, n + 3);
	if (p->y > p->column_top[p->col] + 1)
		p->y += LINE / 2;
	flow_lines(p, lay, c, "H3", NULL);
	p->after_paragraph = false;
	g_object_unref(lay);
}

/* Snaps p->y to the grid below it. */
static void snap(struct pdf *p)
{
	double top = MARGIN_TOP + LINE;
	p->y = top + ceil((p->y - top) / LINE - 1e-6) * LINE;
}

/* The article's title, in capitals, kept with three lines of text. */
static void title(struct pdf *p, const struct article *a, int index)
{
	uint32_t c = page_loop_colour(p);
	char *caps = g_utf8_strup(a->title, -1);
	PangoLayout *lay = text_layout(p, caps, p->l->font_text, PANGO_WEIGHT_HEAVY, 13,
				       page_col_width());
	pango_layout_set_spacing(lay, (int)((LINE * 1.25 - 13 * 1.2) * PANGO_SCALE));
	int n = pango_layout_get_line_count(lay);
	/* articles follow each other in the columns, a line and a half
	 * apart, a title kept with the start of its article */
	if (p->y > p->column_top[p->col] + 1)
		p->y += LINE * 1.5;
	need(p, 2 * n + 5);
	char dest[48];
	snprintf(dest, sizeof dest, "name='article%d'", index);
	if (p->cr) {
		cairo_tag_begin(p->cr, CAIRO_TAG_DEST, dest);
		cairo_tag_end(p->cr, CAIRO_TAG_DEST);
		/* a short rule of the loop's colour over the title */
		page_colour(p, c);
		cairo_rectangle(p->cr, page_col_x(p->col), p->y - LINE + 2, 28, 3);
		cairo_fill(p->cr);
	}
	p->y += LINE * 0.5;
	page_tag_begin(p, "H2");
	for (int k = 0; k < n; k++) {
		if (p->cr) {
			page_colour(p, c);
			cairo_move_to(p->cr, page_col_x(p->col), p->y);
			pango_cairo_show_layout_line(p->cr, pango_layout_get_line_readonly(lay, k));
		}
		p->y += LINE * 1.25;
	}
	page_tag_end(p, "H2");
	snap(p);
	p->y += LINE * 0.5;
	snap(p);
	g_object_unref(lay);
	g_free(caps);
}

/* ---- blocks that stand whole ---- */

/* A grid line between text and a block, unless the column starts here. */
static void space_before_block(struct pdf *p)
{
	if (p->y > p->column_top[p->col] + 1)
		p->y += LINE;
	p->after_paragraph = false;
}

/* Big numbers with their label in capitals beneath, two a row. */
static void tiles(struct pdf *p, const struct block *b)
{
	uint32_t c = page_loop_colour(p);
	double w = page_col_width();
	space_before_block(p);
	for (size_t i = 0; i < b->ntiles; i += 2) {
		need(p, 5);
		double top = p->y - LINE + 3;
		for (size_t k = i; k < MIN(i + 2, b->ntiles); k++) {
			double x = page_col_x(p->col) + (k - i) * (w / 2 + 3);
			double tw = w / 2 - 3;
			if (p->cr) {
				page_colour_alpha(p, c, 0.12);
				cairo_rectangle(p->cr, x, top, tw, 4 * LINE);
				cairo_fill(p->cr);
			}
			/* a paragraph: the number, then what it counts */
			page_tag_begin(p, "P");
			page_say(p, b->tiles[k].value, p->l->font_text, PANGO_WEIGHT_HEAVY, 20, c,
			    x + 6, top + 24, tw - 12, PANGO_ALIGN_LEFT);
			if (p->cr) {
				char *caps = g_utf8_strup(b->tiles[k].label, -1);
				PangoLayout *lay = text_layout(p, caps, p->l->font_text,
							       PANGO_WEIGHT_BOLD, 6.8, tw - 12);
				page_colour(p, p->l->text_colour);
				page_show(p, lay, x + 6, top + 36);
				g_object_unref(lay);
				g_free(caps);
			}
			page_tag_end(p, "P");
		}
		p->y += 5 * LINE;
	}
}

/* A draft's chart whose indicator is absent: its frame and title, n.d. */
static char *empty_chart(struct pdf *p, const struct chart_block *c, uint32_t colour,
			 double x, double top, double w, double h)
{
	if (p->cr) {
		page_colour_alpha(p, colour, 1);
		cairo_set_line_width(p->cr, 0.8);
		static const double dash[] = { 4, 3 };
		cairo_set_dash(p->cr, dash, 2, 0);
		cairo_rectangle(p->cr, x + 0.5, top + 0.5, w - 1, h - 1);
		cairo_stroke(p->cr);
		cairo_set_dash(p->cr, NULL, 0, 0);
	}
	page_say(p, c->title, p->l->font_text, PANGO_WEIGHT_BOLD, 8, colour, x + 8, top + 16, w - 16,
	    PANGO_ALIGN_LEFT);
	page_say(p, "n.d.", p->l->font_text, PANGO_WEIGHT_HEAVY, 18, colour, x, top + h / 2 + 8, w,
	    PANGO_ALIGN_CENTER);
	return g_strdup_printf("%s : n.d.", c->title);
}

static void chart(struct pdf *p, struct block *b, int *figure)
{
	uint32_t c = page_loop_colour(p);
	int lines = b->chart.missing ? 8 : chart_lines(&b->chart, p->t);
	space_before_block(p);
	need(p, lines + 1);
	double top = p->y - LINE + 3;
	struct chart_ctx cc = {
		.cr = p->cr, .ctx = p->ctx, .l = p->l, .t = p->t, .cells = p->cells,
		.colour = c,
	};
	g_free(b->chart.alt);
	struct pdf_elem *e = figure_begin(p);
	b->chart.alt = b->chart.missing
		? empty_chart(p, &b->chart, c, page_col_x(p->col), top, page_col_width(), lines * LINE - 6)
		: chart_draw(&cc, &b->chart, page_col_x(p->col), top, page_col_width(), lines * LINE);
	figure_end(p, e, b->chart.alt);
	(*figure)++;
	p->y += lines * LINE;
}


/* The frame of photo b, sized once: its width is the column's (both
 * columns' when wide); its height follows the photo's proportions, and
 * may be cropped by up to a quarter of either side to fill a column. */
static struct frame *frame_of(struct pdf *p, const struct block *b, bool wide)
{
	struct frame *f = g_hash_table_lookup(p->frames, b);
	if (f && f->wide == wide)
		return f;
	if (!f) {
		f = g_new0(struct frame, 1);
		g_hash_table_insert(p->frames, (gpointer)b, f);
	}
	f->wide = wide;
	f->extra = 0;
	f->w = wide ? PAGE_W - 2 * MARGIN_SIDE : page_col_width();
	double aspect = b->present ? (double)b->photo.width / b->photo.height : 1.5;
	int column = (int)floor((PAGE_H - MARGIN_BOTTOM - MARGIN_TOP) / LINE);
	f->min_lines = MAX(6, (int)ceil(f->w / (aspect / 0.75) / LINE));
	f->max_lines = MIN(column * 3 / 5, (int)floor(f->w / (aspect * 0.75) / LINE));
	f->max_lines = MAX(f->max_lines, f->min_lines);
	f->lines = CLAMP((int)lround(f->w / aspect / LINE), f->min_lines, f->max_lines);
	return f;
}

/* The soft landscape drawn where a photo has not arrived yet. */
static void sketch(struct pdf *p, double x, double top, double w, double h)
{
	uint32_t c = page_loop_colour(p);
	page_colour_alpha(p, c, 0.10);
	cairo_rectangle(p->cr, x, top, w, h);
	cairo_fill(p->cr);
	page_colour_alpha(p, c, 0.35);
	cairo_move_to(p->cr, x, top + h);
	cairo_curve_to(p->cr, x + w * 0.25, top + h * 0.45, x + w * 0.45,
		       top + h * 0.55, x + w * 0.6, top + h * 0.7);
	cairo_curve_to(p->cr, x + w * 0.75, top + h * 0.5, x + w * 0.9,
		       top + h * 0.55, x + w, top + h * 0.65);
	cairo_line_to(p->cr, x + w, top + h);
	cairo_close_path(p->cr);
	cairo_fill(p->cr);
	cairo_arc(p->cr, x + w * 0.78, top + h * 0.28, fmin(w, h) * 0.09, 0, 2 * G_PI);
	cairo_fill(p->cr);
}

/* The pixels a frame of w x h points needs at the edition's resolution. */
static void frame_crop(struct pdf *p, struct frame *f, const struct block *b,
		       double w, double h)
{
	if (!b->present)
		return;
	int px_w = (int)ceil(w / 72 * p->ppi), px_h = (int)ceil(h / 72 * p->ppi);
	f->crop = photo_crop_for(&b->photo, w / h, b->focus_x, b->focus_y, px_w, px_h);
}

static void show_frame(struct pdf *p, const struct block *b, struct frame *f, bool wide,
		       int lines, int caption, bool grows);

/* A photo, or a drawn placeholder, with its caption in small capitals
 * beneath, across both columns when wide.  A photo that does not fit at a
 * column's foot shrinks to the room left when its crop allows, else moves
 * to the next column. */
static void place_image(struct pdf *p, const struct block *b, bool wide)
{
	struct frame *f = frame_of(p, b, wide);
	int caption = b->caption && *b->caption ? 1 : 0;
	space_before_block(p);
	int lines = MIN(f->lines + f->extra, f->max_lines);
	int room = lines_left(p) - 1 - caption;
	if (room < lines) {
		if (room >= f->min_lines && !wide)
			lines = room;
		else {
			next_column(p);
			lines = MIN(f->lines + f->extra, f->max_lines);
		}
	}
	show_frame(p, b, f, wide, lines, caption, !wide);
}

/* Draws b's frame f (lines high, at the column's or the page's left
 * when wide) and its caption; grows: it may take its column's blank foot
 * in the next measuring pass. */
static void show_frame(struct pdf *p, const struct block *b, struct frame *f, bool wide,
		       int lines, int caption, bool grows)
{
	double x = wide ? MARGIN_SIDE : page_col_x(p->col), w = f->w;
	double top = p->y - LINE + 3, h = lines * LINE - 3;
	f->used = lines;
	if (!p->cr && p->ncolumn_frames < MAX_COLUMN_FRAMES && grows)
		p->column_frames[p->ncolumn_frames++] = f;
	if (!p->cr)
		frame_crop(p, f, b, w, h);
	struct pdf_elem *e = figure_begin(p);
	if (p->cr) {
		if (f->surface)
			photo_paint(p->cr, f->surface, &f->view, x, top, w, h);
		else
			sketch(p, x, top, w, h);
	}
	figure_end(p, e, b->caption && *b->caption ? b->caption : "Photo");
	p->y += (lines + 1) * LINE;
	if (caption && p->cr) {
		page_tag_begin(p, "Caption");
		PangoLayout *lay = text_layout(p, b->caption, p->l->font_text, PANGO_WEIGHT_NORMAL,
					       7, w);
		PangoAttrList *attrs = pango_attr_list_new();
		pango_attr_list_insert(attrs, pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS));
		pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(PANGO_SCALE / 3));
		pango_layout_set_attributes(lay, attrs);
		pango_attr_list_unref(attrs);
		page_colour(p, p->l->text_colour);
		page_show(p, lay, x, p->y - LINE + 6);
		g_object_unref(lay);
		page_tag_end(p, "Caption");
	}
	if (caption)
		p->y += LINE;
	if (wide) {
		/* both columns go on beneath it */
		p->column_top[1] = p->y;
		snap(p);
	}
}

static bool at_page_top(const struct pdf *p)
{
	return p->col == 0 && p->y <= p->column_top[0] + 1;
}

/* A wide photo heads a page: where the text is not at a page's top, it
 * waits for the next page (one at a time), and the text goes on. */
static void image(struct pdf *p, const struct block *b)
{
	struct frame *held = b->closing ? g_hash_table_lookup(p->frames, b) : NULL;
	if (b->closing && !(held && held->in_flow)) {
		if (p->closing)         /* one closes the loop: the last */
			place_image(p, p->closing, false);
		p->closing = b;
		return;
	}
	if (b->wide && !at_page_top(p) && !p->pending) {
		p->pending = b;
		return;
	}
	place_image(p, b, b->wide && at_page_top(p));
}

/* The photo that closes a loop fills what the loop's last page leaves
 * blank: beneath the text across both columns when only the left column
 * has some and it is at most half full, else the rest of the right
 * column.  It may be cropped further than a photo in the flow (the frame
 * takes the room, the crop its focal point).  When less than its smallest
 * frame is left, the measuring passes put it back where its text puts it. */
static void close_loop(struct pdf *p, const struct block *b)
{
	int caption = b->caption && *b->caption ? 1 : 0;
	double foot = PAGE_H - MARGIN_BOTTOM;
	bool wide = p->col == 0 &&
		    p->y - p->column_top[0] <= (foot - p->column_top[0]) / 2;
	if (p->col == 0 && !wide) {
		p->col = 1;
		p->y = p->column_top[1];
	}
	struct frame *f = frame_of(p, b, wide);
	space_before_block(p);
	int room = lines_left(p) - 1 - caption;
	if (room < f->min_lines) {
		if (p->growing) {       /* the next pass places it in the flow */
			f->in_flow = true;
			p->grown = true;
		}
		place_image(p, b, false);
		return;
	}
	show_frame(p, b, f, wide, room, caption, false);
}

void flow_end_loop(struct pdf *p)
{
	const struct block *b = p->pending;
	p->pending = NULL;
	if (b)          /* no page left in the loop: in the column, then */
		place_image(p, b, false);
	b = p->closing;
	p->closing = NULL;
	if (b)
		close_loop(p, b);
}

void flow_article(struct pdf *p, struct article *a, int index, int *figure)
{
	title(p, a, index);
	p->after_paragraph = false;
	p->article_pages[index] = p->page;
	int list = 0;                   /* the list open (an L element) */
	for (size_t i = 0; i < a->n; i++) {
		struct block *b = &a->v[i];
		if (b->list != list) {
			if (list)
				page_tag_end(p, "L");
			if (b->list)
				page_tag_begin(p, "L");
			list = b->list;
		}
		switch (b->kind) {
		case BLOCK_HEADING: heading(p, b); break;
		case BLOCK_PARAGRAPH: paragraph(p, b); break;
		case BLOCK_TILES: tiles(p, b); break;
		case BLOCK_CHART: chart(p, b, figure); break;
		case BLOCK_IMAGE: image(p, b); break;
		}
	}
	if (list)
		page_tag_end(p, "L");
}

void flow_begin_loop(struct pdf *p)
{
	new_article_page(p);
}
