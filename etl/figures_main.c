/*
 * figures_main.c — the ETL stage, `carnet figures`.
 *
 *   carnet figures --in DIR [--year Y] [-o FILE] [--provenance FILE]
 *                  [--quality FILE] [--hr-detail FILE] [--labels FILE]
 *                  [--previous FILE] [--memory SIZE]
 *                  [--strict] [-v]
 *
 * Reads the exports of DIR (sources.h), computes the figures table of
 * figures.md and writes it to FILE or standard output; the same table with
 * provenance columns and the data-quality report go where asked.  Files
 * are written under a temporary name and renamed only when every output
 * is complete, so a failed run leaves the previous outputs as they were.
 * Exit status: 0 done, 1 bad data (nothing written), 2 usage or I/O.
 */
#include "status.h"
#include "i18n.h"
#include "outputs.h"
#include "parallel.h"
#include "etl.h"
#include "fields.h"
#include "infile.h"
#include "french.h"

#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

static const char *prog = "carnet figures";

static void usage(FILE *out)
{
	fprintf(out,
		_("usage: carnet figures --in DIR [--year Y] [-o FILE] [--provenance FILE]\n"
		"                      [--quality FILE] [--hr-detail FILE] [--previous FILE]\n"
		"                      [--memory SIZE] [--strict] [-v]\n"
		"\n"
		"Reads the exports of DIR (rh_effectifs.csv, rh_formations.csv,\n"
		"insertion.csv, enquete_satisfaction.csv, flotte.csv, chiffres_cles.csv;\n"
		"a missing one is said, and its figures are absent), and prints the\n"
		"figures table: indicator, dimensions, value, unit.\n"
		"\n"
		"  --in DIR           folder holding the exports (and controles.csv)\n"
		"  --year Y           reporting year; stocks are taken on 31/12/Y\n"
		"                     (default: the latest year of chiffres_cles.csv)\n"
		"  -o, --output FILE  write the table to FILE instead of standard output\n"
		"  --provenance FILE  write the table with its sources and rules\n"
		"  --quality FILE     write the data-quality report\n"
		"  --labels FILE      write the values the exports spell (directions,\n"
		"                     reasons) with their first spelling: their labels\n"
		"  --hr-detail FILE   write HR's internal breakdowns (exact counts, never\n"
		"                     to be published: the headcount workbook's input)\n"
		"  --previous FILE    the previous edition's figures table (figures-Y-1.tsv):\n"
		"                     its figures join the provenance table as annee=Y-1\n"
		"  --memory SIZE      memory for the duplicate checks and distinct counts\n"
		"                     (8M by default, at least 16k): beyond it, they\n"
		"                     sort on disk ($TMPDIR), and a file is read again\n"
		"                     when its checks find something to say\n"
		"  --strict           treat warnings as errors\n"
		"  -v, --verbose      say how many rows each file gave, and when it was read\n"
		"  -h, --help         show this help\n"));
}

/* ---- the run ---- */

static void say_rows(const char *path, const struct exp_stats *st, void *ctx)
{
	(void)ctx;
	fprintf(stderr, _("%s: %s: %ld rows read, %ld rejected (%s, '%s', %s)"),
		prog, path, st->rows, st->rejected, exp_encoding_name(st->encoding),
		st->delimiter == '\t' ? "TAB" : (char[]){ st->delimiter, 0 },
		st->crlf ? "CRLF" : "LF");
	if (st->passes > 1)
		fprintf(stderr, _(", read %d times: its keys sorted on disk"), st->passes);
	else if (st->sorted)
		fputs(_(", read once: its keys sorted on disk"), stderr);
	char from[32], to[32];
	fprintf(stderr, _("; between %s s and %s s into the run"), french_number(st->from, 3, from, sizeof from),
		french_number(st->to, 3, to, sizeof to));
	fprintf(stderr, _(", its SHA-256 between %s s and %s s"),
		french_number(st->hashed_from, 3, from, sizeof from),
		french_number(st->hashed_to, 3, to, sizeof to));
	fputc('\n', stderr);
}

#define NOUT 5

/* One output written, on one of the two cores (write_outputs). */
struct output_job {
	int which;                      /* table, provenance, quality, detail, labels */
	FILE *f;
	const struct etl_result *res;
	int rc, err;                    /* figures_write's, and errno */
};

static void write_one(void *item)
{
	struct output_job *j = item;
	const struct etl_result *res = j->res;
	switch (j->which) {
	case 0: j->rc = figures_write(&res->fig, j->f, false); break;
	case 1: j->rc = figures_write(&res->fig, j->f, true); break;
	case 2: j->rc = quality_write(j->f, &res->diag, &res->checks); break;
	case 3: j->rc = figures_write(&res->detail, j->f, true); break;
	default: j->rc = etl_write_labels(res, j->f); break;
	}
	j->err = errno;
}

/* The outputs asked for (paths[0] NULL: the table on standard output),
 * written whole or not at all (outputs.h), two at a time: the provenance,
 * the largest, on one core while the others are written on the other. */
static enum status write_outputs(const char *const paths[NOUT], const struct etl_result *res)
{
	struct outputs o = OUTPUTS_INIT(prog);
	FILE *f[NOUT] = { NULL };
	const char *tmp[NOUT] = { NULL };
	enum status status = STATUS_FAILED;
	for (int i = 0; i < NOUT; i++) {
		if (!paths[i])
			continue;
		if (!(f[i] = outputs_open(&o, paths[i])))
			goto out;
		tmp[i] = o.v[o.n - 1].tmp;
	}
	struct output_job jobs[NOUT];
	size_t n = 0;
	static const int largest_first[NOUT] = { 1, 0, 2, 3, 4 };
	for (int k = 0; k < NOUT; k++) {
		int i = largest_first[k];
		if (i == 0 || f[i])
			jobs[n++] = (struct output_job){ i, i == 0 && !f[0] ? stdout : f[i], res, 0, 0 };
	}
	parallel_each(jobs, n, sizeof *jobs, write_one);
	int failed = -1, err = 0;
	for (size_t k = 0; k < n; k++)
		if (jobs[k].rc != 0 && (failed < 0 || jobs[k].which < failed)) {
			failed = jobs[k].which;
			err = jobs[k].err;
		}
	if (failed >= 0) {
		fprintf(stderr, _("%s: %s: cannot write: %s\n"), prog,
			tmp[failed] ? tmp[failed] : "standard output", strerror(err));
		goto out;
	}
	if (!f[0] && fflush(stdout) != 0) {
		fprintf(stderr, _("%s: cannot write to standard output: %s\n"), prog,
			strerror(errno));
		goto out;
	}
	status = outputs_commit(&o) == 0 ? STATUS_OK : STATUS_FAILED;
out:
	outputs_release(&o);
	return status;
}

/* "64M", "512k", "2G" or bytes: false unless at least 16 KiB. */
static bool parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return false;
	int shift = 0;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	}
	if (*end || v > (SIZE_MAX >> shift) || (v << shift) < (16u << 10))
		return false;
	*out = (size_t)(v << shift);
	return true;
}

/* The command line. */
struct args {
	const char *out[NOUT];  /* table, provenance, quality, detail, labels */
	const char *in, *previous;
	bool verbose, strict;
	int year;
	size_t memory;
};

/* Reads the options into a; returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "in", required_argument, NULL, 'i' },
		{ "year", required_argument, NULL, 'y' },
		{ "output", required_argument, NULL, 'o' },
		{ "provenance", required_argument, NULL, 'p' },
		{ "quality", required_argument, NULL, 'q' },
		{ "previous", required_argument, NULL, 'P' },
		{ "hr-detail", required_argument, NULL, 'd' },
		{ "labels", required_argument, NULL, 'L' },
		{ "memory", required_argument, NULL, 'm' },
		{ "strict", no_argument, NULL, 's' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "i:y:o:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'i': a->in = optarg; break;
		case 'y':
			if (!field_year(optarg, &a->year)) {
				fprintf(stderr, _("%s: invalid year '%s'\n"), prog, optarg);
				return STATUS_FAILED;
			}
			break;
		case 'o': a->out[0] = optarg; break;
		case 'p': a->out[1] = optarg; break;
		case 'q': a->out[2] = optarg; break;
		case 'P': a->previous = optarg; break;
		case 'd': a->out[3] = optarg; break;
		case 'L': a->out[4] = optarg; break;
		case 'm':
			if (!parse_size(optarg, &a->memory)) {
				fprintf(stderr, _("%s: invalid --memory '%s': a size such as 64M or 512k, at least 16k\n"),
					prog, optarg);
				return STATUS_FAILED;
			}
			break;
		case 's': a->strict = true; break;
		case 'v': a->verbose = true; break;
		case 'h': usage(stdout); return STATUS_OK;
		default: usage(stderr); return STATUS_FAILED;
		}
	}
	if (!a->in || optind != argc) {
		usage(stderr);
		return STATUS_FAILED;
	}
	return -1;
}

/* Whether the run can start: a folder to read, outputs apart from the
 * inputs, a French catalogue for the report, a year.  Says why not. */
static bool ready(struct args *a)
{
	if (!g_file_test(a->in, G_FILE_TEST_IS_DIR)) {
		fprintf(stderr, _("%s: %s: not a folder\n"), prog, a->in);
		return false;
	}
	/* the report is French whatever the terminal speaks: never English
	 * by default */
	if (a->out[2] && i18n_french_ready()) {
		fprintf(stderr, "%s: %s\n", prog, _(i18n_french_ready()));
		return false;
	}
	const char *inputs[] = { a->in, a->previous };
	for (int i = 0; i < NOUT; i++)
		if (a->out[i] && !infile_apart(prog, a->out[i], inputs, 2))
			return false;
	if (!a->year && !(a->year = etl_default_year(a->in))) {
		fprintf(stderr, _("%s: no year in %s/chiffres_cles.csv: give --year\n"),
			prog, a->in);
		return false;
	}
	return true;
}

int main(int argc, char **argv)
{
	struct args a = { .memory = ETL_MEMORY };

	i18n_init();
	/* Past a file size limit, let write() fail (and the temporary files
	 * be removed) rather than the process be killed. */
	signal(SIGXFSZ, SIG_IGN);
	/* Large blocks (sort buffers, key tables) mapped, and so given back
	 * when freed: glibc would otherwise raise this threshold after each
	 * free and keep the next ones in its heap, beyond the budget. */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	int done = parse_args(argc, argv, &a);
	if (done >= 0)
		return done;
	if (!ready(&a))
		return STATUS_FAILED;

	struct etl_result res;
	struct etl_options o = {
		.in = a.in, .year = a.year, .progress = isatty(STDERR_FILENO),
		.on_read = a.verbose ? say_rows : NULL, .all_warnings = a.out[2] != NULL,
		.previous = a.previous, .memory = a.memory,
	};
	etl_run(&o, &res);
	enum status status = res.status;
	if (status == 0 && a.strict && (res.diag.warnings || res.checks.failed)) {
		fprintf(stderr, _("%s: --strict: %zu warnings and %zu failed checks count as errors\n"),
			prog, res.diag.warnings, res.checks.failed);
		status = STATUS_BAD_INPUT;
	}
	diag_print(&res.diag, stderr, prog);
	for (size_t i = 0; i < res.checks.n; i++)
		if (!res.checks.v[i].ok)
			fprintf(stderr, _("%s: %s: warning: check failed: %s\n"), prog,
				res.checks.v[i].file, res.checks.v[i].said);
	if (status == 0)
		status = write_outputs(a.out, &res);
	etl_result_release(&res);
	return status;
}
