/* style.h — the edition's colours for the web and carnet.css. */
#ifndef CARNET_HTML_STYLE_H
#define CARNET_HTML_STYLE_H

#include "web.h"

/* A loop's colour for text on white, and for a ground under white text. */
uint32_t html_loop_colour(const struct html *h, const struct loop *loop);

/* l with the colours a chart draws with darkened to GRAPHIC_CONTRAST
 * against white; its loops are a copy of l's (g_free them). */
struct layout html_chart_layout(const struct layout *l);

/* carnet.css for the edition (a new string). */
char *html_style(const struct html *h);

#endif
