/* quality.c — see quality.h. */
#include "quality.h"
#include "i18n.h"
#include "french.h"
#include "text.h"
#include "cell.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib.h>

static void add(struct checks *c, bool ok, const char *file, long line,
		char *message, char *said)
{
	c->v = g_renew(struct check, c->v, c->n + 1);
	c->v[c->n++] = (struct check){ ok, g_strdup(file), line, message, said };
	c->failed += !ok;
}

/* add() with the message made from fmt: in French for the report, in the
 * user's language for the terminal. */
static void __attribute__((format(printf, 5, 6)))
add_said(struct checks *c, bool ok, const char *file, long line, const char *fmt, ...)
{
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	char *fr = g_strdup_vprintf(i18n_fr(fmt), ap);
	char *said = g_strdup_vprintf(_(fmt), again);
	va_end(again);
	va_end(ap);
	add(c, ok, file, line, fr, said);
}

/* The figure of id for the year: its total, or its annee=Y row. */
static const struct figure *figure_of(const struct etl *e, const char *id)
{
	return figures_for_year(e->fig, id, "", e->year);
}

static char *date_fr(day_t d, char *buf, size_t cap)
{
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	snprintf(buf, cap, "%02d/%02d/%d", dd, m, y);
	return buf;
}

static void builtin(const struct etl *e, struct checks *c)
{
	char a[64], b[64];
	const struct figure *f = figure_of(e, "rh.part_femmes");
	const struct figure *h = figure_of(e, "rh.part_hommes");

	if (f && h)
		add_said(c, fabs(f->value + h->value - 100) < 1e-9, "rh_effectifs.csv", 0,
			 N_("women + men = 100 %% of the headcount: %s %% + %s %%"),
			 french_number(f->value, 1, a, sizeof a),
			 french_number(h->value, 1, b, sizeof b));
	const struct figure *t = figure_of(e, "formation.salaries_formes");
	if (t && (e->employees || e->employees_sorted))
		add_said(c, t->value <= (double)e->present, "rh_formations.csv", 0,
			 N_("trained employees (%s) at most the employees present in %d (%s)"),
			 french_number(t->value, 0, a, sizeof a), e->year,
			 french_number((double)e->present, 0, b, sizeof b));
	if (figure_of(e, "enquete.entretiens") && e->survey_first <= e->survey_last) {
		char d1[16], d2[16], w1[16], w2[16];
		add_said(c, e->survey_first >= e->survey_from && e->survey_last <= e->survey_to,
			 "enquete_satisfaction.csv", 0,
			 N_("interviews inside the survey window (%s to %s): held from %s to %s"),
			 date_fr(e->survey_from, w1, sizeof w1),
			 date_fr(e->survey_to, w2, sizeof w2),
			 date_fr(e->survey_first, d1, sizeof d1),
			 date_fr(e->survey_last, d2, sizeof d2));
	}
}

/* ---- the office's rules ---- */

struct rules {
	const struct etl *e;
	struct checks *c;
	const char *path;
};

enum { C_REGLE, C_DESCRIPTION, NCOLS };
static const struct exp_col cols[NCOLS] = {
	[C_REGLE] = { "regle", EXP_REQUIRED },
	[C_DESCRIPTION] = { "description", 0 },
};

/* Splits "a + b = c" into ids; false when it is not of that shape. */
static bool parse_rule(const char *s, size_t len, GPtrArray *left, char **right)
{
	char *text = g_strndup(s, len);
	char **sides = g_strsplit(text, "=", -1);
	bool ok = g_strv_length(sides) == 2;
	if (ok) {
		char **terms = g_strsplit(sides[0], "+", -1);
		for (char **t = terms; *t; t++) {
			char *id = g_strstrip(*t);
			ok &= *id != '\0';
			g_ptr_array_add(left, g_strdup(id));
		}
		g_strfreev(terms);
		*right = g_strdup(g_strstrip(sides[1]));
		ok &= **right != '\0' && !strchr(*right, '+');
	}
	g_strfreev(sides);
	g_free(text);
	return ok;
}

static void on_rule(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct rules *x = ctx;
	const struct exp_field *f = &row->col[C_REGLE];
	const char *s, *desc = NULL;
	size_t len, dlen = 0;
	char *right = NULL;
	GPtrArray *left = g_ptr_array_new_with_free_func(g_free);

	if (exp_text(r, f, &s, &len) != EXP_GOT)
		goto out;
	exp_text(r, &row->col[C_DESCRIPTION], &desc, &dlen);
	if (!parse_rule(s, len, left, &right)) {
		exp_reject(r, f, N_("rule"), "expected 'a + b = c' with figure ids");
		goto out;
	}
	for (guint i = 0; i <= left->len; i++) {
		const char *id = i < left->len ? g_ptr_array_index(left, i) : right;
		if (!figure_of(x->e, id)) {
			exp_reject(r, f, N_("rule"), "'%s' is not in the figures", id);
			goto out;
		}
	}
	/* The rule as written, then the values as a reader checks them. */
	GString *msg = g_string_new("");
	char num[64];
	double sum = 0;
	g_string_append_printf(msg, "%.*s (", (int)len, s);
	for (guint i = 0; i < left->len; i++) {
		double v = figure_of(x->e, g_ptr_array_index(left, i))->value;
		sum += v;
		g_string_append_printf(msg, "%s%s", i ? " + " : "",
				       french_number(v, v == floor(v) ? 0 : 2, num, sizeof num));
	}
	double total = figure_of(x->e, right)->value;
	bool ok = fabs(sum - total) <= 1e-9 * fmax(1, fabs(total));
	g_string_append_printf(msg, " = %s", french_number(sum, sum == floor(sum) ? 0 : 2,
							   num, sizeof num));
	char *rule = g_string_free(msg, FALSE);
	/* the rule's description first, as each language puts a colon */
	char *head = dlen ? g_strdup_printf("%.*s\u00a0: %s", (int)dlen, desc, rule) : g_strdup(rule);
	char *head_said = dlen ? g_strdup_printf(_("%.*s: %s"), (int)dlen, desc, rule) : g_strdup(rule);
	g_free(rule);
	if (ok)
		add(x->c, ok, x->path, row->line, g_strconcat(head, ")", NULL),
		    g_strconcat(head_said, ")", NULL));
	else {
		const char *t = french_number(total, total == floor(total) ? 0 : 2, num, sizeof num);
		char *fr = g_strdup_printf(i18n_fr(", not %s)"), t);
		char *said = g_strdup_printf(_(", not %s)"), t);
		add(x->c, ok, x->path, row->line, g_strconcat(head, fr, NULL),
		    g_strconcat(head_said, said, NULL));
		g_free(fr);
		g_free(said);
	}
	g_free(head);
	g_free(head_said);
out:
	g_free(right);
	g_ptr_array_free(left, TRUE);
}

void checks_run(const struct etl *e, const char *rules_path,
		struct checks *out, struct diag *d)
{
	builtin(e, out);
	if (!rules_path || !g_file_test(rules_path, G_FILE_TEST_EXISTS))
		return;
	struct rules x = { e, out, rules_path };
	struct exp_source src = {
		.path = rules_path, .cols = cols, .ncols = NCOLS,
		.on_row = on_rule, .ctx = &x,
	};
	struct exp_stats st;
	exp_read(&src, d, &st);
}

static void warning_row(const char *file, long line, long column, const char *msg, void *out)
{
	fputs("warning\t", out);
	cell_write(out, file, '\t');
	fprintf(out, "\t%ld\t%ld\t", line, column);
	cell_write(out, msg, '\t');
	fputc('\n', out);
}

int quality_write(FILE *out, const struct diag *d, const struct checks *c)
{
	fputs("level\tfile\tline\tcolumn\tmessage\n", out);
	/* first the kinds, with their counts; then every warning, by kind */
	for (size_t k = 0; k < d->nkinds; k++) {
		fputs("kind\t", out);
		cell_write(out, d->kinds[k].file, '\t');
		fprintf(out, "\t0\t0\t%zu × ", d->kinds[k].count);
		cell_write(out, d->kinds[k].label, '\t');
		fputc('\n', out);
	}
	int st = 0;
	for (size_t k = 0; k < d->nkinds; k++)
		st |= diag_each_of_kind(d, k, warning_row, out);
	if (!d->all)            /* only what was kept */
		for (size_t i = 0; i < d->n; i++)
			if (d->v[i].level == DIAG_WARNING)
				warning_row(d->v[i].file, d->v[i].line, d->v[i].column,
					    d->v[i].msg, out);
	for (size_t i = 0; i < c->n; i++) {
		fprintf(out, "%s\t", c->v[i].ok ? "ok" : "warning");
		cell_write(out, c->v[i].file, '\t');
		fprintf(out, "\t%ld\t0\t", c->v[i].line);
		cell_write(out, c->v[i].message, '\t');
		fputc('\n', out);
	}
	return ferror(out) || st ? -1 : 0;
}

void checks_release(struct checks *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		g_free(c->v[i].file);
		g_free(c->v[i].message);
		g_free(c->v[i].said);
	}
	g_free(c->v);
	*c = (struct checks){ 0 };
}
