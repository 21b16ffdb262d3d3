/* linescan.c — see linescan.h. */
#include "linescan.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LINESCAN_AVX2
#include <immintrin.h>
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

/* What a block of w bytes (16 or 32) holds, a bit a byte: its LFs, its
 * delimiters, its quotes and NULs, its CRs, its bytes from 0x80, and of
 * those the UTF-8 continuations (0x80–0xBF) and two-byte leads
 * (0xC2–0xDF). */
struct masks {
	uint32_t nl, d, odd, cr, high, cont, lead;
};

/* Judges the block at p + i from its masks, w bytes wide: true at the
 * line's LF, whose offset goes to *at.  Always inline in each loop
 * below, w a constant there (GCC made it a call: each loop at half its
 * speed). */
static inline __attribute__((always_inline))
bool judge(const char *p, size_t i, unsigned w, struct masks m, struct line_scan *ls,
	   struct carry *c, size_t *at)
{
	uint32_t all = (uint32_t)((1ull << w) - 1);
	/* without an LF here, a CR in the last byte is judged with the next
	 * bytes */
	uint32_t keep = all, line_end_cr = 1u << (w - 1);
	unsigned t = w;
	if (m.nl) {
		t = (unsigned)__builtin_ctz(m.nl);
		keep = (1u << t) - 1;           /* the bytes before the LF */
		line_end_cr = t ? 1u << (t - 1) : 0;
	}
	/* a CR ending the block before: stray unless an LF comes first here */
	if ((c->cr && t != 0) || (m.cr & keep & ~line_end_cr))
		ls->flags |= LINE_CR;
	c->cr = !m.nl && (m.cr >> (w - 1));
	for (uint32_t o = m.odd & keep; o; o &= o - 1)
		ls->flags |= byte_flag((unsigned char)p[i + (size_t)__builtin_ctz(o)]);
	/* a lead ending the line before its LF has no continuation: the LF's
	 * bit is the line's for that */
	uint32_t due = ((m.lead << 1) | c->lead) & all;
	if (m.high || due)
		ls->flags |= high_flag(m.lead, m.cont, m.high & ~(m.lead | m.cont), due,
				       m.nl ? keep | (keep + 1) : all);
	c->lead = m.lead >> (w - 1);
	take_cuts(ls, m.d & keep, i);
	if (m.nl)
		*at = i + t;
	return m.nl != 0;
}

#ifdef __SSE2__
/* Looks at p[i, n) sixteen bytes at a time: returns the LF's offset
 * (*lf set), or where fewer than sixteen bytes are left. */
static size_t sixteens(const char *p, size_t i, size_t n, char delim, struct line_scan *ls,
		       struct carry *c, bool *lf)
{
	const __m128i vnl = _mm_set1_epi8('\n'), vq = _mm_set1_epi8('"'),
		vcr = _mm_set1_epi8('\r'), vz = _mm_setzero_si128(),
		vd = _mm_set1_epi8(delim);
	size_t at;
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		struct masks m = {
			.nl = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vnl)),
			.d = delim ? (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vd)) : 0,
			.odd = (uint32_t)_mm_movemask_epi8(_mm_or_si128(
				_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vz))),
			.cr = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vcr)),
			.high = (uint32_t)_mm_movemask_epi8(v),
		};
		if (m.high) {
			/* as signed bytes: 0x80–0xBF are -128 … -65, 0xC2–0xDF
			 * -62 … -33 */
			m.cont = (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
			m.lead = (uint32_t)_mm_movemask_epi8(_mm_and_si128(
				_mm_cmpgt_epi8(v, _mm_set1_epi8(-63)),
				_mm_cmplt_epi8(v, _mm_set1_epi8(-32))));
		}
		if (judge(p, i, 16, m, ls, c, &at)) {
			*lf = true;
			return at;
		}
	}
	return i;
}
#endif

#ifdef LINESCAN_AVX2
/* The same, thirty-two bytes at a time, where the processor has AVX2
 * (linescan_width): half the looks for a line of a survey's 190 bytes. */
__attribute__((target("avx2")))
static size_t thirtytwos(const char *p, size_t i, size_t n, char delim, struct line_scan *ls,
			 struct carry *c, bool *lf)
{
	const __m256i vnl = _mm256_set1_epi8('\n'), vq = _mm256_set1_epi8('"'),
		vcr = _mm256_set1_epi8('\r'), vz = _mm256_setzero_si256(),
		vd = _mm256_set1_epi8(delim);
	size_t at;
	for (; i + 32 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		struct masks m = {
			.nl = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, vnl)),
			.d = delim ? (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, vd)) : 0,
			.odd = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
				_mm256_cmpeq_epi8(v, vq), _mm256_cmpeq_epi8(v, vz))),
			.cr = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, vcr)),
			.high = (uint32_t)_mm256_movemask_epi8(v),
		};
		if (m.high) {
			m.cont = (uint32_t)_mm256_movemask_epi8(
				_mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v));
			m.lead = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
				_mm256_cmpgt_epi8(v, _mm256_set1_epi8(-63)),
				_mm256_cmpgt_epi8(_mm256_set1_epi8(-32), v)));
		}
		if (judge(p, i, 32, m, ls, c, &at)) {
			*lf = true;
			return at;
		}
	}
	return i;
}
#endif

unsigned linescan_width;

/* The width of the looks: linescan_width when a test sets it, else the
 * widest the processor offers. */
static unsigned width(void)
{
	if (linescan_width)
		return linescan_width;
#ifdef LINESCAN_AVX2
	if (__builtin_cpu_supports("avx2"))
		return 32;
#endif
#ifdef __SSE2__
	return 16;
#else
	return 1;
#endif
}

void linescan(const char *p, size_t n, char delim, struct line_scan *ls)
{
	struct carry c = { false, 0 };
	bool lf = false;
	size_t i = 0;

	ls->ncuts = 0;
	ls->flags = 0;
	unsigned w = width();
#ifdef LINESCAN_AVX2
	if (w == 32)
		i = thirtytwos(p, i, n, delim, ls, &c, &lf);
#endif
#ifdef __SSE2__
	if (w >= 16 && !lf)     /* (after thirty-two: what is left) */
		i = sixteens(p, i, n, delim, ls, &c, &lf);
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
