/*
 * quality.h — the data-quality report.
 *
 * Checks that span sources run once every export is read: the built-in
 * ones of carnet-2023.md (women + men = 100 % of the headcount, trained
 * employees at most the employees present in the year, interviews inside
 * the stated survey window) and the office's own rules, declared in
 * controles.csv beside the exports, one equality of declared figures a
 * row ("cles.logements_collectifs + cles.logements_individuels =
 * cles.logements").  A rule that fails is a warning, shown, not hidden.
 *
 * The report is a TSV table: level (warning or ok), file, line, column,
 * message; every warning of the run first, then every check.
 */
#ifndef CARNET_QUALITY_H
#define CARNET_QUALITY_H

#include <stdbool.h>
#include <stdio.h>

#include "sources.h"

struct check {
	bool ok;
	char *file;             /* where the rule comes from */
	long line;              /* its line there, or 0 */
	char *message;          /* the rule and what was found, in French */
	char *said;             /* the same in the user's language */
};

struct checks {
	struct check *v;
	size_t n;
	size_t failed;
};

/* Runs the built-in checks and the rules of rules_path (NULL or absent:
 * none) over e's figures.  A malformed rule is an error in d. */
void checks_run(const struct etl *e, const char *rules_path,
		struct checks *out, struct diag *d);

/* Writes the report (the warnings of d and the checks); 0 or -1. */
int quality_write(FILE *out, const struct diag *d, const struct checks *c);

void checks_release(struct checks *c);

#endif
