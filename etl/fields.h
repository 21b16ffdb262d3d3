/*
 * fields.h — typed parsers for the values found in exports.
 *
 * Each parser takes the field as bytes (UTF-8, not necessarily
 * NUL-terminated), ignores blanks around it (spaces, no-break spaces) and
 * returns NULL on success or a static English reason on failure.  Reasons
 * never contain the value, so that callers can use them for personal
 * columns; the caller quotes the value itself when the column is not
 * personal.  An empty field is reported by the caller, never here: check
 * field_is_empty() first.
 */
#ifndef CARNET_FIELDS_H
#define CARNET_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text.h"

/* A calendar date as a day number (0 = 1970-01-01), so that dates compare
 * and subtract as integers. */
typedef int32_t day_t;

/* True when s[0..len) holds nothing but blanks.  (Inline, as
 * field_enum's first look: the survey asks both eight times a row.) */
static inline bool field_is_empty(const char *s, size_t len)
{
	text_trim(&s, &len);
	return len == 0;
}

/* Dates "dd/mm/yyyy" (day and month may have one digit) or "yyyy-mm-dd",
 * checked against the calendar (31/02 and 29/02 of a non-leap year are
 * rejected), years 1900 to 2100. */
const char *field_date(const char *s, size_t len, day_t *out);

/* Numbers as software writes them: optional sign, digits in groups of
 * three separated by spaces, U+00A0, U+202F or U+2009 ("14 893,5"), a decimal
 * comma or point, an optional exponent ("1,5E-07", "2.5e+21"; not after
 * thousands groups), an optional trailing "%" or "€".  Any count of digits:
 * *out is the double nearest to the decimal written (ties to even), -0 and
 * denormals included.  No infinity or NaN word; a value beyond the largest
 * double is refused ("number out of range"). */
const char *field_number(const char *s, size_t len, double *out);

/* A year as people write it in settings and options: exactly four digits,
 * 1900 to 2100 ("2023"; not " 2023", "2023abc" or "+2023"). */
bool field_year(const char *s, int *out);

/* Yes/no: O/N, Oui/Non, 1/0, X/empty (any case).  Empty means no. */
const char *field_yesno(const char *s, size_t len, bool *out);

/* One accepted spelling of an enumeration and the value it stands for,
 * and the spelling's length (written ENUM_LABEL("Oui", 1): the length is
 * the compiler's); lists end with ENUM_END.  Spellings are compared as
 * keys (text.h): case, accents, spaces and punctuation do not matter. */
struct enum_label {
	const char *label;
	int value;
	size_t len;             /* strlen(label) */
};
#define ENUM_LABEL(text, v) { (text), (v), sizeof(text) - 1 }
#define ENUM_END { NULL, 0, 0 }

/* a[0, n) == b[0, n), for the few bytes of a label: from 8 to 16 bytes
 * two words that may overlap, fewer a byte at a time, not a call to
 * memcmp (the HR register's O/N, F/H and CDI, five a row). */
static inline bool field_same_bytes(const char *a, const char *b, size_t n)
{
	if (n < 8) {
		for (size_t i = 0; i < n; i++)
			if (a[i] != b[i])
				return false;
		return true;
	}
	if (n <= 16) {
		uint64_t a0, b0, a1, b1;
		memcpy(&a0, a, 8);
		memcpy(&b0, b, 8);
		memcpy(&a1, a + n - 8, 8);
		memcpy(&b1, b + n - 8, 8);
		return ((a0 ^ b0) | (a1 ^ b1)) == 0;
	}
	return memcmp(a, b, n) == 0;
}

#define FIELD_ENUM_MAX 128      /* bytes: no label is that long */

/* The value of trimmed s[0..len) (1 to FIELD_ENUM_MAX - 1 bytes) when
 * a label matches it spelt another way, or -1 (field_enum's second
 * look). */
int field_enum_spelt(const char *s, size_t len, const struct enum_label *labels);

/* Returns the value whose label matches s, or -1.  Software writes a
 * label the same way on every row: spelt as in the list, it is found at
 * once, here inline (the list is often the caller's constant). */
static inline int field_enum(const char *s, size_t len, const struct enum_label *labels)
{
	text_trim(&s, &len);
	if (len == 0 || len >= FIELD_ENUM_MAX)
		return -1;
	for (const struct enum_label *l = labels; l->label; l++)
		if (l->len == len && field_same_bytes(l->label, s, len))
			return l->value;
	return field_enum_spelt(s, len, labels);
}

/* A label list's index (enum_index_init): a text spelt as in the list
 * can only be the label its length and first and last bytes lead to,
 * found in one look rather than down the list, where each label passed
 * is a branch, mispredicted when the values vary from row to row (the
 * survey's eight answers a row). */
struct enum_index {
	const struct enum_label *labels;
	/* a slot's label (enum_slot), -1 when none, -2 when two or more */
	signed char at[256];
};

static inline unsigned enum_slot(const char *s, size_t len)
{
	return ((unsigned)len * 31u + (unsigned char)s[0] * 7u +
		(unsigned char)s[len - 1]) & 255u;
}

void enum_index_init(struct enum_index *x, const struct enum_label *labels);

/* field_enum(s, len, x->labels), through its index. */
static inline int field_enum_indexed(const char *s, size_t len, const struct enum_index *x)
{
	text_trim(&s, &len);
	if (len == 0 || len >= FIELD_ENUM_MAX)
		return -1;
	int i = x->at[enum_slot(s, len)];
	if (i >= 0) {
		const struct enum_label *l = &x->labels[i];
		if (l->len == len && field_same_bytes(l->label, s, len))
			return l->value;
	}
	/* no label spelt so has this slot, or two have: down the list */
	return i == -2 ? field_enum(s, len, x->labels) : field_enum_spelt(s, len, x->labels);
}

/* Day number of a valid calendar date, and back. */
day_t day_from_ymd(int y, int m, int d);
void day_to_ymd(day_t day, int *y, int *m, int *d);

/* True for leap years of the Gregorian calendar. */
bool is_leap_year(int y);

#endif
