/*
 * pdf.h — the carnet as a PDF (cairo + pango).
 *
 * pdf_write() lays the edition out twice: the first pass only measures,
 * to learn on which page every article starts; the second draws, with
 * those numbers in the sommaire and on the loop dividers.  The sequence:
 * cover, sommaire and editorial, then for each loop a divider page and
 * its articles in two columns, the key figures, the back cover.
 *
 * Text sits on a baseline grid, justified and hyphenated; a heading stays
 * with the two lines after it, and no paragraph leaves a single line at
 * the foot or the head of a column.  The PDF carries its metadata (dates
 * from `date`), an outline by loop and article, and links from the
 * sommaire (on screen; paper has none).  Returns STATUS_BAD_INPUT when a
 * photo cannot be decoded or the print profile is not a press's,
 * STATUS_FAILED when the file cannot be written; with messages in d.
 */
#ifndef CARNET_PDF_H
#define CARNET_PDF_H

#include "../../etl/status.h"

#include <time.h>

#include <pango/pangocairo.h>

#include "../../model/inputs.h"
#include "../../model/layout.h"
#include "../logo.h"
#include "../../model/texts.h"

/* The edition written: for screens (photos at 150 ppi), or for the
 * printer (print: 3 mm of bleed on every side, crop marks outside it,
 * TrimBox and BleedBox set, photos at 300 ppi).  Resampled photos are
 * kept in cache_dir (NULL: none). */
struct pdf_edition {
	bool print;
	bool draft;             /* "PROJET" across every page */
	const char *cache_dir;
	struct logo *logo;      /* on the cover and the back cover, or NULL */
	/* the requests photo_embed_prepare() made every rendition of, each
	 * photo decoded once for the editions of one build; or NULL */
	const GArray *photo_plan;
};

struct pdf;

/* pdf_write() in steps, for a build that makes several editions: the
 * edition laid out (measured: where articles start, how large photos
 * are; NULL after a message when the print profile is not a press's),
 * the frames its photos fill as requests (photo_embed.h), the drawing
 * into path with its messages in d (another process's, when the editions
 * are drawn side by side), the release.  The texts x may be shared
 * between editions. */
struct pdf *pdf_open(const struct pdf_edition *e, const struct layout *l,
		     const struct figures *t, struct texts *x, PangoFontMap *fonts, struct diag *d);
void pdf_photo_requests(struct pdf *p, GArray *requests);
enum status pdf_draw(struct pdf *p, const char *path, time_t date, struct diag *d);
void pdf_close(struct pdf *p);

enum status pdf_write(const char *path, const struct pdf_edition *e, const struct layout *l,
	      const struct figures *t, struct texts *x, PangoFontMap *fonts,
	      time_t date, struct diag *d);

#endif
