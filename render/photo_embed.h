/*
 * photo_embed.h — a photo as a renderer embeds it: resampled to the
 * pixels of its frame, encoded as JPEG at PHOTO_QUALITY and handed to
 * cairo as JPEG data (CAIRO_MIME_TYPE_JPEG, with CAIRO_MIME_TYPE_UNIQUE_ID
 * so that a photo set twice at one size is stored once).  A JPEG that
 * already fits — upright, RGB or grey, no profile to convert, at least
 * 85 % of each side shown, at most 15 % more pixels than the frame needs
 * — is embedded as it is: byte for byte, or when it carries metadata (a
 * place, a name, a camera's serial) with its image data copied and its
 * metadata left out.  A photo with transparency keeps it (no JPEG data:
 * cairo writes its pixels and their alpha).
 *
 * What is resampled is kept in cache_dir (when not NULL), named by the
 * file's content, the crop, the pixel size and the decode's scale, so
 * that a rebuild decodes
 * no photo: it reads the small JPEG back and cairo embeds its bytes.  A
 * note per photo keeps its content key with its size, modification time
 * and inode, so that a rebuild does not hash the photos either.
 * Files are written under a temporary name and renamed, so that two
 * builds may share the cache.
 */
#ifndef CARNET_PHOTO_EMBED_H
#define CARNET_PHOTO_EMBED_H

#include <glib.h>

#include "photo.h"

#define PHOTO_QUALITY 85

/* Which part of the surface the frame shows, as shares of its width and
 * height: all of it (0, 0, 1, 1) but for a JPEG embedded as it is. */
struct photo_view {
	double x, y, w, h;
};

/* The surface to draw (its view scaled to the frame, clipped), or NULL
 * with *error.  path is the photo's file, ph its probe, c its crop; the
 * photo is decoded at scale (in eighths) or at c's own
 * photo_decode_scale(), whichever is larger: 0 for c's own. */
cairo_surface_t *photo_embed(const char *path, const struct photo *ph,
			     const struct photo_crop *c, const char *cache_dir, int scale,
			     struct photo_view *view, char **error);

/* A frame an edition will ask photo_embed() for. */
struct photo_request {
	const char *path;
	const struct photo *ph;
	struct photo_crop crop;
	int scale;              /* set by photo_embed_prepare() */
};

/* One build's photos, each decoded once: the requests (of struct
 * photo_request, from every edition, sorted here) grouped by photo, each
 * photo decoded at the largest of its frames' photo_decode_scale() (set
 * in each request's scale), and every rendition the cache lacks made
 * from that one decode, on two threads.  Then photo_embed() with that
 * scale finds each in the cache.  Returns the photos that cannot be
 * decoded (path -> why, for the caller to say at each text's line, once
 * for all editions), or NULL when none.  Without a cache it sets the
 * scales only (and finds nothing). */
GHashTable *photo_embed_prepare(GArray *requests, const char *cache_dir);

/* The scale photo_embed_prepare() set for path, among the requests it
 * sorted (NULL requests, or path not among them: 0). */
int photo_embed_scale(const GArray *requests, const char *path);

/* Draws s, as photo_embed() gave it with view, into (x, y, w, h). */
void photo_paint(cairo_t *cr, cairo_surface_t *s, const struct photo_view *view,
		 double x, double y, double w, double h);

#endif
