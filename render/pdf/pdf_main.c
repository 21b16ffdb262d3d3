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
#include "../../etl/status.h"
#include "../../etl/i18n.h"
#include "../../etl/outputs.h"
#include "../edition.h"
#include "../../etl/infile.h"
#include "pdf.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

static const char *prog = "carnet pdf";

static void usage(FILE *out)
{
	fprintf(out,
		_("usage: carnet pdf --layout DIR --figures FILE -o FILE [--fonts DIR]\n"
		"                  [--print] [--cache DIR] [--labels FILE] [--draft]\n"
		"\n"
		"Typesets the carnet: the edition of --layout (edition.ini, chiffres.csv,\n"
		"libelles.csv, textes/, images/), with the figures of --figures.\n"
		"  --print      the print edition: 3 mm bleed, crop marks, photos at 300 ppi\n"
		"               (default: the screen edition, photos at 150 ppi)\n"
		"  --cache DIR  keep resampled photos in DIR, so that a rebuild decodes none\n"
		"  --labels FILE the values the exports spell (carnet figures --labels),\n"
		"               shown where libelles.csv has no label\n"
		"  --draft      a draft: n.d. for an absent figure, PROJET on every page\n"));
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
	i18n_init();
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
		case 'h': usage(stdout); return STATUS_OK;
		default: usage(stderr); return STATUS_FAILED;
		}
	}
	if (!layout_dir || !figures || !out || optind != argc) {
		usage(stderr);
		return STATUS_FAILED;
	}
	const char *inputs[] = { layout_dir, figures, labels, fonts_dir };
	if (!infile_apart(prog, out, inputs, 4)) {
		g_free(fonts_dir);
		return STATUS_FAILED;
	}
	struct diag d = DIAG_INIT;
	struct edition ed;
	struct outputs o = OUTPUTS_INIT(prog);
	const char *tmp = outputs_add(&o, out);
	enum status status = edition_open(&ed, layout_dir, figures, labels, fonts_dir, edition.draft,
				  &d, prog);
	if (status != 0)
		goto done;
	edition.logo = ed.logo;
	status = pdf_write(tmp, &edition, &ed.l, &ed.t, &ed.x, ed.fonts, ed.date, &d);
	if (status == STATUS_OK && outputs_commit(&o) != 0)
		status = STATUS_FAILED;
done:
	outputs_release(&o);
	g_free(fonts_dir);
	diag_print(&d, stderr, prog);
	diag_release(&d);
	edition_close(&ed);
	return status;
}
