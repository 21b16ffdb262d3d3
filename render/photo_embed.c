/* photo_embed.c — see photo_embed.h. */
#include "photo_embed.h"
#include "../etl/i18n.h"
#include "../etl/parallel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <jpeglib.h>

/* Bumped when what is cached changes, so that old files are not used. */
#define CACHE_VERSION 2

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

/* A surface that carries the JPEG bytes of an image for cairo's PDF
 * writer, which embeds them as they are (DCTDecode) and never reads the
 * surface's pixels.  It is one pixel: drawn scaled to its frame, the
 * image fills the frame at its own w x h pixels (cairo places an image in
 * the unit square of its surface's extents), and a rebuild allocates and
 * decodes nothing. */
/* So that cairo stores a photo drawn in several places once. */
static void set_unique_id(cairo_surface_t *s, const char *id)
{
	char *uid = g_strdup(id);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID, (unsigned char *)uid,
				    strlen(uid), g_free, uid);
}

static cairo_surface_t *jpeg_surface(unsigned char *jpeg, size_t len, const char *id)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, jpeg, len, g_free, jpeg);
	set_unique_id(s, id);
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

/* The content key of the photo at path.  With a cache, a note beside the
 * resampled files keeps it with the file's size, modification time and
 * inode, as make and git trust them, so that a rebuild hashes no photo;
 * without one, or when the note does not match, the bytes are hashed. */
static void content_key(const char *path, const char *cache_dir, char key[33])
{
	struct stat st;
	char *note = NULL, *seen = NULL, *text = NULL;
	bool have = stat(path, &st) == 0;
	if (cache_dir && have) {
		char name[33];
		photo_content_key((const unsigned char *)path, strlen(path), name);
		note = g_strdup_printf("%s/stat-%s", cache_dir, name);
		seen = g_strdup_printf("%lld %lld.%09ld %llu %s\n", (long long)st.st_size,
				       (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
				       (unsigned long long)st.st_ino, path);
		gsize n = 0;
		if (g_file_get_contents(note, &text, &n, NULL) && n == strlen(seen) + 33 &&
		    !strncmp(text + 33, seen, strlen(seen)) && text[32] == ' ') {
			memcpy(key, text, 32);
			key[32] = '\0';
			goto out;
		}
	}
	GMappedFile *m = g_mapped_file_new(path, FALSE, NULL);
	photo_content_key(m ? (const unsigned char *)g_mapped_file_get_contents(m) : NULL,
			  m ? g_mapped_file_get_length(m) : 0, key);
	if (m)
		g_mapped_file_unref(m);
	if (note) {
		char *line = g_strdup_printf("%s %s", key, seen);
		g_mkdir_with_parents(cache_dir, 0777);
		cache_put(note, line, strlen(line));
		g_free(line);
	}
out:
	g_free(text);
	g_free(note);
	g_free(seen);
}

static bool fits_as_is(const struct photo *ph, const struct photo_crop *c)
{
	/* the pixels the whole photo would need at the frame's resolution */
	double need = c->px_w * ph->width / c->w;
	return ph->kind == PHOTO_JPEG && ph->orientation == 1 && !ph->cmyk && !ph->icc &&
	       c->w >= ph->width * 0.85 && c->h >= ph->height * 0.85 &&
	       ph->width <= need * 1.15 + 1;
}

void photo_paint(cairo_t *cr, cairo_surface_t *s, const struct photo_view *view,
		 double x, double y, double w, double h)
{
	double sw = cairo_image_surface_get_width(s), sh = cairo_image_surface_get_height(s);
	double kx = w / (view->w * sw), ky = h / (view->h * sh);
	cairo_save(cr);
	cairo_rectangle(cr, x, y, w, h);
	cairo_clip(cr);
	cairo_translate(cr, x - view->x * sw * kx, y - view->y * sh * ky);
	cairo_scale(cr, kx, ky);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_restore(cr);
}

/* The photo's own JPEG (without its metadata), once it decodes whole:
 * it fits its frame as it is. */
static cairo_surface_t *embed_as_is(const char *path, const struct photo *ph,
				    const struct photo_crop *c, const char *cache_dir,
				    const char *key, struct photo_view *view, char **error)
{
	gchar *data = NULL;
	gsize n = 0;
	char id[160];

	if (!g_file_get_contents(path, &data, &n, NULL)) {
		*error = g_strdup(_("cannot read it again"));
		return NULL;
	}
	/* it goes as it is only once it decodes whole: a truncated or
	 * corrupt file is refused as when it is resampled; the cache
	 * keeps the verdict by the file's content */
	char *ok = cache_dir ? g_strdup_printf("%s/%s-decodes", cache_dir, key) : NULL;
	if (!ok || !g_file_test(ok, G_FILE_TEST_EXISTS)) {
		cairo_surface_t *whole = photo_render(ph, (unsigned char *)data, n, c, error);
		if (!whole) {
			g_free(ok);
			g_free(data);
			return NULL;
		}
		cairo_surface_destroy(whole);
		if (ok) {
			g_mkdir_with_parents(cache_dir, 0777);
			cache_put(ok, "", 0);
		}
	}
	g_free(ok);
	if (ph->metadata) {
		unsigned long len = 0;
		unsigned char *clean = photo_jpeg_without_metadata(
			(unsigned char *)data, n, &len, error);
		g_free(data);
		if (!clean)
			return NULL;
		data = g_memdup2(clean, len);
		n = len;
		free(clean);
	}
	*view = (struct photo_view){ c->x / ph->width, c->y / ph->height,
				     c->w / ph->width, c->h / ph->height };
	snprintf(id, sizeof id, "%s-as-is", key);
	return jpeg_surface((unsigned char *)data, n, id);
}

/* The name of a rendition in the cache: the photo's content, the crop,
 * the pixels, the quality and the scale it was decoded at. */
static void rendition_id(const char *key, const struct photo_crop *c, int scale, char id[160])
{
	snprintf(id, 160, "%s-%dx%d-%.0f,%.0f,%.0f,%.0f-q%d-s%d-v%d", key, c->px_w,
		 c->px_h, c->x, c->y, c->w, c->h, PHOTO_QUALITY, scale, CACHE_VERSION);
}

/* What is drawn of s (the resampled crop, owned): its JPEG, or its pixels
 * when it has transparency; kept in the cache at jpg or png (NULL: no
 * cache). */
static cairo_surface_t *store_rendition(cairo_surface_t *s, const char *id, const char *jpg,
					const char *png, const char *cache_dir)
{
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
		set_unique_id(s, id);
		return s;
	}
	unsigned long len = 0;
	unsigned char *bytes = encode_jpeg(s, &len);
	cairo_surface_destroy(s);
	if (jpg)
		cache_put(jpg, bytes, len);
	/* g_free must be able to release what cairo is given */
	unsigned char *mine = g_memdup2(bytes, len);
	free(bytes);
	return jpeg_surface(mine, len, id);
}

/* The photo cropped and resampled to its frame (decoded at scale), from
 * the cache when it was made before (JPEG, or PNG when it has
 * transparency). */
static cairo_surface_t *embed_resampled(const char *path, const struct photo *ph,
					const struct photo_crop *c, const char *cache_dir,
					const char *key, int scale, char **error)
{
	gchar *data = NULL;
	gsize n = 0;
	char id[160];

	rendition_id(key, c, scale, id);
	char *jpg = cache_dir ? g_strdup_printf("%s/%s.jpg", cache_dir, id) : NULL;
	char *png = cache_dir ? g_strdup_printf("%s/%s.png", cache_dir, id) : NULL;
	cairo_surface_t *s = NULL;

	if (jpg && g_file_get_contents(jpg, &data, &n, NULL)) {
		s = jpeg_surface((unsigned char *)data, n, id);
		goto out;
	}
	if (png && g_file_test(png, G_FILE_TEST_EXISTS)) {
		s = cairo_image_surface_create_from_png(png);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
			set_unique_id(s, id);
			goto out;
		}
		cairo_surface_destroy(s);
		s = NULL;
	}
	GMappedFile *m = g_mapped_file_new(path, FALSE, NULL);
	if (!m) {
		*error = g_strdup(_("cannot read it again"));
		goto out;
	}
	cairo_surface_t *src = photo_decode(ph, (const unsigned char *)g_mapped_file_get_contents(m),
					    g_mapped_file_get_length(m), scale, error);
	g_mapped_file_unref(m);
	s = src ? photo_cut(ph, src, c, error) : NULL;
	if (src)
		cairo_surface_destroy(src);
	if (s)
		s = store_rendition(s, id, jpg, png, cache_dir);
out:
	g_free(jpg);
	g_free(png);
	return s;
}

cairo_surface_t *photo_embed(const char *path, const struct photo *ph,
			     const struct photo_crop *c, const char *cache_dir, int scale,
			     struct photo_view *view, char **error)
{
	char key[33];

	*view = (struct photo_view){ 0, 0, 1, 1 };
	content_key(path, cache_dir, key);
	if (fits_as_is(ph, c))
		return embed_as_is(path, ph, c, cache_dir, key, view, error);
	int own = photo_decode_scale(ph, c);
	return embed_resampled(path, ph, c, cache_dir, key, MAX(scale, own), error);
}

/* ---- a build's photos, each decoded once ---- */

/* One photo's requests, r[0..n), the same path. */
struct batch_job {
	struct photo_request *r;
	size_t n;
	const char *cache_dir;
	char *error;            /* why the photo cannot be decoded, or NULL */
};

/* The file that holds what r needs in the cache: its rendition (.jpg,
 * or .png for a photo with transparency, which ext says), or for a photo
 * that goes as it is the verdict that it decodes (a new string). */
static char *cache_file(const char *dir, const char *key, const struct photo_request *r,
			const char *ext)
{
	if (fits_as_is(r->ph, &r->crop))
		return g_strdup_printf("%s/%s-decodes", dir, key);
	char id[160];
	rendition_id(key, &r->crop, r->scale, id);
	return g_strdup_printf("%s/%s.%s", dir, id, ext);
}

static bool cached(const char *dir, const char *key, const struct photo_request *r)
{
	char *jpg = cache_file(dir, key, r, "jpg"), *png = cache_file(dir, key, r, "png");
	bool there = g_file_test(jpg, G_FILE_TEST_EXISTS) || g_file_test(png, G_FILE_TEST_EXISTS);
	g_free(jpg);
	g_free(png);
	return there;
}

static void batch_run(void *data)
{
	struct batch_job *j = data;
	char key[33], id[160];
	content_key(j->r[0].path, j->cache_dir, key);
	bool lacking = false;
	for (size_t i = 0; i < j->n && !lacking; i++)
		lacking = !cached(j->cache_dir, key, &j->r[i]);
	if (!lacking)
		return;
	GMappedFile *m = g_mapped_file_new(j->r[0].path, FALSE, NULL);
	char *error = NULL;
	cairo_surface_t *src = m ? photo_decode(j->r[0].ph,
						(const unsigned char *)g_mapped_file_get_contents(m),
						g_mapped_file_get_length(m), j->r[0].scale, &error)
				 : NULL;
	if (m)
		g_mapped_file_unref(m);
	if (!src) {
		j->error = error ? error : g_strdup(_("cannot read it again"));
		return;
	}
	g_mkdir_with_parents(j->cache_dir, 0777);
	for (size_t i = 0; i < j->n; i++) {
		const struct photo_request *r = &j->r[i];
		if (cached(j->cache_dir, key, r))    /* made before, or twice asked */
			continue;
		char *jpg = cache_file(j->cache_dir, key, r, "jpg");
		if (fits_as_is(r->ph, &r->crop)) {
			cache_put(jpg, "", 0);  /* the verdict: it decodes */
		} else {
			char *png = cache_file(j->cache_dir, key, r, "png");
			cairo_surface_t *s = photo_cut(r->ph, src, &r->crop, &error);
			g_clear_pointer(&error, g_free);
			rendition_id(key, &r->crop, r->scale, id);
			if (s)
				cairo_surface_destroy(store_rendition(s, id, jpg, png, j->cache_dir));
			g_free(png);
		}
		g_free(jpg);
	}
	cairo_surface_destroy(src);
}

static int by_path(const void *a, const void *b)
{
	const struct photo_request *x = a, *y = b;
	return strcmp(x->path, y->path);
}

GHashTable *photo_embed_prepare(GArray *requests, const char *cache_dir)
{
	struct photo_request *r = (struct photo_request *)(void *)requests->data;
	size_t n = requests->len;
	if (n == 0)
		return NULL;
	qsort(r, n, sizeof *r, by_path);
	GArray *jobs = g_array_new(FALSE, TRUE, sizeof(struct batch_job));
	for (size_t i = 0, k; i < n; i = k) {
		int scale = 0;
		for (k = i; k < n && !strcmp(r[k].path, r[i].path); k++)
			scale = MAX(scale, photo_decode_scale(r[k].ph, &r[k].crop));
		for (size_t q = i; q < k; q++)
			r[q].scale = scale;
		struct batch_job j = { r + i, k - i, cache_dir, NULL };
		g_array_append_val(jobs, j);
	}
	GHashTable *bad = NULL;
	if (cache_dir)          /* else nowhere to keep a rendition: the scales only */
		parallel_each(jobs->data, jobs->len, sizeof(struct batch_job), batch_run);
	for (guint i = 0; i < jobs->len; i++) {
		struct batch_job *j = &g_array_index(jobs, struct batch_job, i);
		if (!j->error)
			continue;
		if (!bad)
			bad = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		g_hash_table_insert(bad, g_strdup(j->r[0].path), j->error);
	}
	g_array_free(jobs, TRUE);
	return bad;
}

int photo_embed_scale(const GArray *requests, const char *path)
{
	if (!requests || requests->len == 0)
		return 0;
	/* sorted by path by photo_embed_prepare() */
	struct photo_request key = { .path = path };
	const struct photo_request *r = bsearch(&key, requests->data, requests->len,
						sizeof key, by_path);
	return r ? r->scale : 0;
}
