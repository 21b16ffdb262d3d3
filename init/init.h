/*
 * init.h — a new edition's layout, composed from a year's figures and a
 * model (layouts/modele, or with --from last year's edition).
 *
 * The layout builds at once: every figure the exports gave has its line
 * in chiffres.csv, in the loop whose indicators it belongs to (the model's
 * `indicateurs=` prefixes), labelled as the model's catalogue labels it
 * (else from its id and its dimension's label); libelles.csv labels every
 * dimension value found, directions and reasons as the exports spell
 * them; graphiques.csv keeps the model's charts whose figures exist; the
 * texts are the model's (layouts/modele/textes), each article kept when
 * every placeholder and chart of it has its figures, then for each loop
 * an article of the figures and charts they leave untold; a loop left
 * with no article leaves the edition (boucles=, sujet=).  From an
 * old edition, its loops, colours, texts, charts and photos are kept
 * instead, and review() lists what no longer resolves.
 */
#ifndef CARNET_INIT_H
#define CARNET_INIT_H

#include <stdbool.h>

#include <glib.h>

#include "../etl/figures.h"
#include "../etl/status.h"
#include "../model/layout.h"

struct init {
	const char *model;      /* the model or old edition's folder */
	const char *base;       /* layouts/modele: prefixes and catalogue */
	bool from;              /* model is an old edition: keep its texts */
	int year;
	const char *office;     /* NULL: the model's */
	const struct figures *t;
	GHashTable *spellings;  /* slug -> as the exports spell it */
};

/* Writes the layout into dir (which exists, empty).  Returns STATUS_OK,
 * or STATUS_BAD_INPUT after errors in d. */
enum status init_write(const struct init *in, const char *dir, struct diag *d);

#endif
