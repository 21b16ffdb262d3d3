/* test_quality.c — the data-quality report keeps every warning, grouped
 * by kind with a count per kind and file first; only the terminal keeps
 * its cap. */
#include "suites.h"
#include "../../etl/quality.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

static const char *const A = "duplicate of line %ld: left out";

START_TEST(every_warning_grouped_by_kind)
{
	struct diag d = DIAG_INIT;
	ck_assert_int_eq(diag_keep_all(&d), 0);
	for (long i = 0; i < 250; i++) {
		diag_warn_kind(&d, "a.csv", 10 + i, 0, A, NULL, A, i + 1);
		if (i % 100 == 0)
			diag_warn_kind(&d, "b.csv", i + 2, 3, "outside %d", "Date",
				       "outside %d", 2023);
	}
	ck_assert_uint_eq(d.warnings, 253);
	ck_assert_uint_eq(d.kept_warnings, DIAG_KEEP);  /* the terminal's cap */
	ck_assert_uint_eq(d.nkinds, 2);
	struct checks c = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(quality_write(f, &d, &c), 0);
	fclose(f);
	char **lines = g_strsplit(buf, "\n", -1);
	ck_assert_str_eq(lines[0], "level\tfile\tline\tcolumn\tmessage");
	ck_assert_str_eq(lines[1], "kind\ta.csv\t0\t0\t250 × duplicate of line …: left out");
	ck_assert_str_eq(lines[2], "kind\tb.csv\t0\t0\t3 × outside … in 'Date'");
	ck_assert_str_eq(lines[3], "warning\ta.csv\t10\t0\tduplicate of line 1: left out");
	ck_assert_str_eq(lines[252], "warning\ta.csv\t259\t0\tduplicate of line 250: left out");
	ck_assert_str_eq(lines[253], "warning\tb.csv\t2\t3\toutside 2023 in 'Date'");
	ck_assert_str_eq(lines[255], "warning\tb.csv\t202\t3\toutside 2023 in 'Date'");
	ck_assert_str_eq(lines[256], "");
	ck_assert_ptr_null(strstr(buf, "more warnings"));
	g_strfreev(lines);
	free(buf);
	diag_release(&d);
}
END_TEST

Suite *quality_suite(void)
{
	Suite *s = suite_create("quality");
	TCase *tc = tcase_create("quality");
	tcase_add_test(tc, every_warning_grouped_by_kind);
	suite_add_tcase(s, tc);
	return s;
}
