/*
 * keycheck.h — the sources' key checks (first sightings of a key, distinct
 * counts) within a memory budget, exact whatever the number of rows.
 *
 * A reading starts in memory, each check a key set (keyset.h).  When its
 * key sets pass the reading's budget, reading.c reads the export again,
 * spilled: the file is read several times (passes) and the checks answer
 * from sorted files (sorter.h) instead of memory:
 *   - a check of stage k records each row's key (96-bit hash, line, a
 *     value) in pass k, and the row stops there (KEY_PENDING); after pass
 *     k the records, sorted by key then line, give each key's first row,
 *     and the rows that are not firsts, sorted back by line, are the
 *     check's verdicts;
 *   - in the passes after, the check reads its verdicts in line order.
 * The last pass is the reading that counts: its messages and aggregates
 * are those of a reading in memory, in the same order.  Earlier passes
 * read with their messages thrown away, so their rows must stop before
 * any aggregate: a source calls every check of a row first, and goes on
 * only when keycheck_final().
 *
 * Stage 1 is for a check every row reaches first, 2 for one reached only
 * by rows a stage-1 check let through, and so on.  Distinct counts count
 * in the last pass only.
 *
 * A reading whose checks are all of stage 1, or of later stages but
 * hoping ones (spill_step.hopes: a first value kept, see firsts_new),
 * reads its first pass in hope (spill.hopeful): as the last, its messages
 * kept, each check recording its keys and answering as though no key
 * came twice (or with another value) and every key were known
 * (keycheck_pending()).  When the checks' verdicts then turn out empty,
 * stage after stage, as they are in a clean export, that pass was the
 * reading: the file is read once.  Otherwise its messages are dropped,
 * and the reading goes on to pass 2, or starts again when a check did
 * answer from hope (the rows it let through were aggregated).
 *
 * Any other reading of three passes (checks of stages 1 and 2) reads its
 * first *ahead* (spill.ahead), as does one whose hope failed at stage 2:
 * the stage-1 checks record their keys and let every row on, the stage-2
 * checks record theirs, and no row goes further.
 * When the stage-1 checks then have nothing to say, the stage-2 records
 * are those pass 2 would have made: they are sorted and pass 2 is not
 * read.  Else they are thrown away and pass 2 records them again.
 */
#ifndef CARNET_KEYCHECK_H
#define CARNET_KEYCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "keyset.h"
#include "sorter.h"

struct etl;

/* Something done at the start of each pass (begin: rewinding a check's
 * verdicts) and at the end of the pass of its stage (end: resolving the
 * check); stage 0 ends after the last pass. */
struct spill_step {
	int stage;
	void (*begin)(void *ctx);
	int (*end)(void *ctx, int pass);        /* 0, or -1 (errno set) */
	void *ctx;
	bool hopes;     /* of a later stage, it may be read in hope (above) */
};

/* One reading's memory: what its key sets hold, and its passes. */
struct spill {
	size_t budget;          /* bytes its key sets or sorters may hold */
	size_t used;            /* held by the key sets, in memory */
	bool over;              /* past the budget: read it again, spilled */
	int pass;               /* 0 in memory, else 1 .. passes */
	int passes;
	GArray *steps;          /* struct spill_step, registered by the checks */
	int error;              /* errno of a temporary file that failed, or 0 */
	bool light;             /* pass 1 reads the keys only (source.light) */
	uint64_t rows;          /* the rows the file promises (from its size) */
	bool hopeful;           /* this pass is read in hope (see above) */
	bool hoped;             /* and a check answered from hope */
	bool ahead;             /* this pass is read ahead (see above) */
	long said;              /* verdicts made at the end of this pass */
};

/* Whether the reading is spilled (pass > 0). */
bool keycheck_spilled(const struct etl *e);

/* Whether this pass is the one that counts (in memory, the last, or one
 * read in hope). */
bool keycheck_final(const struct etl *e);

/* Whether this is a light first pass (source.light): the row's keys are
 * all its checks are given, valid or not. */
bool keycheck_light(const struct etl *e);

/* Whether a structure of the reading that takes now bytes may grow to
 * next (both held while it grows); if not, the reading is over its
 * budget (spill.over) and will be done again, spilled.  *bytes is what
 * the structure was last accounted for, updated. */
bool keycheck_grow(struct etl *e, size_t *bytes, size_t now, size_t next);

/* keycheck_grow() for a key set about to take a new key. */
bool keycheck_grow_set(struct etl *e, size_t *bytes, const struct keyset *ks);

/* Makes room in ks at once for a key a row of the file (spill.rows), when
 * that fits the budget beside what the reading holds (else ks grows as
 * keys come): a set grown by doubling copies every key and clears every
 * smaller table on its way, a tenth of the survey's reading. */
void keycheck_reserve_set(struct etl *e, size_t *bytes, struct keyset *ks);

/* What a check recording a row's key answers: KEY_PENDING (the row
 * stops there), or hope in a pass read in hope (spill.hoped set). */
long keycheck_pending(struct etl *e, long hope);

/* Registers a step; the passes are the largest stage + 1. */
void keycheck_step(struct etl *e, const struct spill_step *step);

/* A sorter's share of the reading's budget (a few may be filling at once). */
size_t keycheck_share(const struct etl *e);

/* The records the sorted checks use: a key's hash, the line it was read
 * on, a value; and a verdict, one per row (or several, seq) in line order. */
struct key_rec {
	uint64_t lo;
	uint32_t hi;
	uint32_t line;
	uint32_t value, pad;
};
struct verdict {
	uint32_t line, seq;
	uint32_t ref, value;
};
int key_rec_cmp(const void *a, const void *b);   /* by hash, then line */
extern const struct sorter_order key_rec_order;  /* sorter.h */
/* Whether a's hash sorts before b's (lines left out: for joins). */
bool key_rec_before(const struct key_rec *a, const struct key_rec *b);
uint32_t key_line(long line);   /* a line as a record keeps it */

/* Verdicts read in line order: the one at line (and the next ones at
 * the same line, on later calls), skipping earlier lines; NULL when
 * there is none. */
struct verdicts {
	struct sorter *s;
	int *error;             /* set to EIO when the sorted file cannot be read */
	long *said;             /* the pass's count of verdicts (spill.said) */
	const struct verdict *cur;
	struct verdict at;      /* the one given, copied: the reads go on */
	bool started;
};
const struct verdict *verdicts_at(struct verdicts *v, long line);
void verdicts_rewind(struct verdicts *v);

/* For a step's end: v's verdicts are added to the sorter this returns
 * (within e's budget), then verdicts_done() sorts them for the passes
 * after (0, or -1 when the temporary file failed). */
struct sorter *verdicts_fill(struct verdicts *v, struct etl *e);
int verdicts_done(struct verdicts *v);

#define KEY_PENDING (-1L)

/* First sightings: a key -> its first row.  With keep_value, a key's
 * first value is kept instead: a key seen before with another value gives
 * 1 (and *first_value set), one seen with the same value reads as a first
 * (0) — its row reads the same either way, and such a check, of a later
 * stage, can be read in hope. */
struct firsts;
struct firsts *firsts_new(struct etl *e, int stage, bool keep_value);
void firsts_free(struct firsts *f);     /* accepts NULL */

/* 0 the first time key is read, else the line it was first read on (or
 * 1, see keep_value); KEY_PENDING when the check is being recorded. */
long firsts_check(struct firsts *f, const void *key, size_t len, long line,
		  uint32_t value, uint32_t *first_value);
/* A key hashed ahead (its slot being loaded: keyset_prefetch), for
 * firsts_check_key once the row's other fields are parsed. */
struct key {
	uint64_t lo;
	uint32_t hi;
};
struct key firsts_key(const struct firsts *f, const void *key, size_t len);
long firsts_check_key(struct firsts *f, const struct key *k, long line,
		      uint32_t value, uint32_t *first_value);

/* firsts_check of k's key (value 0), then keybuf_release(k). */
long firsts_keybuf(struct firsts *f, struct keybuf *k, long line);

/* Distinct keys, counted by a small value (below DISTINCT_VALUES) that a
 * key keeps from its first add. */
#define DISTINCT_VALUES 8
struct distinct;
struct distinct *distinct_new(struct etl *e);
void distinct_free(struct distinct *d); /* accepts NULL */
void distinct_add(struct distinct *d, const void *key, size_t len, uint32_t value);
/* The same with a key hashed ahead: distinct_key loads its slot
 * (keyset_prefetch), distinct_add_key adds it once the row is parsed. */
struct key distinct_key(const struct distinct *d, const void *key, size_t len);
void distinct_add_key(struct distinct *d, const struct key *k, uint32_t value);
/* The distinct keys of value (or of all values when value < 0), once
 * the reading is done. */
long distinct_count(struct distinct *d, int value);

#endif
