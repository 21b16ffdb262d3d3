/*
 * source.h — what a source is: one export of exports.md (sources.h lists
 * the six), read by the streaming reader and aggregated as it goes.
 *
 * A source declares the columns it reads (by their exports.md names), a
 * row callback that parses each field with the reader's typed getters and
 * keeps only aggregates, and a finish function that adds its figures
 * (figures.md) to the table.  etl.c reads them two at a time, each on a
 * copy of the run's struct etl, and finishes them in the order of
 * sources[], so that the result is that of a reading in turn.
 */
#ifndef CARNET_SOURCE_H
#define CARNET_SOURCE_H

#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "export.h"
#include "figures.h"
#include "keyset.h"

struct spill;
struct sorter;

/* What one run of the ETL shares between sources.  A source reads on a
 * copy of it (etl.c runs two at a time); what a finish leaves for later
 * sources — survey_from/to (chiffres_cles), survey_first/last (enquete),
 * employees and present (rh_effectifs) — is taken back from the copy. */
struct etl {
	int year;
	day_t first_day, last_day;      /* 01/01/Y and 31/12/Y (the stock date) */
	day_t survey_from, survey_to;   /* the stated survey window */
	day_t survey_first, survey_last;  /* the interviews' dates, once read */
	struct figures *fig;
	struct figures *detail;         /* internal HR breakdowns, exact counts */
	struct diag *diag;
	const char *path;               /* the export being read */
	/* Set by rh_effectifs for rh_formations: every matricule of the
	 * register, mapped to 2 when a CDI or CDD of it ran during Y, else
	 * 1.  NULL when the register was not read. */
	struct keyset *employees;
	/* The same when the register was read spilled (keycheck.h): its
	 * matricules' hashes and that 2 or 1 (key_rec, value), in hash
	 * order. */
	struct sorter *employees_sorted;
	long present;                   /* how many map to 2 */
	/* slug -> the first spelling met of a dimension value (a direction,
	 * a reason), as the exports write it: its label */
	GHashTable *spellings;
	/* The reading's memory budget and passes (keycheck.h). */
	struct spill *spill;
};

struct source {
	const char *file;               /* file name inside the --in folder */
	const struct exp_col *cols;
	size_t ncols;
	/* Returns the source's aggregation state for this run. */
	void *(*start)(struct etl *e);
	exp_row_fn *on_row;             /* ctx: the state */
	/* Adds the figures when emit (the file was read without error),
	 * then frees the state. */
	void (*finish)(void *state, bool emit);
	/* The file of the source whose finish this one's rows need (what
	 * it leaves in struct etl: the survey window, the register's
	 * matricules), or NULL: the sources are read two at a time (etl.c),
	 * this one once that one is finished.  A name, not a pointer, so
	 * that no source depends on another. */
	const char *after;
	/* What its key checks hold in memory per row, about (key sets of
	 * 16-byte slots at most 3/4 full, HR's 56-byte contracts): a file
	 * whose rows would take more than the reading's budget is read
	 * spilled from the start (keycheck.h). */
	size_t row_bytes;
	/* Whether its first spilled pass may give its checks the keys of
	 * every row, valid or not (keycheck_light()), parsing nothing else:
	 * true when every row its checks would leave out has a value
	 * rejected, an error.  A reading whose last pass finds an error is
	 * then done again, its first pass in full (reading.c). */
	bool light;
	/* Optional: called on the reading's core once its file is read
	 * without error (in memory or spilled), before finish: what finish
	 * would work out from the state alone, done there rather than by
	 * the thread that lands the readings one after the other. */
	void (*tally)(void *state);
	/* Its reading's time a byte, in nanoseconds, about (each export
	 * read alone at x1000, the SHA-256 apart: bench/RESULTS.md): what
	 * etl.c orders the readings by, a byte of the HR register costing
	 * three of the survey's. */
	double ns_per_byte;
};

/* A column's text in the last row and what a source made of it (a
 * pointer, a number): exports repeat a value over runs of rows (a unit,
 * a direction, a kind of contract), and comparing with the last one
 * costs less than working it out or looking it up again. */
struct last_text {
	char text[128];
	size_t len;             /* SIZE_MAX: none kept */
	const void *made;
	int value;
};
#define LAST_TEXT_INIT { .len = SIZE_MAX }

static inline bool last_text_is(const struct last_text *l, const char *text, size_t len)
{
	return len == l->len && memcmp(text, l->text, len) == 0;
}

/* Keeps text (one too long is not kept: never the last). */
static inline void last_text_keep(struct last_text *l, const char *text, size_t len)
{
	l->len = len < sizeof l->text ? len : SIZE_MAX;
	if (len < sizeof l->text)
		memcpy(l->text, text, len);
}

/* The slug (text_slug) of text[0..len), from cache (raw text -> slug,
 * both owned by it, made with slug_cache_new): slugging folds accents
 * through GLib, too slow to do on every row for the few names a column
 * holds. */
GHashTable *slug_cache_new(void);
/* A first spelling met with control or bidi override characters loses
 * them (text_drop_controls()), with a warning at r's field f (r may be
 * NULL). */
const char *slug_cached(struct etl *e, GHashTable *cache, const char *text, size_t len,
			struct exp_reader *r, const struct exp_field *f);

#endif
