/* outputs.c — see outputs.h. */
#define _GNU_SOURCE             /* sync_file_range */
#include "outputs.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#define OUTPUT_BUFFER (256u << 10)

const char *outputs_add(struct outputs *o, const char *path)
{
	g_assert(o->n < OUTPUTS_MAX);
	struct output_file *f = &o->v[o->n++];
	f->path = g_strdup(path);
	f->tmp = g_strdup_printf("%s.tmp", path);
	return f->tmp;
}

FILE *outputs_open(struct outputs *o, const char *path)
{
	const char *tmp = outputs_add(o, path);
	FILE *f = fopen(tmp, "w");
	if (!f)
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), o->prog, tmp, strerror(errno));
	struct output_file *of = &o->v[o->n - 1];
	if (f) {        /* (glibc takes a size only with a buffer) */
		of->buf = g_malloc(OUTPUT_BUFFER);
		setvbuf(f, of->buf, _IOFBF, OUTPUT_BUFFER);
	}
	of->f = f;
	return f;
}

/* Flushes and syncs f's temporary to the disk, closing what it opened. */
static int settle(const struct outputs *o, struct output_file *f)
{
	int bad = 0, err = 0;
	if (f->f) {
		bad = ferror(f->f) | (fflush(f->f) != 0) | (fsync(fileno(f->f)) != 0);
		err = errno;
		bad |= fclose(f->f) != 0;
		f->f = NULL;
		g_free(f->buf);         /* (not before fclose: it flushes it) */
		f->buf = NULL;
	} else {
		int fd = open(f->tmp, O_RDONLY | O_CLOEXEC);
		bad = fd < 0 || fsync(fd) != 0;
		err = errno;
		if (fd >= 0)
			close(fd);
	}
	if (bad)
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), o->prog, f->tmp,
			strerror(err ? err : errno));
	return bad ? -1 : 0;
}

/* Starts writing f's temporary to the disk, without waiting: the syncs
 * that follow then wait on the files' writes together, not one after the
 * other (the ETL's five outputs: 4 ms of syncs at x100).  A hint: what
 * fails here fails again, and is said, in settle. */
static void start_writeback(const struct output_file *f)
{
	if (f->f && fflush(f->f) == 0)
		sync_file_range(fileno(f->f), 0, 0, SYNC_FILE_RANGE_WRITE);
}

int outputs_commit(struct outputs *o)
{
	for (size_t i = 0; i < o->n; i++)
		start_writeback(&o->v[i]);
	for (size_t i = 0; i < o->n; i++)
		if (settle(o, &o->v[i]) != 0)
			return -1;
	for (size_t i = 0; i < o->n; i++) {
		struct output_file *f = &o->v[i];
		if (rename(f->tmp, f->path) != 0) {
			fprintf(stderr, _("%s: %s: cannot rename: %s\n"), o->prog, f->path,
				strerror(errno));
			return -1;
		}
		g_free(f->tmp);
		f->tmp = NULL;          /* in place: nothing to remove */
	}
	return 0;
}

void outputs_release(struct outputs *o)
{
	for (size_t i = 0; i < o->n; i++) {
		struct output_file *f = &o->v[i];
		if (f->f)
			fclose(f->f);
		g_free(f->buf);
		if (f->tmp)
			unlink(f->tmp);
		g_free(f->tmp);
		g_free(f->path);
	}
	o->n = 0;
}
