/* webfonts.h — the edition's faces, cut down to the characters shown. */
#ifndef CARNET_HTML_WEBFONTS_H
#define CARNET_HTML_WEBFONTS_H

#include "web.h"

/* Writes the edition's faces under dir/polices/, cut down to the
 * characters of text, and appends their @font-face rules to css.
 * Returns 0, or -1 with a message in h->d. */
int html_webfonts(struct html *h, const char *text, GString *css);

#endif
