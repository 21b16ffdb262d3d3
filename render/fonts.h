/*
 * fonts.h — the only fonts the PDF may use: those of fonts/, through a
 * fontconfig configuration of their own (fonts/fonts.conf, no system or
 * user file, no cache), so that whatever is installed on the machine, or
 * FONTCONFIG_FILE and HOME, cannot change the carnet.
 */
#ifndef CARNET_FONTS_H
#define CARNET_FONTS_H

#include <stdbool.h>

#include <pango/pangocairo.h>

/* A font map over the fonts of dir (the folder of fonts.conf); NULL with
 * a message in *error (to free) when the configuration cannot be read or
 * holds no font. */
PangoFontMap *fonts_open(const char *dir, char **error);

/* True when map has a face of family (as fontconfig names it). */
bool fonts_have(PangoFontMap *map, const char *family);

/* A context over map for drawing at 72 units an inch (points), as both
 * renderers draw: no hinting of outlines or metrics, and glyphs where
 * the font puts them (pango otherwise rounds them to whole points, which
 * spaces letters unevenly). */
PangoContext *fonts_context(PangoFontMap *map);

/* A layout of text in family (one of the map's), weight and size (in
 * points, absolute), wrapped at width w (0: not wrapped): what the PDF's
 * pages and its charts both set text with. */
PangoLayout *fonts_layout(PangoContext *ctx, const char *text, const char *family,
			  PangoWeight weight, double size, double w);

/* "Lato, Kaushan Script": the families of map (to free). */
char *fonts_families(PangoFontMap *map);

#endif
