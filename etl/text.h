/*
 * text.h — folding of names written by people into stable forms.
 *
 * Both forms fold the text to lower-case ASCII (accents removed through
 * GLib's transliteration) and keep only the runs of letters and digits:
 *   - a key joins the runs with nothing and also leaves out French
 *     elisions ("d'", "l'", "qu'" …) and the words "de", "du" and "des":
 *     "Date d'entrée", "DATE_ENTREE", "date entree" all give
 *     "dateentree", and "Date de naissance" gives "datenaissance" (used
 *     to match headers and enumeration labels);
 *   - a slug joins every run with '_', as figures.md defines dimension
 *     values: "Écluses du Nord" gives "ecluses_du_nord", "Fin de période
 *     d'essai" "fin_de_periode_d_essai".
 */
#ifndef CARNET_TEXT_H
#define CARNET_TEXT_H

#include <stddef.h>

/* Writes the key of s[0..len) into buf (capacity cap, always
 * NUL-terminated, cut if longer) and returns buf. */
char *text_key(const char *s, size_t len, char *buf, size_t cap);

/* Same as text_key, with '_' between the runs. */
char *text_slug(const char *s, size_t len, char *buf, size_t cap);

/* Moves *s and shortens *len so that ASCII spaces and tabs, U+00A0 and
 * U+202F (no-break spaces) at either end are left out. */
void text_trim_blanks(const char **s, size_t *len);
/* The bytes a blank starts with (bit 1: ' ', TAB, 0xC2 and 0xE2, the
 * first of U+00A0's and U+202F's) and ends with (bit 2: ' ', TAB, 0xA0,
 * 0xAF). */
extern const unsigned char text_blank_edge[256];
static inline void text_trim(const char **s, size_t *len)
{
	/* most fields: no blank at either end (a blank's first byte, and
	 * its last), seen here without a call, in two looks at a table */
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = *len;
	if (n > 0 && !((text_blank_edge[p[0]] & 1) | (text_blank_edge[p[n - 1]] & 2)))
		return;
	text_trim_blanks(s, len);
}

/* Removes from s (UTF-8, NUL-terminated, in place) what no edition may
 * carry: control characters but TAB, LF and CR (C0, DEL, C1), and the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which would reorder what a reader sees.  Returns how
 * many characters went. */
size_t text_drop_controls(char *s);

/* strcmp for arrays of char * (qsort, g_ptr_array_sort), which hand the
 * comparison pointers to the elements. */
int text_compare_indirect(const void *a, const void *b);

#endif
