/* previous.c — see previous.h. */
#include "previous.h"
#include "i18n.h"
#include "decimal.h"
#include "digest.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>

enum { P_IND, P_DIMS, P_VALUE, P_UNIT, NP };

static const struct exp_col cols[NP] = {
	[P_IND] = { "indicator", EXP_REQUIRED }, [P_DIMS] = { "dimensions", 0 },
	[P_VALUE] = { "value", EXP_REQUIRED }, [P_UNIT] = { "unit", 0 },
};

static const char *const DIFFERS =
	N_("'%s %s' is %s in the %d edition's table but declared %s in chiffres_cles.csv: "
	   "the declared value is kept");

struct merge {
	struct figures *t;
	int year;               /* the previous edition's */
	GHashTable *own;        /* "indicator\tdims" -> this year's figure */
	const char *path;
	struct diag *d;
	GPtrArray *add;         /* what to add once the file is read */
};

struct pending {
	char *indicator, *dims, *unit;
	double value;
};

/* A figure of this year's table (not one the file adds). */
static const struct figure *this_year(const struct merge *m, const char *id,
				      const char *dims)
{
	char *key = g_strdup_printf("%s\t%s", id, dims);
	const struct figure *f = g_hash_table_lookup(m->own, key);
	g_free(key);
	return f;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct merge *m = ctx;
	const struct exp_field *f = row->col;
	double value;
	if (exp_number(r, &f[P_VALUE], &value) != EXP_GOT)
		return;
	char *id = exp_strdup(r, &f[P_IND]), *dims = exp_strdup(r, &f[P_DIMS]);
	char year[16], *with = NULL;
	snprintf(year, sizeof year, "annee=%d", m->year);
	if (g_str_has_prefix(dims, "annee=")) {
		/* declared for several years then: only its own year is last year */
		if (!strcmp(dims, year) || (g_str_has_prefix(dims, year) && dims[strlen(year)] == ','))
			with = g_strdup(dims);
	} else {
		/* "annee" sorts before every other key of figures.md */
		with = g_strdup_printf("%s%s%s", year, *dims ? "," : "", dims);
	}
	if (with) {
		const struct figure *declared = this_year(m, id, with);
		if (declared) {
			if (fabs(declared->value - value) > 1e-9 * fmax(1, fabs(value))) {
				char was[DECIMAL_TEXT], now[DECIMAL_TEXT];
				decimal_write(value, was);
				decimal_write(declared->value, now);
				diag_warn_kind(m->d, m->path, row->line, 0, DIFFERS, NULL, DIFFERS,
					       id, with, was, m->year, now);
			}
			g_free(with);
		} else {
			struct pending *p = g_new(struct pending, 1);
			*p = (struct pending){ g_strdup(id), with, exp_strdup(r, &f[P_UNIT]), value };
			g_ptr_array_add(m->add, p);
		}
	}
	g_free(id);
	g_free(dims);
}

static void pending_free(gpointer data)
{
	struct pending *p = data;
	g_free(p->indicator);
	g_free(p->dims);
	g_free(p->unit);
	g_free(p);
}

enum status previous_merge(const char *path, int year, struct figures *t, struct diag *d)
{
	struct merge m = { t, year - 1,
			   g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL), path, d,
			   g_ptr_array_new_with_free_func(pending_free) };
	/* looked up once a row: a table of this year's figures, not a scan */
	for (size_t i = 0; i < t->n; i++)
		g_hash_table_insert(m.own, g_strdup_printf("%s\t%s", t->v[i].indicator,
							   t->v[i].dims), &t->v[i]);
	struct exp_source src = { .path = path, .cols = cols, .ncols = NP,
				  .on_row = on_row, .ctx = &m };
	struct exp_stats st;
	struct stat read;
	bool stated = stat(path, &read) == 0;
	enum status status = exp_read(&src, d, &st);
	/* its hash for the provenance table, of the bytes read */
	struct digest sum;
	if (status == STATUS_OK) {
		digest_file(path, &sum);        /* a failure is said by digest_take */
		if (!digest_take(&sum, path, stated ? &read : NULL, st.sha256, d))
			status = STATUS_FAILED;
	}
	if (status == STATUS_OK) {
		char *base = g_path_get_basename(path);
		int keep = t->current;
		figures_source(t, base, &st);
		t->sources[t->current].previous = true;
		char *rule = g_strdup_printf("the %d edition's figures table", m.year);
		for (guint i = 0; i < m.add->len; i++) {
			struct pending *p = m.add->pdata[i];
			figures_add_raw(t, p->indicator, p->dims, p->value, p->unit, rule);
		}
		g_free(rule);
		g_free(base);
		t->current = keep;
	}
	g_ptr_array_free(m.add, TRUE);
	g_hash_table_destroy(m.own);
	return status;
}
