/* chart_data.c — see chart_data.h. */
#include "chart_data.h"

#include <string.h>

bool dims_get(const char *dims, const char *key, char *out, size_t cap)
{
	size_t klen = strlen(key);
	for (const char *p = dims; p && *p; ) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > klen && !strncmp(p, key, klen) && p[klen] == '=') {
			g_strlcpy(out, p + klen + 1, MIN(cap, len - klen));
			return true;
		}
		p = end ? end + 1 : NULL;
	}
	return false;
}

int dims_count(const char *dims)
{
	int n = *dims != '\0';
	for (const char *p = dims; *p; p++)
		n += *p == ',';
	return n;
}

static guint slot(GPtrArray *a, const char *s)
{
	for (guint i = 0; i < a->len; i++)
		if (!strcmp(g_ptr_array_index(a, i), s))
			return i;
	g_ptr_array_add(a, g_strdup(s));
	return a->len - 1;
}

/* Does figure f answer spec: its indicator, the filter, and exactly the
 * axis and series dimensions besides? */
struct spec {
	const char *indicator, *axis, *series, *filter;
	bool descending;
};

static bool selected(const struct spec *spec, const struct figure *f)
{
	char v[128];
	int want = 1 + (*spec->series != '\0');
	if (strcmp(f->indicator, spec->indicator) != 0 ||
	    !dims_get(f->dims, spec->axis, v, sizeof v) ||
	    (*spec->series && !dims_get(f->dims, spec->series, v, sizeof v)))
		return false;
	if (*spec->filter) {
		char **pairs = g_strsplit(spec->filter, ",", 0);
		for (int i = 0; pairs[i]; i++) {
			char *eq = strchr(pairs[i], '=');
			bool ok = eq && (*eq = '\0', dims_get(f->dims, pairs[i], v, sizeof v)) &&
				  !strcmp(v, eq + 1);
			want++;
			if (!ok) {
				g_strfreev(pairs);
				return false;
			}
		}
		g_strfreev(pairs);
	}
	return dims_count(f->dims) == want;
}

void chart_data_collect(const struct figures *t, const struct layout *l,
			const char *indicator, const char *axis,
			const char *series, const char *filter, bool descending,
			struct chart_data *out)
{
	const struct spec sp = { indicator, axis, series, filter, descending };
	const struct spec *spec = &sp;
	char a[128], s[128];
	out->axis = g_ptr_array_new_with_free_func(g_free);
	out->series = g_ptr_array_new_with_free_func(g_free);
	for (size_t i = 0; i < t->n; i++) {
		const struct figure *f = &t->v[i];
		if (!selected(spec, f))
			continue;
		dims_get(f->dims, spec->axis, a, sizeof a);
		slot(out->axis, a);
		if (*spec->series) {
			dims_get(f->dims, spec->series, s, sizeof s);
			slot(out->series, s);
		}
	}
	struct label_order order = { l, spec->axis };
	if (!spec->descending)
		g_ptr_array_sort_with_data(out->axis, layout_compare, &order);
	order.dim = spec->series;
	g_ptr_array_sort_with_data(out->series, layout_compare, &order);
	if (out->series->len == 0)
		g_ptr_array_add(out->series, g_strdup(""));
	size_t n = out->axis->len * out->series->len;
	out->v = g_new0(double, n);
	out->fig = g_new(int, n);
	for (size_t i = 0; i < n; i++)
		out->fig[i] = -1;
	for (size_t i = 0; i < t->n; i++) {
		const struct figure *f = &t->v[i];
		if (!selected(spec, f))
			continue;
		dims_get(f->dims, spec->axis, a, sizeof a);
		guint x = slot(out->axis, a), y = 0;
		if (*spec->series) {
			dims_get(f->dims, spec->series, s, sizeof s);
			y = slot(out->series, s);
		}
		out->v[x * out->series->len + y] = f->value;
		out->fig[x * out->series->len + y] = (int)i;
	}
	if (!spec->descending)
		return;
	/* order the axis by decreasing total (a stable insertion sort) */
	size_t ns = out->series->len;
	for (guint i = 1; i < out->axis->len; i++) {
		for (guint j = i; j > 0; j--) {
			double t0 = 0, t1 = 0;
			for (size_t k = 0; k < ns; k++) {
				t0 += out->v[(j - 1) * ns + k];
				t1 += out->v[j * ns + k];
			}
			if (t1 <= t0)
				break;
			gpointer tmp = out->axis->pdata[j];
			out->axis->pdata[j] = out->axis->pdata[j - 1];
			out->axis->pdata[j - 1] = tmp;
			for (size_t k = 0; k < ns; k++) {
				double dv = out->v[j * ns + k];
				out->v[j * ns + k] = out->v[(j - 1) * ns + k];
				out->v[(j - 1) * ns + k] = dv;
				int df = out->fig[j * ns + k];
				out->fig[j * ns + k] = out->fig[(j - 1) * ns + k];
				out->fig[(j - 1) * ns + k] = df;
			}
		}
	}
}

void chart_data_release(struct chart_data *d)
{
	g_ptr_array_free(d->axis, TRUE);
	g_ptr_array_free(d->series, TRUE);
	g_free(d->v);
	g_free(d->fig);
}

