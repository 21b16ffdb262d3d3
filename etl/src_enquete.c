/*
 * src_enquete.c — the tenant satisfaction survey (exports.md §4): one row
 * per interview, one q_* column per item on the 4-point scale.
 */
#include "sources.h"

enum { C_ID, C_DATE, C_DIRECTION, C_AGENCE, C_HABITAT, C_POIDS, C_ITEMS,
       NCOLS };

static const struct exp_col cols[NCOLS] = {
	[C_ID]        = { "id", EXP_REQUIRED | EXP_PERSONAL },
	[C_DATE]      = { "date", EXP_REQUIRED },
	[C_DIRECTION] = { "direction", EXP_REQUIRED },
	[C_AGENCE]    = { "agence", 0 },
	[C_HABITAT]   = { "habitat", 0 },
	[C_POIDS]     = { "poids", 0 },
	[C_ITEMS]     = { "q_", EXP_REQUIRED | EXP_PREFIX },
};

/* Answers: 1–4 on the scale, 0 for "does not know" (left out of the base). */
enum { NSP = 0 };
static const struct enum_label answers[] = {
	{ "Très satisfait", 1 }, { "Assez satisfait", 2 },
	{ "Peu satisfait", 3 }, { "Pas du tout satisfait", 4 },
	{ "1", 1 }, { "2", 2 }, { "3", 3 }, { "4", 4 },
	{ "NSP", NSP }, { "9", NSP }, { NULL, 0 },
};

static const struct enum_label habitats[] = {
	{ "Collectif", 0 }, { "Individuel", 1 }, { NULL, 0 },
};

/* Reads the answer of item f into *a; false after a rejection. */
static bool parse_answer(struct exp_reader *r, const struct exp_field *f, int *a)
{
	*a = NSP;
	if (field_is_empty(f->s, f->len))
		return true;
	*a = field_enum(f->s, f->len, answers);
	if (*a >= 0)
		return true;
	exp_reject(r, f, "invalid answer: expected Très satisfait (1), Assez satisfait (2), Peu satisfait (3), Pas du tout satisfait (4), or NSP, 9 or empty");
	return false;
}

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	const struct exp_field *f = row->col;
	const char *id, *direction;
	size_t id_len, direction_len;
	day_t date;
	double poids = 1;
	(void)ctx;

	exp_text(r, &f[C_ID], &id, &id_len);
	exp_date(r, &f[C_DATE], &date);
	exp_text(r, &f[C_DIRECTION], &direction, &direction_len);
	if (f[C_HABITAT].s && !field_is_empty(f[C_HABITAT].s, f[C_HABITAT].len) &&
	    field_enum(f[C_HABITAT].s, f[C_HABITAT].len, habitats) < 0)
		exp_warn(r, &f[C_HABITAT], "unknown kind of housing");
	if (exp_number(r, &f[C_POIDS], &poids) == EXP_GOT && poids <= 0)
		exp_reject(r, &f[C_POIDS], "survey weight must be above 0");
	for (size_t i = 0; i < row->nprefix; i++) {
		int a;
		parse_answer(r, &row->prefix[i], &a);
	}
}

const struct source source_enquete = {
	"enquete_satisfaction.csv", cols, NCOLS, on_row,
};
