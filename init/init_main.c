/*
 * init_main.c — `carnet init`, a new edition from a folder of exports.
 *
 *   carnet init --in EXPORTS --year Y --out LAYOUT [--office NAME]
 *               [--from OLD_LAYOUT] [--force]
 *
 * Reads the exports (as `carnet figures` does) and writes LAYOUT, a layout
 * that builds at once (init.h), checked before it is put in place: written
 * into a temporary folder, renamed once complete.  An existing LAYOUT is
 * kept unless --force.  With --from, the old edition's loops, colours,
 * texts, charts and photos are kept, and LAYOUT.a-revoir.txt lists, with
 * file:line, every placeholder, chart and photo that no longer resolves.
 * Exit status: 0 done, 1 bad input, 2 usage or I/O.
 */
#include "../etl/status.h"
#include "../etl/i18n.h"
#include "init.h"
#include "../etl/etl.h"
#include "../etl/fields.h"
#include "../etl/infile.h"
#include "../etl/folder.h"
#include "../model/texts.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

static const char *prog = "carnet init";

static void usage(FILE *out)
{
	fprintf(out,
		_("usage: carnet init --in EXPORTS --year Y --out LAYOUT [--office NAME]\n"
		"                   [--from OLD_LAYOUT] [--force]\n"
		"\n"
		"Writes a new edition's layout from the exports of EXPORTS: edition.ini,\n"
		"chiffres.csv with every figure they give, libelles.csv, graphiques.csv,\n"
		"and texts to rewrite.  --from keeps an old edition's loops, colours,\n"
		"texts, charts and photos, and lists in LAYOUT.a-revoir.txt what no\n"
		"longer resolves.  An existing LAYOUT is kept unless --force.\n"));
}

/* layouts/modele here, else in carnet's own repository. */
static char *find_model(void)
{
	if (g_file_test("layouts/modele/edition.ini", G_FILE_TEST_EXISTS))
		return g_strdup("layouts/modele");
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *dir = exe ? g_path_get_dirname(exe) : NULL;
	char *model = dir ? g_build_filename(dir, "..", "..", "layouts", "modele", NULL) : NULL;
	g_free(exe);
	g_free(dir);
	return model;
}

/* What of the new layout does not resolve with the year's figures: every
 * placeholder, chart and photo, as warnings of a draft; 0 when all do. */
static size_t review(const char *layout_dir, const struct figures *t, GString *out)
{
	struct diag d = DIAG_INIT;
	struct layout l;
	struct texts x = { 0 };
	size_t n = 0;
	if (layout_load(layout_dir, &l, &d) == 0) {
		layout_check(&l, t, true, &d);
		texts_load(&l, t, true, &x, &d);        /* each missing photo too */
	}
	for (size_t i = 0; i < d.n; i++) {
		char *m = diag_format(&d.v[i]);
		g_string_append_printf(out, "%s\n", m);
		g_free(m);
		n++;
	}
	texts_release(&x);
	layout_release(&l);
	diag_release(&d);
	return n;
}

/* Does the new layout build as it is (no draft)? */
static bool builds(const char *layout_dir, const struct figures *t, struct diag *d)
{
	struct layout l;
	struct texts x = { 0 };
	size_t errors = d->errors;
	if (layout_load(layout_dir, &l, d) == 0 && layout_check(&l, t, false, d) == 0)
		texts_load(&l, t, false, &x, d);
	texts_release(&x);
	layout_release(&l);
	return d->errors == errors;
}

/* The command line. */
struct args {
	const char *in, *out, *office, *from;
	int year;
	bool force;
	char *outdir;           /* out as a folder path (owned) */
};

/* Reads the options into a; returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "in", required_argument, NULL, 'i' },
		{ "year", required_argument, NULL, 'y' },
		{ "out", required_argument, NULL, 'o' },
		{ "office", required_argument, NULL, 'O' },
		{ "from", required_argument, NULL, 'F' },
		{ "force", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'i': a->in = optarg; break;
		case 'y':
			if (!field_year(optarg, &a->year)) {
				fprintf(stderr, _("%s: --year: '%s' is not a year (four digits, 1900 to 2100)\n"),
					prog, optarg);
				return STATUS_FAILED;
			}
			break;
		case 'o': a->out = optarg; break;
		case 'O': a->office = optarg; break;
		case 'F': a->from = optarg; break;
		case 'f': a->force = true; break;
		case 'h': usage(stdout); return STATUS_OK;
		default: usage(stderr); return STATUS_FAILED;
		}
	}
	if (!a->in || !a->out || a->year < 1900 || a->year > 2100 || optind != argc) {
		usage(stderr);
		return STATUS_FAILED;
	}
	/* the name goes into edition.ini, edito.md and every page's foot */
	const char *office = a->office;
	if (office && (!*office || g_utf8_strlen(office, -1) > LAYOUT_NAME_MAX ||
		       !g_utf8_validate(office, -1, NULL) ||
		       strcspn(office, "\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f"
				       "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b"
				       "\x1c\x1d\x1e\x1f\x7f") != strlen(office))) {
		fprintf(stderr, _("%s: --office: a name of 1 to %d characters on one line\n"),
			prog, LAYOUT_NAME_MAX);
		return STATUS_FAILED;
	}
	return -1;
}

/* Whether the layout can be written: not there yet (or --force), a model
 * to start from (*model, owned), apart from every input.  Says why not. */
static bool ready(struct args *a, char **model)
{
	a->outdir = folder_path(a->out);       /* "L/": its twin beside it */
	a->out = a->outdir;
	if (g_file_test(a->out, G_FILE_TEST_EXISTS) && !a->force) {
		fprintf(stderr, _("%s: %s exists: give --force to replace it\n"), prog, a->out);
		return false;
	}
	*model = find_model();
	if (!*model || !g_file_test(*model, G_FILE_TEST_IS_DIR)) {
		fprintf(stderr, _("%s: no layouts/modele here or in carnet's repository\n"), prog);
		return false;
	}
	/* the layout is replaced whole, even with --force: never an input */
	const char *inputs[] = { a->in, a->from, *model };
	return infile_apart(prog, a->out, inputs, 3);
}

/* After --from: what of the old layout no longer resolves, in
 * OUT.a-revoir.txt (beside the layout, named where it stays). */
static void write_review(const struct args *a, const struct figures *fig)
{
	GString *report = g_string_new("");
	size_t open_points = review(a->out, fig, report);
	char *path = g_strdup_printf("%s.a-revoir.txt", a->out);
	char *text = g_strdup_printf(
		"# %s: what of %s no longer resolves with the %d exports (%zu)\n%s",
		a->out, a->from, a->year, open_points, report->str);
	g_file_set_contents(path, text, -1, NULL);
	fprintf(stderr, _("%s: %zu placeholders, charts and photos to review: %s\n"), prog,
		open_points, path);
	g_free(text);
	g_free(path);
	g_string_free(report, TRUE);
}

int main(int argc, char **argv)
{
	struct args a = { 0 };
	char *model = NULL;

	i18n_init();
	int done = parse_args(argc, argv, &a);
	if (done >= 0)
		return done;
	if (!ready(&a, &model)) {
		g_free(a.outdir);
		g_free(model);
		return STATUS_FAILED;
	}

	struct etl_result res;
	struct etl_options o = { .in = a.in, .year = a.year };
	etl_run(&o, &res);
	enum status status = res.status;
	struct diag d = DIAG_INIT;
	char *tmp = g_strdup_printf("%s.tmp-init", a.out);
	if (status != 0) {
		diag_print(&res.diag, stderr, prog);
		goto done;
	}
	folder_remove(tmp);
	if (g_mkdir_with_parents(tmp, 0777) != 0) {
		fprintf(stderr, _("%s: %s: cannot make: %s\n"), prog, tmp, strerror(errno));
		status = STATUS_FAILED;
		goto done;
	}
	struct init init = { a.from ? a.from : model, model, a.from != NULL, a.year, a.office, &res.fig,
			     res.spellings };
	status = init_write(&init, tmp, &d);
	if (status == 0 && !a.from && !builds(tmp, &res.fig, &d))
		status = STATUS_BAD_INPUT;     /* a layout init wrote must build: say why */
	/* with --force, the old layout goes only once the new one is in */
	if (status == 0 && folder_put(tmp, a.out) != 0) {
		fprintf(stderr, _("%s: %s: cannot rename: %s\n"), prog, a.out, strerror(errno));
		status = STATUS_FAILED;
	}
	if (status == 0 && a.from)
		write_review(&a, &res.fig);
	if (status == 0)
		fprintf(stderr, _("%s: %s is ready for %d\n"), prog, a.out, a.year);
done:
	diag_print(&d, stderr, prog);
	if (status != 0)
		folder_remove(tmp);
	g_free(tmp);
	g_free(model);
	g_free(a.outdir);
	diag_release(&d);
	etl_result_release(&res);
	return status;
}
