/*
 * french.h — numbers as a French reader expects them: "61 078",
 * "55,6", "2,8" (for 2,8 M€).  Thousands are separated by U+202F (narrow
 * no-break space), the decimal mark is a comma, and there is no "-0".
 */
#ifndef CARNET_FRENCH_H
#define CARNET_FRENCH_H

#include <stddef.h>

/* Writes v rounded half away from zero to decimals places into buf. */
char *french_number(double v, int decimals, char *buf, size_t cap);

/* Rounds half away from zero to decimals places, as the printed figure
 * does (so that tests compare what readers see). */
double french_round(double v, int decimals);

#endif
