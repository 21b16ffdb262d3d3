/*
 * src_insertion.c — the work-integration follow-up (exports.md §3): one
 * row per beneficiary contract on an operation.  Operations = distinct
 * operation per type with hours in Y; hours = sum of the hours column
 * (hours worked in Y); CDDI = CDDI contracts starting in Y; exits to a
 * job = distinct beneficiaries whose export says they left for a job or
 * training (sortie_emploi), as exports.md defines it; a flag on a
 * contract still running after 31/12/Y is counted, and warned about.
 */
#include "source.h"
#include "keycheck.h"
#include "i18n.h"



enum { C_OPERATION, C_TYPE, C_COMMUNE, C_STRUCTURE, C_BENEFICIAIRE,
       C_CONTRAT, C_DEBUT, C_FIN, C_HEURES, C_SORTIE_EMPLOI, NCOLS };

static const struct exp_col cols[NCOLS] = {
	[C_OPERATION]     = { "operation", EXP_REQUIRED },
	[C_TYPE]          = { "type_operation", EXP_REQUIRED },
	[C_COMMUNE]       = { "commune", 0 },
	[C_STRUCTURE]     = { "structure", 0 },
	[C_BENEFICIAIRE]  = { "beneficiaire", EXP_REQUIRED | EXP_PERSONAL },
	[C_CONTRAT]       = { "type_contrat", EXP_REQUIRED },
	[C_DEBUT]         = { "date_debut", EXP_REQUIRED },
	[C_FIN]           = { "date_fin", 0 },
	[C_HEURES]        = { "heures", EXP_REQUIRED },
	[C_SORTIE_EMPLOI] = { "sortie_emploi", 0 },
};

enum type { OP_CHANTIER_INSERTION, OP_CHANTIER_ECOLE, OP_CLAUSE_SOCIALE, NTYPES };
static const struct enum_label types[] = {
	ENUM_LABEL("Chantier d'insertion", OP_CHANTIER_INSERTION),
	ENUM_LABEL("Chantier école", OP_CHANTIER_ECOLE),
	ENUM_LABEL("Clause sociale", OP_CLAUSE_SOCIALE),
	ENUM_END,
};
static const char *const type_slug[NTYPES] = {
	"chantier_insertion", "chantier_ecole", "clause_sociale",
};

/* The contract type that makes a CDDI job. */
static const struct enum_label cddi[] = { ENUM_LABEL("CDDI", 1), ENUM_END };

struct state {
	struct etl *e;
	struct firsts *rows;        /* operation, beneficiary, start -> line */
	struct firsts *operations;  /* code -> type + 1 of its first row */
	struct distinct *with_hours;    /* codes with hours, by type */
	struct distinct *sorties;   /* beneficiaries who left for a job */
	double heures, heures_type[NTYPES];
	long cddi;
	struct last_text contrat;   /* the last row's, value: a CDDI */
};

static void *start(struct etl *e)
{
	struct state *s = g_new0(struct state, 1);
	s->e = e;
	s->rows = firsts_new(e, 1, false);
	s->operations = firsts_new(e, 2, true);     /* rows the first let through */
	s->contrat = (struct last_text)LAST_TEXT_INIT;
	s->with_hours = distinct_new(e);
	s->sorties = distinct_new(e);
	return s;
}

/* Whether a contract written text[0, len) is a CDDI: the last row's
 * answer for the same text (the other kinds of contract miss the label
 * and would be folded, accents and case, on every row). */
static bool is_cddi(struct state *s, const char *text, size_t len)
{
	if (!last_text_is(&s->contrat, text, len)) {
		last_text_keep(&s->contrat, text, len);
		s->contrat.value = field_enum(text, len, cddi) == 1;
	}
	return s->contrat.value;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct state *s = ctx;
	const struct exp_field *f = row->col;
	const char *op, *benef, *contrat;
	size_t oplen, blen, clen;
	int type = 0;
	day_t debut, fin = 0;
	double heures;
	bool sortie = false, ok = true;

	ok &= exp_text(r, &f[C_OPERATION], &op, &oplen) == EXP_GOT;
	ok &= exp_enum(r, &f[C_TYPE], types, &type) == EXP_GOT;
	ok &= exp_text(r, &f[C_BENEFICIAIRE], &benef, &blen) == EXP_GOT;
	ok &= exp_text(r, &f[C_CONTRAT], &contrat, &clen) == EXP_GOT;
	ok &= exp_date(r, &f[C_DEBUT], &debut) == EXP_GOT;
	int got_fin = exp_date(r, &f[C_FIN], &fin);
	ok &= got_fin != EXP_BAD;
	ok &= exp_number(r, &f[C_HEURES], &heures) == EXP_GOT;
	if (ok && heures < 0) {
		exp_reject(r, &f[C_HEURES], N_("hours"), "negative");
		ok = false;
	}
	ok &= exp_yesno(r, &f[C_SORTIE_EMPLOI], &sortie) != EXP_BAD;
	if (ok && got_fin == EXP_GOT && fin < debut) {
		exp_reject(r, &f[C_FIN], N_("date"), "before the contract's start");
		ok = false;
	}
	if (!ok)
		return;

	struct keybuf id;
	keybuf_init(&id);
	keybuf_add(&id, op, oplen);
	keybuf_add(&id, benef, blen);
	keybuf_add_int(&id, debut);
	long first = firsts_keybuf(s->rows, &id, row->line);
	if (first == KEY_PENDING)
		return;
	/* An operation keeps the type of its first row. */
	uint32_t first_type = (uint32_t)type + 1;
	long known = 0;
	if (!first)
		known = firsts_check(s->operations, op, oplen, row->line,
				     (uint32_t)type + 1, &first_type);
	if (known == KEY_PENDING || !keycheck_final(s->e))
		return;
	if (first) {
		exp_warn_row(r, row->line,
			     "duplicate of the contract on line %ld (same operation, beneficiary and start): left out",
			     first);
		return;
	}
	if (known) {                    /* its first row has another type */
		exp_warn(r, &f[C_TYPE],
			 "operation '%.*s' has another type on an earlier line: the first one is kept",
			 (int)oplen, op);
		type = (int)first_type - 1;
	}
	if (heures > 0 && debut > s->e->last_day)
		exp_warn(r, &f[C_HEURES], "hours on a contract that starts after %d",
			 s->e->year);
	if (heures > 0)
		distinct_add(s->with_hours, op, oplen, (uint32_t)type);
	s->heures += heures;
	s->heures_type[type] += heures;
	if (debut >= s->e->first_day && debut <= s->e->last_day && is_cddi(s, contrat, clen))
		s->cddi++;
	if (sortie) {
		distinct_add(s->sorties, benef, blen, 0);
		if (got_fin != EXP_GOT || fin > s->e->last_day)
			exp_warn(r, &f[C_SORTIE_EMPLOI],
				 "counted as left for a job, though the contract runs past 31/12/%d,",
				 s->e->year);
	}
}

static void finish(void *state, bool emit)
{
	struct state *s = state;
	struct figures *f = s->e->fig;

	if (emit) {
		for (int i = 0; i < NTYPES; i++)
			figures_add(f, "insertion.operations",
				    distinct_count(s->with_hours, i), "opérations",
				    "distinct operation codes of the type with hours in Y",
				    "type", type_slug[i], NULL);
		static const char R_H[] = "sum of the integration hours worked in Y";
		figures_add(f, "insertion.heures", s->heures, "heures", R_H, NULL);
		for (int i = 0; i < NTYPES; i++)
			figures_add(f, "insertion.heures", s->heures_type[i], "heures",
				    R_H, "type", type_slug[i], NULL);
		figures_add(f, "insertion.cddi", s->cddi, "contrats",
			    "contracts of type CDDI starting in Y", NULL);
		figures_add(f, "insertion.sorties_emploi",
			    distinct_count(s->sorties, -1), "bénéficiaires",
			    "distinct beneficiaries the export says left for a job or training",
			    NULL);
	}
	firsts_free(s->rows);
	firsts_free(s->operations);
	distinct_free(s->with_hours);
	distinct_free(s->sorties);
	g_free(s);
}

const struct source source_insertion = {
	"insertion.csv", cols, NCOLS, start, on_row, finish, NULL,
	64,                             /* a contract, some operations and beneficiaries */
	false,                          /* its first pass parses every row */
	NULL,                           /* nothing to tally apart */
	3.5,                            /* ns a byte, read alone at x1000 */
};
