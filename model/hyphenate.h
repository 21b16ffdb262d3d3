/*
 * hyphenate.h — French hyphenation points, as soft hyphens (U+00AD) that
 * pango breaks lines at, from libhyphen and Debian's hyphen-fr patterns.
 * Words shorter than six letters, words with digits and words in capitals
 * are left whole; at least two letters stay before a break, three after.
 */
#ifndef CARNET_HYPHENATE_H
#define CARNET_HYPHENATE_H

/* Returns a copy of text with soft hyphens at the hyphenation points. */
char *hyphenate_text(const char *text);

/* Frees the patterns (at exit). */
void hyphenate_release(void);

#endif
