/* fuzz_photos.c — photos as carnet reads them: the header probe (JPEG
 * markers and EXIF, PNG, WebP, the formats refused), then the decoding,
 * colour conversion, orientation and resampling of a small crop.  The
 * first byte picks the focal point.  Photos of more than 4 MP are only
 * probed, so that a run stays fast; the limit itself is the probe's. */
#include "fuzz.h"
#include "../../render/photo.h"

#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	double focus = data[0] / 255.0;
	struct photo ph;
	char *error = NULL;
	if (photo_probe_data(data + 1, size - 1, &ph, &error) != 0) {
		g_free(error);
		return 0;
	}
	if ((long long)ph.width * ph.height > 4000000)
		return 0;
	struct photo_crop c = photo_crop_for(&ph, 4.0 / 3, focus, 1 - focus, 64, 48);
	cairo_surface_t *s = photo_render(&ph, data + 1, size - 1, &c, &error);
	if (s) {
		photo_has_transparency(s);
		cairo_surface_destroy(s);
	}
	g_free(error);
	return 0;
}
