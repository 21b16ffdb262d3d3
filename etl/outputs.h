/*
 * outputs.h — the files a stage writes, whole or not at all.  Each is
 * written under a temporary name beside it (NAME.tmp); once every one is
 * complete they are synced and renamed into place together, and a
 * temporary that was not renamed is removed.  A failure is said on stderr
 * as "prog: file: cannot …", in the user's language.
 */
#ifndef CARNET_OUTPUTS_H
#define CARNET_OUTPUTS_H

#include <stdio.h>

#define OUTPUTS_MAX 8

struct output_file {
	char *path, *tmp;
	FILE *f;                /* opened by outputs_open(), else NULL */
	char *buf;              /* f's buffer: tables of megabytes are
				 * written 256 kB at a time, not 4 kB */
};

struct outputs {
	const char *prog;
	size_t n;
	struct output_file v[OUTPUTS_MAX];
};

#define OUTPUTS_INIT(prog) { (prog), 0, { { 0 } } }

/* The temporary name under which to write path (a library writes it). */
const char *outputs_add(struct outputs *o, const char *path);

/* outputs_add(), the temporary opened for writing; NULL after a message. */
FILE *outputs_open(struct outputs *o, const char *path);

/* Closes what outputs_open() opened, syncs every temporary and renames
 * each into place; 0, or -1 after a message. */
int outputs_commit(struct outputs *o);

/* Removes the temporaries that were not renamed; frees o. */
void outputs_release(struct outputs *o);

#endif
