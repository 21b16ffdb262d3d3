/* french.c — see french.h. */
#include "french.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double french_round(double v, int decimals)
{
	double q = pow(10, decimals);
	/* The nudge keeps 33.45 (stored as 33.4499…) rounding like the
	 * decimal number it stands for. */
	double r = round(v * q + (v >= 0 ? 1e-9 : -1e-9)) / q;
	return r == 0 ? 0 : r;
}

char *french_number(double v, int decimals, char *buf, size_t cap)
{
	char digits[64];
	size_t o = 0;

	snprintf(digits, sizeof digits, "%.*f", decimals, french_round(v, decimals));
	const char *p = digits;
	if (*p == '-') {
		if (o + 1 < cap)
			buf[o++] = '-';
		p++;
	}
	size_t whole = strcspn(p, ".");
	for (size_t i = 0; i < whole; i++) {
		if (i > 0 && (whole - i) % 3 == 0 && o + 3 < cap) {
			memcpy(buf + o, "\xE2\x80\xAF", 3);      /* U+202F */
			o += 3;
		}
		if (o + 1 < cap)
			buf[o++] = p[i];
	}
	if (p[whole] == '.') {
		if (o + 1 < cap)
			buf[o++] = ',';
		for (const char *q = p + whole + 1; *q && o + 1 < cap; q++)
			buf[o++] = *q;
	}
	buf[o < cap ? o : cap - 1] = '\0';
	return buf;
}
