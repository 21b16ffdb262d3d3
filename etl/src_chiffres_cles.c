/*
 * src_chiffres_cles.c — the declared figures (exports.md §6): one row per
 * indicator and year.  A figure declared for the year Y alone keeps no
 * dimension; one declared for several years (or another year only) gets
 * annee= on each, so that renderers can compare years.  An indicator
 * declared twice for one year, or under the id of a computed figure, is
 * an error.
 */
#include "source.h"
#include "keycheck.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

enum { C_INDICATEUR, C_ANNEE, C_VALEUR, C_UNITE, C_SOURCE, NCOLS };

static const struct exp_col cols[NCOLS] = {
	[C_INDICATEUR] = { "indicateur", EXP_REQUIRED },
	[C_ANNEE]      = { "annee", EXP_REQUIRED },
	[C_VALEUR]     = { "valeur", EXP_REQUIRED },
	[C_UNITE]      = { "unite", 0 },
	[C_SOURCE]     = { "source", 0 },
};

/* The ids figures.md reserves for the figures computed from exports. */
static const char *const computed[] = {
	"rh.effectif", "rh.etp", "rh.part_femmes", "rh.part_hommes",
	"rh.part_proximite", "rh.part_categorie", "rh.part_femmes_categorie",
	"rh.age_moyen", "rh.part_moins_35", "rh.pyramide", "rh.recrutements",
	"rh.departs", "rh.promotions", "rh.rqth", "rh.postes_amenages",
	"formation.salaries_formes", "formation.heures",
	"insertion.operations", "insertion.heures", "insertion.cddi",
	"insertion.sorties_emploi", "enquete.entretiens",
	"enquete.satisfaction", "flotte.vehicules",
	"flotte.part_faibles_emissions", "flotte.nouveaux",
};

/* An id: its text, how often it is declared, and whether for the year Y. */
struct years {
	const char *id;                 /* in state.strings */
	int n;
	bool this_year;
};

struct declared {
	const char *unit, *rule;        /* in state.strings */
	uint32_t id;                    /* its struct years, in state.years */
	int year;
	double value;
	long line;
};

struct state {
	struct etl *e;
	GArray *rows;                /* struct declared, in file order */
	struct keyset *seen;         /* id and year -> line */
	GStringChunk *strings;       /* ids, units and rules, each once */
	/* id -> 1 + its index in years: a key set (hashed once, room made
	 * at once), not a table of strings and a struct allocated an id */
	struct keyset *ids;
	GArray *years;               /* struct years */
	struct keyset *computed;     /* the ids of computed[], looked up as written */
	/* the last rows' unit (interned, value: is a date) and source (its
	 * rule, interned) */
	struct last_text unit, source;
};

static bool valid_id(const char *s, size_t len)
{
	bool part_start = true;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (c == '.' || c == '_') {
			if (part_start)
				return false;
			part_start = c == '.';
		} else if (!alnum) {
			return false;
		} else {
			part_start = false;
		}
	}
	return len > 0 && !part_start && memchr(s, '.', len) != NULL;
}


static void *start(struct etl *e)
{
	struct state *s = g_new0(struct state, 1);
	s->e = e;
	/* room for as many rows as the file promises (spill.rows): grown
	 * by doubling, the rows and their keys were copied again and again.
	 * A hint, bounded: a file of short first lines promises more rows
	 * than it holds, and an office declares a few hundred figures */
	guint expect = e->spill ? (guint)MIN(e->spill->rows, (uint64_t)1 << 20) : 0;
	s->rows = g_array_sized_new(FALSE, FALSE, sizeof(struct declared), expect);
	s->seen = keyset_new();
	s->ids = keyset_new();
	if (expect) {   /* (a hint: grown if short) */
		keyset_reserve(s->seen, expect);
		keyset_reserve(s->ids, expect);
	}
	s->years = g_array_new(FALSE, FALSE, sizeof(struct years));
	s->strings = g_string_chunk_new(1 << 16);
	s->computed = keyset_new();
	for (size_t i = 0; s->computed && i < sizeof computed / sizeof *computed; i++)
		if (!keyset_put(s->computed, computed[i], strlen(computed[i]), NULL)) {
			keyset_free(s->computed);
			s->computed = NULL;     /* each row is then refused (on_row) */
		}
	s->unit = s->source = (struct last_text)LAST_TEXT_INIT;
	return s;
}

/* The row's value, read as its unit says (a date: yyyymmdd); the unit
 * worked out in s->unit.  false after saying why not. */
static bool read_value(struct state *s, struct exp_reader *r, const struct exp_field *f,
		       double *valeur)
{
	const char *unit = "";
	size_t ulen = 0;
	exp_text(r, &f[C_UNITE], &unit, &ulen);
	if (!last_text_is(&s->unit, unit, ulen)) {
		char *u = g_strndup(unit, ulen), ukey[8];
		last_text_keep(&s->unit, unit, ulen);
		s->unit.made = g_string_chunk_insert_const(s->strings, u);
		s->unit.value = !strcmp(text_key(unit, ulen, ukey, sizeof ukey), "date");
		g_free(u);
	}
	if (!s->unit.value)
		return exp_number(r, &f[C_VALEUR], valeur) == EXP_GOT;
	day_t day;
	int y, m, dd;
	if (exp_date(r, &f[C_VALEUR], &day) != EXP_GOT)
		return false;
	day_to_ymd(day, &y, &m, &dd);
	*valeur = y * 10000 + m * 100 + dd;
	return true;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct state *s = ctx;
	const struct exp_field *f = row->col;
	const char *id, *src = "";
	size_t idlen, slen = 0;
	double annee, valeur;
	bool ok = true;

	ok &= exp_text(r, &f[C_INDICATEUR], &id, &idlen) == EXP_GOT;
	if (ok && !valid_id(id, idlen)) {
		exp_reject(r, &f[C_INDICATEUR], N_("indicator id"),
			   "expected lower-case words joined by '_' and '.', like 'patrimoine.logements_rehabilites'");
		ok = false;
	}
	if (exp_number(r, &f[C_ANNEE], &annee) != EXP_GOT)
		ok = false;
	else if (annee != floor(annee) || annee < 1900 || annee > 2100) {
		exp_reject(r, &f[C_ANNEE], N_("year"), "expected a whole year from 1900 to 2100");
		ok = false;
	}
	ok &= read_value(s, r, f, &valeur);
	exp_text(r, &f[C_SOURCE], &src, &slen);
	if (!ok)
		return;
	if (!s->computed) {
		exp_reject(r, &f[C_INDICATEUR], N_("indicator id"), "out of memory");
		return;
	}
	if (keyset_get(s->computed, id, idlen)) {
		exp_reject(r, &f[C_INDICATEUR], N_("indicator id"),
			   "computed from the exports, it cannot be declared");
		return;
	}
	struct keybuf yid;
	keybuf_init(&yid);
	keybuf_add(&yid, id, idlen);
	keybuf_add_int(&yid, (long long)annee);
	long first = keybuf_first_seen(s->seen, &yid, row->line);
	if (first) {
		exp_reject(r, &f[C_INDICATEUR], N_("indicator id"),
			   "declared twice for %d (first on line %ld)", (int)annee, first);
		return;
	}
	if (!last_text_is(&s->source, src, slen)) {
		char *rule = slen ? g_strdup_printf("declared by %.*s", (int)slen, src) : NULL;
		last_text_keep(&s->source, src, slen);
		s->source.made = g_string_chunk_insert_const(s->strings, rule ? rule : "declared");
		g_free(rule);
	}
	/* the id's years, its text kept once */
	bool added;
	uint32_t *at = keyset_put(s->ids, id, idlen, &added);
	if (!at) {
		exp_reject(r, &f[C_INDICATEUR], N_("indicator id"), "out of memory");
		return;
	}
	if (added) {
		struct years y = { g_string_chunk_insert_len(s->strings, id, (gssize)idlen), 0, false };
		g_array_append_val(s->years, y);
		*at = s->years->len;
	}
	struct declared d = {
		.unit = s->unit.made, .rule = s->source.made, .id = *at - 1,
		.year = (int)annee, .value = valeur, .line = row->line,
	};
	struct years *y = &g_array_index(s->years, struct years, d.id);
	y->n++;
	y->this_year |= d.year == s->e->year;
	g_array_append_val(s->rows, d);
}

static void finish(void *state, bool emit)
{
	struct state *s = state;
	GArray *rows = s->rows;

	if (emit) {     /* the ids, units and rules are the table's */
		figures_reserve(s->e->fig, rows->len);
		figures_adopt(s->e->fig, s->strings);
		s->strings = NULL;
	}
	for (guint i = 0; emit && i < rows->len; i++) {
		const struct declared *d = &g_array_index(rows, struct declared, i);
		struct years *y = &g_array_index(s->years, struct years, d->id);
		if (!y->this_year) {
			diag_add(s->e->diag, DIAG_WARNING, s->e->path, d->line, 0,
				 "'%s' is not declared for %d", y->id, s->e->year);
			y->this_year = true;         /* say it once */
			y->n++;                      /* and keep annee= */
		}
		char dims[32] = "";
		if (y->n > 1 || d->year != s->e->year)
			snprintf(dims, sizeof dims, "annee=%d", d->year);
		figures_add_kept(s->e->fig, y->id, dims, d->value, d->unit, d->rule);
		if (d->year == s->e->year && !strcmp(d->unit, "date")) {
			int v = (int)d->value;
			day_t day = day_from_ymd(v / 10000, v / 100 % 100, v % 100);
			if (!strcmp(y->id, "enquete.date_debut"))
				s->e->survey_from = day;
			else if (!strcmp(y->id, "enquete.date_fin"))
				s->e->survey_to = day;
		}
	}
	keyset_free(s->ids);
	g_array_free(s->years, TRUE);
	keyset_free(s->computed);
	keyset_free(s->seen);
	if (s->strings)
		g_string_chunk_free(s->strings);
	g_array_free(rows, TRUE);
	g_free(s);
}

const struct source source_chiffres_cles = {
	"chiffres_cles.csv", cols, NCOLS, start, on_row, finish, NULL,
	0,                             /* its figures are the result: held */
	false,                          /* its first pass parses every row */
	NULL,                           /* nothing to tally apart */
	11,                             /* ns a byte at x1000: its ids checked three ways, each a figure */
};
