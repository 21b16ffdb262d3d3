/*
 * src_flotte.c — the vehicle fleet (exports.md §5): one row per vehicle
 * (or lease).  Fleet = distinct plates in service on 31/12/Y (started on
 * or before, not ended before); new = started in Y; low-emission share =
 * electric, hybrid and plug-in hybrid over the fleet.
 */
#include "source.h"
#include "keycheck.h"
#include "i18n.h"


enum { C_IMMAT, C_MARQUE, C_MODELE, C_ENERGIE, C_DETENTION, C_DEBUT, C_FIN,
       C_CO2, C_SITE, NCOLS };

static const struct exp_col cols[NCOLS] = {
	[C_IMMAT]     = { "immatriculation", EXP_REQUIRED },
	[C_MARQUE]    = { "marque", 0 },
	[C_MODELE]    = { "modele", 0 },
	[C_ENERGIE]   = { "energie", EXP_REQUIRED },
	[C_DETENTION] = { "detention", EXP_REQUIRED },
	[C_DEBUT]     = { "date_debut", EXP_REQUIRED },
	[C_FIN]       = { "date_fin", 0 },
	[C_CO2]       = { "co2", 0 },
	[C_SITE]      = { "site", 0 },
};

enum energie { EN_ESSENCE, EN_DIESEL, EN_ELECTRIQUE, EN_HYBRIDE,
	       EN_HYBRIDE_RECH, NENERGIES };
static const struct enum_label energies[] = {
	ENUM_LABEL("Essence", EN_ESSENCE), ENUM_LABEL("Diesel", EN_DIESEL),
	ENUM_LABEL("Gazole", EN_DIESEL),
	ENUM_LABEL("Électrique", EN_ELECTRIQUE),
	ENUM_LABEL("Hybride", EN_HYBRIDE),
	ENUM_LABEL("Hybride rechargeable", EN_HYBRIDE_RECH), ENUM_END,
};
static const char *const energie_slug[NENERGIES] = {
	"essence", "diesel", "electrique", "hybride", "hybride_rechargeable",
};

static const struct enum_label detentions[] = {
	ENUM_LABEL("LLD", 0), ENUM_LABEL("Location longue durée", 0),
	ENUM_LABEL("Propriété", 1),
	ENUM_END,
};

struct state {
	struct etl *e;
	struct firsts *rows;         /* plate and start -> line */
	struct firsts *in_service;   /* plates in service on 31/12 -> line */
	long vehicules[NENERGIES], nouveaux;
};

static void *start(struct etl *e)
{
	struct state *s = g_new0(struct state, 1);
	s->e = e;
	s->rows = firsts_new(e, 1, false);
	s->in_service = firsts_new(e, 2, false);   /* rows the first let through */
	return s;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct state *s = ctx;
	const struct exp_field *f = row->col;
	const char *immat;
	size_t ilen;
	int energie = 0, detention = 0;
	day_t debut, fin = INT32_MAX;
	double co2;
	bool ok = true;

	ok &= exp_text(r, &f[C_IMMAT], &immat, &ilen) == EXP_GOT;
	ok &= exp_enum(r, &f[C_ENERGIE], energies, &energie) == EXP_GOT;
	ok &= exp_enum(r, &f[C_DETENTION], detentions, &detention) == EXP_GOT;
	ok &= exp_date(r, &f[C_DEBUT], &debut) == EXP_GOT;
	ok &= exp_date(r, &f[C_FIN], &fin) != EXP_BAD;
	int got = exp_number(r, &f[C_CO2], &co2);
	if (got == EXP_GOT && co2 < 0) {
		exp_reject(r, &f[C_CO2], N_("emissions"), "negative");
		got = EXP_BAD;
	}
	ok &= got != EXP_BAD;
	if (ok && fin < debut) {
		exp_reject(r, &f[C_FIN], N_("date"), "before the vehicle's start");
		ok = false;
	}
	if (!ok)
		return;
	struct keybuf id;
	keybuf_init(&id);
	keybuf_add(&id, immat, ilen);
	keybuf_add_int(&id, debut);
	long first = firsts_keybuf(s->rows, &id, row->line);
	if (first == KEY_PENDING)
		return;
	bool in_service = debut <= s->e->last_day && fin >= s->e->last_day;
	long first_in = 0;
	if (!first && in_service)
		first_in = firsts_check(s->in_service, immat, ilen, row->line, 0, NULL);
	if (first_in == KEY_PENDING || !keycheck_final(s->e))
		return;
	if (first) {
		exp_warn_row(r, row->line,
			     "duplicate of line %ld (same plate and start): left out", first);
		return;
	}
	if (debut >= s->e->first_day && debut <= s->e->last_day)
		s->nouveaux++;
	if (debut > s->e->last_day)
		exp_warn(r, &f[C_DEBUT], "vehicle enters the fleet after %d", s->e->year);
	if (fin < s->e->first_day)
		exp_warn(r, &f[C_FIN], "vehicle left the fleet before %d", s->e->year);
	if (in_service) {
		if (first_in) {
			exp_warn_row(r, row->line,
				     "vehicle '%.*s' is already in service on line %ld: counted once",
				     (int)ilen, immat, first_in);
			return;
		}
		s->vehicules[energie]++;
	}
}

static void finish(void *state, bool emit)
{
	struct state *s = state;
	struct figures *f = s->e->fig;

	if (emit) {
		static const char R_V[] = "distinct plates in service on 31/12 (started on or before, ending on or after)";
		long n = 0;
		for (int i = 0; i < NENERGIES; i++)
			n += s->vehicules[i];
		figures_add(f, "flotte.vehicules", n, "véhicules", R_V, NULL);
		for (int i = 0; i < NENERGIES; i++)
			figures_add(f, "flotte.vehicules", s->vehicules[i], "véhicules",
				    R_V, "energie", energie_slug[i], NULL);
		long low = s->vehicules[EN_ELECTRIQUE] + s->vehicules[EN_HYBRIDE] +
			   s->vehicules[EN_HYBRIDE_RECH];
		figures_add(f, "flotte.part_faibles_emissions",
			    n ? 100.0 * (double)low / (double)n : 0, "%",
			    "electric, hybrid and plug-in hybrid vehicles over the fleet on 31/12",
			    NULL);
		figures_add(f, "flotte.nouveaux", s->nouveaux, "véhicules",
			    "vehicles whose lease or purchase starts in Y", NULL);
	}
	firsts_free(s->in_service);
	firsts_free(s->rows);
	g_free(s);
}

const struct source source_flotte = {
	"flotte.csv", cols, NCOLS, start, on_row, finish, NULL,
	64,                             /* a row and a plate */
	false,                          /* its first pass parses every row */
	NULL,                           /* nothing to tally apart */
	7.4,                            /* ns a byte at x1000: short lines */
};
