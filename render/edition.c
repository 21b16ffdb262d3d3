/* edition.c — see edition.h. */
#include "edition.h"
#include "../etl/i18n.h"
#include "fonts.h"
#include "../model/hyphenate.h"
#include "photo.h"
#include "../model/inputs.h"

#include <stdio.h>
#include <string.h>

/* fonts/ here, else in the repository this program was built in. */
static char *default_fonts(void)
{
	if (g_file_test("fonts/fonts.conf", G_FILE_TEST_EXISTS))
		return g_strdup("fonts");
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *dir = exe ? g_path_get_dirname(exe) : NULL;
	char *fonts = dir ? g_build_filename(dir, "..", "..", "fonts", NULL) : g_strdup("fonts");
	g_free(exe);
	g_free(dir);
	return fonts;
}

/* The faces the edition names must be among the fonts of fonts_dir. */
static void check_faces(struct edition *e, struct diag *d)
{
	const struct layout *l = &e->l;
	const char *faces[] = { l->font_text, l->font_hand };
	long lines[] = { l->font_text_line, l->font_hand_line };
	const char *keys[] = { "texte", "manuscrite" };
	char *ini = g_build_filename(l->dir, "edition.ini", NULL);
	for (int i = 0; i < 2; i++)
		if (!fonts_have(e->fonts, faces[i])) {
			char *all = fonts_families(e->fonts);
			diag_add(d, DIAG_ERROR, ini, lines[i], 0,
				 "[polices] %s: no face '%s' in %s (its faces: %s)",
				 keys[i], faces[i], e->fonts_dir, all);
			g_free(all);
		}
	/* the logo: a file under the layout, SVG or PNG */
	if (*l->logo) {
		char *path = g_build_filename(l->dir, l->logo, NULL), *why = NULL;
		if (!layout_inside(l->dir, l->logo))
			why = g_strdup(_("not a path inside the layout"));
		else if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
			why = g_strdup(_("no such file in the layout"));
		else
			e->logo = logo_open(path, &why);
		if (why)
			diag_add(d, DIAG_ERROR, ini, l->logo_line, 0, "logo '%s': %s", l->logo, why);
		g_free(why);
		e->logo_path = path;
	}
	g_free(ini);
}

/* A loop with no article in this edition (none written, or its only
 * article still to write) is left out of it, with a warning: no divider,
 * no line in the sommaire or the web's menu. */
static void drop_empty_loops(struct edition *e, struct diag *d)
{
	for (size_t i = e->l.nloops; i-- > 0;) {
		bool any = false;
		for (size_t k = 0; k < e->x.n && !any; k++)
			any = !strcmp(e->x.v[k].loop, e->l.loops[i].id);
		if (any)
			continue;
		char *dir = g_build_filename(e->l.dir, "textes", e->l.loops[i].id, NULL);
		diag_add(d, DIAG_WARNING, dir, 0, 0,
			 "the loop '%s' has no article in this edition: left out of it",
			 e->l.loops[i].id);
		g_free(dir);
		layout_drop_loop(&e->l, i);
	}
}

/* An error in the texts (a photo refused, a placeholder) stops the build
 * before the photos are decoded for their frames: each present photo is
 * decoded now, small, so that one run names every bad photo.  A run
 * without error pays nothing for it. */
static void check_photos(const struct texts *x, struct diag *d)
{
	for (size_t i = 0; i < x->n; i++)
		for (size_t k = 0; k < x->v[i].n; k++) {
			const struct block *b = &x->v[i].v[k];
			if (b->kind != BLOCK_IMAGE || !b->present)
				continue;
			const struct photo *ph = &b->photo;
			struct photo_crop c = photo_crop_for(ph, (double)ph->width / ph->height,
							     0.5, 0.5, MIN(ph->width, 96),
							     MIN(ph->height, 96));
			char *error = NULL;
			GMappedFile *m = g_mapped_file_new(b->image, FALSE, NULL);
			cairo_surface_t *s = m ? photo_render(ph,
				(const unsigned char *)g_mapped_file_get_contents(m),
				g_mapped_file_get_length(m), &c, &error) : NULL;
			if (s)
				cairo_surface_destroy(s);
			else
				diag_add(d, DIAG_ERROR, x->v[i].file, b->line, 0, "photo '%s': %s",
					 b->image_name, error ? error : "cannot read it again");
			if (m)
				g_mapped_file_unref(m);
			g_free(error);
		}
}

enum status edition_open(struct edition *e, const char *layout_dir, const char *figures,
			 const char *labels, const char *fonts_dir, bool draft,
			 struct diag *d, const char *prog)
{
	*e = (struct edition){ .t = FIGURES_INIT };
	e->fonts_dir = fonts_dir ? g_strdup(fonts_dir) : default_fonts();
	if (inputs_read_model(&e->l, &e->t, layout_dir, figures, labels, false, draft, d) != 0)
		return STATUS_BAD_INPUT;
	if (texts_load(&e->l, &e->t, draft, &e->x, d) != 0) {
		check_photos(&e->x, d);
		return STATUS_BAD_INPUT;
	}
	drop_empty_loops(e, d);
	e->date = layout_date(&e->l);
	if (e->date < 0) {
		fprintf(stderr, _("%s: SOURCE_DATE_EPOCH is not a number of seconds\n"), prog);
		return STATUS_FAILED;
	}
	char *error = NULL;
	e->fonts = fonts_open(e->fonts_dir, &error);
	if (!e->fonts) {
		fprintf(stderr, "%s: %s\n", prog, error);
		g_free(error);
		return STATUS_FAILED;
	}
	check_faces(e, d);
	if (d->errors)
		return STATUS_BAD_INPUT;
	/* text in an SVG logo is set with the private fonts too */
	pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(e->fonts));
	return STATUS_OK;
}

void edition_close(struct edition *e)
{
	if (e->fonts) {
		pango_cairo_font_map_set_default(NULL);
		g_object_unref(e->fonts);
	}
	logo_close(e->logo);
	g_free(e->logo_path);
	g_free(e->fonts_dir);
	texts_release(&e->x);
	figures_release(&e->t);
	layout_release(&e->l);
	hyphenate_release();
	*e = (struct edition){ 0 };
}
