/*
 * markup.h — what the parts of the web edition (the site, its articles,
 * charts, photos and faces) share beneath them: escaping text for HTML,
 * and putting a file into the edition's folder.
 */
#ifndef CARNET_HTML_MARKUP_H
#define CARNET_HTML_MARKUP_H

#include <stddef.h>

/* text, escaped for HTML (a new string); html_attr() also drops its
 * soft hyphens, for an attribute (alt, aria-label). */
char *html_escape(const char *text);
char *html_attr(const char *text);

/* The SVG cairo wrote, its surfaces' ids ("surface176": cairo numbers
 * every surface a process makes) numbered from 1 in the order they
 * appear, so that the bytes do not depend on what the process drew
 * before (a new string). */
char *html_svg_own_numbers(const char *svg);

/* Writes data as the file name (may hold folders) of the folder dir;
 * 0, or -1. */
int html_put(const char *dir, const char *name, const void *data, size_t n);

#endif
