/* photo_jpeg.c — see photo_jpeg.h. */
#include "photo_jpeg.h"
#include "../etl/i18n.h"

#include <stdarg.h>

#include <glib.h>
#include <jerror.h>

void *photo_fail(char **error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (error && !*error)
		*error = g_strdup_vprintf(_(fmt), ap);
	va_end(ap);
	return NULL;
}

static void jerr_exit(j_common_ptr c)
{
	struct photo_jerr *e = (struct photo_jerr *)c->err;
	c->err->format_message(c, e->msg);
	longjmp(e->jb, 1);
}

/* libjpeg only warns about a truncated or corrupt file, and fills the
 * rest with grey: for a carnet that is an error. */
static void jerr_emit(j_common_ptr c, int level)
{
	if (level >= 0)
		return;
	switch (c->err->msg_code) {
	case JWRN_JPEG_EOF: case JWRN_HIT_MARKER: case JWRN_MUST_RESYNC:
	case JWRN_NOT_SEQUENTIAL: case JWRN_BOGUS_PROGRESSION:
	case JWRN_HUFF_BAD_CODE:
		jerr_exit(c);
	default:
		break;
	}
}

void photo_jpeg_begin(struct jpeg_decompress_struct *ci, struct photo_jerr *e,
		      const unsigned char *data, size_t n)
{
	ci->err = jpeg_std_error(&e->pub);
	e->pub.error_exit = jerr_exit;
	e->pub.emit_message = jerr_emit;
	jpeg_create_decompress(ci);
	jpeg_mem_src(ci, data, (unsigned long)n);
	jpeg_save_markers(ci, JPEG_APP0 + 1, 0xFFFF);   /* EXIF, XMP */
	jpeg_save_markers(ci, JPEG_APP0 + 2, 0xFFFF);   /* ICC */
	jpeg_save_markers(ci, JPEG_APP0 + 13, 0);       /* IPTC: only noted */
	jpeg_save_markers(ci, JPEG_COM, 0);
}
