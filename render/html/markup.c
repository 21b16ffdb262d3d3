/* markup.c — see markup.h. */
#include "markup.h"

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
