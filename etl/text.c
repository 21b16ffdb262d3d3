/* text.c — see text.h. */
#include "text.h"

#include <stdbool.h>
#include <string.h>

#include <glib.h>

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Is the lower-case run a[0..n) a French word that elides before an
 * apostrophe ("d'", "l'", "qu'" …)? */
static bool is_elision(const char *a, size_t n)
{
	if (n == 1)
		return strchr("cdjlmnst", a[0]) != NULL;
	return n == 2 && a[0] == 'q' && a[1] == 'u';
}

/* Is the lower-case run a[0..n) "de", "du" or "des", which keys leave
 * out ("Date de naissance" is the column "date_naissance")? */
static bool is_connective(const char *s, size_t n)
{
	return (n == 2 && (memcmp(s, "de", 2) == 0 || memcmp(s, "du", 2) == 0)) ||
	       (n == 3 && memcmp(s, "des", 3) == 0);
}

/* Folds ASCII text s[0..len) into buf, runs joined by joiner; keys (no
 * joiner) also leave out the connectives. */
static void fold_ascii(const char *s, size_t len, char joiner, char *buf,
		       size_t cap)
{
	size_t o = 0, i = 0;

	while (i < len) {
		while (i < len && !is_alnum(g_ascii_tolower(s[i])))
			i++;
		size_t start = i;
		char run[4] = { 0 };
		while (i < len && is_alnum(g_ascii_tolower(s[i]))) {
			if (i - start < 3)
				run[i - start] = g_ascii_tolower(s[i]);
			i++;
		}
		size_t n = i - start;
		if (n == 0)
			break;
		/* keys drop elisions; slugs keep every run (figures.md) */
		if (!joiner && i < len && s[i] == '\'' && is_elision(run, n))
			continue;
		if (!joiner && is_connective(run, n))
			continue;
		if (o > 0 && joiner && o + 1 < cap)
			buf[o++] = joiner;
		for (size_t k = start; k < i && o + 1 < cap; k++)
			buf[o++] = g_ascii_tolower(s[k]);
	}
	buf[o] = '\0';
}

static char *fold(const char *s, size_t len, char joiner, char *buf,
		  size_t cap)
{
	if (cap == 0)
		return buf;
	size_t i = 0;
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	if (i == len) {         /* ASCII: the common case, no allocation */
		fold_ascii(s, len, joiner, buf, cap);
		return buf;
	}
	/* GLib transliterates "é" to "e", "œ" to "oe", "’" to "'", but only
	 * valid UTF-8: anything else is made valid first. */
	char *tmp = g_utf8_make_valid(s, (gssize)len);
	char *ascii = g_str_to_ascii(tmp, "C");
	fold_ascii(ascii, strlen(ascii), joiner, buf, cap);
	g_free(ascii);
	g_free(tmp);
	return buf;
}

char *text_key(const char *s, size_t len, char *buf, size_t cap)
{
	return fold(s, len, 0, buf, cap);
}

char *text_slug(const char *s, size_t len, char *buf, size_t cap)
{
	return fold(s, len, '_', buf, cap);
}

/* Length of a blank (space, tab, U+00A0, U+202F) starting at s, or 0. */
static size_t blank_at(const unsigned char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
		return 3;
	return 0;
}

/* Length of a blank ending at s + len, or 0. */
static size_t blank_before(const unsigned char *s, size_t len)
{
	if (len >= 1 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		return 1;
	if (len >= 2 && s[len - 2] == 0xC2 && s[len - 1] == 0xA0)
		return 2;
	if (len >= 3 && s[len - 3] == 0xE2 && s[len - 2] == 0x80 &&
	    s[len - 1] == 0xAF)
		return 3;
	return 0;
}

const unsigned char text_blank_edge[256] = {
	[' '] = 3, ['\t'] = 3, [0xC2] = 1, [0xE2] = 1, [0xA0] = 2, [0xAF] = 2,
};

void text_trim_blanks(const char **s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = *len, k;

	while ((k = blank_at(p, n)) > 0) {
		p += k;
		n -= k;
	}
	while ((k = blank_before(p, n)) > 0)
		n -= k;
	*s = (const char *)p;
	*len = n;
}

size_t text_drop_controls(char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *o = s;
	size_t dropped = 0;
	while (*p) {
		size_t n = 1;
		bool drop = (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			n = 2;                          /* C1 */
			drop = true;
		} else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) {
			n = 3;                          /* LRE RLE PDF LRO RLO */
			drop = true;
		} else if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9) {
			n = 3;                          /* LRI RLI FSI PDI */
			drop = true;
		}
		if (drop) {
			dropped++;
		} else {
			memmove(o, p, n);
			o += n;
		}
		p += n;
	}
	*o = '\0';
	return dropped;
}

int text_compare_indirect(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}
