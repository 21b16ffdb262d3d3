/*
 * decimal.h — doubles as decimal text, both ways, whatever the locale.
 *
 * A value written for a program (the figures table, the stages' files) is
 * the shortest decimal that reads back to the same double: decimal_write().
 * A value written for a reader is rounded: decimal_fixed() rounds the
 * decimal a double stands for — its shortest text, so that 33.45, stored
 * as 33.4499…, rounds as it is written — half away from zero.  Reading is
 * field_number()'s (fields.h); its slow path is decimal_read().
 *
 * Nothing here looks at LC_NUMERIC: the decimal mark is always '.'.
 */
#ifndef CARNET_DECIMAL_H
#define CARNET_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>

/* Significant digits that make any double read back (IEEE 754 binary64). */
#define DECIMAL_DIGITS 17

/* Room for decimal_write()'s longest text and its NUL. */
#define DECIMAL_TEXT 40

/* The fewest significant digits of |v| (finite) that read back to v, into
 * digits[DECIMAL_DIGITS + 1] without leading or trailing zeros, and the
 * power of ten of the first one: |v| = d.ddd… × 10^*exp.  Zero gives "0"
 * and 0.  Returns the count of digits. */
int decimal_shortest(double v, char *digits, int *exp);

/* v (finite) as the figures table writes it: the shortest text that reads
 * back to v, plain from 1e-10 to below 1e21 ("0.0000001", "1500000"),
 * with an exponent beyond ("1e-12", "1.5e+300"); "0" for -0.  buf holds
 * DECIMAL_TEXT bytes. */
char *decimal_write(double v, char *buf);

/* v rounded half away from zero to decimals places (0 to 20), written with
 * exactly that many decimals after a '.' ("-3.50"; no "-0").  Returns buf,
 * or NULL when cap is too small. */
char *decimal_fixed(double v, int decimals, char *buf, size_t cap);

/* The double nearest to s (ASCII: sign, digits, '.', 'e' exponent; any
 * count of digits), ties to even; errno is left as it was.  *range is set when the value is beyond
 * the largest double (the result is then ±infinity); values below the
 * smallest denormal read as 0, as correct rounding gives. */
double decimal_read(const char *s, bool *range);

#endif
