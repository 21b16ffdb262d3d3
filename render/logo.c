/* logo.c — see logo.h. */
#include "logo.h"
#include "../etl/i18n.h"
#include "photo_embed.h"

#include <math.h>

#include <glib.h>
#include <librsvg/rsvg.h>

struct logo {
	char *path;
	RsvgHandle *svg;        /* or */
	struct photo png;
	double w, h;
};

struct logo *logo_open(const char *path, char **error)
{
	struct logo *g = g_new0(struct logo, 1);
	g->path = g_strdup(path);
	if (g_str_has_suffix(path, ".svg") || g_str_has_suffix(path, ".SVG")) {
		GError *ge = NULL;
		g->svg = rsvg_handle_new_from_file(path, &ge);
		if (!g->svg) {
			*error = g_strdup_printf(_("not a readable SVG: %s"), ge->message);
			g_error_free(ge);
			goto fail;
		}
		if (!rsvg_handle_get_intrinsic_size_in_pixels(g->svg, &g->w, &g->h)) {
			RsvgRectangle ink, logical;
			if (!rsvg_handle_get_geometry_for_layer(g->svg, NULL,
					&(RsvgRectangle){ 0, 0, 1000, 1000 }, &ink, &logical, NULL)) {
				*error = g_strdup(_("an SVG with no size: give it a viewBox"));
				goto fail;
			}
			g->w = ink.width;
			g->h = ink.height;
		}
	} else {
		if (photo_probe(path, &g->png, error) != 0)
			goto fail;
		g->w = g->png.width;
		g->h = g->png.height;
	}
	if (!(g->w > 0 && g->h > 0)) {
		*error = g_strdup(_("a logo of no size"));
		goto fail;
	}
	return g;
fail:
	logo_close(g);
	return NULL;
}

double logo_aspect(const struct logo *g)
{
	return g->w / g->h;
}

int logo_draw(struct logo *g, cairo_t *cr, double x, double y, double w, double h,
	      double ppi, char **error)
{
	double s = fmin(w / g->w, h / g->h), dw = g->w * s, dh = g->h * s;
	x += (w - dw) / 2;
	y += (h - dh) / 2;
	if (g->svg) {
		GError *ge = NULL;
		RsvgRectangle view = { x, y, dw, dh };
		if (!rsvg_handle_render_document(g->svg, cr, &view, &ge)) {
			*error = g_strdup_printf(_("cannot draw the SVG: %s"), ge->message);
			g_error_free(ge);
			return -1;
		}
		return 0;
	}
	struct photo_crop c = photo_crop_for(&g->png, g->w / g->h, 0.5, 0.5,
					     (int)ceil(dw / 72 * ppi), (int)ceil(dh / 72 * ppi));
	struct photo_view view;
	cairo_surface_t *surf = photo_embed(g->path, &g->png, &c, NULL, 0, &view, error);
	if (!surf)
		return -1;
	photo_paint(cr, surf, &view, x, y, dw, dh);
	cairo_surface_destroy(surf);
	return 0;
}

void logo_close(struct logo *g)
{
	if (!g)
		return;
	if (g->svg)
		g_object_unref(g->svg);
	g_free(g->path);
	g_free(g);
}
