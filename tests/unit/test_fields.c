/* test_fields.c — typed parsers: dates, French numbers, yes/no, enums. */
#include "suites.h"
#include "../../etl/decimal.h"
#include "../../etl/fields.h"

#include <inttypes.h>
#include <math.h>
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
	/* dd/mm/yyyy, read at once, and yyyy-mm-dd, digit by digit, agree
	 * on every day of 1900-2100 */
	for (day_t z = day_from_ymd(1900, 1, 1); z <= day_from_ymd(2100, 12, 31); z++) {
		char fr[16], iso[16];
		int y, m, dd;
		day_t a, b;
		day_to_ymd(z, &y, &m, &dd);
		snprintf(fr, sizeof fr, "%02d/%02d/%04d", dd, m, y);
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, dd);
		ck_assert_ptr_null(date(fr, &a));
		ck_assert_ptr_null(date(iso, &b));
		ck_assert_int_eq(a, z);
		ck_assert_int_eq(b, z);
	}
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
		/* ten bytes with slashes in place, not all digits */
		"0a/01/2023", "05/0x/2023", "05/01/20 3", "05/01/+023", "05/01/20\xC3\xA9",
		"05.01.2023",
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
	ck_assert_double_eq(num("14\xE2\x80\x89" "893,5"), 14893.5);  /* U+2009 */
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
	ck_assert_double_eq(num("1,35E+03"), 1350);
}
END_TEST

START_TEST(malformed_numbers_are_rejected)
{
	ck_assert_str_eq(numerr("1e309"), "number out of range");
	ck_assert_str_eq(numerr("1e999"), "number out of range");
	ck_assert_str_eq(numerr("-1,8e308"), "number out of range");
	ck_assert_str_eq(numerr("1e99999999999999999999"), "number out of range");
	ck_assert_str_eq(numerr("douze"), "not a number");
	ck_assert_str_eq(numerr("inf"), "not a number");
	ck_assert_str_eq(numerr("-infinity"), "not a number");
	ck_assert_str_eq(numerr("nan"), "not a number");
	ck_assert_str_eq(numerr("NaN"), "not a number");
	ck_assert_str_eq(numerr("0x10"), "not a number");
	ck_assert_str_eq(numerr("12,"), "not a number");
	ck_assert_str_eq(numerr(",5"), "not a number");
	ck_assert_str_eq(numerr("1,2,3"), "not a number");
	ck_assert_str_eq(numerr("1.234,5"), "not a number");
	ck_assert_str_eq(numerr("12 h"), "not a number");
	ck_assert_str_eq(numerr("1e"), "not a number");
	ck_assert_str_eq(numerr("1e+"), "not a number");
	ck_assert_str_eq(numerr("1e5,5"), "not a number");
	ck_assert_str_eq(numerr("e5"), "not a number");
	ck_assert_str_eq(numerr("1 234e5"), "an exponent cannot follow thousands separators");
	ck_assert_str_eq(numerr("1 23"), "thousands must be grouped by three digits");
	ck_assert_str_eq(numerr("1234 567"), "thousands must be grouped by three digits");
	ck_assert_str_eq(numerr("1 2345"), "thousands must be grouped by three digits");
	ck_assert_str_eq(numerr("-"), "not a number");
	ck_assert_str_eq(numerr("12 €%"), "not a number");
}
END_TEST

/* Any count of digits, correctly rounded: what statistics software and
 * full-precision tables write. */
START_TEST(numbers_at_any_precision)
{
	ck_assert_double_eq(num("1,350212345678901234"), 1.350212345678901234);
	ck_assert_double_eq(num("0.66666666666666663"), 2.0 / 3);
	ck_assert_double_eq(num("1234567890123456"), 1234567890123456.0);
	ck_assert_double_eq(num("999 999 999 999 999 999"), 999999999999999999.0);
	ck_assert_double_eq(num("0,0000001"), 1e-7);
	ck_assert_double_eq(num("1e-07"), 1e-7);
	ck_assert_double_eq(num("1,5E-07"), 1.5e-7);
	ck_assert_double_eq(num("+2.5e+21"), 2.5e21);
	ck_assert_double_eq(num("1e15"), 1e15);
	ck_assert_double_eq(num("4,9406564584124654e-324"), 4.9406564584124654e-324);
	ck_assert_double_eq(num("2.2250738585072011e-308"), 2.2250738585072011e-308);
	ck_assert_double_eq(num("1.7976931348623157e308"), 1.7976931348623157e308);
	ck_assert_double_eq(num("1e-400"), 0);          /* nearer 0 than any denormal */
	/* ties to even: 2^53 + 1 lies halfway between two doubles */
	ck_assert_double_eq(num("9007199254740993"), 9007199254740992.0);
	ck_assert_double_eq(num("9007199254740995"), 9007199254740996.0);
	/* one digit past a halfway point decides */
	ck_assert_double_eq(num("9007199254740993,0000000000000000000001"), 9007199254740994.0);
	ck_assert_double_eq(num("1.00000000000000011102230246251565404236316680908203125"),
			    1.0);   /* exactly 1 + 2^-53: a tie, to even */
	ck_assert_double_eq(num("1.00000000000000011102230246251565404236316680908203126"),
			    1.0000000000000002);
	ck_assert_double_eq(num("0,000000000000000000000000000000000000000001"), 1e-42);
	ck_assert_double_eq(num("1 000 000 000 000 000 000 000 000"), 1e24);
	double z = num("-0");
	ck_assert(z == 0 && signbit(z));
	z = num("-0,000");
	ck_assert(z == 0 && signbit(z));
}
END_TEST

/* Writes x's 17 significant digits as French software would, without
 * exponent: every digit in place, thousands grouped by one of the three
 * separators, a decimal comma. */
static size_t plain_french(double x, char *out)
{
	char e[40];
	snprintf(e, sizeof e, "%.16e", fabs(x));
	char d[18];
	int n = 0;
	const char *p = e;
	for (; *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			d[n++] = *p;
	int exp = atoi(p + 1);
	static const char *const sep[] = { " ", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89" };
	size_t o = 0;
	if (signbit(x))
		out[o++] = '-';
	int whole = exp >= 0 ? exp + 1 : 1;
	for (int i = 0; i < whole; i++) {
		if (i > 0 && (whole - i) % 3 == 0) {
			const char *s = sep[(whole + i) % 4];
			memcpy(out + o, s, strlen(s));
			o += strlen(s);
		}
		int k = exp >= 0 ? i : -1;
		out[o++] = k >= 0 && k < n ? d[k] : '0';
	}
	if (exp < n - 1) {
		out[o++] = ',';
		for (int k = exp + 1; k < n; k++)
			out[o++] = k >= 0 ? d[k] : '0';
	}
	out[o] = '\0';
	return o;
}

static void assert_reads_back(const char *text, double want)
{
	double got;
	const char *why = field_number(text, strlen(text), &got);
	ck_assert_msg(why == NULL, "%.60s…: %s", text, why ? why : "");
	ck_assert_msg(memcmp(&got, &want, sizeof got) == 0, "%.60s…: %.17g, not %.17g",
		      text, got, want);
}

/* A million doubles drawn over every exponent, denormals included, each
 * written at 17 digits in the dialects of exports.md and as its exact
 * decimal expansion (up to 767 significant digits), read back to the bit. */
START_TEST(every_double_reads_back)
{
	uint64_t x = 0x9E3779B97F4A7C15u;
	static char text[1200];
	for (int i = 0; i < 1000000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		double v;
		memcpy(&v, &x, sizeof v);
		if (!isfinite(v))
			continue;
		snprintf(text, sizeof text, "%.16e", v);           /* point */
		assert_reads_back(text, v);
		*strchr(text, '.') = ',';                           /* comma */
		assert_reads_back(text, v);
		plain_french(v, text);                              /* groups */
		assert_reads_back(text, v);
		if (i % 10 == 0) {
			/* glibc prints the exact binary value; zeros dropped */
			snprintf(text, sizeof text, "%.766e", v);
			char *e = strchr(text, 'e'), *z = e;
			while (z[-1] == '0')
				z--;
			memmove(z, e, strlen(e) + 1);
			assert_reads_back(text, v);
		}
	}
}
END_TEST

/* The figures table's text of a value is the shortest that reads back. */
START_TEST(values_written_read_back)
{
	char buf[DECIMAL_TEXT];
	ck_assert_str_eq(decimal_write(2.0 / 3, buf), "0.6666666666666666");
	ck_assert_str_eq(decimal_write(89.041666666666671, buf), "89.04166666666667");
	ck_assert_str_eq(decimal_write(0.1, buf), "0.1");
	ck_assert_str_eq(decimal_write(1e-7, buf), "0.0000001");
	ck_assert_str_eq(decimal_write(1e-10, buf), "0.0000000001");
	ck_assert_str_eq(decimal_write(1.5e-11, buf), "1.5e-11");
	ck_assert_str_eq(decimal_write(1999999999999998.0, buf), "1999999999999998");
	ck_assert_str_eq(decimal_write(1e20, buf), "100000000000000000000");
	ck_assert_str_eq(decimal_write(1e21, buf), "1e+21");
	ck_assert_str_eq(decimal_write(-0.0, buf), "0");
	ck_assert_str_eq(decimal_write(-820, buf), "-820");
	ck_assert_str_eq(decimal_write(5e-324, buf), "5e-324");
	ck_assert_str_eq(decimal_write(1.7976931348623157e308, buf), "1.7976931348623157e+308");
	ck_assert_str_eq(decimal_write(9007199254740991.0, buf), "9007199254740991");
	ck_assert_str_eq(decimal_write(9007199254740992.0, buf), "9007199254740992");
	ck_assert_str_eq(decimal_write(1e15 + 1, buf), "1000000000000001");
	ck_assert_str_eq(decimal_write(61078000, buf), "61078000");
	/* whole numbers (counts, most figures): their digits, the shortest */
	for (uint64_t u = 1, step = 1; u < (UINT64_C(1) << 53); u += step, step += step / 7 + 1) {
		char want[32], shorter[48], d[DECIMAL_DIGITS + 1];
		snprintf(want, sizeof want, "%" PRIu64, u);
		ck_assert_str_eq(decimal_write((double)u, buf), want);
		int exp, n = decimal_shortest((double)u, d, &exp);
		ck_assert_int_eq(exp, (int)strlen(want) - 1);
		if (n > 1) {
			snprintf(shorter, sizeof shorter, "%.*e", n - 2, (double)u);
			ck_assert_msg(strtod(shorter, NULL) != (double)u, "%s", want);
		}
	}
	uint64_t x = 0x2545F4914F6CDD1Du;
	for (int i = 0; i < 200000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		double v;
		memcpy(&v, &x, sizeof v);
		if (!isfinite(v))
			continue;
		if (v == 0)
			v = 0;
		decimal_write(v, buf);
		assert_reads_back(buf, v);
		/* shortest: one digit fewer does not read back */
		char d[DECIMAL_DIGITS + 1];
		int exp, n = decimal_shortest(v, d, &exp);
		if (n > 1) {
			char shorter[48];
			snprintf(shorter, sizeof shorter, "%.*e", n - 2, fabs(v));
			ck_assert_msg(strtod(shorter, NULL) != fabs(v), "%s", buf);
		}
	}
}
END_TEST

/* What a reader sees is the written decimal rounded half away from zero,
 * whatever binary value stands for it. */
START_TEST(values_rounded_for_readers)
{
	char buf[64];
	ck_assert_str_eq(decimal_fixed(33.45, 1, buf, sizeof buf), "33.5");
	ck_assert_str_eq(decimal_fixed(-33.45, 1, buf, sizeof buf), "-33.5");
	ck_assert_str_eq(decimal_fixed(2.675, 2, buf, sizeof buf), "2.68");
	ck_assert_str_eq(decimal_fixed(0.4999999996, 0, buf, sizeof buf), "0");
	ck_assert_str_eq(decimal_fixed(0.5, 0, buf, sizeof buf), "1");
	ck_assert_str_eq(decimal_fixed(999.96, 1, buf, sizeof buf), "1000.0");
	ck_assert_str_eq(decimal_fixed(-0.04, 1, buf, sizeof buf), "0.0");
	ck_assert_str_eq(decimal_fixed(0.04, 0, buf, sizeof buf), "0");
	ck_assert_str_eq(decimal_fixed(0.0000001, 2, buf, sizeof buf), "0.00");
	ck_assert_str_eq(decimal_fixed(1e15 + 0.5, 0, buf, sizeof buf), "1000000000000001");
	ck_assert_str_eq(decimal_fixed(1.2345678901234567e20, 0, buf, sizeof buf),
			 "123456789012345670000");
	ck_assert_str_eq(decimal_fixed(89.041666666666671, 0, buf, sizeof buf), "89");
	ck_assert_str_eq(decimal_fixed(-0.0, 0, buf, sizeof buf), "0");
	ck_assert_ptr_null(decimal_fixed(1e300, 0, buf, sizeof buf));
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
		ENUM_LABEL("Électrique", 1),
		ENUM_LABEL("Hybride rechargeable", 2),
		ENUM_LABEL("Hybride", 3), ENUM_END,
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

/* Labels of 8 to 16 bytes are compared as two words, shorter ones a
 * byte at a time: a field one byte off anywhere, of the same length, is
 * not the label. */
START_TEST(enumeration_labels_compared_byte_for_byte)
{
	static const char *const texts[] = {
		"O", "CDI", "Non", "Cadre", "Agent d",
		"Collecti", "Collectif", "Individuel", "Peu satisfait",
		"Très satisfait", "Assez satisfait", "Pas du tout sati",
	};
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		const struct enum_label e[] = {
			{ texts[t], 7, strlen(texts[t]) }, ENUM_END,
		};
		char s[32];
		size_t n = strlen(texts[t]);
		memcpy(s, texts[t], n + 1);
		ck_assert_int_eq(field_enum(s, n, e), 7);
		for (size_t i = 0; i < n; i++) {
			s[i] = '7';     /* not a letter of another case, nor a blank */
			ck_assert_msg(field_enum(s, n, e) == -1, "%s, byte %zu", texts[t], i);
			s[i] = texts[t][i];
		}
	}
}
END_TEST

/* An indexed list answers as the list: labels spelt as written, and
 * spelt otherwise; two labels of one slot (the same length, first and
 * last bytes: "XXy" then "Xxy", one a case of the other) looked for down
 * the list, where the exact one is found before a case-blind match. */
START_TEST(an_indexed_enumeration_answers_as_the_list)
{
	static const struct enum_label e[] = {
		ENUM_LABEL("Très satisfait", 1), ENUM_LABEL("Assez satisfait", 2),
		ENUM_LABEL("Peu satisfait", 3), ENUM_LABEL("Pas du tout satisfait", 4),
		ENUM_LABEL("1", 1), ENUM_LABEL("NSP", 0), ENUM_LABEL("Ne sait pas", 0),
		ENUM_LABEL("XXy", 5), ENUM_LABEL("Xxy", 6), ENUM_LABEL("Peu satisfait", 7),
		ENUM_END,
	};
	static const char *const texts[] = {
		"Très satisfait", "Assez satisfait", "Peu satisfait",
		"Pas du tout satisfait", "1", "NSP", "Ne sait pas", "XXy", "Xxy", "xxy",
		"tres satisfait", " Assez  satisfait ", "PEU SATISFAIT", "pas-du-tout satisfait",
		"nsp", "ne sait pas", "2", "Très", "Très satisfaits", "Trés satisfait",
		"Assez satisfai", "Peu satisfaiT", "", "   ", "\xC2\xA0NSP\xC2\xA0",
	};
	struct enum_index x;
	enum_index_init(&x, e);
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		size_t n = strlen(texts[t]);
		ck_assert_msg(field_enum_indexed(texts[t], n, &x) == field_enum(texts[t], n, e),
			      "'%s': %d, not %d", texts[t], field_enum_indexed(texts[t], n, &x),
			      field_enum(texts[t], n, e));
	}
	ck_assert_int_eq(field_enum_indexed("Xxy", 3, &x), 6);
	ck_assert_int_eq(field_enum_indexed("xxy", 3, &x), 5);
	ck_assert_int_eq(field_enum_indexed("Peu satisfait", 13, &x), 3);      /* the first */
	ck_assert_int_eq(field_enum_indexed("Pas du tout satisfait", 21, &x), 4);
	ck_assert_int_eq(field_enum_indexed(" pas du tout satisfait ", 23, &x), 4);
	ck_assert_int_eq(field_enum_indexed("Peu", 3, &x), -1);
}
END_TEST

Suite *fields_suite(void)
{
	Suite *s = suite_create("fields");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, dates_in_both_formats);
	tcase_add_test(tc, enumeration_labels_compared_byte_for_byte);
	tcase_add_test(tc, dates_checked_against_the_calendar);
	tcase_add_test(tc, dates_in_other_shapes_are_rejected);
	tcase_add_test(tc, french_numbers);
	tcase_add_test(tc, malformed_numbers_are_rejected);
	tcase_add_test(tc, numbers_at_any_precision);
	tcase_add_test(tc, values_rounded_for_readers);
	tcase_add_test(tc, yes_no_in_every_spelling);
	tcase_add_test(tc, enumerations_by_any_spelling);
	tcase_add_test(tc, an_indexed_enumeration_answers_as_the_list);
	suite_add_tcase(s, tc);
	/* hundreds of thousands of doubles each: 1 to 3 s under the
	 * sanitizers, past Check's 4 s default once CI's other jobs share
	 * the cores (values_written_read_back timed out so) */
	TCase *many = tcase_create("a million doubles");
	tcase_set_timeout(many, 300);
	tcase_add_test(many, numbers_as_strtod_reads_them);
	tcase_add_test(many, values_written_read_back);
	tcase_add_test(many, every_double_reads_back);
	suite_add_tcase(s, many);
	return s;
}
