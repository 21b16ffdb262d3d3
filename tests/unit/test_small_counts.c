/* test_small_counts.c — the small-count rule on small tables, and French
 * number formatting. */
#include "suites.h"
#include "../../etl/french.h"
#include "../../etl/small_counts.h"

#define NNBSP "\xE2\x80\xAF"

static void expect(const double *v, size_t n, const enum sc_cell *want)
{
	enum sc_cell got[16];
	sc_protect(v, n, got);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(got[i] == want[i], "cell %zu: %d, want %d", i,
			      got[i], want[i]);
}

START_TEST(nothing_small_nothing_hidden)
{
	const double v[] = { 12, 0, 5, 40 };
	const enum sc_cell w[] = { SC_SHOWN, SC_SHOWN, SC_SHOWN, SC_SHOWN };
	expect(v, 4, w);
}
END_TEST

START_TEST(one_small_cell_hides_the_smallest_other)
{
	/* 3 alone could be recovered from the total: 7 (the smallest
	 * non-zero other) is masked, 0 is no secret. */
	const double v[] = { 12, 3, 0, 7, 40 };
	const enum sc_cell w[] = { SC_SHOWN, SC_SMALL, SC_SHOWN, SC_MASKED, SC_SHOWN };
	expect(v, 5, w);
}
END_TEST

START_TEST(two_small_cells_protect_each_other)
{
	const double v[] = { 1, 4, 30 };
	const enum sc_cell w[] = { SC_SMALL, SC_SMALL, SC_SHOWN };
	expect(v, 3, w);
}
END_TEST

START_TEST(a_small_cell_alone_in_its_breakdown)
{
	/* nothing to hide behind: the total is the cell, and a headline
	 * total is published as it is */
	const double v[] = { 2, 0 };
	const enum sc_cell w[] = { SC_SMALL, SC_SHOWN };
	expect(v, 2, w);
}
END_TEST

START_TEST(tables_protect_rows_and_columns)
{
	/* women/men x three bands; 2 in (f, band 2).  Its row hides 6; then
	 * column 2 holds one hidden cell (2) and its column hides 9 … */
	const double v[] = {
		10, 2, 6,
		20, 9, 30,
	};
	enum sc_cell got[6];
	sc_protect_table(v, 2, 3, got);
	const enum sc_cell w[] = {
		SC_SHOWN, SC_SMALL, SC_MASKED,
		SC_SHOWN, SC_MASKED, SC_MASKED,
	};
	for (int i = 0; i < 6; i++)
		ck_assert_msg(got[i] == w[i], "cell %d: %d, want %d", i, got[i], w[i]);
	/* every row and column with a hidden cell has at least two */
	for (int r = 0; r < 2; r++) {
		int h = 0;
		for (int c = 0; c < 3; c++)
			h += got[r * 3 + c] != SC_SHOWN;
		ck_assert(h == 0 || h >= 2);
	}
	for (int c = 0; c < 3; c++) {
		int h = 0;
		for (int r = 0; r < 2; r++)
			h += got[r * 3 + c] != SC_SHOWN;
		ck_assert(h == 0 || h >= 2);
	}
}
END_TEST

START_TEST(labels)
{
	ck_assert_str_eq(sc_label(SC_SMALL), "<\xC2\xA0" "5");
	ck_assert_str_eq(sc_label(SC_MASKED), "s");
	ck_assert_ptr_null(sc_label(SC_SHOWN));
}
END_TEST

START_TEST(french_numbers_as_printed)
{
	char b[64];
	ck_assert_str_eq(french_number(61078, 0, b, sizeof b), "61" NNBSP "078");
	ck_assert_str_eq(french_number(5578286, 0, b, sizeof b), "5" NNBSP "578" NNBSP "286");
	ck_assert_str_eq(french_number(55.609756, 1, b, sizeof b), "55,6");
	ck_assert_str_eq(french_number(33.45, 1, b, sizeof b), "33,5");
	ck_assert_str_eq(french_number(2.8, 1, b, sizeof b), "2,8");
	ck_assert_str_eq(french_number(1350.81, 2, b, sizeof b), "1" NNBSP "350,81");
	ck_assert_str_eq(french_number(999.5, 0, b, sizeof b), "1" NNBSP "000");
	ck_assert_str_eq(french_number(-0.004, 2, b, sizeof b), "0,00");
	ck_assert_str_eq(french_number(-1234.5, 1, b, sizeof b), "-1" NNBSP "234,5");
	ck_assert_str_eq(french_number(0, 0, b, sizeof b), "0");
}
END_TEST

Suite *small_counts_suite(void)
{
	Suite *s = suite_create("small_counts");
	TCase *tc = tcase_create("rule");
	tcase_add_test(tc, nothing_small_nothing_hidden);
	tcase_add_test(tc, one_small_cell_hides_the_smallest_other);
	tcase_add_test(tc, two_small_cells_protect_each_other);
	tcase_add_test(tc, a_small_cell_alone_in_its_breakdown);
	tcase_add_test(tc, tables_protect_rows_and_columns);
	tcase_add_test(tc, labels);
	tcase_add_test(tc, french_numbers_as_printed);
	suite_add_tcase(s, tc);
	return s;
}
