/*
 * html.h — the carnet as web pages (the web edition), from the same
 * layout, texts and figures as the PDF:
 *
 *   index.html        the cover, the sommaire, the editorial, the key
 *                     figures and the back cover's text
 *   <loop>.html       a loop: its articles, with their charts and photos
 *   carnet.css        the edition's colours and faces (screen and print)
 *   polices/          the edition's faces, cut down to the characters the
 *                     pages use (HarfBuzz), with their licences
 *   photos/           each photo at two widths, resampled by the PDF's
 *                     photo pipeline (and its cache)
 *   logo.svg          the office's logo, redrawn by cairo (no script, no
 *                     link: nothing in it can ask for a file)
 *
 * Texts go through cmark's HTML renderer, their placeholders formatted as
 * in the PDF; charts are inline SVG drawn by the PDF's chart code on a
 * cairo SVG surface, each with its title, its text alternative and its
 * data as a table.  Nothing a page asks for leaves the folder, no page
 * needs JavaScript, and the same inputs give the same bytes.  Text in a
 * loop's colour, or on it, uses that colour darkened until its contrast
 * reaches 4.5:1 (carnet.css says which were).
 *
 * html_write() writes the folder under a temporary name beside dir and
 * puts it in dir's place once complete.  Returns STATUS_BAD_INPUT for a
 * photo that cannot be decoded or a folder it may not replace,
 * STATUS_FAILED when it cannot write; messages in d.
 */
#ifndef CARNET_HTML_H
#define CARNET_HTML_H

#include "../../etl/status.h"

#include <pango/pangocairo.h>

#include "../../model/layout.h"
#include "../logo.h"
#include "../../model/texts.h"

struct html_edition {
	bool draft;             /* "PROJET" on every page */
	const char *cache_dir;  /* resampled photos, or NULL */
	const char *logo;       /* the logo's file, or NULL */
	const char *fonts_dir;  /* where the fonts' licences are */
	/* the requests photo_embed_prepare() made every rendition of, each
	 * photo decoded once for the editions of one build; or NULL */
	const GArray *photo_plan;
};

/* The frames of x's photos the web edition asks photo_embed() for (both
 * widths), as struct photo_request
 * (photo_embed.h): for a build that prepares every edition's photos at
 * once (photos.c). */
void html_photo_requests(const struct texts *x, GArray *requests);

enum status html_write(const char *dir, const struct html_edition *e, const struct layout *l,
	       const struct figures *t, struct texts *x, PangoFontMap *fonts, struct diag *d);

/* html_write() in two steps, for a build whose other editions must be
 * made before the web edition replaces the last one: the folder written
 * whole beside dir (*aside, set when STATUS_OK), then put in dir's place
 * (html_put_in_place(), which frees aside; or folder_remove() it). */
enum status html_write_aside(const char *dir, const struct html_edition *e,
			     const struct layout *l, const struct figures *t, struct texts *x,
			     PangoFontMap *fonts, struct diag *d, char **aside);
enum status html_put_in_place(const char *dir, char *aside, struct diag *d);

#endif
