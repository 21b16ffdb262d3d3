/* decimal.c — see decimal.h. */
#include "decimal.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

double decimal_read(const char *s, bool *range)
{
	/* glibc's strtod is correctly rounded for any count of digits;
	 * g_ascii_strtod calls it in the C locale.  errno is the caller's:
	 * a writer formatting values reports its own write error after. */
	int saved = errno;
	double v = g_ascii_strtod(s, NULL);
	*range = isinf(v);
	errno = saved;
	return v;
}

/* The n significant digits and exponent %e gives for |v|, as decimal.h's
 * digits (trailing zeros kept).  Only digits are taken from the text, so
 * the locale's decimal mark does not matter. */
static void e_digits(double v, int n, char *digits, int *exp)
{
	char text[48];
	snprintf(text, sizeof text, "%.*e", n - 1, fabs(v));
	int o = 0;
	const char *p = text;
	for (; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9')
			digits[o++] = *p;
	digits[o] = '\0';
	*exp = atoi(p + 1);
}

static double digits_value(const char *digits, int exp)
{
	char text[DECIMAL_DIGITS + 16];
	snprintf(text, sizeof text, "%c.%se%d", digits[0], digits + 1, exp);
	bool range;
	return decimal_read(text, &range);
}

int decimal_shortest(double v, char *digits, int *exp)
{
	if (v == 0) {
		strcpy(digits, "0");
		*exp = 0;
		return 1;
	}
	/* A whole number below 2^53 is its own shortest text: any shorter
	 * one is a whole unit away, more than half its spacing.  Most
	 * figures are counts: no printf and strtod for them. */
	if (fabs(v) < 0x1p53 && v == trunc(v)) {
		char rev[20];
		int n = 0;
		uint64_t u = (uint64_t)fabs(v);        /* 1 or more */
		do
			rev[n++] = (char)('0' + u % 10);
		while ((u /= 10) != 0);
		*exp = n - 1;
		int k = 0;
		while (rev[k] == '0')       /* trailing zeros: the exponent's */
			k++;
		for (int i = 0; i < n - k; i++)
			digits[i] = rev[n - 1 - i];
		digits[n - k] = '\0';
		return n - k;
	}
	/* 15 digits read back for most values met; a double needs 17 at
	 * most.  Rounded to 15, a value whose shortest text is shorter gives
	 * that text followed by zeros — unless it is a denormal, which has
	 * fewer bits than 15 digits tell apart: those are tried from 1. */
	for (int n = fabs(v) < DBL_MIN ? 1 : 15; n <= DECIMAL_DIGITS; n++) {
		e_digits(v, n, digits, exp);
		if (n == DECIMAL_DIGITS || digits_value(digits, *exp) == fabs(v))
			break;
	}
	int n = (int)strlen(digits);
	while (n > 1 && digits[n - 1] == '0')
		digits[--n] = '\0';
	return n;
}

char *decimal_write(double v, char *buf)
{
	char d[DECIMAL_DIGITS + 1];
	int exp, n = decimal_shortest(v, d, &exp);
	char *o = buf;
	if (v < 0)
		*o++ = '-';
	if (v == 0) {
		strcpy(buf, "0");
	} else if (exp < -10 || exp >= 21) {
		*o++ = d[0];
		if (n > 1)
			o += sprintf(o, ".%s", d + 1);
		sprintf(o, "e%+d", exp);
	} else if (exp < 0) {
		*o++ = '0';
		*o++ = '.';
		for (int i = -1; i > exp; i--)
			*o++ = '0';
		strcpy(o, d);
	} else {
		for (int i = 0; i <= exp; i++)
			*o++ = i < n ? d[i] : '0';
		if (n > exp + 1)
			o += sprintf(o, ".%s", d + exp + 1);
		*o = '\0';
	}
	return buf;
}

char *decimal_fixed(double v, int decimals, char *buf, size_t cap)
{
	char d[DECIMAL_DIGITS + 2];
	int exp, n = decimal_shortest(v, d, &exp);
	/* Keep the digits down to 10^-decimals, then round on the next one:
	 * r holds the kept digits, as many as the integer part needs. */
	int keep = exp + 1 + decimals;
	char r[400 + DECIMAL_DIGITS];
	int len;
	if (keep > (int)sizeof r - 2 || decimals < 0 || decimals > 20)
		return NULL;
	if (keep <= 0) {
		len = 1;
		r[0] = keep == 0 && d[0] >= '5' ? '1' : '0';
	} else {
		for (len = 0; len < keep; len++)
			r[len] = len < n ? d[len] : '0';
		if (keep < n && d[keep] >= '5') {
			int i = len - 1;
			while (i >= 0 && r[i] == '9')
				r[i--] = '0';
			if (i >= 0) {
				r[i]++;
			} else {                /* 999.5 -> 1000 */
				memmove(r + 1, r, (size_t)len++);
				r[0] = '1';
			}
		}
	}
	/* r is the rounded value times 10^decimals: put the point back. */
	while (len < decimals + 1) {
		memmove(r + 1, r, (size_t)len++);
		r[0] = '0';
	}
	r[len] = '\0';
	bool zero = strspn(r, "0") == (size_t)len;
	size_t need = (size_t)len + 3;
	if (cap < need)
		return NULL;
	char *o = buf;
	if (v < 0 && !zero)
		*o++ = '-';
	memcpy(o, r, (size_t)(len - decimals));
	o += len - decimals;
	if (decimals > 0) {
		*o++ = '.';
		memcpy(o, r + len - decimals, (size_t)decimals);
		o += decimals;
	}
	*o = '\0';
	return buf;
}
