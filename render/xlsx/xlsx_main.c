/*
 * xlsx_main.c — the workbook stage, `carnet xlsx`.
 *
 *   carnet xlsx --layout DIR --figures FILE --quality FILE
 *               --hr-detail FILE --out DIR [--labels FILE] [--draft]
 *
 * Writes OUT/carnet-Y.xlsx and OUT/effectifs-Y.xlsx (Y: the edition's
 * year) from the ETL's outputs and the edition's layout.  Both are written
 * under temporary names and renamed together once both are complete.
 * Dates come from SOURCE_DATE_EPOCH, else 31/12/Y: the same inputs give
 * the same bytes.  A figure the layout names and the table lacks stops
 * the stage, but with --draft: it then says n.d. and warns.  Exit status:
 * 0 done, 1 bad input, 2 usage or I/O.
 */
#include "../../etl/status.h"
#include "../../etl/i18n.h"
#include "../../etl/outputs.h"
#include "xlsx.h"
#include "book.h"
#include "../../etl/infile.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

static const char *prog = "carnet xlsx";

static void usage(FILE *out)
{
	fprintf(out,
		_("usage: carnet xlsx --layout DIR --figures FILE --quality FILE\n"
		"                   --hr-detail FILE --out DIR [--labels FILE] [--draft]\n"
		"\n"
		"Writes the carnet workbook (carnet-Y.xlsx) and HR's headcount\n"
		"workbook (effectifs-Y.xlsx) into --out, from the outputs of\n"
		"`carnet figures` (--provenance, --quality, --hr-detail) and the\n"
		"edition's layout.  --draft: an absent figure says n.d. (and is listed).\n"));
}

/* The command line. */
struct args {
	const char *layout_dir, *figures, *quality, *detail, *out, *labels;
	bool draft;
};

/* Reads the options into a; returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "layout", required_argument, NULL, 'l' },
		{ "figures", required_argument, NULL, 'f' },
		{ "quality", required_argument, NULL, 'q' },
		{ "hr-detail", required_argument, NULL, 'd' },
		{ "out", required_argument, NULL, 'o' },
		{ "draft", no_argument, NULL, 'D' },
		{ "labels", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': a->layout_dir = optarg; break;
		case 'f': a->figures = optarg; break;
		case 'q': a->quality = optarg; break;
		case 'd': a->detail = optarg; break;
		case 'o': a->out = optarg; break;
		case 'D': a->draft = true; break;
		case 'L': a->labels = optarg; break;
		case 'h': usage(stdout); return STATUS_OK;
		default: usage(stderr); return STATUS_FAILED;
		}
	}
	if (!a->layout_dir || !a->figures || !a->quality || !a->detail || !a->out ||
	    optind != argc) {
		usage(stderr);
		return STATUS_FAILED;
	}
	return -1;
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
	struct layout l;
	struct figures t = FIGURES_INIT, hr = FIGURES_INIT;
	struct quality_report q = { 0 };
	enum status status = STATUS_BAD_INPUT;
	char *path[2] = { NULL, NULL };
	struct outputs o = OUTPUTS_INIT(prog);

	/* the model, every figure (the workbook lists them all), then what
	 * the workbooks add: HR's detail, the quality report, sheet names */
	if (inputs_read_model(&l, &t, a.layout_dir, a.figures, a.labels, true, a.draft, &d) != 0 ||
	    inputs_read_figures(a.detail, &hr, &d) != 0 ||
	    inputs_read_quality(a.quality, &q, &d) != 0 ||
	    book_check_sheet_names(&l, xlsx_carnet_sheets, &d) != 0)
		goto done;
	time_t date = layout_date(&l);
	if (date < 0) {
		fprintf(stderr, _("%s: SOURCE_DATE_EPOCH is not a number of seconds\n"), prog);
		status = STATUS_FAILED;
		goto done;
	}
	path[0] = g_strdup_printf("%s/carnet-%d.xlsx", a.out, l.year);
	path[1] = g_strdup_printf("%s/effectifs-%d.xlsx", a.out, l.year);
	const char *inputs[] = { a.layout_dir, a.figures, a.quality, a.detail, a.labels };
	if (!infile_apart(prog, path[0], inputs, 5) || !infile_apart(prog, path[1], inputs, 5)) {
		status = STATUS_FAILED;
		goto done;
	}
	/* both workbooks, or neither */
	const char *carnet = outputs_add(&o, path[0]), *effectifs = outputs_add(&o, path[1]);
	if (xlsx_carnet(carnet, &l, &t, &q, a.draft, date, &d) != 0 ||
	    xlsx_effectifs(effectifs, &l, &t, &hr, date, &d) != 0) {
		status = STATUS_FAILED;
		goto done;
	}
	status = outputs_commit(&o) == 0 ? STATUS_OK : STATUS_FAILED;
done:
	outputs_release(&o);
	for (int i = 0; i < 2; i++)
		g_free(path[i]);
	diag_print(&d, stderr, prog);
	diag_release(&d);
	quality_report_release(&q);
	figures_release(&t);
	figures_release(&hr);
	layout_release(&l);
	return status;
}
