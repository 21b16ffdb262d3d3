/*
 * site.h — the web edition's insides, shared by its modules: site.c (the
 * folder and its pages), article.c (a text as HTML), chart_svg.c (a chart
 * as inline SVG and a table), photos.c (a photo at two widths), style.c
 * (carnet.css), webfonts.c (the faces, cut down).  Not an interface for
 * other modules: see html.h.
 */
#ifndef CARNET_HTML_SITE_H
#define CARNET_HTML_SITE_H

#include "../../etl/small_counts.h"
#include "html.h"

/* The contrast text must reach (WCAG 2.1 AA, 1.4.3), and the palest
 * ground text in the edition's colours sits on (the footer's grey; white
 * elsewhere): a colour that reads on it reads on white. */
#define TEXT_CONTRAST 4.5
#define PALE_GROUND 0xF4F5F8
#define GRAPHIC_CONTRAST 3.0

/* The widths photos are written at, in pixels: a phone's column, and a
 * desktop's at twice the pixels (the text column is at most 44rem). */
#define PHOTO_SMALL 640
#define PHOTO_LARGE 1280

struct html {
	const struct layout *l;
	/* l with the colours a chart draws with darkened to 3:1 against
	 * white (WCAG 1.4.11, graphics): its loops are its own copy */
	struct layout chart_l;
	const struct figures *t;
	struct texts *x;
	enum sc_cell *cells;    /* the small-count rule, by figure */
	PangoFontMap *fonts;
	PangoContext *ctx;      /* the charts' text */
	struct diag *d;
	const char *dir;        /* the folder being written */
	const char *cache_dir;
	const char *fonts_dir;
	bool draft;
	int charts;             /* drawn so far: the SVG ids' prefix */
	GPtrArray *photo_jobs;  /* of struct photo_job *, see photos.c */
	GHashTable *photo_of;   /* struct block * -> its struct photo_job */
};

/* A loop's colour for text on white, and for a ground under white text. */
uint32_t html_loop_colour(const struct html *h, const struct loop *loop);

/* Appends article a to out: <article id="id"> with its title as h2, its
 * headings beneath in order, its blocks (figures, charts, photos). */
void html_article(struct html *h, GString *out, struct article *a, const char *id,
		  const struct loop *loop);

/* A chart as a <figure>: inline SVG (role img, title and description)
 * and its data as a table. */
void html_chart(struct html *h, GString *out, const struct chart_block *c,
		const struct loop *loop);

/* A photo as a <figure> with a responsive <img>; its files are written
 * by html_photos_write(), which html_write() calls once the pages are
 * made (on both cores). */
void html_photo(struct html *h, GString *out, const struct block *b);
int html_photos_write(struct html *h);
void html_photos_release(struct html *h);

/* l with the colours a chart draws with darkened to GRAPHIC_CONTRAST
 * against white; its loops are a copy of l's (g_free them). */
struct layout html_chart_layout(const struct layout *l);

/* carnet.css for the edition (a new string). */
char *html_style(const struct html *h);

/* Writes the edition's faces under dir/polices/, cut down to the
 * characters of text, and appends their @font-face rules to css.
 * Returns 0, or -1 with a message in h->d. */
int html_webfonts(struct html *h, const char *text, GString *css);

#endif
