/*
 * placeholders.h — a text's {{…}} placeholders, replaced by the figures
 * they name (texts.h: "{{rh.effectif sexe=f}}", "{{… | pourcent 1}}",
 * "{{… | annee_precedente}}", "{{… | evolution}}", "{{annee}}").
 *
 * A figure is formatted as the catalogue prints it (layout entries), else
 * by its unit, unless the placeholder gives a format and decimals.  A
 * figure the table lacks is an error located at the text's line, with the
 * near misses of the table; in a draft it prints "n.d." with a warning and
 * counts as unresolved.
 */
#ifndef CARNET_PLACEHOLDERS_H
#define CARNET_PLACEHOLDERS_H

#include <stdbool.h>

#include "layout.h"
#include "../etl/diag.h"
#include "../etl/figures.h"

struct placeholders {
	const struct layout *l;
	const struct figures *t;
	bool draft;             /* absent figures print n.d. */
	struct diag *d;
	const char *path;       /* the text being read, for messages */
	int *unresolved;        /* counts the figures printed n.d. */
};

/* The value of one placeholder's spec (what stands between the braces),
 * formatted; NULL after an error reported at line. */
char *placeholder_value(const struct placeholders *p, const char *spec, long line);

/* s with its placeholders replaced, French typography applied and soft
 * hyphens added, once the figures are in (a new string). */
char *placeholders_expand(const struct placeholders *p, const char *s, long line);

#endif
