/* secrecy.c — see secrecy.h. */
#include "secrecy.h"

#include <string.h>

#include <glib.h>

/* "k1,k2" for dims "k1=v1,k2=v2"; values go to v1, v2 (owned). */
static char *keys_of(const char *dims, char **v1, char **v2)
{
	char **pairs = g_strsplit(dims, ",", 0);
	GString *keys = g_string_new("");
	*v1 = *v2 = NULL;
	for (int i = 0; pairs[i]; i++) {
		char *eq = strchr(pairs[i], '=');
		if (!eq)
			continue;
		*eq = '\0';
		g_string_append_printf(keys, "%s%s", keys->len ? "," : "", pairs[i]);
		if (i == 0)
			*v1 = g_strdup(eq + 1);
		else if (i == 1)
			*v2 = g_strdup(eq + 1);
	}
	g_strfreev(pairs);
	return g_string_free(keys, FALSE);
}

/* Position of s in the array a (added when new). */
static guint index_of(GPtrArray *a, const char *s)
{
	for (guint i = 0; i < a->len; i++)
		if (!strcmp(g_ptr_array_index(a, i), s))
			return i;
	g_ptr_array_add(a, g_strdup(s));
	return a->len - 1;
}

/* Protects the group of figures idx[0..n) whose dimension keys have one
 * or two parts. */
static void protect_group(const struct figures *t, const GArray *idx,
			  int nkeys, enum sc_cell *cell)
{
	GPtrArray *rows = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *cols = g_ptr_array_new_with_free_func(g_free);
	guint *r = g_new(guint, idx->len), *c = g_new(guint, idx->len);

	for (guint i = 0; i < idx->len; i++) {
		char *v1, *v2;
		g_free(keys_of(t->v[g_array_index(idx, size_t, i)].dims, &v1, &v2));
		r[i] = index_of(rows, v1 ? v1 : "");
		c[i] = nkeys == 2 ? index_of(cols, v2 ? v2 : "") : 0;
		g_free(v1);
		g_free(v2);
	}
	size_t nr = rows->len, nc = nkeys == 2 ? cols->len : 1;
	double *v = g_new0(double, nr * nc);
	enum sc_cell *out = g_new0(enum sc_cell, nr * nc);
	for (guint i = 0; i < idx->len; i++)
		v[r[i] * nc + c[i]] = t->v[g_array_index(idx, size_t, i)].value;
	if (nkeys == 1)
		sc_protect(v, nr, out);
	else
		sc_protect_table(v, nr, nc, out);
	for (guint i = 0; i < idx->len; i++)
		cell[g_array_index(idx, size_t, i)] = out[r[i] * nc + c[i]];
	g_free(v);
	g_free(out);
	g_free(r);
	g_free(c);
	g_ptr_array_free(rows, TRUE);
	g_ptr_array_free(cols, TRUE);
}

static void free_array(gpointer a)
{
	g_array_free(a, TRUE);
}

void secrecy_apply(const struct figures *t, enum sc_cell *cell)
{
	/* group: "indicator|k1,k2" -> indexes of its figures */
	GHashTable *groups = g_hash_table_new_full(g_str_hash, g_str_equal,
						   g_free, free_array);
	for (size_t i = 0; i < t->n; i++) {
		cell[i] = SC_SHOWN;
		const struct figure *f = &t->v[i];
		if (!*f->dims || !figures_counts_people(f->indicator))
			continue;
		char *v1, *v2, *keys = keys_of(f->dims, &v1, &v2);
		char *group = g_strdup_printf("%s|%s", f->indicator, keys);
		GArray *a = g_hash_table_lookup(groups, group);
		if (!a) {
			a = g_array_new(FALSE, FALSE, sizeof(size_t));
			g_hash_table_insert(groups, group, a);
		} else {
			g_free(group);
		}
		g_array_append_val(a, i);
		g_free(keys);
		g_free(v1);
		g_free(v2);
	}
	GHashTableIter it;
	gpointer key, value;
	g_hash_table_iter_init(&it, groups);
	while (g_hash_table_iter_next(&it, &key, &value)) {
		const char *keys = strchr(key, '|') + 1;
		int nkeys = 1 + (strchr(keys, ',') != NULL);
		if (strchr(keys, ',') && strchr(strchr(keys, ',') + 1, ','))
			nkeys = 3;
		if (nkeys <= 2) {
			protect_group(t, value, nkeys, cell);
		} else {        /* wider tables are not published: hide small ones */
			GArray *a = value;
			for (guint i = 0; i < a->len; i++) {
				size_t k = g_array_index(a, size_t, i);
				double v = t->v[k].value;
				cell[k] = v >= 1 && v <= 4 ? SC_SMALL : SC_SHOWN;
			}
		}
	}
	g_hash_table_destroy(groups);
}
