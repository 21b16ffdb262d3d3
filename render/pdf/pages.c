/* pages.c — the pages of the carnet drawn whole: the cover, the
 * sommaire with the editorial, a loop's divider, the key figures and the
 * back pages_cover (see page.h). */
#include "pages.h"
#include "../../model/format.h"
#include "../../model/inputs.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- whole pages ---- */

/* A dashed, winding trail from (x0, y0) to (x1, y1), the carnet's motif. */
static void trail(struct pdf *p, double x0, double y0, double x1, double y1,
		  uint32_t c, double width)
{
	if (!p->cr)
		return;
	static const double dash[] = { 6, 5 };
	page_colour(p, c);
	cairo_set_line_width(p->cr, width);
	cairo_set_line_cap(p->cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_dash(p->cr, dash, 2, 0);
	double mx = (x0 + x1) / 2;
	cairo_new_path(p->cr);
	cairo_move_to(p->cr, x0, y0);
	cairo_curve_to(p->cr, mx + (y1 - y0) * 0.35, y0, mx - (y1 - y0) * 0.35, y1, x1, y1);
	cairo_stroke(p->cr);
	cairo_set_dash(p->cr, NULL, 0, 0);
}

void pages_cover(struct pdf *p)
{
	const struct layout *l = p->l;
	page_begin(p);
	if (p->cr) {
		page_colour(p, l->main_colour);
		page_bleed_rect(p, 0, 0, PAGE_W, PAGE_H);
		/* the loops, as coloured stops along a trail */
		for (size_t i = 0; i < l->nloops; i++) {
			double x = 80 + (PAGE_W - 160) * ((double)i / MAX(1, l->nloops - 1));
			double y = 560 + 70 * sin(i * 1.3);
			if (i + 1 < l->nloops) {
				double x2 = 80 + (PAGE_W - 160) * ((double)(i + 1) / MAX(1, l->nloops - 1));
				trail(p, x, y, x2, 560 + 70 * sin((i + 1) * 1.3), 0xFFFFFF, 1.6);
			}
			page_colour(p, l->loops[i].colour);
			cairo_arc(p->cr, x, y, 11, 0, 2 * G_PI);
			cairo_fill(p->cr);
		}
	}
	double name_x = MARGIN_SIDE;
	if (p->logo) {
		page_logo(p, MARGIN_SIDE, 48, 64 * logo_aspect(p->logo), 64);
		name_x += 64 * logo_aspect(p->logo) + 14;
	}
	page_tag_begin(p, "P");
	page_say(p, l->office, p->l->font_text, PANGO_WEIGHT_BOLD, 11, 0xFFFFFF, name_x,
	    p->logo ? 84 : 80, PAGE_W - MARGIN_SIDE - name_x, PANGO_ALIGN_LEFT);
	page_tag_end(p, "P");
	/* the title and the year, one heading */
	page_tag_begin(p, "H1");
	page_say(p, l->title, p->l->font_hand, PANGO_WEIGHT_NORMAL, 52, 0xFFFFFF,
	    MARGIN_SIDE, 300, PAGE_W - 2 * MARGIN_SIDE, PANGO_ALIGN_LEFT);
	char year[16];
	snprintf(year, sizeof year, "%d", l->year);
	page_say(p, year, p->l->font_text, PANGO_WEIGHT_HEAVY, 64, l->accent, MARGIN_SIDE, 385,
	    PAGE_W - 2 * MARGIN_SIDE, PANGO_ALIGN_LEFT);
	page_tag_end(p, "H1");
	char *sub = g_strdup_printf("%s — n°%s", l->subtitle, l->number);
	page_tag_begin(p, "P");
	page_say(p, sub, p->l->font_text, PANGO_WEIGHT_NORMAL, 14, 0xFFFFFF, MARGIN_SIDE, 420,
	    PAGE_W - 2 * MARGIN_SIDE, PANGO_ALIGN_LEFT);
	page_tag_end(p, "P");
	g_free(sub);
	page_tag_begin(p, "P");
	page_say(p, l->signature, p->l->font_hand, PANGO_WEIGHT_NORMAL, 24, l->accent,
	    MARGIN_SIDE, PAGE_H - 90, PAGE_W - 2 * MARGIN_SIDE, PANGO_ALIGN_RIGHT);
	page_tag_end(p, "P");
}

/* An entry of a table of contents: a link to article k, its title and
 * its page (TOCI > Reference > Link). */
static void toc_entry(struct pdf *p, size_t k, double x, double y, double w, double size,
		      PangoWeight weight, uint32_t colour, const char *num,
		      PangoWeight num_weight, uint32_t num_colour, double num_w)
{
	page_tag_begin(p, "TOCI");
	page_tag_begin(p, "Reference");
	page_link_begin(p, k);
	page_say(p, p->x->v[k].title, p->l->font_text, weight, size, colour, x, y,
	    w - num_w, PANGO_ALIGN_LEFT);
	page_say(p, num, p->l->font_text, num_weight, size, num_colour, x + w - num_w, y, num_w,
	    PANGO_ALIGN_RIGHT);
	page_link_end(p);
	page_tag_end(p, "Reference");
	page_tag_end(p, "TOCI");
}

/* The sommaire (left) with links to every article, and the editorial. */
/* The sommaire in the left column, from y: each loop with its divider's
 * page, its articles beneath. */
static void contents_list(struct pdf *p, double y)
{
	const struct layout *l = p->l;
	double w = page_col_width();
	/* a short sommaire (a first edition's) is spread down its column:
	 * the loops further apart, by at most five lines */
	enum { LOOP_H = 13, LOOP_GAP = 5 };
	const double entry_h = 10.5;
	double height = 0, gap = LOOP_GAP;
	for (size_t i = 0; i < l->nloops; i++) {
		height += LOOP_H + LOOP_GAP;
		for (size_t k = 0; k < p->x->n; k++)
			height += strcmp(p->x->v[k].loop, l->loops[i].id) ? 0 : entry_h;
	}
	double room = PAGE_H - MARGIN_BOTTOM - y;
	if (l->nloops && room - height > room / 4)
		gap += MIN((room - height - room / 8) / (double)l->nloops, 5 * LINE);
	/* TOC > TOCI (a loop: its name and page, then TOC > TOCI, its
	 * articles) */
	page_tag_begin(p, "TOC");
	for (size_t i = 0; i < l->nloops; i++) {
		const struct loop *loop = &l->loops[i];
		int first = -1;
		for (size_t k = 0; k < p->x->n; k++)
			if (!strcmp(p->x->v[k].loop, loop->id) && first < 0)
				first = (int)k;
		char num[16];
		snprintf(num, sizeof num, "%d", p->divider_pages[i]);
		page_tag_begin(p, "TOCI");
		page_tag_begin(p, "P");
		page_say(p, loop->title, p->l->font_text, PANGO_WEIGHT_HEAVY, 9.5, loop->colour,
		    MARGIN_SIDE, y, w - 30, PANGO_ALIGN_LEFT);
		page_say(p, num, p->l->font_text, PANGO_WEIGHT_HEAVY, 9.5, loop->colour,
		    MARGIN_SIDE + w - 30, y, 30, PANGO_ALIGN_RIGHT);
		page_tag_end(p, "P");
		y += LOOP_H;
		if (first >= 0)
			page_tag_begin(p, "TOC");
		for (size_t k = 0; k < p->x->n; k++) {
			const struct article *a = &p->x->v[k];
			if (strcmp(a->loop, loop->id) != 0)
				continue;
			snprintf(num, sizeof num, "%d", p->article_pages[k]);
			toc_entry(p, k, MARGIN_SIDE + 10, y, w - 10, 8, PANGO_WEIGHT_NORMAL,
				  l->text_colour, num, PANGO_WEIGHT_NORMAL, l->text_colour, 30);
			y += entry_h;
		}
		if (first >= 0)
			page_tag_end(p, "TOC");
		page_tag_end(p, "TOCI");
		y += gap;
	}
	page_tag_end(p, "TOC");
}

/* The editorial, in the right column. */
static void contents_edito(struct pdf *p)
{
	const struct layout *l = p->l;
	double w = page_col_width();
	p->col = 1;
	p->y = MARGIN_TOP + 20;
	page_tag_begin(p, "H1");
	page_say(p, p->x->edito.title, p->l->font_hand, PANGO_WEIGHT_NORMAL, 26,
	    l->main_colour, page_col_x(1), p->y, w, PANGO_ALIGN_LEFT);
	page_tag_end(p, "H1");
	p->y += 2.5 * LINE;
	for (size_t i = 0; i < p->x->edito.n; i++) {
		const struct block *b = &p->x->edito.v[i];
		if (b->kind != BLOCK_PARAGRAPH && b->kind != BLOCK_HEADING)
			continue;
		double dx = b->list ? LIST_INDENT : 0;
		PangoLayout *lay = paragraph_layout(p, b, TEXT_SIZE,
			b->kind == BLOCK_HEADING ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
			w - dx, b->kind == BLOCK_PARAGRAPH, 0);
		const char *tag = b->kind == BLOCK_HEADING ? "H2" : "P";
		if (b->list) {
			/* each item its own list: the editorial seldom has one */
			page_tag_begin(p, "L");
			page_tag_begin(p, "LI");
			if (b->label) {
				page_tag_begin(p, "Lbl");
				page_say(p, b->label, l->font_text, PANGO_WEIGHT_NORMAL, TEXT_SIZE,
				    l->text_colour, page_col_x(1), p->y, dx, PANGO_ALIGN_LEFT);
				page_tag_end(p, "Lbl");
			}
			page_tag_begin(p, "LBody");
		}
		page_tag_begin(p, tag);
		struct para_lines it;
		page_para_begin(&it, lay);
		for (int k = 0, n = page_para_count(lay); k < n; k++, page_para_next(&it)) {
			if (p->cr) {
				page_colour(p, l->text_colour);
				cairo_move_to(p->cr, page_col_x(1) + dx, p->y);
				pango_cairo_show_layout_line(p->cr, page_para_line(&it, NULL));
			}
			p->y += LINE;
		}
		page_para_end(&it);
		page_tag_end(p, tag);
		if (b->list) {
			page_tag_end(p, "LBody");
			page_tag_end(p, "LI");
			page_tag_end(p, "L");
		}
		p->y += LINE / 2;
		g_object_unref(lay);
	}
	if (p->y > PAGE_H - MARGIN_BOTTOM)
		diag_add(p->d, DIAG_ERROR, p->x->edito.file, 0, 0,
			 "the editorial is too long for its column: shorten it");
}

void pages_contents(struct pdf *p)
{
	const struct layout *l = p->l;
	p->loop = NULL;
	page_begin(p);
	page_furniture(p);
	page_tag_begin(p, "H1");
	page_say(p, "Sommaire", p->l->font_hand, PANGO_WEIGHT_NORMAL, 30, l->main_colour,
	    MARGIN_SIDE, MARGIN_TOP + 20, page_col_width(), PANGO_ALIGN_LEFT);
	page_tag_end(p, "H1");
	contents_list(p, MARGIN_TOP + 52);
	contents_edito(p);
}

/* A loop's divider: its name, its theme word, and its articles as stops
 * along a trail, with their pages. */
void pages_divider(struct pdf *p, const struct loop *loop)
{
	const struct layout *l = p->l;
	p->loop = loop;
	page_begin(p);
	if (p->cr) {
		page_colour(p, loop->colour);
		page_bleed_rect(p, 0, 0, PAGE_W, 330);
	}
	/* read as the loop's heading, then its word above it */
	char *caps = g_utf8_strup(loop->title, -1);
	page_tag_begin(p, "H1");
	page_say(p, caps, p->l->font_text, PANGO_WEIGHT_HEAVY, 20, l->main_colour, MARGIN_SIDE,
	    290, PAGE_W - 2 * MARGIN_SIDE, PANGO_ALIGN_LEFT);
	page_tag_end(p, "H1");
	g_free(caps);
	page_tag_begin(p, "P");
	page_say(p, loop->word, p->l->font_hand, PANGO_WEIGHT_NORMAL, 54, 0xFFFFFF,
	    MARGIN_SIDE, 190, PAGE_W - 2 * MARGIN_SIDE, PANGO_ALIGN_LEFT);
	page_tag_end(p, "P");
	/* the stops */
	int n = 0;
	for (size_t k = 0; k < p->x->n; k++)
		n += !strcmp(p->x->v[k].loop, loop->id);
	double y = 390, step = n > 1 ? MIN(58.0, (PAGE_H - 110 - y) / (n - 1)) : 0;
	int i = 0;
	if (n)
		page_tag_begin(p, "TOC");
	for (size_t k = 0; k < p->x->n; k++) {
		const struct article *a = &p->x->v[k];
		if (strcmp(a->loop, loop->id) != 0)
			continue;
		/* the trail zig-zags down a rail on the left, the stops'
		 * titles stand clear of it on the right */
		double x = MARGIN_SIDE + (i % 2 ? 46 : 14), yy = y + i * step;
		if (i + 1 < n)
			trail(p, x, yy, MARGIN_SIDE + ((i + 1) % 2 ? 46 : 14), yy + step,
			      loop->colour, 1.4);
		if (p->cr) {
			page_colour(p, loop->colour);
			cairo_new_path(p->cr);
			cairo_arc(p->cr, x, yy, 7, 0, 2 * G_PI);
			cairo_fill(p->cr);
		}
		x = MARGIN_SIDE + 70;
		char num[16];
		snprintf(num, sizeof num, "p. %d", p->article_pages[k]);
		toc_entry(p, k, x, yy + 4, PAGE_W - x - MARGIN_SIDE, 10, PANGO_WEIGHT_BOLD,
			  l->text_colour, num, PANGO_WEIGHT_HEAVY, loop->colour, 50);
		i++;
	}
	if (n)
		page_tag_end(p, "TOC");
}

/* The key figures: a grid of big numbers. */
void pages_key_figures(struct pdf *p)
{
	const struct layout *l = p->l;
	p->loop = &l->keyfigures;
	page_begin(p);
	if (p->cr) {
		page_colour(p, l->main_colour);
		page_bleed_rect(p, 0, 0, PAGE_W, PAGE_H);
	}
	page_tag_begin(p, "H1");
	page_say(p, l->keyfigures.title, p->l->font_hand, PANGO_WEIGHT_NORMAL, 34,
	    0xFFFFFF, MARGIN_SIDE, 95, PAGE_W - 2 * MARGIN_SIDE, PANGO_ALIGN_LEFT);
	page_tag_end(p, "H1");
	int n = 0;
	double cw = (PAGE_W - 2 * MARGIN_SIDE) / 3;
	for (size_t i = 0; i < l->nentries; i++) {
		const struct entry *e = &l->entries[i];
		if (strcmp(e->loop, "cles") != 0)
			continue;
		char v[96];
		format_entry(l, p->t, e, v, sizeof v);
		double x = MARGIN_SIDE + (n % 3) * cw, y = 175 + (n / 3) * 100;
		page_tag_begin(p, "P");
		uint32_t c = l->nloops ? l->loops[n % l->nloops].colour : l->accent;
		page_say(p, v, p->l->font_text, PANGO_WEIGHT_HEAVY, 26, c == l->main_colour ? l->accent : c,
		    x, y, cw - 12, PANGO_ALIGN_LEFT);
		char *caps = g_utf8_strup(e->label, -1);
		PangoLayout *lay = text_layout(p, caps, p->l->font_text, PANGO_WEIGHT_BOLD, 8, cw - 16);
		page_colour(p, 0xFFFFFF);
		page_show(p, lay, x, y + 18);
		g_object_unref(lay);
		g_free(caps);
		page_tag_end(p, "P");
		n++;
	}
}

void pages_back_cover(struct pdf *p)
{
	const struct layout *l = p->l;
	p->loop = NULL;
	page_begin(p);
	if (p->cr) {
		page_colour(p, l->main_colour);
		page_bleed_rect(p, 0, PAGE_H - 260, PAGE_W, 260);
	}
	if (p->logo)
		page_logo(p, MARGIN_SIDE, 40, 56 * logo_aspect(p->logo), 56);
	page_tag_begin(p, "P");
	page_say(p, l->office, p->l->font_text, PANGO_WEIGHT_HEAVY, 14, l->main_colour,
	    MARGIN_SIDE, 120, PAGE_W - 2 * MARGIN_SIDE, PANGO_ALIGN_LEFT);
	page_tag_end(p, "P");
	PangoLayout *lay = text_layout(p, l->back, p->l->font_text, PANGO_WEIGHT_NORMAL, 9.5,
				       PAGE_W - 2 * MARGIN_SIDE);
	pango_layout_set_spacing(lay, 3 * PANGO_SCALE);
	page_colour(p, l->text_colour);
	page_tag_begin(p, "P");
	page_show(p, lay, MARGIN_SIDE, 150);
	page_tag_end(p, "P");
	g_object_unref(lay);
	page_tag_begin(p, "P");
	page_say(p, l->signature, p->l->font_hand, PANGO_WEIGHT_NORMAL, 28, 0xFFFFFF,
	    MARGIN_SIDE, PAGE_H - 120, PAGE_W - 2 * MARGIN_SIDE, PANGO_ALIGN_CENTER);
	page_tag_end(p, "P");
}

