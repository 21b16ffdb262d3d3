/*
 * page.h — the page engine's insides, shared by pdf.c (the passes and
 * the flow of articles) and pages.c (the pages drawn whole: cover,
 * sommaire and editorial, loop dividers, key figures, back cover).  Not
 * an interface for other modules: see pdf.h.
 */
#ifndef CARNET_PDF_PAGE_H
#define CARNET_PDF_PAGE_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../../etl/small_counts.h"
#include "../../model/layout.h"
#include "../logo.h"
#include "../photo.h"
#include "../photo_embed.h"
#include "../../model/texts.h"
#include "finish.h"

/* A4 in points; the grid of the text. */
#define PAGE_W 595.276
#define PAGE_H 841.890
#define MARGIN_TOP 62.0
#define MARGIN_BOTTOM 58.0
#define MARGIN_SIDE 48.0
#define GUTTER 20.0
#define LINE 14.4               /* the baseline grid */
#define TEXT_SIZE 10.0
#define MAX_HYPHEN_RUN 2        /* consecutive hyphenated lines */
#define LIST_INDENT 12.0        /* a list item's text, right of its label */
#define BLEED (3 / 25.4 * 72)   /* the print edition's 3 mm */
#define MARKS (10 / 25.4 * 72)  /* and the room for its crop marks */

/* A photo's frame, as the measuring passes size it. */
struct frame {
	int lines, min_lines, max_lines;        /* the photo's height in grid lines */
	int extra;              /* lines given to fill its column's foot */
	int used;               /* the lines it took in the last pass */
	double w;               /* its width */
	bool wide;              /* across both columns */
	bool in_flow;           /* a closing photo the last page had no room
				 * for: placed where its text puts it */
	struct photo_crop crop; /* what it shows, at the edition's resolution */
	cairo_surface_t *surface;       /* what is drawn: NULL for a placeholder */
	struct photo_view view;         /* the part of it the frame shows */
};

#define MAX_COLUMN_FRAMES 8

struct pdf {
	/* the edition */
	bool print;             /* the print edition: bleed, crop marks, 300 ppi */
	bool draft;             /* every page marked PROJET */
	double bleed;           /* how far what touches the trim runs past it */
	double offset;          /* from the sheet's corner to the trim's */
	double ppi;             /* photos' resolution at their printed size */
	const char *cache_dir;  /* resampled photos, or NULL */
	const GArray *photo_plan;  /* the build's photos (photo_embed.h), or NULL */
	int *article_pages;     /* where each article of x starts: the last
				 * pass's, which the next one prints (the
				 * texts, shared between editions, hold none) */
	struct logo *logo;      /* the office's, or NULL */
	bool growing;           /* photos may still grow to fill columns */
	bool grown;             /* one did in this pass */
	GHashTable *frames;     /* struct block * -> struct frame */
	struct frame *column_frames[MAX_COLUMN_FRAMES];
	int ncolumn_frames;
	double column_top[2];   /* where each column of the page starts */
	const struct block *pending;    /* a wide photo waiting for a page */
	const struct block *closing;    /* the photo that closes the loop */
	int *divider_pages;     /* each loop's divider, as the last pass put it */

	cairo_surface_t *surface;
	cairo_t *cr;            /* NULL in the measuring pass */
	PangoContext *ctx;
	const struct layout *l;
	const struct figures *t;
	struct texts *x;
	enum sc_cell *cells;
	struct diag *d;
	int page;               /* pages begun so far; the cover is page 0 */
	const struct loop *loop;
	/* the frame being filled */
	int col;
	double y;               /* next baseline */
	bool page_open;
	bool after_paragraph;   /* the next paragraph is indented */
	GPtrArray *elems;       /* the structure tags begun, in order (finish.h) */
	/* paragraph layouts of the measuring pass, drawn by the second:
	 * shaping text (HarfBuzz) is most of the stage's time */
	GHashTable *layouts;
};


void page_colour(struct pdf *p, uint32_t c);
/* The same colour with alpha a (tints of a loop's colour). */
void page_colour_alpha(struct pdf *p, uint32_t c, double a);
/* The current loop's colour, else the edition's main one. */
uint32_t page_loop_colour(const struct pdf *p);
double page_col_width(void);
double page_col_x(int col);
PangoLayout *text_layout(struct pdf *p, const char *text, const char *family,
			 PangoWeight weight, double size, double w);
void page_show(struct pdf *p, PangoLayout *lay, double x, double baseline);
double page_text_width(PangoLayout *lay);
/* Text drawn at (x, baseline) in one call; its width (0 when measuring:
 * the measuring pass does not shape what only the drawing shows). */
double page_say(struct pdf *p, const char *text, const char *family,
	   PangoWeight weight, double size, uint32_t c, double x,
	   double baseline, double w, PangoAlignment align);
void page_begin(struct pdf *p);
void page_end(struct pdf *p);
void page_furniture(struct pdf *p);
/* The office's logo fitted into (x, y, w, h), when the edition has one. */
void page_logo(struct pdf *p, double x, double y, double w, double h);
/* A rectangle of colour c; each side on the trim runs into the bleed. */
void page_bleed_rect(struct pdf *p, double x, double y, double w, double h);
/* A structure element around what follows, when drawing: its record,
 * to which a Figure's text alternative is given (NULL when measuring). */
struct pdf_elem *page_tag_begin(struct pdf *p, const char *tag);
void page_tag_end(struct pdf *p, const char *tag);
/* What follows is an artifact: PDF_ARTIFACT_PAGINATION or _LAYOUT. */
void page_artifact_begin(struct pdf *p, const char *type);
void page_artifact_end(struct pdf *p);
/* A link to article k, with where it leads said in words. */
void page_link_begin(struct pdf *p, size_t k);
void page_link_end(struct pdf *p);
/* A paragraph laid out (cached: the passes share it), hyphenated lines
 * mended, its first line indented by indent; a very long one in parts:
 * its lines are walked with page_para_begin() … page_para_end(). */
PangoLayout *paragraph_layout(struct pdf *p, const struct block *b, double size,
			      PangoWeight weight, double w, bool justify, double indent);

struct parts;
/* The lines of a paragraph_layout(), in order, over its parts. */
struct para_lines {
	PangoLayout *first;
	const struct parts *parts;      /* NULL: one layout */
	guint part;
	int line;               /* within the part */
	PangoLayoutIter *it;
};
int page_para_count(PangoLayout *lay);
void page_para_begin(struct para_lines *pl, PangoLayout *lay);
/* The current line, and its logical extents (x: indent and alignment). */
PangoLayoutLine *page_para_line(struct para_lines *pl, PangoRectangle *logical);
void page_para_next(struct para_lines *pl);
void page_para_end(struct para_lines *pl);

#endif
