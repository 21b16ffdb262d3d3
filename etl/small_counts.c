/* small_counts.c — see small_counts.h. */
#include "small_counts.h"

#include <stdbool.h>

static bool is_small(double v)
{
	return v >= 1 && v <= 4;
}

/* Protects the line of n cells at v[0], v[stride] …; returns true when it
 * masked a cell. */
static bool protect_line(const double *v, size_t n, size_t stride,
			 enum sc_cell *out)
{
	size_t hidden = 0, best = n;

	for (size_t i = 0; i < n; i++)
		hidden += out[i * stride] != SC_SHOWN;
	if (hidden != 1)
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t k = i * stride;
		if (out[k] == SC_SHOWN && v[k] > 0 &&
		    (best == n || v[k] < v[best * stride]))
			best = i;
	}
	if (best == n)          /* nothing else to hide behind */
		return false;
	out[best * stride] = SC_MASKED;
	return true;
}

void sc_protect(const double *v, size_t n, enum sc_cell *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = is_small(v[i]) ? SC_SMALL : SC_SHOWN;
	protect_line(v, n, 1, out);
}

void sc_protect_table(const double *v, size_t rows, size_t cols,
		      enum sc_cell *out)
{
	for (size_t i = 0; i < rows * cols; i++)
		out[i] = is_small(v[i]) ? SC_SMALL : SC_SHOWN;
	/* A mask added to a row may leave a column with one hidden cell:
	 * go round until nothing changes (each pass masks a cell, so this
	 * ends). */
	bool changed = true;
	while (changed) {
		changed = false;
		for (size_t r = 0; r < rows; r++)
			changed |= protect_line(v + r * cols, cols, 1, out + r * cols);
		for (size_t c = 0; c < cols; c++)
			changed |= protect_line(v + c, rows, cols, out + c);
	}
}

const char *sc_label(enum sc_cell c)
{
	switch (c) {
	case SC_SMALL: return "<\xC2\xA0" "5";     /* no-break space */
	case SC_MASKED: return "s";
	case SC_SHOWN: break;
	}
	return 0;
}
