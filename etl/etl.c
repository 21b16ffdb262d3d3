/* etl.c — see etl.h. */
#include "etl.h"
#include "previous.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

struct run {
	const struct source *src;
	void *state;
	bool progress;
};

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct run *run = ctx;
	run->src->on_row(r, row, run->state);
}

static void on_progress(uint64_t done, uint64_t total, void *ctx)
{
	const struct run *run = ctx;
	if (!run->progress || total == 0)
		return;
	fprintf(stderr, "\rcarnet figures: reading %s %3d %%", run->src->file,
		(int)(100.0 * (double)done / (double)total));
	fflush(stderr);
}

/* Reads every source; returns the worst exp_status. */
static int read_sources(const struct etl_options *o, struct etl *e)
{
	int status = 0, found = 0;

	for (size_t i = 0; i < nsources; i++) {
		const struct source *s = sources[i];
		char *path = g_build_filename(o->in, s->file, NULL);
		if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
			diag_add(e->diag, DIAG_WARNING, path, 0, 0,
				 "not found: the figures of %s are absent", s->file);
			g_free(path);
			continue;
		}
		found++;
		struct run run = { s, s->start(e), o->progress };
		struct exp_source src = {
			.path = path, .cols = s->cols, .ncols = s->ncols,
			.on_row = on_row, .ctx = &run, .on_progress = on_progress,
		};
		struct exp_stats st;
		size_t errors = e->diag->errors;
		e->path = path;
		enum exp_status es = exp_read(&src, e->diag, &st);
		if (o->progress)
			fprintf(stderr, "\r\033[K");
		bool clean = es == EXP_OK && e->diag->errors == errors;
		if (clean) {
			figures_source(e->fig, s->file, &st);
			figures_source(e->detail, s->file, &st);
		}
		s->finish(run.state, clean);
		e->path = NULL;
		if (clean && o->on_read)
			o->on_read(path, &st, o->ctx);
		if (!clean && es == EXP_OK)
			es = EXP_EDATA;
		if ((int)es > status)
			status = (int)es;
		g_free(path);
	}
	if (found == 0) {
		diag_add(e->diag, DIAG_ERROR, o->in, 0, 0,
			 "no export found (rh_effectifs.csv, enquete_satisfaction.csv …)");
		status = EXP_EIO;
	}
	return status;
}

void etl_run(const struct etl_options *o, struct etl_result *res)
{
	int y = o->year;

	*res = (struct etl_result){ .fig = FIGURES_INIT, .detail = FIGURES_INIT,
				    .diag = DIAG_INIT };
	struct etl e = {
		.year = y, .fig = &res->fig, .detail = &res->detail,
		.diag = &res->diag,
		.first_day = day_from_ymd(y, 1, 1),
		.last_day = day_from_ymd(y, 12, 31),
		.survey_from = day_from_ymd(y, 1, 1),
		.survey_to = day_from_ymd(y, 12, 31),
		.survey_first = INT32_MAX, .survey_last = INT32_MIN,
		.spellings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
	};
	res->spellings = e.spellings;
	if (o->all_warnings && diag_keep_all(&res->diag) != 0) {
		diag_add(&res->diag, DIAG_ERROR, "", 0, 0,
			 "no temporary file for the quality report's warnings");
		res->status = 2;
		return;
	}
	res->status = read_sources(o, &e);
	if (res->status == 0 && o->previous)
		res->status = previous_merge(o->previous, y, &res->fig, &res->diag);
	if (res->status == 0) {
		char *rules = g_build_filename(o->in, "controles.csv", NULL);
		checks_run(&e, rules, &res->checks, &res->diag);
		g_free(rules);
		if (res->diag.errors)
			res->status = 1;
	}
	figures_sort(&res->fig);
	figures_sort(&res->detail);
	keyset_free(e.employees);
}

static void latest_year(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	int *year = ctx;
	double y;
	if (exp_number(r, &row->col[0], &y) == EXP_GOT && y > *year && y <= 2100)
		*year = (int)y;
}

int etl_default_year(const char *in)
{
	static const struct exp_col annee[] = { { "annee", EXP_REQUIRED } };
	char *path = g_build_filename(in, "chiffres_cles.csv", NULL);
	int year = 0;
	struct diag d = DIAG_INIT;
	struct exp_stats st;
	struct exp_source src = {
		.path = path, .cols = annee, .ncols = 1,
		.on_row = latest_year, .ctx = &year,
	};
	if (g_file_test(path, G_FILE_TEST_EXISTS))
		exp_read(&src, &d, &st);
	diag_release(&d);
	g_free(path);
	return year;
}

void etl_result_release(struct etl_result *res)
{
	if (res->spellings)
		g_hash_table_destroy(res->spellings);
	if (!res)
		return;
	checks_release(&res->checks);
	figures_release(&res->fig);
	figures_release(&res->detail);
	diag_release(&res->diag);
}

int etl_write_labels(const struct etl_result *res, FILE *out)
{
	GList *keys = g_list_sort(g_hash_table_get_keys(res->spellings), (GCompareFunc)strcmp);
	fputs("value\tlabel\n", out);
	for (GList *k = keys; k; k = k->next)
		fprintf(out, "%s\t%s\n", (const char *)k->data,
			(const char *)g_hash_table_lookup(res->spellings, k->data));
	g_list_free(keys);
	return ferror(out) ? -1 : 0;
}
