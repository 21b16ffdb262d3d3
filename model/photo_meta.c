/* photo_meta.c — see photo_meta.h. */
#include "photo_meta.h"

#include <setjmp.h>
#include <string.h>

#include <glib.h>
#include <libexif/exif-data.h>
#include <png.h>
#include <webp/demux.h>

struct png_source {
	const unsigned char *data;
	size_t n, at;
};

static void png_from_memory(png_structp png, png_bytep out, png_size_t len)
{
	struct png_source *s = png_get_io_ptr(png);
	if (s->n - s->at < len)
		png_error(png, "truncated");
	memcpy(out, s->data + s->at, len);
	s->at += len;
}

unsigned char *photo_png_icc(const unsigned char *data, size_t n, size_t *len)
{
	png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	unsigned char *volatile icc = NULL;
	struct png_source src = { data, n, 0 };
	if (!info)
		goto out;
	if (setjmp(png_jmpbuf(png))) {
		g_clear_pointer((unsigned char **)&icc, g_free);
		goto out;
	}
	png_set_read_fn(png, &src, png_from_memory);
	png_read_info(png, info);
	png_charp name;
	int compression;
	png_bytep profile;
	png_uint_32 size;
	if (png_get_iCCP(png, info, &name, &compression, &profile, &size) == PNG_INFO_iCCP &&
	    size > 0) {
		icc = g_memdup2(profile, size);
		*len = size;
	}
out:
	png_destroy_read_struct(png ? &png : NULL, info ? &info : NULL, NULL);
	return icc;
}

unsigned char *photo_webp_chunk(const unsigned char *data, size_t n, const char *fourcc,
				size_t *len)
{
	WebPData whole = { data, n };
	WebPDemuxer *dmx = WebPDemux(&whole);
	unsigned char *out = NULL;
	WebPChunkIterator it;
	if (dmx && WebPDemuxGetChunk(dmx, fourcc, 1, &it)) {
		if (it.chunk.size > 0) {
			out = g_memdup2(it.chunk.bytes, it.chunk.size);
			*len = it.chunk.size;
		}
		WebPDemuxReleaseChunkIterator(&it);
	}
	WebPDemuxDelete(dmx);
	return out;
}

int photo_exif_orientation(const unsigned char *exif, size_t len)
{
	/* libexif finds the TIFF data after an "Exif\0\0" header */
	static const unsigned char header[6] = "Exif\0";
	unsigned char *with = NULL;
	if (len < 6 || memcmp(exif, header, 6) != 0) {
		with = g_malloc(len + 6);
		memcpy(with, header, 6);
		memcpy(with + 6, exif, len);
		exif = with;
		len += 6;
	}
	int o = 1;
	ExifData *ed = exif_data_new_from_data(exif, (unsigned int)len);
	if (ed) {
		ExifEntry *en = exif_data_get_entry(ed, EXIF_TAG_ORIENTATION);
		if (en && en->format == EXIF_FORMAT_SHORT && en->components >= 1)
			o = exif_get_short(en->data, exif_data_get_byte_order(ed));
		exif_data_unref(ed);
	}
	g_free(with);
	return o >= 1 && o <= 8 ? o : 1;
}
