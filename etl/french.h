/*
 * french.h — numbers as a French reader expects them: "61 078",
 * "55,6", "2,8" (for 2,8 M€).  Thousands are separated by U+202F (narrow
 * no-break space), the decimal mark is a comma, and there is no "-0".
 */
#ifndef CARNET_FRENCH_H
#define CARNET_FRENCH_H

#include <stddef.h>

/* Writes v rounded half away from zero to decimals places (0 to 20) into
 * buf: the decimal v stands for is rounded (decimal_fixed()), so 33.45,
 * stored as 33.4499…, prints "33,5" at one decimal. */
char *french_number(double v, int decimals, char *buf, size_t cap);

#endif
