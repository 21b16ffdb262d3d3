/* init.c — see init.h. */
#include "init.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "../etl/cell.h"
#include "../model/chart_data.h"
#include "../model/inputs.h"
#include "../model/texts.h"
#include "accents.h"

static const char *const format_names[] = {
	[FMT_NOMBRE] = "nombre", [FMT_POURCENT] = "pourcent", [FMT_EUROS] = "euros",
	[FMT_MILLIONS_EUROS] = "millions_euros", [FMT_DATE] = "date",
};

/* One line of chiffres.csv. */
struct line {
	const char *loop;
	const struct figure *f;
	char *dims, *label;
	int decimals;
	enum value_format format;
};

struct work {
	const struct init *in;
	struct layout m;        /* the model, or the old edition */
	struct layout base;     /* layouts/modele: the loops' prefixes and labels */
	GKeyFile *prefixes;     /* layouts/modele/edition.ini */
	GArray *lines;          /* struct line */
	struct diag *d;
};

/* "logements_rehabilites" -> "Logements réhabilités" (accents.h): a
 * label to review. */
static char *humanize(const char *s)
{
	char *words = g_strdup(s);
	for (char *p = words; *p; p++)
		if (*p == '_')
			*p = ' ';
	char *h = accents_restore(words);
	g_free(words);
	if (*h)
		h[0] = g_ascii_toupper(h[0]);
	return h;
}

/* The dims of f without its annee=Y (a figure declared for several years),
 * or NULL when f is of another year or crosses several dimensions. */
static char *own_dims(const struct work *w, const struct figure *f)
{
	char own[32];
	snprintf(own, sizeof own, "annee=%d", w->in->year);
	const char *dims = f->dims;
	if (g_str_has_prefix(dims, "annee=")) {
		size_t k = strlen(own);
		if (strncmp(dims, own, k) || (dims[k] && dims[k] != ','))
			return NULL;
		dims = dims[k] ? dims + k + 1 : "";
	}
	return strchr(dims, ',') ? NULL : g_strdup(dims);
}

/* The catalogue's line for indicator/dims: the model's, then the base's. */
static const struct entry *catalogued(const struct work *w, const char *id, const char *dims,
				      bool key_figures)
{
	const struct layout *ls[] = { &w->m, &w->base };
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < ls[k]->nentries; i++) {
			const struct entry *e = &ls[k]->entries[i];
			if (!strcmp(e->indicator, id) && !strcmp(e->dims, dims) &&
			    !strcmp(e->loop, "cles") == key_figures)
				return e;
		}
	return NULL;
}

/* The label of value of dimension dim: the model's, as the exports spell
 * it, else from the slug. */
static char *value_label(const struct work *w, const char *dim, const char *value)
{
	const char *l = layout_label(&w->m, dim, value);
	if (l == value)
		l = layout_label(&w->base, dim, value);
	if (l == value && w->in->spellings)
		l = g_hash_table_lookup(w->in->spellings, value);
	return l ? g_strdup(l) : humanize(value);
}

/* The loop that publishes indicator id, by its prefix; NULL if none. */
static const char *loop_of(const struct work *w, const char *id)
{
	const char *dot = strchr(id, '.');
	char *prefix = g_strndup(id, dot ? (size_t)(dot - id) : strlen(id));
	const char *found = NULL;
	for (size_t i = 0; i < w->m.nloops && !found; i++) {
		char *group = g_strdup_printf("boucle.%s", w->m.loops[i].id);
		char **list = g_key_file_get_string_list(w->prefixes, group, "indicateurs", NULL, NULL);
		for (char **p = list; p && *p && !found; p++)
			if (!strcmp(g_strstrip(*p), prefix))
				found = w->m.loops[i].id;
		g_strfreev(list);
		g_free(group);
	}
	g_free(prefix);
	return found;
}

static void add_line(struct work *w, const char *loop, const struct figure *f, const char *dims)
{
	struct line l = { loop, f, g_strdup(dims), NULL, 0, FMT_NOMBRE };
	const struct entry *e = catalogued(w, f->indicator, dims, !strcmp(loop, "cles"));
	if (e) {
		l.label = g_strdup(e->label);
		l.decimals = e->decimals;
		l.format = e->format;
	} else {
		const struct entry *base = catalogued(w, f->indicator, "", false);
		char *name = base ? g_strdup(base->label) : humanize(strchr(f->indicator, '.')
								      ? strchr(f->indicator, '.') + 1
								      : f->indicator);
		if (*dims) {
			const char *eq = strchr(dims, '=');
			char *key = g_strndup(dims, (size_t)(eq - dims));
			char *v = value_label(w, key, eq + 1);
			l.label = g_strdup_printf("%s — %s", name, v);
			g_free(v);
			g_free(key);
			g_free(name);
		} else
			l.label = name;
		l.format = base ? base->format : !strcmp(f->unit, "%") ? FMT_POURCENT :
			   !strcmp(f->unit, "€") ? (f->value >= 1e6 ? FMT_MILLIONS_EUROS : FMT_EUROS) :
			   !strcmp(f->unit, "date") ? FMT_DATE : FMT_NOMBRE;
		l.decimals = base ? base->decimals : l.format == FMT_POURCENT ? 1 :
			     l.format == FMT_MILLIONS_EUROS ? 1 : f->value != (long long)f->value;
	}
	g_array_append_val(w->lines, l);
}

/* Every figure of the year in its loop; the model's key figures that are
 * there.  Returns how many figures no loop publishes. */
static size_t compose(struct work *w)
{
	const struct figures *t = w->in->t;
	size_t unplaced = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct figure *f = &t->v[i];
		if (t->sources[f->source].previous)
			continue;
		char *dims = own_dims(w, f);
		if (!dims)
			continue;
		if (!strcmp(f->unit, "date")) {         /* the survey's window: when, not what */
			g_free(dims);
			continue;
		}
		const struct entry *e = catalogued(w, f->indicator, dims, false);
		const char *loop = e && layout_loop(&w->m, e->loop) ? e->loop : loop_of(w, f->indicator);
		if (!loop || !strcmp(loop, "cles")) {
			if (!loop && !g_str_has_prefix(f->indicator, "cles."))
				unplaced++;     /* cles.* are key figures, below */
		} else
			add_line(w, loop, f, dims);
		g_free(dims);
	}
	const struct layout *ls[] = { &w->m, &w->base };
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < ls[k]->nentries; i++) {
			const struct entry *e = &ls[k]->entries[i];
			const struct figure *f = figures_for_year(t, e->indicator, e->dims, w->in->year);
			bool have = false;
			for (guint j = 0; j < w->lines->len; j++) {
				const struct line *l = &g_array_index(w->lines, struct line, j);
				have |= !strcmp(l->loop, "cles") && l->f == f;
			}
			if (strcmp(e->loop, "cles") || !f || have || (k == 1 && w->in->from))
				continue;
			add_line(w, "cles", f, e->dims);
		}
	/* cles.* figures no key figure of the model names: key figures too */
	for (size_t i = 0; i < t->n; i++) {
		const struct figure *f = &t->v[i];
		char *dims = own_dims(w, f);
		bool have = false;
		for (guint j = 0; j < w->lines->len; j++)
			have |= g_array_index(w->lines, struct line, j).f == f;
		if (dims && !have && g_str_has_prefix(f->indicator, "cles.") &&
		    !t->sources[f->source].previous)
			add_line(w, "cles", f, dims);
		g_free(dims);
	}
	return unplaced;
}

static bool put(struct work *w, const char *dir, const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);
	char *parent = g_path_get_dirname(path);
	g_mkdir_with_parents(parent, 0777);
	GError *ge = NULL;
	bool ok = g_file_set_contents(path, text, -1, &ge);
	if (!ok) {
		diag_add(w->d, DIAG_ERROR, path, 0, 0, "cannot write: %s", ge->message);
		g_error_free(ge);
	}
	g_free(parent);
	g_free(path);
	return ok;
}

static void write_chiffres(struct work *w, const char *dir)
{
	GString *s = g_string_new("boucle;indicateur;dimensions;libellé;décimales;format\n");
	for (size_t k = 0; k <= w->m.nloops; k++) {
		const char *loop = k < w->m.nloops ? w->m.loops[k].id : "cles";
		for (guint i = 0; i < w->lines->len; i++) {
			const struct line *l = &g_array_index(w->lines, struct line, i);
			if (!strcmp(l->loop, loop)) {
				g_string_append_printf(s, "%s;%s;", loop, l->f->indicator);
				cell_append(s, l->dims, ';');
				g_string_append_c(s, ';');
				cell_append(s, l->label, ';');
				g_string_append_printf(s, ";%d;%s\n", l->decimals,
						       format_names[l->format]);
			}
		}
	}
	put(w, dir, "chiffres.csv", s->str);
	g_string_free(s, TRUE);
}

static int by_rank(gconstpointer a, gconstpointer b, gpointer ranks)
{
	long ra = GPOINTER_TO_SIZE(g_hash_table_lookup(ranks, *(char **)a));
	long rb = GPOINTER_TO_SIZE(g_hash_table_lookup(ranks, *(char **)b));
	return ra < rb ? -1 : ra > rb;
}

static int by_text(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char **)a, *(char **)b);
}

/* The end of a row of libelles.csv: the value and its label, which an
 * export spelt (quotes, ';' and line breaks quoted). */
static void label_row(GString *s, const char *value, const char *label)
{
	cell_append(s, value, ';');
	g_string_append_c(s, ';');
	cell_append(s, label, ';');
	g_string_append_c(s, '\n');
}

/* The model's labels, in its order, then a label for every other value
 * the figures have. */
static void write_libelles(struct work *w, const char *dir)
{
	GString *s = g_string_new("dimension;valeur;libellé\n");
	GHashTable *done = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	const struct layout *ls[] = { &w->m, &w->base };
	for (int k = 0; k < 2; k++) {
		GPtrArray *keys = g_ptr_array_new();     /* GLib 2.74 has no get_keys_as_ptr_array */
		GHashTableIter it;
		gpointer key;
		g_hash_table_iter_init(&it, ls[k]->labels);
		while (g_hash_table_iter_next(&it, &key, NULL))
			g_ptr_array_add(keys, key);
		g_ptr_array_sort_with_data(keys, by_rank, ls[k]->ranks);
		for (guint i = 0; i < keys->len; i++) {
			const char *key = keys->pdata[i], *eq = strchr(key, '=');
			if (!eq || g_hash_table_contains(done, key))
				continue;
			g_string_append_printf(s, "%.*s;", (int)(eq - key), key);
			label_row(s, eq + 1, g_hash_table_lookup(ls[k]->labels, key));
			g_hash_table_add(done, g_strdup(key));
		}
		g_ptr_array_free(keys, TRUE);
	}
	GPtrArray *more = g_ptr_array_new_with_free_func(g_free);
	const struct figures *t = w->in->t;
	for (size_t i = 0; i < t->n; i++) {
		char **pairs = g_strsplit(t->v[i].dims, ",", -1);
		for (char **p = pairs; *p; p++)
			if (**p && !g_str_has_prefix(*p, "annee=") && !g_hash_table_contains(done, *p)) {
				g_hash_table_add(done, g_strdup(*p));
				g_ptr_array_add(more, g_strdup(*p));
			}
		g_strfreev(pairs);
	}
	g_ptr_array_sort(more, by_text);
	for (guint i = 0; i < more->len; i++) {
		const char *key = more->pdata[i], *eq = strchr(key, '=');
		if (!eq)
			continue;
		char *dim = g_strndup(key, (size_t)(eq - key));
		char *label = value_label(w, dim, eq + 1);
		g_string_append_printf(s, "%s;", dim);
		label_row(s, eq + 1, label);
		g_free(label);
		g_free(dim);
	}
	g_ptr_array_free(more, TRUE);
	g_hash_table_destroy(done);
	put(w, dir, "libelles.csv", s->str);
	g_string_free(s, TRUE);
}

/* Does chart c have something to draw in t? */
static bool fits(const struct work *w, const struct chart_spec *c)
{
	struct chart_data data;
	chart_data_collect(w->in->t, &w->m, c->indicator, c->axis, c->series, c->filter,
			   c->descending, &data);
	bool ok = data.axis->len > 0;
	chart_data_release(&data);
	return ok;
}

static void write_charts(struct work *w, const char *dir)
{
	GString *s = g_string_new("boucle;titre;type;indicateur;axe;séries;filtre;tri\n");
	for (size_t i = 0; i < w->m.ncharts; i++) {
		const struct chart_spec *c = &w->m.charts[i];
		if (layout_loop(&w->m, c->loop) && fits(w, c))
			g_string_append_printf(s, "%s;%s;%s;%s;%s;%s;%s;%s\n", c->loop, c->title,
					       chart_kinds[c->kind].name, c->indicator, c->axis, c->series,
					       c->filter, c->descending ? "décroissant" : "");
	}
	put(w, dir, "graphiques.csv", s->str);
	g_string_free(s, TRUE);
}

/* "{{rh.effectif}}" or "{{enquete.satisfaction item=q_global}}". */
/* s, written in the middle of a sentence, as Markdown text that reads as
 * s and nothing more: what could start a link, an emphasis, code, raw
 * HTML or an entity is escaped ("[clic](javascript:…)" stays words). */
static char *markdown_literal(const char *s)
{
	GString *out = g_string_new("");
	for (; *s; s++) {
		if (strchr("\\`*_[]<>&", *s))
			g_string_append_c(out, '\\');
		g_string_append_c(out, *s);
	}
	return g_string_free(out, FALSE);
}

static char *placeholder(const struct line *l)
{
	return g_strdup_printf("%s%s%s", l->f->indicator, *l->dims ? " " : "", l->dims);
}

/* A year of the model in a value becomes the new edition's. */
static char *new_years(const char *v, int old, int year)
{
	char from[2][16], to[2][16];
	snprintf(from[0], 16, "%d", old + 1);
	snprintf(to[0], 16, "%d", year + 1);
	snprintf(from[1], 16, "%d", old);
	snprintf(to[1], 16, "%d", year);
	/* next year first, through a mark no text holds */
	char **a = g_strsplit(v, from[0], -1);
	char *s1 = g_strjoinv("\x01", a);
	g_strfreev(a);
	a = g_strsplit(s1, from[1], -1);
	char *s2 = g_strjoinv(to[1], a);
	g_strfreev(a);
	a = g_strsplit(s2, "\x01", -1);
	char *s3 = g_strjoinv(to[0], a);
	g_strfreev(a);
	g_free(s1);
	g_free(s2);
	return s3;
}

/* Copies folder from into to, files and subfolders; with old != year,
 * the model's years in the texts (.md) become the edition's. */
static void copy_tree(struct work *w, const char *from, const char *to, int old, int year)
{
	GDir *dir = g_dir_open(from, 0, NULL);
	if (!dir)
		return;
	g_mkdir_with_parents(to, 0777);
	const char *name;
	while ((name = g_dir_read_name(dir))) {
		char *a = g_build_filename(from, name, NULL), *b = g_build_filename(to, name, NULL);
		if (g_file_test(a, G_FILE_TEST_IS_DIR)) {
			copy_tree(w, a, b, old, year);
		} else {
			gchar *data = NULL;
			gsize n = 0;
			GError *ge = NULL;
			bool ok = g_file_get_contents(a, &data, &n, &ge);
			if (ok && old != year && g_str_has_suffix(name, ".md")) {
				char *text = new_years(data, old, year);
				g_free(data);
				data = text;
				n = strlen(text);
			}
			if (!ok || !g_file_set_contents(b, data, (gssize)n, &ge)) {
				diag_add(w->d, DIAG_ERROR, a, 0, 0, "cannot copy: %s", ge->message);
				g_error_free(ge);
			}
			g_free(data);
		}
		g_free(a);
		g_free(b);
	}
	g_dir_close(dir);
}

/* A chart of graphiques.csv as a text draws it. */
static void chart_text(GString *s, const struct chart_spec *c)
{
	bool parts = c->kind == CHART_BARRES_EMPILEES && !strcmp(c->series, "sexe");
	g_string_append_printf(s, "\n```graphique\ntype=%s\ntitre=%s\nindicateur=%s\naxe=%s\n",
			       chart_kinds[parts ? CHART_PARTS : c->kind == CHART_ANNEAU ? CHART_ANNEAU
						      : CHART_BARRES].name,
			       c->title, c->indicator, c->axis);
	if (*c->filter)
		g_string_append_printf(s, "filtre=%s\n", c->filter);
	if (c->descending)
		g_string_append(s, "tri=décroissant\n");
	g_string_append(s, "```\n");
}

/* The last article of a loop: its figures that no article of the model
 * tells (the figures its services declare, the breakdowns), as a list,
 * the first four as tiles, and the charts of graphiques.csv no article
 * draws.  kept: the loop's articles, as written. */
static char *write_rest(struct work *w, const char *dir, const struct loop *loop,
		       const GString *kept, int number)
{
	GHashTable *told = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	inputs_text_ids(kept->str, told);
	GPtrArray *own = g_ptr_array_new();
	for (int pass = 0; pass < 2; pass++)
		for (guint i = 0; i < w->lines->len; i++) {
			struct line *l = &g_array_index(w->lines, struct line, i);
			if (!strcmp(l->loop, loop->id) && (*l->dims != 0) == pass &&
			    !g_hash_table_contains(told, l->f->indicator))
				g_ptr_array_add(own, l);
		}
	g_hash_table_destroy(told);
	GString *charts = g_string_new("");
	for (size_t i = 0; i < w->m.ncharts; i++) {
		const struct chart_spec *c = &w->m.charts[i];
		if (!strcmp(c->loop, loop->id) && !strstr(kept->str, c->title) && fits(w, c))
			chart_text(charts, c);
	}
	char *written = NULL;
	if (own->len || charts->len) {
		GString *s = g_string_new("");
		g_string_append_printf(s, "# %s : l'année en chiffres\n\n",
				       *loop->word ? loop->word : loop->title);
		if (own->len)
			g_string_append(s, "Les chiffres de l'année {{annee}}, tels que les services "
					   "les ont comptés.\n\n");
		for (guint i = 0; i < own->len; i++) {
			const struct line *l = own->pdata[i];
			char *ph = placeholder(l), *label = markdown_literal(l->label);
			g_string_append_printf(s, "- %s : {{%s}}\n", label, ph);
			g_free(label);
			g_free(ph);
		}
		guint ntiles = 0;
		for (guint i = 0; i < own->len; i++)
			ntiles += !*((const struct line *)own->pdata[i])->dims;
		if (ntiles) {
			g_string_append(s, "\n```chiffres\n");
			for (guint i = 0; i < MIN(ntiles, 4); i++) {
				const struct line *l = own->pdata[i];
				char *ph = placeholder(l), *lc = g_utf8_strdown(l->label, -1);
				g_string_append_printf(s, "%s | %s\n", ph, lc);
				g_free(lc);
				g_free(ph);
			}
			g_string_append(s, "```\n");
		}
		g_string_append(s, charts->str);
		char *name = g_strdup_printf("textes/%s/%02d-en-chiffres.md", loop->id, number);
		if (put(w, dir, name, s->str))
			written = g_build_filename(dir, name, NULL);
		g_free(name);
		g_string_free(s, TRUE);
	}
	g_string_free(charts, TRUE);
	g_ptr_array_free(own, TRUE);
	return written;
}

/* The photo that closes a loop ("fin"): it fills what the loop's last
 * page leaves blank (a drawn placeholder until the service puts its
 * photo in images/), written at the end of the loop's last article. */
static void close_with_photo(struct work *w, const char *path, const struct loop *loop)
{
	char *text = NULL;
	if (!g_file_get_contents(path, &text, NULL, NULL))
		return;
	char *caption = markdown_literal(loop->title);
	char *more = g_strdup_printf("%s\n![%s](%s-fin.jpg \"fin\")\n", text, caption, loop->id);
	GError *ge = NULL;
	if (!g_file_set_contents(path, more, -1, &ge)) {
		diag_add(w->d, DIAG_ERROR, path, 0, 0, "cannot write: %s", ge->message);
		g_error_free(ge);
	}
	g_free(more);
	g_free(caption);
	g_free(text);
}

/* Does every chart of article a have data in the new figures? */
static bool charts_fit(const struct work *w, const struct article *a)
{
	for (size_t k = 0; k < a->n; k++) {
		const struct chart_block *c = &a->v[k].chart;
		if (a->v[k].kind != BLOCK_CHART || !*c->axis)
			continue;
		struct chart_spec spec = { .indicator = c->indicator, .axis = c->axis,
					   .series = "", .filter = c->filter ? c->filter : "",
					   .descending = c->descending };
		if (!fits(w, &spec))
			return false;
	}
	return true;
}

/* The model's texts, for the new office: each article whose every
 * placeholder and chart has its figures in the new table (with its years
 * made the edition's), then for each loop the article of what they leave
 * untold.  Returns the loops that have an article, as a list for boucles=. */
static char *write_texts(struct work *w, const char *dir)
{
	char *from = g_build_filename(w->in->model, "textes", NULL);
	char *to = g_build_filename(dir, "textes", NULL);
	copy_tree(w, from, to, w->m.year, w->in->year);
	g_free(to);
	g_free(from);
	/* read as a draft reads them: what is absent counts, nothing stops */
	struct layout l;
	struct texts x = { 0 };
	struct diag scratch = DIAG_INIT;
	GString *loops = g_string_new("");
	if (layout_load(dir, &l, &scratch) != 0) {
		diag_add(w->d, DIAG_ERROR, dir, 0, 0, "the layout written cannot be read back");
		goto out;
	}
	texts_load(&l, w->in->t, true, &x, &scratch);
	for (size_t i = 0; i < w->m.nloops; i++) {
		const struct loop *loop = &w->m.loops[i];
		GString *kept = g_string_new("");
		int number = 0;
		const char *last = NULL;        /* the loop's last article kept */
		for (size_t k = 0; k < x.n; k++) {
			if (strcmp(x.v[k].loop, loop->id))
				continue;
			if (x.v[k].unresolved || !charts_fit(w, &x.v[k])) {
				g_unlink(x.v[k].file);
				continue;
			}
			char *text = NULL;
			if (g_file_get_contents(x.v[k].file, &text, NULL, NULL))
				g_string_append(kept, text);
			g_free(text);
			last = x.v[k].file;
			number++;
		}
		char *rest = write_rest(w, dir, loop, kept, number + 1);
		if (rest || last) {
			close_with_photo(w, rest ? rest : last, loop);
			g_string_append_printf(loops, "%s%s", loops->len ? ";" : "", loop->id);
		}
		g_free(rest);
		g_string_free(kept, TRUE);
	}
	layout_release(&l);
out:
	texts_release(&x);
	diag_release(&scratch);
	return g_string_free(loops, FALSE);
}

/* edition.ini, the model's with the edition's year and office; loops
 * (NULL: the model's) the loops it keeps, as boucles= lists them. */
static void write_edition(struct work *w, const char *dir, const char *loops)
{
	char *path = g_build_filename(w->in->model, "edition.ini", NULL);
	GKeyFile *kf = g_key_file_new();
	g_key_file_load_from_file(kf, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
	gsize ng = 0;
	char **groups = g_key_file_get_groups(kf, &ng);
	for (gsize g = 0; g < ng; g++) {
		char **keys = g_key_file_get_keys(kf, groups[g], NULL, NULL);
		for (char **k = keys; k && *k; k++) {
			char *v = g_key_file_get_value(kf, groups[g], *k, NULL);
			char *nv = new_years(v, w->m.year, w->in->year);
			g_key_file_set_value(kf, groups[g], *k, nv);
			g_free(nv);
			g_free(v);
		}
		g_strfreev(keys);
	}
	g_strfreev(groups);
	char year[16];
	snprintf(year, sizeof year, "%d", w->in->year);
	g_key_file_set_value(kf, "edition", "annee", year);
	if (w->in->office)
		g_key_file_set_string(kf, "edition", "organisme", w->in->office);
	if (loops) {
		char **kept = g_strsplit(loops, ";", -1);
		for (size_t i = 0; i < w->m.nloops; i++)
			if (!g_strv_contains((const char *const *)kept, w->m.loops[i].id)) {
				char *group = g_strdup_printf("boucle.%s", w->m.loops[i].id);
				g_key_file_remove_group(kf, group, NULL);
				g_free(group);
			}
		g_key_file_set_value(kf, "edition", "boucles", loops);
		/* the subject names the loops the carnet has */
		char *sub = g_key_file_get_string(kf, "edition", "sous_titre", NULL);
		GString *s = g_string_new(sub ? sub : "");
		for (char **k = kept; *k; k++) {
			const struct loop *lp = layout_loop(&w->m, *k);
			char *word = lp && *lp->word ? g_utf8_strdown(lp->word, -1) : NULL;
			if (word)
				g_string_append_printf(s, "%s%s", k == kept ? " : " : ", ", word);
			g_free(word);
		}
		g_key_file_set_string(kf, "edition", "sujet", s->str);
		g_string_free(s, TRUE);
		g_strfreev(kept);
		g_free(sub);
	}
	char *text = g_key_file_to_data(kf, NULL, NULL);
	put(w, dir, "edition.ini", text);
	g_free(text);
	g_key_file_free(kf);
	g_free(path);
}

enum status init_write(const struct init *in, const char *dir, struct diag *d)
{
	struct work w = { .in = in, .d = d, .lines = g_array_new(FALSE, TRUE, sizeof(struct line)),
			  .prefixes = g_key_file_new() };
	size_t errors = d->errors;
	char *base = g_strdup(in->base);
	char *ini = g_build_filename(base, "edition.ini", NULL);
	if (layout_load(in->model, &w.m, d) != 0 || layout_load(base, &w.base, d) != 0 ||
	    !g_key_file_load_from_file(w.prefixes, ini, G_KEY_FILE_NONE, NULL))
		goto out;
	if (!accents_open())
		diag_add(d, DIAG_WARNING, "/usr/share/hunspell/fr_FR.dic", 0, 0,
			 "no French dictionary (Debian's hunspell-fr-classical): the labels made "
			 "from ids keep no accents");
	size_t unplaced = compose(&w);
	if (unplaced)
		diag_add(d, DIAG_WARNING, ini, 0, 0,
			 "%zu figures of indicators no loop lists (indicateurs=) left out", unplaced);
	write_edition(&w, dir, NULL);
	write_chiffres(&w, dir);
	write_libelles(&w, dir);
	write_charts(&w, dir);
	if (in->from) {
		char *a = g_build_filename(in->model, "textes", NULL), *b = g_build_filename(dir, "textes", NULL);
		copy_tree(&w, a, b, 0, 0);
		g_free(a);
		g_free(b);
		a = g_build_filename(in->model, "images", NULL);
		b = g_build_filename(dir, "images", NULL);
		copy_tree(&w, a, b, 0, 0);
		g_free(a);
		g_free(b);
	} else {
		char *loops = write_texts(&w, dir);
		write_edition(&w, dir, loops);  /* without the loops that have nothing */
		g_free(loops);
	}
out:
	accents_close();
	for (guint i = 0; i < w.lines->len; i++) {
		g_free(g_array_index(w.lines, struct line, i).dims);
		g_free(g_array_index(w.lines, struct line, i).label);
	}
	g_array_free(w.lines, TRUE);
	g_key_file_free(w.prefixes);
	layout_release(&w.m);
	layout_release(&w.base);
	g_free(ini);
	g_free(base);
	return d->errors > errors ? STATUS_BAD_INPUT : STATUS_OK;
}
