/* fuzz_html.c — a text as the web edition renders it: texts_load() as in
 * fuzz_texts.c, then each article through html_article(), which rewrites
 * cmark's tree (blocks replaced by their HTML, raw HTML and titles
 * removed, headings renumbered, inline images undone) and draws the
 * charts on cairo SVG surfaces.  The first byte says whether missing
 * figures are allowed. */
#include "fuzz.h"
#include "../../render/fonts.h"
#include "../../model/hyphenate.h"
#include "../../render/html/article.h"
#include "../../model/secrecy.h"
#include "../../model/texts.h"

#include <string.h>

#include <glib.h>

static char *dir;
static PangoFontMap *fonts;

static void put(const char *name, const char *text, gssize len)
{
	char *path = g_build_filename(dir, name, NULL);
	g_file_set_contents(path, text, len, NULL);
	g_free(path);
}

static void setup(void)
{
	dir = g_dir_make_tmp("carnet-fuzz-XXXXXX", NULL);
	char *textes = g_build_filename(dir, "textes", "x", NULL);
	g_mkdir_with_parents(textes, 0700);
	g_free(textes);
	put("edition.ini",
	    "[edition]\nannee=2023\ntitre=T\norganisme=O\nauteur=A\nlangue=fr-FR\nboucles=x\n"
	    "[polices]\ntexte=Lato\nmanuscrite=Kaushan Script\n[couleurs]\nprincipale=#000000\naccent=#00FF00\ntexte=#111111\ngrille=#DDDDDD\n"
	    "[cles]\ntitre=C\nfeuille=C\n[boucle.x]\ntitre=X\nfeuille=X\ncouleur=#F2B134\n", -1);
	put("chiffres.csv", "boucle;indicateur;dimensions;libellé;décimales;format\n"
	    "x;rh.effectif;;Salariés;0;nombre\n", -1);
	put("libelles.csv", "dimension;valeur;libellé\nsexe;f;Femmes\n", -1);
	put("graphiques.csv", "boucle;titre;type;indicateur;axe;séries;filtre;tri\n", -1);
	put("textes/edito.md", "# Édito\n\nBonjour.\n", -1);
	char *error = NULL;
	fonts = fonts_open("fonts", &error);
	g_free(error);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir)
		setup();
	if (!dir || !fonts || size < 1)
		return 0;
	put("textes/x/01.md", (const char *)data + 1, (gssize)size - 1);
	struct figures t = FIGURES_INIT;
	struct exp_stats st = { 0 };
	figures_source(&t, "rh_effectifs.csv", &st);
	figures_add_raw(&t, "rh.effectif", "", 820, "salariés", "r");
	figures_add_raw(&t, "rh.effectif", "sexe=f", 456, "salariés", "r");
	figures_add_raw(&t, "rh.effectif", "categorie=cadre,sexe=f", 3, "salariés", "r");
	figures_add_raw(&t, "rh.pyramide", "sexe=f,tranche=25_29", 12, "salariés", "r");
	figures_add_raw(&t, "enquete.satisfaction", "item=q_global", 89.04, "%", "r");
	figures_add_raw(&t, "solidarite.expulsions", "annee=2022", 43, "", "r");
	figures_add_raw(&t, "solidarite.expulsions", "annee=2023", 35, "", "r");
	struct diag d = DIAG_INIT;
	struct layout l;
	struct texts x = { 0 };
	if (layout_load(dir, &l, &d) == 0 && texts_load(&l, &t, data[0] & 1, &x, &d) == 0) {
		struct html h = { .l = &l, .chart_l = l, .t = &t, .x = &x, .fonts = fonts, .d = &d,
				  .dir = dir };
		h.ctx = fonts_context(fonts);
		h.cells = g_new0(enum sc_cell, t.n ? t.n : 1);
		secrecy_apply(&t, h.cells);
		GString *out = g_string_new("");
		for (size_t i = 0; i < x.n; i++)
			html_article(&h, out, &x.v[i], "a", &l.loops[0]);
		/* what cmark wrote is UTF-8, and no raw HTML of the text got in */
		if (!g_utf8_validate(out->str, (gssize)out->len, NULL) || strstr(out->str, "<script"))
			__builtin_trap();
		g_string_free(out, TRUE);
		g_free(h.cells);
		g_object_unref(h.ctx);
	}
	texts_release(&x);
	layout_release(&l);
	diag_release(&d);
	figures_release(&t);
	hyphenate_release();
	return 0;
}
