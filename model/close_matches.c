/* close_matches.c — see close_matches.h. */
#include "close_matches.h"
#include "../etl/export.h"
#include "../etl/i18n.h"

#include <string.h>

#include <glib.h>

/* Edit distance between a and b (Levenshtein), capped at 100 bytes. */
static size_t distance(const char *a, const char *b)
{
	size_t n = MIN(strlen(a), 100), m = MIN(strlen(b), 100);
	size_t row[101];
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = MIN(row[j] + 1, row[j - 1] + 1);
			row[j] = MIN(best, diag + (a[i - 1] != b[j - 1]));
			diag = up;
		}
	}
	return row[m];
}

struct search {
	const char *id;
	GString *found;
	char *last;             /* the table groups an indicator's rows */
	int n;
};

static void consider(struct search *s, const char *other, size_t len)
{
	if (s->n >= 3 || (s->last && strlen(s->last) == len && !strncmp(s->last, other, len)))
		return;
	g_free(s->last);
	s->last = g_strndup(other, len);
	if (distance(s->id, s->last) <= MAX(2, strlen(s->id) / 5)) {
		g_string_append_printf(s->found, "%s'%s'", s->n ? ", " : "", s->last);
		s->n++;
	}
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	const char *s;
	size_t len;
	if (exp_text(r, &row->col[0], &s, &len) == EXP_GOT)
		consider(ctx, s, len);
}

char *close_matches(const struct figures *t, const char *id)
{
	struct search s = { id, g_string_new(""), NULL, 0 };
	if (t->partial_of) {
		static const struct exp_col cols[] = { { "indicator", EXP_REQUIRED } };
		struct exp_source src = {
			.path = t->partial_of, .cols = cols, .ncols = 1, .on_row = on_row, .ctx = &s,
		};
		struct exp_stats st;
		struct diag quiet = DIAG_INIT;   /* read whole once already */
		exp_read(&src, &quiet, &st);
		diag_release(&quiet);
	} else {
		for (size_t i = 0; i < t->n; i++)
			consider(&s, t->v[i].indicator, strlen(t->v[i].indicator));
	}
	char *r = s.n ? g_strdup_printf(_(" (close: %s)"), s.found->str) : g_strdup("");
	g_string_free(s.found, TRUE);
	g_free(s.last);
	return r;
}
