/* suites.h — the Check suites run by main.c, one per module. */
#ifndef CARNET_SUITES_H
#define CARNET_SUITES_H

#include <check.h>

Suite *text_suite(void);
Suite *fields_suite(void);
Suite *export_suite(void);
Suite *digest_suite(void);
Suite *keyset_suite(void);
Suite *sorter_suite(void);
Suite *linescan_suite(void);
Suite *definitions_suite(void);
Suite *published_suite(void);
Suite *small_counts_suite(void);
Suite *render_suite(void);
Suite *photo_suite(void);
Suite *quality_suite(void);

#endif
