/* fuzz_fields.c — the typed parsers and the folding of names, on raw
 * bytes, French formatting of the numbers they give, and their text for
 * the figures table read back to the same double. */
#include "fuzz.h"
#include "../../etl/decimal.h"
#include "../../etl/fields.h"
#include "../../etl/french.h"
#include "../../etl/text.h"

#include <math.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	static const struct enum_label labels[] = {
		ENUM_LABEL("Très satisfait", 1),
		ENUM_LABEL("Pas du tout satisfait", 4),
		ENUM_LABEL("Agent de maîtrise", 2), ENUM_END,
	};
	char buf[64], out[96];
	day_t d;
	double v;
	bool b;

	if (!field_date(s, size, &d)) {
		int y, m, dd;
		day_to_ymd(d, &y, &m, &dd);
		if (day_from_ymd(y, m, dd) != d)
			__builtin_trap();       /* the calendar must round-trip */
	}
	if (!field_number(s, size, &v)) {
		if (!isfinite(v))
			__builtin_trap();
		/* what the figures table writes reads back to the bit */
		char text[DECIMAL_TEXT];
		double back;
		decimal_write(v, text);
		if (field_number(text, strlen(text), &back) ||
		    (v != 0 && memcmp(&back, &v, sizeof v) != 0) || (v == 0 && back != 0))
			__builtin_trap();
		for (int dec = 0; dec <= 3; dec++)
			french_number(v, dec, out, sizeof out);
	}
	field_yesno(s, size, &b);
	field_enum(s, size, labels);
	text_key(s, size, buf, sizeof buf);
	text_slug(s, size, buf, sizeof buf);
	text_slug(s, size, buf, 3);
	const char *t = s;
	size_t n = size;
	text_trim(&t, &n);
	return 0;
}
