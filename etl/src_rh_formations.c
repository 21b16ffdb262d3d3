/*
 * src_rh_formations.c — the training register (exports.md §2): one row per
 * trainee and session.  Trained employees = distinct matricule with a
 * session in Y; hours = sum of the hours of sessions in Y.  Trainees are
 * checked against the HR register when it was read.
 */
#include "sources.h"


enum { C_MATRICULE, C_DATE, C_INTITULE, C_HEURES, C_MODALITE, NCOLS };

static const struct exp_col cols[NCOLS] = {
	[C_MATRICULE] = { "matricule", EXP_REQUIRED | EXP_PERSONAL },
	[C_DATE]      = { "date", EXP_REQUIRED },
	[C_INTITULE]  = { "intitule", 0 },
	[C_HEURES]    = { "heures", EXP_REQUIRED },
	[C_MODALITE]  = { "modalite", 0 },
};

enum modalite { MOD_COLLECTIVE, MOD_INDIVIDUELLE, MOD_NON_PRECISEE, NMODALITES };
static const struct enum_label modalites[] = {
	{ "Collective", MOD_COLLECTIVE }, { "Individuelle", MOD_INDIVIDUELLE },
	{ NULL, 0 },
};
static const char *const modalite_slug[NMODALITES] = {
	"collective", "individuelle", "non_precisee",
};

struct state {
	struct etl *e;
	struct keyset *trained;      /* matricules with a session in Y */
	struct keyset *sessions;     /* matricule, date, hours, title -> line */
	double heures, heures_mod[NMODALITES];
};

static void *start(struct etl *e)
{
	struct state *s = g_new0(struct state, 1);
	s->e = e;
	s->trained = keyset_new();
	s->sessions = keyset_new();
	return s;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct state *s = ctx;
	const struct exp_field *f = row->col;
	const char *m, *title = "";
	size_t mlen, tlen = 0;
	day_t date;
	double heures;
	int mod = MOD_NON_PRECISEE;
	bool ok = true;

	ok &= exp_text(r, &f[C_MATRICULE], &m, &mlen) == EXP_GOT;
	ok &= exp_date(r, &f[C_DATE], &date) == EXP_GOT;
	ok &= exp_number(r, &f[C_HEURES], &heures) == EXP_GOT;
	if (ok && heures < 0) {
		exp_reject(r, &f[C_HEURES], "hours", "negative");
		ok = false;
	}
	exp_text(r, &f[C_INTITULE], &title, &tlen);
	if (f[C_MODALITE].s && !field_is_empty(f[C_MODALITE].s, f[C_MODALITE].len)) {
		mod = field_enum(f[C_MODALITE].s, f[C_MODALITE].len, modalites);
		if (mod < 0) {
			exp_warn(r, &f[C_MODALITE],
				 "training mode counted as not stated: unknown value");
			mod = MOD_NON_PRECISEE;
		}
	}
	if (!ok)
		return;
	struct keybuf id;
	keybuf_init(&id);
	keybuf_add(&id, m, mlen);
	keybuf_add_int(&id, date);
	keybuf_add_int(&id, (long long)(heures * 1000 + 0.5));  /* to the 1/1000 h */
	keybuf_add(&id, title, tlen);
	long first = keybuf_first_seen(s->sessions, &id, row->line);
	if (first) {
		exp_warn_row(r, row->line,
			     "duplicate of the session on line %ld (same trainee, date, hours and title): left out",
			     first);
		return;
	}
	if (date < s->e->first_day || date > s->e->last_day) {
		exp_warn(r, &f[C_DATE], "session left out: date outside %d", s->e->year);
		return;
	}
	if (s->e->employees && !keyset_get(s->e->employees, m, mlen))
		exp_warn(r, &f[C_MATRICULE], "trainee not found in the HR register");
	keyset_put(s->trained, m, mlen, NULL);
	s->heures += heures;
	s->heures_mod[mod] += heures;
}

static void finish(void *state, bool emit)
{
	struct state *s = state;
	struct figures *f = s->e->fig;

	if (emit) {
		figures_add(f, "formation.salaries_formes",
			    keyset_size(s->trained), "salariés",
			    "distinct matricule with a session dated in Y", NULL);
		static const char R_H[] = "sum of the hours of the sessions dated in Y";
		figures_add(f, "formation.heures", s->heures, "heures", R_H, NULL);
		for (int i = 0; i < NMODALITES; i++)
			if (i != MOD_NON_PRECISEE || s->heures_mod[i] > 0)
				figures_add(f, "formation.heures", s->heures_mod[i],
					    "heures", R_H, "modalite",
					    modalite_slug[i], NULL);
	}
	keyset_free(s->trained);
	keyset_free(s->sessions);
	g_free(s);
}

const struct source source_rh_formations = {
	"rh_formations.csv", cols, NCOLS, start, on_row, finish,
	&source_rh_effectifs,           /* the register's matricules */
};
