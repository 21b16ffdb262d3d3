/*
 * colour.h — colours as WCAG 2.1 weighs them: the contrast ratio of two
 * colours (1 to 21), and a colour darkened until text in it on white (or
 * white text on it) reaches a ratio.  The web edition writes its text in
 * the edition's colours through it; the charts pick a letter's colour on
 * a coloured ground with it.
 */
#ifndef CARNET_COLOUR_H
#define CARNET_COLOUR_H

#include <stdint.h>

/* Relative luminance of 0xRRGGBB, 0 (black) to 1 (white). */
double colour_luminance(uint32_t c);

/* (L1 + 0.05) / (L2 + 0.05), the lighter over the darker. */
double colour_contrast(uint32_t a, uint32_t b);

/* c, or c darkened (its hue kept, scaled towards black in small steps)
 * until its contrast with ground is at least ratio. */
uint32_t colour_darken(uint32_t c, uint32_t ground, double ratio);

/* Black or white, whichever reads better on ground. */
uint32_t colour_text_on(uint32_t ground);

#endif
