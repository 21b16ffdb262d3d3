/*
 * finish.h — what cairo 1.16 cannot write, added with libqpdf once cairo
 * is done: the screen edition made a PDF/UA-1 (ISO 14289-1) and
 * PDF/A-2a (ISO 19005-2) file, the print edition given its boxes.
 *
 * The drawing code marks what it draws with cairo's structure tags and
 * records each tag it begins, in order, as a struct pdf_elem (the
 * structure tree's elements in document order).  The finishing pass:
 *  - walks cairo's structure tree beside those records (the types must
 *    agree, else it is an error), and gives each element what cairo 1.16
 *    cannot: a Figure its /Alt, a Link annotation its /Contents;
 *  - turns the elements recorded as artifacts into artifacts: they
 *    leave the tree, and their marked content becomes
 *    `/Artifact <</Type /Pagination>> BDC` (or /Layout);
 *  - keeps marked-content identifiers (MCID) on leaf elements only: an
 *    element with children (Document, TOC, …) loses its own, so that no
 *    MCID sequence holds another;
 *  - wraps every painting left outside any marked content (backgrounds,
 *    rules, trails) in a /Layout artifact;
 *  - writes the document's XMP packet (Dublin Core, dates equal to the
 *    Info dates, pdfaid part 2 conformance A and pdfuaid part 1 for the
 *    screen edition), /Lang, /DisplayDocTitle, /MarkInfo, an sRGB output
 *    intent (the screen edition), /CIDToGIDMap on every CIDFontType2,
 *    each link's print flag and /Tabs /S on pages with links, an EOL
 *    before every endstream, and a /ID made from the content, so the same
 *    input gives the same bytes;
 *  - for the print edition (PDF/X-4, ISO 15930-7): each page's TrimBox
 *    and BleedBox; every colour taken to the press's CMYK through its
 *    output profile with lcms2 (relative colorimetric, black point
 *    compensation), a grey or near-black one to the black plate alone
 *    (a K tint of the same lightness), a colour the layout gives in CMYK
 *    as it gives it; black text set to overprint; photos tagged with
 *    their sRGB profile (ICC-based RGB, which the press's RIP converts
 *    with its own separation); transparency groups blended in CMYK; no
 *    annotation; the profile as a GTS_PDFX output intent, and the X-4
 *    identification in Info and XMP.
 */
#ifndef CARNET_PDF_FINISH_H
#define CARNET_PDF_FINISH_H

#include <stdbool.h>
#include <time.h>

#include <stdint.h>

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "../../etl/diag.h"

/* The kinds of artifact the drawing code marks (ISO 32000-1 §14.8.2.2). */
#define PDF_ARTIFACT_PAGINATION "Pagination"   /* folios, running heads */
#define PDF_ARTIFACT_LAYOUT "Layout"           /* bands, rules, logo */
/* cairo 1.16 takes only the standard structure types: an artifact is
 * drawn as this one, and its record says which kind it is. */
#define PDF_ARTIFACT_TAG "Private"

/* One structure tag as the drawing code began it. */
struct pdf_elem {
	char *type;             /* as cairo writes it in /S: "P", "Figure", … */
	const char *artifact;   /* PDF_ARTIFACT_*, or NULL for content */
	char *alt;              /* a Figure's text alternative */
	char *contents;         /* a Link: where it leads, in words */
};

/* A colour the layout gives in CMYK (a brand's colour). */
struct pdf_cmyk {
	uint32_t rgb;           /* 0xRRGGBB, as the drawing code paints it */
	double cmyk[4];         /* 0..1 each */
};

/* The print shop's output condition. */
struct pdf_press {
	const char *profile;    /* an output-class CMYK ICC profile */
	const char *condition;  /* its OutputConditionIdentifier: "FOGRA39" */
	const char *registry;   /* where that identifier is registered */
	const char *info;       /* in words */
	const struct pdf_cmyk *brand;   /* colours given in CMYK */
	size_t nbrand;
};

struct pdf_finish {
	bool print;             /* the print edition: PDF/X-4, see press */
	const struct pdf_press *press;  /* print: the output condition */
	const char *lang;       /* BCP 47 */
	const char *title, *author, *subject, *keywords, *creator, *producer;
	time_t date;            /* creation and modification */
	const char *srgb_profile;       /* the output intent's ICC file */
	const double *trim;     /* print: x0, y0, x1, y1 of every page */
	double bleed;           /* print: how far the BleedBox passes the trim */
};

/* Reads in (cairo's file), writes out; elems holds struct pdf_elem *.
 * Returns 0, or -1 with a message in d. */
int pdf_finish(const char *in, const char *out, const struct pdf_finish *f,
	       const GPtrArray *elems, struct diag *d);

void pdf_elem_free(gpointer elem);

#ifdef __cplusplus
}
#endif

#endif
