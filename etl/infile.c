/* infile.c — see infile.h. */
#define _XOPEN_SOURCE 700      /* realpath() */
#include "i18n.h"
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

int infile_open(const char *path, const char **why)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0) {
		*why = errno == ELOOP ? _("is a symbolic link: put the file itself there")
				      : strerror(errno);
		return -1;
	}
	struct stat sb;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		*why = fstat(fd, &sb) != 0 ? strerror(errno)
		       : S_ISDIR(sb.st_mode) ? _("is a folder, not a file")
		       : _("is not a regular file (a FIFO, a socket or a device)");
		close(fd);
		return -1;
	}
	/* reads of a regular file never block: the flag only kept open()
	 * from waiting for a FIFO's writer */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

bool infile_same(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* path made absolute and resolved as far as it exists (g_free it). */
static char *resolved(const char *path)
{
	char *head = g_canonicalize_filename(path, NULL);      /* "/…", no . or .. */
	GString *rest = g_string_new("");
	char *real;
	while (!(real = realpath(head, NULL))) {
		char *slash = strrchr(head, '/');
		g_string_prepend(rest, slash);
		if (slash == head) {            /* nothing of it is there */
			real = strdup("");
			break;
		}
		*slash = '\0';
	}
	char *out = g_strconcat(strcmp(real, "/") ? real : "", rest->str, NULL);
	free(real);
	g_free(head);
	g_string_free(rest, TRUE);
	if (!*out) {
		g_free(out);
		out = g_strdup("/");
	}
	return out;
}

/* Is a, or inside, b? */
static bool within(const char *a, const char *b)
{
	size_t n = strlen(b);
	return !strcmp(b, "/") || (!strncmp(a, b, n) && (a[n] == '\0' || a[n] == '/'));
}

bool infile_overlap(const char *out, const char *input)
{
	char *a = resolved(out), *b = resolved(input);
	bool touch = within(a, b) || within(b, a);
	g_free(a);
	g_free(b);
	return touch;
}

bool infile_apart(const char *prog, const char *out, const char *const *inputs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (inputs[i] && infile_overlap(out, inputs[i])) {
			fprintf(stderr, _("%s: %s: an output may not be or lie inside an input "
				"(%s): write it elsewhere\n"), prog, out, inputs[i]);
			return false;
		}
	return true;
}

bool infile_read(const char *path, char **data, size_t *len, const char **why)
{
	int fd = infile_open(path, why);
	if (fd < 0)
		return false;
	GByteArray *a = g_byte_array_new();
	guint8 buf[65536];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		g_byte_array_append(a, buf, (guint)n);
	if (n < 0) {
		*why = strerror(errno);
		close(fd);
		g_byte_array_free(a, TRUE);
		return false;
	}
	close(fd);
	*len = a->len;
	g_byte_array_append(a, (const guint8 *)"", 1);
	*data = (char *)g_byte_array_free(a, FALSE);
	return true;
}
