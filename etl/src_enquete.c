/*
 * src_enquete.c — the tenant satisfaction survey (exports.md §4): one row
 * per interview, one q_* column per item on the 4-point scale.  The rate
 * of an item is weighted (1 + 2) / weighted (1 + 2 + 3 + 4): "does not
 * know" (NSP, 9, empty) is left out of the base.  Items are whatever q_*
 * columns the file has.
 */
#include "source.h"
#include "keycheck.h"
#include "i18n.h"

#include <string.h>


enum { C_ID, C_DATE, C_DIRECTION, C_AGENCE, C_HABITAT, C_POIDS, C_ITEMS,
       NCOLS };

static const struct exp_col cols[NCOLS] = {
	[C_ID]        = { "id", EXP_REQUIRED | EXP_PERSONAL },
	[C_DATE]      = { "date", EXP_REQUIRED },
	[C_DIRECTION] = { "direction", EXP_REQUIRED },
	[C_AGENCE]    = { "agence", 0 },
	[C_HABITAT]   = { "habitat", 0 },
	[C_POIDS]     = { "poids", 0 },
	[C_ITEMS]     = { "q_", EXP_REQUIRED | EXP_PREFIX },
};

/* Answers: 1–4 on the scale, 0 for "does not know". */
enum { NSP = 0 };
static const struct enum_label answers[] = {
	ENUM_LABEL("Très satisfait", 1), ENUM_LABEL("Assez satisfait", 2),
	ENUM_LABEL("Peu satisfait", 3), ENUM_LABEL("Pas du tout satisfait", 4),
	ENUM_LABEL("1", 1), ENUM_LABEL("2", 2),
	ENUM_LABEL("3", 3), ENUM_LABEL("4", 4),
	ENUM_LABEL("NSP", NSP), ENUM_LABEL("Ne sait pas", NSP),
	ENUM_LABEL("9", NSP), ENUM_END,
};

static const struct enum_label habitats[] = {
	ENUM_LABEL("Collectif", 0), ENUM_LABEL("Individuel", 1), ENUM_END,
};

#define MAX_ITEMS 64

/* Weighted satisfied and base, per item. */
struct rates {
	long interviews;
	double *sat, *base;
};

struct state {
	struct etl *e;
	size_t nitems;
	char **items;                /* slugs, in file order */
	struct rates all;
	GHashTable *directions;      /* slug -> struct rates */
	GHashTable *slugs;           /* direction as written -> slug */
	GHashTable *by_text;         /* direction as written -> its rates */
	struct last_text direction;  /* the last row's, made: its rates */
	struct firsts *ids;          /* interview ids -> line */
	struct enum_index answers;   /* of answers[] */
	int items_pass;              /* the pass the items were read in */
	day_t first, last;           /* dates seen */
};

static void rates_init(struct rates *r, size_t n)
{
	r->interviews = 0;
	r->sat = g_new0(double, n);
	r->base = g_new0(double, n);
}

static void free_rates(void *p)
{
	struct rates *r = p;
	g_free(r->sat);
	g_free(r->base);
	g_free(r);
}

static void *start(struct etl *e)
{
	struct state *s = g_new0(struct state, 1);
	s->e = e;
	s->directions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_rates);
	s->slugs = slug_cache_new();
	s->by_text = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	s->ids = firsts_new(e, 1, false);
	s->direction = (struct last_text)LAST_TEXT_INIT;
	enum_index_init(&s->answers, answers);
	s->first = INT32_MAX;
	s->last = INT32_MIN;
	return s;
}

/* The survey's items, from the first row of the file (the prefix
 * columns, in file order); a file with too many is told once a pass. */
static void take_items(struct state *s, struct exp_reader *r, const struct exp_row *row)
{
	int pass = s->e->spill ? s->e->spill->pass : 0;
	if (!s->items || s->items_pass != pass) {
		if (row->nprefix > MAX_ITEMS)
			exp_reject(r, &row->prefix[MAX_ITEMS], N_("column"),
				   "more than %d survey items", MAX_ITEMS);
		s->items_pass = pass;
	}
	if (!s->items) {
		s->nitems = row->nprefix < MAX_ITEMS ? row->nprefix : MAX_ITEMS;
		s->items = g_new0(char *, s->nitems);
		for (size_t i = 0; i < s->nitems; i++)
			s->items[i] = g_strdup(row->prefix[i].slug);
		rates_init(&s->all, s->nitems);
	}
}

/* One interview's weighted answers, in the whole survey and its
 * direction d (NSP counts in neither base). */
static void add_interview(struct state *s, struct rates *d, double poids, const int *answer)
{
	s->all.interviews++;
	d->interviews++;
	for (size_t i = 0; i < s->nitems; i++) {
		if (answer[i] == NSP)
			continue;
		s->all.base[i] += poids;
		d->base[i] += poids;
		if (answer[i] <= 2) {
			s->all.sat[i] += poids;
			d->sat[i] += poids;
		}
	}
}

/* The rates of the direction written text[0..len) at field f: found by
 * its text as written, its slug worked out (and its first spelling kept)
 * the first time only. */
static struct rates *rates_by_text(struct state *s, struct exp_reader *r,
				   const struct exp_field *f, const char *text, size_t len)
{
	char raw[128];
	struct rates *d;
	if (len < sizeof raw) {
		memcpy(raw, text, len);
		raw[len] = '\0';
		if ((d = g_hash_table_lookup(s->by_text, raw)) != NULL)
			return d;
	}
	const char *slug = slug_cached(s->e, s->slugs, text, len, r, f);
	d = g_hash_table_lookup(s->directions, slug);
	if (!d) {
		d = g_new(struct rates, 1);
		rates_init(d, s->nitems);
		g_hash_table_insert(s->directions, g_strdup(slug), d);
	}
	if (len < sizeof raw)
		g_hash_table_insert(s->by_text, g_strdup(raw), d);
	return d;
}

/* The rates of the direction written text[0..len) at field f: the last
 * row's (interviews come a direction after another), else found by its
 * text as written, its slug worked out (and its first spelling kept) the
 * first time only. */
static struct rates *rates_of(struct state *s, struct exp_reader *r,
			      const struct exp_field *f, const char *text, size_t len)
{
	if (last_text_is(&s->direction, text, len))
		return (struct rates *)s->direction.made;
	struct rates *d = rates_by_text(s, r, f, text, len);
	last_text_keep(&s->direction, text, len);
	s->direction.made = d;
	return d;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct state *s = ctx;
	const struct exp_field *f = row->col;
	const char *id, *direction;
	size_t idlen, dlen;
	day_t date;
	double poids = 1;
	int answer[MAX_ITEMS];
	bool ok = true;

	if (keycheck_light(s->e)) {     /* a spilled reading's first pass: the ids */
		if (exp_text(r, &f[C_ID], &id, &idlen) == EXP_GOT)
			firsts_check(s->ids, id, idlen, row->line, 0, NULL);
		return;
	}
	take_items(s, r, row);
	ok &= exp_text(r, &f[C_ID], &id, &idlen) == EXP_GOT;
	struct key key = ok ? firsts_key(s->ids, id, idlen) : (struct key){ 0 };
	ok &= exp_date(r, &f[C_DATE], &date) == EXP_GOT;
	ok &= exp_text(r, &f[C_DIRECTION], &direction, &dlen) == EXP_GOT;
	if (f[C_HABITAT].s && !field_is_empty(f[C_HABITAT].s, f[C_HABITAT].len) &&
	    field_enum(f[C_HABITAT].s, f[C_HABITAT].len, habitats) < 0)
		exp_warn(r, &f[C_HABITAT], "unknown kind of housing");
	int got = exp_number(r, &f[C_POIDS], &poids);
	if (got == EXP_GOT && poids <= 0) {
		exp_reject(r, &f[C_POIDS], N_("weight"), "must be above 0");
		got = EXP_BAD;
	}
	ok &= got != EXP_BAD;
	for (size_t i = 0; i < s->nitems; i++) {
		const struct exp_field *q = &row->prefix[i];
		answer[i] = NSP;
		if (field_is_empty(q->s, q->len))
			continue;
		answer[i] = field_enum_indexed(q->s, q->len, &s->answers);
		if (answer[i] < 0) {
			exp_reject(r, q, N_("answer"), "expected Très satisfait (1), Assez satisfait (2), Peu satisfait (3), Pas du tout satisfait (4), or NSP, 9 or empty");
			ok = false;
		}
	}
	if (!ok)
		return;
	long first = firsts_check_key(s->ids, &key, row->line, 0, NULL);
	if (first == KEY_PENDING || !keycheck_final(s->e))
		return;
	if (first) {
		exp_warn_row(r, row->line,
			     "same interview id as line %ld: left out", first);
		return;
	}
	if (date < s->e->survey_from || date > s->e->survey_to)
		exp_warn(r, &f[C_DATE], "interview outside the survey window");
	if (date < s->first)
		s->first = date;
	if (date > s->last)
		s->last = date;

	add_interview(s, rates_of(s, r, &f[C_DIRECTION], direction, dlen), poids, answer);
}

static const char R_RATE[] = "weighted (1 + 2) / weighted (1 + 2 + 3 + 4), NSP left out";

static void add_rates(struct state *s, const struct rates *r, const char *direction)
{
	for (size_t i = 0; i < s->nitems; i++) {
		if (r->base[i] <= 0)
			continue;          /* nobody answered: no rate */
		double v = 100.0 * r->sat[i] / r->base[i];
		if (direction)
			figures_add(s->e->fig, "enquete.satisfaction", v, "%", R_RATE,
				    "item", s->items[i], "direction", direction, NULL);
		else
			figures_add(s->e->fig, "enquete.satisfaction", v, "%", R_RATE,
				    "item", s->items[i], NULL);
	}
}

static void finish(void *state, bool emit)
{
	struct state *s = state;

	if (emit && s->items) {
		static const char R_N[] = "interviews (rows) of the survey";
		figures_add(s->e->fig, "enquete.entretiens", s->all.interviews,
			    "entretiens", R_N, NULL);
		add_rates(s, &s->all, NULL);
		GList *keys = g_list_sort(g_hash_table_get_keys(s->directions),
					  (GCompareFunc)strcmp);
		for (GList *k = keys; k; k = k->next) {
			const struct rates *d = g_hash_table_lookup(s->directions, k->data);
			figures_add(s->e->fig, "enquete.entretiens", d->interviews,
				    "entretiens", R_N, "direction", (char *)k->data, NULL);
			add_rates(s, d, k->data);
		}
		g_list_free(keys);
		s->e->survey_first = s->first;
		s->e->survey_last = s->last;
	}
	if (s->items) {
		for (size_t i = 0; i < s->nitems; i++)
			g_free(s->items[i]);
		g_free(s->items);
		g_free(s->all.sat);
		g_free(s->all.base);
	}
	g_hash_table_destroy(s->directions);
	g_hash_table_destroy(s->slugs);
	g_hash_table_destroy(s->by_text);
	firsts_free(s->ids);
	g_free(s);
}

const struct source source_enquete = {
	"enquete_satisfaction.csv", cols, NCOLS, start, on_row, finish,
	"chiffres_cles.csv",          /* the survey window it declares */
	32,                             /* one interview id a row */
	true,                           /* a row left out has a value rejected */
	NULL,                           /* nothing to tally apart */
	1.6,                            /* ns a byte at x1000: long lines, few fields looked at */
};
