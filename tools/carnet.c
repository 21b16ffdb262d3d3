/*
 * carnet.c — the front command.
 *
 *   carnet COMMAND [ARGS]
 *
 * Each stage of the pipeline is a program of its own, carnet-COMMAND,
 * installed beside this one (as git does); `carnet figures …` runs
 * carnet-figures with the same arguments, and `carnet build` runs the
 * stages one after the other, for users who do not use make.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CARNET_VERSION
#define CARNET_VERSION "0.0.0"
#endif

static const char *const stages[] = { "figures", "xlsx", "pdf", "html", "init" };

static void usage(FILE *out)
{
	fprintf(out,
		"usage: carnet COMMAND [ARGS]\n"
		"\n"
		"Builds a housing office's activity report (\"carnet\") from its\n"
		"yearly data exports.\n"
		"\n"
		"commands:\n"
		"  figures  read the exports and compute the figures table\n"
		"  xlsx     write the carnet and headcount workbooks\n"
		"  pdf      typeset the carnet PDF\n"
		"  html     write the carnet as web pages\n"
		"  build    run the whole pipeline: carnet build --in DIR --year Y --out DIR\n"
		"  init     a new edition's layout from a folder of exports\n"
		"\n"
		"`carnet COMMAND --help` tells more; --version prints the version.\n");
}

/* The folder holding this program, where the stage programs are. */
static char *self_dir(void)
{
	static char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return dirname(buf);
}

static int stage_path(const char *name, char *out, size_t cap)
{
	const char *dir = self_dir();
	if (!dir)
		return -1;
	int n = snprintf(out, cap, "%s/carnet-%s", dir, name);
	if (n < 0 || (size_t)n >= cap || access(out, X_OK) != 0)
		return -1;
	return 0;
}

/* Replaces this process with stage name. */
static int exec_stage(const char *name, int argc, char **argv)
{
	char path[PATH_MAX];
	if (stage_path(name, path, sizeof path) != 0) {
		fprintf(stderr, "carnet: the '%s' stage is not available in this build\n",
			name);
		return 2;
	}
	char **args = calloc((size_t)argc + 1, sizeof *args);
	if (!args)
		return 2;
	args[0] = path;
	for (int i = 1; i < argc; i++)
		args[i] = argv[i];
	execv(path, args);
	fprintf(stderr, "carnet: cannot run %s: %s\n", path, strerror(errno));
	free(args);
	return 2;
}

static void build_usage(FILE *out)
{
	fprintf(out,
		"usage: carnet build --in DIR --year Y --out DIR [--layout DIR] [--draft]\n"
		"                    [--previous FILE] [--memory SIZE]\n"
		"\n"
		"Runs the whole pipeline on the exports of --in and writes into\n"
		"--out: figures-Y.tsv, carnet-Y.xlsx, effectifs-Y.xlsx,\n"
		"carnet-Y.pdf (screen), carnet-Y-impression.pdf (print) and web/\n"
		"(the web edition); what\n"
		"the stages pass to each other, and the resampled photos, go to\n"
		"--out/.carnet-Y/.  The edition's layout is --layout, else\n"
		"layouts/Y in the current folder or in carnet's own repository.\n"
		"--draft builds a draft: n.d. for an absent figure (each one listed),\n"
		"an empty frame for a chart without data, PROJET on every page.\n"
		"--previous FILE is last edition's figures table, for the Y-1 values;\n"
		"without it, --out/../Y-1/figures-Y-1.tsv is used when it exists.\n"
		"--memory SIZE is the ETL's memory budget (carnet figures --help).\n");
}

/* Runs stage name with args (args[0] is filled in); returns its exit
 * status. */
static int run_stage(const char *name, char **args)
{
	char path[PATH_MAX];
	if (stage_path(name, path, sizeof path) != 0) {
		fprintf(stderr, "carnet build: the '%s' stage is not part of this version yet: the report is incomplete\n",
			name);
		return 1;
	}
	args[0] = path;
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "carnet build: cannot fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execv(path, args);
		fprintf(stderr, "carnet build: cannot run %s: %s\n", path,
			strerror(errno));
		_exit(2);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 2;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	fprintf(stderr, "carnet build: %s was killed by signal %d\n", name,
		WTERMSIG(st));
	return 2;
}

/* mkdir -p dir */
static int make_dir(const char *dir)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s", dir);
	for (char *p = path + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(path, 0777) != 0 && errno != EEXIST)
				break;
			*p = '/';
		}
	if (mkdir(dir, 0777) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "carnet build: %s: cannot create: %s\n", dir, strerror(errno));
	return -1;
}

/* a "/" b, malloc'ed (NULL when memory runs out). */
static char *join(const char *a, const char *b)
{
	char *s = malloc(strlen(a) + strlen(b) + 2);
	if (s)
		sprintf(s, "%s/%s", a, b);
	return s;
}

/* layouts/YEAR here, else in the repository this program was built in
 * (build/bin/../../layouts/YEAR); NULL when neither exists. */
static char *default_layout(const char *year)
{
	char rel[64];
	snprintf(rel, sizeof rel, "layouts/%.20s", year);
	if (access(rel, R_OK) == 0)
		return strdup(rel);
	const char *dir = self_dir();
	char *up = dir ? join(dir, "../..") : NULL;
	char *path = up ? join(up, rel) : NULL;
	free(up);
	if (path && access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

static int build(int argc, char **argv)
{
	const char *in = NULL, *year = NULL, *out = NULL, *layout = NULL, *previous = NULL,
		   *memory = NULL;
	char *draft = NULL;     /* "--draft", passed on to the renderers */

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--draft")) {
			draft = "--draft";
			continue;
		}
		const char **dst = !strcmp(argv[i], "--in") ? &in :
				   !strcmp(argv[i], "--year") ? &year :
				   !strcmp(argv[i], "--out") ? &out :
				   !strcmp(argv[i], "--layout") ? &layout :
				   !strcmp(argv[i], "--previous") ? &previous :
				   !strcmp(argv[i], "--memory") ? &memory : NULL;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			build_usage(stdout);
			return 0;
		}
		if (!dst || i + 1 >= argc) {
			build_usage(stderr);
			return 2;
		}
		*dst = argv[++i];
	}
	if (!in || !year || !out) {
		build_usage(stderr);
		return 2;
	}
	char *lay = layout ? strdup(layout) : default_layout(year);
	if (!lay) {
		fprintf(stderr, "carnet build: no layouts/%s here: give --layout\n", year);
		return 2;
	}
	char name[64];
	snprintf(name, sizeof name, ".carnet-%.20s", year);
	char *work = join(out, name);
	snprintf(name, sizeof name, "figures-%.20s.tsv", year);
	char *table = join(out, name);
	char *prov = work ? join(work, "figures.tsv") : NULL;
	char *quality = work ? join(work, "quality.tsv") : NULL;
	char *detail = work ? join(work, "hr-detail.tsv") : NULL;
	char *labels = work ? join(work, "labels.tsv") : NULL;
	int st = 2;
	if (!work || !table || !prov || !quality || !detail || !labels ||
	    make_dir(out) != 0 || make_dir(work) != 0)
		goto out;
	/* last year's table: given, or beside --out */
	char *prev = previous ? strdup(previous) : NULL;
	if (!prev) {
		char rel[96];
		int y = atoi(year) - 1;
		snprintf(rel, sizeof rel, "../%d/figures-%d.tsv", y, y);
		prev = join(out, rel);
		if (prev && access(prev, R_OK) != 0) {
			free(prev);
			prev = NULL;
		}
	}
	char *figures[] = { NULL, "--in", (char *)in, "--year", (char *)year,
			    "-o", table, "--provenance", prov, "--quality", quality,
			    "--hr-detail", detail, "--labels", labels,
			    NULL, NULL, NULL, NULL, NULL };
	size_t k = 15;                  /* the options given or not */
	if (memory) {
		figures[k++] = "--memory";
		figures[k++] = (char *)memory;
	}
	if (prev) {
		figures[k++] = "--previous";
		figures[k++] = prev;
	}
	st = run_stage("figures", figures);
	if (st == 0) {
		char *xlsx[] = { NULL, "--layout", lay, "--figures", prov,
				 "--quality", quality, "--hr-detail", detail,
				 "--labels", labels, "--out", (char *)out, draft, NULL };
		st = run_stage("xlsx", xlsx);
	}
	char *photos = join(work, "photos");
	snprintf(name, sizeof name, "carnet-%.20s.pdf", year);
	char *pdf = join(out, name);
	if (st == 0 && pdf && photos) {
		char *args[] = { NULL, "--layout", lay, "--figures", prov, "--cache", photos,
				 "--labels", labels, "-o", pdf, draft, NULL };
		st = run_stage("pdf", args);
	}
	free(pdf);
	snprintf(name, sizeof name, "carnet-%.20s-impression.pdf", year);
	pdf = join(out, name);
	if (st == 0 && pdf && photos) {
		char *args[] = { NULL, "--print", "--layout", lay, "--figures", prov,
				 "--cache", photos, "--labels", labels, "-o", pdf, draft, NULL };
		st = run_stage("pdf", args);
	}
	free(pdf);
	char *web = join(out, "web");
	if (st == 0 && web && photos) {
		char *args[] = { NULL, "--layout", lay, "--figures", prov, "--cache", photos,
				 "--labels", labels, "--out", web, draft, NULL };
		st = run_stage("html", args);
	}
	free(web);
	free(photos);
	free(prev);
out:
	free(lay);
	free(work);
	free(table);
	free(prov);
	free(quality);
	free(detail);
	free(labels);
	return st;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "--version")) {
		printf("carnet %s\n", CARNET_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "build"))
		return build(argc - 1, argv + 1);
	for (size_t i = 0; i < sizeof stages / sizeof *stages; i++)
		if (!strcmp(cmd, stages[i]))
			return exec_stage(cmd, argc - 1, argv + 1);
	fprintf(stderr, "carnet: unknown command '%s' (see carnet --help)\n", cmd);
	return 2;
}
