/*
 * logo.h — the office's logo, named in edition.ini ([edition] logo, a
 * path under the layout): SVG, drawn as vectors with librsvg (text in it
 * is set with the private fonts of fonts/, as the default font map is
 * theirs), or PNG, through the photo pipeline (its transparency kept).
 */
#ifndef CARNET_LOGO_H
#define CARNET_LOGO_H

#include <cairo.h>

struct logo;

/* Opens the logo at path; NULL with *error (a new string). */
struct logo *logo_open(const char *path, char **error);

/* Its width over its height. */
double logo_aspect(const struct logo *g);

/* Draws it fitted into (x, y, w, h), keeping its proportions, at ppi for
 * a PNG.  Returns 0, or -1 with *error. */
int logo_draw(struct logo *g, cairo_t *cr, double x, double y, double w, double h,
	      double ppi, char **error);

void logo_close(struct logo *g);

#endif
