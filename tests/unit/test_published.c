/* test_published.c — every published figure of carnet-2023.md ("Key
 * figures"), computed from fixtures/2023 by the real ETL and rounded as
 * the edition prints it. */
#include "suites.h"
#include "etl_run.h"
#include "../../etl/french.h"

#include <string.h>

#include <glib.h>

#define NNBSP "\xE2\x80\xAF"

struct published {
	const char *indicator, *dims;
	int decimals;
	const char *printed;     /* as carnet-2023.md prints it */
};

/* Computed from the exports. */
static const struct published computed[] = {
	{ "rh.effectif", "", 0, "820" },
	{ "rh.part_proximite", "", 0, "33" },
	{ "rh.age_moyen", "", 0, "46" },
	{ "rh.part_moins_35", "", 0, "17" },
	{ "rh.part_femmes", "", 1, "55,6" },
	{ "rh.part_hommes", "", 1, "44,4" },
	{ "rh.part_femmes_categorie", "categorie=cadre", 0, "56" },
	{ "rh.part_femmes_categorie", "categorie=maitrise", 0, "72" },
	{ "rh.part_femmes_categorie", "categorie=execution", 1, "33,5" },
	{ "rh.recrutements", "", 0, "45" },
	{ "rh.promotions", "", 0, "40" },
	{ "rh.rqth", "", 0, "65" },
	{ "rh.postes_amenages", "", 0, "51" },
	{ "formation.salaries_formes", "", 0, "639" },
	{ "formation.heures", "", 0, "14" NNBSP "893" },
	{ "insertion.operations", "type=chantier_insertion", 0, "15" },
	{ "insertion.operations", "type=chantier_ecole", 0, "4" },
	{ "insertion.heures", "", 0, "61" NNBSP "078" },
	{ "insertion.cddi", "", 0, "359" },
	{ "enquete.entretiens", "", 0, "2" NNBSP "400" },
	{ "enquete.satisfaction", "item=q_global", 0, "89" },
	{ "enquete.satisfaction", "item=q_relation", 0, "86" },
	{ "enquete.satisfaction", "item=q_equipements", 0, "81" },
	{ "enquete.satisfaction", "item=q_qualite_prix", 0, "80" },
	{ "flotte.vehicules", "", 0, "90" },
	{ "flotte.part_faibles_emissions", "", 0, "51" },
	{ "flotte.nouveaux", "", 0, "38" },
};

/* Declared in chiffres_cles.csv: the value the table must carry. */
struct declared {
	const char *indicator, *dims;
	double value;
};

static const struct declared declared[] = {
	{ "patrimoine.logements_rehabilites", "", 905 },
	{ "patrimoine.logements_construits", "", 35 },
	{ "patrimoine.logements_demolis", "", 238 },
	{ "patrimoine.rehabilitations_lancees", "", 1139 },
	{ "patrimoine.dpe_realises", "", 6900 },
	{ "patrimoine.investissement_construction", "", 2800000 },
	{ "patrimoine.investissement_rehabilitation", "", 32100000 },
	{ "patrimoine.investissement_adaptation", "", 4680000 },
	{ "patrimoine.subvention_vacance", "", 4000000 },
	{ "patrimoine.logements_vacants_subventionnes", "", 400 },
	{ "patrimoine.individuels_groupes", "", 11263 },
	{ "patrimoine.individuels_diffus", "", 884 },
	{ "patrimoine.dpe_g", "", 205 },
	{ "patrimoine.dpe_f", "", 1260 },
	{ "patrimoine.dpe_e", "", 8780 },
	{ "patrimoine.logements_a_rehabiliter_loi_climat", "", 10245 },
	{ "patrimoine.renouvellement_logements", "", 172 },
	{ "patrimoine.renouvellement_montant", "", 8100000 },
	{ "patrimoine.renouvellement_cout_logement", "", 56250 },
	{ "patrimoine.co2_evite", "", 1350.81 },
	{ "patrimoine.centre_medical_montant", "", 269990 },
	{ "patrimoine.gendarmerie_montant", "", 5578286 },
	{ "solidarite.beguinages", "", 61 },
	{ "solidarite.beguinages_logements", "", 946 },
	{ "solidarite.beguinages_communes", "", 42 },
	{ "solidarite.visites_seniors", "", 49 },
	{ "solidarite.visites_seniors_heures", "", 94 },
	{ "solidarite.seniors_aides", "", 72 },
	{ "solidarite.jeunes_loges", "", 37 },
	{ "solidarite.jeunes_objectif", "", 25 },
	{ "solidarite.ccapex_reunions", "", 6 },
	{ "solidarite.ccapex_dossiers", "", 103 },
	{ "solidarite.expulsions", "annee=2023", 35 },
	{ "solidarite.expulsions", "annee=2022", 43 },
	{ "solidarite.expulsions_suspendues", "", 23 },
	{ "solidarite.fonds_prevention_dossiers", "", 161 },
	{ "solidarite.dettes_apurees", "", 76 },
	{ "solidarite.dettes_apurees_montant", "", 183048 },
	{ "solidarite.familles_accompagnees", "", 116 },
	{ "insertion.vis_ma_vie_locataires", "", 23 },
	{ "insertion.vis_ma_vie_retour_emploi", "", 18 },
	{ "insertion.locataires_mobilises", "", 1447 },
	{ "insertion.role_social_retrouve", "", 622 },
	{ "insertion.nouveaux_collectifs", "", 5 },
	{ "insertion.quiz_questions", "", 160 },
	{ "insertion.budget_citoyen_projets", "", 59 },
	{ "insertion.budget_citoyen_subvention_principale", "", 14000 },
	{ "insertion.budget_citoyen_subvention_secondaire", "", 5000 },
	{ "insertion.tfpb_plans", "", 38 },
	{ "insertion.tfpb_communes", "", 28 },
	{ "insertion.tfpb_epci", "", 8 },
	{ "insertion.tfpb_abattement", "", 2822293 },
	{ "insertion.tfpb_actions", "", 3181563 },
	{ "qualite.ateliers", "", 170 },
	{ "qualite.jours_personnes", "", 1000 },
	{ "qualite.inondations_logements", "", 78 },
	{ "qualite.inondations_gros_travaux", "", 67 },
	{ "qualite.inondations_relogements", "", 18 },
	{ "rh.budget_formation", "", 2.27 },
	{ "rh.accords", "", 19 },
	{ "rh.reunions_cse", "", 11 },
	{ "rh.reunions_cssct", "", 4 },
	{ "rh.reunions_syndicales", "", 16 },
	{ "rh.locaux_a_renover", "", 49 },
	{ "rh.locaux_travaux_realises", "", 80 },
	{ "rh.intranet_visiteurs", "", 4200 },
	{ "rh.intranet_pages", "", 46000 },
	{ "renaturation.arbres_inventories", "", 7000 },
	{ "renaturation.arbres_elagues", "", 1600 },
	{ "renaturation.elagage_annees", "", 4 },
	{ "renaturation.residences_fauche_raisonnee", "", 140 },
	{ "renaturation.jardin_partage_surface", "", 200 },
	{ "renaturation.jardin_partage_adherents", "", 40 },
	{ "renaturation.autres_jardins_partages", "", 12 },
	{ "renaturation.friche_miniere", "", 6 },
	{ "renaturation.pots_miel", "", 80 },
	{ "cles.personnes_logees", "", 78912 },
	{ "cles.menages_apl", "", 19665 },
	{ "cles.commerces", "", 133 },
	{ "cles.bureaux_surface", "", 44587 },
	{ "cles.logements", "", 39425 },
	{ "cles.logements_collectifs", "", 27316 },
	{ "cles.logements_individuels", "", 12109 },
	{ "cles.communes_partenaires", "", 214 },
	{ "cles.locataires_plus_65_ans", "", 9951 },
	{ "cles.places_foyers", "", 1564 },
	{ "cles.logements_attribues", "", 2714 },
};

static struct etl_result res;

static void setup(void)
{
	run_etl("../fixtures/2023", 2023, &res);
	ck_assert_int_eq(res.status, 0);
}

static void teardown(void)
{
	etl_result_release(&res);
}

START_TEST(computed_figures_print_as_published)
{
	const struct published *p = &computed[_i];
	char buf[64];
	double v = figure(&res, p->indicator, p->dims);
	ck_assert_str_eq(french_number(v, p->decimals, buf, sizeof buf), p->printed);
}
END_TEST

START_TEST(declared_figures_carry_their_values)
{
	const struct declared *d = &declared[_i];
	ck_assert_double_eq_tol(figure(&res, d->indicator, d->dims), d->value, 1e-9);
}
END_TEST

/* 41,9 % of agents de maîtrise cannot be reached on 820 employees
 * (fixtures/2023/README.md): the fixtures hold the nearest count. */
START_TEST(share_of_supervisors_is_the_nearest_reachable)
{
	char buf[64];
	double v = figure(&res, "rh.part_categorie", "categorie=maitrise");
	ck_assert_double_eq(figure(&res, "rh.effectif", "categorie=maitrise"), 344);
	ck_assert_str_eq(french_number(v, 1, buf, sizeof buf), "42,0");
	for (int n = 0; n <= 820; n++)
		ck_assert_str_ne(french_number(100.0 * n / 820, 1, buf, sizeof buf), "41,9");
}
END_TEST

START_TEST(women_and_men_add_up)
{
	ck_assert_double_eq(figure(&res, "rh.effectif", "sexe=f") +
			    figure(&res, "rh.effectif", "sexe=h"),
			    figure(&res, "rh.effectif", ""));
	double sum = 0;
	for (size_t i = 0; i < res.fig.n; i++)
		if (!strcmp(res.fig.v[i].indicator, "rh.pyramide"))
			sum += res.fig.v[i].value;
	ck_assert_double_eq(sum, 820);
}
END_TEST

Suite *published_suite(void)
{
	Suite *s = suite_create("published");
	TCase *tc = tcase_create("2023");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, computed_figures_print_as_published, 0,
			    sizeof computed / sizeof *computed);
	tcase_add_loop_test(tc, declared_figures_carry_their_values, 0,
			    sizeof declared / sizeof *declared);
	tcase_add_test(tc, share_of_supervisors_is_the_nearest_reachable);
	tcase_add_test(tc, women_and_men_add_up);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
