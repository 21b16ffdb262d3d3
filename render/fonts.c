/* fonts.c — see fonts.h. */
#include "fonts.h"
#include "../etl/i18n.h"
#include "../etl/text.h"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

PangoFontMap *fonts_open(const char *dir, char **error)
{
	/* fontconfig reads a relative name from its own folder, not ours */
	char *abs = g_canonicalize_filename(dir, NULL);
	char *conf = g_build_filename(abs, "fonts.conf", NULL);
	g_free(abs);
	FcConfig *fc = FcConfigCreate();
	PangoFontMap *map = NULL;

	*error = NULL;
	if (!FcConfigParseAndLoad(fc, (const FcChar8 *)conf, FcTrue)) {
		*error = g_strdup_printf(_("%s: cannot read the font configuration"), conf);
		goto out;
	}
	/* every font file of the folder, in name order, scanned directly: no
	 * cache is read or written */
	GDir *d = g_dir_open(dir, 0, NULL);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	while (d && (name = g_dir_read_name(d)))
		if (g_str_has_suffix(name, ".ttf") || g_str_has_suffix(name, ".otf"))
			g_ptr_array_add(files, g_build_filename(dir, name, NULL));
	if (d)
		g_dir_close(d);
	g_ptr_array_sort(files, text_compare_indirect);
	for (guint i = 0; i < files->len; i++)
		if (!FcConfigAppFontAddFile(fc, (const FcChar8 *)files->pdata[i]))
			*error = g_strdup_printf(_("%s: not a font file"), (char *)files->pdata[i]);
	g_ptr_array_free(files, TRUE);
	if (*error)
		goto out;
	FcFontSet *set = FcConfigGetFonts(fc, FcSetApplication);
	if (!set || set->nfont == 0) {
		*error = g_strdup_printf(_("%s: no font in %s"), conf, dir);
		goto out;
	}
	map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!map) {
		*error = g_strdup(_("pango has no FreeType font map"));
		goto out;
	}
	/* the map keeps its own reference to the configuration */
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), fc);
out:
	FcConfigDestroy(fc);
	g_free(conf);
	return map;
}

/* Pango adds generic families to every map: they are no face of ours. */
static bool generic(const char *family)
{
	static const char *const names[] = {
		"sans", "sans-serif", "serif", "monospace", "system-ui", "cursive",
		"fantasy", "emoji", "math", "fangsong",
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!g_ascii_strcasecmp(family, names[i]))
			return true;
	return false;
}

bool fonts_have(PangoFontMap *map, const char *family)
{
	if (generic(family))
		return false;
	PangoFontFamily **families;
	int n;
	bool found = false;
	pango_font_map_list_families(map, &families, &n);
	for (int i = 0; i < n && !found; i++)
		found = !g_ascii_strcasecmp(pango_font_family_get_name(families[i]), family);
	g_free(families);
	return found;
}

char *fonts_families(PangoFontMap *map)
{
	PangoFontFamily **families;
	int n;
	pango_font_map_list_families(map, &families, &n);
	GPtrArray *names = g_ptr_array_new();
	for (int i = 0; i < n; i++)
		if (!generic(pango_font_family_get_name(families[i])))
			g_ptr_array_add(names, (gpointer)pango_font_family_get_name(families[i]));
	g_ptr_array_sort(names, text_compare_indirect);
	g_ptr_array_add(names, NULL);
	char *all = g_strjoinv(", ", (char **)names->pdata);
	g_ptr_array_free(names, TRUE);
	g_free(families);
	return all;
}

PangoLayout *fonts_layout(PangoContext *ctx, const char *text, const char *family,
			  PangoWeight weight, double size, double w)
{
	PangoLayout *lay = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, family);
	pango_font_description_set_weight(fd, weight);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(lay, fd);
	pango_font_description_free(fd);
	if (w > 0)
		pango_layout_set_width(lay, (int)(w * PANGO_SCALE));
	pango_layout_set_text(lay, text, -1);
	return lay;
}

PangoContext *fonts_context(PangoFontMap *map)
{
	PangoContext *ctx = pango_font_map_create_context(map);
	pango_cairo_context_set_resolution(ctx, 72);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	return ctx;
}
