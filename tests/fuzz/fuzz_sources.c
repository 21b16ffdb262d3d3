/* fuzz_sources.c — each source's row parser and aggregation, read in
 * memory or spilled (keycheck.h): the first byte picks the source and
 * the budget, the rest is its export. */
#include "fuzz.h"
#include "../../etl/reading.h"

#include <unistd.h>

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
	struct reading rd = {
		.src = s, .path = path, .e = &e,
		.budget = data[0] / nsources % 2 ? 16 << 10 : 64 << 20,
	};
	reading_run(&rd);
	figures_source(&fig, s->file, &rd.st);
	figures_source(&detail, s->file, &rd.st);
	s->finish(rd.state, rd.es == STATUS_OK && d.errors == 0);
	reading_release(&rd);
	keyset_free(e.employees);
	figures_sort(&fig);
	figures_release(&fig);
	figures_release(&detail);
	diag_release(&d);
	close(fd);
	return 0;
}
