/*
 * src_rh_formations.c — the training register (exports.md §2): one row per
 * trainee and session.
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

enum modalite { MOD_UNKNOWN = -1, MOD_COLLECTIVE, MOD_INDIVIDUELLE };
static const struct enum_label modalites[] = {
	{ "Collective", MOD_COLLECTIVE }, { "Individuelle", MOD_INDIVIDUELLE },
	{ NULL, 0 },
};

struct session {
	const char *matricule;
	size_t matricule_len;
	day_t date;
	double heures;
	int modalite;
};

static bool parse(struct exp_reader *r, const struct exp_row *row,
		  struct session *s)
{
	const struct exp_field *f = row->col;
	bool ok = true;

	*s = (struct session){ .modalite = MOD_UNKNOWN };
	ok &= exp_text(r, &f[C_MATRICULE], &s->matricule, &s->matricule_len) == EXP_GOT;
	ok &= exp_date(r, &f[C_DATE], &s->date) == EXP_GOT;
	ok &= exp_number(r, &f[C_HEURES], &s->heures) == EXP_GOT;
	if (ok && s->heures < 0) {
		exp_reject(r, &f[C_HEURES], "negative hours");
		ok = false;
	}
	if (f[C_MODALITE].s && !field_is_empty(f[C_MODALITE].s, f[C_MODALITE].len)) {
		s->modalite = field_enum(f[C_MODALITE].s, f[C_MODALITE].len, modalites);
		if (s->modalite < 0)
			exp_warn(r, &f[C_MODALITE],
				 "unknown training mode (counted as not stated)");
	}
	return ok;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	struct session s;
	(void)ctx;
	parse(r, row, &s);
}

const struct source source_rh_formations = {
	"rh_formations.csv", cols, NCOLS, on_row,
};
