/* format.c — see format.h. */
#include "format.h"

#include <math.h>

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "../etl/french.h"

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"

char *format_date(int v, char *buf, size_t cap)
{
	static const char *const months[] = {
		"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		"août", "septembre", "octobre", "novembre", "décembre",
	};
	int y = v / 10000, m = v / 100 % 100, d = v % 100;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		snprintf(buf, cap, "%d", v);
	else if (d == 1)
		snprintf(buf, cap, "1er" NBSP "%s" NBSP "%d", months[m - 1], y);
	else
		snprintf(buf, cap, "%d" NBSP "%s" NBSP "%d", d, months[m - 1], y);
	return buf;
}

char *format_value(double value, enum value_format format, int decimals,
		   char *buf, size_t cap)
{
	char num[64];
	switch (format) {
	case FMT_POURCENT:
		snprintf(buf, cap, "%s" NNBSP "%%", french_number(value, decimals, num, sizeof num));
		break;
	case FMT_EUROS:
		snprintf(buf, cap, "%s" NBSP "€", french_number(value, decimals, num, sizeof num));
		break;
	case FMT_MILLIONS_EUROS:
		snprintf(buf, cap, "%s" NBSP "M€",
			 french_number(value / 1e6, decimals, num, sizeof num));
		break;
	case FMT_DATE:
		format_date((int)value, buf, cap);
		break;
	case FMT_NOMBRE:
		french_number(value, decimals, buf, cap);
		break;
	}
	return buf;
}

char *format_change(double now, double before, enum value_format format,
		    char *buf, size_t cap)
{
	char num[64];
	bool points = format == FMT_POURCENT;
	if (!points && before == 0) {
		snprintf(buf, cap, "n.d.");
		return buf;
	}
	double d = points ? now - before : 100.0 * (now - before) / fabs(before);
	double r = round(fabs(d) * 10) / 10;
	/* the minus sign U+2212, as French typography prints it */
	const char *sign = r == 0 ? "" : d > 0 ? "+" : "\xE2\x88\x92";
	french_number(r, 1, num, sizeof num);
	snprintf(buf, cap, "%s%s" "%s", sign, num, points ? NBSP "pt" : NNBSP "%");
	return buf;
}

/* Is the byte before position i a space that typography must tie? */
static bool space_before(const GString *s)
{
	return s->len > 0 && s->str[s->len - 1] == ' ';
}

char *format_typography(const char *text)
{
	GString *s = g_string_sized_new(strlen(text) + 16);
	bool open_quote = true;

	for (const char *p = text; *p; p++) {
		char c = *p;
		if (c == ';' || c == '!' || c == '?' || c == '%' || c == ':') {
			/* "x :" -> "x :" tied; "x:" gets its space too, but not
			 * "10:30" or "https:" */
			bool spaced = space_before(s);
			bool word = s->len > 0 && g_ascii_isalpha(s->str[s->len - 1]);
			if (spaced)
				g_string_truncate(s, s->len - 1);
			if (spaced || (word && c != ':' && c != '%') ||
			    (word && c == ':' && (p[1] == ' ' || !p[1])))
				g_string_append(s, c == ':' ? NBSP : NNBSP);
			g_string_append_c(s, c);
		} else if (c == '\'') {
			g_string_append(s, "\xE2\x80\x99");     /* ’ */
		} else if (c == '"') {
			if (open_quote)
				g_string_append(s, "«" NBSP);
			else {
				if (space_before(s))
					g_string_truncate(s, s->len - 1);
				g_string_append(s, NBSP "»");
			}
			open_quote = !open_quote;
			if (!open_quote && p[1] == ' ')
				p++;                    /* the space after « */
		} else if (!strncmp(p, "« ", 3)) {
			g_string_append(s, "«" NBSP);
			p += 2;
		} else if (c == ' ' && !strncmp(p + 1, "»", 2)) {
			g_string_append(s, NBSP);
		} else {
			g_string_append_c(s, c);
		}
	}
	return g_string_free(s, FALSE);
}

char *format_entry(const struct layout *l, const struct figures *t,
		   const struct entry *e, char *buf, size_t cap)
{
	const struct figure *f = figures_for_year(t, e->indicator, e->dims, l->year);
	if (f)
		return format_value(f->value, e->format, e->decimals, buf, cap);
	g_strlcpy(buf, "n.d.", cap);
	return buf;
}
