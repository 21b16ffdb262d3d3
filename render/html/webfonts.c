/* webfonts.c — the edition's faces for the web pages: each face the
 * stylesheet names (the text face in its four styles, the hand-lettered
 * one), found through the same private font map as the PDF's, cut down by
 * HarfBuzz to the characters the pages hold (a few dozen kilobytes where
 * the files of fonts/ weigh megabytes), written under polices/ with the
 * fonts' licences (see webfonts.h). */
#include "webfonts.h"
#include "markup.h"

#include <string.h>

#include <hb-subset.h>

struct face {
	bool hand;              /* the hand-lettered family, else the text's */
	PangoWeight weight;
	PangoStyle style;
};

static const struct face faces[] = {
	{ false, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
	{ false, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
	{ false, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
	{ false, PANGO_WEIGHT_HEAVY, PANGO_STYLE_NORMAL },
	{ true, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
};

/* The characters of text, and those of ASCII that a page may show. */
static void add_text(hb_set_t *set, const char *text)
{
	hb_set_add_range(set, 0x20, 0x7E);
	for (const char *p = text; *p; p = g_utf8_next_char(p))
		hb_set_add(set, g_utf8_get_char(p));
}

static char *slug(const char *family)
{
	GString *s = g_string_new("");
	for (const char *p = family; *p; p++)
		if (g_ascii_isalnum(*p))
			g_string_append_c(s, g_ascii_tolower(*p));
	return g_string_free(s, FALSE);
}

/* Writes one face; false when the map has no face of that style (the
 * browser then makes it from the regular one). */
static int one_face(struct html *h, const struct face *f, const char *text, GString *css)
{
	const char *family = f->hand ? h->l->font_hand : h->l->font_text;
	PangoFontDescription *want = pango_font_description_new();
	pango_font_description_set_family(want, family);
	pango_font_description_set_weight(want, f->weight);
	pango_font_description_set_style(want, f->style);
	pango_font_description_set_absolute_size(want, 10 * PANGO_SCALE);
	PangoFont *font = pango_font_map_load_font(h->fonts, h->ctx, want);
	pango_font_description_free(want);
	if (!font)
		return 0;
	PangoFontDescription *got = pango_font_describe(font);
	bool same = pango_font_description_get_style(got) == f->style &&
		    pango_font_description_get_weight(got) == f->weight &&
		    !g_ascii_strcasecmp(pango_font_description_get_family(got), family);
	pango_font_description_free(got);
	int status = 0;
	if (!same)
		goto out;
	hb_face_t *face = hb_font_get_face(pango_font_get_hb_font(font));
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		goto fail;
	add_text(hb_subset_input_unicode_set(in), text);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	hb_face_t *cut = hb_subset_or_fail(face, in);
	hb_subset_input_destroy(in);
	if (!cut)
		goto fail;
	hb_blob_t *blob = hb_face_reference_blob(cut);
	unsigned int len = 0;
	const char *data = hb_blob_get_data(blob, &len);
	bool cff = len >= 4 && !memcmp(data, "OTTO", 4);
	char *name = slug(family);
	char *file = g_strdup_printf("polices/%s-%d%s.%s", name, (int)f->weight,
				     f->style == PANGO_STYLE_ITALIC ? "-italique" : "",
				     cff ? "otf" : "ttf");
	status = html_put(h->dir, file, data, len);
	g_string_append_printf(css, "@font-face { font-family: \"%s\"; src: url(\"%s\") "
			       "format(\"%s\"); font-weight: %d; font-style: %s; "
			       "font-display: swap; }\n", family, file,
			       cff ? "opentype" : "truetype", (int)f->weight,
			       f->style == PANGO_STYLE_ITALIC ? "italic" : "normal");
	g_free(file);
	g_free(name);
	hb_blob_destroy(blob);
	hb_face_destroy(cut);
	goto out;
fail:
	diag_add(h->d, DIAG_ERROR, family, 0, 0, "cannot cut the face down for the web");
	status = -1;
out:
	g_object_unref(font);
	return status;
}

int html_webfonts(struct html *h, const char *text, GString *css)
{
	for (size_t i = 0; i < G_N_ELEMENTS(faces); i++)
		if (one_face(h, &faces[i], text, css) != 0)
			return -1;
	/* the licences go with the fonts (the OFL asks it) */
	GDir *dir = g_dir_open(h->fonts_dir, 0, NULL);
	const char *entry;
	int status = 0;
	while (dir && (entry = g_dir_read_name(dir)) && !status)
		if (g_str_has_prefix(entry, "COPYRIGHT") || g_str_has_prefix(entry, "OFL") ||
		    g_str_has_prefix(entry, "LICENSE")) {
			char *path = g_build_filename(h->fonts_dir, entry, NULL), *data = NULL;
			gsize n = 0;
			char *to = g_strdup_printf("polices/%s.txt", entry);
			if (g_file_get_contents(path, &data, &n, NULL))
				status = html_put(h->dir, to, data, n);
			g_free(to);
			g_free(data);
			g_free(path);
		}
	if (dir)
		g_dir_close(dir);
	return status;
}
