/*
 * decode.h — one line of an export's bytes as UTF-8 (exports.md,
 * "general": UTF-8 with or without BOM, or Windows-1252).
 *
 * The encoding is recognised at the first non-ASCII byte (a whole UTF-8
 * sequence: UTF-8, else Windows-1252) and holds for the rest of the file;
 * a byte that betrays another encoding (a NUL, a Windows-1252 hole, UTF-8
 * in a Windows-1252 file, a byte that is not UTF-8 in a UTF-8 file) is a
 * structural error, reported through the caller's stop_at at its line and
 * column.  ASCII lines, most of an export, are handed back as they are.
 */
#ifndef CARNET_DECODE_H
#define CARNET_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include <iconv.h>

enum exp_encoding { EXP_ASCII, EXP_UTF8, EXP_UTF8_BOM, EXP_CP1252 };

struct decoder {
	enum exp_encoding enc;     /* EXP_ASCII until a non-ASCII byte */
	long enc_line;             /* where the encoding was recognised */
	iconv_t cd;
	char cp1252[128][5];       /* UTF-8 of 0x80 .. 0xFF, NUL-ended */
	bool cp1252_ready;
	char *dec;                 /* the last converted line */
	size_t deccap;
};

/* Reports a structural error at line:col of the file (fmt is a message
 * for gettext), after which the file is read no further. */
typedef void decode_stop_fn(void *ctx, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* false when there is no Windows-1252 converter (errno says why). */
bool decode_init(struct decoder *r);

/* Turns physical line p[0..n) (line its number) into UTF-8 in *out:
 * p itself or the decoder's buffer, valid until the next call.  false
 * after reporting an error through stop_at. */
bool decode_line(struct decoder *r, long line, const char *p, size_t n,
		 const char **out, size_t *outn, decode_stop_fn *stop_at, void *ctx);

void decode_release(struct decoder *r);

#endif
