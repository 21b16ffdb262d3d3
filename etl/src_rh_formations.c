/*
 * src_rh_formations.c — the training register (exports.md §2): one row per
 * trainee and session.  Trained employees = distinct matricule with a
 * session in Y; hours = sum of the hours of sessions in Y.  Trainees are
 * checked against the HR register when it was read.
 */
#include "source.h"
#include "keycheck.h"
#include "i18n.h"

#include <errno.h>


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
	ENUM_LABEL("Collective", MOD_COLLECTIVE),
	ENUM_LABEL("Individuelle", MOD_INDIVIDUELLE),
	ENUM_END,
};
static const char *const modalite_slug[NMODALITES] = {
	"collective", "individuelle", "non_precisee",
};

/* Whether trainees are in the register: asked of the register's key set
 * when it is in memory; when it was read spilled, each row's matricule is
 * recorded in the first pass, and the records sorted by key are walked
 * beside the register's (both in hash order): the rows not found, sorted
 * back by line, are the verdicts of the later passes. */
struct lookup {
	struct etl *e;
	struct sorter *keys;
	struct verdicts missing;
};

struct state {
	struct etl *e;
	struct distinct *trained;    /* matricules with a session in Y */
	struct firsts *sessions;     /* matricule, date, hours, title -> line */
	struct lookup known;
	double heures, heures_mod[NMODALITES];
};

static void lookup_begin(void *ctx)
{
	struct lookup *l = ctx;
	verdicts_rewind(&l->missing);
}

static int lookup_end(void *ctx, int pass)
{
	struct lookup *l = ctx;
	(void)pass;
	struct sorter *reg = l->e->employees_sorted;
	if (sorter_sort(l->keys) != 0)
		return -1;
	struct sorter *out = verdicts_fill(&l->missing, l->e);
	sorter_rewind(reg);
	const struct key_rec *k, *e = sorter_next(reg);
	while ((k = sorter_next(l->keys)) != NULL) {
		while (e && key_rec_before(e, k))
			e = sorter_next(reg);
		if (e && !key_rec_before(k, e))
			continue;       /* the same hash: in the register */
		if (sorter_add(out, &(struct verdict){ k->line, 0, 0, 0 }) != 0)
			break;
	}
	int rc = sorter_failed(l->keys) || sorter_failed(reg) ||
		 verdicts_done(&l->missing) != 0 ? -1 : 0;
	sorter_free(l->keys);
	l->keys = NULL;
	return rc;
}

/* Whether the matricule hashed in m is in the register (true when it
 * was not read); KEY_PENDING while recording. */
static int lookup(struct lookup *l, const struct key *m, long line)
{
	struct etl *e = l->e;
	if (e->employees)
		return keyset_get_hash(e->employees, m->lo, m->hi) != NULL;
	if (!e->employees_sorted)
		return true;
	if (l->keys) {
		struct key_rec r = { .lo = m->lo, .hi = m->hi, .line = key_line(line) };
		if (sorter_add(l->keys, &r) != 0 && !e->spill->error)
			e->spill->error = EIO;
		return (int)keycheck_pending(e, true);  /* in hope: known */
	}
	return verdicts_at(&l->missing, line) == NULL;
}

static void *start(struct etl *e)
{
	struct state *s = g_new0(struct state, 1);
	s->e = e;
	s->trained = distinct_new(e);
	s->sessions = firsts_new(e, 1, false);
	s->known.e = e;
	if (e->employees_sorted && !keycheck_spilled(e)) {
		e->spill->over = true;  /* the register is on disk: read spilled */
	} else if (e->employees_sorted) {
		s->known.keys = sorter_new(sizeof(struct key_rec), &key_rec_order,
					   keycheck_share(e));
		keycheck_step(e, &(struct spill_step){ .stage = 1, .begin = lookup_begin,
							 .end = lookup_end, .ctx = &s->known });
	}
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
	/* hashed first: the register's and the trainees' slots load while
	 * the row is parsed (three tables of megabytes a row) */
	struct key mk = ok ? distinct_key(s->trained, m, mlen) : (struct key){ 0 };
	if (ok && s->e->employees)
		keyset_prefetch(s->e->employees, mk.lo);
	ok &= exp_date(r, &f[C_DATE], &date) == EXP_GOT;
	ok &= exp_number(r, &f[C_HEURES], &heures) == EXP_GOT;
	if (ok && heures < 0) {
		exp_reject(r, &f[C_HEURES], N_("hours"), "negative");
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
	struct key sk = firsts_key(s->sessions, id.p, id.n);
	keybuf_release(&id);
	int known = lookup(&s->known, &mk, row->line);
	long first = firsts_check_key(s->sessions, &sk, row->line, 0, NULL);
	if (first == KEY_PENDING || known == (int)KEY_PENDING || !keycheck_final(s->e))
		return;
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
	if (!known)
		exp_warn(r, &f[C_MATRICULE], "trainee not found in the HR register");
	distinct_add_key(s->trained, &mk, 0);
	s->heures += heures;
	s->heures_mod[mod] += heures;
}

static void finish(void *state, bool emit)
{
	struct state *s = state;
	struct figures *f = s->e->fig;

	if (emit) {
		figures_add(f, "formation.salaries_formes",
			    distinct_count(s->trained, -1), "salariés",
			    "distinct matricule with a session dated in Y", NULL);
		static const char R_H[] = "sum of the hours of the sessions dated in Y";
		figures_add(f, "formation.heures", s->heures, "heures", R_H, NULL);
		for (int i = 0; i < NMODALITES; i++)
			if (i != MOD_NON_PRECISEE || s->heures_mod[i] > 0)
				figures_add(f, "formation.heures", s->heures_mod[i],
					    "heures", R_H, "modalite",
					    modalite_slug[i], NULL);
	}
	distinct_free(s->trained);
	firsts_free(s->sessions);
	sorter_free(s->known.keys);
	sorter_free(s->known.missing.s);
	g_free(s);
}

const struct source source_rh_formations = {
	"rh_formations.csv", cols, NCOLS, start, on_row, finish,
	"rh_effectifs.csv",             /* the register's matricules */
	48,                             /* a session, some trainees */
	false,                          /* its first pass parses every row */
	NULL,                           /* nothing to tally apart */
	5.9,                            /* ns a byte at x1000: Windows-1252, libcsv for its quoted third */
};
