/*
 * format.h — a figure as a reader of the carnet sees it, French style:
 * "61 078", "89 %", "2,8 M€", "269 990 €", "22 mai 2023", with no-break
 * spaces where French typography wants them (U+202F between thousands
 * and before %, U+00A0 before € and inside « »).
 */
#ifndef CARNET_FORMAT_H
#define CARNET_FORMAT_H

#include <stddef.h>

#include "layout.h"

/* Writes value in format with decimals places into buf (UTF-8). */
char *format_value(double value, enum value_format format, int decimals,
		   char *buf, size_t cap);

/* The value of the layout's entry e for the edition's year in t, as
 * chiffres.csv formats it, or "n.d." when t lacks it (a draft), into buf. */
char *format_entry(const struct layout *l, const struct figures *t,
		   const struct entry *e, char *buf, size_t cap);

/* The change from last year's value to this year's, signed: for a
 * percentage the difference in points ("+1,4 pt"), else the relative
 * change ("+3,2 %", "−0,5 %"), one decimal; "n.d." when last year's is 0. */
char *format_change(double now, double before, enum value_format format,
		    char *buf, size_t cap);

/* French typography on plain text (no markup): no-break spaces before
 * ; ! ? and % (narrow) and : (normal), inside « », typographic apostrophe
 * and quotes.  Returns a new string. */
char *format_typography(const char *text);

/* "22 mai 2023" for yyyymmdd. */
char *format_date(int yyyymmdd, char *buf, size_t cap);

#endif
