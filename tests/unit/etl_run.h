/* etl_run.h — helpers for tests that run the ETL on a folder. */
#ifndef CARNET_TEST_ETL_RUN_H
#define CARNET_TEST_ETL_RUN_H

#include "../../etl/etl.h"

/* Runs the ETL on dir for year into res. */
void run_etl(const char *dir, int year, struct etl_result *res);

/* The value of indicator/dims; fails the test when absent. */
double figure(const struct etl_result *res, const char *indicator,
	      const char *dims);

/* Every diagnostic of res but the "not found" of absent exports,
 * formatted, one a line (caller frees). */
char *all_diags(const struct etl_result *res);

#endif
