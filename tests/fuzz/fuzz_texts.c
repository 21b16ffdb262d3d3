/* fuzz_texts.c — the texts of an edition: Markdown (cmark), placeholders,
 * fenced figure and chart blocks, French typography and hyphenation.
 * The input is an article of a one-loop layout; its first byte says
 * whether missing figures are allowed. */
#include "fuzz.h"
#include "../../model/format.h"
#include "../../model/hyphenate.h"
#include "../../model/texts.h"

#include <string.h>

#include <glib.h>

static char *dir;

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
	    "[cles]\ntitre=C\nfeuille=C\n[boucle.x]\ntitre=X\nfeuille=X\ncouleur=#FF0000\n", -1);
	put("chiffres.csv", "boucle;indicateur;dimensions;libellé;décimales;format\n"
	    "x;rh.effectif;;Salariés;0;nombre\n", -1);
	put("libelles.csv", "dimension;valeur;libellé\nsexe;f;Femmes\n", -1);
	put("graphiques.csv", "boucle;titre;type;indicateur;axe;séries;filtre;tri\n", -1);
	put("textes/edito.md", "# Édito\n\nBonjour.\n", -1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir)
		setup();
	if (!dir || size < 1)
		return 0;
	put("textes/x/01.md", (const char *)data + 1, (gssize)size - 1);
	struct figures t = FIGURES_INIT;
	struct exp_stats st = { 0 };
	figures_source(&t, "rh_effectifs.csv", &st);
	figures_add_raw(&t, "rh.effectif", "", 820, "salariés", "r");
	figures_add_raw(&t, "rh.effectif", "sexe=f", 456, "salariés", "r");
	figures_add_raw(&t, "enquete.satisfaction", "item=q_global", 89.04, "%", "r");
	figures_add_raw(&t, "solidarite.expulsions", "annee=2022", 43, "", "r");
	figures_add_raw(&t, "solidarite.expulsions", "annee=2023", 35, "", "r");
	struct diag d = DIAG_INIT;
	struct layout l;
	struct texts x;
	if (layout_load(dir, &l, &d) == 0) {
		texts_load(&l, &t, data[0] & 1, &x, &d);
		texts_release(&x);
	}
	layout_release(&l);
	/* the typography and the hyphens on the raw bytes, when text */
	char *s = g_strndup((const char *)data + 1, size - 1);
	if (g_utf8_validate(s, -1, NULL)) {
		char *typo = format_typography(s);
		char *hy = hyphenate_text(typo);
		g_free(hy);
		g_free(typo);
	}
	g_free(s);
	diag_release(&d);
	figures_release(&t);
	return 0;
}
