/* photos.c — a photo as the web edition shows it: the PDF's photo
 * pipeline (photo_embed: crop, resampling, JPEG, its cache) at two widths,
 * written under photos/ and named by the photo, its crop and its width,
 * and a <figure> whose <img> offers both (srcset), loads lazily, and
 * whose width and height keep the page from jumping (see photos.h). */
#include "photos.h"
#include "markup.h"
#include "../../etl/parallel.h"
#include "../photo_embed.h"

#include <math.h>
#include <string.h>

/* A photo's proportions on a page: at most as tall as 3:4, as wide as
 * 21:9, cropped around its focal point beyond that. */
#define ASPECT_MIN 0.75
#define ASPECT_MAX (21.0 / 9)

struct photo_file {
	struct photo_crop crop;
	char *name;             /* under photos/ */
	int width, height;      /* of what is written */
	char *error;
};

struct photo_job {
	struct html *h;
	const struct article *a;
	const struct block *b;
	struct photo_file files[2];
	int nfiles;
};

static cairo_status_t to_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* Resamples, names and writes one width of a photo, from the file path
 * whose probe is ph. */
static void write_one(struct photo_job *j, struct photo_file *f, const char *path,
		      const struct photo *ph, int scale)
{
	struct photo_view view;
	cairo_surface_t *s = photo_embed(path, ph, &f->crop, j->h->cache_dir, scale, &view,
					 &f->error);
	if (!s)
		return;
	const unsigned char *jpeg = NULL;
	unsigned long len = 0;
	GByteArray *bytes = g_byte_array_new();
	cairo_surface_get_mime_data(s, CAIRO_MIME_TYPE_JPEG, &jpeg, &len);
	const char *ext = "jpg";
	if (jpeg) {
		/* a JPEG that fit is the whole photo, as it is (without its
		 * metadata): its own size */
		struct photo ph;
		char *why = NULL;
		if (photo_probe_data(jpeg, len, &ph, &why) == 0) {
			f->width = ph.width;
			f->height = ph.height;
		}
		g_free(why);
		g_byte_array_append(bytes, jpeg, (guint)len);
	} else {
		/* with transparency: PNG */
		ext = "png";
		f->width = cairo_image_surface_get_width(s);
		f->height = cairo_image_surface_get_height(s);
		cairo_surface_write_to_png_stream(s, to_bytes, bytes);
	}
	cairo_surface_destroy(s);
	/* the name: the photo's, its crop and width, so that two crops of
	 * one photo do not meet, and a new crop is a new address (caches) */
	char *stem = g_path_get_basename(j->b->image_name);
	char *dot = strrchr(stem, '.');
	if (dot)
		*dot = '\0';
	char *what = g_strdup_printf("%s|%.0f,%.0f,%.0f,%.0f|%dx%d", j->b->image_name,
				     f->crop.x, f->crop.y, f->crop.w, f->crop.h,
				     f->crop.px_w, f->crop.px_h);
	char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, what, -1);
	f->name = g_strdup_printf("photos/%s-%d-%.8s.%s", stem, f->width, sum, ext);
	g_free(sum);
	g_free(what);
	g_free(stem);
	if (html_put(j->h->dir, f->name, bytes->data, bytes->len) != 0)
		f->error = g_strdup("cannot be written");
	g_byte_array_unref(bytes);
}

/* Both widths from the photo: from the cache, where the build's
 * photo_embed_prepare() made them from one decode, or decoded here. */
static void run(void *data)
{
	struct photo_job *j = *(struct photo_job **)data;
	int scale = photo_embed_scale(j->h->photo_plan, j->b->image);
	for (int i = j->nfiles - 1; i >= 0; i--) {
		write_one(j, &j->files[i], j->b->image, &j->b->photo, scale);
		if (j->files[i].error)
			return;
	}
}

static struct photo_job *job_new(struct html *h, const struct article *a, const struct block *b)
{
	struct photo_job *j = g_new0(struct photo_job, 1);
	*j = (struct photo_job){ .h = h, .a = a, .b = b };
	double aspect = (double)b->photo.width / b->photo.height;
	aspect = fmin(fmax(aspect, ASPECT_MIN), ASPECT_MAX);
	const int widths[] = { PHOTO_SMALL, PHOTO_LARGE };
	for (int i = 0; i < 2; i++) {
		struct photo_crop c = photo_crop_for(&b->photo, aspect, b->focus_x, b->focus_y,
						     widths[i], (int)lround(widths[i] / aspect));
		/* a photo too small for the larger width gives one file */
		if (j->nfiles && c.px_w == j->files[0].crop.px_w)
			break;
		j->files[j->nfiles++].crop = c;
	}
	return j;
}

void html_photo_requests(const struct texts *x, GArray *requests)
{
	for (size_t k = 0; k <= x->n; k++) {
		const struct article *a = k < x->n ? &x->v[k] : &x->edito;
		for (size_t i = 0; i < a->n; i++)
			if (a->v[i].kind == BLOCK_IMAGE && a->v[i].present) {
				struct photo_job *j = job_new(NULL, a, &a->v[i]);
				for (int f = 0; f < j->nfiles; f++) {
					struct photo_request r = { a->v[i].image, &a->v[i].photo,
								   j->files[f].crop, 0 };
					g_array_append_val(requests, r);
				}
				g_free(j);
			}
	}
}

int html_photos_write(struct html *h)
{
	h->photo_jobs = g_ptr_array_new();
	h->photo_of = g_hash_table_new(NULL, NULL);
	const struct texts *x = h->x;
	for (size_t k = 0; k <= x->n; k++) {
		const struct article *a = k < x->n ? &x->v[k] : &x->edito;
		for (size_t i = 0; i < a->n; i++)
			if (a->v[i].kind == BLOCK_IMAGE && a->v[i].present) {
				struct photo_job *j = job_new(h, a, &a->v[i]);
				g_ptr_array_add(h->photo_jobs, j);
				g_hash_table_insert(h->photo_of, (gpointer)j->b, j);
			}
	}
	if (h->photo_jobs->len) {
		parallel_each(h->photo_jobs->pdata, h->photo_jobs->len, sizeof(void *), run);
	}
	int bad = 0;
	for (guint i = 0; i < h->photo_jobs->len; i++) {
		struct photo_job *j = h->photo_jobs->pdata[i];
		for (int k = 0; k < j->nfiles; k++)
			if (j->files[k].error) {
				diag_add(h->d, DIAG_ERROR, j->a->file, j->b->line, 0, "photo '%s': %s",
					 j->b->image_name, j->files[k].error);
				bad++;
				break;
			}
	}
	return bad ? 1 : 0;
}

void html_photo(struct html *h, GString *out, const struct block *b)
{
	struct photo_job *j = h->photo_of ? g_hash_table_lookup(h->photo_of, b) : NULL;
	if (!j || !j->files[0].name)
		return;         /* not delivered yet: the PDF draws a placeholder,
				 * a web page leaves it out */
	char *cap = html_attr(b->caption && *b->caption ? b->caption : "");
	const struct photo_file *small = &j->files[0];
	/* a portrait narrower than the column: whole on a desktop's screen */
	g_string_append_printf(out, "<figure class=\"photo%s%s\">\n<img src=\"%s\" ",
			       b->wide ? " large" : "",
			       small->height > small->width ? " portrait" : "", small->name);
	if (j->nfiles > 1)
		g_string_append_printf(out, "srcset=\"%s %dw, %s %dw\" "
				       "sizes=\"(min-width: 46rem) %s, 100vw\" ",
				       small->name, small->width, j->files[1].name,
				       j->files[1].width,
				       small->height > small->width ? "28rem" : "44rem");
	g_string_append_printf(out, "width=\"%d\" height=\"%d\" alt=\"%s\" loading=\"lazy\" "
			       "decoding=\"async\">\n", small->width, small->height, cap);
	if (*cap) {
		/* the caption is the photo's alternative text: a screen reader
		 * says it once, from alt, and the eye reads it here */
		char *shown = html_escape(b->caption);
		g_string_append_printf(out, "<figcaption aria-hidden=\"true\">%s</figcaption>\n", shown);
		g_free(shown);
	}
	g_string_append(out, "</figure>\n");
	g_free(cap);
}

void html_photos_release(struct html *h)
{
	if (!h->photo_jobs)
		return;
	for (guint i = 0; i < h->photo_jobs->len; i++) {
		struct photo_job *j = h->photo_jobs->pdata[i];
		for (int k = 0; k < j->nfiles; k++) {
			g_free(j->files[k].name);
			g_free(j->files[k].error);
		}
		g_free(j);
	}
	g_ptr_array_free(h->photo_jobs, TRUE);
	g_hash_table_destroy(h->photo_of);
	h->photo_jobs = NULL;
	h->photo_of = NULL;
}
