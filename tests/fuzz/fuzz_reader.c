/* fuzz_reader.c — the export reader: encodings, delimiters, quotes, lines,
 * columns by name, and every typed getter on every field. */
#include "fuzz.h"
#include "../../etl/export.h"

#include <unistd.h>

#include <glib.h>

static const struct exp_col cols[] = {
	{ "matricule", EXP_REQUIRED | EXP_PERSONAL }, { "date", 0 },
	{ "heures", 0 }, { "actif", 0 }, { "type", 0 }, { "q_", EXP_PREFIX },
};

static const struct enum_label kinds[] = {
	ENUM_LABEL("Électrique", 1), ENUM_LABEL("Hybride rechargeable", 2),
	ENUM_END,
};

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	(void)ctx;
	for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
		const struct exp_field *f = &row->col[i];
		day_t d;
		double v;
		bool b;
		int k;
		const char *s;
		size_t len;
		exp_date(r, f, &d);
		exp_number(r, f, &v);
		exp_yesno(r, f, &b);
		exp_enum(r, f, kinds, &k);
		exp_text(r, f, &s, &len);
	}
	for (size_t i = 0; i < row->nprefix; i++) {
		day_t d;
		exp_date(r, &row->prefix[i], &d);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = fuzz_file(data, size, path, sizeof path);
	if (fd < 0)
		return 0;
	struct diag d = DIAG_INIT;
	struct exp_stats st;
	struct exp_source src = {
		.path = path, .cols = cols, .ncols = sizeof cols / sizeof *cols,
		.on_row = on_row,
	};
	exp_read(&src, &d, &st);
	for (size_t i = 0; i < d.n; i++)
		g_free(diag_format(&d.v[i]));
	diag_release(&d);
	close(fd);
	return 0;
}
