/* test_fields.c — typed parsers: dates, French numbers, yes/no, enums. */
#include "suites.h"
#include "../../etl/fields.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *date(const char *s, day_t *d)
{
	return field_date(s, strlen(s), d);
}

static void ymd(day_t d, int ey, int em, int ed)
{
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	ck_assert_int_eq(y, ey);
	ck_assert_int_eq(m, em);
	ck_assert_int_eq(dd, ed);
}

START_TEST(dates_in_both_formats)
{
	day_t d;
	ck_assert_ptr_null(date("31/12/2023", &d));
	ymd(d, 2023, 12, 31);
	ck_assert_ptr_null(date("2023-12-31", &d));
	ymd(d, 2023, 12, 31);
	ck_assert_ptr_null(date("1/2/2023", &d));
	ymd(d, 2023, 2, 1);
	ck_assert_ptr_null(date(" 05/01/2023\xC2\xA0", &d));
	ymd(d, 2023, 1, 5);
	ck_assert_int_eq(day_from_ymd(1970, 1, 1), 0);
	ck_assert_int_eq(day_from_ymd(2024, 1, 1) - day_from_ymd(2023, 1, 1), 365);
}
END_TEST

START_TEST(dates_checked_against_the_calendar)
{
	day_t d = 0;
	ck_assert_str_eq(date("31/02/2023", &d), "no such day in that month");
	ck_assert_str_eq(date("31/04/2023", &d), "no such day in that month");
	ck_assert_str_eq(date("29/02/2023", &d),
			 "29 February in a year that is not a leap year");
	ck_assert_str_eq(date("29/02/1900", &d),
			 "29 February in a year that is not a leap year");
	ck_assert_ptr_null(date("29/02/2024", &d));
	ymd(d, 2024, 2, 29);
	ck_assert_ptr_null(date("29/02/2000", &d));
	ck_assert_str_eq(date("12/13/2023", &d), "no such month");
	ck_assert_str_eq(date("2023-02-30", &d), "no such day in that month");
	ck_assert_str_eq(date("00/01/2023", &d), "no such day in that month");
	ck_assert_str_eq(date("05/01/0203", &d), "year outside 1900-2100");
}
END_TEST

START_TEST(dates_in_other_shapes_are_rejected)
{
	static const char *const bad[] = {
		"5 janvier 2023", "05/01/23", "2023/01/05", "05-01-2023",
		"05/01/2023 10:00", "2023-1-5", "45291", "/01/2023", "05//2023",
	};
	day_t d;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(date(bad[i], &d) != NULL, "%s accepted", bad[i]);
	ck_assert_str_eq(date("05/01/23", &d), "expected dd/mm/yyyy or yyyy-mm-dd");
}
END_TEST

static double num(const char *s)
{
	double v = -1;
	const char *why = field_number(s, strlen(s), &v);
	ck_assert_msg(why == NULL, "%s: %s", s, why ? why : "");
	return v;
}

static const char *numerr(const char *s)
{
	double v;
	return field_number(s, strlen(s), &v);
}

START_TEST(french_numbers)
{
	ck_assert_double_eq(num("14 893,5"), 14893.5);
	ck_assert_double_eq(num("14\xC2\xA0" "893,5"), 14893.5);      /* U+00A0 */
	ck_assert_double_eq(num("14\xE2\x80\xAF" "893,5"), 14893.5);  /* U+202F */
	ck_assert_double_eq(num("14893.5"), 14893.5);
	ck_assert_double_eq(num("1 234 567"), 1234567);
	ck_assert_double_eq(num("89 %"), 89);
	ck_assert_double_eq(num("89%"), 89);
	ck_assert_double_eq(num("2,27\xC2\xA0%"), 2.27);
	ck_assert_double_eq(num("5 578 286 \xE2\x82\xAC"), 5578286);
	ck_assert_double_eq(num("183048\xE2\x82\xAC"), 183048);
	ck_assert_double_eq(num("-3,5"), -3.5);
	ck_assert_double_eq(num("+7"), 7);
	ck_assert_double_eq(num("0,5"), 0.5);
	ck_assert_double_eq(num("1350,81"), 1350.81);
	ck_assert_double_eq(num("007"), 7);
}
END_TEST

START_TEST(malformed_numbers_are_rejected)
{
	ck_assert_str_eq(numerr("1e309"), "exponents are not accepted");
	ck_assert_str_eq(numerr("1E3"), "exponents are not accepted");
	ck_assert_str_eq(numerr("douze"), "not a number");
	ck_assert_str_eq(numerr("inf"), "not a number");
	ck_assert_str_eq(numerr("nan"), "not a number");
	ck_assert_str_eq(numerr("12,"), "not a number");
	ck_assert_str_eq(numerr(",5"), "not a number");
	ck_assert_str_eq(numerr("1.234,5"), "not a number");
	ck_assert_str_eq(numerr("12 h"), "not a number");
	ck_assert_str_eq(numerr("1 23"), "thousands must be grouped by three digits");
	ck_assert_str_eq(numerr("1234 567"), "thousands must be grouped by three digits");
	ck_assert_str_eq(numerr("1 2345"), "thousands must be grouped by three digits");
	ck_assert_str_eq(numerr("-"), "not a number");
	ck_assert_str_eq(numerr("1234567890123456"), "more than 15 significant digits");
	ck_assert_str_eq(numerr("12 €%"), "not a number");
}
END_TEST

static int yn(const char *s)
{
	bool v;
	if (field_yesno(s, strlen(s), &v))
		return -1;
	return v;
}

/* Numbers are read without strtod when they can be (fields.c): the same
 * double, to the bit, for every shape of up to 15 significant digits. */
START_TEST(numbers_as_strtod_reads_them)
{
	uint64_t x = 88172645463325252u;
	char text[64], c[64];
	for (int i = 0; i < 200000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		int digits = 1 + (int)(x % 15), point = (int)((x >> 8) % (unsigned)(digits + 1));
		size_t o = 0;
		if ((x >> 16) & 1)
			text[o++] = '-';
		uint64_t y = x >> 20;
		for (int d = 0; d < digits; d++) {
			if (d == point && point > 0)
				text[o++] = ',';
			text[o++] = (char)('0' + (d == 0 && digits > 1 && point != 1 ? 1 + y % 9 : y % 10));
			y = y / 10 ? y / 10 : x >> 3;
		}
		text[o] = '\0';
		double got;
		ck_assert_msg(field_number(text, o, &got) == NULL, "%s", text);
		snprintf(c, sizeof c, "%s", text);
		for (char *p = c; *p; p++)
			if (*p == ',')
				*p = '.';
		double want = strtod(c, NULL);
		ck_assert_msg(memcmp(&got, &want, sizeof got) == 0, "%s: %.17g, not %.17g",
			      text, got, want);
	}
}
END_TEST

START_TEST(yes_no_in_every_spelling)
{
	ck_assert_int_eq(yn("O"), 1);
	ck_assert_int_eq(yn("o"), 1);
	ck_assert_int_eq(yn("Oui"), 1);
	ck_assert_int_eq(yn("OUI"), 1);
	ck_assert_int_eq(yn("1"), 1);
	ck_assert_int_eq(yn("X"), 1);
	ck_assert_int_eq(yn("x"), 1);
	ck_assert_int_eq(yn("N"), 0);
	ck_assert_int_eq(yn("Non"), 0);
	ck_assert_int_eq(yn("0"), 0);
	ck_assert_int_eq(yn(""), 0);
	ck_assert_int_eq(yn("  "), 0);
	ck_assert_int_eq(yn("peut-être"), -1);
	ck_assert_int_eq(yn("2"), -1);
	bool v;
	ck_assert_str_eq(field_yesno("?", 1, &v),
			 "expected O/N, Oui/Non, 1/0 or X/empty");
}
END_TEST

START_TEST(enumerations_by_any_spelling)
{
	static const struct enum_label e[] = {
		{ "Électrique", 1 }, { "Hybride rechargeable", 2 },
		{ "Hybride", 3 }, { NULL, 0 },
	};
	ck_assert_int_eq(field_enum("electrique", 10, e), 1);
	ck_assert_int_eq(field_enum("ÉLECTRIQUE", strlen("ÉLECTRIQUE"), e), 1);
	ck_assert_int_eq(field_enum(" Hybride  rechargeable ", 23, e), 2);
	ck_assert_int_eq(field_enum("hybride-rechargeable", 20, e), 2);
	ck_assert_int_eq(field_enum("Hybride", 7, e), 3);
	ck_assert_int_eq(field_enum("Hydrogène", strlen("Hydrogène"), e), -1);
	ck_assert_int_eq(field_enum("", 0, e), -1);
}
END_TEST

Suite *fields_suite(void)
{
	Suite *s = suite_create("fields");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, dates_in_both_formats);
	tcase_add_test(tc, dates_checked_against_the_calendar);
	tcase_add_test(tc, dates_in_other_shapes_are_rejected);
	tcase_add_test(tc, french_numbers);
	tcase_add_test(tc, malformed_numbers_are_rejected);
	tcase_add_test(tc, numbers_as_strtod_reads_them);
	tcase_add_test(tc, yes_no_in_every_spelling);
	tcase_add_test(tc, enumerations_by_any_spelling);
	suite_add_tcase(s, tc);
	return s;
}
