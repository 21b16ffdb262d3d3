/* chart_kinds.c — see chart_kinds.h. */
#include "chart_kinds.h"

#include <string.h>

#include <glib.h>

const struct chart_kind_info chart_kinds[CHART_KINDS] = {
	[CHART_BARRES]          = { "barres", true, true, 10 },
	[CHART_COLONNES]        = { "colonnes", false, true, 10 },
	[CHART_ANNEAU]          = { "anneau", true, true, 10 },
	[CHART_BARRES_EMPILEES] = { "barres_empilees", false, true, 10 },
	[CHART_PYRAMIDE]        = { "pyramide", true, false, 14 },
	[CHART_PARTS]           = { "parts", true, false, 6 },
	[CHART_OBJECTIF]        = { "objectif", true, false, 7 },
	[CHART_ETIQUETTES]      = { "etiquettes", true, false, 10 },
	[CHART_COMPARAISON]     = { "comparaison", true, false, 7 },
};

static bool drawn_in(int k, bool texts)
{
	return texts ? chart_kinds[k].in_texts : chart_kinds[k].in_workbook;
}

int chart_kind_of_text(const char *name)
{
	for (int k = 0; k < CHART_KINDS; k++)
		if (chart_kinds[k].in_texts && !strcmp(chart_kinds[k].name, name))
			return k;
	return -1;
}

const struct enum_label *chart_kind_labels(bool texts)
{
	/* made once, by the thread that reads the layout */
	static struct enum_label labels[2][CHART_KINDS + 1];
	struct enum_label *v = labels[texts];
	if (!v[0].label) {
		size_t n = 0;
		for (int k = 0; k < CHART_KINDS; k++)
			if (drawn_in(k, texts))
				v[n++] = (struct enum_label){ chart_kinds[k].name, k,
							      strlen(chart_kinds[k].name) };
	}
	return v;
}

char *chart_kind_names(bool texts)
{
	GString *s = g_string_new("");
	for (int k = 0; k < CHART_KINDS; k++)
		if (drawn_in(k, texts))
			g_string_append_printf(s, "%s%s", s->len ? ", " : "", chart_kinds[k].name);
	return g_string_free(s, FALSE);
}
