/*
 * reading.h — one export read by its source, in memory or spilled
 * (keycheck.h): what each of etl.c's readers runs on its core, and what
 * the sources' fuzzer runs.
 *
 * A reading starts in memory, or spilled when the rows the file promises
 * (its size over the length of its first lines) would take more than the
 * budget (source.row_bytes).  In memory past the budget all the same, it
 * stops, throws away what it said and kept, and starts again spilled:
 * passes whose messages are thrown away, then the last one, which says
 * what a reading in memory says.  A light first pass (source.light) that
 * the last one shows was given bad rows is done again in full.  A file
 * that changed between the reading's start and its end (its identity,
 * infile_same) is an error.  The state is left for src->finish.
 */
#ifndef CARNET_READING_H
#define CARNET_READING_H

#include "sources.h"
#include "keycheck.h"

#include <sys/stat.h>

struct reading {
	const struct source *src;
	const char *path;
	struct etl *e;          /* the copy it reads with; messages go to e->diag */
	size_t budget;          /* bytes, for its key checks */
	void (*on_progress)(uint64_t done, uint64_t total, void *ctx);
	void *ctx;
	/* what it gives */
	struct spill spill;
	void *state;            /* the source's, for src->finish */
	struct exp_stats st;    /* of the last pass; st.passes says how many */
	enum status es;
	int reads;
	struct stat file;       /* as it was when the reading began */
	bool stated;            /* file was set (else the reading says why) */
};

void reading_run(struct reading *r);

/* Frees what the reading holds besides the state. */
void reading_release(struct reading *r);

#endif
