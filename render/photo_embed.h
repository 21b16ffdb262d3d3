/*
 * photo_embed.h — a photo as a renderer embeds it: resampled to the
 * pixels of its frame, encoded as JPEG at PHOTO_QUALITY and handed to
 * cairo as JPEG data (CAIRO_MIME_TYPE_JPEG, with CAIRO_MIME_TYPE_UNIQUE_ID
 * so that a photo set twice at one size is stored once).  A JPEG that
 * already fits — upright, RGB or grey, no profile to convert, not
 * cropped, at most 15 % more pixels than the frame needs — is embedded
 * byte for byte.  A photo with transparency keeps it (no JPEG data: cairo
 * writes its pixels and their alpha).
 *
 * What is resampled is kept in cache_dir (when not NULL), named by the
 * file's content, the crop and the pixel size, so that a rebuild decodes
 * no photo: it reads the small JPEG back and cairo embeds its bytes.
 * Files are written under a temporary name and renamed, so that two
 * builds may share the cache.
 */
#ifndef CARNET_PHOTO_EMBED_H
#define CARNET_PHOTO_EMBED_H

#include "photo.h"

#define PHOTO_QUALITY 85

/* The surface to draw into the frame (scaled to it), or NULL with
 * *error.  path is the photo's file, ph its probe, c its crop. */
cairo_surface_t *photo_embed(const char *path, const struct photo *ph,
			     const struct photo_crop *c, const char *cache_dir,
			     char **error);

#endif
