/* chart_svg.h — a chart as inline SVG with its data as a table. */
#ifndef CARNET_HTML_CHART_SVG_H
#define CARNET_HTML_CHART_SVG_H

#include "web.h"

/* A chart as a <figure>: inline SVG (role img, title and description)
 * and its data as a table. */
void html_chart(struct html *h, GString *out, const struct chart_block *c,
		const struct loop *loop);

#endif
