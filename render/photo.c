/* photo.c — see photo.h. */
#include "photo.h"
#include "../etl/i18n.h"
#include "../model/photo_jpeg.h"
#include "../model/photo_meta.h"

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

unsigned char *photo_jpeg_without_metadata(const unsigned char *data, size_t n,
					   unsigned long *len, char **error)
{
	struct jpeg_decompress_struct in;
	struct jpeg_compress_struct out;
	struct photo_jerr e;
	unsigned char *volatile buf = NULL;
	/* the encoder's buffer, kept where a longjmp cannot lose it */
	unsigned char **mem = g_new0(unsigned char *, 1);
	*len = 0;
	photo_jpeg_begin(&in, &e, data, n);
	out.err = &e.pub;               /* one error manager, one jump */
	jpeg_create_compress(&out);
	if (setjmp(e.jb)) {
		photo_fail(error, "cannot copy the JPEG: %s", e.msg);
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
			return photo_fail(error, "a CMYK photo with no profile, and no default CMYK "
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
		photo_fail(error, "its colour profile cannot be used");
	return t;
}

/* The JPEG at scale/8 as stored (not turned upright), in sRGB. */
static cairo_surface_t *jpeg_decode(const struct photo *ph, const unsigned char *data,
				    size_t n, int scale, char **error)
{
	struct jpeg_decompress_struct ci;
	struct photo_jerr e;
	cairo_surface_t *volatile s = NULL;
	JOCTET *volatile icc = NULL;
	unsigned char *volatile row = NULL;
	volatile cmsHTRANSFORM t = NULL;

	photo_jpeg_begin(&ci, &e, data, n);
	if (setjmp(e.jb)) {
		photo_fail(error, "cannot decode the JPEG: %s", e.msg);
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
		photo_fail(error, "not enough memory for its pixels");
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
		return photo_fail(error, "cannot decode the PNG: truncated or corrupt");
	}
	return s;
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
		return photo_fail(error, "not enough memory for its pixels");
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
		return photo_fail(error, "cannot decode the WebP image: truncated or corrupt");
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
		int pairs = w / 2;
		/* premultiplied: a plain mean, byte by byte (vectorised) */
		for (int i = 0; i < 4 * pairs; i++) {
			int a = 8 * (i / 4) + i % 4;
			o[i] = (unsigned char)((r0[a] + r0[a + 4] + r1[a] + r1[a + 4] + 2) >> 2);
		}
		if (w % 2)              /* the last column, its own neighbour */
			for (int k = 0; k < 4; k++) {
				int a = 4 * (w - 1) + k;
				o[4 * pairs + k] = (unsigned char)((2 * r0[a] + 2 * r1[a] + 2) >> 2);
			}
	}
	cairo_surface_mark_dirty(dst);
	return dst;
}

/* s halved, made once and kept on s (its user data, gone with it), so
 * that the frames cut from one decode share its levels. */
static cairo_surface_t *half_of(cairo_surface_t *s)
{
	static const cairo_user_data_key_t key;
	cairo_surface_t *h = cairo_surface_get_user_data(s, &key);
	if (h)
		return h;
	h = half(s);
	if (h && cairo_surface_set_user_data(s, &key, h,
					     (cairo_destroy_func_t)cairo_surface_destroy) != 0) {
		cairo_surface_destroy(h);
		return NULL;
	}
	return h;
}

cairo_surface_t *photo_cut(const struct photo *ph, cairo_surface_t *src,
			   const struct photo_crop *c, char **error)
{
	double sw = cairo_image_surface_get_width(src), sh = cairo_image_surface_get_height(src);
	/* halved while the crop would still have twice the pixels it needs */
	cairo_surface_t *level = src;
	while (c->px_w * 2 <= c->w * ((ph->orientation >= 5 ? sh : sw) / ph->width) &&
	       c->px_h * 2 <= c->h * ((ph->orientation >= 5 ? sw : sh) / ph->height)) {
		cairo_surface_t *next = half_of(level);
		if (!next)
			break;
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
	cairo_surface_flush(dst);
	if (cairo_surface_status(dst) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(dst);
		return photo_fail(error, "not enough memory to resample it");
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
