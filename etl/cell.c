/* cell.c — see cell.h. */
#include "cell.h"

#include <stdbool.h>
#include <string.h>

#include <csv.h>

static bool needs_quotes(const char *s, size_t len, char delim)
{
	const char specials[] = { '"', '\r', '\n', delim, '\0' };
	return strcspn(s, specials) != len;
}

void cell_write(FILE *out, const char *s, char delim)
{
	size_t len = strlen(s);
	if (needs_quotes(s, len, delim))
		csv_fwrite2(out, s, len, '"');
	else
		fwrite(s, 1, len, out);
}

void cell_append(GString *out, const char *s, char delim)
{
	size_t len = strlen(s);
	if (!needs_quotes(s, len, delim)) {
		g_string_append_len(out, s, (gssize)len);
		return;
	}
	size_t need = csv_write2(NULL, 0, s, len, '"');
	gsize at = out->len;
	g_string_set_size(out, at + need);
	csv_write2(out->str + at, need, s, len, '"');
}
