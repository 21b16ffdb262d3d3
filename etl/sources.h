/*
 * sources.h — the six exports of exports.md, one module each.
 *
 * A source declares the columns it reads (by their exports.md names) and a
 * row callback that parses each field with the reader's typed getters,
 * rejecting what exports.md does not allow.  sources[] lists them in the
 * order the figures stage reads them.
 */
#ifndef CARNET_SOURCES_H
#define CARNET_SOURCES_H

#include "export.h"

struct source {
	const char *file;            /* file name inside the --in folder */
	const struct exp_col *cols;
	size_t ncols;
	exp_row_fn *on_row;
};

extern const struct source source_rh_effectifs;
extern const struct source source_rh_formations;
extern const struct source source_insertion;
extern const struct source source_enquete;
extern const struct source source_flotte;
extern const struct source source_chiffres_cles;

extern const struct source *const sources[];
extern const size_t nsources;

#endif
