/*
 * src_rh_effectifs.c — the HR headcount register (exports.md §1): one row
 * per employment contract active at some time in the year.
 */
#include "sources.h"

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

enum sexe { SEXE_F, SEXE_H };
static const struct enum_label sexes[] = {
	{ "F", SEXE_F }, { "H", SEXE_H }, { "M", SEXE_H },
	{ "Femme", SEXE_F }, { "Homme", SEXE_H }, { NULL, 0 },
};

enum contrat { CT_CDI, CT_CDD, CT_APPRENTI, CT_PRO, CT_STAGE };
static const struct enum_label contrats[] = {
	{ "CDI", CT_CDI }, { "CDD", CT_CDD }, { "Apprentissage", CT_APPRENTI },
	{ "Contrat de professionnalisation", CT_PRO }, { "Stage", CT_STAGE },
	{ NULL, 0 },
};

enum categorie { CAT_CADRE, CAT_MAITRISE, CAT_EMPLOYE, CAT_OUVRIER };
static const struct enum_label categories[] = {
	{ "Cadre", CAT_CADRE }, { "Agent de maîtrise", CAT_MAITRISE },
	{ "Employé", CAT_EMPLOYE }, { "Ouvrier", CAT_OUVRIER }, { NULL, 0 },
};

/* One contract, as read from a row. */
struct contract {
	day_t naissance, entree, sortie, promotion;
	bool has_sortie, has_promotion, proximite, rqth, amenage;
	int sexe, contrat, categorie;
	double temps;
	const char *matricule, *direction, *motif;
	size_t matricule_len, direction_len, motif_len;
};

/* Parses one row into c; false when a value was rejected (reported). */
static bool parse(struct exp_reader *r, const struct exp_row *row,
		  struct contract *c)
{
	const struct exp_field *f = row->col;
	bool ok = true;

	*c = (struct contract){ .temps = 100 };
	ok &= exp_text(r, &f[C_MATRICULE], &c->matricule, &c->matricule_len) == EXP_GOT;
	ok &= exp_enum(r, &f[C_SEXE], sexes, &c->sexe) == EXP_GOT;
	ok &= exp_date(r, &f[C_NAISSANCE], &c->naissance) == EXP_GOT;
	ok &= exp_date(r, &f[C_ENTREE], &c->entree) == EXP_GOT;
	int got = exp_date(r, &f[C_SORTIE], &c->sortie);
	ok &= got != EXP_BAD;
	c->has_sortie = got == EXP_GOT;
	if (exp_text(r, &f[C_MOTIF], &c->motif, &c->motif_len) != EXP_GOT)
		c->motif = NULL;
	ok &= exp_enum(r, &f[C_CONTRAT], contrats, &c->contrat) == EXP_GOT;
	ok &= exp_enum(r, &f[C_CATEGORIE], categories, &c->categorie) == EXP_GOT;
	ok &= exp_yesno(r, &f[C_PROXIMITE], &c->proximite) != EXP_BAD;
	got = exp_number(r, &f[C_TEMPS], &c->temps);
	if (got == EXP_GOT && (c->temps <= 0 || c->temps > 100)) {
		exp_reject(r, &f[C_TEMPS], "working time must be above 0 and at most 100 %%");
		ok = false;
	}
	ok &= got != EXP_BAD;
	ok &= exp_text(r, &f[C_DIRECTION], &c->direction, &c->direction_len) == EXP_GOT;
	ok &= exp_yesno(r, &f[C_RQTH], &c->rqth) != EXP_BAD;
	ok &= exp_yesno(r, &f[C_AMENAGE], &c->amenage) != EXP_BAD;
	got = exp_date(r, &f[C_PROMOTION], &c->promotion);
	ok &= got != EXP_BAD;
	c->has_promotion = got == EXP_GOT;
	if (ok && c->has_sortie && c->sortie < c->entree) {
		exp_reject(r, &f[C_SORTIE], "contract ends before it starts");
		ok = false;
	}
	if (ok && c->entree < c->naissance) {
		exp_reject(r, &f[C_ENTREE], "contract starts before the birth date");
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

const struct source source_rh_effectifs = {
	"rh_effectifs.csv", cols, NCOLS, on_row,
};
