/*
 * texts.h — the texts of an edition, written by the communication service
 * in Markdown under layouts/Y/textes/:
 *
 *   edito.md                 the editorial
 *   <loop>/NN-name.md        the articles of a loop, in file-name order
 *
 * An article starts with "# Title".  Paragraphs take *italics* and
 * **bold**.  Figures appear only as placeholders: {{rh.effectif}},
 * {{enquete.satisfaction item=q_global}}, {{solidarite.expulsions
 * annee=2022}}, formatted as chiffres.csv says for that figure, or as
 * asked: {{rh.part_femmes | pourcent 1}}; last year's value,
 * {{rh.effectif | annee_precedente}}, and the change,
 * {{rh.effectif | evolution}} ("+3,2 %", "+1,4 pt" for a percentage);
 * {{annee}} and {{annee_precedente}}, the edition's year and the one
 * before.  Fenced blocks add:
 *
 *   ```chiffres            big-number tiles, one a line:
 *   rh.effectif | salariés en CDI ou CDD
 *   ```
 *   ```graphique           a chart, as key=value lines: type (barres,
 *   type=barres            anneau, pyramide, parts, objectif,
 *   indicateur=…           etiquettes, comparaison), titre, indicateur,
 *   ```                    axe, filtre, cible, tri
 *   ```a_ecrire           what the article will say, still to write:
 *   …                      shown in a draft, in italics; an edition
 *   ```                    leaves the article out, with a warning
 *   ![CAPTION](photo.jpg)  a photo from layouts/Y/images/ (a drawn
 *                          placeholder when the file is absent); a title
 *                          sets options, separated by ';':
 *                          "centre=30%,60%" the focal point the crop
 *                          keeps, "large" across both columns, "fin"
 *                          the photo that closes its loop: it fills
 *                          what the loop's last page leaves blank
 *
 * A placeholder whose figure is not in the table is an error
 * "file:line: …" naming the close matches, unless draft: then it reads
 * "n.d." and a warning says so (a chart whose indicator is absent is then
 * an empty frame saying n.d.).  Raw HTML in a text is left out, with a
 * warning: the texts are Markdown, for the PDF and the web alike.
 */
#ifndef CARNET_TEXTS_H
#define CARNET_TEXTS_H

#include <stdbool.h>

#include <glib.h>

#include "layout.h"
#include "chart_kinds.h"
#include "photo_probe.h"

enum block_kind { BLOCK_HEADING, BLOCK_PARAGRAPH, BLOCK_TILES, BLOCK_CHART,
		  BLOCK_IMAGE };

struct tile {
	char *value;            /* formatted */
	char *label;
};

/* A chart block, as its key=value lines give it. */
struct chart_block {
	enum chart_kind kind;   /* its type= */
	char *type, *title, *indicator, *axis, *filter, *target;
	bool descending;
	bool missing;           /* a draft's chart whose indicator is absent */
	char *alt;              /* the text alternative, made from the data */
};

/* A run of text in italics or bold, in bytes of the block's text, in the
 * order their ends come (an inner run before the one around it). */
struct text_run {
	unsigned start, end;
	enum { RUN_ITALIC, RUN_BOLD } kind;
};

struct block {
	enum block_kind kind;
	long line;              /* in its file */
	char *text;             /* heading or paragraph: UTF-8, soft hyphens */
	GArray *runs;           /* of struct text_run: italics and bold of text */
	struct tile *tiles;
	size_t ntiles;
	struct chart_block chart;
	char *image, *caption;  /* image path (may not exist), caption */
	char *image_name;       /* as the text names it, under images/ */
	bool present;           /* the photo is there, and photo holds its probe */
	struct photo photo;
	double focus_x, focus_y;        /* the focal point, 0..1 (0,5 ; 0,5) */
	bool wide;              /* across both columns */
	bool closing;           /* "fin": fills what its loop's last page leaves */
	/* a paragraph of a list: which list of its article (from 1; 0: not
	 * in a list), and its item's label ("–", "3.") when it begins an
	 * item, NULL when it goes on with one */
	int list;
	char *label;
};

/* The user data of the nodes of an article's doc: an article's title,
 * and a block's (its index in v, plus one). */
#define TEXTS_TITLE_NODE ((void *)-1)
#define TEXTS_BLOCK_NODE(i) ((void *)(size_t)((i) + 1))

struct article {
	char *file;             /* path, for messages */
	char *loop;             /* loop id, "" for the editorial */
	char *title;
	struct block *v;
	size_t n;
	int lists;              /* lists met so far, to number them */
	int unresolved;         /* a draft's placeholders and charts printed n.d. */
	bool to_write;          /* holds a ```a_ecrire block */
	/* the text as cmark parsed it, for the web edition: its text nodes
	 * hold what the PDF prints (placeholders replaced, typography,
	 * soft hyphens); the title's heading and the nodes that made a
	 * block carry the user data above */
	struct cmark_node *doc;
};

struct texts {
	struct article edito;
	struct article *v;      /* in the carnet's order */
	size_t n;
};

/* Loads every text of the layout, resolving placeholders from t.  A
 * photo that is there but cannot be read, is not one carnet reads, is too
 * large, or whose path leaves images/ is an error at its line. */
int texts_load(const struct layout *l, const struct figures *t,
	       bool draft, struct texts *out, struct diag *d);

void texts_release(struct texts *x);

#endif
