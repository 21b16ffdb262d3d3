/*
 * src_flotte.c — the vehicle fleet (exports.md §5): one row per vehicle.
 */
#include "sources.h"

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

enum energie { EN_ESSENCE, EN_DIESEL, EN_ELECTRIQUE, EN_HYBRIDE, EN_HYBRIDE_RECH };
static const struct enum_label energies[] = {
	{ "Essence", EN_ESSENCE }, { "Diesel", EN_DIESEL },
	{ "Électrique", EN_ELECTRIQUE }, { "Hybride", EN_HYBRIDE },
	{ "Hybride rechargeable", EN_HYBRIDE_RECH }, { NULL, 0 },
};

enum detention { DET_LLD, DET_PROPRIETE };
static const struct enum_label detentions[] = {
	{ "LLD", DET_LLD }, { "Propriété", DET_PROPRIETE }, { NULL, 0 },
};

struct vehicle {
	const char *immat;
	size_t immat_len;
	int energie, detention;
	day_t debut, fin;
	bool has_fin;
	double co2;
};

static bool parse(struct exp_reader *r, const struct exp_row *row,
		  struct vehicle *v)
{
	const struct exp_field *f = row->col;
	bool ok = true;

	*v = (struct vehicle){ 0 };
	ok &= exp_text(r, &f[C_IMMAT], &v->immat, &v->immat_len) == EXP_GOT;
	ok &= exp_enum(r, &f[C_ENERGIE], energies, &v->energie) == EXP_GOT;
	ok &= exp_enum(r, &f[C_DETENTION], detentions, &v->detention) == EXP_GOT;
	ok &= exp_date(r, &f[C_DEBUT], &v->debut) == EXP_GOT;
	int got = exp_date(r, &f[C_FIN], &v->fin);
	ok &= got != EXP_BAD;
	v->has_fin = got == EXP_GOT;
	got = exp_number(r, &f[C_CO2], &v->co2);
	if (got == EXP_GOT && v->co2 < 0) {
		exp_reject(r, &f[C_CO2], "negative emissions");
		ok = false;
	}
	ok &= got != EXP_BAD;
	if (ok && v->has_fin && v->fin < v->debut) {
		exp_reject(r, &f[C_FIN], "vehicle leaves the fleet before it enters it");
		ok = false;
	}
	return ok;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct vehicle v;
	(void)ctx;
	parse(r, row, &v);
}

const struct source source_flotte = {
	"flotte.csv", cols, NCOLS, on_row,
};
