/* french.c — see french.h. */
#include "french.h"
#include "decimal.h"

#include <string.h>

char *french_number(double v, int decimals, char *buf, size_t cap)
{
	char digits[400];
	size_t o = 0;

	if (!decimal_fixed(v, decimals, digits, sizeof digits)) {
		buf[0] = '\0';
		return buf;
	}
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
