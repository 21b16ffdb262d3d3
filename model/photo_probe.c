/* photo_probe.c — see photo_probe.h. */
#include "photo_probe.h"
#include "photo_jpeg.h"
#include "photo_meta.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <png.h>
#include <webp/decode.h>
#include <xxhash.h>

/* The EXIF orientation in the saved APP1 markers, 1 when none. */
static int exif_orientation(struct jpeg_decompress_struct *ci)
{
	for (jpeg_saved_marker_ptr m = ci->marker_list; m; m = m->next)
		if (m->marker == JPEG_APP0 + 1 && m->data_length >= 6 &&
		    memcmp(m->data, "Exif\0\0", 6) == 0)
			return photo_exif_orientation(m->data, m->data_length);
	return 1;
}

static int jpeg_probe(const unsigned char *data, size_t n, struct photo *ph,
		      char **error)
{
	struct jpeg_decompress_struct ci;
	struct photo_jerr e;
	photo_jpeg_begin(&ci, &e, data, n);
	if (setjmp(e.jb)) {
		photo_fail(error, "not a readable JPEG: %s", e.msg);
		jpeg_destroy_decompress(&ci);
		return -1;
	}
	jpeg_read_header(&ci, TRUE);
	ph->orientation = exif_orientation(&ci);
	for (jpeg_saved_marker_ptr m = ci.marker_list; m; m = m->next)
		ph->metadata |= m->marker != JPEG_APP0 + 2;
	ph->cmyk = ci.jpeg_color_space == JCS_CMYK || ci.jpeg_color_space == JCS_YCCK;
	JOCTET *icc = NULL;
	unsigned int icc_len = 0;
	ph->icc = jpeg_read_icc_profile(&ci, &icc, &icc_len) && icc_len > 0;
	free(icc);
	bool turned = ph->orientation >= 5;
	ph->width = (int)(turned ? ci.image_height : ci.image_width);
	ph->height = (int)(turned ? ci.image_width : ci.image_height);
	jpeg_destroy_decompress(&ci);
	return 0;
}

/* The smallest of 1/8, 1/4, 1/2 and 1 that still gives at least need of
 * the photo's pixels in each direction.  Not the other eighths: their
 * inverse DCTs have no SIMD in libjpeg-turbo, and a 12-MP JPEG decodes
 * slower at 6/8 (59 ms) than whole (36 ms). */
static int jpeg_scale(double need)
{
	int num = 1;
	while (num < 8 && num < need * 8 - 1e-9)
		num *= 2;
	return num;
}

int photo_decode_scale(const struct photo *ph, const struct photo_crop *c)
{
	if (ph->kind != PHOTO_JPEG)
		return 8;
	double need = fmax(c->px_w / c->w, c->px_h / c->h);
	/* the photo's long side at PHOTO_DECODE_LONG pixels at least */
	double longest = fmax(ph->width, ph->height);
	return jpeg_scale(fmax(need, fmin(1, PHOTO_DECODE_LONG / longest)));
}

/* ---- PNG: the header with libpng, the pixels with cairo ---- */

static int png_probe(const unsigned char *data, size_t n, struct photo *ph, char **error)
{
	png_image im = { .version = PNG_IMAGE_VERSION };
	if (!png_image_begin_read_from_memory(&im, data, n)) {
		photo_fail(error, "not a readable PNG: %s", im.message);
		png_image_free(&im);
		return -1;
	}
	ph->width = (int)im.width;
	ph->height = (int)im.height;
	ph->alpha = (im.format & PNG_FORMAT_FLAG_ALPHA) != 0;
	png_image_free(&im);
	size_t len;
	unsigned char *icc = photo_png_icc(data, n, &len);
	ph->icc = icc != NULL;
	g_free(icc);
	return 0;
}

/* ---- WebP ---- */

static int webp_probe(const unsigned char *data, size_t n, struct photo *ph, char **error)
{
	WebPBitstreamFeatures f;
	if (WebPGetFeatures(data, n, &f) != VP8_STATUS_OK) {
		photo_fail(error, "not a readable WebP image");
		return -1;
	}
	size_t len;
	unsigned char *chunk = photo_webp_chunk(data, n, "EXIF", &len);
	if (chunk) {
		ph->orientation = photo_exif_orientation(chunk, len);
		ph->metadata = true;
		g_free(chunk);
	}
	chunk = photo_webp_chunk(data, n, "ICCP", &len);
	ph->icc = chunk != NULL;
	g_free(chunk);
	bool turned = ph->orientation >= 5;
	ph->width = turned ? f.height : f.width;
	ph->height = turned ? f.width : f.height;
	ph->alpha = f.has_alpha;
	return 0;
}

/* ---- the formats, by their first bytes ---- */

int photo_probe_data(const unsigned char *data, size_t n, struct photo *ph, char **error)
{
	memset(ph, 0, sizeof *ph);
	ph->orientation = 1;
	if (n == 0) {
		photo_fail(error, "empty file");
		return -1;
	}
	int st;
	if (n >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) {
		ph->kind = PHOTO_JPEG;
		st = jpeg_probe(data, n, ph, error);
	} else if (n >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) {
		ph->kind = PHOTO_PNG;
		st = png_probe(data, n, ph, error);
	} else if (n >= 12 && memcmp(data, "RIFF", 4) == 0 && memcmp(data + 8, "WEBP", 4) == 0) {
		ph->kind = PHOTO_WEBP;
		st = webp_probe(data, n, ph, error);
	} else if (n >= 12 && memcmp(data + 4, "ftyp", 4) == 0) {
		photo_fail(error, "a HEIF/HEIC or AVIF photo, which carnet does not read: convert it "
		     "to JPEG (e.g. heif-convert -q 92 photo.heic photo.jpg)");
		return -1;
	} else {
		photo_fail(error, "not a photo carnet reads: JPEG, PNG or WebP");
		return -1;
	}
	if (st != 0)
		return -1;
	if (ph->width <= 0 || ph->height <= 0) {
		photo_fail(error, "no pixels");
		return -1;
	}
	if ((long long)ph->width * ph->height > PHOTO_MAX_PIXELS) {
		photo_fail(error, "%d x %d pixels, more than the %lld megapixels carnet takes: "
		     "reduce it first", ph->width, ph->height, PHOTO_MAX_PIXELS / 1000000);
		return -1;
	}
	return 0;
}

void photo_content_key(const unsigned char *data, size_t n, char key[33])
{
	XXH128_hash_t h = XXH3_128bits(data, n);
	snprintf(key, 33, "%016llx%016llx", (unsigned long long)h.high64,
		 (unsigned long long)h.low64);
}

int photo_probe(const char *path, struct photo *ph, char **error)
{
	/* mapped, not read: the header is all a probe touches */
	GError *ge = NULL;
	GMappedFile *m = g_mapped_file_new(path, FALSE, &ge);
	if (!m) {
		photo_fail(error, "cannot read: %s", ge->message);
		g_error_free(ge);
		return -1;
	}
	int st = photo_probe_data((const unsigned char *)g_mapped_file_get_contents(m),
				  g_mapped_file_get_length(m), ph, error);
	g_mapped_file_unref(m);
	return st;
}

struct photo_crop photo_crop_for(const struct photo *ph, double aspect,
				 double fx, double fy, int px_w, int px_h)
{
	struct photo_crop c;
	double W = ph->width, H = ph->height;
	if (W / H > aspect) {
		c.h = H;
		c.w = H * aspect;
	} else {
		c.w = W;
		c.h = W / aspect;
	}
	c.x = CLAMP(fx * W - c.w / 2, 0, W - c.w);
	c.y = CLAMP(fy * H - c.h / 2, 0, H - c.h);
	if (px_w > c.w + 0.5 || px_h > c.h + 0.5) {    /* never enlarged */
		double k = fmin(c.w / px_w, c.h / px_h);
		px_w = MAX(1, (int)floor(px_w * k));
		px_h = MAX(1, (int)floor(px_h * k));
	}
	c.px_w = px_w;
	c.px_h = px_h;
	return c;
}
