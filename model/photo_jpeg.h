/*
 * photo_jpeg.h — what the photo modules share beneath them: a message
 * for the caller to place, and libjpeg with its errors, and a truncated
 * or corrupt file (which libjpeg only warns about, filling the rest with
 * grey), as messages.
 */
#ifndef CARNET_PHOTO_JPEG_H
#define CARNET_PHOTO_JPEG_H

#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>

#include <jpeglib.h>

/* Sets *error (when error is not NULL and *error is) to fmt translated
 * and formatted; returns NULL, for the callers' returns. */
void *photo_fail(char **error, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* libjpeg's error manager: an error or a sign of corruption longjmps to
 * jb with the message in msg. */
struct photo_jerr {
	struct jpeg_error_mgr pub;
	jmp_buf jb;
	char msg[JMSG_LENGTH_MAX];
};

/* A decompressor of data[0..n) with e as its error manager, saving the
 * markers the photo modules read (EXIF, XMP, ICC; IPTC and comments only
 * noted).  The caller sets e->jb with setjmp before reading. */
void photo_jpeg_begin(struct jpeg_decompress_struct *ci, struct photo_jerr *e,
		      const unsigned char *data, size_t n);

#endif
