/*
 * photo.h — the photos of an edition, as cameras and phones write them:
 * JPEG (baseline or progressive, EXIF orientation 1–8, grayscale, CMYK as
 * Adobe writes it, an embedded ICC profile), PNG (with alpha) and WebP.
 * HEIC and the other formats are refused with a message saying how to
 * convert.
 *
 * photo_probe() reads a file's header only (photo_probe.h); photo_render() decodes the
 * photo at the scale photo_decode_scale() says (a JPEG's 1/8, 1/4, 1/2 or
 * 1; one decode serves every frame of a photo, photo_embed.h), converts
 * it to sRGB (lcms2: the embedded profile, else for CMYK Ghostscript's
 * default CMYK profile), turns it upright, crops it around its focal point
 * and resamples it to exactly the frame's pixels.
 *
 * Messages (a new string in *error) never name the file: the caller
 * places them.
 */
#ifndef CARNET_PHOTO_H
#define CARNET_PHOTO_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>

#include "../model/photo_probe.h"

/* The photo in data[0..n) decoded at scale/8 (JPEG), in sRGB, as stored
 * (not turned upright); NULL with *error when it cannot be (truncated,
 * corrupt). */
cairo_surface_t *photo_decode(const struct photo *ph, const unsigned char *data, size_t n,
			      int scale, char **error);

/* The crop c of ph from src (photo_decode()'s, at any scale), upright, as
 * an image surface of c->px_w x c->px_h; NULL with *error.  The halved
 * copies of src it makes stay on src for the next crop (not thread-safe
 * on one src). */
cairo_surface_t *photo_cut(const struct photo *ph, cairo_surface_t *src,
			   const struct photo_crop *c, char **error);

/* The crop c of ph (read again from data), upright, in sRGB, as an image
 * surface of c->px_w x c->px_h: RGB24, or ARGB32 when a pixel is not
 * opaque.  Returns NULL with *error when the photo cannot be decoded
 * (truncated, corrupt). */
cairo_surface_t *photo_render(const struct photo *ph, const unsigned char *data,
			      size_t n, const struct photo_crop *c, char **error);

/* The JPEG in data[0..n) without its metadata markers, its image data
 * untouched (the DCT coefficients copied, as `jpegtran -copy none`
 * does), in a new malloc'ed buffer of *len bytes; NULL with *error. */
unsigned char *photo_jpeg_without_metadata(const unsigned char *data, size_t n,
					   unsigned long *len, char **error);

/* Is a pixel of the image surface s not opaque? */
bool photo_has_transparency(cairo_surface_t *s);

#endif
