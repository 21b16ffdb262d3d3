/* photos.h — the edition's photos at two widths. */
#ifndef CARNET_HTML_PHOTOS_H
#define CARNET_HTML_PHOTOS_H

#include "web.h"

/* A photo as a <figure> with a responsive <img>; its files are written
 * by html_photos_write(), which html_write() calls once the pages are
 * made (on both cores). */
void html_photo(struct html *h, GString *out, const struct block *b);
int html_photos_write(struct html *h);
void html_photos_release(struct html *h);

#endif
