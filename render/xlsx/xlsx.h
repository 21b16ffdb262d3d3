/*
 * xlsx.h — the two workbooks.
 *
 * xlsx_carnet() writes what the communication service hands to anyone who
 * wants the numbers behind the carnet: a "Chiffres clés" sheet, one sheet
 * per loop with its figures (label, value, unit, previous year, source)
 * and native charts, a "Sources" sheet (every figure with its file,
 * SHA-256, rows and rule) and a "Qualité des données" sheet.  Every
 * breakdown of people follows the small-count rule (secrecy.h).
 *
 * xlsx_effectifs() writes HR's internal headcount workbook from the
 * internal breakdowns (--hr-detail) and the figures table: exact counts,
 * and never a name, an identifier or a birth date (the ETL never passes
 * them on).
 *
 * Both return 0, or -1 with messages in d and no file written.
 */
#ifndef CARNET_XLSX_H
#define CARNET_XLSX_H

#include <stdbool.h>
#include <time.h>

#include "../../model/inputs.h"
#include "../../model/layout.h"

/* draft: an absent figure, or a chart with no data, says n.d., and the
 * titles say PROJET. */
/* The carnet workbook's own sheets, besides the loops' (NULL-ended). */
extern const char *const xlsx_carnet_sheets[];

int xlsx_carnet(const char *path, const struct layout *l,
		const struct figures *t, const struct quality_report *q,
		bool draft, time_t date, struct diag *d);

int xlsx_effectifs(const char *path, const struct layout *l,
		   const struct figures *t, const struct figures *detail,
		   time_t date, struct diag *d);

#endif
