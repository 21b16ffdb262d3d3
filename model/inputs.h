/*
 * inputs.h — what the renderers read from the ETL: the figures table with
 * its provenance columns, and the data-quality report (both TSV, read
 * with the export reader, so a damaged file gets file:line:column
 * messages too).
 */
#ifndef CARNET_INPUTS_H
#define CARNET_INPUTS_H

#include "../etl/figures.h"
#include "../etl/status.h"
#include "layout.h"

/* One line of the data-quality report. */
struct quality_row {
	char *level, *file, *message;
	long line, column;
};

struct quality_report {
	struct quality_row *v;
	size_t n;
};

/* Reads a table written by `carnet figures --provenance` into t (which
 * must be FIGURES_INIT).  Returns 0, or 1 after errors in d. */
int inputs_read_figures(const char *path, struct figures *t, struct diag *d);

/* inputs_read_figures() keeping only the figures whose indicator is a
 * key of wanted (a renderer's: what its edition names, so that its memory
 * does not grow with the figures it never shows); t->partial_of says so. */
int inputs_read_figures_of(const char *path, GHashTable *wanted, struct figures *t,
			   struct diag *d);

/* Reads a report written by `carnet figures --quality`. */
int inputs_read_quality(const char *path, struct quality_report *q,
			struct diag *d);

void quality_report_release(struct quality_report *q);

/* Reads the labels `carnet figures --labels` wrote (value, label: the
 * first spelling of a direction or a reason in the exports) into
 * l->spellings, which layout_label() falls back on. */
int inputs_read_labels(const char *path, struct layout *l, struct diag *d);

/* Adds to ids (a set of strings it owns) every id-looking word of text
 * ("rh.effectif": lower-case words joined by '.'), and the energy-label
 * scale an id may prefix (_a … _g): what a text can show. */
void inputs_text_ids(const char *text, GHashTable *ids);

/* The edition's model alone: its layout (with the spellings of labels)
 * and its figures, checked against each other — what the workbooks need.
 * all: every figure of the table, else only those the edition names (a
 * renderer of its texts, edition_open()). */
enum status inputs_read_model(struct layout *l, struct figures *t, const char *layout_dir,
			       const char *figures, const char *labels, bool all, bool draft,
			       struct diag *d);

#endif
