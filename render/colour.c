/* colour.c — see colour.h. */
#include "colour.h"

#include <math.h>

static double channel(uint32_t v)
{
	double s = (double)(v & 255) / 255;
	return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

double colour_luminance(uint32_t c)
{
	return 0.2126 * channel(c >> 16) + 0.7152 * channel(c >> 8) + 0.0722 * channel(c);
}

double colour_contrast(uint32_t a, uint32_t b)
{
	double la = colour_luminance(a), lb = colour_luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

uint32_t colour_darken(uint32_t c, uint32_t ground, double ratio)
{
	for (int k = 100; k >= 0; k--) {
		double f = k / 100.0;
		uint32_t d = (uint32_t)lround(((c >> 16) & 255) * f) << 16 |
			     (uint32_t)lround(((c >> 8) & 255) * f) << 8 |
			     (uint32_t)lround((c & 255) * f);
		if (colour_contrast(d, ground) >= ratio)
			return d;
	}
	return 0;
}

uint32_t colour_text_on(uint32_t ground)
{
	return colour_contrast(ground, 0xFFFFFF) >= colour_contrast(ground, 0)
		       ? 0xFFFFFF : 0;
}
