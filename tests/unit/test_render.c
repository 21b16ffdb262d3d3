/* test_render.c — what the renderers share: figures printed the French
 * way, typography, hyphenation points, the small-count rule over a whole
 * table, and the data a chart takes from the table. */
#include "suites.h"
#include "../../model/chart_data.h"
#include "../../render/charts.h"
#include "../../render/colour.h"
#include "../../render/fonts.h"
#include "../../model/format.h"
#include "../../model/hyphenate.h"
#include "../../model/parts.h"
#include "../../model/secrecy.h"

#include <string.h>

#include <glib.h>

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"
#define SHY "\xC2\xAD"

START_TEST(values_as_the_carnet_prints_them)
{
	char b[96];
	ck_assert_str_eq(format_value(61078, FMT_NOMBRE, 0, b, sizeof b), "61" NNBSP "078");
	ck_assert_str_eq(format_value(89.04, FMT_POURCENT, 0, b, sizeof b), "89" NNBSP "%");
	ck_assert_str_eq(format_value(55.6097, FMT_POURCENT, 1, b, sizeof b), "55,6" NNBSP "%");
	ck_assert_str_eq(format_value(2800000, FMT_MILLIONS_EUROS, 1, b, sizeof b), "2,8" NBSP "M€");
	ck_assert_str_eq(format_value(4680000, FMT_MILLIONS_EUROS, 2, b, sizeof b), "4,68" NBSP "M€");
	ck_assert_str_eq(format_value(269990, FMT_EUROS, 0, b, sizeof b), "269" NNBSP "990" NBSP "€");
	ck_assert_str_eq(format_value(20230522, FMT_DATE, 0, b, sizeof b), "22" NBSP "mai" NBSP "2023");
	ck_assert_str_eq(format_value(20230601, FMT_DATE, 0, b, sizeof b), "1er" NBSP "juin" NBSP "2023");
	ck_assert_str_eq(format_value(20231399, FMT_DATE, 0, b, sizeof b), "20231399");
}
END_TEST

START_TEST(french_typography)
{
	char *t = format_typography("Bonjour : ça va ? Oui ; 10 % et \"citation\" l'office!");
	ck_assert_str_eq(t, "Bonjour" NBSP ": ça va" NNBSP "? Oui" NNBSP "; 10" NNBSP
			 "% et «" NBSP "citation" NBSP "» l\xE2\x80\x99office" NNBSP "!");
	g_free(t);
	t = format_typography("à 10:30, voir https://exemple.fr");
	ck_assert_str_eq(t, "à 10:30, voir https://exemple.fr");
	g_free(t);
}
END_TEST

static char *shown(const char *word)
{
	char *h = hyphenate_text(word);
	char **parts = g_strsplit(h, SHY, -1);
	char *r = g_strjoinv("-", parts);
	g_strfreev(parts);
	g_free(h);
	return r;
}

START_TEST(french_hyphenation_points)
{
	static const char *const cases[][2] = {
		{ "appartements", "ap-par-te-ments" },
		{ "réhabilitation", "ré-ha-bi-li-ta-tion" },
		{ "intercommunalités", "in-ter-com-mu-na-li-tés" },
		{ "béguinages", "bé-gui-nages" },
		{ "l'office", "l'of-fice" },
		{ "Lens", "Lens" },              /* too short */
		{ "RQTH", "RQTH" },              /* capitals */
		{ "q_global", "q_global" },      /* not a word */
		{ "2023-05-22", "2023-05-22" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *h = shown(cases[i][0]);
		ck_assert_str_eq(h, cases[i][1]);
		g_free(h);
	}
	hyphenate_release();
}
END_TEST

static void add(struct figures *t, const char *ind, const char *dims, double v)
{
	figures_add_raw(t, ind, dims, v, "salariés", "rule");
}

START_TEST(small_counts_over_a_table)
{
	struct figures t = FIGURES_INIT;
	struct exp_stats st = { 0 };
	figures_source(&t, "rh_effectifs.csv", &st);
	add(&t, "rh.effectif", "", 40);                   /* a total: shown */
	add(&t, "rh.effectif", "direction=a", 3);         /* small */
	add(&t, "rh.effectif", "direction=b", 12);
	add(&t, "rh.effectif", "direction=c", 25);        /* masked: b is smaller */
	add(&t, "rh.departs", "motif=deces", 1);          /* alone: < 5 */
	add(&t, "rh.departs", "motif=retraite", 14);      /* masked with it */
	figures_add_raw(&t, "patrimoine.dpe_g", "", 2, "logements", "declared");
	figures_add_raw(&t, "enquete.satisfaction", "item=q", 3, "%", "rule");
	enum sc_cell cell[8];
	secrecy_apply(&t, cell);
	ck_assert_int_eq(cell[0], SC_SHOWN);
	ck_assert_int_eq(cell[1], SC_SMALL);
	ck_assert_int_eq(cell[2], SC_MASKED);
	ck_assert_int_eq(cell[3], SC_SHOWN);
	ck_assert_int_eq(cell[4], SC_SMALL);
	ck_assert_int_eq(cell[5], SC_MASKED);
	ck_assert_int_eq(cell[6], SC_SHOWN);              /* not people */
	ck_assert_int_eq(cell[7], SC_SHOWN);              /* a rate */
	figures_release(&t);
}
END_TEST

START_TEST(chart_data_from_the_table)
{
	struct figures t = FIGURES_INIT;
	struct exp_stats st = { 0 };
	figures_source(&t, "enquete_satisfaction.csv", &st);
	add(&t, "enquete.satisfaction", "item=q_a", 70);
	add(&t, "enquete.satisfaction", "item=q_b", 90);
	add(&t, "enquete.satisfaction", "direction=nord,item=q_a", 10);   /* not on this axis */
	add(&t, "enquete.satisfaction", "direction=nord,item=q_b", 20);
	struct layout l = { 0 };
	l.labels = g_hash_table_new(g_str_hash, g_str_equal);
	l.ranks = g_hash_table_new(g_str_hash, g_str_equal);
	struct chart_data d;
	chart_data_collect(&t, &l, "enquete.satisfaction", "item", "", "", true, &d);
	ck_assert_uint_eq(d.axis->len, 2);
	ck_assert_str_eq(g_ptr_array_index(d.axis, 0), "q_b");   /* by decreasing value */
	ck_assert_double_eq(d.v[0], 90);
	ck_assert_int_eq(d.fig[0], 1);
	chart_data_release(&d);
	chart_data_collect(&t, &l, "enquete.satisfaction", "item", "", "direction=nord", false, &d);
	ck_assert_uint_eq(d.axis->len, 2);
	ck_assert_str_eq(g_ptr_array_index(d.axis, 0), "q_a");   /* as they come */
	ck_assert_double_eq(d.v[1], 20);
	chart_data_release(&d);
	g_hash_table_destroy(l.labels);
	g_hash_table_destroy(l.ranks);
	figures_release(&t);
}
END_TEST

START_TEST(contrast_as_wcag_weighs_it)
{
	ck_assert_double_eq_tol(colour_contrast(0xFFFFFF, 0x000000), 21, 1e-9);
	ck_assert_double_eq_tol(colour_contrast(0x000000, 0xFFFFFF), 21, 1e-9);
	ck_assert_double_eq_tol(colour_contrast(0x777777, 0xFFFFFF), 4.48, 0.01);
	ck_assert_double_eq_tol(colour_contrast(0x767676, 0xFFFFFF), 4.54, 0.01);
	/* the 2023 insertion yellow: darkened, hue kept, no darker than needed */
	uint32_t c = colour_darken(0xF2B134, 0xFFFFFF, 4.5);
	ck_assert_uint_eq(c, 0x966E20);
	ck_assert(colour_contrast(c, 0xFFFFFF) >= 4.5);
	ck_assert_double_lt(colour_contrast(0x987021, 0xFFFFFF), 4.5);  /* one step lighter */
	/* a colour that reads already is left as it is */
	ck_assert_uint_eq(colour_darken(0x1B2A4A, 0xFFFFFF, 4.5), 0x1B2A4A);
	ck_assert_uint_eq(colour_text_on(0xFFE600), 0x000000);  /* the D of the energy scale */
	ck_assert_uint_eq(colour_text_on(0xE2231A), 0xFFFFFF);  /* its G */
}
END_TEST

/* A chart gives its data as a table: a header row, a row per value, as
 * printed (labels from the layout, French numbers, the small-count rule). */
START_TEST(a_chart_as_a_table)
{
	struct figures t = FIGURES_INIT;
	struct exp_stats st = { 0 };
	figures_source(&t, "flotte_vehicules.csv", &st);
	add(&t, "flotte.vehicules", "energie=diesel", 1200);
	add(&t, "flotte.vehicules", "energie=electrique", 35);
	struct layout l = { 0 };
	l.labels = g_hash_table_new(g_str_hash, g_str_equal);
	l.ranks = g_hash_table_new(g_str_hash, g_str_equal);
	g_hash_table_insert(l.labels, "energie=electrique", "Électrique");
	g_hash_table_insert(l.labels, "dimension=energie", "Énergie");
	l.font_text = "Lato";
	char *error = NULL;
	PangoFontMap *map = fonts_open("../fonts", &error);
	ck_assert_msg(map != NULL, "%s", error);
	PangoContext *ctx = pango_font_map_create_context(map);
	enum sc_cell cells[2] = { SC_SHOWN, SC_SHOWN };
	struct chart_table tb;
	chart_table_init(&tb);
	struct chart_ctx cc = { NULL, ctx, &l, &t, cells, 0x2E9CCA, &tb };
	struct chart_block c = { .kind = CHART_ANNEAU, .type = "anneau", .title = "Véhicules", .indicator = "flotte.vehicules",
				 .axis = "energie", .filter = "", .target = "", .descending = true };
	char *alt = chart_draw(&cc, &c, 0, 0, 240, 144);
	ck_assert_uint_eq(tb.head->len, 2);
	ck_assert_str_eq(tb.head->pdata[0], "Énergie");
	ck_assert_str_eq(tb.head->pdata[1], "Nombre");
	ck_assert_uint_eq(tb.rows->len, 3);     /* two energies and the total */
	GPtrArray *r0 = tb.rows->pdata[0], *r1 = tb.rows->pdata[1], *r2 = tb.rows->pdata[2];
	ck_assert_str_eq(r0->pdata[0], "diesel");       /* no label: the value */
	ck_assert_str_eq(r0->pdata[1], "1" NNBSP "200");
	ck_assert_str_eq(r1->pdata[0], "Électrique");
	ck_assert_str_eq(r1->pdata[1], "35");
	ck_assert_str_eq(r2->pdata[0], "Total");
	ck_assert_str_eq(r2->pdata[1], "1" NNBSP "235");
	ck_assert_ptr_nonnull(strstr(alt, "Électrique" NBSP ": 35"));
	g_free(alt);
	chart_table_release(&tb);
	g_object_unref(ctx);
	g_object_unref(map);
	g_hash_table_destroy(l.labels);
	g_hash_table_destroy(l.ranks);
	figures_release(&t);
}
END_TEST

/* The one list of parts the PDF and the web walk: cover, sommaire, each
 * loop in the layout's order, key figures, back cover. */
START_TEST(the_parts_of_an_edition)
{
	struct loop loops[3] = { { .id = "rh" }, { .id = "qualite" }, { .id = "enjeux" } };
	struct layout l = { .loops = loops, .nloops = 3 };
	size_t n = 0;
	struct part *v = parts_of(&l, &n);
	ck_assert_uint_eq(n, 7);
	const enum part_kind want[] = { PART_COVER, PART_CONTENTS, PART_LOOP, PART_LOOP,
					PART_LOOP, PART_KEY_FIGURES, PART_BACK_COVER };
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(v[i].kind, want[i]);
	ck_assert_uint_eq(v[2].loop, 0);
	ck_assert_uint_eq(v[4].loop, 2);
	g_free(v);
	l.nloops = 0;           /* no loop left: still a cover and a back */
	v = parts_of(&l, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(v[2].kind, PART_KEY_FIGURES);
	g_free(v);
}
END_TEST

Suite *render_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("helpers");
	tcase_add_test(tc, values_as_the_carnet_prints_them);
	tcase_add_test(tc, french_typography);
	tcase_add_test(tc, french_hyphenation_points);
	tcase_add_test(tc, small_counts_over_a_table);
	tcase_add_test(tc, chart_data_from_the_table);
	tcase_add_test(tc, contrast_as_wcag_weighs_it);
	tcase_add_test(tc, a_chart_as_a_table);
	tcase_add_test(tc, the_parts_of_an_edition);
	suite_add_tcase(s, tc);
	return s;
}
