/* digest.c — see digest.h. */
#include "digest.h"
#include "infile.h"
#include "diag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

/* Large enough that the system calls do not count beside the hash,
 * small enough to stay in the cache the hash reads it from. */
#define DIGEST_BLOCK (128u << 10)

bool digest_file(const char *path, struct digest *d)
{
	*d = (struct digest){ 0 };
	int fd = infile_open(path, &d->why);
	if (fd < 0)
		return false;
	/* OpenSSL's SHA-256 uses the CPU's SHA instructions: GLib's took a
	 * third of the ETL's instructions. */
	EVP_MD_CTX *sum = EVP_MD_CTX_new();
	unsigned char *blk = malloc(DIGEST_BLOCK);
	struct stat after;
	ssize_t got = 0;
	errno = ENOMEM;
	if (!sum || !blk || !EVP_DigestInit_ex(sum, EVP_sha256(), NULL))
		goto failed;
	if (fstat(fd, &d->file) != 0)
		goto failed;
	for (;;) {
		got = read(fd, blk, DIGEST_BLOCK);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		EVP_DigestUpdate(sum, blk, (size_t)got);
	}
	if (got < 0 || fstat(fd, &after) != 0)
		goto failed;
	d->changed = !infile_same(&d->file, &after);
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;
	errno = ENOMEM;
	if (!EVP_DigestFinal_ex(sum, md, &mdlen))
		goto failed;
	for (unsigned i = 0; i < mdlen && 2 * i + 2 < sizeof d->hex; i++)
		snprintf(d->hex + 2 * i, 3, "%02x", md[i]);
	goto out;
failed:
	d->error = errno ? errno : EIO;
out:
	EVP_MD_CTX_free(sum);
	free(blk);
	close(fd);
	return d->error == 0;
}

bool digest_of(const struct digest *d, const struct stat *read)
{
	return !d->why && !d->error && !d->changed && infile_same(&d->file, read);
}

bool digest_take(const struct digest *d, const char *path, const struct stat *read,
		 char hex[65], struct diag *diag)
{
	if (d->why) {
		diag_add(diag, DIAG_ERROR, path, 0, 0, "cannot open: %s", d->why);
		return false;
	}
	if (d->error) {
		diag_add(diag, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(d->error));
		return false;
	}
	if (!read || !digest_of(d, read)) {
		diag_add(diag, DIAG_ERROR, path, 0, 0,
			 "changed while it was read: run again once it is written");
		return false;
	}
	memcpy(hex, d->hex, sizeof d->hex);
	return true;
}
