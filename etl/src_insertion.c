/*
 * src_insertion.c — the work-integration follow-up (exports.md §3): one
 * row per beneficiary contract on an operation.  Operations = distinct
 * operation per type with hours in Y; hours = sum of the hours column
 * (hours worked in Y); CDDI = CDDI contracts starting in Y; exits to a
 * job = distinct beneficiaries with sortie_emploi on a contract ending
 * in Y.
 */
#include "sources.h"

#include <string.h>

#include "text.h"

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
	{ "Chantier d'insertion", OP_CHANTIER_INSERTION },
	{ "Chantier école", OP_CHANTIER_ECOLE },
	{ "Clause sociale", OP_CLAUSE_SOCIALE },
	{ NULL, 0 },
};
static const char *const type_slug[NTYPES] = {
	"chantier_insertion", "chantier_ecole", "clause_sociale",
};

struct state {
	struct etl *e;
	GHashTable *operations;     /* code -> type + 1 */
	GHashTable *with_hours;     /* codes with hours in Y */
	GHashTable *sorties;        /* beneficiaries who left for a job */
	GHashTable *rows;           /* "operation|beneficiary|start" -> line */
	double heures, heures_type[NTYPES];
	long cddi;
};

static void *start(struct etl *e)
{
	struct state *s = g_new0(struct state, 1);
	s->e = e;
	s->operations = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	s->with_hours = g_hash_table_new(g_str_hash, g_str_equal);
	s->sorties = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	s->rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return s;
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
		exp_reject(r, &f[C_HEURES], "hours", "negative");
		ok = false;
	}
	ok &= exp_yesno(r, &f[C_SORTIE_EMPLOI], &sortie) != EXP_BAD;
	if (ok && got_fin == EXP_GOT && fin < debut) {
		exp_reject(r, &f[C_FIN], "date", "before the contract's start");
		ok = false;
	}
	if (!ok)
		return;

	char *id = g_strdup_printf("%.*s|%.*s|%d", (int)oplen, op, (int)blen,
				   benef, (int)debut);
	long first = first_seen(s->rows, id, row->line);
	if (first) {
		exp_warn_row(r, row->line,
			     "duplicate of the contract on line %ld (same operation, beneficiary and start): left out",
			     first);
		return;
	}

	/* An operation keeps the type of its first row. */
	char *code = g_strndup(op, oplen), *stored;
	gpointer known;
	if (g_hash_table_lookup_extended(s->operations, code, (gpointer *)&stored,
					 &known)) {
		if (GPOINTER_TO_INT(known) != type + 1)
			exp_warn(r, &f[C_TYPE],
				 "operation '%s' has another type on an earlier line: the first one is kept",
				 code);
		type = GPOINTER_TO_INT(known) - 1;
		g_free(code);
	} else {
		g_hash_table_insert(s->operations, code, GINT_TO_POINTER(type + 1));
		stored = code;
	}
	if (heures > 0 && debut > s->e->last_day)
		exp_warn(r, &f[C_HEURES], "hours on a contract that starts after %d",
			 s->e->year);
	if (heures > 0)
		g_hash_table_add(s->with_hours, stored);   /* borrowed key */
	s->heures += heures;
	s->heures_type[type] += heures;
	char ckey[16];
	if (debut >= s->e->first_day && debut <= s->e->last_day &&
	    !strcmp(text_key(contrat, clen, ckey, sizeof ckey), "cddi"))
		s->cddi++;
	if (sortie && got_fin == EXP_GOT && fin >= s->e->first_day &&
	    fin <= s->e->last_day)
		g_hash_table_add(s->sorties, g_strndup(benef, blen));
}

static void finish(void *state, bool emit)
{
	struct state *s = state;
	struct figures *f = s->e->fig;

	if (emit) {
		long ops[NTYPES] = { 0 };
		GHashTableIter it;
		gpointer key, type;
		g_hash_table_iter_init(&it, s->operations);
		while (g_hash_table_iter_next(&it, &key, &type))
			if (g_hash_table_contains(s->with_hours, key))
				ops[GPOINTER_TO_INT(type) - 1]++;
		for (int i = 0; i < NTYPES; i++)
			figures_add(f, "insertion.operations", ops[i], "opérations",
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
			    g_hash_table_size(s->sorties), "bénéficiaires",
			    "distinct beneficiaries leaving for a job or training on a contract ending in Y",
			    NULL);
	}
	g_hash_table_destroy(s->with_hours);
	g_hash_table_destroy(s->operations);
	g_hash_table_destroy(s->sorties);
	g_hash_table_destroy(s->rows);
	g_free(s);
}

const struct source source_insertion = {
	"insertion.csv", cols, NCOLS, start, on_row, finish,
};
