/*
 * editions_main.c — carnet-editions: the screen PDF, the print PDF and
 * the web edition of one layout in one process, over one opened edition
 * (layout, figures, texts, fonts read and checked once).
 *
 * Both PDF editions are laid out first, so that every frame a photo fills
 * is known; with the web edition's, they go to photo_embed_prepare(),
 * which decodes each photo once (at the scale of its largest frame) and
 * makes every rendition from that decode, on both cores; the editions are
 * then drawn and find their photos in the cache.  `carnet build` and
 * `make report` run this; `carnet pdf` and `carnet html` make one edition
 * each, as before.
 *
 * The outputs are written whole or not at all: the PDFs under temporary
 * names, renamed once the web edition is in place.  Exit status as every
 * stage's (etl/status.h).
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>

#include <glib.h>

#include "../../etl/i18n.h"
#include "../../etl/infile.h"
#include "../../etl/outputs.h"
#include "../../etl/status.h"
#include "../edition.h"
#include "../photo_embed.h"
#include "../html/html.h"
#include "../pdf/pdf.h"

static const char *prog = "carnet editions";

static void usage(FILE *out)
{
	fprintf(out,
		_("usage: carnet editions --layout DIR --figures FILE --screen FILE --print FILE\n"
		"                       --web DIR [--fonts DIR] [--cache DIR] [--labels FILE]\n"
		"                       [--draft]\n"
		"\n"
		"Makes the carnet's three editions of --layout in one run: the screen PDF\n"
		"(--screen), the print PDF (--print) and the web edition (--web), each\n"
		"photo decoded once for all three.  The options are carnet pdf's and\n"
		"carnet html's.\n"));
}

struct args {
	const char *layout_dir, *figures, *labels, *fonts_dir, *cache_dir;
	const char *screen, *print, *web;
	bool draft;
};

/* Reads the options into a; returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "layout", required_argument, NULL, 'l' },
		{ "figures", required_argument, NULL, 'f' },
		{ "screen", required_argument, NULL, 's' },
		{ "print", required_argument, NULL, 'p' },
		{ "web", required_argument, NULL, 'w' },
		{ "fonts", required_argument, NULL, 'F' },
		{ "cache", required_argument, NULL, 'c' },
		{ "labels", required_argument, NULL, 'L' },
		{ "draft", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': a->layout_dir = optarg; break;
		case 'f': a->figures = optarg; break;
		case 's': a->screen = optarg; break;
		case 'p': a->print = optarg; break;
		case 'w': a->web = optarg; break;
		case 'F': a->fonts_dir = optarg; break;
		case 'c': a->cache_dir = optarg; break;
		case 'L': a->labels = optarg; break;
		case 'D': a->draft = true; break;
		case 'h': usage(stdout); return STATUS_OK;
		default: usage(stderr); return STATUS_FAILED;
		}
	}
	if (!a->layout_dir || !a->figures || !a->screen || !a->print || !a->web ||
	    optind != argc) {
		usage(stderr);
		return STATUS_FAILED;
	}
	const char *inputs[] = { a->layout_dir, a->figures, a->labels, a->fonts_dir, a->cache_dir };
	const char *outs[] = { a->screen, a->print, a->web };
	for (int i = 0; i < 3; i++)
		if (!infile_apart(prog, outs[i], inputs, 5))
			return STATUS_FAILED;
	return -1;
}

/* The three editions of ed: both PDFs laid out, every photo prepared
 * once, the PDFs drawn into their temporaries, the web edition put in
 * place. */
static enum status make_editions(const struct args *a, struct edition *ed, const char *screen,
				 const char *print, struct diag *d)
{
	GArray *plan = g_array_new(FALSE, TRUE, sizeof(struct photo_request));
	struct pdf_edition se = { .print = false, .draft = a->draft, .cache_dir = a->cache_dir,
				  .logo = ed->logo, .photo_plan = plan };
	struct pdf_edition pe = se;
	pe.print = true;
	struct html_edition we = { .draft = a->draft, .cache_dir = a->cache_dir,
				   .logo = ed->logo ? ed->logo_path : NULL,
				   .fonts_dir = ed->fonts_dir, .photo_plan = plan };
	enum status status = STATUS_BAD_INPUT;
	struct pdf *sp = pdf_open(&se, &ed->l, &ed->t, &ed->x, ed->fonts, d);
	struct pdf *pp = sp ? pdf_open(&pe, &ed->l, &ed->t, &ed->x, ed->fonts, d) : NULL;
	if (pp) {
		pdf_photo_requests(sp, plan);
		pdf_photo_requests(pp, plan);
		html_photo_requests(&ed->x, plan);
		photo_embed_prepare(plan, a->cache_dir);
		status = pdf_draw(sp, screen, ed->date);
		if (status == STATUS_OK)
			status = pdf_draw(pp, print, ed->date);
		if (status == STATUS_OK)
			status = html_write(a->web, &we, &ed->l, &ed->t, &ed->x, ed->fonts, d);
	}
	pdf_close(sp);
	pdf_close(pp);
	g_array_free(plan, TRUE);
	return status;
}

int main(int argc, char **argv)
{
	struct args a = { 0 };

	i18n_init();
	signal(SIGXFSZ, SIG_IGN);       /* see figures_main.c */
	int done = parse_args(argc, argv, &a);
	if (done >= 0)
		return done;

	struct diag d = DIAG_INIT;
	struct edition ed;
	struct outputs o = OUTPUTS_INIT(prog);
	const char *screen = outputs_add(&o, a.screen), *print = outputs_add(&o, a.print);
	enum status status = edition_open(&ed, a.layout_dir, a.figures, a.labels, a.fonts_dir,
					  a.draft, &d, prog);
	if (status == STATUS_OK)
		status = make_editions(&a, &ed, screen, print, &d);
	if (status == STATUS_OK && outputs_commit(&o) != 0)
		status = STATUS_FAILED;
	outputs_release(&o);
	diag_print(&d, stderr, prog);
	diag_release(&d);
	edition_close(&ed);
	return status;
}
