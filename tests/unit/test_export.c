/* test_export.c — the export reader on the files of tests/data/: every
 * quirk of exports.md, every error with its exact text and location. */
#include "suites.h"
#include "../../etl/export.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

enum { C_MATRICULE, C_NAISSANCE, C_ENTREE, C_HEURES, C_COMMENTAIRE, C_ACTIF,
       NCOLS };

static const struct exp_col cols[NCOLS] = {
	[C_MATRICULE]   = { "matricule", EXP_REQUIRED | EXP_PERSONAL },
	[C_NAISSANCE]   = { "date_naissance", EXP_PERSONAL },
	[C_ENTREE]      = { "date_entree", EXP_REQUIRED },
	[C_HEURES]      = { "heures", EXP_REQUIRED },
	[C_COMMENTAIRE] = { "commentaire", 0 },
	[C_ACTIF]       = { "actif", 0 },
};

/* Each row becomes one line of the log: its line, then each value as the
 * getters read it. */
static void log_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	GString *log = ctx;
	const struct exp_field *f = row->col;
	const char *m = "", *c = "";
	size_t mlen = 0, clen = 0;
	day_t entree = 0, naissance = 0;
	double heures = -1;
	bool actif = false;
	int y, mo, d;

	exp_text(r, &f[C_MATRICULE], &m, &mlen);
	exp_date(r, &f[C_NAISSANCE], &naissance);
	int ge = exp_date(r, &f[C_ENTREE], &entree);
	int gh = exp_number(r, &f[C_HEURES], &heures);
	exp_text(r, &f[C_COMMENTAIRE], &c, &clen);
	int ga = exp_yesno(r, &f[C_ACTIF], &actif);
	day_to_ymd(entree, &y, &mo, &d);
	g_string_append_printf(log, "%ld %.*s", row->line, (int)mlen, m);
	if (ge == EXP_GOT)
		g_string_append_printf(log, " %04d-%02d-%02d", y, mo, d);
	if (gh == EXP_GOT)
		g_string_append_printf(log, " h=%g", heures);
	if (clen)
		g_string_append_printf(log, " [%.*s]", (int)clen, c);
	if (ga == EXP_GOT)
		g_string_append_printf(log, " a=%d", actif);
	g_string_append_c(log, '\n');
}

struct result {
	enum status status;
	struct exp_stats st;
	char *rows;      /* the log */
	char *diags;     /* every diagnostic, one a line */
};

static struct result read_file(const char *name)
{
	struct result res;
	char *path = g_strdup_printf("data/%s", name);
	GString *log = g_string_new("");
	struct diag d = DIAG_INIT;
	struct exp_source src = {
		.path = path, .cols = cols, .ncols = NCOLS,
		.on_row = log_row, .ctx = log,
	};
	res.status = exp_read(&src, &d, &res.st);
	GString *diags = g_string_new("");
	for (size_t i = 0; i < d.n; i++) {
		char *s = diag_format(&d.v[i]);
		g_string_append_printf(diags, "%s\n", s);
		g_free(s);
	}
	diag_release(&d);
	g_free(path);
	res.rows = g_string_free(log, FALSE);
	res.diags = g_string_free(diags, FALSE);
	return res;
}

static void result_free(struct result *r)
{
	g_free(r->rows);
	g_free(r->diags);
}

/* Reads name and asserts its rows log, its diagnostics and its status. */
static void expect(const char *name, const char *rows, const char *diags,
		   enum status status)
{
	struct result r = read_file(name);
	ck_assert_str_eq(r.rows, rows);
	ck_assert_str_eq(r.diags, diags);
	ck_assert_int_eq(r.status, status);
	result_free(&r);
}

START_TEST(semicolon_utf8_french_headers)
{
	struct result r = read_file("utf8_semicolon.csv");
	ck_assert_str_eq(r.rows,
		"2 A001 2023-01-05 h=14893.5 [Siège social] a=1\n"
		"3 A002 2023-12-31 h=7 [Écluses du Nord] a=0\n"
		"4 A003 2023-02-01 h=0.5 a=0\n");
	ck_assert_str_eq(r.diags, "");
	ck_assert_int_eq(r.status, STATUS_OK);
	ck_assert_int_eq(r.st.rows, 3);
	ck_assert_int_eq(r.st.rejected, 0);
	ck_assert_int_eq(r.st.lines, 4);
	ck_assert_int_eq(r.st.delimiter, ';');
	ck_assert_int_eq(r.st.encoding, EXP_UTF8);
	ck_assert(!r.st.crlf);
	result_free(&r);
}
END_TEST

START_TEST(comma_bom_crlf_any_column_order)
{
	struct result r = read_file("utf8_bom_comma_crlf.csv");
	ck_assert_str_eq(r.rows,
		"2 A001 2023-01-05 h=14893.5 a=1\n"
		"3 A002 2023-12-31 h=7.25 a=0\n");
	ck_assert_str_eq(r.diags, "");
	ck_assert_int_eq(r.st.delimiter, ',');
	ck_assert_int_eq(r.st.encoding, EXP_UTF8_BOM);
	ck_assert(r.st.crlf);
	result_free(&r);
}
END_TEST

START_TEST(windows_1252_and_tab)
{
	struct result r = read_file("cp1252_tab.csv");
	ck_assert_str_eq(r.rows,
		"2 A001 2023-01-05 h=1200 [Dépôt de l’Œuvre] a=1\n"
		"3 A002 2023-01-06 h=45 [cœur] a=0\n");
	ck_assert_str_eq(r.diags, "");
	ck_assert_int_eq(r.st.delimiter, '\t');
	ck_assert_int_eq(r.st.encoding, EXP_CP1252);
	result_free(&r);
}
END_TEST

START_TEST(quoted_fields_and_physical_lines)
{
	expect("quoted.csv",
	       "2 A001 2023-01-05 h=1 [un; deux]\n"
	       "3 A002 2023-01-05 h=2 [il a dit \"bonjour\"]\n"
	       "4 A003 2023-01-05 h=3 [ligne 1\nligne 2\nligne 3]\n"
	       "7 A004 h=4 [fin]\n",
	       "data/quoted.csv:7:2: invalid date '31/02/2023' in 'date_entree': no such day in that month\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(a_field_after_a_quoted_newline_is_on_the_next_line)
{
	expect("quoted_bad_after_newline.csv",
	       "2 A001 h=1 [deux\nlignes]\n",
	       "data/quoted_bad_after_newline.csv:3:3: invalid date '32/01/2023' in 'date_entree': no such day in that month\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(missing_required_column_is_named)
{
	expect("missing_column.csv", "",
	       "data/missing_column.csv:1: missing required column 'heures'\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(duplicated_column_is_an_error)
{
	expect("duplicate_column.csv", "",
	       "data/duplicate_column.csv:1:4: column 'Date-Entrée' appears twice (columns 2 and 4)\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(calendar_errors_with_locations)
{
	expect("dates.csv",
	       "2 A001 2024-02-29 h=1\n3 A002 h=1\n4 A003 h=1\n5 A004 h=1\n"
	       "6 A005 h=1\n7 A006 h=1\n",
	       "data/dates.csv:3:2: invalid date '29/02/2023' in 'date_entree': 29 February in a year that is not a leap year\n"
	       "data/dates.csv:4:2: invalid date '31/04/2023' in 'date_entree': no such day in that month\n"
	       "data/dates.csv:5:2: invalid date '12/13/2023' in 'date_entree': no such month\n"
	       "data/dates.csv:6:2: invalid date '2023-02-30' in 'date_entree': no such day in that month\n"
	       "data/dates.csv:7:2: invalid date '5 janvier 2023' in 'date_entree': expected dd/mm/yyyy or yyyy-mm-dd\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(personal_values_are_never_quoted)
{
	struct result r = read_file("personal.csv");
	ck_assert_str_eq(r.diags,
		"data/personal.csv:2:2: invalid date in 'date_naissance': no such day in that month\n");
	ck_assert_ptr_null(strstr(r.diags, "1980"));
	ck_assert_int_eq(r.st.rejected, 1);
	result_free(&r);
}
END_TEST

START_TEST(number_errors)
{
	expect("numbers.csv",
	       "2 A001 2023-01-05\n3 A002 2023-01-05\n4 A003 2023-01-05\n5 A004 2023-01-05\n",
	       "data/numbers.csv:2:3: invalid number '1e309' in 'heures': number out of range\n"
	       "data/numbers.csv:3:3: invalid number 'douze' in 'heures': not a number\n"
	       "data/numbers.csv:4:3: invalid number '1 23' in 'heures': thousands must be grouped by three digits\n"
	       "data/numbers.csv:5:3: missing value in 'heures'\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(yes_no_error)
{
	expect("yesno.csv", "2 A001 2023-01-05 h=1\n",
	       "data/yesno.csv:2:4: invalid yes/no value 'peut-être' in 'actif': expected O/N, Oui/Non, 1/0 or X/empty\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(rows_must_match_the_header)
{
	expect("field_count.csv", "",
	       "data/field_count.csv:2: row has 4 fields where the header has 3\n"
	       "data/field_count.csv:3: row has 2 fields where the header has 3\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(blank_rows_are_skipped_and_last_newline_optional)
{
	struct result r = read_file("blank_rows.csv");
	ck_assert_str_eq(r.rows, "3 A001 2023-01-05 h=1\n6 A002 2023-01-05 h=2\n");
	ck_assert_str_eq(r.diags, "");
	ck_assert_int_eq(r.st.rows, 2);
	ck_assert_int_eq(r.st.lines, 6);
	result_free(&r);
}
END_TEST

START_TEST(unterminated_quote)
{
	expect("unterminated.csv", "",
	       "data/unterminated.csv:2:4: quoted field opened here is never closed\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(stray_quote)
{
	expect("stray_quote.csv", "",
	       "data/stray_quote.csv:2:4: misplaced quote: a quote inside an unquoted field, or text after a closing quote\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(empty_and_header_only_files)
{
	expect("empty.csv", "", "data/empty.csv:1: empty file: no header line\n",
	       STATUS_BAD_INPUT);
	expect("header_only.csv", "",
	       "data/header_only.csv:1: no data rows after the header\n", STATUS_BAD_INPUT);
}
END_TEST

START_TEST(a_header_without_delimiter)
{
	expect("no_delimiter.csv", "",
	       "data/no_delimiter.csv:1: no delimiter in the header line: expected column names separated by ';', ',' or TAB\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(mixed_encodings_are_refused)
{
	expect("mixed_utf8_then_cp1252.csv", "2 A001 2023-01-05 h=1 [Siège]\n",
	       "data/mixed_utf8_then_cp1252.csv:3:21: invalid UTF-8 byte 0xE8 (the file reads as UTF-8 since line 2: mixed encodings?)\n",
	       STATUS_BAD_INPUT);
	expect("mixed_cp1252_then_utf8.csv", "2 A001 2023-01-05 h=1 [Siège]\n",
	       "data/mixed_cp1252_then_utf8.csv:3:21: UTF-8 text in a file that reads as Windows-1252 since line 2 (mixed encodings)\n",
	       STATUS_BAD_INPUT);
	expect("cp1252_undefined.csv", "",
	       "data/cp1252_undefined.csv:2:20: byte 0x81 is not a Windows-1252 character\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(nul_bytes_and_utf16)
{
	expect("nul.csv", "",
	       "data/nul.csv:2:18: NUL byte in the file (a UTF-16 or binary file?)\n",
	       STATUS_BAD_INPUT);
	expect("utf16.csv", "",
	       "data/utf16.csv:1:1: UTF-16 files are not read: save the export as CSV in UTF-8 or Windows-1252\n",
	       STATUS_BAD_INPUT);
}
END_TEST

START_TEST(missing_file)
{
	struct result r = read_file("no_such_file.csv");
	ck_assert_int_eq(r.status, STATUS_FAILED);
	ck_assert_str_eq(r.diags,
		"data/no_such_file.csv: cannot open: No such file or directory\n");
	result_free(&r);
}
END_TEST

static const struct enum_label energies[] = {
	ENUM_LABEL("Électrique", 1), ENUM_LABEL("Hybride", 2),
	ENUM_LABEL("Hybride rechargeable", 3),
	ENUM_LABEL("Elec", 1), ENUM_END,
};

static void log_energy(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	int e = 0;
	if (exp_enum(r, &row->col[1], energies, &e) == EXP_GOT)
		g_string_append_printf(ctx, "%ld %d\n", row->line, e);
}

START_TEST(enumeration_errors_list_the_accepted_values)
{
	static const struct exp_col ecols[] = {
		{ "immatriculation", EXP_REQUIRED }, { "energie", EXP_REQUIRED },
	};
	GString *log = g_string_new("");
	struct diag d = DIAG_INIT;
	struct exp_stats st;
	struct exp_source src = {
		.path = "data/energies.csv", .cols = ecols, .ncols = 2,
		.on_row = log_energy, .ctx = log,
	};
	ck_assert_int_eq(exp_read(&src, &d, &st), STATUS_BAD_INPUT);
	ck_assert_str_eq(log->str, "2 1\n3 3\n");
	ck_assert_uint_eq(d.n, 1);
	char *msg = diag_format(&d.v[0]);
	ck_assert_str_eq(msg, "data/energies.csv:4:2: invalid value 'Hydrogène' in 'energie': expected Électrique, Hybride, Hybride rechargeable");
	g_free(msg);
	diag_release(&d);
	g_string_free(log, TRUE);
}
END_TEST

/* Writes header, then body repeated n times, to a new temporary file. */
static char *temp_file(const char *header, const char *body, size_t n)
{
	char *path;
	int fd = g_file_open_tmp("carnet-XXXXXX.csv", &path, NULL);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs(header, f);
	for (size_t i = 0; i < n; i++)
		fputs(body, f);
	fclose(f);
	return path;
}

static char *first_diag(const char *path)
{
	GString *log = g_string_new("");
	struct diag d = DIAG_INIT;
	struct exp_stats st;
	struct exp_source src = {
		.path = path, .cols = cols, .ncols = NCOLS,
		.on_row = log_row, .ctx = log,
	};
	ck_assert_int_eq(exp_read(&src, &d, &st), STATUS_BAD_INPUT);
	ck_assert_uint_ge(d.n, 1);
	char *msg = diag_format(&d.v[0]);
	char *rel = g_strdup(msg + strlen(path));
	g_free(msg);
	diag_release(&d);
	g_string_free(log, TRUE);
	return rel;
}

START_TEST(a_field_spread_over_many_lines_is_bounded)
{
	/* 80 000 lines of "x" inside one quoted field: over 64 KiB */
	char *path = temp_file("matricule;date_entree;heures;commentaire\nA1;05/01/2023;1;\"",
			       "x\n", 80000);
	char *msg = first_diag(path);
	ck_assert_str_eq(msg, ":2:4: field longer than 65536 bytes");
	g_free(msg);
	remove(path);
	g_free(path);
}
END_TEST

START_TEST(a_line_over_one_mebibyte_is_refused)
{
	char *path = temp_file("matricule;date_entree;heures;commentaire\nA1;05/01/2023;1;",
			       "xxxxxxxxxxxxxxxx", 5 << 16);  /* 5 MiB */
	char *msg = first_diag(path);
	ck_assert_str_eq(msg, ":2: line longer than 1048576 bytes");
	g_free(msg);
	remove(path);
	g_free(path);
}
END_TEST

/* Lines with no quote are split without libcsv: they must give what
 * libcsv gives (blanks around fields dropped, blank lines no row, CRLF or
 * LF or no line break at the end), and a lone CR still ends a row. */
START_TEST(plain_lines_read_as_libcsv_reads_them)
{
	char *path = temp_file("matricule;date_entree;heures;commentaire\n",
			       "  A1 ;05/01/2023; 1 ;\t un deux \t\n"
			       "\"A2\";05/01/2023;\"2\";\" un deux \"\n"
			       "   \t \n"
			       "A3;05/01/2023;3;x\rA4;05/01/2023;4;y\n"
			       "A5;05/01/2023;5;z\r\n"
			       "A6;05/01/2023;;\n"
			       "A7;05/01/2023;7;w", 1);
	struct diag d = DIAG_INIT;
	struct exp_stats st;
	GString *log = g_string_new("");
	struct exp_source src = {
		.path = path, .cols = cols, .ncols = NCOLS,
		.on_row = log_row, .ctx = log,
	};
	ck_assert_int_eq(exp_read(&src, &d, &st), STATUS_BAD_INPUT);
	ck_assert_str_eq(log->str,
		"2 A1 2023-01-05 h=1 [un deux]\n"
		"3 A2 2023-01-05 h=2 [un deux]\n"
		"5 A3 2023-01-05 h=3 [x]\n"
		"5 A4 2023-01-05 h=4 [y]\n"
		"6 A5 2023-01-05 h=5 [z]\n"
		"7 A6 2023-01-05\n"
		"8 A7 2023-01-05 h=7 [w]\n");
	ck_assert_uint_eq(d.n, 1);
	char *msg = diag_format(&d.v[0]);
	ck_assert(g_str_has_suffix(msg, ":7:3: missing value in 'heures'"));
	g_free(msg);
	ck_assert_int_eq(st.rows, 7);
	diag_release(&d);
	g_string_free(log, TRUE);
	remove(path);
	g_free(path);
}
END_TEST

START_TEST(many_rows_stream_through)
{
	char *path = temp_file("matricule;date_entree;heures\n",
			       "A1;05/01/2023;1\n", 200000);
	struct diag d = DIAG_INIT;
	struct exp_stats st;
	GString *log = g_string_new("");
	struct exp_source src = {
		.path = path, .cols = cols, .ncols = NCOLS,
		.on_row = log_row, .ctx = log,
	};
	ck_assert_int_eq(exp_read(&src, &d, &st), STATUS_OK);
	ck_assert_int_eq(st.rows, 200000);
	ck_assert_int_eq(st.lines, 200001);
	diag_release(&d);
	g_string_free(log, TRUE);
	remove(path);
	g_free(path);
}
END_TEST

Suite *export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("read");
	tcase_add_test(tc, semicolon_utf8_french_headers);
	tcase_add_test(tc, comma_bom_crlf_any_column_order);
	tcase_add_test(tc, windows_1252_and_tab);
	tcase_add_test(tc, quoted_fields_and_physical_lines);
	tcase_add_test(tc, a_field_after_a_quoted_newline_is_on_the_next_line);
	tcase_add_test(tc, missing_required_column_is_named);
	tcase_add_test(tc, duplicated_column_is_an_error);
	tcase_add_test(tc, calendar_errors_with_locations);
	tcase_add_test(tc, personal_values_are_never_quoted);
	tcase_add_test(tc, number_errors);
	tcase_add_test(tc, yes_no_error);
	tcase_add_test(tc, rows_must_match_the_header);
	tcase_add_test(tc, blank_rows_are_skipped_and_last_newline_optional);
	tcase_add_test(tc, unterminated_quote);
	tcase_add_test(tc, stray_quote);
	tcase_add_test(tc, empty_and_header_only_files);
	tcase_add_test(tc, a_header_without_delimiter);
	tcase_add_test(tc, mixed_encodings_are_refused);
	tcase_add_test(tc, nul_bytes_and_utf16);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, enumeration_errors_list_the_accepted_values);
	tcase_add_test(tc, a_field_spread_over_many_lines_is_bounded);
	tcase_add_test(tc, a_line_over_one_mebibyte_is_refused);
	tcase_add_test(tc, plain_lines_read_as_libcsv_reads_them);
	tcase_add_test(tc, many_rows_stream_through);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
