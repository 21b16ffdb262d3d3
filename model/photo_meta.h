/*
 * photo_meta.h — what PNG and WebP photos carry beside their pixels that
 * changes how they look: an ICC colour profile (PNG's iCCP chunk, WebP's
 * ICCP) and, for WebP, an EXIF orientation.  photo.c reads them; JPEG's
 * are read with libjpeg where it decodes.
 */
#ifndef CARNET_PHOTO_META_H
#define CARNET_PHOTO_META_H

#include <stddef.h>

/* The ICC profile of the PNG in data[0..n) (libpng: iCCP, inflated), in a
 * new g_malloc'ed buffer of *len bytes, or NULL when it has none. */
unsigned char *photo_png_icc(const unsigned char *data, size_t n, size_t *len);

/* The chunk fourcc ("ICCP", "EXIF") of the WebP in data[0..n) (libwebp's
 * demuxer), copied into a new g_malloc'ed buffer of *len bytes, or NULL. */
unsigned char *photo_webp_chunk(const unsigned char *data, size_t n, const char *fourcc,
				size_t *len);

/* The EXIF orientation (1 to 8) in exif[0..len) — with or without its
 * "Exif\0\0" header, as JPEG's APP1 and WebP's EXIF chunk hold it —, 1
 * when there is none (libexif). */
int photo_exif_orientation(const unsigned char *exif, size_t len);

#endif
