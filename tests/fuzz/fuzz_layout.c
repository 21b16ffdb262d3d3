/* fuzz_layout.c — the layout parsers: the input is cut at NUL bytes into
 * edition.ini, chiffres.csv, libelles.csv and graphiques.csv, loaded and
 * checked against a small figures table. */
#include "fuzz.h"
#include "../../model/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

static char *dir;

static void put(const char *name, const uint8_t *p, size_t n)
{
	char *path = g_build_filename(dir, name, NULL);
	g_file_set_contents(path, (const char *)p, (gssize)n, NULL);
	g_free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"edition.ini", "chiffres.csv", "libelles.csv", "graphiques.csv",
	};
	if (!dir)
		dir = g_dir_make_tmp("carnet-fuzz-XXXXXX", NULL);
	if (!dir)
		return 0;
	size_t start = 0;
	for (int i = 0; i < 4; i++) {
		const uint8_t *nul = start < size ? memchr(data + start, 0, size - start) : NULL;
		size_t end = nul ? (size_t)(nul - data) : size;
		put(names[i], data + start, end - start);
		start = end < size ? end + 1 : size;
	}
	struct figures t = FIGURES_INIT;
	struct exp_stats st = { 0 };
	figures_source(&t, "chiffres_cles.csv", &st);
	figures_add_raw(&t, "rh.effectif", "", 820, "salariés", "rule");
	figures_add_raw(&t, "enquete.satisfaction", "item=q_global", 89, "%", "rule");
	figures_add_raw(&t, "solidarite.expulsions", "annee=2023", 35, "", "rule");
	struct diag d = DIAG_INIT;
	struct layout l;
	if (layout_load(dir, &l, &d) == 0)
		layout_check(&l, &t, data[0] & 1, &d);
	for (size_t i = 0; i < d.n; i++)
		g_free(diag_format(&d.v[i]));
	layout_release(&l);
	diag_release(&d);
	figures_release(&t);
	return 0;
}
