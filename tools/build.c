/* build.c — see build.h. */
#include "../etl/i18n.h"
#include "build.h"
#include "stages.h"
#include "../etl/infile.h"
#include "../etl/folder.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

static void usage(FILE *out)
{
	fprintf(out,
		_("usage: carnet build --in DIR --year Y --out DIR [--layout DIR] [--draft]\n"
		"                    [--previous FILE] [--memory SIZE]\n"
		"\n"
		"Runs the whole pipeline on the exports of --in and writes into\n"
		"--out: figures-Y.tsv, carnet-Y.xlsx, effectifs-Y.xlsx,\n"
		"carnet-Y.pdf (screen), carnet-Y-impression.pdf (print) and web/\n"
		"(the web edition); what the stages pass to each other, and the\n"
		"resampled photos, go to --out/.carnet-Y/.  Nothing is replaced\n"
		"unless every stage succeeds.  The edition's layout is --layout,\n"
		"else layouts/Y in the current folder or in carnet's own repository.\n"
		"--draft builds a draft: n.d. for an absent figure (each one listed),\n"
		"an empty frame for a chart without data, PROJET on every page.\n"
		"--previous FILE is last edition's figures table, for the Y-1 values;\n"
		"without it, --out/../Y-1/figures-Y-1.tsv is used when it exists.\n"
		"--memory SIZE is the ETL's memory budget (carnet figures --help).\n"));
}

struct options {
	const char *in, *year, *out, *layout, *previous, *memory;
	char *draft;            /* "--draft", passed on to the renderers */
};

/* 0, 1 after --help, or 2 on a usage error (said). */
static int parse(int argc, char **argv, struct options *o)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--draft")) {
			o->draft = "--draft";
			continue;
		}
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 1;
		}
		const char **dst = !strcmp(argv[i], "--in") ? &o->in :
				   !strcmp(argv[i], "--year") ? &o->year :
				   !strcmp(argv[i], "--out") ? &o->out :
				   !strcmp(argv[i], "--layout") ? &o->layout :
				   !strcmp(argv[i], "--previous") ? &o->previous :
				   !strcmp(argv[i], "--memory") ? &o->memory : NULL;
		if (!dst || i + 1 >= argc) {
			usage(stderr);
			return 2;
		}
		*dst = argv[++i];
	}
	if (!o->in || !o->year || !o->out) {
		usage(stderr);
		return 2;
	}
	/* the year names files and folders: four digits, nothing else */
	if (strlen(o->year) != 4 || strspn(o->year, "0123456789") != 4) {
		fprintf(stderr, _("carnet build: --year: '%s' is not a year (four digits)\n"), o->year);
		return 2;
	}
	return 0;
}

/* layouts/YEAR here, else in the repository this program was built in
 * (build/bin/../../layouts/YEAR); NULL when neither exists. */
static char *default_layout(const char *year)
{
	char *rel = g_strdup_printf("layouts/%s", year);
	if (access(rel, R_OK) == 0)
		return rel;
	const char *dir = stage_dir();
	char *path = dir ? g_build_filename(dir, "..", "..", rel, NULL) : NULL;
	g_free(rel);
	if (path && access(path, R_OK) == 0)
		return path;
	g_free(path);
	return NULL;
}

/* What one build writes: each output's staged path and its place. */
enum { O_TABLE, O_CARNET, O_EFFECTIFS, O_SCREEN, O_PRINT, O_WEB,
       O_PROVENANCE, O_QUALITY, O_DETAIL, O_LABELS, NO };

struct plan {
	char *work, *next, *photos;     /* .carnet-Y, .carnet-Y/next, its photos */
	char *staged[NO], *place[NO];
};

static void plan_make(struct plan *p, const char *out, const char *year)
{
	const char *names[NO] = {
		[O_TABLE] = "figures-%s.tsv", [O_CARNET] = "carnet-%s.xlsx",
		[O_EFFECTIFS] = "effectifs-%s.xlsx", [O_SCREEN] = "carnet-%s.pdf",
		[O_PRINT] = "carnet-%s-impression.pdf", [O_WEB] = "web",
		[O_PROVENANCE] = "figures.tsv", [O_QUALITY] = "quality.tsv",
		[O_DETAIL] = "hr-detail.tsv", [O_LABELS] = "labels.tsv",
	};
	char *dot = g_strdup_printf(".carnet-%s", year);
	p->work = g_build_filename(out, dot, NULL);
	p->next = g_build_filename(p->work, "next", NULL);
	p->photos = g_build_filename(p->work, "photos", NULL);
	g_free(dot);
	for (int i = 0; i < NO; i++) {
		char *name = g_strdup_printf(names[i], year);
		p->staged[i] = g_build_filename(p->next, name, NULL);
		p->place[i] = g_build_filename(i < O_PROVENANCE ? out : p->work, name, NULL);
		g_free(name);
	}
}

static void plan_free(struct plan *p)
{
	g_free(p->work);
	g_free(p->next);
	g_free(p->photos);
	for (int i = 0; i < NO; i++) {
		g_free(p->staged[i]);
		g_free(p->place[i]);
	}
}

/* Every output into its place; the web edition's folder exchanged whole.
 * Renames within one file system: each output is whole in its place. */
static int publish(const struct plan *p)
{
	for (int i = 0; i < NO; i++) {
		int st = i == O_WEB ? folder_put(p->staged[i], p->place[i])
				    : g_rename(p->staged[i], p->place[i]);
		if (st != 0) {
			fprintf(stderr, _("carnet build: %s: cannot put in place: %s\n"),
				p->place[i], strerror(errno));
			return 2;
		}
	}
	return 0;
}

/* The stages, one after the other, into p's staging folder. */
static int run(const struct options *o, const struct plan *p, const char *lay,
	       const char *prev)
{
	char *const *s = p->staged;
	char *figures[] = { NULL, "--in", (char *)o->in, "--year", (char *)o->year,
			    "-o", s[O_TABLE], "--provenance", s[O_PROVENANCE],
			    "--quality", s[O_QUALITY], "--hr-detail", s[O_DETAIL],
			    "--labels", s[O_LABELS], NULL, NULL, NULL, NULL, NULL };
	size_t k = 15;                  /* the options given or not */
	if (o->memory) {
		figures[k++] = "--memory";
		figures[k++] = (char *)o->memory;
	}
	if (prev) {
		figures[k++] = "--previous";
		figures[k++] = (char *)prev;
	}
	enum status st = stage_run("figures", figures);
	if (st == 0) {
		char *xlsx[] = { NULL, "--layout", (char *)lay, "--figures", s[O_PROVENANCE],
				 "--quality", s[O_QUALITY], "--hr-detail", s[O_DETAIL],
				 "--labels", s[O_LABELS], "--out", p->next, o->draft, NULL };
		st = stage_run("xlsx", xlsx);
	}
	if (st == 0) {
		/* the three editions in one process: each photo decoded once */
		char *editions[] = { NULL, "--layout", (char *)lay, "--figures", s[O_PROVENANCE],
				     "--cache", p->photos, "--labels", s[O_LABELS],
				     "--screen", s[O_SCREEN], "--print", s[O_PRINT], "--web", s[O_WEB],
				     o->draft, NULL };
		st = stage_run("editions", editions);
	}
	return st;
}

int build_main(int argc, char **argv)
{
	struct options o = { 0 };
	int st = parse(argc, argv, &o);
	if (st != 0)
		return st == 1 ? 0 : st;
	char *lay = o.layout ? g_strdup(o.layout) : default_layout(o.year);
	if (!lay) {
		fprintf(stderr, _("carnet build: no layouts/%s here: give --layout\n"), o.year);
		return 2;
	}
	/* last year's table: given, or beside --out (found through --out's
	 * parent: --out may not be there yet) */
	char *prev = o.previous ? g_strdup(o.previous) : NULL;
	if (!prev) {
		int y = atoi(o.year) - 1;
		char *rel = g_strdup_printf("%d/figures-%d.tsv", y, y);
		char *out = folder_path(o.out), *parent = g_path_get_dirname(out);
		prev = g_build_filename(parent, rel, NULL);
		g_free(parent);
		g_free(out);
		g_free(rel);
		if (access(prev, R_OK) != 0)
			g_clear_pointer(&prev, g_free);
	}
	struct plan p;
	plan_make(&p, o.out, o.year);
	/* no output may be or lie in an input: said before anything is made */
	const char *inputs[] = { o.in, lay, prev };
	st = 2;
	for (int i = 0; i < NO; i++)
		if (!infile_apart("carnet build", p.place[i], inputs, 3))
			goto out;
	folder_remove(p.next);          /* what a killed build left */
	if (g_mkdir_with_parents(p.next, 0777) != 0) {
		fprintf(stderr, _("carnet build: %s: cannot create: %s\n"), p.next, strerror(errno));
		goto out;
	}
	st = run(&o, &p, lay, prev);
	if (st == 0)
		st = publish(&p);
	folder_remove(p.next);
out:
	plan_free(&p);
	g_free(lay);
	g_free(prev);
	return st;
}
