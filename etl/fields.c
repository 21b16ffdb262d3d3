/* fields.c — see fields.h. */
#include "fields.h"
#include "i18n.h"
#include "decimal.h"
#include "text.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

bool is_leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap_year(y) ? 29 : dim[m - 1];
}

/* Howard Hinnant's days_from_civil. */
day_t day_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void day_to_ymd(day_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* Reads 1 to max digits at s[*i]; returns the count read. */
static int digits(const char *s, size_t len, size_t *i, int max, int *val)
{
	int n = 0;
	*val = 0;
	while (*i < len && n < max && s[*i] >= '0' && s[*i] <= '9') {
		*val = *val * 10 + (s[*i] - '0');
		(*i)++;
		n++;
	}
	return n;
}

/* The form nearly every export writes every date in, dd/mm/yyyy with
 * both day and month on two digits, read at once (digit by digit, a date
 * took some 200 instructions, and most rows have one or two). */
static bool two_digit_form(const char *s, size_t len, int *y, int *m, int *d)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len != 10 || p[2] != '/' || p[5] != '/')
		return false;
	unsigned d0 = p[0] - '0', d1 = p[1] - '0', m0 = p[3] - '0', m1 = p[4] - '0',
		 y0 = p[6] - '0', y1 = p[7] - '0', y2 = p[8] - '0', y3 = p[9] - '0';
	if ((d0 > 9) | (d1 > 9) | (m0 > 9) | (m1 > 9) | (y0 > 9) | (y1 > 9) | (y2 > 9) |
	    (y3 > 9))
		return false;
	*d = (int)(d0 * 10 + d1);
	*m = (int)(m0 * 10 + m1);
	*y = (int)(((y0 * 10 + y1) * 10 + y2) * 10 + y3);
	return true;
}

const char *field_date(const char *s, size_t len, day_t *out)
{
	static const char *const format = "expected dd/mm/yyyy or yyyy-mm-dd";
	int y, m, d, n1, n2, n3;
	size_t i = 0;

	text_trim(&s, &len);
	if (two_digit_form(s, len, &y, &m, &d))
		goto in_calendar;
	n1 = digits(s, len, &i, 4, &d);
	if (n1 == 4) {                          /* yyyy-mm-dd */
		y = d;
		if (i >= len || s[i++] != '-' || digits(s, len, &i, 2, &m) != 2 ||
		    i >= len || s[i++] != '-' || digits(s, len, &i, 2, &d) != 2)
			return format;
	} else {                                /* dd/mm/yyyy */
		if (n1 < 1 || n1 > 2 || i >= len || s[i++] != '/')
			return format;
		n2 = digits(s, len, &i, 2, &m);
		if (n2 < 1 || i >= len || s[i++] != '/')
			return format;
		n3 = digits(s, len, &i, 4, &y);
		if (n3 != 4)
			return format;
	}
	if (i != len)
		return format;
in_calendar:
	if (m < 1 || m > 12)
		return N_("no such month");
	if (y < 1900 || y > 2100)
		return N_("year outside 1900-2100");
	if (d < 1 || d > days_in_month(y, m))
		return m == 2 && d == 29 ? "29 February in a year that is not a leap year"
					 : "no such day in that month";
	*out = day_from_ymd(y, m, d);
	return NULL;
}

/* Length of a thousands separator at s (space, U+00A0 no-break space,
 * U+202F narrow no-break space, U+2009 thin space), or 0. */
static size_t group_sep(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len >= 1 && p[0] == ' ')
		return 1;
	if (len >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (len >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xAF || p[2] == 0x89))
		return 3;
	return 0;
}

/* Removes a trailing "%" or "€" (and the blanks before it). */
static void drop_unit(const char *s, size_t *len)
{
	static const char euro[] = "\xE2\x82\xAC";
	if (*len >= 1 && s[*len - 1] == '%')
		*len -= 1;
	else if (*len >= 3 && memcmp(s + *len - 3, euro, 3) == 0)
		*len -= 3;
	else
		return;
	text_trim(&s, len);
}

/* Powers of ten that doubles hold exactly. */
static const double exact_pow10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The number field_number() checked, as decimal_read() reads it: the
 * sign, the digits without their separators, '.', the exponent as
 * written.  For what the fast path cannot take exactly. */
static double slow_value(const char *s, size_t len, bool *range)
{
	char small[128];
	char *buf = len + 2 <= sizeof small ? small : g_malloc(len + 2);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e' || c == 'E')
			buf[o++] = c;
		else if (c == ',' || c == '.')
			buf[o++] = '.';
		/* else a byte of a thousands separator */
	}
	buf[o] = '\0';
	double v = decimal_read(buf, range);
	if (buf != small)
		g_free(buf);
	return v;
}

const char *field_number(const char *s, size_t len, double *out)
{
	static const char *const notnum = N_("not a number");
	size_t i = 0;

	text_trim(&s, &len);
	drop_unit(s, &len);
	bool neg = false;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	/* m holds the significant digits while they are at most 19 (the
	 * fast path needs 15); scale counts the digits after the point. */
	uint64_t m = 0;
	int sig = 0, scale = 0;
	/* Integer part: a first group, then groups of exactly 3 digits after
	 * a separator (or none at all). */
	size_t group = 0;
	bool grouped = false;
	while (i < len) {
		size_t k;
		if (s[i] >= '0' && s[i] <= '9') {
			if (sig < 19)
				m = 10 * m + (uint64_t)(s[i] - '0');
			if (s[i] != '0' || sig > 0)
				sig++;
			group++;
			i++;
		} else if ((k = group_sep(s + i, len - i)) > 0) {
			if (group == 0 || (grouped && group != 3) || group > 3)
				return N_("thousands must be grouped by three digits");
			grouped = true;
			group = 0;
			i += k;
		} else {
			break;
		}
	}
	if (group == 0)
		return notnum;
	if (grouped && group != 3)
		return N_("thousands must be grouped by three digits");
	if (i < len && (s[i] == ',' || s[i] == '.')) {
		i++;
		size_t frac = i;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			if (sig < 19)
				m = 10 * m + (uint64_t)(s[i] - '0');
			if (s[i] != '0' || sig > 0)
				sig++;
			scale++;
		}
		if (i == frac)
			return notnum;
	}
	/* An exponent, as statistics software and spreadsheets write very
	 * small or large values ("1,5E-07"); never after thousands groups. */
	long e = 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		if (grouped)
			return N_("an exponent cannot follow thousands separators");
		i++;
		bool eneg = i < len && s[i] == '-';
		if (i < len && (s[i] == '-' || s[i] == '+'))
			i++;
		size_t first = i;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			if (e < 100000)
				e = 10 * e + (s[i] - '0');
		if (i == first)
			return notnum;
		e = eneg ? -e : e;
	}
	if (i < len)
		return notnum;
	/* Clinger's fast path: m below 10^15 < 2^53 and 10^|e| both exact
	 * doubles, one division or product is correctly rounded.  The rest
	 * goes to a correctly rounded conversion of the same digits. */
	long p = e - scale;
	double v;
	if (m == 0 && sig == 0) {
		v = 0;
	} else if (sig <= 15 && p >= -22 && p <= 22) {
		v = p < 0 ? (double)m / exact_pow10[-p] : (double)m * exact_pow10[p];
	} else {
		bool range;
		v = slow_value(s, len, &range);
		if (range)
			return N_("number out of range");
		*out = v;
		return NULL;
	}
	*out = neg ? -v : v;
	return NULL;
}

bool field_year(const char *s, int *out)
{
	if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
		return false;
	int y = atoi(s);
	if (y < 1900 || y > 2100)
		return false;
	*out = y;
	return true;
}

const char *field_yesno(const char *s, size_t len, bool *out)
{
	static const struct enum_label yesno[] = {
		/* as HR software writes them first: found without folding case */
		ENUM_LABEL("O", 1), ENUM_LABEL("N", 0), ENUM_LABEL("Oui", 1),
		ENUM_LABEL("Non", 0), ENUM_LABEL("X", 1), ENUM_LABEL("o", 1),
		ENUM_LABEL("oui", 1), ENUM_LABEL("1", 1), ENUM_LABEL("x", 1),
		ENUM_LABEL("n", 0), ENUM_LABEL("non", 0), ENUM_LABEL("0", 0),
		ENUM_END,
	};
	if (field_is_empty(s, len)) {
		*out = false;
		return NULL;
	}
	int v = field_enum(s, len, yesno);
	if (v < 0)
		return N_("expected O/N, Oui/Non, 1/0 or X/empty");
	*out = v == 1;
	return NULL;
}

void enum_index_init(struct enum_index *x, const struct enum_label *labels)
{
	x->labels = labels;
	memset(x->at, -1, sizeof x->at);
	for (int i = 0; labels[i].label; i++) {
		if (labels[i].len == 0)
			continue;       /* (no text trimmed to nothing is looked up) */
		signed char *at = &x->at[enum_slot(labels[i].label, labels[i].len)];
		*at = *at == -1 && i <= SCHAR_MAX ? (signed char)i : -2;
	}
}

int field_enum_spelt(const char *s, size_t len, const struct enum_label *labels)
{
	char key[FIELD_ENUM_MAX], lkey[FIELD_ENUM_MAX];

	/* as in the list but for ASCII case first, without folding accents,
	 * the costly part */
	for (const struct enum_label *l = labels; l->label; l++)
		if (l->len == len && g_ascii_strncasecmp(l->label, s, len) == 0)
			return l->value;
	text_key(s, len, key, sizeof key);
	if (!*key)
		return -1;
	for (const struct enum_label *l = labels; l->label; l++)
		if (strcmp(key, text_key(l->label, l->len, lkey, sizeof lkey)) == 0)
			return l->value;
	return -1;
}
