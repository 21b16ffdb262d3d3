/* test_keyset.c — the identifier sets of etl/keyset.h: values kept per
 * key through growth, keys made of fields that cannot run into each
 * other, first lines of duplicates. */
#include "suites.h"
#include "../../etl/keyset.h"

#include <stdio.h>
#include <string.h>

START_TEST(a_hundred_thousand_keys_keep_their_values)
{
	struct keyset *ks = keyset_new();
	char key[32];
	for (int i = 0; i < 100000; i++) {
		bool added;
		int n = snprintf(key, sizeof key, "M%06d", i);
		uint32_t *v = keyset_put(ks, key, (size_t)n, &added);
		ck_assert(added);
		*v = (uint32_t)i * 3;
	}
	ck_assert_uint_eq(keyset_size(ks), 100000);
	for (int i = 0; i < 100000; i += 7) {
		int n = snprintf(key, sizeof key, "M%06d", i);
		uint32_t *v = keyset_get(ks, key, (size_t)n);
		ck_assert_ptr_nonnull(v);
		ck_assert_uint_eq(*v, (uint32_t)i * 3);
	}
	ck_assert_ptr_null(keyset_get(ks, "M100000", 7));
	ck_assert_ptr_null(keyset_get(ks, "M00000", 6));   /* a prefix */
	bool added = true;
	ck_assert_uint_eq(*keyset_put(ks, "M000042", 7, &added), 126);
	ck_assert(!added);
	uint64_t sum = 0;
	uint32_t *v;
	size_t n = 0;
	for (size_t i = 0; (v = keyset_next(ks, &i)) != NULL; n++)
		sum += *v;
	ck_assert_uint_eq(n, 100000);
	ck_assert_uint_eq(sum, 3ull * 99999 * 100000 / 2);
	keyset_free(ks);
}
END_TEST

START_TEST(the_empty_key_and_an_empty_set)
{
	struct keyset *ks = keyset_new();
	ck_assert_ptr_null(keyset_get(ks, "", 0));
	size_t i = 0;
	ck_assert_ptr_null(keyset_next(ks, &i));
	*keyset_put(ks, "", 0, NULL) = 5;
	ck_assert_uint_eq(*keyset_get(ks, "", 0), 5);
	ck_assert_uint_eq(keyset_size(ks), 1);
	keyset_free(ks);
	keyset_free(NULL);
}
END_TEST

START_TEST(composite_keys_do_not_run_into_each_other)
{
	struct keyset *ks = keyset_new();
	struct keybuf a, b;
	keybuf_init(&a);
	keybuf_add(&a, "ab", 2);
	keybuf_add(&a, "c", 1);
	keybuf_init(&b);
	keybuf_add(&b, "a", 1);
	keybuf_add(&b, "bc", 2);
	ck_assert_int_eq(keyset_first_seen(ks, a.p, a.n, 10), 0);
	ck_assert_int_eq(keyset_first_seen(ks, b.p, b.n, 11), 0);
	ck_assert_int_eq(keyset_first_seen(ks, a.p, a.n, 12), 10);
	ck_assert_int_eq(keyset_first_seen(ks, b.p, b.n, 13), 11);
	keybuf_release(&a);
	keybuf_release(&b);

	/* a key longer than the stack buffer: the same whole key again */
	char big[1000];
	memset(big, 'x', sizeof big);
	for (int round = 0; round < 2; round++) {
		keybuf_init(&a);
		keybuf_add(&a, big, sizeof big);
		keybuf_add_int(&a, 19358);
		ck_assert_int_eq(keyset_first_seen(ks, a.p, a.n, 20 + round),
				 round ? 20 : 0);
		keybuf_release(&a);
	}
	keybuf_init(&a);
	keybuf_add(&a, big, sizeof big);
	keybuf_add_int(&a, 19359);        /* another day */
	ck_assert_int_eq(keyset_first_seen(ks, a.p, a.n, 30), 0);
	keybuf_release(&a);
	keyset_free(ks);
}
END_TEST

/* Room made at once (keycheck_reserve_set): the keys it was made for go
 * in without the table growing, a huge table (past 4 MB, mapped) as a
 * small one; room made again with keys in keeps them. */
START_TEST(room_made_at_once_holds_its_keys)
{
	static const size_t counts[] = { 1000, 300000 };
	for (size_t c = 0; c < 2; c++) {
		size_t n = counts[c];
		struct keyset *ks = keyset_new();
		ck_assert(keyset_reserve(ks, n / 2));
		*keyset_put(ks, "first", 5, NULL) = 7;
		ck_assert(keyset_reserve(ks, n));     /* grows, the key kept */
		ck_assert_uint_eq(keyset_bytes(ks), keyset_bytes_for(n));
		ck_assert_uint_eq(*keyset_get(ks, "first", 5), 7);
		char key[16];
		for (size_t i = 1; i < n; i++) {
			int len = snprintf(key, sizeof key, "K%zu", i);
			*keyset_put(ks, key, (size_t)len, NULL) = (uint32_t)i;
		}
		ck_assert_uint_eq(keyset_size(ks), n);
		ck_assert_uint_eq(keyset_bytes(ks), keyset_bytes_for(n));   /* no growth */
		ck_assert_uint_eq(keyset_bytes_next(ks), keyset_bytes_for(n + 1));
		for (size_t i = 1; i < n; i += 997) {
			int len = snprintf(key, sizeof key, "K%zu", i);
			ck_assert_uint_eq(*keyset_get(ks, key, (size_t)len), i);
		}
		ck_assert(keyset_reserve(ks, 10));    /* smaller: nothing done */
		ck_assert_uint_eq(keyset_bytes(ks), keyset_bytes_for(n));
		keyset_free(ks);
	}
	/* 3/4 full at most: 48 keys in 64 slots, the 49th in 128 */
	ck_assert_uint_eq(keyset_bytes_for(48), keyset_bytes_for(1));
	ck_assert_uint_eq(keyset_bytes_for(49), 2 * keyset_bytes_for(48));
}
END_TEST

Suite *keyset_suite(void)
{
	Suite *s = suite_create("keyset");
	TCase *tc = tcase_create("keyset");
	tcase_add_test(tc, a_hundred_thousand_keys_keep_their_values);
	tcase_add_test(tc, the_empty_key_and_an_empty_set);
	tcase_add_test(tc, composite_keys_do_not_run_into_each_other);
	tcase_add_test(tc, room_made_at_once_holds_its_keys);
	suite_add_tcase(s, tc);
	return s;
}
