/*
 * etl.h — one run of the ETL over a folder of exports: every source of
 * sources.h in turn, then the consistency checks of quality.h.
 *
 * The result owns the figures table (sorted), the diagnostics (errors and
 * warnings) and the checks; etl_result_release() frees them.
 */
#ifndef CARNET_ETL_H
#define CARNET_ETL_H

#include <stdio.h>

#include "quality.h"
#include "status.h"
#include "sources.h"

struct etl_result {
	struct figures fig;
	struct figures detail;  /* internal HR breakdowns: never published */
	struct diag diag;
	struct checks checks;
	GHashTable *spellings; /* slug -> first spelling of a dimension value */
	enum status status;    /* STATUS_OK: the figures can be used */
};

/* Writes the spellings of res as a TSV table (value, label), sorted by
 * value: the labels of the values the exports spell (directions, reasons),
 * which the renderers show where libelles.csv says nothing.  0 or -1. */
int etl_write_labels(const struct etl_result *res, FILE *out);

/* Called after each export is read (rows, encoding …); may be NULL. */
typedef void etl_read_fn(const char *path, const struct exp_stats *st,
			 void *ctx);

/* The default memory budget of the key checks.  An office's exports
 * (a few thousand rows) are read in memory well within it; past some
 * 30 000 rows an export is sorted on disk, which is faster than the hash
 * tables it stands for when its checks have nothing to say (read once,
 * in memory that is reused where the tables' pages are all fresh: x100
 * 0.169 s at 8M, 0.185 s at 32M, every export in memory; x1000 the same
 * at 8M, 16M and 32M; make bench), and slower when they do (read two or
 * three times: a survey of 240 000 rows with duplicates, 0.26 s against
 * 0.12).  The ETL then peaks at 16 MiB at x100 and 34 MiB at x1000
 * (29 and 44 at 32M), below the PDF stage's own. */
#define ETL_MEMORY ((size_t)8 << 20)

struct etl_options {
	const char *in;        /* the folder of exports */
	int year;
	bool progress;         /* show progress on stderr */
	bool all_warnings;     /* keep every warning, for the quality report */
	const char *previous;  /* the previous edition's figures table, or NULL */
	size_t memory;         /* bytes the key checks may hold (keycheck.h),
				* shared by the readers; 0: ETL_MEMORY */
	etl_read_fn *on_read;
	void *ctx;
};

/* Reads every export of o->in and fills res.  res->status tells whether
 * the figures can be used (0). */
void etl_run(const struct etl_options *o, struct etl_result *res);

/* The latest year declared in DIR/chiffres_cles.csv, or 0. */
int etl_default_year(const char *in);

void etl_result_release(struct etl_result *res);

#endif
