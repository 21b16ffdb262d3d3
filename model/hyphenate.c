/* hyphenate.c — see hyphenate.h. */
#include "hyphenate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <hyphen.h>

#define PATTERNS "/usr/share/hyphen/hyph_fr.dic"
#define SHY "\xC2\xAD"

static HyphenDict *dict;
static bool tried;

static HyphenDict *patterns(void)
{
	if (!tried) {
		tried = true;
		dict = hnj_hyphen_load(PATTERNS);
	}
	return dict;
}

void hyphenate_release(void)
{
	if (dict)
		hnj_hyphen_free(dict);
	dict = NULL;
	tried = false;
}

/* Appends the word w[0..len) to out with its hyphenation points. */
static void word(GString *out, const char *w, size_t len)
{
	size_t letters = (size_t)g_utf8_strlen(w, (gssize)len);
	char *lower = g_utf8_strdown(w, (gssize)len);
	bool capitals = g_utf8_get_char(w) != g_utf8_get_char(lower) &&
			g_utf8_strlen(w, (gssize)len) > 1 &&
			g_unichar_isupper(g_utf8_get_char(g_utf8_next_char(w)));
	if (letters < 6 || capitals || strlen(lower) != len || !patterns()) {
		g_string_append_len(out, w, (gssize)len);
		g_free(lower);
		return;
	}
	char *hyphens = g_malloc(len + 5);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	if (hnj_hyphen_hyphenate3(dict, lower, (int)len, hyphens, NULL, &rep, &pos,
				  &cut, 2, 3, 2, 3) != 0) {
		g_string_append_len(out, w, (gssize)len);
	} else {
		/* with a UTF-8 dictionary the points count characters, not
		 * bytes: an odd value is a point after that character */
		size_t ci = 0;
		for (const char *c = w; c < w + len; c = g_utf8_next_char(c), ci++) {
			g_string_append_len(out, c, g_utf8_next_char(c) - c);
			if ((hyphens[ci] & 1) && g_utf8_next_char(c) < w + len)
				g_string_append(out, SHY);
		}
	}
	if (rep) {
		for (size_t i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	g_free(hyphens);
	g_free(lower);
}

char *hyphenate_text(const char *text)
{
	GString *out = g_string_sized_new(strlen(text) * 11 / 10);
	const char *p = text;
	while (*p) {
		const char *start = p;
		while (*p && g_unichar_isalpha(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		if (p > start) {
			/* a word glued to digits or "_" stays whole */
			gunichar before = start == text ? ' ' :
					  g_utf8_get_char(g_utf8_prev_char(start));
			bool plain = !g_unichar_isalnum(before) && before != '_' &&
				     !g_unichar_isdigit(g_utf8_get_char(p)) && *p != '_';
			if (plain)
				word(out, start, (size_t)(p - start));
			else
				g_string_append_len(out, start, p - start);
			continue;
		}
		const char *next = g_utf8_next_char(p);
		g_string_append_len(out, p, next - p);
		p = next;
	}
	return g_string_free(out, FALSE);
}
