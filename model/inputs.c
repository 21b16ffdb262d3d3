/* inputs.c — see inputs.h. */
#include "inputs.h"

#include <string.h>

#include <glib.h>

enum { F_IND, F_DIMS, F_VALUE, F_UNIT, F_SOURCE, F_SHA, F_READ, F_REJECTED, F_OUTSIDE,
       F_RULE, NF };

static const struct exp_col figure_cols[NF] = {
	[F_IND] = { "indicator", EXP_REQUIRED }, [F_DIMS] = { "dimensions", 0 },
	[F_VALUE] = { "value", EXP_REQUIRED }, [F_UNIT] = { "unit", 0 },
	[F_SOURCE] = { "source", EXP_REQUIRED }, [F_SHA] = { "sha256", EXP_REQUIRED },
	[F_READ] = { "rows_read", EXP_REQUIRED },
	[F_REJECTED] = { "rows_rejected", EXP_REQUIRED },
	[F_OUTSIDE] = { "rows_outside_year", 0 },
	[F_RULE] = { "rule", 0 },
};

struct figures_reading {
	struct figures *t;
	GHashTable *wanted;     /* indicator ids, or NULL: all */
	GString *id;
};

static void on_figure(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct figures_reading *x = ctx;
	struct figures *t = x->t;
	const struct exp_field *f = row->col;
	double value;
	long read = 0, rejected = 0, outside = 0;

	if (exp_number(r, &f[F_VALUE], &value) != EXP_GOT ||
	    exp_count(r, &f[F_READ], &read) != EXP_GOT ||
	    exp_count(r, &f[F_REJECTED], &rejected) != EXP_GOT ||
	    exp_count(r, &f[F_OUTSIDE], &outside) == EXP_BAD)
		return;
	char *file = exp_strdup(r, &f[F_SOURCE]);
	/* figures of one source share its provenance record */
	if (t->current < 0 || strcmp(t->sources[t->current].file, file) != 0) {
		int found = -1;
		for (size_t i = 0; i < t->nsources; i++)
			if (!strcmp(t->sources[i].file, file))
				found = (int)i;
		if (found >= 0) {
			t->current = found;
		} else {
			struct exp_stats st = { .rows = read, .rejected = rejected,
						.outside = outside };
			const char *sha;
			size_t len;
			if (exp_text(r, &f[F_SHA], &sha, &len) == EXP_GOT)
				g_strlcpy(st.sha256, sha, MIN(len + 1, sizeof st.sha256));
			figures_source(t, file, &st);
		}
	}
	g_free(file);
	if (x->wanted) {
		const char *s;
		size_t len;
		g_string_truncate(x->id, 0);
		if (exp_text(r, &f[F_IND], &s, &len) == EXP_GOT)
			g_string_append_len(x->id, s, (gssize)len);
		if (!g_hash_table_contains(x->wanted, x->id->str))
			return;
	}
	char *ind = exp_strdup(r, &f[F_IND]), *dims = exp_strdup(r, &f[F_DIMS]);
	char *unit = exp_strdup(r, &f[F_UNIT]), *rule = exp_strdup(r, &f[F_RULE]);
	figures_add_raw(t, ind, dims, value, unit, rule);
	g_free(ind);
	g_free(dims);
	g_free(unit);
	g_free(rule);
}

int inputs_read_figures_of(const char *path, GHashTable *wanted, struct figures *t,
			   struct diag *d)
{
	struct figures_reading x = { t, wanted, g_string_new("") };
	struct exp_source src = {
		.path = path, .cols = figure_cols, .ncols = NF,
		.on_row = on_figure, .ctx = &x,
	};
	struct exp_stats st;
	int status = exp_read(&src, d, &st) == STATUS_OK ? 0 : 1;
	g_string_free(x.id, TRUE);
	if (wanted)
		t->partial_of = g_strdup(path);
	return status;
}

int inputs_read_figures(const char *path, struct figures *t, struct diag *d)
{
	return inputs_read_figures_of(path, NULL, t, d);
}


enum { Q_LEVEL, Q_FILE, Q_LINE, Q_COLUMN, Q_MESSAGE, NQ };

static const struct exp_col quality_cols[NQ] = {
	[Q_LEVEL] = { "level", EXP_REQUIRED }, [Q_FILE] = { "file", 0 },
	[Q_LINE] = { "line", EXP_REQUIRED }, [Q_COLUMN] = { "column", EXP_REQUIRED },
	[Q_MESSAGE] = { "message", EXP_REQUIRED },
};

static void on_quality(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct quality_report *q = ctx;
	const struct exp_field *f = row->col;
	long line = 0, column = 0;

	if (exp_count(r, &f[Q_LINE], &line) == EXP_BAD ||
	    exp_count(r, &f[Q_COLUMN], &column) == EXP_BAD)
		return;
	q->v = g_renew(struct quality_row, q->v, q->n + 1);
	q->v[q->n++] = (struct quality_row){
		.level = exp_strdup(r, &f[Q_LEVEL]), .file = exp_strdup(r, &f[Q_FILE]),
		.message = exp_strdup(r, &f[Q_MESSAGE]),
		.line = line, .column = column,
	};
}

int inputs_read_quality(const char *path, struct quality_report *q,
			struct diag *d)
{
	/* a report with no warning and no check is a header alone */
	struct exp_source src = {
		path, quality_cols, NQ, on_quality, q, NULL, .allow_empty = true,
	};
	struct exp_stats st;
	*q = (struct quality_report){ 0 };
	return exp_read(&src, d, &st) == STATUS_OK ? 0 : 1;
}

void quality_report_release(struct quality_report *q)
{
	for (size_t i = 0; q && i < q->n; i++) {
		g_free(q->v[i].level);
		g_free(q->v[i].file);
		g_free(q->v[i].message);
	}
	if (q) {
		g_free(q->v);
		*q = (struct quality_report){ 0 };
	}
}

/* ---- the labels the exports spell ---- */

enum { S_VALUE, S_LABEL, NS };

static const struct exp_col label_cols[NS] = {
	[S_VALUE] = { "value", EXP_REQUIRED }, [S_LABEL] = { "label", EXP_REQUIRED },
};

static void on_label(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	GHashTable *t = ctx;
	g_hash_table_insert(t, exp_strdup(r, &row->col[S_VALUE]), exp_strdup(r, &row->col[S_LABEL]));
}

int inputs_read_labels(const char *path, struct layout *l, struct diag *d)
{
	struct exp_source src = { path, label_cols, NS, on_label, l->spellings, NULL,
				  .allow_empty = true };
	struct exp_stats st;
	return exp_read(&src, d, &st) == STATUS_OK ? 0 : 1;
}

/* ---- the model of an edition ---- */

void inputs_text_ids(const char *text, GHashTable *wanted)
{
	const char *p = text;
	while (*p) {
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_.");
		while (n && p[n - 1] == '.')
			n--;                    /* a sentence's full stop */
		const char *dot = n ? memchr(p, '.', n) : NULL;
		if (dot && dot > p) {
			char *id = g_strndup(p, n);
			for (char c = 'a'; c <= 'g'; c++)
				g_hash_table_add(wanted, g_strdup_printf("%s_%c", id, c));
			g_hash_table_add(wanted, id);
		}
		p += n ? n : 1;
	}
}

/* The .md texts under dir, read into wanted's ids. */
static void texts_ids(const char *dir, GHashTable *wanted)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	while (d && (name = g_dir_read_name(d))) {
		char *path = g_build_filename(dir, name, NULL), *text = NULL;
		if (g_file_test(path, G_FILE_TEST_IS_DIR))
			texts_ids(path, wanted);
		else if (g_str_has_suffix(name, ".md") && g_file_get_contents(path, &text, NULL, NULL))
			inputs_text_ids(text, wanted);
		g_free(text);
		g_free(path);
	}
	if (d)
		g_dir_close(d);
}

/* The indicators the edition can show: its catalogue's, its charts', and
 * those its texts name.  A renderer reads only their figures, so that its
 * memory does not grow with figures it never shows. */
static GHashTable *wanted_of(const struct layout *l)
{
	GHashTable *wanted = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (size_t i = 0; i < l->nentries; i++)
		g_hash_table_add(wanted, g_strdup(l->entries[i].indicator));
	for (size_t i = 0; i < l->ncharts; i++)
		g_hash_table_add(wanted, g_strdup(l->charts[i].indicator));
	char *dir = g_build_filename(l->dir, "textes", NULL);
	texts_ids(dir, wanted);
	g_free(dir);
	return wanted;
}

enum status inputs_read_model(struct layout *l, struct figures *t, const char *layout_dir,
			       const char *figures, const char *labels, bool all, bool draft,
			       struct diag *d)
{
	if (layout_load(layout_dir, l, d) != 0 ||
	    (labels && inputs_read_labels(labels, l, d) != 0))
		return STATUS_BAD_INPUT;
	GHashTable *wanted = all ? NULL : wanted_of(l);
	int read = inputs_read_figures_of(figures, wanted, t, d);
	if (wanted)
		g_hash_table_destroy(wanted);
	return read != 0 || layout_check(l, t, draft, d) != 0 ? STATUS_BAD_INPUT : STATUS_OK;
}
