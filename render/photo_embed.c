/* photo_embed.c — see photo_embed.h. */
#include "photo_embed.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <jpeglib.h>

/* Bumped when what is cached changes, so that old files are not used. */
#define CACHE_VERSION 1

/* The JPEG bytes of an RGB24 surface, or NULL. */
static unsigned char *encode_jpeg(cairo_surface_t *s, unsigned long *len)
{
	struct jpeg_compress_struct ci;
	struct jpeg_error_mgr err;
	unsigned char *out = NULL;
	*len = 0;
	ci.err = jpeg_std_error(&err);
	jpeg_create_compress(&ci);
	jpeg_mem_dest(&ci, &out, len);
	ci.image_width = (JDIMENSION)cairo_image_surface_get_width(s);
	ci.image_height = (JDIMENSION)cairo_image_surface_get_height(s);
	ci.input_components = 4;
	ci.in_color_space = JCS_EXT_BGRX;       /* cairo's RGB24, little-endian */
	jpeg_set_defaults(&ci);
	jpeg_set_quality(&ci, PHOTO_QUALITY, TRUE);
	ci.optimize_coding = TRUE;
	ci.dct_method = JDCT_ISLOW;             /* the same bytes on every CPU */
	jpeg_start_compress(&ci, TRUE);
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	while (ci.next_scanline < ci.image_height) {
		JSAMPROW r = px + (size_t)ci.next_scanline * stride;
		jpeg_write_scanlines(&ci, &r, 1);
	}
	jpeg_finish_compress(&ci);
	jpeg_destroy_compress(&ci);
	return out;
}

/* A surface that carries the JPEG bytes of a w x h image for cairo's PDF
 * writer, which embeds them as they are (DCTDecode) and never reads the
 * surface's pixels.  It is one pixel: drawn scaled to its frame, the
 * image fills the frame at its own w x h pixels (cairo places an image in
 * the unit square of its surface's extents), and a rebuild allocates and
 * decodes nothing. */
static cairo_surface_t *jpeg_surface(unsigned char *jpeg, size_t len, int w, int h,
				     const char *id)
{
	(void)w, (void)h;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, jpeg, len, g_free, jpeg);
	char *uid = g_strdup(id);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID, (unsigned char *)uid,
				    strlen(uid), g_free, uid);
	return s;
}

/* Writes data to path through a temporary file; the cache is only an
 * optimisation, so a failure is not an error. */
static void cache_put(const char *path, const void *data, size_t len)
{
	char *tmp = g_strdup_printf("%s.%d.tmp", path, (int)getpid());
	if (g_file_set_contents(tmp, data, (gssize)len, NULL))
		g_rename(tmp, path);
	g_unlink(tmp);
	g_free(tmp);
}

static bool fits_as_is(const struct photo *ph, const struct photo_crop *c)
{
	return ph->kind == PHOTO_JPEG && ph->orientation == 1 && !ph->cmyk && !ph->icc &&
	       c->w >= ph->width - 1 && c->h >= ph->height - 1 &&
	       ph->width <= c->px_w * 1.15 + 1;
}

cairo_surface_t *photo_embed(const char *path, const struct photo *ph,
			     const struct photo_crop *c, const char *cache_dir,
			     char **error)
{
	gchar *data = NULL;
	gsize n = 0;
	char id[160];

	if (fits_as_is(ph, c)) {
		if (!g_file_get_contents(path, &data, &n, NULL)) {
			*error = g_strdup("cannot read it again");
			return NULL;
		}
		snprintf(id, sizeof id, "%s-as-is", ph->key);
		return jpeg_surface((unsigned char *)data, n, ph->width, ph->height, id);
	}
	snprintf(id, sizeof id, "%s-%dx%d-%.0f,%.0f,%.0f,%.0f-q%d-v%d", ph->key, c->px_w,
		 c->px_h, c->x, c->y, c->w, c->h, PHOTO_QUALITY, CACHE_VERSION);
	char *jpg = cache_dir ? g_strdup_printf("%s/%s.jpg", cache_dir, id) : NULL;
	char *png = cache_dir ? g_strdup_printf("%s/%s.png", cache_dir, id) : NULL;
	cairo_surface_t *s = NULL;

	if (jpg && g_file_get_contents(jpg, &data, &n, NULL)) {
		s = jpeg_surface((unsigned char *)data, n, c->px_w, c->px_h, id);
		goto out;
	}
	if (png && g_file_test(png, G_FILE_TEST_EXISTS)) {
		s = cairo_image_surface_create_from_png(png);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS)
			goto unique;
		cairo_surface_destroy(s);
		s = NULL;
	}
	GMappedFile *m = g_mapped_file_new(path, FALSE, NULL);
	if (!m) {
		*error = g_strdup("cannot read it again");
		goto out;
	}
	s = photo_render(ph, (const unsigned char *)g_mapped_file_get_contents(m),
			 g_mapped_file_get_length(m), c, error);
	g_mapped_file_unref(m);
	if (!s)
		goto out;
	if (cache_dir)
		g_mkdir_with_parents(cache_dir, 0777);
	if (photo_has_transparency(s)) {
		if (png) {
			char *tmp = g_strdup_printf("%s.%d.tmp", png, (int)getpid());
			if (cairo_surface_write_to_png(s, tmp) == CAIRO_STATUS_SUCCESS)
				g_rename(tmp, png);
			g_unlink(tmp);
			g_free(tmp);
		}
		goto unique;
	}
	unsigned long len = 0;
	unsigned char *bytes = encode_jpeg(s, &len);
	cairo_surface_destroy(s);
	if (jpg)
		cache_put(jpg, bytes, len);
	/* g_free must be able to release what cairo is given */
	unsigned char *mine = g_memdup2(bytes, len);
	free(bytes);
	s = jpeg_surface(mine, len, c->px_w, c->px_h, id);
	goto out;
unique:;
	char *uid = g_strdup(id);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID, (unsigned char *)uid,
				    strlen(uid), g_free, uid);
out:
	g_free(jpg);
	g_free(png);
	return s;
}
