/* fuzz_sources.c — each source's row parser and aggregation: the first
 * byte picks the source, the rest is its export. */
#include "fuzz.h"
#include "../../etl/sources.h"

#include <unistd.h>

static void on_row(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	void **run = ctx;
	const struct source *s = run[0];
	s->on_row(r, row, run[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const struct source *s = sources[data[0] % nsources];
	char path[64];
	int fd = fuzz_file(data + 1, size - 1, path, sizeof path);
	if (fd < 0)
		return 0;
	struct figures fig = FIGURES_INIT, detail = FIGURES_INIT;
	struct diag d = DIAG_INIT;
	struct etl e = {
		.year = 2023, .fig = &fig, .detail = &detail, .diag = &d,
		.first_day = day_from_ymd(2023, 1, 1),
		.last_day = day_from_ymd(2023, 12, 31),
		.survey_from = day_from_ymd(2023, 1, 1),
		.survey_to = day_from_ymd(2023, 12, 31),
		.survey_first = INT32_MAX, .survey_last = INT32_MIN, .path = path,
	};
	/* the training register is checked against an HR register */
	if (s == &source_rh_formations) {
		e.employees = keyset_new();
		*keyset_put(e.employees, "M1", 2, NULL) = 2;
	}
	void *run[2] = { (void *)s, s->start(&e) };
	struct exp_source src = {
		.path = path, .cols = s->cols, .ncols = s->ncols,
		.on_row = on_row, .ctx = run,
	};
	struct exp_stats st = { 0 };
	figures_source(&fig, s->file, &st);
	figures_source(&detail, s->file, &st);
	enum exp_status es = exp_read(&src, &d, &st);
	s->finish(run[1], es == EXP_OK && d.errors == 0);
	keyset_free(e.employees);
	figures_sort(&fig);
	figures_release(&fig);
	figures_release(&detail);
	diag_release(&d);
	close(fd);
	return 0;
}
