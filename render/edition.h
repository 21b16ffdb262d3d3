/*
 * edition.h — what a renderer of the carnet (the PDF, the web pages)
 * opens before it draws anything: the layout, the figures (with the
 * spellings of --labels), the texts, the private fonts and the logo, each
 * checked — an absent figure, a face the fonts lack, a logo outside the
 * layout or unreadable is an error at its file and line.
 */
#ifndef CARNET_EDITION_H
#define CARNET_EDITION_H

#include <time.h>

#include <pango/pangocairo.h>

#include "../etl/status.h"
#include "../model/layout.h"
#include "logo.h"
#include "../model/texts.h"

struct edition {
	struct layout l;
	struct figures t;
	struct texts x;
	PangoFontMap *fonts;    /* also pango's default map, for an SVG logo */
	char *fonts_dir;
	struct logo *logo;      /* NULL when the layout names none */
	char *logo_path;
	time_t date;            /* of the outputs (layout_date) */
};

/* Opens the edition of layout_dir with the figures of figures (labels
 * and fonts_dir may be NULL: no spellings; fonts/ here or in carnet's
 * repository).  draft: absent figures print n.d.  Returns
 * STATUS_BAD_INPUT with messages in d, STATUS_FAILED when the
 * environment is wrong (a message on stderr, after prog). */
enum status edition_open(struct edition *e, const char *layout_dir, const char *figures,
		 const char *labels, const char *fonts_dir, bool draft,
		 struct diag *d, const char *prog);

/* Releases what edition_open() opened (also after it failed). */
void edition_close(struct edition *e);

#endif
