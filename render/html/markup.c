/* markup.c — see markup.h. */
#include "markup.h"

#include <stdbool.h>
#include <string.h>

#include <glib.h>

char *html_escape(const char *text)
{
	return g_markup_escape_text(text ? text : "", -1);
}

char *html_attr(const char *text)
{
	char **parts = g_strsplit(text ? text : "", "\xC2\xAD", -1);
	char *joined = g_strjoinv("", parts);
	g_strfreev(parts);
	char *out = html_escape(joined);
	g_free(joined);
	return out;
}

int html_put(const char *dir, const char *name, const void *data, size_t n)
{
	char *path = g_build_filename(dir, name, NULL);
	char *parent = g_path_get_dirname(path);
	int status = g_mkdir_with_parents(parent, 0777) == 0 &&
		     g_file_set_contents(path, data, (gssize)n, NULL) ? 0 : -1;
	g_free(parent);
	g_free(path);
	return status;
}

char *html_svg_own_numbers(const char *svg)
{
	GString *out = g_string_new("");
	GHashTable *num = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	const char *p = svg, *m;
	while ((m = strstr(p, "surface")) != NULL) {
		size_t digits = strspn(m + 7, "0123456789");
		/* an id or a reference to one: id="surface5", "#surface5" */
		bool id = digits && m > svg && (m[-1] == '"' || m[-1] == '#');
		g_string_append_len(out, p, m + 7 - p);
		p = m + 7;
		if (!id)
			continue;
		char *old = g_strndup(m + 7, digits);
		gpointer n = g_hash_table_lookup(num, old);
		if (!n) {
			n = GUINT_TO_POINTER(g_hash_table_size(num) + 1);
			g_hash_table_insert(num, old, n);
		} else {
			g_free(old);
		}
		g_string_append_printf(out, "%u", GPOINTER_TO_UINT(n));
		p += digits;
	}
	g_string_append(out, p);
	g_hash_table_destroy(num);
	return g_string_free(out, FALSE);
}
