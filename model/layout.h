/*
 * layout.h — an edition of the carnet, as the communication service
 * writes it under layouts/YEAR/ (no C to touch):
 *
 *   edition.ini     title, office, colours, the loops in order, and for
 *                   each loop its title, theme word, colour, sheet name
 *                   (GLib key file: [groups] of key=value)
 *   chiffres.csv    which figure goes in which loop (or "cles", the key
 *                   figures), its French label, decimals and format
 *                   (nombre, pourcent, euros, millions_euros, date)
 *   libelles.csv    the French label of each dimension value
 *                   (direction;ecluses_du_nord;Écluses du Nord)
 *   graphiques.csv  the charts: loop, title, type (barres, colonnes,
 *                   anneau, barres_empilees), indicator, the dimension on
 *                   the axis, the one that makes the series, a filter
 *                   (item=q_global) and the order (décroissant or none)
 *
 * layout_load() reports what it cannot use as "file:line: message"; a
 * figure the table lacks is reported by layout_check(), naming the close
 * matches.
 */
#ifndef CARNET_LAYOUT_H
#define CARNET_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <glib.h>

#include "../etl/diag.h"
#include "../etl/figures.h"
#include "chart_kinds.h"

enum value_format { FMT_NOMBRE, FMT_POURCENT, FMT_EUROS, FMT_MILLIONS_EUROS,
		    FMT_DATE };


struct loop {
	char *id;              /* "patrimoine", or "cles" for the key figures */
	char *title, *word, *sheet;
	long sheet_line;       /* of its feuille= in edition.ini */
	uint32_t colour;       /* 0xRRGGBB */
};

/* One figure the edition publishes. */
struct entry {
	char *loop, *indicator, *dims, *label;
	int decimals;
	enum value_format format;
	long line;             /* in chiffres.csv */
};

struct chart_spec {
	char *loop, *title, *indicator, *axis, *series, *filter;
	enum chart_kind kind;
	bool descending;
	long line;             /* in graphiques.csv */
};

/* The longest title or office name, in characters: they head every page
 * of the PDF and of the workbooks (whose headers hold 255 bytes). */
#define LAYOUT_NAME_MAX 100

/* A colour the print edition takes as the layout gives it in CMYK. */
struct layout_cmyk {
	uint32_t rgb;
	double cmyk[4];         /* 0..1 */
};

/* The print shop's output condition ([impression]; FOGRA39 by default). */
struct layout_press {
	char *profile;          /* an output-class CMYK ICC profile */
	char *condition, *registry, *info;
	long profile_line;      /* in edition.ini, 0 for the default */
	struct layout_cmyk *cmyk;       /* [impression] cmjn */
	size_t ncmyk;
};

/* The default press: ISO Coated v2 300 % (basICColor, zlib licence), the
 * FOGRA39 condition, as Debian's scribus-data ships it. */
#define LAYOUT_PRESS_PROFILE "/usr/share/scribus/profiles/ISOcoated_v2_300_bas.icc"

struct layout {
	char *dir;
	int year;
	char *title, *subtitle, *number, *office, *signature, *author,
	     *subject, *keywords, *category, *language;
	long title_line, office_line;  /* in edition.ini */
	char *back;            /* the back cover's text (contact, credits) */
	char *logo;            /* the office's logo, under the layout ("" if none) */
	long logo_line;        /* in edition.ini */
	char *font_text;       /* the text face ([polices] texte) */
	char *font_hand;       /* the hand-lettered face ([polices] manuscrite) */
	long font_text_line, font_hand_line;    /* in edition.ini */
	uint32_t main_colour, accent, text_colour, grid_colour;
	struct layout_press press;     /* [impression] */
	struct loop *loops;    /* in the carnet's order */
	size_t nloops;
	struct loop keyfigures;
	struct entry *entries;
	size_t nentries;
	struct chart_spec *charts;
	size_t ncharts;
	GHashTable *labels;    /* "dimension=value" -> label */
	GHashTable *ranks;     /* "dimension=value" -> line in libelles.csv */
	GHashTable *spellings; /* value -> as the exports spell it (--labels) */
};

/* Loads the edition of dir.  Returns 0, or 1 after errors in d. */
int layout_load(const char *dir, struct layout *l, struct diag *d);

/* Checks that every figure the layout names is in t for the edition's
 * year; each one absent is an error naming the close matches, or in a
 * draft a warning (it prints n.d.).  Returns the number of errors. */
size_t layout_check(const struct layout *l, const struct figures *t, bool draft,
		    struct diag *d);


/* The date of the edition's outputs: SOURCE_DATE_EPOCH when set, else
 * 31/12 of the edition's year at midnight UTC; -1 when
 * SOURCE_DATE_EPOCH is not a number. */
time_t layout_date(const struct layout *l);

/* The label of a dimension value: the layout's, else as the exports spell
 * it, else the value itself. */
const char *layout_label(const struct layout *l, const char *dim,
			 const char *value);

/* Orders dimension values as libelles.csv lists them, the others after,
 * by slug: a comparison function for g_ptr_array_sort_with_data() over
 * arrays of strings, with a struct label_order as user data. */
struct label_order {
	const struct layout *l;
	const char *dim;
};
int layout_compare(gconstpointer a, gconstpointer b, gpointer order);

/* Does name, a path the layout gives under folder dir, stay inside it?
 * No absolute path, no '..', and, for a file that exists, not a link
 * leading out of dir. */
bool layout_inside(const char *dir, const char *name);

/* The loop whose id is id (the key figures for "cles"), or NULL. */
const struct loop *layout_loop(const struct layout *l, const char *id);

/* Leaves loop i out of l (an edition in which it has no article). */
void layout_drop_loop(struct layout *l, size_t i);

void layout_release(struct layout *l);

#endif
