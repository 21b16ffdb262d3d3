/*
 * linescan.h — one look at a physical line of an export: where it ends,
 * where its delimiters are, and whether it holds a byte that asks for
 * more than a split at them (a quote, a NUL, a CR before its end, a byte
 * from 0x80: whether those are just the two-byte letters of valid UTF-8,
 * French's accents, is told apart).  Most lines of most exports hold
 * none, or only such letters in a UTF-8 file, and are then cut at the
 * delimiters found here, with no other pass over their bytes.
 *
 * Thirty-two bytes are looked at a time where the processor has AVX2,
 * sixteen where the compiler offers SSE2 (every x86-64), a byte at a time
 * elsewhere: the same answer either way.
 */
#ifndef CARNET_LINESCAN_H
#define CARNET_LINESCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LINESCAN_MAX_CUTS 255   /* delimiters kept; a line with more is "odd" */

enum {
	LINE_QUOTE = 1,         /* a '"' */
	LINE_NUL = 2,           /* a NUL byte */
	LINE_CR = 4,            /* a CR that is not the one just before the LF */
	LINE_HIGH = 8,          /* a byte from 0x80 but in LINE_UTF8_2's letters */
	LINE_CUTS = 16,         /* more than LINESCAN_MAX_CUTS delimiters */
	LINE_UTF8_2 = 32,       /* two-byte UTF-8 letters (U+0080–U+07FF:
				 * é, è, à, ç …), each whole, as the only
				 * bytes from 0x80 */
};

struct line_scan {
	size_t len;             /* the line's bytes, its LF included */
	bool ended;             /* it has its LF (else: no LF in what was given) */
	unsigned flags;         /* LINE_*, of the bytes before the LF */
	size_t ncuts;
	uint32_t cut[LINESCAN_MAX_CUTS];        /* the delimiters' offsets */
};

/* The width of the looks, in bytes (32, 16 or 1): 0, the widest the
 * processor offers, unless a test sets it to try a narrower one (no
 * wider than that; set it before any thread scans). */
extern unsigned linescan_width;

/* Looks at p[0, n) up to its first LF (the line is all of it when there
 * is none); delim is the line's delimiter (0: none yet, no cuts). */
void linescan(const char *p, size_t n, char delim, struct line_scan *ls);

#endif
