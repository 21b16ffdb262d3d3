/*
 * tags.h — what cairo 1.16 cannot write in a tagged PDF, added with
 * libqpdf once cairo is done: the document's language (/Lang in the
 * catalog), the text alternative (/Alt) of every Figure element of the
 * structure tree, in reading order, and for the print edition each
 * page's TrimBox and BleedBox.  The structure tree is kept as it is;
 * the file's /ID is derived from its content, so the same input gives the
 * same bytes.
 */
#ifndef CARNET_PDF_TAGS_H
#define CARNET_PDF_TAGS_H

#include <glib.h>

#include "../../etl/diag.h"

/* Reads in, writes out; alts holds one string per Figure; trim, when not
 * NULL, is the trim box (x0, y0, x1, y1) of every page, and the bleed box
 * that grown by bleed.  Returns 0, or -1 with a message in d. */
int pdf_tags_finish(const char *in, const char *out, const char *lang,
		    const GPtrArray *alts, const double *trim, double bleed,
		    struct diag *d);

#endif
