/* photo.c — see photo.h. */
#include "photo.h"
#include "../etl/i18n.h"
#include "photo_meta.h"

#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <jpeglib.h>
#include <jerror.h>
#include <lcms2.h>
#include <png.h>
#include <webp/decode.h>
#include <xxhash.h>

/* Ghostscript's default CMYK profile (Debian libgs-common): what a CMYK
 * JPEG with no profile of its own is taken to be printed with. */
#define DEFAULT_CMYK_PROFILE "/usr/share/color/icc/ghostscript/default_cmyk.icc"

static void *fail(char **error, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void *fail(char **error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (error && !*error)
		*error = g_strdup_vprintf(_(fmt), ap);
	va_end(ap);
	return NULL;
}

/* ---- libjpeg, with errors and corrupt data as messages ---- */

struct jerr {
	struct jpeg_error_mgr pub;
	jmp_buf jb;
	char msg[JMSG_LENGTH_MAX];
};

static void jerr_exit(j_common_ptr c)
{
	struct jerr *e = (struct jerr *)c->err;
	c->err->format_message(c, e->msg);
	longjmp(e->jb, 1);
}

/* libjpeg only warns about a truncated or corrupt file, and fills the
 * rest with grey: for a carnet that is an error. */
static void jerr_emit(j_common_ptr c, int level)
{
	if (level >= 0)
		return;
	switch (c->err->msg_code) {
	case JWRN_JPEG_EOF: case JWRN_HIT_MARKER: case JWRN_MUST_RESYNC:
	case JWRN_NOT_SEQUENTIAL: case JWRN_BOGUS_PROGRESSION:
	case JWRN_HUFF_BAD_CODE:
		jerr_exit(c);
	default:
		break;
	}
}

static void jpeg_begin(struct jpeg_decompress_struct *ci, struct jerr *e,
		       const unsigned char *data, size_t n)
{
	ci->err = jpeg_std_error(&e->pub);
	e->pub.error_exit = jerr_exit;
	e->pub.emit_message = jerr_emit;
	jpeg_create_decompress(ci);
	jpeg_mem_src(ci, data, (unsigned long)n);
	jpeg_save_markers(ci, JPEG_APP0 + 1, 0xFFFF);   /* EXIF, XMP */
	jpeg_save_markers(ci, JPEG_APP0 + 2, 0xFFFF);   /* ICC */
	jpeg_save_markers(ci, JPEG_APP0 + 13, 0);       /* IPTC: only noted */
	jpeg_save_markers(ci, JPEG_COM, 0);
}

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
	struct jerr e;
	jpeg_begin(&ci, &e, data, n);
	if (setjmp(e.jb)) {
		fail(error, "not a readable JPEG: %s", e.msg);
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

unsigned char *photo_jpeg_without_metadata(const unsigned char *data, size_t n,
					   unsigned long *len, char **error)
{
	struct jpeg_decompress_struct in;
	struct jpeg_compress_struct out;
	struct jerr e;
	unsigned char *volatile buf = NULL;
	/* the encoder's buffer, kept where a longjmp cannot lose it */
	unsigned char **mem = g_new0(unsigned char *, 1);
	*len = 0;
	jpeg_begin(&in, &e, data, n);
	out.err = &e.pub;               /* one error manager, one jump */
	jpeg_create_compress(&out);
	if (setjmp(e.jb)) {
		fail(error, "cannot copy the JPEG: %s", e.msg);
		goto out;
	}
	jpeg_read_header(&in, TRUE);
	jvirt_barray_ptr *coef = jpeg_read_coefficients(&in);
	jpeg_mem_dest(&out, mem, len);
	jpeg_copy_critical_parameters(&in, &out);
	out.optimize_coding = TRUE;
	jpeg_write_coefficients(&out, coef);    /* and no marker of the original */
	jpeg_finish_compress(&out);
	jpeg_finish_decompress(&in);
	buf = *mem;
	*mem = NULL;
out:
	free(*mem);             /* what an error left behind */
	g_free(mem);
	jpeg_destroy_compress(&out);
	jpeg_destroy_decompress(&in);
	return buf;
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

/* An lcms2 transform from the profile (or, for CMYK, the default one) to
 * sRGB, writing cairo's BGRX; NULL with *error. */
static cmsHTRANSFORM to_srgb(const JOCTET *icc, unsigned int len, cmsUInt32Number in_format,
			     cmsColorSpaceSignature want, char **error)
{
	cmsHPROFILE in = icc ? cmsOpenProfileFromMem(icc, len) : NULL;
	if (in && cmsGetColorSpace(in) != want) {
		cmsCloseProfile(in);            /* a profile for another space */
		in = NULL;
	}
	if (!in && want == cmsSigCmykData) {
		in = cmsOpenProfileFromFile(DEFAULT_CMYK_PROFILE, "r");
		if (!in)
			return fail(error, "a CMYK photo with no profile, and no default CMYK "
				    "profile in " DEFAULT_CMYK_PROFILE " (Debian libgs-common)");
	}
	if (!in)
		return NULL;
	cmsHPROFILE out = cmsCreate_sRGBProfile();
	/* RGB in place (PNG, WebP: premultiplied alpha kept as it is);
	 * CMYK to cairo's BGRX */
	bool rgb = want == cmsSigRgbData;
	cmsHTRANSFORM t = cmsCreateTransform(in, in_format, out, rgb ? in_format : TYPE_BGRA_8,
					     INTENT_PERCEPTUAL, rgb ? cmsFLAGS_COPY_ALPHA : 0);
	cmsCloseProfile(in);
	cmsCloseProfile(out);
	if (!t)
		fail(error, "its colour profile cannot be used");
	return t;
}

/* The JPEG at scale/8 as stored (not turned upright), in sRGB. */
static cairo_surface_t *jpeg_decode(const struct photo *ph, const unsigned char *data,
				    size_t n, int scale, char **error)
{
	struct jpeg_decompress_struct ci;
	struct jerr e;
	cairo_surface_t *volatile s = NULL;
	JOCTET *volatile icc = NULL;
	unsigned char *volatile row = NULL;
	volatile cmsHTRANSFORM t = NULL;

	jpeg_begin(&ci, &e, data, n);
	if (setjmp(e.jb)) {
		fail(error, "cannot decode the JPEG: %s", e.msg);
		goto fail;
	}
	jpeg_read_header(&ci, TRUE);
	ci.scale_num = (unsigned)scale;
	ci.scale_denom = 8;
	ci.dct_method = JDCT_ISLOW;             /* the same bytes on every CPU */
	ci.out_color_space = ph->cmyk ? JCS_CMYK : JCS_EXT_BGRX;
	JOCTET *p = NULL;
	unsigned int plen = 0;
	if (jpeg_read_icc_profile(&ci, &p, &plen))
		icc = p;
	if (ph->cmyk)
		/* Adobe's CMYK JPEGs store inverted inks (0 = full ink) */
		t = to_srgb(icc, plen, ci.saw_Adobe_marker ? TYPE_CMYK_8_REV : TYPE_CMYK_8,
			    cmsSigCmykData, error);
	else if (icc)
		t = to_srgb(icc, plen, TYPE_BGRA_8, cmsSigRgbData, error);
	if (ph->cmyk && !t)
		goto fail;
	jpeg_start_decompress(&ci);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ci.output_width,
				       (int)ci.output_height);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fail(error, "not enough memory for its pixels");
		goto fail;
	}
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	if (ph->cmyk)
		row = g_malloc((size_t)ci.output_width * 4);
	while (ci.output_scanline < ci.output_height) {
		unsigned char *dst = px + (size_t)ci.output_scanline * stride;
		JSAMPROW r = ph->cmyk ? row : dst;
		jpeg_read_scanlines(&ci, &r, 1);
		if (t)
			cmsDoTransform(t, r, dst, ci.output_width);
	}
	jpeg_finish_decompress(&ci);
	cairo_surface_mark_dirty(s);
	goto out;
fail:
	if (s)
		cairo_surface_destroy(s);
	s = NULL;
out:
	if (t)
		cmsDeleteTransform(t);
	free(icc);
	g_free(row);
	jpeg_destroy_decompress(&ci);
	return s;
}

/* ---- PNG: the header with libpng, the pixels with cairo ---- */

static int png_probe(const unsigned char *data, size_t n, struct photo *ph, char **error)
{
	png_image im = { .version = PNG_IMAGE_VERSION };
	if (!png_image_begin_read_from_memory(&im, data, n)) {
		fail(error, "not a readable PNG: %s", im.message);
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

struct reader {
	const unsigned char *data;
	size_t n, at;
};

static cairo_status_t read_mem(void *closure, unsigned char *buf, unsigned int len)
{
	struct reader *r = closure;
	if (r->n - r->at < len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(buf, r->data + r->at, len);
	r->at += len;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *png_decode(const unsigned char *data, size_t n, char **error)
{
	struct reader r = { data, n, 0 };
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(read_mem, &r);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return fail(error, "cannot decode the PNG: truncated or corrupt");
	}
	return s;
}

/* ---- WebP ---- */

static int webp_probe(const unsigned char *data, size_t n, struct photo *ph, char **error)
{
	WebPBitstreamFeatures f;
	if (WebPGetFeatures(data, n, &f) != VP8_STATUS_OK) {
		fail(error, "not a readable WebP image");
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

static cairo_surface_t *webp_decode(const struct photo *ph, const unsigned char *data,
				    size_t n, char **error)
{
	/* as stored: the orientation is photo_render()'s */
	bool turned = ph->orientation >= 5;
	int w = turned ? ph->height : ph->width, h = turned ? ph->width : ph->height;
	cairo_surface_t *s = cairo_image_surface_create(
		ph->alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return fail(error, "not enough memory for its pixels");
	}
	WebPDecoderConfig cfg;
	WebPInitDecoderConfig(&cfg);
	/* premultiplied BGRA: cairo's ARGB32 on a little-endian machine */
	cfg.output.colorspace = MODE_bgrA;
	cfg.output.is_external_memory = 1;
	cfg.output.u.RGBA.rgba = cairo_image_surface_get_data(s);
	cfg.output.u.RGBA.stride = cairo_image_surface_get_stride(s);
	cfg.output.u.RGBA.size = (size_t)cfg.output.u.RGBA.stride * h;
	VP8StatusCode st = WebPDecode(data, n, &cfg);
	WebPFreeDecBuffer(&cfg.output);
	if (st != VP8_STATUS_OK) {
		cairo_surface_destroy(s);
		return fail(error, "cannot decode the WebP image: truncated or corrupt");
	}
	cairo_surface_mark_dirty(s);
	return s;
}

/* A PNG's or a WebP's pixels, in s (cairo's, premultiplied when they have
 * alpha), taken from its ICC profile to sRGB.  A profile lcms2 cannot use
 * is an error, as for a JPEG's. */
static bool profiled_to_srgb(const struct photo *ph, const unsigned char *data, size_t n,
			     cairo_surface_t *s, char **error)
{
	size_t len = 0;
	unsigned char *icc = ph->kind == PHOTO_PNG ? photo_png_icc(data, n, &len)
						   : photo_webp_chunk(data, n, "ICCP", &len);
	bool alpha = cairo_image_surface_get_format(s) == CAIRO_FORMAT_ARGB32;
	cmsHTRANSFORM t = icc ? to_srgb(icc, (unsigned int)len,
					alpha ? TYPE_BGRA_8_PREMUL : TYPE_BGRA_8,
					cmsSigRgbData, error) : NULL;
	g_free(icc);
	if (!t)
		return *error == NULL;          /* a profile for another space: as is */
	cairo_surface_flush(s);
	unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s), w = cairo_image_surface_get_width(s);
	for (int y = 0; y < cairo_image_surface_get_height(s); y++)
		cmsDoTransform(t, px + (size_t)y * stride, px + (size_t)y * stride, (cmsUInt32Number)w);
	cmsDeleteTransform(t);
	cairo_surface_mark_dirty(s);
	return true;
}

/* ---- the formats, by their first bytes ---- */

int photo_probe_data(const unsigned char *data, size_t n, struct photo *ph, char **error)
{
	memset(ph, 0, sizeof *ph);
	ph->orientation = 1;
	if (n == 0) {
		fail(error, "empty file");
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
		fail(error, "a HEIF/HEIC or AVIF photo, which carnet does not read: convert it "
		     "to JPEG (e.g. heif-convert -q 92 photo.heic photo.jpg)");
		return -1;
	} else {
		fail(error, "not a photo carnet reads: JPEG, PNG or WebP");
		return -1;
	}
	if (st != 0)
		return -1;
	if (ph->width <= 0 || ph->height <= 0) {
		fail(error, "no pixels");
		return -1;
	}
	if ((long long)ph->width * ph->height > PHOTO_MAX_PIXELS) {
		fail(error, "%d x %d pixels, more than the %lld megapixels carnet takes: "
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
		fail(error, "cannot read: %s", ge->message);
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

bool photo_has_transparency(cairo_surface_t *s)
{
	if (cairo_image_surface_get_format(s) != CAIRO_FORMAT_ARGB32)
		return false;
	const unsigned char *px = cairo_image_surface_get_data(s);
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	for (int y = 0; y < h; y++) {
		const uint32_t *row = (const uint32_t *)(px + (size_t)y * stride);
		for (int x = 0; x < w; x++)
			if ((row[x] >> 24) != 255)
				return true;
	}
	return false;
}

/* The matrix from upright coordinates to stored ones for EXIF
 * orientation o, the stored image being sw x sh. */
static void orientation_matrix(cairo_matrix_t *m, int o, double sw, double sh)
{
	static const double t[9][6] = {
		{ 1, 0, 0, 0, 1, 0 },
		{ 1, 0, 0, 0, 1, 0 },                   /* 1: as stored */
		{ -1, 0, 1, 0, 1, 0 },                  /* 2: mirrored */
		{ -1, 0, 1, 0, -1, 1 },                 /* 3: turned 180° */
		{ 1, 0, 0, 0, -1, 1 },                  /* 4: upside down, mirrored */
		{ 0, 1, 0, 1, 0, 0 },                   /* 5: transposed */
		{ 0, 1, 0, -1, 0, 1 },                  /* 6: turned 90° clockwise */
		{ 0, -1, 1, -1, 0, 1 },                 /* 7: transversed */
		{ 0, -1, 1, 1, 0, 0 },                  /* 8: turned 90° anticlockwise */
	};
	const double *r = t[o >= 1 && o <= 8 ? o : 1];
	/* stored x = r0 u + r1 v + r2 sw, stored y = r3 u + r4 v + r5 sh */
	cairo_matrix_init(m, r[0], r[3], r[1], r[4], r[2] * sw, r[5] * sh);
}

cairo_surface_t *photo_decode(const struct photo *ph, const unsigned char *data, size_t n,
			      int scale, char **error)
{
	cairo_surface_t *src;
	switch (ph->kind) {
	case PHOTO_JPEG:
		src = jpeg_decode(ph, data, n, scale, error);
		break;
	case PHOTO_PNG:
		src = png_decode(data, n, error);
		break;
	default:
		src = webp_decode(ph, data, n, error);
		break;
	}
	if (src && ph->icc && ph->kind != PHOTO_JPEG && !profiled_to_srgb(ph, data, n, src, error)) {
		cairo_surface_destroy(src);
		src = NULL;
	}
	return src;
}

/* src at half its size (rounded up), each pixel the mean of four, the
 * last row and column their own neighbours: a mipmap level, so that
 * cairo's GOOD filter, whose cost grows with the pixels under each one it
 * writes, resamples by less than two.  NULL without memory. */
static cairo_surface_t *half(cairo_surface_t *src)
{
	int w = cairo_image_surface_get_width(src), h = cairo_image_surface_get_height(src);
	int hw = (w + 1) / 2, hh = (h + 1) / 2;
	cairo_surface_t *dst = cairo_image_surface_create(cairo_image_surface_get_format(src), hw, hh);
	if (cairo_surface_status(dst) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(dst);
		return NULL;
	}
	cairo_surface_flush(src);
	const unsigned char *in = cairo_image_surface_get_data(src);
	unsigned char *out = cairo_image_surface_get_data(dst);
	int is = cairo_image_surface_get_stride(src), os = cairo_image_surface_get_stride(dst);
	for (int y = 0; y < hh; y++) {
		const unsigned char *r0 = in + (size_t)(2 * y) * is;
		const unsigned char *r1 = in + (size_t)MIN(2 * y + 1, h - 1) * is;
		unsigned char *o = out + (size_t)y * os;
		for (int x = 0; x < hw; x++) {
			int a = 8 * x, b = 4 * MIN(2 * x + 1, w - 1);
			for (int k = 0; k < 4; k++)     /* premultiplied: a plain mean */
				o[4 * x + k] = (unsigned char)((r0[a + k] + r0[b + k] + r1[a + k] +
								r1[b + k] + 2) / 4);
		}
	}
	cairo_surface_mark_dirty(dst);
	return dst;
}

cairo_surface_t *photo_cut(const struct photo *ph, cairo_surface_t *src,
			   const struct photo_crop *c, char **error)
{
	double sw = cairo_image_surface_get_width(src), sh = cairo_image_surface_get_height(src);
	/* halved while the crop would still have twice the pixels it needs */
	cairo_surface_t *level = cairo_surface_reference(src);
	while (c->px_w * 2 <= c->w * ((ph->orientation >= 5 ? sh : sw) / ph->width) &&
	       c->px_h * 2 <= c->h * ((ph->orientation >= 5 ? sw : sh) / ph->height)) {
		cairo_surface_t *next = half(level);
		if (!next)
			break;
		cairo_surface_destroy(level);
		level = next;
		sw = cairo_image_surface_get_width(level);
		sh = cairo_image_surface_get_height(level);
	}
	src = level;
	bool turned = ph->orientation >= 5;
	/* upright units of the decoded image per upright photo pixel */
	double k = (turned ? sh : sw) / ph->width;
	bool alpha = cairo_image_surface_get_format(src) == CAIRO_FORMAT_ARGB32;
	cairo_surface_t *dst = cairo_image_surface_create(
		alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, c->px_w, c->px_h);
	cairo_t *cr = cairo_create(dst);
	cairo_pattern_t *pat = cairo_pattern_create_for_surface(src);
	cairo_matrix_t m, o, crop;
	/* destination pixel -> upright decoded units -> stored decoded pixels */
	cairo_matrix_init(&crop, c->w * k / c->px_w, 0, 0, c->h * k / c->px_h,
			  c->x * k, c->y * k);
	orientation_matrix(&o, ph->orientation, sw, sh);
	cairo_matrix_multiply(&m, &crop, &o);
	cairo_pattern_set_matrix(pat, &m);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_BILINEAR);
	cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD);
	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_set_source(cr, pat);
	cairo_paint(cr);
	cairo_pattern_destroy(pat);
	cairo_destroy(cr);
	cairo_surface_destroy(level);
	cairo_surface_flush(dst);
	if (cairo_surface_status(dst) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(dst);
		return fail(error, "not enough memory to resample it");
	}
	return dst;
}

cairo_surface_t *photo_render(const struct photo *ph, const unsigned char *data,
			      size_t n, const struct photo_crop *c, char **error)
{
	cairo_surface_t *src = photo_decode(ph, data, n, photo_decode_scale(ph, c), error);
	if (!src)
		return NULL;
	cairo_surface_t *dst = photo_cut(ph, src, c, error);
	cairo_surface_destroy(src);
	return dst;
}
