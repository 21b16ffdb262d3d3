/*
 * figures.h — the figures table, the contract between the ETL and the
 * renderers (figures.md).
 *
 * Sources add one figure at a time: an indicator id, its dimensions as
 * key/value pairs, a value at full precision, a unit, and the rule that
 * computed it.  Each figure remembers the export it came from (its file,
 * SHA-256, rows read and rejected) for the provenance table.  The table
 * owns everything added to it.
 */
#ifndef CARNET_FIGURES_H
#define CARNET_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <glib.h>

#include "export.h"

/* The strings are the table's (figures.strings). */
struct figure {
	const char *indicator;
	const char *dims;      /* "k=v,k=v", keys sorted; "" for a total */
	double value;
	const char *unit;
	const char *rule;
	int source;            /* index in figures.sources */
};

/* An export the figures came from. */
struct figure_source {
	char *file;            /* file name, without the folder */
	struct exp_stats stats;
	bool previous;         /* the previous edition's table: its figures
				* are in the provenance table only */
};

struct figures {
	struct figure *v;
	size_t n, cap;
	struct figure_source *sources;
	size_t nsources;
	int current;           /* source of the figures being added */
	/* the figures' strings, each kept once: a table of declared
	 * figures holds a few units and rules for thousands of figures */
	GStringChunk *strings;
	GPtrArray *adopted;    /* chunks given by sources (figures_adopt) */
	const char *last_dims, *last_unit, *last_rule; /* kept last (figures_add_raw) */
	/* a renderer's table holds only the indicators its edition names:
	 * the file it was read from, for the names of the others */
	char *partial_of;
};

#define FIGURES_INIT { .current = -1 }

/* Starts a new source: the figures added next come from file. */
void figures_source(struct figures *t, const char *file,
		    const struct exp_stats *st);

/* Adds a figure.  After unit and rule come the dimensions as key, value
 * string pairs, ended by NULL; values are slugged (figures.md), keys are
 * sorted.  rule is not copied: give a string literal. */
void figures_add(struct figures *t, const char *indicator, double value,
		 const char *unit, const char *rule, ...)
	__attribute__((sentinel));

/* Same, with dims already joined and the rule copied (declared figures). */
void figures_add_raw(struct figures *t, const char *indicator,
		     const char *dims, double value, const char *unit,
		     const char *rule);

/* Takes chunk, freed with the table: figures_add_kept may then be given
 * its strings as they are. */
void figures_adopt(struct figures *t, GStringChunk *chunk);

/* figures_add_raw of an indicator, unit and rule the table holds already
 * (in a chunk it adopted): not copied; dims are. */
void figures_add_kept(struct figures *t, const char *indicator,
		      const char *dims, double value, const char *unit,
		      const char *rule);

/* Room for more figures at once (a source that knows how many it adds). */
void figures_reserve(struct figures *t, size_t more);

/* The figure with that indicator and dims, or NULL. */
const struct figure *figures_get(const struct figures *t,
				 const char *indicator, const char *dims);

/* The figure of indicator/dims for the year: dims as they are, or, for a
 * figure declared for several years, with annee=year added.  NULL when
 * there is none. */
const struct figure *figures_for_year(const struct figures *t,
				      const char *indicator, const char *dims,
				      int year);

/* The figure of year - 1 for indicator/dims (dims of this year, with or
 * without their annee=year): the one with annee=year-1, or NULL. */
const struct figure *figures_previous(const struct figures *t,
				      const char *indicator, const char *dims,
				      int year);

/* True when some figure has that indicator. */
bool figures_has(const struct figures *t, const char *indicator);

/* True for the computed indicators that count people (employees,
 * beneficiaries, respondents), whose breakdowns follow the small-count
 * rule when published. */
bool figures_counts_people(const char *indicator);

/* Sorts by indicator, then dimensions (bytewise). */
void figures_sort(struct figures *t);

/* Writes the table of figures.md (header line, one figure a line, each
 * value the shortest decimal that reads back to it: decimal_write()), with
 * the provenance columns when provenance is true.  Returns 0, or -1 when
 * writing failed (errno set). */
int figures_write(const struct figures *t, FILE *out, bool provenance);

void figures_release(struct figures *t);

#endif
