/* style.c — carnet.css: the edition's colours and faces on a page made
 * for phones first (one column, nothing wider than the screen), its
 * desktop width, visible focus, and a print stylesheet (see style.h). */
#include "style.h"
#include "../colour.h"

#include <string.h>

uint32_t html_loop_colour(const struct html *h, const struct loop *loop)
{
	uint32_t c = loop && loop->colour ? loop->colour : h->l->main_colour;
	return colour_darken(c, PALE_GROUND, TEXT_CONTRAST);
}

struct layout html_chart_layout(const struct layout *l)
{
	struct layout c = *l;
	c.accent = colour_darken(l->accent, 0xFFFFFF, GRAPHIC_CONTRAST);
	c.loops = g_memdup2(l->loops, sizeof *l->loops * (l->nloops ? l->nloops : 1));
	for (size_t i = 0; i < l->nloops; i++)
		c.loops[i].colour = colour_darken(l->loops[i].colour, 0xFFFFFF, GRAPHIC_CONTRAST);
	return c;
}

/* "#RRGGBB" for c, and a note in css when it had to be darkened. */
static void colour_var(GString *css, const char *name, uint32_t given, uint32_t used)
{
	g_string_append_printf(css, "  --%s: #%06X;", name, used);
	if (used != given)
		g_string_append_printf(css, " /* the edition's #%06X, darkened to reach "
				       "%.1f:1 with white and %.1f:1 with the footer's grey (it "
				       "was %.1f:1 with white) */", given,
				       colour_contrast(used, 0xFFFFFF),
				       colour_contrast(used, PALE_GROUND),
				       colour_contrast(given, 0xFFFFFF));
	g_string_append_c(css, '\n');
}

static const char *const rules =
"*, *::before, *::after { box-sizing: border-box; }\n"
"html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }\n"
"body { margin: 0; font-family: var(--texte), sans-serif; font-size: 1.0625rem;\n"
"  line-height: 1.6; color: var(--encre); background: #FFFFFF; overflow-wrap: break-word; }\n"
"img, svg { max-width: 100%; height: auto; display: block; }\n"
"a { color: var(--lien); text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }\n"
":focus-visible { outline: 3px solid currentColor; outline-offset: 3px; }\n"
".evitement { position: absolute; left: 0.5rem; top: -10rem; z-index: 2; padding: 0.5rem 1rem;\n"
"  background: #FFFFFF; color: var(--principale); font-weight: 700; }\n"
".evitement:focus { top: 0.5rem; }\n"
".bandeau { background: var(--principale); color: #FFFFFF; padding: 0.75rem 1rem; }\n"
".bandeau a { color: #FFFFFF; }\n"
".bandeau .maison { display: flex; align-items: center; gap: 0.75rem; font-weight: 700;\n"
"  text-decoration: none; }\n"
".bandeau .maison img { width: auto; height: 2.5rem; background: #FFFFFF; border-radius: 0.25rem;\n"
"  padding: 0.15rem; }\n"
".bandeau ul { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap;\n"
"  gap: 0.25rem 1rem; font-size: 0.95rem; }\n"
".bandeau [aria-current] { text-decoration-thickness: 0.2em; font-weight: 700; }\n"
".projet { background: #B00020; color: #FFFFFF; text-align: center; font-weight: 700;\n"
"  padding: 0.25rem; margin: 0; }\n"
"main { padding-bottom: 2rem; }\n"
".colonne { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }\n"
"h1, h2, h3, h4 { line-height: 1.25; }\n"
"h1 { font-family: var(--manuscrite), cursive; font-weight: 400; font-size: 2.4rem;\n"
"  margin: 1.5rem 0 0.5rem; color: var(--c); }\n"
"h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; color: var(--c); }\n"
"h3 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }\n"
"p { margin: 0 0 1rem; hyphens: manual; }\n"
".couverture { background: var(--principale); color: #FFFFFF; padding: 2rem 1rem 2.5rem; }\n"
".couverture > * { max-width: 44rem; margin-left: auto; margin-right: auto; }\n"
".couverture h1 { color: #FFFFFF; font-size: clamp(2.6rem, 11vw, 4.5rem); margin: 0.5rem auto 0; }\n"
".couverture .annee { display: block; font-family: var(--texte), sans-serif; font-weight: 900;\n"
"  font-size: clamp(3rem, 14vw, 5.5rem); line-height: 1; color: var(--annee); }\n"
".couverture .sous-titre { font-size: 1.2rem; margin: 0.75rem auto; }\n"
".couverture .signature { font-family: var(--manuscrite), cursive; font-size: 1.6rem;\n"
"  text-align: right; color: var(--annee); margin-top: 1.5rem; }\n"
".couverture .etapes { margin-top: 1.5rem; }\n"
".sommaire ol { padding-left: 1.25rem; }\n"
".sommaire > ol > li { margin-bottom: 0.75rem; }\n"
".sommaire > ol > li > a { font-weight: 900; color: var(--c); }\n"
".sommaire ol ol { font-size: 0.95rem; padding-left: 1rem; }\n"
".boucle-titre { background: var(--c); color: #FFFFFF; padding: 1.5rem 0; }\n"
".boucle-titre h1 { color: #FFFFFF; margin: 0; }\n"
".boucle-titre p { margin: 0; font-weight: 900; text-transform: uppercase; letter-spacing: 0.04em; }\n"
".chiffres, .cles { list-style: none; padding: 0; margin: 1.5rem 0; display: grid;\n"
"  grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 1rem; }\n"
".chiffres li { border-top: 4px solid var(--c); padding-top: 0.5rem; }\n"
".chiffres .valeur, .cles .valeur { display: block; font-weight: 900; font-size: 1.9rem;\n"
"  line-height: 1.1; color: var(--c); }\n"
".chiffres .libelle, .cles .libelle { display: block; font-size: 0.95rem; }\n"
".cles-page { background: var(--principale); color: #FFFFFF; margin-top: 2.5rem;\n"
"  padding: 0.5rem 0 1.5rem; }\n"
".cles-page h2 { color: #FFFFFF; font-family: var(--manuscrite), cursive; font-weight: 400;\n"
"  font-size: 2rem; }\n"
".cles .valeur { color: var(--annee); }\n"
".cles .libelle { text-transform: uppercase; font-weight: 700; font-size: 0.85rem;\n"
"  letter-spacing: 0.03em; }\n"
"figure { margin: 1.5rem 0; }\n"
"figcaption { font-size: 0.9rem; font-variant: small-caps; letter-spacing: 0.03em; margin-top: 0.4rem; }\n"
".graphique figcaption { font-variant: normal; font-weight: 700; color: var(--c);\n"
"  font-size: 1rem; margin: 0 0 0.5rem; }\n"
".graphique svg { width: 100%; max-width: 32rem; }\n"
".donnees { margin-top: 0.5rem; font-size: 0.95rem; }\n"
".donnees summary { cursor: pointer; color: var(--lien); text-decoration: underline; }\n"
".table { overflow-x: auto; }\n"
"table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }\n"
"caption { text-align: left; font-weight: 700; padding-bottom: 0.25rem; }\n"
"th, td { border-bottom: 1px solid var(--grille); padding: 0.25rem 0.6rem 0.25rem 0; text-align: left; }\n"
"td { text-align: right; font-variant-numeric: tabular-nums; }\n"
".photo img { width: 100%; border-radius: 0.2rem; }\n"
".photo.portrait { max-width: 28rem; margin-left: auto; margin-right: auto; }\n"
".suite { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem;\n"
"  border-top: 1px solid var(--grille); margin-top: 3rem; padding-top: 1rem; }\n"
".pied { background: var(--pied); padding: 1.5rem 1rem; font-size: 0.95rem; }\n"
".pied > * { max-width: 44rem; margin-left: auto; margin-right: auto; }\n"
".pied .signature { font-family: var(--manuscrite), cursive; font-size: 1.5rem; color: var(--principale); }\n"
"@media (min-width: 48rem) {\n"
"  body { font-size: 1.125rem; }\n"
"  .bandeau { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }\n"
"  .bandeau ul { margin: 0; justify-content: flex-end; }\n"
"  .photo.large { margin-left: -4rem; margin-right: -4rem; }\n"
"}\n"
"@media print {\n"
"  @page { size: A4; margin: 15mm 15mm 18mm; }\n"
"  body { font-size: 10.5pt; color: #000000; }\n"
"  .evitement, .bandeau nav, .suite, .donnees { display: none; }\n"
"  .bandeau, .couverture, .cles-page, .boucle-titre { -webkit-print-color-adjust: exact;\n"
"    print-color-adjust: exact; }\n"
"  .colonne { max-width: none; padding: 0; }\n"
"  a { color: inherit; text-decoration: none; }\n"
"  h1, h2, h3 { break-after: avoid; }\n"
"  figure, .chiffres li, .cles li, tr { break-inside: avoid; }\n"
"  .photo.large { margin: 1.5rem 0; }\n"
"}\n";

char *html_style(const struct html *h)
{
	const struct layout *l = h->l;
	GString *css = g_string_new("");
	/* no text of the layout in a comment: a title holding a comment's end
	 * would write CSS */
	g_string_append_printf(css, "/* carnet.css — the %d edition, written by carnet html "
			       "from the layout's colours and faces. */\n", l->year);
	g_string_append(css, ":root {\n");
	g_string_append_printf(css, "  --texte: \"%s\";\n  --manuscrite: \"%s\";\n",
			       l->font_text, l->font_hand);
	uint32_t ink = colour_darken(l->text_colour, PALE_GROUND, TEXT_CONTRAST);
	colour_var(css, "encre", l->text_colour, ink);
	uint32_t main = colour_darken(l->main_colour, PALE_GROUND, TEXT_CONTRAST);
	colour_var(css, "principale", l->main_colour, main);
	colour_var(css, "c", l->main_colour, main);
	colour_var(css, "lien", l->main_colour, main);
	/* the accent is read on the main colour (the cover's year) */
	uint32_t year = colour_contrast(l->accent, main) >= TEXT_CONTRAST ? l->accent : 0xFFFFFF;
	g_string_append_printf(css, "  --annee: #%06X;%s\n", year,
			       year != l->accent ? " /* the accent reads too faintly on the "
						   "main colour: white */" : "");
	g_string_append_printf(css, "  --grille: #%06X;\n  --pied: #%06X;\n}\n", l->grid_colour,
			       PALE_GROUND);
	for (size_t i = 0; i < l->nloops; i++) {
		const struct loop *loop = &l->loops[i];
		g_string_append_printf(css, ".boucle-%s {\n", loop->id);
		colour_var(css, "c", loop->colour, html_loop_colour(h, loop));
		g_string_append(css, "}\n");
	}
	g_string_append(css, rules);
	return g_string_free(css, FALSE);
}
