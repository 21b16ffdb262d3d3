/* decode.c — see decode.h. */
#include "decode.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

bool decode_init(struct decoder *r)
{
	*r = (struct decoder){ .cd = iconv_open("UTF-8", "WINDOWS-1252") };
	return r->cd != (iconv_t)-1;
}

void decode_release(struct decoder *r)
{
	free(r->dec);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	r->dec = NULL;
	r->cd = (iconv_t)-1;
}

/* Characters before byte offset off of line p, UTF-8 or single-byte. */
static long char_column(const struct decoder *r, const char *p, size_t off)
{
	if (r->enc == EXP_CP1252)
		return (long)off + 1;
	return g_utf8_strlen(p, (gssize)off) + 1;
}

/* Does p[0..n) start with a whole multi-byte UTF-8 sequence? */
static bool utf8_seq_at(const char *p, size_t n)
{
	unsigned char c = (unsigned char)p[0];
	size_t k = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
	if (k == 0 || k > n || c > 0xF4)
		return false;
	const char *end;
	return g_utf8_validate(p, (gssize)k, &end);
}

/* The offset of the first byte whose high bit m has, m read from memory
 * as a word: the byte loops after the word loops start there (0 where
 * the words are big-endian: they start at the word). */
static size_t first_flagged(uint64_t m)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(m) / 8;
#else
	(void)m;
	return 0;
#endif
}

/* The offset of the first byte of p[i..n) with its high bit set, or n:
 * eight bytes at a time. */
static size_t next_high(const char *p, size_t i, size_t n)
{
	for (uint64_t w, m; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		if ((m = w & 0x8080808080808080u) != 0) {
			i += first_flagged(m);
			break;
		}
	}
	while (i < n && (unsigned char)p[i] < 0x80)
		i++;
	return i;
}

/* Where p[0..n) stops being UTF-8 (as g_utf8_validate says), or NULL.
 * Only the runs of non-ASCII bytes go to GLib: the ASCII between them,
 * most of a line, is skipped eight bytes at a time, and no sequence
 * spans an ASCII byte. */
static const char *utf8_invalid(const char *p, size_t n)
{
	for (size_t i = 0;;) {
		i = next_high(p, i, n);
		if (i == n)
			return NULL;
		size_t j = i + 1;
		while (j < n && (unsigned char)p[j] >= 0x80)
			j++;
		unsigned char c = (unsigned char)p[i];
		if (j - i == 2 && c >= 0xC2 && c <= 0xDF && ((unsigned char)p[i + 1] & 0xC0) == 0x80) {
			i = j;          /* é, è, à …: a two-byte letter, valid */
			continue;
		}
		const char *end;
		if (!g_utf8_validate(p + i, (gssize)(j - i), &end))
			return end;
		i = j;
	}
}

static bool grow_dec(struct decoder *r, size_t need)
{
	if (need <= r->deccap)
		return true;
	char *d = realloc(r->dec, need);
	if (!d)
		return false;
	r->dec = d;
	r->deccap = need;
	return true;
}

/* The UTF-8 of each byte from 0x80, as iconv converts it (once: a call
 * to iconv per line was a tenth of the HR register's reading); "" for
 * the bytes it cannot convert. */
static void cp1252_table(struct decoder *r)
{
	for (int c = 0x80; c <= 0xFF; c++) {
		char in = (char)c, *ip = &in, *op = r->cp1252[c - 0x80];
		size_t inleft = 1, oleft = sizeof r->cp1252[0] - 1;
		memset(r->cp1252[c - 0x80], 0, sizeof r->cp1252[0]);
		iconv(r->cd, NULL, NULL, NULL, NULL);
		if (iconv(r->cd, &ip, &inleft, &op, &oleft) == (size_t)-1)
			memset(r->cp1252[c - 0x80], 0, sizeof r->cp1252[0]);
	}
	r->cp1252_ready = true;
}

/* Line p[0..n) of a Windows-1252 file, ASCII up to i, into UTF-8 in
 * r->dec: every byte is a character, but five are undefined, and UTF-8
 * sequences betray a file that mixes encodings.  The ASCII runs between
 * the other bytes are copied whole. */
static bool cp1252_line(struct decoder *r, long line, const char *p, size_t n, size_t i,
			const char **out, size_t *outn, decode_stop_fn *stop_at, void *ctx)
{
	if (!grow_dec(r, 3 * n + 1)) {
		stop_at(ctx, line, 0, "out of memory");
		return false;
	}
	if (!r->cp1252_ready)
		cp1252_table(r);
	char *o = r->dec;
	for (size_t k = 0;;) {
		memcpy(o, p + k, i - k);
		o += i - k;
		if (i == n)
			break;
		unsigned char c = (unsigned char)p[i];
		if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
			stop_at(ctx, line, (long)i + 1,
				 "byte 0x%02X is not a Windows-1252 character", c);
			return false;
		}
		/* (a continuation byte must follow a UTF-8 lead byte) */
		if (c >= 0xC2 && i + 1 < n && ((unsigned char)p[i + 1] & 0xC0) == 0x80 &&
		    utf8_seq_at(p + i, n - i)) {
			stop_at(ctx, line, (long)i + 1,
				 "UTF-8 text in a file that reads as Windows-1252 since line %ld (mixed encodings)",
				 r->enc_line);
			return false;
		}
		const char *u = r->cp1252[c - 0x80];
		if (!u[0]) {
			stop_at(ctx, line, (long)i + 1, "cannot convert from Windows-1252");
			return false;
		}
		for (size_t b = 0; b < 4 && u[b]; b++)
			*o++ = u[b];
		k = i + 1;
		i = next_high(p, k, n);
	}
	*out = r->dec;
	*outn = (size_t)(o - r->dec);
	return true;
}

bool decode_line(struct decoder *r, long line, const char *p, size_t n,
		 const char **out, size_t *outn, decode_stop_fn *stop_at, void *ctx)
{
	size_t i = 0;

	/* eight bytes at a time while none has its high bit set or is NUL
	 * (the "has a zero byte" test of Hacker's Delight) */
	for (uint64_t w, m; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		/* the first byte with its high bit set, or the byte before the
		 * first NUL at most (the test may flag a 0x01 behind a NUL) */
		if ((m = (w | ((w - 0x0101010101010101u) & ~w)) & 0x8080808080808080u) != 0) {
			i += first_flagged(m);
			break;
		}
	}
	while (i < n && (unsigned char)p[i] < 0x80 && p[i] != '\0')
		i++;
	*out = p;
	*outn = n;
	if (i == n)                             /* ASCII: as it is */
		return true;
	if (p[i] == '\0') {
		stop_at(ctx, line, char_column(r, p, i),
			 "NUL byte in the file (a UTF-16 or binary file?)");
		return false;
	}
	if (memchr(p + i, '\0', n - i)) {
		size_t z = (size_t)((const char *)memchr(p + i, '\0', n - i) - p);
		stop_at(ctx, line, char_column(r, p, z),
			 "NUL byte in the file (a UTF-16 or binary file?)");
		return false;
	}
	if (r->enc == EXP_ASCII) {
		r->enc = utf8_seq_at(p + i, n - i) ? EXP_UTF8 : EXP_CP1252;
		r->enc_line = line;
	}
	if (r->enc != EXP_CP1252) {
		const char *end = utf8_invalid(p + i, n - i);
		if (!end)
			return true;
		stop_at(ctx, line, char_column(r, p, (size_t)(end - p)),
			 "invalid UTF-8 byte 0x%02X (the file reads as UTF-8 since line %ld: mixed encodings?)",
			 (unsigned char)*end, r->enc_line);
		return false;
	}
	return cp1252_line(r, line, p, n, i, out, outn, stop_at, ctx);
}
