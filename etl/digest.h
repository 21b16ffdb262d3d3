/*
 * digest.h — the SHA-256 of an export's bytes, for the provenance table.
 *
 * Worked out apart from the export's reading (etl.c runs it as a job of
 * its own, on whichever core is free): the survey's hash and its rows
 * on one core would be the run's longest chain.  The file's identity
 * (device, inode, size, modification time) is given with the hash, so
 * that the reading can tell it read the same bytes (infile_same).
 */
#ifndef CARNET_DIGEST_H
#define CARNET_DIGEST_H

#include <stdbool.h>
#include <sys/stat.h>

struct digest {
	char hex[65];           /* lower-case */
	struct stat file;       /* as opened, before its first byte */
	const char *why;        /* why it cannot be opened (infile_open), or NULL */
	int error;              /* errno once open: it cannot be read, or 0 */
	bool changed;           /* it changed while it was hashed */
};

/* Hashes path from start to end.  False, with d->why or d->error set,
 * when it cannot be opened or read. */
bool digest_file(const char *path, struct digest *d);

/* Whether d is the hash of the bytes a reading read: the file it read
 * (as stat() gave it when the reading began, and still at its end) is
 * the one hashed, and neither changed meanwhile. */
bool digest_of(const struct digest *d, const struct stat *read);

struct diag;

/* d's hash into hex when it is that of the bytes read from path (read:
 * its stat() when the reading began, NULL when it failed); else false,
 * the error said in diag: it could not be opened or read, or changed. */
bool digest_take(const struct digest *d, const char *path, const struct stat *read,
		 char hex[65], struct diag *diag);

#endif
