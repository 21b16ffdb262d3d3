/* test_sorter.c — the external sort of etl/sorter.h: records sorted and
 * none lost whether they fit or go through runs and merges of runs, read
 * again after a rewind, and a temporary folder that cannot be written
 * said, not crashed on. */
#include "suites.h"
#include "../../etl/sorter.h"
#include "../../etl/keycheck.h"

#include <stdint.h>
#include <stdlib.h>

struct rec {
	uint32_t key, seq;
	char pad[16];
};

static int cmp(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The key alone: records of equal keys are ordered by cmp's seq. */
static uint64_t key_of(const void *a)
{
	return ((const struct rec *)a)->key;
}

static const struct sorter_order by_key = { cmp, key_of };

/* Adds n records of keys from a fixed sequence; returns their sum. */
static uint64_t fill(struct sorter *s, uint32_t n)
{
	uint64_t sum = 0;
	uint32_t x = 12345;
	for (uint32_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		struct rec r = { .key = (x >> 8) % 5000, .seq = i };
		sum += r.key * 7919u + r.seq;
		ck_assert_int_eq(sorter_add(s, &r), 0);
	}
	return sum;
}

/* Reads s through, checking the order; returns the sum of its records. */
static uint64_t drain(struct sorter *s, uint32_t want)
{
	uint64_t sum = 0;
	uint32_t n = 0;
	struct rec last = { 0 };
	const struct rec *r;
	while ((r = sorter_next(s)) != NULL) {
		if (n > 0)
			ck_assert_int_lt(cmp(&last, r), 0);
		last = *r;
		sum += r->key * 7919u + r->seq;
		n++;
	}
	ck_assert(!sorter_failed(s));
	ck_assert_uint_eq(n, want);
	return sum;
}

/* n records through a sorter of that budget: spilled or not as said,
 * sorted and none lost, read twice (a rewind between). */
static void sorted_twice(size_t budget, uint32_t n, bool spilled)
{
	struct sorter *s = sorter_new(sizeof(struct rec), &by_key, budget);
	ck_assert_uint_eq(sorter_count(s), 0);
	uint64_t sum = fill(s, n);
	ck_assert_uint_eq(sorter_count(s), n);
	ck_assert_int_eq(sorter_sort(s), 0);
	ck_assert(sorter_spilled(s) == spilled);
	ck_assert_uint_eq(drain(s, n), sum);
	sorter_rewind(s);
	ck_assert_uint_eq(drain(s, n), sum);
	sorter_free(s);
}

START_TEST(records_that_fit_stay_in_memory)
{
	sorted_twice(1 << 20, 1000, false);
}
END_TEST

/* 16 kB: runs of 204 records, merged three at a time, level after
 * level; keys of 5000 values, so that records of equal keys are many. */
START_TEST(runs_merged_level_after_level_lose_nothing)
{
	sorted_twice(16 << 10, 100000, true);
}
END_TEST

/* 512 kB: runs of 8 192 records, 98 of them merged at once (the fan-in
 * is 127): a tree of losers of 98 leaves, not a power of two, over keys
 * of 5000 values, records of equal keys from many runs. */
START_TEST(many_runs_merged_at_once_lose_nothing)
{
	sorted_twice(512 << 10, 800000, true);
}
END_TEST

/* The key checks' own records and order (keycheck.h): keys over all 64
 * bits, a tenth of them repeated, sorted in memory and through runs by
 * hash then line, none lost. */
START_TEST(keys_of_all_64_bits_sorted)
{
	for (size_t budget = 1 << 24; budget >= (64 << 10); budget >>= 8) {
		struct sorter *s = sorter_new(sizeof(struct key_rec), &key_rec_order, budget);
		uint64_t x = 0x9E3779B97F4A7C15u, sum = 0;
		for (uint32_t i = 0; i < 50000; i++) {
			if (i % 10 != 9)        /* every tenth key: the one before */
				x = x * 6364136223846793005u + 1442695040888963407u;
			struct key_rec k = { .lo = x ^ (x >> 29), .hi = (uint32_t)x, .line = i };
			sum += k.lo + k.line;
			ck_assert_int_eq(sorter_add(s, &k), 0);
		}
		ck_assert_int_eq(sorter_sort(s), 0);
		ck_assert(sorter_spilled(s) == (budget < (1 << 24)));
		const struct key_rec *r;
		struct key_rec prev;
		uint32_t n = 0;
		uint64_t got = 0;
		while ((r = sorter_next(s)) != NULL) {
			if (n > 0)
				ck_assert_int_lt(key_rec_cmp(&prev, r), 0);
			prev = *r;
			got += r->lo + r->line;
			n++;
		}
		ck_assert(!sorter_failed(s));
		ck_assert_uint_eq(n, 50000);
		ck_assert_uint_eq(got, sum);
		sorter_free(s);
	}
}
END_TEST

/* Sorters on one thread share its sort scratch (the radix sort's
 * entries): a small one and a large one filled record by record in turn,
 * each through runs (their buffers sorted one after the other in the
 * same scratch, grown for the large one), then one in memory once the
 * scratch is given back in between: none loses a record or its order. */
START_TEST(sorters_of_one_thread_share_its_scratch)
{
	struct sorter *small = sorter_new(sizeof(struct rec), &by_key, 16 << 10);
	struct sorter *large = sorter_new(sizeof(struct rec), &by_key, 256 << 10);
	uint64_t sum_small = 0, sum_large = 0;
	uint32_t x = 777;
	for (uint32_t i = 0; i < 60000; i++) {
		x = x * 1103515245u + 12345u;
		struct rec r = { .key = (x >> 8) % 5000, .seq = i };
		struct sorter *to = i % 3 ? large : small;
		(i % 3 ? &sum_large : &sum_small)[0] += r.key * 7919u + r.seq;
		ck_assert_int_eq(sorter_add(to, &r), 0);
	}
	ck_assert_int_eq(sorter_sort(small), 0);
	ck_assert_int_eq(sorter_sort(large), 0);
	ck_assert(sorter_spilled(small) && sorter_spilled(large));
	ck_assert_uint_eq(drain(small, 20000), sum_small);
	ck_assert_uint_eq(drain(large, 40000), sum_large);
	sorter_scratch_free();
	struct sorter *mem = sorter_new(sizeof(struct rec), &by_key, 1 << 20);
	uint64_t sum = fill(mem, 3000);
	ck_assert_int_eq(sorter_sort(mem), 0);
	ck_assert(!sorter_spilled(mem));
	ck_assert_uint_eq(drain(mem, 3000), sum);
	sorter_free(small);
	sorter_free(large);
	sorter_free(mem);
	sorter_scratch_free();
}
END_TEST

START_TEST(an_empty_sorter_gives_nothing)
{
	struct sorter *s = sorter_new(sizeof(struct rec), &by_key, 1 << 16);
	ck_assert_ptr_null(sorter_next(s));     /* not sorted yet */
	ck_assert_int_eq(sorter_sort(s), 0);
	ck_assert_ptr_null(sorter_next(s));
	sorter_free(s);
	sorter_free(NULL);
}
END_TEST

START_TEST(a_temporary_folder_that_cannot_be_written_is_an_error)
{
	setenv("TMPDIR", "/nonexistent/carnet", 1);
	struct sorter *s = sorter_new(sizeof(struct rec), &by_key, 16 << 10);
	int rc = 0;
	for (uint32_t i = 0; i < 10000 && rc == 0; i++)
		rc = sorter_add(s, &(struct rec){ .key = i });
	unsetenv("TMPDIR");
	ck_assert_int_eq(rc, -1);
	ck_assert(sorter_failed(s));
	ck_assert_int_eq(sorter_sort(s), -1);
	ck_assert_ptr_null(sorter_next(s));
	sorter_free(s);
}
END_TEST

Suite *sorter_suite(void)
{
	Suite *s = suite_create("sorter");
	TCase *t = tcase_create("sort");
	/* hundreds of runs written and merged: 1 to 3 s a test under the
	 * sanitizers, near Check's 4 s default when CI shares the cores */
	tcase_set_timeout(t, 60);
	tcase_add_test(t, records_that_fit_stay_in_memory);
	tcase_add_test(t, runs_merged_level_after_level_lose_nothing);
	tcase_add_test(t, many_runs_merged_at_once_lose_nothing);
	tcase_add_test(t, keys_of_all_64_bits_sorted);
	tcase_add_test(t, sorters_of_one_thread_share_its_scratch);
	tcase_add_test(t, an_empty_sorter_gives_nothing);
	tcase_add_test(t, a_temporary_folder_that_cannot_be_written_is_an_error);
	suite_add_tcase(s, t);
	return s;
}
