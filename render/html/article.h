/* article.h — one text of the edition as HTML. */
#ifndef CARNET_HTML_ARTICLE_H
#define CARNET_HTML_ARTICLE_H

#include "web.h"

/* Appends article a to out: <article id="id"> with its title as h2, its
 * headings beneath in order, its blocks (figures, charts, photos). */
void html_article(struct html *h, GString *out, struct article *a, const char *id,
		  const struct loop *loop);

#endif
