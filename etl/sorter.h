/*
 * sorter.h — an external sort of fixed-size records within a memory
 * budget: what the ETL's key checks do when their keys no longer fit.
 *
 * Records are added in any order; while they fit in the budget they stay
 * in memory, beyond it each full buffer is sorted and written as a run to
 * a temporary file, and sorter_sort() merges the runs into one.  The file
 * is unlinked as soon as it is made (O_TMPFILE where the file system has
 * it): it is gone when the process ends, whatever ends it — an error, a
 * signal, SIGKILL.  It lives in $TMPDIR (default /tmp).
 *
 * Once sorted, the records are read in order with sorter_next(), as many
 * times as wanted (sorter_rewind()).  Memory: the budget given, whatever
 * the number of records.
 */
#ifndef CARNET_SORTER_H
#define CARNET_SORTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sorter;

/* An order of records: cmp, and key, 64 bits that cmp orders first
 * (a < b when key(a) < key(b)): each buffer is radix-sorted by key, and
 * only records of equal keys are compared (glibc's qsort, its indirect
 * calls and copies, was a quarter of a spilled reading). */
struct sorter_order {
	int (*cmp)(const void *a, const void *b);
	uint64_t (*key)(const void *rec);
};

/* A sorter of records of size bytes, in that order (records that compare
 * equal keep no particular order), using about budget bytes. */
struct sorter *sorter_new(size_t size, const struct sorter_order *order, size_t budget);
void sorter_free(struct sorter *s);            /* accepts NULL */

/* Copies rec in.  0, or -1 when the temporary file cannot be written
 * (errno set); the sorter is then unusable. */
int sorter_add(struct sorter *s, const void *rec);

/* Ends the adding and sorts: 0 or -1 (errno set). */
int sorter_sort(struct sorter *s);

/* The next record in order, or NULL at the end or on a read error
 * (sorter_failed() tells).  Valid until the next call. */
const void *sorter_next(struct sorter *s);

/* Back to the first record. */
void sorter_rewind(struct sorter *s);

size_t sorter_count(const struct sorter *s);

/* Whether a write or read of the temporary file failed. */
bool sorter_failed(const struct sorter *s);

/* Gives back the calling thread's sort scratch: the entries its sorts
 * reuse from one buffer to the next, grown to the largest it sorted.
 * Call it when the thread's sorting is over (a reading's end); a later
 * sort allocates them again. */
void sorter_scratch_free(void);

/* Whether records went to the temporary file (for tests). */
bool sorter_spilled(const struct sorter *s);

#endif
