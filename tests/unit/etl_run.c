/* etl_run.c — see etl_run.h. */
#include "etl_run.h"
#include "suites.h"

#include <glib.h>

void run_etl(const char *dir, int year, struct etl_result *res)
{
	struct etl_options o = { .in = dir, .year = year };
	etl_run(&o, res);
}

double figure(const struct etl_result *res, const char *indicator,
	      const char *dims)
{
	const struct figure *f = figures_get(&res->fig, indicator, dims);
	ck_assert_msg(f != NULL, "no figure %s [%s]", indicator, dims);
	return f->value;
}

char *all_diags(const struct etl_result *res)
{
	GString *s = g_string_new("");
	for (size_t i = 0; i < res->diag.n; i++) {
		/* the folders hold one or two exports: the absent ones are
		 * tested on their own */
		if (g_str_has_prefix(res->diag.v[i].msg, "not found:"))
			continue;
		char *m = diag_format(&res->diag.v[i]);
		g_string_append_printf(s, "%s\n", m);
		g_free(m);
	}
	return g_string_free(s, FALSE);
}
