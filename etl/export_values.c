/* export_values.c — the reader's typed getters (export.h): a field parsed
 * by fields.h, its value rejected with a located message when bad.  They
 * use the reader only through export.h. */
#include "export.h"
#include "i18n.h"
#include "text.h"

#include <math.h>

#include <glib.h>

/* EXP_EMPTY, EXP_BAD (blank in a required column) or EXP_GOT. */
static int check_blank(struct exp_reader *r, const struct exp_field *f)
{
	if (!f->s || field_is_empty(f->s, f->len)) {
		if (f->s && (f->flags & EXP_REQUIRED)) {
			exp_missing(r, f);
			return EXP_BAD;
		}
		return EXP_EMPTY;
	}
	return EXP_GOT;
}

static int bad_value(struct exp_reader *r, const struct exp_field *f,
		     const char *what, const char *why)
{
	exp_reject(r, f, what, "%s", _(why));
	return EXP_BAD;
}

int exp_date(struct exp_reader *r, const struct exp_field *f, day_t *out)
{
	int b = check_blank(r, f);
	if (b != EXP_GOT)
		return b;
	const char *why = field_date(f->s, f->len, out);
	return why ? bad_value(r, f, N_("date"), why) : EXP_GOT;
}

int exp_number(struct exp_reader *r, const struct exp_field *f, double *out)
{
	int b = check_blank(r, f);
	if (b != EXP_GOT)
		return b;
	const char *why = field_number(f->s, f->len, out);
	return why ? bad_value(r, f, N_("number"), why) : EXP_GOT;
}

int exp_count(struct exp_reader *r, const struct exp_field *f, long *out)
{
	double v;
	int got = exp_number(r, f, &v);
	if (got != EXP_GOT)
		return got;
	if (v != floor(v) || v < 0 || v > 9007199254740992.0)
		return bad_value(r, f, N_("count"), N_("expected a whole number from 0"));
	*out = (long)v;
	return EXP_GOT;
}

int exp_yesno(struct exp_reader *r, const struct exp_field *f, bool *out)
{
	if (!f->s)
		return EXP_EMPTY;
	const char *why = field_yesno(f->s, f->len, out);
	return why ? bad_value(r, f, N_("yes/no value"), why) : EXP_GOT;
}

int exp_enum(struct exp_reader *r, const struct exp_field *f,
	     const struct enum_label *labels, int *out)
{
	int b = check_blank(r, f);
	if (b != EXP_GOT)
		return b;
	int v = field_enum(f->s, f->len, labels);
	if (v >= 0) {
		*out = v;
		return EXP_GOT;
	}
	/* List the accepted values, each value once (its first label). */
	GString *ok = g_string_new(_("expected "));
	for (const struct enum_label *l = labels; l->label; l++) {
		bool seen = false;
		for (const struct enum_label *k = labels; k < l; k++)
			seen |= k->value == l->value;
		if (!seen)
			g_string_append_printf(ok, "%s%s",
					       l == labels ? "" : ", ", l->label);
	}
	bad_value(r, f, N_("value"), ok->str);
	g_string_free(ok, TRUE);
	return EXP_BAD;
}

int exp_text(struct exp_reader *r, const struct exp_field *f, const char **s,
	     size_t *len)
{
	int b = check_blank(r, f);
	if (b != EXP_GOT)
		return b;
	*s = f->s;
	*len = f->len;
	text_trim(s, len);
	return EXP_GOT;
}

char *exp_strdup(struct exp_reader *r, const struct exp_field *f)
{
	const char *s = "";
	size_t len = 0;
	exp_text(r, f, &s, &len);
	char *v = g_strndup(s, len);
	if (text_drop_controls(v))
		exp_warn(r, f, "control or bidi override characters dropped");
	return v;
}
