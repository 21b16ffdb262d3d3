/* test_photo.c — photos: the crop a frame takes, the header probe and its
 * refusals, EXIF orientation, transparency, and metadata left out.  The
 * images are made here, small, with libjpeg, libexif and cairo. */
#include "suites.h"
#include "../../render/photo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <jpeglib.h>
#include <libexif/exif-data.h>
#include <zlib.h>

/* A w x h JPEG, red in its top half and blue in its bottom half as
 * stored, with EXIF orientation o (0: no EXIF) and a comment. */
static unsigned char *make_jpeg(int w, int h, int o, const char *comment,
				unsigned long *len)
{
	struct jpeg_compress_struct ci;
	struct jpeg_error_mgr err;
	unsigned char *out = NULL;
	*len = 0;
	ci.err = jpeg_std_error(&err);
	jpeg_create_compress(&ci);
	jpeg_mem_dest(&ci, &out, len);
	ci.image_width = (JDIMENSION)w;
	ci.image_height = (JDIMENSION)h;
	ci.input_components = 3;
	ci.in_color_space = JCS_RGB;
	jpeg_set_defaults(&ci);
	jpeg_set_quality(&ci, 95, TRUE);
	jpeg_start_compress(&ci, TRUE);
	if (o) {
		ExifData *ed = exif_data_new();
		exif_data_set_byte_order(ed, EXIF_BYTE_ORDER_INTEL);
		ExifEntry *e = exif_entry_new();
		exif_content_add_entry(ed->ifd[EXIF_IFD_0], e);
		exif_entry_initialize(e, EXIF_TAG_ORIENTATION);
		exif_set_short(e->data, EXIF_BYTE_ORDER_INTEL, (ExifShort)o);
		unsigned char *raw = NULL;
		unsigned int n = 0;
		exif_data_save_data(ed, &raw, &n);
		jpeg_write_marker(&ci, JPEG_APP0 + 1, raw, n);
		free(raw);
		exif_entry_unref(e);
		exif_data_unref(ed);
	}
	if (comment)
		jpeg_write_marker(&ci, JPEG_COM, (const JOCTET *)comment,
				  (unsigned int)strlen(comment));
	unsigned char *row = g_malloc((size_t)w * 3);
	while (ci.next_scanline < ci.image_height) {
		bool top = ci.next_scanline < (unsigned)h / 2;
		for (int x = 0; x < w; x++) {
			row[3 * x] = top ? 230 : 20;
			row[3 * x + 1] = 20;
			row[3 * x + 2] = top ? 20 : 230;
		}
		jpeg_write_scanlines(&ci, &row, 1);
	}
	g_free(row);
	jpeg_finish_compress(&ci);
	jpeg_destroy_compress(&ci);
	return out;
}

static cairo_status_t to_bytes(void *closure, const unsigned char *data, unsigned int n)
{
	g_byte_array_append(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

/* A PNG of w x h, half transparent when alpha. */
static GByteArray *make_png(int w, int h, bool alpha)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.2, 0.6, 0.3);
	cairo_rectangle(cr, 0, 0, alpha ? w / 2 : w, h);
	cairo_fill(cr);
	cairo_destroy(cr);
	GByteArray *b = g_byte_array_new();
	cairo_surface_write_to_png_stream(s, to_bytes, b);
	cairo_surface_destroy(s);
	return b;
}

static bool contains(const unsigned char *buf, size_t n, const char *s)
{
	size_t k = strlen(s);
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(buf + i, s, k))
			return true;
	return false;
}

static void pixel(cairo_surface_t *s, int x, int y, int *r, int *g, int *b)
{
	const unsigned char *p = cairo_image_surface_get_data(s) +
				 y * cairo_image_surface_get_stride(s) + 4 * x;
	*b = p[0], *g = p[1], *r = p[2];
}

START_TEST(crop_keeps_the_focal_point_inside)
{
	struct photo ph = { .width = 4000, .height = 3000 };
	struct photo_crop c = photo_crop_for(&ph, 1.0, 0.5, 0.5, 500, 500);
	ck_assert_double_eq_tol(c.x, 500, 1e-9);
	ck_assert_double_eq_tol(c.w, 3000, 1e-9);
	ck_assert_double_eq_tol(c.h, 3000, 1e-9);
	ck_assert_int_eq(c.px_w, 500);
	c = photo_crop_for(&ph, 1.0, 0.0, 0.5, 500, 500);
	ck_assert_double_eq_tol(c.x, 0, 1e-9);
	c = photo_crop_for(&ph, 1.0, 0.9, 0.5, 500, 500);   /* 3600 - 1500, kept inside */
	ck_assert_double_eq_tol(c.x, 1000, 1e-9);
	/* a panorama frame crops the height, around the focal point */
	c = photo_crop_for(&ph, 4.0, 0.5, 0.2, 800, 200);
	ck_assert_double_eq_tol(c.h, 1000, 1e-9);
	ck_assert_double_eq_tol(c.y, 100, 1e-9);
}
END_TEST

START_TEST(crop_never_enlarges)
{
	struct photo ph = { .width = 320, .height = 240 };
	struct photo_crop c = photo_crop_for(&ph, 4.0 / 3, 0.5, 0.5, 1000, 750);
	ck_assert_int_eq(c.px_w, 320);
	ck_assert_int_eq(c.px_h, 240);
}
END_TEST

static void expect_refused(const void *data, size_t n, const char *want)
{
	struct photo ph;
	char *error = NULL;
	ck_assert_int_eq(photo_probe_data(data, n, &ph, &error), -1);
	ck_assert_msg(error && strstr(error, want), "message '%s', want '%s'", error, want);
	g_free(error);
}

START_TEST(probe_refuses_what_is_not_a_photo)
{
	expect_refused("", 0, "empty file");
	expect_refused("Bonjour\n", 8, "not a photo carnet reads: JPEG, PNG or WebP");
	expect_refused("\0\0\0\x18" "ftypheic\0\0\0\0mif1heic", 24, "heif-convert");
	unsigned long n;
	unsigned char *j = make_jpeg(16, 16, 0, NULL, &n);
	expect_refused(j, 20, "not a readable JPEG");
	free(j);
}
END_TEST

static void be32(GByteArray *b, uLong v)
{
	unsigned char x[4] = { v >> 24, v >> 16, v >> 8, v };
	g_byte_array_append(b, x, 4);
}

static void chunk(GByteArray *b, const char *type, const unsigned char *data, unsigned n)
{
	be32(b, n);
	guint at = b->len;
	g_byte_array_append(b, (const guint8 *)type, 4);
	g_byte_array_append(b, data, n);
	be32(b, crc32(0, b->data + at, n + 4));
}

/* A PNG whose header claims 100 000 x 100 000 pixels over a few bytes of
 * data: refused before any pixel is allocated. */
START_TEST(probe_refuses_a_decompression_bomb)
{
	GByteArray *b = g_byte_array_new();
	g_byte_array_append(b, (const guint8 *)"\x89PNG\r\n\x1a\n", 8);
	unsigned char ihdr[13] = { 0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0, 8, 2, 0, 0, 0 };
	chunk(b, "IHDR", ihdr, 13);
	unsigned char zeros[64] = { 0 }, z[128];
	uLongf zn = sizeof z;
	compress(z, &zn, zeros, sizeof zeros);
	chunk(b, "IDAT", z, (unsigned)zn);
	chunk(b, "IEND", NULL, 0);
	expect_refused(b->data, b->len, "100000 x 100000 pixels, more than the 64 megapixels");
	g_byte_array_free(b, TRUE);
}
END_TEST

/* Orientation 6 (turned 90° clockwise to be upright): stored red on top,
 * upright red on the right. */
START_TEST(exif_orientation_turns_the_photo_upright)
{
	for (int o = 1; o <= 8; o++) {
		unsigned long n;
		unsigned char *j = make_jpeg(40, 20, o, NULL, &n);
		struct photo ph;
		char *error = NULL;
		ck_assert_int_eq(photo_probe_data(j, n, &ph, &error), 0);
		ck_assert_int_eq(ph.orientation, o);
		ck_assert_int_eq(ph.width, o >= 5 ? 20 : 40);
		ck_assert_int_eq(ph.height, o >= 5 ? 40 : 20);
		struct photo_crop c = photo_crop_for(&ph, (double)ph.width / ph.height, 0.5, 0.5,
						     ph.width, ph.height);
		cairo_surface_t *s = photo_render(&ph, j, n, &c, &error);
		ck_assert_ptr_nonnull(s);
		int r, g, b;
		/* where the stored top (red) goes once upright */
		int x = ph.width / 2, y = 2;                    /* 1, 2: top */
		if (o == 3 || o == 4)
			y = ph.height - 3;                      /* bottom */
		else if (o == 5 || o == 8)
			x = 2, y = ph.height / 2;               /* left */
		else if (o == 6 || o == 7)
			x = ph.width - 3, y = ph.height / 2;    /* right */
		pixel(s, x, y, &r, &g, &b);
		ck_assert_msg(r > 150 && b < 100, "orientation %d: (%d, %d) is %d,%d,%d, want red",
			      o, x, y, r, g, b);
		cairo_surface_destroy(s);
		free(j);
	}
}
END_TEST

START_TEST(transparency_is_kept_only_where_there_is_some)
{
	for (int alpha = 0; alpha < 2; alpha++) {
		GByteArray *png = make_png(32, 16, alpha);
		struct photo ph;
		char *error = NULL;
		ck_assert_int_eq(photo_probe_data(png->data, png->len, &ph, &error), 0);
		ck_assert_int_eq(ph.alpha, alpha);      /* cairo writes RGB when opaque */
		struct photo_crop c = photo_crop_for(&ph, 2.0, 0.5, 0.5, 16, 8);
		cairo_surface_t *s = photo_render(&ph, png->data, png->len, &c, &error);
		ck_assert_ptr_nonnull(s);
		ck_assert_int_eq(photo_has_transparency(s), alpha);
		cairo_surface_destroy(s);
		g_byte_array_free(png, TRUE);
	}
}
END_TEST

START_TEST(metadata_left_out_image_kept)
{
	unsigned long n, m;
	unsigned char *j = make_jpeg(48, 32, 1, "Jean Dupont, 12 rue des Lilas", &n);
	struct photo ph;
	char *error = NULL;
	ck_assert_int_eq(photo_probe_data(j, n, &ph, &error), 0);
	ck_assert(ph.metadata);
	unsigned char *clean = photo_jpeg_without_metadata(j, n, &m, &error);
	ck_assert_ptr_nonnull(clean);
	ck_assert(contains(j, n, "Dupont"));
	ck_assert(!contains(clean, m, "Dupont"));
	ck_assert(!contains(clean, m, "Exif"));
	struct photo ph2;
	ck_assert_int_eq(photo_probe_data(clean, m, &ph2, &error), 0);
	ck_assert(!ph2.metadata);
	/* the same pixels: the coefficients were copied, not re-encoded */
	struct photo_crop c = photo_crop_for(&ph, 1.5, 0.5, 0.5, 48, 32);
	cairo_surface_t *a = photo_render(&ph, j, n, &c, &error);
	cairo_surface_t *b = photo_render(&ph2, clean, m, &c, &error);
	ck_assert_int_eq(memcmp(cairo_image_surface_get_data(a), cairo_image_surface_get_data(b),
				(size_t)cairo_image_surface_get_stride(a) * 32), 0);
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	free(clean);
	free(j);
}
END_TEST

START_TEST(truncated_jpeg_is_an_error)
{
	unsigned long n;
	unsigned char *j = make_jpeg(64, 64, 0, NULL, &n);
	struct photo ph;
	char *error = NULL;
	ck_assert_int_eq(photo_probe_data(j, n - 40, &ph, &error), 0);
	struct photo_crop c = photo_crop_for(&ph, 1.0, 0.5, 0.5, 64, 64);
	ck_assert_ptr_null(photo_render(&ph, j, n - 40, &c, &error));
	ck_assert_msg(error && strstr(error, "Premature end of JPEG file"), "%s", error);
	g_free(error);
	free(j);
}
END_TEST

Suite *photo_suite(void)
{
	Suite *s = suite_create("photo");
	TCase *tc = tcase_create("photo");
	tcase_add_test(tc, crop_keeps_the_focal_point_inside);
	tcase_add_test(tc, crop_never_enlarges);
	tcase_add_test(tc, probe_refuses_what_is_not_a_photo);
	tcase_add_test(tc, probe_refuses_a_decompression_bomb);
	tcase_add_test(tc, exif_orientation_turns_the_photo_upright);
	tcase_add_test(tc, transparency_is_kept_only_where_there_is_some);
	tcase_add_test(tc, metadata_left_out_image_kept);
	tcase_add_test(tc, truncated_jpeg_is_an_error);
	suite_add_tcase(s, tc);
	return s;
}
