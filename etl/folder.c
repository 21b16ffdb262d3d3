/* folder.c — see folder.h. */
#define _GNU_SOURCE             /* renameat2 */
#include "folder.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

char *folder_path(const char *path)
{
	char *p = g_strdup(path);
	for (size_t n = strlen(p); n > 1 && p[n - 1] == '/'; n--)
		p[n - 1] = '\0';
	return p;
}

void folder_remove(const char *path)
{
	GDir *d = g_dir_open(path, 0, NULL);
	const char *name;
	while (d && (name = g_dir_read_name(d))) {
		char *sub = g_build_filename(path, name, NULL);
		if (g_file_test(sub, G_FILE_TEST_IS_DIR) && !g_file_test(sub, G_FILE_TEST_IS_SYMLINK))
			folder_remove(sub);
		else
			g_unlink(sub);
		g_free(sub);
	}
	if (d)
		g_dir_close(d);
	g_rmdir(path);
}

int folder_put(const char *tmp, const char *dir)
{
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
		folder_remove(tmp);     /* the old one, now under tmp */
		return 0;
	}
	return rename(tmp, dir);
}
