/*
 * html_main.c — the web edition's stage, `carnet html`.
 *
 *   carnet html --layout DIR --figures FILE --out DIR [--fonts DIR]
 *               [--cache DIR] [--labels FILE] [--draft]
 *
 * Writes the carnet as web pages into the folder --out (see html.h),
 * from the same layout, texts and figures as `carnet pdf`, with the same
 * checks: a placeholder whose figure is absent stops the build unless
 * --draft (n.d., and PROJET on every page).  --cache shares the PDF's
 * resampled photos.  The folder is written beside --out and put in its
 * place once complete; an --out that holds something else than a web
 * edition is not replaced.  Exit status: 0 done, 1 bad input (a photo
 * included), 2 usage or I/O.
 */
#include "../../etl/status.h"
#include "../../etl/i18n.h"
#include "../edition.h"
#include "../../etl/infile.h"
#include "html.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>

#include <glib.h>

static const char *prog = "carnet html";

static void usage(FILE *out)
{
	fprintf(out,
		_("usage: carnet html --layout DIR --figures FILE --out DIR [--fonts DIR]\n"
		"                   [--cache DIR] [--labels FILE] [--draft]\n"
		"\n"
		"Writes the carnet as web pages (index.html, a page per loop, carnet.css,\n"
		"the faces, the photos) into the folder --out, from the edition of --layout\n"
		"and the figures of --figures.\n"
		"  --cache DIR   the resampled photos, shared with carnet pdf\n"
		"  --labels FILE the values the exports spell (carnet figures --labels),\n"
		"                shown where libelles.csv has no label\n"
		"  --draft       a draft: n.d. for an absent figure, PROJET on every page\n"));
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "layout", required_argument, NULL, 'l' },
		{ "figures", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ "fonts", required_argument, NULL, 'F' },
		{ "draft", no_argument, NULL, 'm' },
		{ "cache", required_argument, NULL, 'c' },
		{ "labels", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	i18n_init();
	const char *layout_dir = NULL, *figures = NULL, *out = NULL, *labels = NULL,
		   *fonts_dir = NULL;
	struct html_edition edition = { 0 };
	int c;

	signal(SIGXFSZ, SIG_IGN);       /* see figures_main.c */
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': layout_dir = optarg; break;
		case 'f': figures = optarg; break;
		case 'o': out = optarg; break;
		case 'F': fonts_dir = optarg; break;
		case 'm': edition.draft = true; break;
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
	/* the folder is replaced whole: no input may lie in it either */
	const char *inputs[] = { layout_dir, figures, labels, fonts_dir, edition.cache_dir };
	if (!infile_apart(prog, out, inputs, 5))
		return STATUS_FAILED;

	struct diag d = DIAG_INIT;
	struct edition ed;
	enum status status = edition_open(&ed, layout_dir, figures, labels, fonts_dir, edition.draft,
				  &d, prog);
	if (status == 0) {
		edition.logo = ed.logo ? ed.logo_path : NULL;
		edition.fonts_dir = ed.fonts_dir;
		status = html_write(out, &edition, &ed.l, &ed.t, &ed.x, ed.fonts, &d);
	}
	diag_print(&d, stderr, prog);
	diag_release(&d);
	edition_close(&ed);
	return status;
}
