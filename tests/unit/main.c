/* main.c — runs every unit suite; run from tests/ (data files are read
 * from data/).  Exit status 0 only when all pass. */
#include "suites.h"

#include <stdlib.h>

int main(void)
{
	SRunner *sr = srunner_create(text_suite());
	srunner_add_suite(sr, fields_suite());
	srunner_add_suite(sr, export_suite());
	srunner_add_suite(sr, digest_suite());
	srunner_add_suite(sr, keyset_suite());
	srunner_add_suite(sr, sorter_suite());
	srunner_add_suite(sr, linescan_suite());
	srunner_add_suite(sr, definitions_suite());
	srunner_add_suite(sr, published_suite());
	srunner_add_suite(sr, small_counts_suite());
	srunner_add_suite(sr, render_suite());
	srunner_add_suite(sr, photo_suite());
	srunner_add_suite(sr, quality_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
