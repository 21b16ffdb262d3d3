/*
 * pdf_main.c — the PDF stage, `carnet pdf`.
 *
 *   carnet pdf --layout DIR --figures FILE -o FILE [--fonts DIR]
 *              [--print] [--cache DIR] [--labels FILE] [--draft]
 *
 * Typesets the edition's layout and texts with the figures of FILE (the
 * table with provenance written by `carnet figures`) into the carnet PDF,
 * written under a temporary name and renamed once complete.  The fonts
 * are those of --fonts (default: fonts/ here, or in carnet's own
 * repository).  A placeholder whose figure is absent stops the build,
 * unless --draft: a draft prints "n.d." and warns, draws a chart whose
 * indicator is absent as an empty frame, and marks every page "PROJET".  --print writes
 * the print edition (bleed, crop marks, 300 ppi photos) instead of the
 * screen edition; --cache keeps the resampled photos for the next build.
 * Exit status: 0 done, 1 bad input (a photo included), 2 usage or I/O.
 */
#include "../fonts.h"
#include "../hyphenate.h"
#include "pdf.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

static const char *prog = "carnet pdf";

static void usage(FILE *out)
{
	fprintf(out,
		"usage: carnet pdf --layout DIR --figures FILE -o FILE [--fonts DIR]\n"
		"                  [--print] [--cache DIR] [--labels FILE] [--draft]\n"
		"\n"
		"Typesets the carnet: the edition of --layout (edition.ini, chiffres.csv,\n"
		"libelles.csv, textes/, images/), with the figures of --figures.\n"
		"  --print      the print edition: 3 mm bleed, crop marks, photos at 300 ppi\n"
		"               (default: the screen edition, photos at 150 ppi)\n"
		"  --cache DIR  keep resampled photos in DIR, so that a rebuild decodes none\n"
		"  --labels FILE the values the exports spell (carnet figures --labels),\n"
		"               shown where libelles.csv has no label\n"
		"  --draft      a draft: n.d. for an absent figure, PROJET on every page\n");
}

/* fonts/ here, else in the repository this program was built in. */
static char *default_fonts(void)
{
	if (g_file_test("fonts/fonts.conf", G_FILE_TEST_EXISTS))
		return g_strdup("fonts");
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *dir = exe ? g_path_get_dirname(exe) : NULL;
	char *fonts = dir ? g_build_filename(dir, "..", "..", "fonts", NULL) : NULL;
	g_free(exe);
	g_free(dir);
	return fonts;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "layout", required_argument, NULL, 'l' },
		{ "figures", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "fonts", required_argument, NULL, 'F' },
		{ "draft", no_argument, NULL, 'm' },
		{ "print", no_argument, NULL, 'p' },
		{ "cache", required_argument, NULL, 'c' },
		{ "labels", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *layout_dir = NULL, *figures = NULL, *out = NULL, *labels = NULL;
	struct pdf_edition edition = { 0 };
	char *fonts_dir = NULL;
	int c;

	signal(SIGXFSZ, SIG_IGN);       /* see figures_main.c */
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': layout_dir = optarg; break;
		case 'f': figures = optarg; break;
		case 'o': out = optarg; break;
		case 'F': g_free(fonts_dir); fonts_dir = g_strdup(optarg); break;
		case 'm': edition.draft = true; break;
		case 'p': edition.print = true; break;
		case 'c': edition.cache_dir = optarg; break;
		case 'L': labels = optarg; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (!layout_dir || !figures || !out || optind != argc) {
		usage(stderr);
		return 2;
	}
	if (!fonts_dir)
		fonts_dir = default_fonts();

	struct diag d = DIAG_INIT;
	struct layout l;
	struct figures t = FIGURES_INIT;
	struct texts x = { 0 };
	PangoFontMap *fonts = NULL;
	char *tmp = g_strdup_printf("%s.tmp", out), *error = NULL;
	int status = 1;

	if (layout_load(layout_dir, &l, &d) != 0 ||
	    (labels && inputs_read_labels(labels, &l, &d) != 0) ||
	    inputs_read_figures(figures, &t, &d) != 0 ||
	    layout_check(&l, &t, edition.draft, &d) != 0 ||
	    texts_load(&l, &t, edition.draft, &x, &d) != 0)
		goto done;
	time_t date = layout_date(&l);
	if (date < 0) {
		fprintf(stderr, "%s: SOURCE_DATE_EPOCH is not a number of seconds\n", prog);
		status = 2;
		goto done;
	}
	fonts = fonts_open(fonts_dir ? fonts_dir : "fonts", &error);
	if (!fonts) {
		fprintf(stderr, "%s: %s\n", prog, error);
		status = 2;
		goto done;
	}
	/* the faces the edition names must be among the fonts of --fonts */
	const char *faces[] = { l.font_text, l.font_hand };
	long lines[] = { l.font_text_line, l.font_hand_line };
	const char *keys[] = { "texte", "manuscrite" };
	char *ini = g_build_filename(layout_dir, "edition.ini", NULL);
	for (int i = 0; i < 2; i++)
		if (!fonts_have(fonts, faces[i])) {
			char *all = fonts_families(fonts);
			diag_add(&d, DIAG_ERROR, ini, lines[i], 0,
				 "[polices] %s: no face '%s' in %s (its faces: %s)",
				 keys[i], faces[i], fonts_dir ? fonts_dir : "fonts", all);
			g_free(all);
		}
	/* the logo: a file under the layout, SVG or PNG */
	if (*l.logo) {
		char *path = g_build_filename(layout_dir, l.logo, NULL), *why = NULL;
		if (!layout_inside(layout_dir, l.logo))
			why = g_strdup("not a path inside the layout");
		else if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
			why = g_strdup("no such file in the layout");
		else
			edition.logo = logo_open(path, &why);
		if (why)
			diag_add(&d, DIAG_ERROR, ini, l.logo_line, 0, "logo '%s': %s", l.logo, why);
		g_free(why);
		g_free(path);
	}
	g_free(ini);
	if (d.errors)
		goto done;
	/* text in an SVG logo is set with the private fonts too */
	pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(fonts));
	int st = pdf_write(tmp, &edition, &l, &t, &x, fonts, date, &d);
	if (st != 0) {
		status = st > 0 ? 1 : 2;
		goto done;
	}
	if (rename(tmp, out) != 0) {
		fprintf(stderr, "%s: %s: cannot rename: %s\n", prog, out, strerror(errno));
		status = 2;
		goto done;
	}
	status = 0;
done:
	unlink(tmp);            /* gone already when renamed */
	g_free(tmp);
	g_free(error);
	g_free(fonts_dir);
	diag_print(&d, stderr, prog);
	diag_release(&d);
	if (fonts)
		g_object_unref(fonts);
	logo_close(edition.logo);
	if (fonts)
		pango_cairo_font_map_set_default(NULL);
	texts_release(&x);
	figures_release(&t);
	layout_release(&l);
	hyphenate_release();
	return status;
}
