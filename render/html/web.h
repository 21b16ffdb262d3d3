/*
 * web.h — the web edition being written, as its modules share it: site.c
 * (the folder and its pages) fills it and calls the parts, article.c (a
 * text as HTML), chart_svg.c (a chart as inline SVG and a table),
 * photos.c (a photo at two widths), style.c (carnet.css), webfonts.c (the
 * faces, cut down), each with its header.  Not an interface for other
 * modules: see html.h.
 */
#ifndef CARNET_HTML_WEB_H
#define CARNET_HTML_WEB_H

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
	const GArray *photo_plan;  /* the build's photos (photo_embed.h), or NULL */
	const char *fonts_dir;
	bool draft;
	int charts;             /* drawn so far: the SVG ids' prefix */
	GPtrArray *photo_jobs;  /* of struct photo_job *, see photos.c */
	GHashTable *photo_of;   /* struct block * -> its struct photo_job */
};

#endif
