/* fields.c — see fields.h. */
#include "fields.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

bool field_is_empty(const char *s, size_t len)
{
	text_trim(&s, &len);
	return len == 0;
}

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

const char *field_date(const char *s, size_t len, day_t *out)
{
	static const char *const format = "expected dd/mm/yyyy or yyyy-mm-dd";
	int y, m, d, n1, n2, n3;
	size_t i = 0;

	text_trim(&s, &len);
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
	if (m < 1 || m > 12)
		return "no such month";
	if (y < 1900 || y > 2100)
		return "year outside 1900-2100";
	if (d < 1 || d > days_in_month(y, m))
		return m == 2 && d == 29 ? "29 February in a year that is not a leap year"
					 : "no such day in that month";
	*out = day_from_ymd(y, m, d);
	return NULL;
}

/* Length of a thousands separator at s (space, U+00A0, U+202F), or 0. */
static size_t group_sep(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len >= 1 && p[0] == ' ')
		return 1;
	if (len >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (len >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF)
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

/* The value of buf ("-12.50": a sign, at most 15 significant digits, a
 * point), as strtod gives it.  With at most 15 digits the digits make an
 * integer m below 2^53 and m / 10^k is one correctly rounded division of
 * two exact doubles (10^k is exact up to 10^22): strtod's own result,
 * without its cost (Clinger's fast path); strtod for the rest. */
static double decimal(const char *buf)
{
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
	};
	const char *p = buf;
	bool neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	uint64_t m = 0;
	int digits = 0, k = -1;
	for (; *p; p++) {
		if (*p == '.') {
			k = 0;
			continue;
		}
		m = 10 * m + (uint64_t)(*p - '0');
		if (m > 0)
			digits++;
		if (k >= 0)
			k++;
	}
	if (digits > 15 || k > 22)
		return strtod(buf, NULL);
	double v = k > 0 ? (double)m / pow10[k] : (double)m;
	return neg ? -v : v;
}

const char *field_number(const char *s, size_t len, double *out)
{
	static const char *const notnum = "not a number";
	char buf[64];
	size_t o = 0, i = 0;
	int sig = 0;

	text_trim(&s, &len);
	drop_unit(s, &len);
	if (i < len && (s[i] == '-' || s[i] == '+'))
		buf[o++] = s[i++];
	/* Integer part: a first group, then groups of exactly 3 digits after
	 * a separator (or none at all). */
	size_t group = 0;
	bool grouped = false;
	while (i < len) {
		size_t k;
		if (s[i] >= '0' && s[i] <= '9') {
			if (sig < 16 && o < sizeof buf - 2)
				buf[o++] = s[i];
			if (s[i] != '0' || sig > 0)
				sig++;
			group++;
			i++;
		} else if ((k = group_sep(s + i, len - i)) > 0) {
			if (group == 0 || (grouped && group != 3) || group > 3)
				return "thousands must be grouped by three digits";
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
		return "thousands must be grouped by three digits";
	if (i < len && (s[i] == ',' || s[i] == '.')) {
		buf[o++] = '.';
		i++;
		size_t frac = 0;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			if (sig < 16 && o < sizeof buf - 1)
				buf[o++] = s[i];
			if (s[i] != '0' || sig > 0)
				sig++;
			frac++;
			i++;
		}
		if (frac == 0)
			return notnum;
	}
	if (i < len)
		return (s[i] == 'e' || s[i] == 'E') ? "exponents are not accepted"
						     : notnum;
	if (sig > 15)
		return "more than 15 significant digits";
	buf[o] = '\0';
	double v = decimal(buf);
	if (!isfinite(v))
		return "number out of range";
	*out = v;
	return NULL;
}

const char *field_yesno(const char *s, size_t len, bool *out)
{
	static const struct enum_label yesno[] = {
		{ "o", 1 }, { "oui", 1 }, { "1", 1 }, { "x", 1 },
		{ "n", 0 }, { "non", 0 }, { "0", 0 }, { NULL, 0 },
	};
	if (field_is_empty(s, len)) {
		*out = false;
		return NULL;
	}
	int v = field_enum(s, len, yesno);
	if (v < 0)
		return "expected O/N, Oui/Non, 1/0 or X/empty";
	*out = v == 1;
	return NULL;
}

int field_enum(const char *s, size_t len, const struct enum_label *labels)
{
	char key[128], lkey[128];

	text_trim(&s, &len);
	if (len >= sizeof key)          /* no label is that long */
		return -1;
	/* Software writes a label the same way on every row: spelt as in the
	 * list it is found at once, then as in the list but for ASCII case,
	 * without folding accents, the costly part. */
	if (len == 0)
		return -1;
	/* (strnlen first: s may hold a NUL, which must not end a match) */
	for (const struct enum_label *l = labels; l->label; l++)
		if (l->label[0] == s[0] && strnlen(l->label, len + 1) == len &&
		    memcmp(l->label, s, len) == 0)
			return l->value;
	for (const struct enum_label *l = labels; l->label; l++)
		if (strnlen(l->label, len + 1) == len && g_ascii_strncasecmp(l->label, s, len) == 0)
			return l->value;
	text_key(s, len, key, sizeof key);
	if (!*key)
		return -1;
	for (const struct enum_label *l = labels; l->label; l++)
		if (strcmp(key, text_key(l->label, strlen(l->label), lkey,
					 sizeof lkey)) == 0)
			return l->value;
	return -1;
}
