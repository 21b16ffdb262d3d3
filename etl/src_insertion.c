/*
 * src_insertion.c — the work-integration follow-up (exports.md §3): one
 * row per beneficiary contract on an operation.
 */
#include "sources.h"

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

enum type_operation { OP_CHANTIER_INSERTION, OP_CHANTIER_ECOLE, OP_CLAUSE_SOCIALE };
static const struct enum_label types[] = {
	{ "Chantier d'insertion", OP_CHANTIER_INSERTION },
	{ "Chantier école", OP_CHANTIER_ECOLE },
	{ "Clause sociale", OP_CLAUSE_SOCIALE },
	{ NULL, 0 },
};

struct contract {
	const char *operation, *beneficiaire, *contrat;
	size_t operation_len, beneficiaire_len, contrat_len;
	int type;
	day_t debut, fin;
	bool has_fin, sortie_emploi;
	double heures;
};

static bool parse(struct exp_reader *r, const struct exp_row *row,
		  struct contract *c)
{
	const struct exp_field *f = row->col;
	bool ok = true;

	*c = (struct contract){ 0 };
	ok &= exp_text(r, &f[C_OPERATION], &c->operation, &c->operation_len) == EXP_GOT;
	ok &= exp_enum(r, &f[C_TYPE], types, &c->type) == EXP_GOT;
	ok &= exp_text(r, &f[C_BENEFICIAIRE], &c->beneficiaire, &c->beneficiaire_len) == EXP_GOT;
	ok &= exp_text(r, &f[C_CONTRAT], &c->contrat, &c->contrat_len) == EXP_GOT;
	ok &= exp_date(r, &f[C_DEBUT], &c->debut) == EXP_GOT;
	int got = exp_date(r, &f[C_FIN], &c->fin);
	ok &= got != EXP_BAD;
	c->has_fin = got == EXP_GOT;
	ok &= exp_number(r, &f[C_HEURES], &c->heures) == EXP_GOT;
	if (ok && c->heures < 0) {
		exp_reject(r, &f[C_HEURES], "negative hours");
		ok = false;
	}
	ok &= exp_yesno(r, &f[C_SORTIE_EMPLOI], &c->sortie_emploi) != EXP_BAD;
	if (ok && c->has_fin && c->fin < c->debut) {
		exp_reject(r, &f[C_FIN], "contract ends before it starts");
		ok = false;
	}
	return ok;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct contract c;
	(void)ctx;
	parse(r, row, &c);
}

const struct source source_insertion = {
	"insertion.csv", cols, NCOLS, on_row,
};
