/* accents.c — see accents.h. */
#include "accents.h"

#include <string.h>

#include <glib.h>
#include <hunspell.h>

#define DICTIONARY "/usr/share/hunspell/fr_FR"

static Hunhandle *dict;

bool accents_open(void)
{
	if (!dict && g_file_test(DICTIONARY ".dic", G_FILE_TEST_EXISTS) &&
	    g_file_test(DICTIONARY ".aff", G_FILE_TEST_EXISTS))
		dict = Hunspell_create(DICTIONARY ".aff", DICTIONARY ".dic");
	return dict != NULL;
}

void accents_close(void)
{
	if (dict)
		Hunspell_destroy(dict);
	dict = NULL;
}

/* Does one of word's analyses hold tag ("po:ppas")? */
static bool tagged(const char *word, const char *tag)
{
	char **list = NULL;
	int n = Hunspell_analyze(dict, &list, word);
	bool found = false;
	for (int i = 0; i < n && !found; i++)
		found = strstr(list[i], tag) != NULL;
	Hunspell_free_list(dict, &list, n);
	return found;
}

static bool qualifies(const char *word)
{
	return tagged(word, "po:ppas") || tagged(word, "po:adj");
}

/* How many è and ê s holds: é is by far the commonest, tried first. */
static int grave_or_circumflex(const char *s)
{
	int n = 0;
	for (const char *p = strstr(s, "\xC3"); p; p = strstr(p + 1, "\xC3"))
		n += p[1] == '\xA8' || p[1] == '\xAA';
	return n;
}

/* Fewest accents first (each adds a byte), then é before è and ê. */
static int by_accents(gconstpointer a, gconstpointer b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	size_t lx = strlen(x), ly = strlen(y);
	if (lx != ly)
		return lx < ly ? -1 : 1;
	return grave_or_circumflex(x) - grave_or_circumflex(y);
}

/* Every spelling of word with some of its (at most four) e's accented, é,
 * è or ê, that the dictionary knows, fewest accents first, then é before
 * è and ê. */
static GPtrArray *accented(const char *word)
{
	GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
	size_t at[4], n = 0;
	for (size_t i = 0; word[i] && n < 4; i++)
		if (word[i] == 'e')
			at[n++] = i;
	static const char *const marks[] = { "e", "é", "è", "ê" };
	int combos = 1 << (2 * (int)n);
	for (int accents = 1; accents <= (int)n; accents++)
		for (int c = 1; c < combos; c++) {
			int used = 0;
			for (size_t k = 0; k < n; k++)
				used += ((c >> (2 * k)) & 3) != 0;
			if (used != accents)
				continue;
			GString *s = g_string_new("");
			size_t from = 0;
			for (size_t k = 0; k < n; k++) {
				g_string_append_len(s, word + from, (gssize)(at[k] - from));
				g_string_append(s, marks[(c >> (2 * k)) & 3]);
				from = at[k] + 1;
			}
			g_string_append(s, word + from);
			if (Hunspell_spell(dict, s->str))
				g_ptr_array_add(found, g_string_free(s, FALSE));
			else
				g_string_free(s, TRUE);
		}
	g_ptr_array_sort(found, by_accents);
	return found;
}

static char *restore_word(const char *word, bool first)
{
	bool known = Hunspell_spell(dict, word);
	if (known && (first || qualifies(word)))
		return g_strdup(word);
	GPtrArray *v = accented(word);
	const char *pick = NULL;
	for (guint i = 0; i < v->len && !pick; i++)
		if (first ? tagged(v->pdata[i], "po:nom") : qualifies(v->pdata[i]))
			pick = v->pdata[i];
	if (!pick && !known && v->len)
		pick = v->pdata[0];
	char *r = g_strdup(pick ? pick : word);
	g_ptr_array_free(v, TRUE);
	return r;
}

char *accents_restore(const char *words)
{
	if (!dict)
		return g_strdup(words);
	char **w = g_strsplit(words, " ", -1);
	for (char **p = w; *p; p++) {
		if (!**p)
			continue;
		char *r = restore_word(*p, p == w);
		g_free(*p);
		*p = r;
	}
	char *out = g_strjoinv(" ", w);
	g_strfreev(w);
	return out;
}
