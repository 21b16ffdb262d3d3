/* figures.c — see figures.h. */
#include "figures.h"
#include "decimal.h"
#include "cell.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

void figures_source(struct figures *t, const char *file,
		    const struct exp_stats *st)
{
	t->sources = g_renew(struct figure_source, t->sources, t->nsources + 1);
	t->sources[t->nsources] = (struct figure_source){
		.file = g_strdup(file), .stats = *st,
	};
	t->current = (int)t->nsources++;
}

/* s, kept once in the table. */
static GStringChunk *strings_of(struct figures *t)
{
	if (!t->strings)
		t->strings = g_string_chunk_new(1 << 16);
	return t->strings;
}

static const char *keep(struct figures *t, const char *s)
{
	return g_string_chunk_insert_const(strings_of(t), s);
}

static void push(struct figures *t, struct figure f)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		t->v = g_renew(struct figure, t->v, t->cap);
	}
	t->v[t->n++] = f;
}

struct pair {
	const char *key;
	char value[128];
};

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct pair *)a)->key, ((const struct pair *)b)->key);
}

void figures_add(struct figures *t, const char *indicator, double value,
		 const char *unit, const char *rule, ...)
{
	struct pair pairs[8];
	size_t n = 0;
	va_list ap;

	va_start(ap, rule);
	const char *key;
	while ((key = va_arg(ap, const char *)) != NULL && n < 8) {
		const char *v = va_arg(ap, const char *);
		pairs[n].key = key;
		text_slug(v, strlen(v), pairs[n].value, sizeof pairs[n].value);
		n++;
	}
	va_end(ap);
	qsort(pairs, n, sizeof *pairs, by_key);
	GString *dims = g_string_new("");
	for (size_t i = 0; i < n; i++)
		g_string_append_printf(dims, "%s%s=%s", i ? "," : "",
				       pairs[i].key, pairs[i].value);
	push(t, (struct figure){
		.indicator = keep(t, indicator), .dims = keep(t, dims->str),
		.value = value, .unit = keep(t, unit), .rule = rule,
		.source = t->current,
	});
	g_string_free(dims, TRUE);
}

/* s kept once, *last the one kept the time before: a run of figures
 * repeats its unit and its rule, seen so with one strcmp. */
static const char *keep_again(struct figures *t, const char **last, const char *s)
{
	if (!*last || strcmp(*last, s) != 0)
		*last = keep(t, s);
	return *last;
}

/* The indicator is copied, not looked up among the kept strings: a
 * declared one is its figure's own (89 000 of them at x1000, where the
 * look-up was a third of the landing the survey waits for). */
void figures_add_raw(struct figures *t, const char *indicator,
		     const char *dims, double value, const char *unit,
		     const char *rule)
{
	push(t, (struct figure){
		.indicator = g_string_chunk_insert(strings_of(t), indicator),
		.dims = keep_again(t, &t->last_dims, dims),
		.value = value, .unit = keep_again(t, &t->last_unit, unit),
		.rule = keep_again(t, &t->last_rule, rule), .source = t->current,
	});
}

void figures_adopt(struct figures *t, GStringChunk *chunk)
{
	if (!t->adopted)
		t->adopted = g_ptr_array_new_with_free_func((GDestroyNotify)g_string_chunk_free);
	g_ptr_array_add(t->adopted, chunk);
}

/* The declared figures' own strings, adopted: copying 89 000 ids at
 * x1000 was a third of the landing the survey waits for. */
void figures_add_kept(struct figures *t, const char *indicator,
		      const char *dims, double value, const char *unit,
		      const char *rule)
{
	push(t, (struct figure){
		.indicator = indicator, .dims = keep_again(t, &t->last_dims, dims),
		.value = value, .unit = unit, .rule = rule, .source = t->current,
	});
}

void figures_reserve(struct figures *t, size_t more)
{
	if (t->cap - t->n >= more)
		return;
	t->cap = t->n + more;
	t->v = g_renew(struct figure, t->v, t->cap);
}

const struct figure *figures_get(const struct figures *t,
				 const char *indicator, const char *dims)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].indicator, indicator) &&
		    !strcmp(t->v[i].dims, dims))
			return &t->v[i];
	return NULL;
}

const struct figure *figures_for_year(const struct figures *t,
				      const char *indicator, const char *dims,
				      int year)
{
	const struct figure *f = figures_get(t, indicator, dims);
	if (f || year <= 0)
		return f;
	/* "annee" sorts before every other key of figures.md */
	char *with = g_strdup_printf("annee=%d%s%s", year, *dims ? "," : "", dims);
	f = figures_get(t, indicator, with);
	g_free(with);
	return f;
}

const struct figure *figures_previous(const struct figures *t,
				      const char *indicator, const char *dims,
				      int year)
{
	char own[32];
	snprintf(own, sizeof own, "annee=%d", year);
	size_t k = strlen(own);
	const char *rest = dims;
	if (!strncmp(dims, own, k) && (dims[k] == '\0' || dims[k] == ','))
		rest = dims[k] ? dims + k + 1 : "";
	char *with = g_strdup_printf("annee=%d%s%s", year - 1, *rest ? "," : "", rest);
	const struct figure *f = figures_get(t, indicator, with);
	g_free(with);
	return f;
}

bool figures_has(const struct figures *t, const char *indicator)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].indicator, indicator))
			return true;
	return false;
}

bool figures_counts_people(const char *indicator)
{
	static const char *const people[] = {
		"rh.effectif", "rh.pyramide", "rh.recrutements", "rh.departs",
		"rh.promotions", "rh.rqth", "rh.postes_amenages",
		"formation.salaries_formes", "insertion.cddi",
		"insertion.sorties_emploi", "enquete.entretiens",
	};
	for (size_t i = 0; i < sizeof people / sizeof *people; i++)
		if (!strcmp(indicator, people[i]))
			return true;
	return false;
}

static int by_figure(const void *a, const void *b)
{
	const struct figure *x = a, *y = b;
	int c = strcmp(x->indicator, y->indicator);
	return c ? c : strcmp(x->dims, y->dims);
}

void figures_sort(struct figures *t)
{
	if (t->n > 1)           /* qsort must not see the NULL of an empty table */
		qsort(t->v, t->n, sizeof *t->v, by_figure);
}

/* A source's provenance columns, the same on each of its figures' lines:
 * "\tfile\tsha256\trows\trejected\toutside\t", written once. */
static GPtrArray *provenance_columns(const struct figures *t)
{
	GPtrArray *v = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < t->nsources; i++) {
		const struct figure_source *s = &t->sources[i];
		GString *g = g_string_new("\t");
		cell_append(g, s->file, '\t');
		g_string_append_printf(g, "\t%s\t%ld\t%ld\t%ld\t", s->stats.sha256,
				       s->stats.rows, s->stats.rejected, s->stats.outside);
		g_ptr_array_add(v, g_string_free(g, FALSE));
	}
	return v;
}

int figures_write(const struct figures *t, FILE *out, bool provenance)
{
	char value[DECIMAL_TEXT];
	GPtrArray *cols = provenance ? provenance_columns(t) : NULL;

	fputs("indicator\tdimensions\tvalue\tunit", out);
	if (provenance)
		fputs("\tsource\tsha256\trows_read\trows_rejected\trows_outside_year\trule", out);
	fputc('\n', out);
	for (size_t i = 0; i < t->n; i++) {
		const struct figure *f = &t->v[i];
		if (!provenance && t->sources[f->source].previous)
			continue;       /* last year's, read from its own table */
		cell_write(out, f->indicator, '\t');
		fputc('\t', out);
		cell_write(out, f->dims, '\t');
		fputc('\t', out);
		fputs(decimal_write(f->value, value), out);
		fputc('\t', out);
		cell_write(out, f->unit, '\t');
		if (provenance) {
			fputs(cols->pdata[f->source], out);
			cell_write(out, f->rule, '\t');
		}
		fputc('\n', out);
	}
	if (cols)
		g_ptr_array_free(cols, TRUE);
	return ferror(out) ? -1 : 0;
}

void figures_release(struct figures *t)
{
	if (!t)
		return;
	if (t->strings)
		g_string_chunk_free(t->strings);
	if (t->adopted)
		g_ptr_array_free(t->adopted, TRUE);
	g_free(t->v);
	for (size_t i = 0; i < t->nsources; i++)
		g_free(t->sources[i].file);
	g_free(t->sources);
	g_free(t->partial_of);
	*t = (struct figures)FIGURES_INIT;
}
