/* layout.c — see layout.h. */
#define _XOPEN_SOURCE 700      /* realpath() */
#include "layout.h"
#include "close_matches.h"
#include "../etl/i18n.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../etl/export.h"
#include "../etl/fields.h"
#include "../etl/infile.h"
#include "../etl/text.h"

/* ---- edition.ini ---- */

struct ini {
	GKeyFile *kf;
	const char *path;
	char **lines;          /* the file's lines, to say where a key is */
	struct diag *d;
};

/* The line of key in [group] (of the group itself when key is NULL), or
 * 0: GKeyFile does not tell where it read a value. */
static long ini_line(const struct ini *x, const char *group, const char *key)
{
	bool in = false;
	for (long i = 0; x->lines && x->lines[i]; i++) {
		char *line = g_strstrip(g_strdup(x->lines[i]));
		if (line[0] == '[') {
			char *end = strchr(line, ']');
			if (end)
				*end = '\0';
			in = !strcmp(line + 1, group);
			if (in && !key) {
				g_free(line);
				return i + 1;
			}
		} else if (in && key) {
			size_t n = strlen(key);
			if (!strncmp(line, key, n) && (line[n] == '=' || line[n] == ' ')) {
				g_free(line);
				return i + 1;
			}
		}
		g_free(line);
	}
	return 0;
}

/* The line GKeyFile's message quotes (“…”), or 0. */
static long quoted_line(const struct ini *x, const char *message)
{
	const char *a = strstr(message, "\xE2\x80\x9C"), *b = a ? strstr(a, "\xE2\x80\x9D") : NULL;
	if (!b)
		return 0;
	char *text = g_strndup(a + 3, (gsize)(b - a - 3));
	long found = 0;
	for (long i = 0; x->lines && x->lines[i] && !found; i++) {
		char *line = g_strstrip(g_strdup(x->lines[i]));
		if (!strcmp(line, g_strstrip(text)))
			found = i + 1;
		g_free(line);
	}
	g_free(text);
	return found;
}

/* The string of group/key; a missing required one is an error. */
static char *ini_string(struct ini *x, const char *group, const char *key,
			bool required)
{
	GError *err = NULL;
	char *v = g_key_file_get_string(x->kf, group, key, &err);
	if (!v) {
		if (required)
			diag_add(x->d, DIAG_ERROR, x->path, ini_line(x, group, NULL), 0,
				 "[%s] needs a key '%s'", group, key);
		g_clear_error(&err);
		return g_strdup("");
	}
	g_strstrip(v);
	if (text_drop_controls(v))
		diag_add(x->d, DIAG_WARNING, x->path, ini_line(x, group, key), 0,
			 "[%s] %s: control or bidi override characters dropped", group, key);
	return v;
}

/* Parses "#RRGGBB"; an error otherwise. */
static uint32_t ini_colour(struct ini *x, const char *group, const char *key)
{
	char *v = ini_string(x, group, key, true);
	uint32_t c = 0;
	char *end = NULL;
	if (v[0] == '#' && strlen(v) == 7)
		c = (uint32_t)strtoul(v + 1, &end, 16);
	if (!end || *end)
		diag_add(x->d, DIAG_ERROR, x->path, ini_line(x, group, key), 0,
			 "[%s] %s: invalid colour '%s': expected #RRGGBB", group, key, v);
	g_free(v);
	return c;
}

/* [impression]: the print shop's profile (under the layout, or absolute)
 * and output condition, and the colours the layout gives in CMYK
 * ("#RRGGBB=c m y k" in %, ';' apart), each within the press's total ink
 * limit of 300 %. */
static void load_press(struct ini *x, const char *dir, struct layout_press *p)
{
	const char *G = "impression";
	bool own = g_key_file_has_key(x->kf, G, "profil", NULL);
	p->profile = own ? ini_string(x, G, "profil", true) : g_strdup(LAYOUT_PRESS_PROFILE);
	p->profile_line = own ? ini_line(x, G, "profil") : 0;
	if (own && !g_path_is_absolute(p->profile)) {
		char *abs = g_build_filename(dir, p->profile, NULL);
		g_free(p->profile);
		p->profile = abs;
	}
	p->condition = own ? ini_string(x, G, "condition", true) : g_strdup("FOGRA39");
	p->registry = g_key_file_has_key(x->kf, G, "registre", NULL)
		? ini_string(x, G, "registre", true) : g_strdup("http://www.color.org");
	p->info = own ? ini_string(x, G, "nom", false)
		      : g_strdup("ISO Coated v2 300 % (basICColor), Coated FOGRA39 (ISO 12647-2:2004)");
	if (!*p->info) {
		g_free(p->info);
		p->info = g_strdup(p->condition);
	}
	gsize n = 0;
	char **v = g_key_file_get_string_list(x->kf, G, "cmjn", &n, NULL);
	p->cmyk = g_new0(struct layout_cmyk, n ? n : 1);
	for (gsize i = 0; v && i < n; i++) {
		char *item = g_strstrip(v[i]);
		unsigned rgb = 0;
		double c[4];
		int used = 0;
		if (item[0] != '#' || strspn(item + 1, "0123456789abcdefABCDEF") != 6 ||
		    sscanf(item, "#%6x = %lf %lf %lf %lf %n", &rgb, &c[0], &c[1], &c[2], &c[3],
			   &used) != 5 || item[used] != '\0') {
			diag_add(x->d, DIAG_ERROR, x->path, ini_line(x, G, "cmjn"), 0,
				 "[impression] cmjn: '%s': expected #RRGGBB=c m y k (in %%)", item);
			continue;
		}
		bool ok = true;
		for (int k = 0; k < 4; k++)
			ok = ok && c[k] >= 0 && c[k] <= 100;
		if (!ok || c[0] + c[1] + c[2] + c[3] > 300) {
			diag_add(x->d, DIAG_ERROR, x->path, ini_line(x, G, "cmjn"), 0,
				 "[impression] cmjn: '%s': each ink 0 to 100 %%, 300 %% in all at most",
				 item);
			continue;
		}
		struct layout_cmyk *e = &p->cmyk[p->ncmyk++];
		e->rgb = rgb;
		for (int k = 0; k < 4; k++)
			e->cmyk[k] = c[k] / 100;
	}
	g_strfreev(v);
}

/* A language tag as BCP 47 writes the common ones: "fr", "fr-FR",
 * "br-Latn-FR" (it goes into lang attributes and document metadata). */
static bool language_tag(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	if (n < 2 || n > 3)
		return false;
	for (s += n; *s; s += n) {
		if (*s++ != '-')
			return false;
		n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (n < 1 || n > 8)
			return false;
	}
	return true;
}

/* A loop id names web pages, anchors and CSS classes: lower-case ASCII
 * letters, digits, '_' and '-', and not the index's name. */
static bool loop_id(const char *s)
{
	return *s && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-") == strlen(s) &&
	       strcmp(s, "index") != 0;
}

static void load_loop(struct ini *x, const char *group, const char *id,
		      struct loop *out)
{
	if (!loop_id(id))
		diag_add(x->d, DIAG_ERROR, x->path, ini_line(x, "edition", "boucles"), 0,
			 "[edition] boucles: the loop id '%s' names web pages: lower-case "
			 "letters, digits, '-' and '_' only, not 'index'", id);
	if (!g_key_file_has_group(x->kf, group)) {
		diag_add(x->d, DIAG_ERROR, x->path, ini_line(x, "edition", "boucles"), 0,
			 "the loop '%s' is listed in [edition] boucles but has no group [%s]",
			 id, group);
		*out = (struct loop){ .id = g_strdup(id), .title = g_strdup(id),
				      .word = g_strdup(id), .sheet = g_strdup(id) };
		return;
	}
	*out = (struct loop){
		.id = g_strdup(id),
		.title = ini_string(x, group, "titre", true),
		.word = ini_string(x, group, "mot", false),
		.sheet = ini_string(x, group, "feuille", true),
		.sheet_line = ini_line(x, group, "feuille"),
		.colour = g_key_file_has_key(x->kf, group, "couleur", NULL)
			  ? ini_colour(x, group, "couleur") : 0,
	};
}

/* [edition]: what the edition is and who publishes it (its loops
 * aside). */
static void load_identity(struct ini *x, struct layout *l)
{
	const char *E = "edition";
	char *year = ini_string(x, E, "annee", true);
	if (!field_year(year, &l->year))
		diag_add(x->d, DIAG_ERROR, x->path, ini_line(x, E, "annee"), 0,
			 "[edition] annee: invalid year '%s' (four digits, 1900 to 2100)", year);
	g_free(year);
	l->title = ini_string(x, E, "titre", true);
	l->title_line = ini_line(x, E, "titre");
	l->subtitle = ini_string(x, E, "sous_titre", false);
	l->number = ini_string(x, E, "numero", false);
	l->office = ini_string(x, E, "organisme", true);
	l->office_line = ini_line(x, E, "organisme");
	/* names, not sentences: they head pages, workbooks and metadata */
	if (g_utf8_strlen(l->title, -1) > LAYOUT_NAME_MAX)
		diag_add(x->d, DIAG_ERROR, x->path, l->title_line, 0,
			 "[edition] titre: %ld characters, at most %d", g_utf8_strlen(l->title, -1),
			 LAYOUT_NAME_MAX);
	if (g_utf8_strlen(l->office, -1) > LAYOUT_NAME_MAX)
		diag_add(x->d, DIAG_ERROR, x->path, l->office_line, 0,
			 "[edition] organisme: %ld characters, at most %d",
			 g_utf8_strlen(l->office, -1), LAYOUT_NAME_MAX);
	l->signature = ini_string(x, E, "signature", false);
	l->author = ini_string(x, E, "auteur", true);
	l->subject = ini_string(x, E, "sujet", false);
	l->keywords = ini_string(x, E, "mots_cles", false);
	l->category = ini_string(x, E, "categorie", false);
	l->language = ini_string(x, E, "langue", true);
	if (*l->language && !language_tag(l->language))
		diag_add(x->d, DIAG_ERROR, x->path, ini_line(x, E, "langue"), 0,
			 "[edition] langue: invalid language tag '%s': expected a tag like fr-FR",
			 l->language);
	l->back = ini_string(x, E, "quatrieme", false);
	l->logo = ini_string(x, E, "logo", false);
	l->logo_line = ini_line(x, E, "logo");
}

static void load_edition(struct layout *l, const char *path, struct diag *d)
{
	GError *err = NULL;
	char *text = NULL;
	size_t len = 0;
	const char *why;
	struct ini x = { g_key_file_new(), path, NULL, d };

	if (!infile_read(path, &text, &len, &why)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read the layout: %s", why);
		g_key_file_free(x.kf);
		return;
	}
	x.lines = g_strsplit(text, "\n", -1);
	bool loaded = g_key_file_load_from_data(x.kf, text, len, G_KEY_FILE_NONE, &err);
	g_free(text);
	if (!loaded) {
		diag_add(d, DIAG_ERROR, path, quoted_line(&x, err->message), 0, "%s",
			 err->message);
		g_error_free(err);
		g_key_file_free(x.kf);
		g_strfreev(x.lines);
		return;
	}
	load_identity(&x, l);
	l->font_text = ini_string(&x, "polices", "texte", true);
	l->font_hand = ini_string(&x, "polices", "manuscrite", true);
	l->font_text_line = ini_line(&x, "polices", "texte");
	l->font_hand_line = ini_line(&x, "polices", "manuscrite");
	l->main_colour = ini_colour(&x, "couleurs", "principale");
	l->accent = ini_colour(&x, "couleurs", "accent");
	l->text_colour = ini_colour(&x, "couleurs", "texte");
	l->grid_colour = ini_colour(&x, "couleurs", "grille");
	load_loop(&x, "cles", "cles", &l->keyfigures);
	load_press(&x, l->dir, &l->press);

	gsize n = 0;
	char **ids = g_key_file_get_string_list(x.kf, "edition", "boucles", &n, NULL);
	if (!ids || n == 0)
		diag_add(d, DIAG_ERROR, path, ini_line(&x, "edition", NULL), 0,
			 "[edition] needs a key 'boucles' listing the loops");
	l->loops = g_new0(struct loop, n ? n : 1);
	for (gsize i = 0; i < n; i++) {
		char *group = g_strdup_printf("boucle.%s", g_strstrip(ids[i]));
		load_loop(&x, group, ids[i], &l->loops[l->nloops++]);
		g_free(group);
	}
	g_strfreev(ids);
	g_key_file_free(x.kf);
	g_strfreev(x.lines);
}

/* ---- the CSV catalogues ---- */

struct reading {
	struct layout *l;
	struct exp_reader *r;
};

/* Is id a loop of the layout, or "cles"? Else an error at f. */
static bool known_loop(struct layout *l, struct exp_reader *r,
		       const struct exp_field *f, const char *id)
{
	if (layout_loop(l, id))
		return true;
	GString *all = g_string_new("cles");
	for (size_t i = 0; i < l->nloops; i++)
		g_string_append_printf(all, ", %s", l->loops[i].id);
	exp_reject(r, f, N_("loop"), "the loops of edition.ini are %s", all->str);
	g_string_free(all, TRUE);
	return false;
}

enum { E_LOOP, E_IND, E_DIMS, E_LABEL, E_DEC, E_FMT, NE };
static const struct exp_col entry_cols[NE] = {
	[E_LOOP] = { "boucle", EXP_REQUIRED }, [E_IND] = { "indicateur", EXP_REQUIRED },
	[E_DIMS] = { "dimensions", 0 }, [E_LABEL] = { "libelle", EXP_REQUIRED },
	[E_DEC] = { "decimales", 0 }, [E_FMT] = { "format", 0 },
};

static const struct enum_label formats[] = {
	ENUM_LABEL("nombre", FMT_NOMBRE), ENUM_LABEL("pourcent", FMT_POURCENT),
	ENUM_LABEL("euros", FMT_EUROS),
	ENUM_LABEL("millions_euros", FMT_MILLIONS_EUROS),
	ENUM_LABEL("date", FMT_DATE), ENUM_END,
};

static void on_entry(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct layout *l = ctx;
	const struct exp_field *f = row->col;
	double dec = 0;
	int fmt = FMT_NOMBRE;
	char *loop = exp_strdup(r, &f[E_LOOP]);

	if (exp_number(r, &f[E_DEC], &dec) == EXP_BAD ||
	    exp_enum(r, &f[E_FMT], formats, &fmt) == EXP_BAD ||
	    !known_loop(l, r, &f[E_LOOP], loop)) {
		g_free(loop);
		return;
	}
	if (dec < 0 || dec > 6 || dec != (int)dec) {
		exp_reject(r, &f[E_DEC], N_("decimals"), "expected a whole number from 0 to 6");
		g_free(loop);
		return;
	}
	l->entries = g_renew(struct entry, l->entries, l->nentries + 1);
	l->entries[l->nentries++] = (struct entry){
		.loop = loop, .indicator = exp_strdup(r, &f[E_IND]),
		.dims = exp_strdup(r, &f[E_DIMS]), .label = exp_strdup(r, &f[E_LABEL]),
		.decimals = (int)dec, .format = fmt, .line = row->line,
	};
}

enum { L_DIM, L_VALUE, L_LABEL, NL };
static const struct exp_col label_cols[NL] = {
	[L_DIM] = { "dimension", EXP_REQUIRED }, [L_VALUE] = { "valeur", EXP_REQUIRED },
	[L_LABEL] = { "libelle", EXP_REQUIRED },
};

static void on_label(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct layout *l = ctx;
	char *dim = exp_strdup(r, &row->col[L_DIM]), *value = exp_strdup(r, &row->col[L_VALUE]);
	char *key = g_strdup_printf("%s=%s", dim, value);
	g_hash_table_replace(l->ranks, g_strdup(key), GSIZE_TO_POINTER(row->line));
	g_hash_table_replace(l->labels, key, exp_strdup(r, &row->col[L_LABEL]));
	g_free(dim);
	g_free(value);
}

enum { G_LOOP, G_TITLE, G_KIND, G_IND, G_AXIS, G_SERIES, G_FILTER, G_ORDER, NG };
static const struct exp_col chart_cols[NG] = {
	[G_LOOP] = { "boucle", EXP_REQUIRED }, [G_TITLE] = { "titre", EXP_REQUIRED },
	[G_KIND] = { "type", EXP_REQUIRED }, [G_IND] = { "indicateur", EXP_REQUIRED },
	[G_AXIS] = { "axe", EXP_REQUIRED }, [G_SERIES] = { "series", 0 },
	[G_FILTER] = { "filtre", 0 }, [G_ORDER] = { "tri", 0 },
};

static const struct enum_label orders[] = {
	ENUM_LABEL("decroissant", 1), ENUM_LABEL("aucun", 0), ENUM_END,
};

static void on_chart(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct layout *l = ctx;
	const struct exp_field *f = row->col;
	int kind = 0, order = 0;
	char *loop = exp_strdup(r, &f[G_LOOP]);

	if (exp_enum(r, &f[G_KIND], chart_kind_labels(false), &kind) != EXP_GOT ||
	    exp_enum(r, &f[G_ORDER], orders, &order) == EXP_BAD ||
	    !known_loop(l, r, &f[G_LOOP], loop)) {
		g_free(loop);
		return;
	}
	char *series = exp_strdup(r, &f[G_SERIES]);
	if ((kind == CHART_BARRES_EMPILEES) != (*series != '\0')) {
		exp_reject(r, &f[G_SERIES], N_("series"), "%s", kind == CHART_BARRES_EMPILEES
			   ? _("a stacked chart needs the dimension of its series")
			   : _("only a stacked chart (barres_empilees) has series"));
		g_free(series);
		g_free(loop);
		return;
	}
	l->charts = g_renew(struct chart_spec, l->charts, l->ncharts + 1);
	l->charts[l->ncharts++] = (struct chart_spec){
		.loop = loop, .title = exp_strdup(r, &f[G_TITLE]),
		.indicator = exp_strdup(r, &f[G_IND]), .axis = exp_strdup(r, &f[G_AXIS]),
		.series = series, .filter = exp_strdup(r, &f[G_FILTER]),
		.kind = kind, .descending = order == 1, .line = row->line,
	};
}

static void read_csv(const char *dir, const char *name, const struct exp_col *cols,
		     size_t ncols, exp_row_fn *fn, struct layout *l, struct diag *d)
{
	char *path = g_build_filename(dir, name, NULL);
	struct exp_source src = {
		.path = path, .cols = cols, .ncols = ncols,
		.on_row = fn, .ctx = l, .allow_empty = true,
	};
	struct exp_stats st;
	exp_read(&src, d, &st);
	g_free(path);
}

int layout_load(const char *dir, struct layout *l, struct diag *d)
{
	size_t errors = d->errors;

	*l = (struct layout){ .dir = g_strdup(dir) };
	l->labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	l->ranks = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	l->spellings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	char *ini = g_build_filename(dir, "edition.ini", NULL);
	load_edition(l, ini, d);
	g_free(ini);
	if (d->errors > errors)
		return 1;
	read_csv(dir, "chiffres.csv", entry_cols, NE, on_entry, l, d);
	read_csv(dir, "libelles.csv", label_cols, NL, on_label, l, d);
	read_csv(dir, "graphiques.csv", chart_cols, NG, on_chart, l, d);
	return d->errors > errors;
}

/* ---- checks against the table ---- */

static void absent(const struct layout *l, const struct figures *t,
		   struct diag *d, bool draft, const char *file, long line,
		   const char *indicator, const char *dims)
{
	char *path = g_build_filename(l->dir, file, NULL);
	enum diag_level level = draft ? DIAG_WARNING : DIAG_ERROR;
	const char *then = draft ? _(": printed n.d.") : "";
	if (figures_has(t, indicator)) {
		diag_add(d, level, path, line, 0,
			 "no figure '%s' with dimensions '%s' in the %d table%s",
			 indicator, dims, l->year, then);
	} else {
		char *close = close_matches(t, indicator);
		diag_add(d, level, path, line, 0,
			 "unknown indicator '%s' in the %d table%s%s", indicator,
			 l->year, close, then);
		g_free(close);
	}
	g_free(path);
}

size_t layout_check(const struct layout *l, const struct figures *t, bool draft,
		    struct diag *d)
{
	size_t missing = 0;
	for (size_t i = 0; i < l->nentries; i++) {
		const struct entry *e = &l->entries[i];
		if (!figures_for_year(t, e->indicator, e->dims, l->year)) {
			absent(l, t, d, draft, "chiffres.csv", e->line, e->indicator, e->dims);
			missing++;
		}
	}
	for (size_t i = 0; i < l->ncharts; i++) {
		const struct chart_spec *c = &l->charts[i];
		if (!figures_has(t, c->indicator)) {
			absent(l, t, d, draft, "graphiques.csv", c->line, c->indicator, "");
			missing++;
		}
	}
	return draft ? 0 : missing;
}

bool layout_inside(const char *dir, const char *name)
{
	if (!*name || g_path_is_absolute(name) || strchr(name, '\\'))
		return false;
	char **parts = g_strsplit(name, "/", -1);
	bool ok = true;
	for (char **p = parts; *p; p++)
		ok = ok && strcmp(*p, "..") != 0;
	g_strfreev(parts);
	char *path = g_build_filename(dir, name, NULL);
	if (ok && g_file_test(path, G_FILE_TEST_EXISTS)) {
		char *real_dir = realpath(dir, NULL), *real = realpath(path, NULL);
		size_t k = real_dir ? strlen(real_dir) : 0;
		ok = real_dir && real && strncmp(real, real_dir, k) == 0 && real[k] == '/';
		free(real_dir);
		free(real);
	}
	g_free(path);
	return ok;
}

time_t layout_date(const struct layout *l)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (*end || errno || v < 0)
			return -1;
		return (time_t)v;
	}
	GDateTime *dt = g_date_time_new_utc(l->year, 12, 31, 0, 0, 0);
	time_t t = (time_t)g_date_time_to_unix(dt);
	g_date_time_unref(dt);
	return t;
}

const char *layout_label(const struct layout *l, const char *dim,
			 const char *value)
{
	char *key = g_strdup_printf("%s=%s", dim, value);
	const char *label = g_hash_table_lookup(l->labels, key);
	g_free(key);
	if (!label && l->spellings)
		label = g_hash_table_lookup(l->spellings, value);
	return label ? label : value;
}

static long rank(const struct label_order *o, const char *value)
{
	char *key = g_strdup_printf("%s=%s", o->dim, value);
	long r = GPOINTER_TO_SIZE(g_hash_table_lookup(o->l->ranks, key));
	g_free(key);
	return r ? r : LONG_MAX;
}

int layout_compare(gconstpointer a, gconstpointer b, gpointer order)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	long rx = rank(order, x), ry = rank(order, y);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	return strcmp(x, y);
}

const struct loop *layout_loop(const struct layout *l, const char *id)
{
	if (!strcmp(id, "cles"))
		return &l->keyfigures;
	for (size_t i = 0; i < l->nloops; i++)
		if (!strcmp(l->loops[i].id, id))
			return &l->loops[i];
	return NULL;
}

static void loop_release(struct loop *p)
{
	g_free(p->id);
	g_free(p->title);
	g_free(p->word);
	g_free(p->sheet);
}

void layout_drop_loop(struct layout *l, size_t i)
{
	loop_release(&l->loops[i]);
	memmove(&l->loops[i], &l->loops[i + 1], (l->nloops - i - 1) * sizeof *l->loops);
	l->nloops--;
}

void layout_release(struct layout *l)
{
	if (!l)
		return;
	char **strings[] = { &l->dir, &l->title, &l->subtitle, &l->number,
			     &l->office, &l->signature, &l->author, &l->subject,
			     &l->keywords, &l->category, &l->language, &l->back,
			     &l->font_text, &l->font_hand, &l->logo, &l->press.profile,
			     &l->press.condition, &l->press.registry, &l->press.info };
	for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
		g_free(*strings[i]);
	for (size_t i = 0; i < l->nloops; i++)
		loop_release(&l->loops[i]);
	g_free(l->loops);
	g_free(l->press.cmyk);
	loop_release(&l->keyfigures);
	for (size_t i = 0; i < l->nentries; i++) {
		struct entry *e = &l->entries[i];
		g_free(e->loop);
		g_free(e->indicator);
		g_free(e->dims);
		g_free(e->label);
	}
	g_free(l->entries);
	for (size_t i = 0; i < l->ncharts; i++) {
		struct chart_spec *c = &l->charts[i];
		g_free(c->loop);
		g_free(c->title);
		g_free(c->indicator);
		g_free(c->axis);
		g_free(c->series);
		g_free(c->filter);
	}
	g_free(l->charts);
	if (l->labels)
		g_hash_table_destroy(l->labels);
	if (l->ranks)
		g_hash_table_destroy(l->ranks);
	if (l->spellings)
		g_hash_table_destroy(l->spellings);
	*l = (struct layout){ 0 };
}
