/* test_quality.c — the data-quality report keeps every warning, grouped
 * by kind with a count per kind and file first; only the terminal keeps
 * its cap. */
#include "suites.h"
#include "../../etl/quality.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

static const char *const A = "duplicate of line %ld: left out";

/* The quality report of d, no checks, as one text (free() it). */
static char *report_of(struct diag *d)
{
	struct checks c = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(quality_write(f, d, &c), 0);
	fclose(f);
	return buf;
}

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
	char *buf = report_of(&d);
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

/* A tab, newline or CR in a warning's file or text (a quoted field cited
 * in it) is a space in the report: one line a warning, five columns. */
START_TEST(a_tab_or_newline_in_a_warning_is_a_space)
{
	struct diag d = DIAG_INIT;
	ck_assert_int_eq(diag_keep_all(&d), 0);
	diag_warn_kind(&d, "a\tb.csv", 4, 2, "bad '%s'", NULL, "bad '%s'", "x\ty\nz\r\n");
	diag_warn_kind(&d, "c.csv", 5, 1, "plain", NULL, "plain");
	char *buf = report_of(&d);
	char **lines = g_strsplit(buf, "\n", -1);
	ck_assert_str_eq(lines[3], "warning\ta b.csv\t4\t2\tbad 'x y z  '");
	ck_assert_str_eq(lines[4], "warning\tc.csv\t5\t1\tplain");
	g_strfreev(lines);
	free(buf);
	diag_release(&d);
}
END_TEST

/* A child process's messages come back whole (carnet editions draws its
 * PDFs in children): every kept entry, its place, its text (a newline and
 * an accent in it), and the counts past what is kept. */
START_TEST(messages_given_back_by_a_child)
{
	struct diag d = DIAG_INIT, back = DIAG_INIT, into = DIAG_INIT;
	diag_add(&d, DIAG_WARNING, "textes/rh/01 été.md", 12, 3, "two\nlines");
	for (long i = 0; i < DIAG_KEEP + 5; i++)
		diag_add(&d, DIAG_ERROR, "b.md", i + 1, 0, "error %ld", i);
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(diag_save(&d, f), 0);
	rewind(f);
	ck_assert_int_eq(diag_load(&back, f), 0);
	ck_assert_uint_eq(back.errors, DIAG_KEEP + 5);
	ck_assert_uint_eq(back.warnings, 1);
	ck_assert_uint_eq(back.n, d.n);
	for (size_t i = 0; i < d.n; i++) {
		ck_assert_int_eq(back.v[i].level, d.v[i].level);
		ck_assert_str_eq(back.v[i].file, d.v[i].file);
		ck_assert_int_eq(back.v[i].line, d.v[i].line);
		ck_assert_int_eq(back.v[i].column, d.v[i].column);
		ck_assert_str_eq(back.v[i].msg, d.v[i].msg);
	}
	/* merged after a message of the parent's: in that order */
	diag_add(&into, DIAG_WARNING, "web", 0, 0, "first");
	diag_merge(&into, &back);
	ck_assert_str_eq(into.v[0].msg, "first");
	ck_assert_str_eq(into.v[1].msg, "two\nlines");
	ck_assert_uint_eq(into.errors, DIAG_KEEP + 5);
	/* a file cut short is refused, not half read */
	rewind(f);
	ck_assert_int_eq(ftruncate(fileno(f), 40), 0);
	struct diag cut = DIAG_INIT;
	ck_assert_int_eq(diag_load(&cut, f), -1);
	fclose(f);
	diag_release(&cut);
	diag_release(&into);
	diag_release(&back);
	diag_release(&d);
}
END_TEST

Suite *quality_suite(void)
{
	Suite *s = suite_create("quality");
	TCase *tc = tcase_create("quality");
	tcase_add_test(tc, every_warning_grouped_by_kind);
	tcase_add_test(tc, a_tab_or_newline_in_a_warning_is_a_space);
	tcase_add_test(tc, messages_given_back_by_a_child);
	suite_add_tcase(s, tc);
	return s;
}
