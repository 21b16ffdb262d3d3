/* linescan.c — see linescan.h. */
#include "linescan.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Keeps the delimiters of mask (bit k: byte base + k), or says there
 * are too many. */
static inline void take_cuts(struct line_scan *ls, uint32_t mask, size_t base)
{
	for (; mask; mask &= mask - 1) {
		if (ls->ncuts == LINESCAN_MAX_CUTS) {
			ls->flags |= LINE_CUTS;
			return;
		}
		ls->cut[ls->ncuts++] = (uint32_t)(base + (size_t)__builtin_ctz(mask));
	}
}

/* The flag of a byte below 0x80 that is neither an LF, a CR nor the
 * delimiter. */
static inline unsigned byte_flag(unsigned char c)
{
	return c == '"' ? LINE_QUOTE : c == '\0' ? LINE_NUL : 0;
}

/* The flag of the bytes from 0x80 whose leads (0xC2–0xDF) and
 * continuations (0x80–0xBF) are at the bits of lead and cont, the rest
 * at other, where a continuation is due after each lead (due, the lead
 * before the first byte at bit 0) and bits [0, end) are the line's. */
static inline unsigned high_flag(uint32_t lead, uint32_t cont, uint32_t other,
				 uint32_t due, uint32_t line)
{
	if (other & line)
		return LINE_HIGH;
	if ((cont ^ due) & line)
		return LINE_HIGH;       /* a lead without its continuation, or the reverse */
	return (lead | cont) & line ? LINE_UTF8_2 : 0;
}

/* What one look hands to the next: the last byte was a CR, a lead. */
struct carry {
	bool cr;                /* a CR, not yet judged */
	uint32_t lead;          /* a UTF-8 lead, 1 */
};

#ifdef __SSE2__
/* Looks at p[0, n) sixteen bytes at a time: returns the LF's offset
 * (*lf set), or where fewer than sixteen bytes are left. */
static size_t sixteens(const char *p, size_t n, char delim, struct line_scan *ls,
		       struct carry *c, bool *lf)
{
	const __m128i vnl = _mm_set1_epi8('\n'), vq = _mm_set1_epi8('"'),
		vcr = _mm_set1_epi8('\r'), vz = _mm_setzero_si128(),
		vd = _mm_set1_epi8(delim);
	size_t i = 0;
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		uint32_t nl = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vnl));
		uint32_t d = delim ? (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd)) : 0;
		uint32_t odd = (uint32_t)_mm_movemask_epi8(_mm_or_si128(
			_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vz)));
		uint32_t cr = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vcr));
		uint32_t high = (uint32_t)_mm_movemask_epi8(v);
		uint32_t cont = 0, lead = 0;
		if (high) {
			/* as signed bytes: 0x80–0xBF are -128 … -65, 0xC2–0xDF
			 * -62 … -33 */
			cont = (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
			lead = (uint32_t)_mm_movemask_epi8(_mm_and_si128(
				_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)),
				_mm_cmplt_epi8(v, _mm_set1_epi8(-32))));
		}
		/* without an LF here, a CR in the last byte is judged with
		 * the next bytes */
		uint32_t keep = 0xFFFF, line_end_cr = 0x8000;
		int t = 16;
		if (nl) {
			t = __builtin_ctz(nl);
			keep = (1u << t) - 1;           /* the bytes before the LF */
			line_end_cr = t ? 1u << (t - 1) : 0;
		}
		/* a CR ending the sixteen bytes before: stray unless an LF
		 * comes first here */
		if ((c->cr && t != 0) || (cr & keep & ~line_end_cr))
			ls->flags |= LINE_CR;
		c->cr = !nl && (cr >> 15);
		for (uint32_t m = odd & keep; m; m &= m - 1)
			ls->flags |= byte_flag((unsigned char)p[i + (size_t)__builtin_ctz(m)]);
		/* a lead ending the line before its LF has no continuation:
		 * the LF's bit is the line's for that */
		uint32_t due = ((lead << 1) | c->lead) & 0xFFFF;
		if (high || due)
			ls->flags |= high_flag(lead, cont, high & ~(lead | cont), due,
					       nl ? keep | (keep + 1) : 0xFFFF);
		c->lead = lead >> 15;
		take_cuts(ls, d & keep, i);
		if (nl) {
			*lf = true;
			return i + (size_t)t;
		}
	}
	return i;
}
#endif

void linescan(const char *p, size_t n, char delim, struct line_scan *ls)
{
	struct carry c = { false, 0 };
	bool lf = false;
	size_t i = 0;

	ls->ncuts = 0;
	ls->flags = 0;
#ifdef __SSE2__
	i = sixteens(p, n, delim, ls, &c, &lf);
#endif
	for (; i < n && !lf; i++) {
		unsigned char ch = (unsigned char)p[i];
		uint32_t lead = ch >= 0xC2 && ch <= 0xDF, cont = ch >= 0x80 && ch <= 0xBF;
		if (ch >= 0x80 || c.lead)
			ls->flags |= high_flag(lead, cont, ch >= 0x80 && !lead && !cont,
					       c.lead, 1);
		c.lead = lead;
		if (ch == '\n') {
			lf = true;      /* (a CR just before it ends the line) */
			break;
		}
		if (c.cr)
			ls->flags |= LINE_CR;
		c.cr = ch == '\r';
		if (ch == (unsigned char)delim && delim)
			take_cuts(ls, 1, i);
		else if (!c.cr)
			ls->flags |= byte_flag(ch);
	}
	/* no LF: a CR or a lead at the very end is no line end, no letter */
	if (!lf && c.cr)
		ls->flags |= LINE_CR;
	if (!lf && c.lead)
		ls->flags |= LINE_HIGH;
	if (ls->flags & LINE_HIGH)
		ls->flags &= ~(unsigned)LINE_UTF8_2;
	ls->ended = lf;
	ls->len = lf ? i + 1 : n;
}
