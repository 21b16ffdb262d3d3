/* test_text.c — keys and slugs of names written by people. */
#include "suites.h"
#include "../../etl/text.h"

#include <string.h>

static const char *key(const char *s)
{
	static char buf[128];
	return text_key(s, strlen(s), buf, sizeof buf);
}

static const char *slug(const char *s)
{
	static char buf[128];
	return text_slug(s, strlen(s), buf, sizeof buf);
}

START_TEST(header_spellings_share_one_key)
{
	ck_assert_str_eq(key("Date d'entrée"), "dateentree");
	ck_assert_str_eq(key("DATE_ENTREE"), "dateentree");
	ck_assert_str_eq(key("date entree"), "dateentree");
	ck_assert_str_eq(key("  Date-Entrée "), "dateentree");
	ck_assert_str_eq(key("Date d’entrée"), "dateentree");   /* U+2019 */
	ck_assert_str_eq(key("date_naissance"), "datenaissance");
	ck_assert_str_eq(key("Date de naissance"), "datenaissance");
	ck_assert_str_eq(key("Type de contrat"), "typecontrat");
	ck_assert_str_eq(key("Pas du tout satisfait"), "pastoutsatisfait");
	ck_assert_str_eq(key("Taux des départs"), "tauxdeparts");
	ck_assert_str_eq(key("Demande"), "demande");   /* words, not prefixes */
}
END_TEST

START_TEST(slugs_follow_figures_md)
{
	ck_assert_str_eq(slug("Électrique"), "electrique");
	ck_assert_str_eq(slug("Hybride rechargeable"), "hybride_rechargeable");
	ck_assert_str_eq(slug("Écluses du Nord"), "ecluses_du_nord");
	ck_assert_str_eq(slug("Q_Propreté"), "q_proprete");
	/* every run of other characters is one '_': elisions are kept */
	ck_assert_str_eq(slug("Chantier d'insertion"), "chantier_d_insertion");
	ck_assert_str_eq(slug("Fin de période d'essai"), "fin_de_periode_d_essai");
	ck_assert_str_eq(slug("Côte d’Opale"), "cote_d_opale");
	ck_assert_str_eq(slug("Chantier école"), "chantier_ecole");
	ck_assert_str_eq(slug("--Siège--"), "siege");
	ck_assert_str_eq(slug("Cœur de ville"), "coeur_de_ville");
	ck_assert_str_eq(slug("Pas du tout"), "pas_du_tout");
	ck_assert_str_eq(slug(""), "");
}
END_TEST

START_TEST(a_lone_d_without_apostrophe_is_kept)
{
	ck_assert_str_eq(slug("Lot D"), "lot_d");
	ck_assert_str_eq(slug("l'Aa d'Or"), "l_aa_d_or");   /* a slug keeps every run */
}
END_TEST

START_TEST(keys_are_cut_to_the_buffer)
{
	char buf[5];
	ck_assert_str_eq(text_key("abcdefgh", 8, buf, sizeof buf), "abcd");
}
END_TEST

START_TEST(trim_removes_no_break_spaces)
{
	const char *s = "\xC2\xA0 12 \xE2\x80\xAF\t";
	size_t len = strlen(s);
	text_trim(&s, &len);
	ck_assert_uint_eq(len, 2);
	ck_assert_int_eq(memcmp(s, "12", 2), 0);
}
END_TEST

Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("fold");
	tcase_add_test(tc, header_spellings_share_one_key);
	tcase_add_test(tc, slugs_follow_figures_md);
	tcase_add_test(tc, a_lone_d_without_apostrophe_is_kept);
	tcase_add_test(tc, keys_are_cut_to_the_buffer);
	tcase_add_test(tc, trim_removes_no_break_spaces);
	suite_add_tcase(s, tc);
	return s;
}
