/*
 * src_rh_effectifs.c — the HR headcount register (exports.md §1): one row
 * per employment contract active at some time in the year.
 *
 * Contracts are grouped by person (matricule), because recruitments and
 * departures depend on a person's other contracts:
 *   - headcount: people with a CDI or CDD running on 31/12/Y;
 *   - recruitment: a CDI or CDD starting in Y when no contract of the
 *     person ran the day before (renewals and conversions are not);
 *   - departure: a contract ending in Y when no contract of the person
 *     starts the next day;
 *   - ages on 31/12/Y, i.e. Y minus the year of birth.
 * The matricule is read only to group rows; it never leaves this file.
 */
#include "source.h"
#include "keycheck.h"
#include "i18n.h"

#include <errno.h>
#include <limits.h>
#include <string.h>


enum { C_MATRICULE, C_SEXE, C_NAISSANCE, C_ENTREE, C_SORTIE, C_MOTIF,
       C_CONTRAT, C_CATEGORIE, C_PROXIMITE, C_TEMPS, C_DIRECTION, C_RQTH,
       C_AMENAGE, C_PROMOTION, NCOLS };

static const struct exp_col cols[NCOLS] = {
	[C_MATRICULE] = { "matricule", EXP_REQUIRED | EXP_PERSONAL },
	[C_SEXE]      = { "sexe", EXP_REQUIRED },
	[C_NAISSANCE] = { "date_naissance", EXP_REQUIRED | EXP_PERSONAL },
	[C_ENTREE]    = { "date_entree", EXP_REQUIRED },
	[C_SORTIE]    = { "date_sortie", 0 },
	[C_MOTIF]     = { "motif_sortie", 0 },
	[C_CONTRAT]   = { "type_contrat", EXP_REQUIRED },
	[C_CATEGORIE] = { "categorie", EXP_REQUIRED },
	[C_PROXIMITE] = { "proximite", EXP_REQUIRED },
	[C_TEMPS]     = { "temps_travail", 0 },
	[C_DIRECTION] = { "direction", EXP_REQUIRED },
	[C_RQTH]      = { "rqth", EXP_PERSONAL },
	[C_AMENAGE]   = { "poste_amenage", EXP_PERSONAL },
	[C_PROMOTION] = { "date_promotion", 0 },
};

enum sexe { SEXE_F, SEXE_H, NSEXES };
static const struct enum_label sexes[] = {
	ENUM_LABEL("F", SEXE_F), ENUM_LABEL("H", SEXE_H), ENUM_LABEL("M", SEXE_H),
	ENUM_LABEL("Femme", SEXE_F), ENUM_LABEL("Homme", SEXE_H), ENUM_END,
};
static const char *const sexe_slug[NSEXES] = { "f", "h" };

enum contrat { CT_CDI, CT_CDD, CT_APPRENTI, CT_PRO, CT_STAGE };
static const struct enum_label contrats[] = {
	ENUM_LABEL("CDI", CT_CDI), ENUM_LABEL("CDD", CT_CDD),
	ENUM_LABEL("Apprentissage", CT_APPRENTI),
	ENUM_LABEL("Contrat de professionnalisation", CT_PRO),
	ENUM_LABEL("Stage", CT_STAGE),
	ENUM_END,
};
static const char *const contrat_slug[] = { "cdi", "cdd" };

/* The three published groups: Employé and Ouvrier are both exécution. */
enum groupe { GR_CADRE, GR_MAITRISE, GR_EXECUTION, NGROUPES };
static const struct enum_label categories[] = {
	ENUM_LABEL("Cadre", GR_CADRE),
	ENUM_LABEL("Agent de maîtrise", GR_MAITRISE),
	ENUM_LABEL("Employé", GR_EXECUTION),
	ENUM_LABEL("Ouvrier", GR_EXECUTION), ENUM_END,
};
static const char *const groupe_slug[NGROUPES] = { "cadre", "maitrise", "execution" };

/* Age bands of rh.pyramide: under 25, five-year bands, 60 and over. */
#define NBANDS 9
static const char *const band_slug[NBANDS] = {
	"moins_25", "25_29", "30_34", "35_39", "40_44", "45_49", "50_54",
	"55_59", "60_plus",
};

static int band_of(int age)
{
	if (age < 25)
		return 0;
	if (age >= 60)
		return NBANDS - 1;
	return (age - 25) / 5 + 1;
}

/* One contract, as kept after its row is read. */
struct contract {
	long line;
	const char *direction, *motif;          /* interned slugs */
	day_t naissance, entree, sortie;        /* sortie: INT32_MAX if running */
	day_t promotion;                        /* INT32_MIN if none */
	uint32_t prev;                          /* the person's previous one, + 1 */
	int temps;                              /* hundredths of a percent */
	/* a byte each, and no hole between the fields: 56 bytes, not 72, a
	 * spilled reading's sorted record 80, not 96 */
	int8_t sexe, contrat, groupe;
	bool proximite, rqth, amenage;
	bool active;                            /* runs at some time in Y */
};

/* A person's contracts, in the order of the file. */
struct person {
	struct contract *c;
	size_t n;
};

/* Tallies, then figures.  The detail (cross-tabulations and months) is
 * for HR's internal workbook only. */
#define NMONTHS 12
struct tally {
	long n, sexe[NSEXES], groupe[NGROUPES], femmes_groupe[NGROUPES];
	long contrat[2], proximite, moins_35, rqth, promotions, amenages;
	long pyramide[NSEXES][NBANDS];
	long long temps, ages;
	long recrutements, recrutements_contrat[2], departs;
	/* by the interned slug of a direction, of a reason for leaving:
	 * one pointer hashed a person, not a joined text (tally_of) */
	GHashTable *by_direction;               /* -> struct by_direction */
	GHashTable *by_motif;                   /* -> struct by_motif */
	/* detail */
	long recrutements_mois[2][NMONTHS], promotions_groupe[NGROUPES];
	long rqth_groupe[NGROUPES];
};

/* Counts of one slug: nothing but longs, so that those of two spellings
 * of one slug add up (merge_spellings). */
struct by_direction {
	long n;                                 /* headcount on 31/12 */
	long etp;                               /* hundredths of a percent */
	long cross[NGROUPES][2][NSEXES];
};

struct by_motif {
	long departs;
	long mois[NMONTHS];
};

/* In memory, contracts are kept in one array, each pointing to the
 * person's previous one: no allocation per person.  Spilled (keycheck.h),
 * the first pass sorts the contracts by person, then line; each person's
 * are judged and tallied in turn, and what a row has to say comes back in
 * the second pass, by line (verdicts). */
struct hr_rec {
	struct key_rec key;                     /* the matricule's hash, the line */
	struct contract c;
};

struct state {
	struct etl *e;
	struct contract *contracts;
	size_t n, cap;
	struct keyset *people;                  /* matricule -> last contract + 1 */
	size_t contracts_bytes, people_bytes;   /* as accounted (keycheck.h) */
	GHashTable *strings;                    /* directions and reasons -> slugs */
	GArray *scratch;                        /* one person's contracts */
	struct tally *t;
	/* spilled */
	struct sorter *rows;                    /* struct hr_rec */
	struct verdicts said;
	struct sorter *employees;               /* key_rec: hash, 2 or 1 */
	long present;
	bool tallied;                           /* in memory: people tallied */
};

static const char *intern(struct state *s, const char *text, size_t len,
			  struct exp_reader *r, const struct exp_field *f)
{
	return slug_cached(s->e, s->strings, text, len, r, f);
}

/* The contracts of the person whose last one is last (+ 1), in file order,
 * copied into s->scratch. */
static struct person person_of(struct state *s, uint32_t last)
{
	size_t n = 0;
	for (uint32_t i = last; i; i = s->contracts[i - 1].prev)
		n++;
	g_array_set_size(s->scratch, (guint)n);
	/* filled from its end: the chain runs from the last one back */
	struct contract *c = (struct contract *)(void *)s->scratch->data;
	for (uint32_t i = last; i; i = s->contracts[i - 1].prev)
		c[--n] = s->contracts[i - 1];
	return (struct person){ c, s->scratch->len };
}

static bool is_employment(int contrat)
{
	return contrat == CT_CDI || contrat == CT_CDD;
}

static bool runs_on(const struct contract *c, day_t d)
{
	return c->entree <= d && d <= c->sortie;
}

/* Parses one row into c; false when a value was rejected (reported). */
static bool parse(struct state *s, struct exp_reader *r,
		  const struct exp_row *row, struct contract *c,
		  struct key *matricule)
{
	const struct exp_field *f = row->col;
	const char *text;
	size_t len;
	double temps = 100;
	bool ok = true;

	*c = (struct contract){ .line = row->line, .sortie = INT32_MAX,
				.promotion = INT32_MIN };
	const char *m;
	size_t mlen;
	if (exp_text(r, &f[C_MATRICULE], &m, &mlen) == EXP_GOT) {
		/* hashed first: the person's slot loads while the row is parsed */
		keyset_hash(m, mlen, &matricule->lo, &matricule->hi);
		keyset_prefetch(s->people, matricule->lo);
	} else {
		ok = false;
	}
	int sexe = 0, contrat = 0, groupe = 0;
	ok &= exp_enum(r, &f[C_SEXE], sexes, &sexe) == EXP_GOT;
	ok &= exp_date(r, &f[C_NAISSANCE], &c->naissance) == EXP_GOT;
	ok &= exp_date(r, &f[C_ENTREE], &c->entree) == EXP_GOT;
	ok &= exp_date(r, &f[C_SORTIE], &c->sortie) != EXP_BAD;
	c->motif = exp_text(r, &f[C_MOTIF], &text, &len) == EXP_GOT
		   ? intern(s, text, len, r, &f[C_MOTIF]) : "non_precise";
	ok &= exp_enum(r, &f[C_CONTRAT], contrats, &contrat) == EXP_GOT;
	ok &= exp_enum(r, &f[C_CATEGORIE], categories, &groupe) == EXP_GOT;
	c->sexe = (int8_t)sexe;
	c->contrat = (int8_t)contrat;
	c->groupe = (int8_t)groupe;
	ok &= exp_yesno(r, &f[C_PROXIMITE], &c->proximite) != EXP_BAD;
	int got = exp_number(r, &f[C_TEMPS], &temps);
	if (got == EXP_GOT && (temps <= 0 || temps > 100)) {
		exp_reject(r, &f[C_TEMPS], N_("working time"), "must be above 0 and at most 100 %%");
		got = EXP_BAD;
	}
	ok &= got != EXP_BAD;
	/* a rejected value stays out of the int: it may be anything */
	c->temps = got == EXP_BAD ? 10000 : (int)(temps * 100 + 0.5);
	if (exp_text(r, &f[C_DIRECTION], &text, &len) == EXP_GOT)
		c->direction = intern(s, text, len, r, &f[C_DIRECTION]);
	else
		ok = false;
	ok &= exp_yesno(r, &f[C_RQTH], &c->rqth) != EXP_BAD;
	ok &= exp_yesno(r, &f[C_AMENAGE], &c->amenage) != EXP_BAD;
	ok &= exp_date(r, &f[C_PROMOTION], &c->promotion) != EXP_BAD;
	if (ok && c->sortie < c->entree) {
		exp_reject(r, &f[C_SORTIE], N_("date"), "before the contract's start");
		ok = false;
	}
	if (ok && c->entree < c->naissance) {
		exp_reject(r, &f[C_ENTREE], N_("date"), "before the birth date");
		ok = false;
	}
	return ok;
}

/* What a row says about the person's earlier contracts. */
enum said { SAID_DUPLICATE, SAID_IDENTITY, SAID_OVERLAP };

static void say(struct exp_reader *r, long line, int what, long ref)
{
	if (what == SAID_DUPLICATE)
		exp_warn_row(r, line,
			     "duplicate of the contract on line %ld (same employee, type and start): left out",
			     ref);
	else if (what == SAID_IDENTITY)
		exp_warn_row(r, line,
			     "same matricule as line %ld with another birth date or sex", ref);
	else
		exp_warn_row(r, line,
			     "overlaps the contract on line %ld of the same employee", ref);
}

typedef void say_fn(void *ctx, int what, long ref);

/* Whether c, read after p's contracts, is kept: a duplicate is not.  What
 * it says about them goes to fn, in the order of p. */
static bool judge(const struct person *p, const struct contract *c, say_fn *fn, void *ctx)
{
	for (size_t i = 0; i < p->n; i++) {
		const struct contract *o = &p->c[i];
		if (o->entree == c->entree && o->contrat == c->contrat) {
			fn(ctx, SAID_DUPLICATE, o->line);
			return false;
		}
		if (o->naissance != c->naissance || o->sexe != c->sexe)
			fn(ctx, SAID_IDENTITY, o->line);
		if (is_employment(o->contrat) && is_employment(c->contrat) &&
		    o->entree <= c->sortie && c->entree <= o->sortie)
			fn(ctx, SAID_OVERLAP, o->line);
	}
	return true;
}

struct say_now {
	struct exp_reader *r;
	long line;
};

static void say_now(void *ctx, int what, long ref)
{
	struct say_now *n = ctx;
	say(n->r, n->line, what, ref);
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct state *s = ctx;
	struct contract c;
	struct key m;

	if (!parse(s, r, row, &c, &m))
		return;
	/* Kept all the same: it tells whether a contract of Y renews it. */
	c.active = c.entree <= s->e->last_day && c.sortie >= s->e->first_day;
	if (!c.active)          /* the register's history: normal */
		exp_outside_year(r);
	if (s->rows) {          /* spilled, first pass */
		struct hr_rec h = { .key = { .line = key_line(row->line) }, .c = c };
		h.key.lo = m.lo;
		h.key.hi = m.hi;
		if (sorter_add(s->rows, &h) != 0 && !s->e->spill->error)
			s->e->spill->error = errno ? errno : EIO;
		return;
	}
	if (keycheck_spilled(s->e)) {   /* the last pass: what the row says */
		const struct verdict *v;
		while ((v = verdicts_at(&s->said, row->line)) != NULL)
			say(r, row->line, (int)v->value, v->ref);
		return;
	}
	size_t cap = s->n < s->cap ? s->cap : s->cap ? 2 * s->cap : 1024;
	if (!keycheck_grow_set(s->e, &s->people_bytes, s->people) ||
	    !keycheck_grow(s->e, &s->contracts_bytes, s->cap * sizeof c, cap * sizeof c))
		return;         /* over the budget: the reading stops here */
	uint32_t *last = keyset_put_hash(s->people, m.lo, m.hi, NULL);
	if (!last) {            /* out of memory: read again, spilled */
		if (s->e->spill)
			s->e->spill->over = true;
		return;
	}
	struct person p = person_of(s, (uint32_t)*last);
	if (!judge(&p, &c, say_now, &(struct say_now){ r, row->line }))
		return;
	c.prev = (uint32_t)*last;
	if (s->n == s->cap) {
		s->cap = cap;
		s->contracts = g_renew(struct contract, s->contracts, cap);
	}
	s->contracts[s->n++] = c;
	*last = (uint32_t)s->n;
}

static const char R_EFFECTIF[] = "distinct matricule with a CDI or CDD running on 31/12";

static int month_of(day_t d)
{
	int y, m, dd;
	day_to_ymd(d, &y, &m, &dd);
	return m - 1;
}

/* The counts of slug in t (struct by_direction or by_motif, bytes long),
 * made zero when absent.  Each spelling of a value has its interned slug
 * (slug_cached), so a slug may have more than one pointer here. */
static long *tally_of(GHashTable *t, const char *slug, size_t bytes)
{
	long *v = g_hash_table_lookup(t, slug);
	if (!v) {
		v = g_malloc0(bytes);
		g_hash_table_insert(t, (char *)slug, v);
	}
	return v;
}

/* One entry a slug in t: the counts of a slug's other pointers added to
 * its first's (bytes of longs each), those entries gone. */
static void merge_spellings(GHashTable *t, size_t bytes)
{
	GList *keys = g_list_sort(g_hash_table_get_keys(t), (GCompareFunc)strcmp);
	for (GList *k = keys; k && k->next; k = k->next) {
		long *into = g_hash_table_lookup(t, k->data);
		while (k->next && strcmp(k->data, k->next->data) == 0) {
			const long *from = g_hash_table_lookup(t, k->next->data);
			for (size_t i = 0; i < bytes / sizeof(long); i++)
				into[i] += from[i];
			g_hash_table_remove(t, k->next->data);
			keys = g_list_delete_link(keys, k->next);
		}
	}
	g_list_free(keys);
}

static const char *const month_slug[NMONTHS] = {
	"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
};

/* The CDI or CDD of p running on day d (the latest started), or NULL. */
static const struct contract *running(const struct person *p, day_t d)
{
	const struct contract *best = NULL;
	for (size_t i = 0; i < p->n; i++)
		if (is_employment(p->c[i].contrat) && runs_on(&p->c[i], d) &&
		    (!best || p->c[i].entree > best->entree))
			best = &p->c[i];
	return best;
}

static bool any_runs_on(const struct person *p, day_t d)
{
	for (size_t i = 0; i < p->n; i++)
		if (runs_on(&p->c[i], d))
			return true;
	return false;
}

static bool any_starts_on(const struct person *p, day_t d)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->c[i].entree == d)
			return true;
	return false;
}

static void tally_person(struct tally *t, const struct person *p,
			 const struct etl *e)
{
	bool amenage = false;

	for (size_t i = 0; i < p->n; i++) {
		const struct contract *c = &p->c[i];
		amenage |= c->amenage && c->active;
		if (is_employment(c->contrat) && c->entree >= e->first_day &&
		    c->entree <= e->last_day && !any_runs_on(p, c->entree - 1)) {
			t->recrutements++;
			t->recrutements_contrat[c->contrat]++;
			t->recrutements_mois[c->contrat][month_of(c->entree)]++;
		}
		if (c->sortie >= e->first_day && c->sortie <= e->last_day &&
		    !any_starts_on(p, c->sortie + 1)) {
			t->departs++;
			struct by_motif *m = (struct by_motif *)(void *)
				tally_of(t->by_motif, c->motif, sizeof *m);
			m->departs++;
			m->mois[month_of(c->sortie)]++;
		}
	}
	t->amenages += amenage;

	const struct contract *c = running(p, e->last_day);
	if (!c)
		return;
	int y, m, d;
	day_to_ymd(c->naissance, &y, &m, &d);
	int age = e->year - y;
	t->n++;
	t->sexe[c->sexe]++;
	t->groupe[c->groupe]++;
	if (c->sexe == SEXE_F)
		t->femmes_groupe[c->groupe]++;
	t->contrat[c->contrat]++;
	t->proximite += c->proximite;
	t->moins_35 += age < 35;
	t->rqth += c->rqth;
	t->rqth_groupe[c->groupe] += c->rqth;
	t->temps += c->temps;
	struct by_direction *dir = (struct by_direction *)(void *)
		tally_of(t->by_direction, c->direction, sizeof *dir);
	dir->n++;
	dir->etp += c->temps;
	dir->cross[c->groupe][c->contrat][c->sexe]++;
	t->ages += age;
	t->pyramide[c->sexe][band_of(age)]++;
	day_t promo = INT32_MIN;
	for (size_t i = 0; i < p->n; i++)
		if (p->c[i].promotion > promo)
			promo = p->c[i].promotion;
	bool promoted = promo >= e->first_day && promo <= e->last_day;
	t->promotions += promoted;
	t->promotions_groupe[c->groupe] += promoted;
}

/* The keys of t, sorted, in a list the caller frees (not the keys). */
static GList *sorted_keys(GHashTable *t)
{
	return g_list_sort(g_hash_table_get_keys(t), (GCompareFunc)strcmp);
}

static void emit_detail(const struct tally *t, struct figures *f)
{
	GList *keys = sorted_keys(t->by_direction);
	for (GList *k = keys; k; k = k->next) {
		const struct by_direction *d = g_hash_table_lookup(t->by_direction, k->data);
		for (int g = 0; g < NGROUPES; g++)
			for (int c = 0; c < 2; c++)
				for (int x = 0; x < NSEXES; x++)
					if (d->cross[g][c][x])
						figures_add(f, "rh.effectif", (double)d->cross[g][c][x],
							    "salariés", R_EFFECTIF, "direction",
							    (const char *)k->data, "categorie",
							    groupe_slug[g], "contrat", contrat_slug[c],
							    "sexe", sexe_slug[x], NULL);
		figures_add(f, "rh.etp", (double)d->etp / 10000.0,
			    "ETP", "sum of working time / 100 over the headcount on 31/12",
			    "direction", (const char *)k->data, NULL);
	}
	g_list_free(keys);
	for (int c = 0; c < 2; c++)
		for (int m = 0; m < NMONTHS; m++) {
			figures_add(f, "rh.recrutements", t->recrutements_mois[c][m],
				    "recrutements", "recruitments by month of the contract's start",
				    "contrat", contrat_slug[c], "mois", month_slug[m], NULL);
		}
	keys = sorted_keys(t->by_motif);
	for (GList *k = keys; k; k = k->next) {
		const struct by_motif *m = g_hash_table_lookup(t->by_motif, k->data);
		for (int i = 0; i < NMONTHS; i++)
			if (m->mois[i])
				figures_add(f, "rh.departs", (double)m->mois[i],
					    "départs", "departures by month of the contract's last day",
					    "motif", (const char *)k->data, "mois", month_slug[i], NULL);
	}
	g_list_free(keys);
	for (int g = 0; g < NGROUPES; g++) {
		figures_add(f, "rh.promotions", t->promotions_groupe[g], "promotions",
			    "headcount on 31/12 whose last promotion is dated in Y",
			    "categorie", groupe_slug[g], NULL);
		figures_add(f, "rh.rqth", t->rqth_groupe[g], "salariés",
			    "headcount on 31/12 recognised as disabled workers (RQTH)",
			    "categorie", groupe_slug[g], NULL);
	}
}

static double pct(long part, long whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0;
}

static const char R_PART[] = "share of the headcount on 31/12";

/* Adds one figure per slug of t (its first long: the count), sorted for
 * reproducibility. */
static void add_breakdown(struct figures *f, const char *indicator,
			  const char *unit, const char *rule, const char *key,
			  GHashTable *t)
{
	GList *keys = sorted_keys(t);
	for (GList *k = keys; k; k = k->next) {
		const long *count = g_hash_table_lookup(t, k->data);
		if (*count)
			figures_add(f, indicator, (double)*count, unit, rule, key,
				    (const char *)k->data, NULL);
	}
	g_list_free(keys);
}

static void emit(const struct tally *t, struct figures *f)
{
	figures_add(f, "rh.effectif", t->n, "salariés", R_EFFECTIF, NULL);
	for (int i = 0; i < NSEXES; i++)
		figures_add(f, "rh.effectif", t->sexe[i], "salariés", R_EFFECTIF,
			    "sexe", sexe_slug[i], NULL);
	for (int i = 0; i < NGROUPES; i++) {
		figures_add(f, "rh.effectif", t->groupe[i], "salariés", R_EFFECTIF,
			    "categorie", groupe_slug[i], NULL);
		figures_add(f, "rh.effectif", t->femmes_groupe[i], "salariés",
			    R_EFFECTIF, "categorie", groupe_slug[i], "sexe", "f", NULL);
		figures_add(f, "rh.effectif", t->groupe[i] - t->femmes_groupe[i],
			    "salariés", R_EFFECTIF, "categorie", groupe_slug[i],
			    "sexe", "h", NULL);
	}
	for (int i = 0; i < 2; i++)
		figures_add(f, "rh.effectif", t->contrat[i], "salariés", R_EFFECTIF,
			    "contrat", contrat_slug[i], NULL);
	add_breakdown(f, "rh.effectif", "salariés", R_EFFECTIF, "direction",
		      t->by_direction);
	figures_add(f, "rh.effectif", t->proximite, "salariés", R_EFFECTIF,
		    "proximite", "oui", NULL);
	figures_add(f, "rh.effectif", t->n - t->proximite, "salariés", R_EFFECTIF,
		    "proximite", "non", NULL);
	figures_add(f, "rh.etp", (double)t->temps / 10000.0, "ETP",
		    "sum of working time / 100 over the headcount on 31/12", NULL);
	figures_add(f, "rh.part_femmes", pct(t->sexe[SEXE_F], t->n), "%", R_PART, NULL);
	figures_add(f, "rh.part_hommes", pct(t->sexe[SEXE_H], t->n), "%", R_PART, NULL);
	figures_add(f, "rh.part_proximite", pct(t->proximite, t->n), "%", R_PART, NULL);
	for (int i = 0; i < NGROUPES; i++) {
		figures_add(f, "rh.part_categorie", pct(t->groupe[i], t->n), "%",
			    R_PART, "categorie", groupe_slug[i], NULL);
		figures_add(f, "rh.part_femmes_categorie",
			    pct(t->femmes_groupe[i], t->groupe[i]), "%",
			    "share of women in the category's headcount on 31/12",
			    "categorie", groupe_slug[i], NULL);
	}
	figures_add(f, "rh.age_moyen", t->n ? (double)t->ages / (double)t->n : 0,
		    "ans", "mean of (Y - year of birth) over the headcount on 31/12", NULL);
	figures_add(f, "rh.part_moins_35", pct(t->moins_35, t->n), "%",
		    "share of the headcount on 31/12 aged under 35 on 31/12", NULL);
	for (int s = 0; s < NSEXES; s++)
		for (int b = 0; b < NBANDS; b++)
			figures_add(f, "rh.pyramide", t->pyramide[s][b], "salariés",
				    "headcount on 31/12 by sex and age on 31/12",
				    "sexe", sexe_slug[s], "tranche", band_slug[b], NULL);
	static const char R_RECR[] = "CDI or CDD starting in Y with no contract of the person running the day before";
	figures_add(f, "rh.recrutements", t->recrutements, "recrutements", R_RECR, NULL);
	for (int i = 0; i < 2; i++)
		figures_add(f, "rh.recrutements", t->recrutements_contrat[i],
			    "recrutements", R_RECR, "contrat", contrat_slug[i], NULL);
	static const char R_DEP[] = "contract ending in Y with no contract of the person starting the next day";
	figures_add(f, "rh.departs", t->departs, "départs", R_DEP, NULL);
	add_breakdown(f, "rh.departs", "départs", R_DEP, "motif", t->by_motif);
	figures_add(f, "rh.promotions", t->promotions, "promotions",
		    "headcount on 31/12 whose last promotion is dated in Y", NULL);
	figures_add(f, "rh.rqth", t->rqth, "salariés",
		    "headcount on 31/12 recognised as disabled workers (RQTH)", NULL);
	figures_add(f, "rh.postes_amenages", t->amenages, "postes",
		    "distinct employees with a post adapted in Y, on any contract of Y", NULL);
}

static struct tally *tally_new(void)
{
	struct tally *t = g_new0(struct tally, 1);
	/* keys: slugs s->strings owns */
	t->by_direction = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	t->by_motif = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	return t;
}

static void tally_free(struct tally *t)
{
	g_hash_table_destroy(t->by_direction);
	g_hash_table_destroy(t->by_motif);
	g_free(t);
}

/* Whether a CDI or CDD of p ran during Y. */
static bool is_present(const struct person *p)
{
	for (size_t k = 0; k < p->n; k++)
		if (is_employment(p->c[k].contrat) && p->c[k].active)
			return true;
	return false;
}

/* Spilled: what a row says, kept for the last pass. */
struct say_later {
	struct sorter *out;
	uint32_t line, seq;
};

static void say_later(void *ctx, int what, long ref)
{
	struct say_later *l = ctx;
	sorter_add(l->out, &(struct verdict){ l->line, l->seq++, key_line(ref), (uint32_t)what });
}

/* After the first pass: each person's contracts, in line order, judged
 * and tallied as in memory; the register's matricules for rh_formations. */
static int people_end(void *ctx, int pass)
{
	struct state *s = ctx;
	(void)pass;
	if (sorter_sort(s->rows) != 0)
		return -1;
	struct sorter *said = verdicts_fill(&s->said, s->e);
	s->employees = sorter_new(sizeof(struct key_rec), &key_rec_order, keycheck_share(s->e));
	const struct hr_rec *h = sorter_next(s->rows);
	while (h) {
		struct key_rec who = h->key;
		g_array_set_size(s->scratch, 0);
		for (; h && h->key.lo == who.lo && h->key.hi == who.hi; h = sorter_next(s->rows)) {
			struct person p = { (struct contract *)(void *)s->scratch->data, s->scratch->len };
			struct say_later l = { said, h->key.line, 0 };
			if (judge(&p, &h->c, say_later, &l))
				g_array_append_val(s->scratch, h->c);
		}
		struct person p = { (struct contract *)(void *)s->scratch->data, s->scratch->len };
		bool present = is_present(&p);
		s->present += present;
		tally_person(s->t, &p, s->e);
		sorter_add(s->employees, &(struct key_rec){ who.lo, who.hi, 0, present ? 2 : 1, 0 });
	}
	int rc = sorter_failed(s->rows) || verdicts_done(&s->said) != 0 ||
		 sorter_sort(s->employees) != 0 ? -1 : 0;
	sorter_free(s->rows);
	s->rows = NULL;
	return rc;
}

static void said_begin(void *ctx)
{
	struct state *s = ctx;
	verdicts_rewind(&s->said);
}

static void *start(struct etl *e)
{
	struct state *s = g_new0(struct state, 1);
	s->e = e;
	s->people = keyset_new();
	keycheck_reserve_set(e, &s->people_bytes, s->people);
	s->strings = slug_cache_new();
	s->scratch = g_array_new(FALSE, FALSE, sizeof(struct contract));
	s->t = tally_new();
	if (keycheck_spilled(e)) {
		s->rows = sorter_new(sizeof(struct hr_rec), &key_rec_order, keycheck_share(e));
		keycheck_step(e, &(struct spill_step){ .stage = 1, .begin = said_begin,
							 .end = people_end, .ctx = s });
	}
	return s;
}

/* In memory, each person tallied, and the people set made matricule ->
 * 2 (there during the year) or 1 for rh_formations (spilled, that was
 * done after the first pass). */
static void tally_people(void *state)
{
	struct state *s = state;
	if (s->employees || s->tallied)
		return;
	/* people come in the set's order, their contracts anywhere in the
	 * array: a second walk of the set, sixteen people ahead, asks for
	 * each person's last contract before it is read (the misses were a
	 * sixth of the register's reading) */
	size_t i = 0, lead = 0;
	uint32_t *v, *w;
	for (int k = 0; k < 16 && (w = keyset_next(s->people, &lead)) != NULL; k++)
		__builtin_prefetch(&s->contracts[*w - 1]);
	while ((v = keyset_next(s->people, &i)) != NULL) {
		if ((w = keyset_next(s->people, &lead)) != NULL)
			__builtin_prefetch(&s->contracts[*w - 1]);
		struct person p = person_of(s, (uint32_t)*v);
		bool present = is_present(&p);
		s->present += present;
		*v = present ? 2 : 1;
		tally_person(s->t, &p, s->e);
	}
	s->tallied = true;
}

static void finish(void *state, bool do_emit)
{
	struct state *s = state;
	struct etl *e = s->e;

	if (do_emit) {
		keyset_free(e->employees);
		e->employees = NULL;
		sorter_free(e->employees_sorted);
		e->employees_sorted = NULL;
		if (s->employees) {     /* spilled: tallied after the first pass */
			e->employees_sorted = s->employees;
			e->present = s->present;
			s->employees = NULL;
		} else {
			/* rh_formations is told who is in the register, and
			 * who was there during the year */
			tally_people(s);
			e->employees = s->people;
			e->present = s->present;
			s->people = NULL;
		}
		merge_spellings(s->t->by_direction, sizeof(struct by_direction));
		merge_spellings(s->t->by_motif, sizeof(struct by_motif));
		emit(s->t, e->fig);
		emit_detail(s->t, e->detail);
	}
	tally_free(s->t);
	keyset_free(s->people);
	sorter_free(s->rows);
	sorter_free(s->said.s);
	sorter_free(s->employees);
	g_hash_table_destroy(s->strings);
	g_free(s->contracts);
	g_array_free(s->scratch, TRUE);
	g_free(s);
}

const struct source source_rh_effectifs = {
	"rh_effectifs.csv", cols, NCOLS, start, on_row, finish, NULL,
	128,                             /* a contract, its doubling array, a matricule */
	false,                          /* its first pass parses every row */
	tally_people,
	5.1,                            /* ns a byte at x1000: Windows-1252, four dates a row */
};
