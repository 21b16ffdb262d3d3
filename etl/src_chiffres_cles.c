/*
 * src_chiffres_cles.c — the declared figures (exports.md §6): one row per
 * indicator and year, declared by the services.
 */
#include "sources.h"

#include <math.h>
#include <string.h>

enum { C_INDICATEUR, C_ANNEE, C_VALEUR, C_UNITE, C_SOURCE, NCOLS };

static const struct exp_col cols[NCOLS] = {
	[C_INDICATEUR] = { "indicateur", EXP_REQUIRED },
	[C_ANNEE]      = { "annee", EXP_REQUIRED },
	[C_VALEUR]     = { "valeur", EXP_REQUIRED },
	[C_UNITE]      = { "unite", 0 },
	[C_SOURCE]     = { "source", 0 },
};

/* Indicator ids are dot-separated slugs: "patrimoine.logements_rehabilites". */
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

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	const struct exp_field *f = row->col;
	const char *id;
	size_t id_len;
	double annee, valeur;
	(void)ctx;

	if (exp_text(r, &f[C_INDICATEUR], &id, &id_len) == EXP_GOT &&
	    !valid_id(id, id_len))
		exp_reject(r, &f[C_INDICATEUR],
			   "invalid indicator id '%.*s': expected lower-case words joined by '_' and '.', like 'patrimoine.logements_rehabilites'",
			   (int)(id_len > 60 ? 60 : id_len), id);
	if (exp_number(r, &f[C_ANNEE], &annee) == EXP_GOT &&
	    (annee != floor(annee) || annee < 1900 || annee > 2100))
		exp_reject(r, &f[C_ANNEE], "invalid year: expected a whole year from 1900 to 2100");
	exp_number(r, &f[C_VALEUR], &valeur);
}

const struct source source_chiffres_cles = {
	"chiffres_cles.csv", cols, NCOLS, on_row,
};
