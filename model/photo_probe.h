/*
 * photo_probe.h — what the edition knows of a photo without decoding it:
 * its format, upright size and orientation, colour space and metadata,
 * read from its header (photo_probe()); the crop a frame takes of it; the
 * scale it is decoded at (photo.h decodes).  A header claiming more than
 * PHOTO_MAX_PIXELS is refused before anything is allocated for its
 * pixels.  No cairo here: the edition's model (texts.h) and carnet init
 * read photos through this header only.
 *
 * Messages (a new string in *error) never name the file: the caller
 * places them.
 */
#ifndef CARNET_PHOTO_PROBE_H
#define CARNET_PHOTO_PROBE_H

#include <stdbool.h>
#include <stddef.h>

/* A photo of more pixels than this is refused (a decompression bomb, or
 * a scan no carnet needs): 64 megapixels, about three 24-MP cameras. */
#define PHOTO_MAX_PIXELS (64LL * 1000 * 1000)

enum photo_kind { PHOTO_JPEG, PHOTO_PNG, PHOTO_WEBP };

struct photo {
	enum photo_kind kind;
	int width, height;      /* upright, in pixels */
	int orientation;        /* EXIF, 1 (as stored) to 8 */
	bool cmyk, icc;         /* a CMYK JPEG; an embedded ICC profile */
	bool metadata;          /* EXIF, XMP, IPTC or comments (a place, a
				 * name, a camera's serial): never embedded */
	bool alpha;             /* the format may carry transparency */
};

/* The part of a photo a frame shows, and at how many pixels. */
struct photo_crop {
	double x, y, w, h;      /* in upright photo pixels */
	int px_w, px_h;         /* the resampled size */
};

/* The crop of ph for a frame of aspect w/h (frame_w / frame_h) drawn at
 * px_w x px_h pixels, centred on the focal point (fx, fy), each in 0..1,
 * kept inside the photo.  A photo with fewer pixels than the frame asks
 * is not enlarged: px_w and px_h are then the crop's own size. */
struct photo_crop photo_crop_for(const struct photo *ph, double aspect,
				 double fx, double fy, int px_w, int px_h);

/* The XXH3-128 of data[0..n), in hex: what names a photo's content. */
void photo_content_key(const unsigned char *data, size_t n, char key[33]);

/* Reads the header of the photo in data[0..n).  Returns 0, or -1 with
 * *error. */
int photo_probe_data(const unsigned char *data, size_t n, struct photo *ph,
		     char **error);

/* The same, for a file (mapped: only its header is read). */
int photo_probe(const char *path, struct photo *ph, char **error);

/* The pixels of a photo's long side a decode gives at least: the web's
 * larger width, which a half-page print frame (85 mm at 300 ppi, 1 004
 * px) and the screen's need less than, so that a photo is decoded at one
 * scale for every edition, whichever of them a command makes, unless a
 * frame needs more (a full-width print frame).  No more: resampling costs
 * with the pixels decoded. */
#define PHOTO_DECODE_LONG 1280.0

/* The scale, in eighths, at which ph is decoded for crop c: the smallest
 * of 1/8, 1/4, 1/2 and 1 that gives PHOTO_DECODE_LONG pixels of the long
 * side and c's pixels (8 for PNG and WebP).  Its frames' largest is the
 * one a photo is decoded at. */
int photo_decode_scale(const struct photo *ph, const struct photo_crop *c);

#endif
