/*
 * tags.h — what cairo 1.16 cannot write in a tagged PDF, added with
 * libqpdf once cairo is done: the document's language (/Lang in the
 * catalog) and the text alternative (/Alt) of every Figure element of the
 * structure tree, in reading order.  The structure tree is kept as it is;
 * the file's /ID is derived from its content, so the same input gives the
 * same bytes.
 */
#ifndef CARNET_PDF_TAGS_H
#define CARNET_PDF_TAGS_H

#include <glib.h>

#include "../../etl/diag.h"

/* Reads in, writes out; alts holds one string per Figure.  Returns 0, or
 * -1 with a message in d. */
int pdf_tags_finish(const char *in, const char *out, const char *lang,
		    const GPtrArray *alts, struct diag *d);

#endif
