/* placeholders.c — see placeholders.h. */
#include "placeholders.h"
#include "close_matches.h"
#include "format.h"
#include "hyphenate.h"
#include "../etl/fields.h"
#include "../etl/text.h"

#include <math.h>
#include <string.h>

#include <glib.h>

/* "item=q_global direction=x" or "…,…" -> "direction=x,item=q_global". */
static char *normal_dims(const char *s)
{
	char **parts = g_strsplit_set(s, " ,", -1);
	GPtrArray *a = g_ptr_array_new();
	for (char **p = parts; *p; p++)
		if (**p)
			g_ptr_array_add(a, *p);
	g_ptr_array_sort(a, text_compare_indirect);
	g_ptr_array_add(a, NULL);
	char *r = g_strjoinv(",", (char **)a->pdata);
	g_ptr_array_free(a, TRUE);
	g_strfreev(parts);
	return r;
}

static const struct enum_label formats[] = {
	ENUM_LABEL("nombre", FMT_NOMBRE), ENUM_LABEL("pourcent", FMT_POURCENT),
	ENUM_LABEL("euros", FMT_EUROS),
	ENUM_LABEL("millions_euros", FMT_MILLIONS_EUROS),
	ENUM_LABEL("date", FMT_DATE), ENUM_END,
};

/* What an absent figure prints: "n.d." in a draft, with a warning (the
 * article counts it unresolved); else NULL after an error.  f is the
 * year's figure when it is last year's that lacks. */
static char *absent(const struct placeholders *ld, const struct figure *f, const char *id,
		    const char *dims, long line)
{
	if (f) {
		if (ld->draft) {
			diag_add(ld->d, DIAG_WARNING, ld->path, line, 0,
				 "no %d figure '%s%s%s' (give --previous, or declare it): printed n.d.",
				 ld->l->year - 1, id, *dims ? " " : "", dims);
			(*ld->unresolved)++;
			return g_strdup("n.d.");
		}
		diag_add(ld->d, DIAG_ERROR, ld->path, line, 0,
			 "no %d figure '%s%s%s': give the previous edition's table (--previous) or declare it",
			 ld->l->year - 1, id, *dims ? " " : "", dims);
		return NULL;
	}
	if (ld->draft) {
		diag_add(ld->d, DIAG_WARNING, ld->path, line, 0,
			 "no figure '%s%s%s' in the %d table: printed n.d.", id,
			 *dims ? " " : "", dims, ld->l->year);
		(*ld->unresolved)++;
		return g_strdup("n.d.");
	}
	char *close = close_matches(ld->t, id);
	diag_add(ld->d, DIAG_ERROR, ld->path, line, 0,
		 "no figure '%s%s%s' in the %d table%s", id,
		 *dims ? " " : "", dims, ld->l->year, close);
	g_free(close);
	return NULL;
}

/* How f prints: as the catalogue prints it, else by its unit. */
static void catalogue_format(const struct placeholders *ld, const struct figure *f,
			     const char *id, const char *dims, enum value_format *fmt, int *dec)
{
	*fmt = !strcmp(f->unit, "%") ? FMT_POURCENT :
	       !strcmp(f->unit, "€") ? FMT_EUROS :
	       !strcmp(f->unit, "date") ? FMT_DATE : FMT_NOMBRE;
	*dec = f->value == floor(f->value) ? 0 : 1;
	for (size_t i = 0; i < ld->l->nentries; i++) {
		const struct entry *e = &ld->l->entries[i];
		char *edims = normal_dims(e->dims);
		bool same = !strcmp(e->indicator, id) && !strcmp(edims, dims);
		g_free(edims);
		if (same) {
			*fmt = e->format;
			*dec = e->decimals;
			return;
		}
	}
}

/* The format a placeholder gives after its bar ("pourcent 1"); false
 * after an error. */
static bool spec_format(const struct placeholders *ld, char *bar, const char *spec, long line,
			enum value_format *fmt, int *dec)
{
	bool ok = false;
	char **words = g_strsplit(g_strstrip(bar), " ", 2);
	int v = words[0] ? field_enum(words[0], strlen(words[0]), formats) : -1;
	if (v < 0) {
		diag_add(ld->d, DIAG_ERROR, ld->path, line, 0,
			 "unknown format '%s' in {{%s}}: expected nombre, pourcent, euros, millions_euros or date",
			 words[0] ? words[0] : "", spec);
		goto out;
	}
	*fmt = v;
	if (words[1]) {
		const char *w = g_strstrip(words[1]);
		if (strlen(w) != 1 || w[0] < '0' || w[0] > '6') {
			diag_add(ld->d, DIAG_ERROR, ld->path, line, 0,
				 "decimals '%s' in {{%s}}: expected a whole number from 0 to 6",
				 w, spec);
			goto out;
		}
		*dec = w[0] - '0';
	}
	ok = true;
out:
	g_strfreev(words);
	return ok;
}

/* The figure spec names ("rh.effectif sexe=f | pourcent 1"), formatted;
 * NULL after an error. */
char *placeholder_value(const struct placeholders *ld, const char *spec, long line)
{
	char *copy = g_strdup(spec);
	char *bar = strchr(copy, '|');
	if (bar)
		*bar++ = '\0';
	char *what = g_strstrip(copy);
	char *space = strpbrk(what, " \t");
	char *dims = normal_dims(space ? space + 1 : "");
	if (space)
		*space = '\0';
	const char *id = what;
	char *out = NULL, buf[96];

	/* the edition's year, and the one before */
	if ((!strcmp(id, "annee") || !strcmp(id, "annee_precedente")) && !*dims && !bar) {
		out = g_strdup_printf("%d", ld->l->year - (id[5] == '_'));
		goto done;
	}
	/* "| annee_precedente": last year's value; "| evolution": the change */
	char *mod = bar ? g_strstrip(bar) : NULL;
	bool last = mod && !strcmp(mod, "annee_precedente"), change = mod && !strcmp(mod, "evolution");
	if (last || change)
		bar = NULL;
	const struct figure *f = figures_for_year(ld->t, id, dims, ld->l->year);
	const struct figure *before = f && (last || change)
		? figures_previous(ld->t, id, f->dims, ld->l->year) : NULL;
	if (!f || ((last || change) && !before)) {
		out = absent(ld, f, id, dims, line);
		goto done;
	}
	enum value_format fmt;
	int dec;
	catalogue_format(ld, f, id, dims, &fmt, &dec);
	if (bar && !spec_format(ld, bar, spec, line, &fmt, &dec))
		goto done;
	if (change)
		out = g_strdup(format_change(f->value, before->value, fmt, buf, sizeof buf));
	else
		out = g_strdup(format_value(last ? before->value : f->value, fmt, dec, buf, sizeof buf));
done:
	g_free(dims);
	g_free(copy);
	return out;
}

/* Replaces the placeholders of s; the typography and the hyphens are
 * added here too, once the figures are in. */
char *placeholders_expand(const struct placeholders *ld, const char *s, long line)
{
	GString *out = g_string_new("");
	const char *p = s;
	while (*p) {
		const char *open = strstr(p, "{{");
		if (!open) {
			g_string_append(out, p);
			break;
		}
		g_string_append_len(out, p, open - p);
		const char *close = strstr(open + 2, "}}");
		if (!close) {
			diag_add(ld->d, DIAG_ERROR, ld->path, line, 0,
				 "'{{' is never closed by '}}'");
			break;
		}
		char *spec = g_strndup(open + 2, (gsize)(close - open - 2));
		char *v = placeholder_value(ld, spec, line);
		if (v)
			g_string_append(out, v);
		g_free(v);
		g_free(spec);
		p = close + 2;
	}
	char *typo = format_typography(out->str);
	g_string_free(out, TRUE);
	char *hyph = hyphenate_text(typo);
	g_free(typo);
	return hyph;
}
