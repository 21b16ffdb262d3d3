/* test_definitions.c — each definition of exports.md on a small folder of
 * tests/data/etl/: renewals against recruitments, 31/12 boundaries,
 * leap-year birthdays, NSP and weights, disposed vehicles, declared
 * years, trainees, consistency rules. */
#include "suites.h"
#include "etl_run.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#define EPS 1e-9

START_TEST(headcount_recruitments_and_departures)
{
	struct etl_result r;
	run_etl("data/etl/contracts", 2023, &r);
	ck_assert_int_eq(r.status, 0);
	/* 31/12 stock: R5 ends on 31/12 (counted), R6 on 30/12 (not), R7
	 * starts on 31/12 (counted); R9 starts in 2024 (not). */
	ck_assert_double_eq(figure(&r, "rh.effectif", ""), 7);
	ck_assert_double_eq(figure(&r, "rh.effectif", "sexe=f"), 5);
	ck_assert_double_eq(figure(&r, "rh.effectif", "sexe=h"), 2);
	ck_assert_double_eq(figure(&r, "rh.effectif", "categorie=execution"), 5);
	ck_assert_double_eq(figure(&r, "rh.effectif", "categorie=maitrise"), 1);
	ck_assert_double_eq(figure(&r, "rh.effectif", "categorie=cadre"), 1);
	ck_assert_double_eq(figure(&r, "rh.effectif", "contrat=cdi"), 4);
	ck_assert_double_eq(figure(&r, "rh.effectif", "contrat=cdd"), 3);
	/* R7's direction spelt NORD: one direction */
	ck_assert_double_eq(figure(&r, "rh.effectif", "direction=nord"), 6);
	ck_assert_double_eq(figure(&r, "rh.effectif", "direction=siege"), 1);
	ck_assert_double_eq(figure(&r, "rh.effectif", "proximite=oui"), 1);
	ck_assert_double_eq(figure(&r, "rh.effectif", "proximite=non"), 6);
	/* Renewed CDD (R1), CDD made CDI (R8), apprentice kept on a CDD the
	 * next day (R4): not recruitments.  New hire (R2, R7) and a return
	 * after a gap (R3): recruitments. */
	ck_assert_double_eq(figure(&r, "rh.recrutements", ""), 3);
	ck_assert_double_eq(figure(&r, "rh.recrutements", "contrat=cdi"), 2);
	ck_assert_double_eq(figure(&r, "rh.recrutements", "contrat=cdd"), 1);
	/* Departures: R3's first CDD (gap after), R5 (ends 31/12), R6 (its
	 * reason spelt DEMISSION), R10 (no reason) and R11 (« Non précisé »:
	 * the same slug, one figure). */
	ck_assert_double_eq(figure(&r, "rh.departs", ""), 5);
	ck_assert_double_eq(figure(&r, "rh.departs", "motif=fin_de_cdd"), 1);
	ck_assert_double_eq(figure(&r, "rh.departs", "motif=retraite"), 1);
	ck_assert_double_eq(figure(&r, "rh.departs", "motif=demission"), 1);
	ck_assert_double_eq(figure(&r, "rh.departs", "motif=non_precise"), 2);
	ck_assert_ptr_null(figures_get(&r.fig, "rh.departs", "motif=fin_de_contrat"));
	ck_assert_double_eq_tol(figure(&r, "rh.etp", ""), 6.3, EPS);
	ck_assert_double_eq(figure(&r, "rh.promotions", ""), 1);
	ck_assert_double_eq(figure(&r, "rh.rqth", ""), 1);
	ck_assert_double_eq(figure(&r, "rh.postes_amenages", ""), 2);
	ck_assert_double_eq_tol(figure(&r, "rh.part_femmes", ""), 500.0 / 7, EPS);
	ck_assert_double_eq_tol(figure(&r, "rh.part_femmes_categorie", "categorie=execution"),
				80, EPS);
	etl_result_release(&r);
}
END_TEST

START_TEST(ages_on_31_december)
{
	struct etl_result r;
	run_etl("data/etl/contracts", 2023, &r);
	/* Born 29/02/2000: 23 on 31/12/2023.  Born 31/12/1988: 35, not
	 * under 35; born 01/01/1989: 34. */
	ck_assert_double_eq(figure(&r, "rh.pyramide", "sexe=h,tranche=moins_25"), 1);
	ck_assert_double_eq(figure(&r, "rh.pyramide", "sexe=h,tranche=35_39"), 1);
	ck_assert_double_eq(figure(&r, "rh.pyramide", "sexe=f,tranche=30_34"), 2);
	ck_assert_double_eq(figure(&r, "rh.pyramide", "sexe=f,tranche=25_29"), 2);
	ck_assert_double_eq(figure(&r, "rh.pyramide", "sexe=f,tranche=50_54"), 1);
	ck_assert_double_eq(figure(&r, "rh.pyramide", "sexe=f,tranche=60_plus"), 0);
	ck_assert_double_eq_tol(figure(&r, "rh.age_moyen", ""), 234.0 / 7, EPS);
	ck_assert_double_eq_tol(figure(&r, "rh.part_moins_35", ""), 500.0 / 7, EPS);
	/* the contract of line 14 ended before 2023: the register's history,
	 * counted in the provenance, not a warning */
	char *d = all_diags(&r);
	ck_assert_str_eq(d, "");
	g_free(d);
	long outside = -1;
	for (size_t i = 0; i < r.fig.nsources; i++)
		if (g_str_has_suffix(r.fig.sources[i].file, "rh_effectifs.csv"))
			outside = r.fig.sources[i].stats.outside;
	ck_assert_int_eq(outside, 1);
	etl_result_release(&r);
}
END_TEST

START_TEST(survey_weights_and_nsp)
{
	struct etl_result r;
	run_etl("data/etl/survey", 2023, &r);
	ck_assert_int_eq(r.status, 0);
	/* q_global: satisfied 2 + 1 + 1 of a base 2 + 1 + 1 + 0,5 + 1. */
	ck_assert_double_eq_tol(figure(&r, "enquete.satisfaction", "item=q_global"),
				400 / 5.5, EPS);
	/* NSP, 9 and empty are out of the base: 1,5 / 1,5. */
	ck_assert_double_eq_tol(figure(&r, "enquete.satisfaction", "item=q_proprete"),
				100, EPS);
	ck_assert_double_eq_tol(figure(&r, "enquete.satisfaction",
				       "direction=nord,item=q_global"), 200.0 / 3, EPS);
	ck_assert_double_eq_tol(figure(&r, "enquete.satisfaction",
				       "direction=sud,item=q_global"), 80, EPS);
	/* nobody in Nord answered q_proprete: no rate rather than 0 % */
	ck_assert_ptr_null(figures_get(&r.fig, "enquete.satisfaction",
				       "direction=nord,item=q_proprete"));
	ck_assert_double_eq(figure(&r, "enquete.entretiens", ""), 5);
	ck_assert_double_eq(figure(&r, "enquete.entretiens", "direction=sud"), 3);
	char *d = all_diags(&r);
	ck_assert_str_eq(d,
		"data/etl/survey/enquete_satisfaction.csv:6: warning: same interview id as line 5: left out\n"
		"data/etl/survey/enquete_satisfaction.csv:7:2: warning: interview outside the survey window in 'date'\n");
	g_free(d);
	etl_result_release(&r);
}
END_TEST

START_TEST(vehicles_in_service_on_31_december)
{
	struct etl_result r;
	run_etl("data/etl/fleet", 2023, &r);
	ck_assert_int_eq(r.status, 0);
	/* sold on 30/06 (out), lease ending 31/12 (in), starting in 2024
	 * (out), a duplicated row (once). */
	ck_assert_double_eq(figure(&r, "flotte.vehicules", ""), 3);
	ck_assert_double_eq(figure(&r, "flotte.vehicules", "energie=diesel"), 1);
	ck_assert_double_eq(figure(&r, "flotte.vehicules", "energie=essence"), 0);
	ck_assert_double_eq(figure(&r, "flotte.nouveaux", ""), 1);
	ck_assert_double_eq_tol(figure(&r, "flotte.part_faibles_emissions", ""),
				200.0 / 3, EPS);
	char *d = all_diags(&r);
	ck_assert_str_eq(d,
		"data/etl/fleet/flotte.csv:6:4: warning: vehicle enters the fleet after 2023 in 'date_debut'\n"
		"data/etl/fleet/flotte.csv:7: warning: duplicate of line 5 (same plate and start): left out\n");
	g_free(d);
	etl_result_release(&r);
}
END_TEST

/* exports.md: the beneficiaries whose export says they left for a job or
 * training, whatever the contract's end; a flag on a contract that runs
 * past 31/12 is counted, and warned about. */
START_TEST(exits_to_a_job_as_the_export_says)
{
	struct etl_result r;
	run_etl("data/etl/insertion", 2023, &r);
	ck_assert_int_eq(r.status, 0);
	ck_assert_double_eq(figure(&r, "insertion.sorties_emploi", ""), 4);
	ck_assert_double_eq(figure(&r, "insertion.cddi", ""), 3);
	ck_assert_double_eq(figure(&r, "insertion.heures", ""), 830);
	char *d = all_diags(&r);
	ck_assert_str_eq(d,
		"data/etl/insertion/insertion.csv:3:8: warning: counted as left for a job, though the contract runs past 31/12/2023, in 'sortie_emploi'\n"
		"data/etl/insertion/insertion.csv:4:8: warning: counted as left for a job, though the contract runs past 31/12/2023, in 'sortie_emploi'\n");
	g_free(d);
	etl_result_release(&r);
}
END_TEST

START_TEST(declared_figures_and_their_years)
{
	struct etl_result r;
	run_etl("data/etl/declared", 2023, &r);
	ck_assert_int_eq(r.status, 0);
	ck_assert_double_eq(figure(&r, "solidarite.expulsions", "annee=2022"), 43);
	ck_assert_double_eq(figure(&r, "solidarite.expulsions", "annee=2023"), 35);
	ck_assert_ptr_null(figures_get(&r.fig, "solidarite.expulsions", ""));
	ck_assert_double_eq(figure(&r, "patrimoine.investissement", ""), 2800000);
	ck_assert_str_eq(figures_get(&r.fig, "patrimoine.investissement", "")->unit, "€");
	ck_assert_double_eq_tol(figure(&r, "rh.budget_formation", ""), 2.27, EPS);
	ck_assert_double_eq(figure(&r, "enquete.date_debut", ""), 20230522);
	ck_assert_double_eq(figure(&r, "ancien.indicateur", "annee=2021"), 12);
	/* The declared window: 21/05 is outside it. */
	char *d = all_diags(&r);
	ck_assert_str_eq(d,
		"data/etl/declared/chiffres_cles.csv:8: warning: 'ancien.indicateur' is not declared for 2023\n"
		"data/etl/declared/enquete_satisfaction.csv:2:2: warning: interview outside the survey window in 'date'\n");
	g_free(d);
	ck_assert_uint_eq(r.checks.n, 2);
	ck_assert(!r.checks.v[0].ok);
	ck_assert_str_eq(r.checks.v[0].message,
		"interviews inside the survey window (22/05/2023 to 23/06/2023): held from 21/05/2023 to 23/06/2023");
	ck_assert(!r.checks.v[1].ok);
	/* the report's text puts the French colon after the description; its
	 * words are French through the catalogue, which the unit tests do
	 * not load (tests/i18n.sh reads them) */
	ck_assert_str_eq(r.checks.v[1].message,
		"une somme fausse\xC2\xA0: solidarite.expulsions + rh.budget_formation = patrimoine.investissement (35 + 2,27 = 37,27, not 2\xE2\x80\xAF" "800\xE2\x80\xAF" "000)");
	ck_assert_str_eq(r.checks.v[1].said,
		"une somme fausse: solidarite.expulsions + rh.budget_formation = patrimoine.investissement (35 + 2,27 = 37,27, not 2\xE2\x80\xAF" "800\xE2\x80\xAF" "000)");
	ck_assert_uint_eq(r.checks.failed, 2);
	etl_result_release(&r);
}
END_TEST

/* The ETL run on dir for 2023 refuses it (status 1) with exactly the
 * messages said; r is the caller's to release. */
static void refused(const char *dir, const char *said, struct etl_result *r)
{
	run_etl(dir, 2023, r);
	ck_assert_int_eq(r->status, 1);
	char *d = all_diags(r);
	ck_assert_str_eq(d, said);
	g_free(d);
}

START_TEST(declared_twice_or_computed_is_an_error)
{
	struct etl_result r;
	refused("data/etl/declared_twice",
		"data/etl/declared_twice/chiffres_cles.csv:3:1: invalid indicator id 'patrimoine.logements' in 'indicateur': declared twice for 2023 (first on line 2)\n", &r);
	etl_result_release(&r);
	refused("data/etl/declared_computed",
		"data/etl/declared_computed/chiffres_cles.csv:2:1: invalid indicator id 'rh.effectif' in 'indicateur': computed from the exports, it cannot be declared\n", &r);
	ck_assert_uint_eq(r.fig.n, 0);
	etl_result_release(&r);
}
END_TEST

/* An id of 221 bytes: its second declaration for 2023 said at its line
 * (the value cut, as every value a message quotes). */
START_TEST(a_long_declared_id)
{
	struct etl_result r;
	refused("data/etl/declared_long",
		"data/etl/declared_long/chiffres_cles.csv:4:1: invalid indicator id 'patrimoine.tres_long_tres_long_tres_long\xE2\x80\xA6' in 'indicateur': declared twice for 2023 (first on line 3)\n", &r);
	etl_result_release(&r);
}
END_TEST

START_TEST(trainees_and_sessions)
{
	struct etl_result r;
	run_etl("data/etl/training", 2023, &r);
	ck_assert_int_eq(r.status, 0);
	ck_assert_double_eq(figure(&r, "formation.salaries_formes", ""), 3);
	ck_assert_double_eq_tol(figure(&r, "formation.heures", ""), 31.5, EPS);
	ck_assert_double_eq_tol(figure(&r, "formation.heures", "modalite=collective"), 14, EPS);
	ck_assert_double_eq_tol(figure(&r, "formation.heures", "modalite=individuelle"), 3.5, EPS);
	ck_assert_double_eq_tol(figure(&r, "formation.heures", "modalite=non_precisee"), 14, EPS);
	char *d = all_diags(&r);
	ck_assert_str_eq(d,
		"data/etl/training/rh_formations.csv:2:2: warning: session left out: date outside 2023 in 'date'\n"
		"data/etl/training/rh_formations.csv:4: warning: duplicate of the session on line 3 (same trainee, date, hours and title): left out\n"
		"data/etl/training/rh_formations.csv:6:5: warning: training mode counted as not stated: unknown value in 'modalite'\n"
		"data/etl/training/rh_formations.csv:7:1: warning: trainee not found in the HR register in 'matricule'\n");
	g_free(d);
	/* 3 trained, 2 employees present: the check says so. */
	ck_assert_uint_eq(r.checks.failed, 1);
	etl_result_release(&r);
}
END_TEST

START_TEST(a_missing_source_is_said_and_its_figures_absent)
{
	struct etl_result r;
	run_etl("data/etl/fleet", 2023, &r);
	ck_assert(!figures_has(&r.fig, "rh.effectif"));
	ck_assert(!figures_has(&r.fig, "enquete.satisfaction"));
	ck_assert_uint_eq(r.diag.warnings, 7);   /* 5 absent files + 2 */
	etl_result_release(&r);
	run_etl("data/etl/no_such_folder", 2023, &r);
	ck_assert_int_eq(r.status, 2);
	etl_result_release(&r);
}
END_TEST

Suite *definitions_suite(void)
{
	Suite *s = suite_create("definitions");
	TCase *tc = tcase_create("etl");
	tcase_add_test(tc, headcount_recruitments_and_departures);
	tcase_add_test(tc, ages_on_31_december);
	tcase_add_test(tc, exits_to_a_job_as_the_export_says);
	tcase_add_test(tc, survey_weights_and_nsp);
	tcase_add_test(tc, vehicles_in_service_on_31_december);
	tcase_add_test(tc, declared_figures_and_their_years);
	tcase_add_test(tc, declared_twice_or_computed_is_an_error);
	tcase_add_test(tc, a_long_declared_id);
	tcase_add_test(tc, trainees_and_sessions);
	tcase_add_test(tc, a_missing_source_is_said_and_its_figures_absent);
	suite_add_tcase(s, tc);
	return s;
}
