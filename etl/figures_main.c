/*
 * figures_main.c — the ETL stage, `carnet figures`.
 *
 *   carnet figures --in DIR [--year Y] [-v]
 *
 * Reads every export of DIR (sources.h), validates every value, and says
 * on stderr how many rows each file gave.  Computing the indicators of
 * figures.md is the next step of the ETL; until then this stage writes no
 * table.  Exit status: 0 clean, 1 bad data, 2 usage or I/O error.
 */
#include "sources.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

static const char *prog = "carnet figures";

static void usage(FILE *out)
{
	fprintf(out,
		"usage: carnet figures --in DIR [--year Y] [-v]\n"
		"\n"
		"Reads the exports of DIR (rh_effectifs.csv, rh_formations.csv,\n"
		"insertion.csv, enquete_satisfaction.csv, flotte.csv,\n"
		"chiffres_cles.csv), checks every value and reports each error as\n"
		"file:line:column: message.\n"
		"\n"
		"  --in DIR     folder holding the exports\n"
		"  --year Y     reporting year (stocks are taken on 31/12/Y)\n"
		"  -v, --verbose  say how many rows each file gave\n"
		"  -h, --help   show this help\n");
}

struct progress {
	const char *file;
	bool tty;
};

static void show_progress(uint64_t done, uint64_t total, void *ctx)
{
	const struct progress *p = ctx;
	if (!p->tty || total == 0)
		return;
	fprintf(stderr, "\r%s: reading %s %3d %%", prog, p->file,
		(int)(100.0 * (double)done / (double)total));
	fflush(stderr);
}

/* Wraps a source's callback so that the progress context rides along. */
struct run {
	const struct source *src;
	struct progress progress;
};

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	const struct run *run = ctx;
	run->src->on_row(r, row, NULL);
}

static void on_progress(uint64_t done, uint64_t total, void *ctx)
{
	struct run *run = ctx;
	show_progress(done, total, &run->progress);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "in", required_argument, NULL, 'i' },
		{ "year", required_argument, NULL, 'y' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *in = NULL;
	bool verbose = false;
	int c;

	while ((c = getopt_long(argc, argv, "i:y:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'i': in = optarg; break;
		case 'y': {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (*end || y < 1900 || y > 2100) {
				fprintf(stderr, "%s: invalid year '%s'\n", prog, optarg);
				return 2;
			}
			break;
		}
		case 'v': verbose = true; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (!in || optind != argc) {
		usage(stderr);
		return 2;
	}

	struct diag d = DIAG_INIT;
	int status = 0;
	bool tty = isatty(STDERR_FILENO);
	for (size_t i = 0; i < nsources; i++) {
		const struct source *s = sources[i];
		char *path = g_build_filename(in, s->file, NULL);
		struct run run = { s, { s->file, tty } };
		struct exp_source src = {
			.path = path, .cols = s->cols, .ncols = s->ncols,
			.on_row = on_row, .ctx = &run, .on_progress = on_progress,
		};
		struct exp_stats st;
		enum exp_status es = exp_read(&src, &d, &st);
		if (tty)
			fprintf(stderr, "\r\033[K");
		if (es == EXP_OK && verbose)
			fprintf(stderr, "%s: %s: %ld rows read, %ld rejected (%s, '%s', %s)\n",
				prog, path, st.rows, st.rejected,
				exp_encoding_name(st.encoding),
				st.delimiter == '\t' ? "TAB" : (char[]){ st.delimiter, 0 },
				st.crlf ? "CRLF" : "LF");
		if ((int)es > status)
			status = (int)es;
		g_free(path);
	}
	diag_print(&d, stderr, prog);
	if (status == 0)
		fprintf(stderr, "%s: exports read; the indicators are not computed yet (ETL issue)\n", prog);
	diag_release(&d);
	return status;
}
