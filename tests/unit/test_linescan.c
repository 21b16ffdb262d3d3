/* test_linescan.c — etl/linescan.h: a line's end, delimiters and flags,
 * on lines written for each case (the sixteen- and thirty-two-byte
 * boundaries of the SSE2 and AVX2 loops among them, past the first look
 * too), then on random lines against the definition read a byte at a
 * time; each test with each width of look: the processor's widest (32
 * with AVX2), 16 and 1. */
#include "suites.h"
#include "../../etl/linescan.h"

#include <stdlib.h>
#include <string.h>

static struct line_scan ls;

/* The widths each test runs with (a loop test's _i): 0 is the widest. */
static const unsigned widths[] = { 0, 16, 1 };

static void with_width(int i)
{
	linescan_width = widths[i];
}

static void widest(void)
{
	linescan_width = 0;
}

static unsigned scan(const char *p, char delim)
{
	linescan(p, strlen(p), delim, &ls);
	return ls.flags;
}

/* 63 bytes of text, then tail: its first byte is the 64th of the line. */
static unsigned scan_at_63(const char *tail, char delim)
{
	char p[256];
	memset(p, 'x', 63);
	strcpy(p + 63, tail);
	return scan(p, delim);
}

START_TEST(a_plain_line_ends_at_its_lf_and_is_cut_at_its_delimiters)
{
	with_width(_i);
	const char *p = "ab;c;;d\nnext;line\n";
	ck_assert_uint_eq(scan(p, ';'), 0);
	ck_assert(ls.ended);
	ck_assert_uint_eq(ls.len, 8);
	ck_assert_uint_eq(ls.ncuts, 3);
	ck_assert_uint_eq(ls.cut[0], 2);
	ck_assert_uint_eq(ls.cut[1], 4);
	ck_assert_uint_eq(ls.cut[2], 5);
	/* a long one: cuts past the first sixteen bytes */
	p = "0123456789abcdef;0123456789abcdef;x\n";
	ck_assert_uint_eq(scan(p, ';'), 0);
	ck_assert_uint_eq(ls.len, strlen(p));
	ck_assert_uint_eq(ls.ncuts, 2);
	ck_assert_uint_eq(ls.cut[0], 16);
	ck_assert_uint_eq(ls.cut[1], 33);
	/* no LF: all of it, not ended */
	ck_assert_uint_eq(scan("a;b", ';'), 0);
	ck_assert(!ls.ended);
	ck_assert_uint_eq(ls.len, 3);
	/* no delimiter yet (the header): no cuts */
	ck_assert_uint_eq(scan("a;b\n", 0), 0);
	ck_assert_uint_eq(ls.ncuts, 0);
}
END_TEST

START_TEST(a_cr_is_a_line_end_only_just_before_the_lf)
{
	with_width(_i);
	ck_assert_uint_eq(scan("a;b\r\n", ';'), 0);
	ck_assert_uint_eq(scan("a\r;b\r\n", ';'), LINE_CR);
	ck_assert_uint_eq(scan("a;b\r", ';'), LINE_CR);          /* no LF after it */
	/* across the sixteen-byte boundary: CR at 15, LF at 16 */
	ck_assert_uint_eq(scan("0123456789abcde\r\n", ';'), 0);
	ck_assert_uint_eq(scan("0123456789abcde\rx\n", ';'), LINE_CR);
	ck_assert_uint_eq(scan("0123456789abcdef0123456789abcde\r\n", ';'), 0);
	ck_assert_uint_eq(scan("0123456789abcdef0123456789abcde\rx\n", ';'), LINE_CR);
	/* across the fourth look's end: CR at 63, LF at 64 */
	ck_assert_uint_eq(scan_at_63("\r\n", ';'), 0);
	ck_assert_uint_eq(ls.len, 65);
	ck_assert_uint_eq(scan_at_63("\rx\n", ';'), LINE_CR);
	ck_assert_uint_eq(scan_at_63("\r", ';'), LINE_CR);
	/* a CR after the LF is the next line's */
	ck_assert_uint_eq(scan("ab\n\r", ';'), 0);
}
END_TEST

START_TEST(quotes_nuls_and_bytes_from_0x80_are_told)
{
	with_width(_i);
	ck_assert_uint_eq(scan("a;\"b\";c\n", ';'), LINE_QUOTE);
	ck_assert_uint_eq(scan("Tr\xC3\xA8s;\xC3\x89" "cluses\n", ';'), LINE_UTF8_2);
	ck_assert_uint_eq(scan("Tr\xE8s\n", ';'), LINE_HIGH);            /* Windows-1252 è */
	ck_assert_uint_eq(scan("12 \xE2\x82\xAC\n", ';'), LINE_HIGH);    /* €: three bytes */
	ck_assert_uint_eq(scan("a\xC3\n", ';'), LINE_HIGH);              /* a lead, then LF */
	ck_assert_uint_eq(scan("a\xA9" "b\n", ';'), LINE_HIGH);          /* a lone continuation */
	ck_assert_uint_eq(scan("\xC0\xAF\n", ';'), LINE_HIGH);           /* overlong */
	ck_assert_uint_eq(scan("\xC3\xA9\xA9\n", ';'), LINE_HIGH);
	/* a letter across the sixteen-byte boundary, and one ending the text */
	ck_assert_uint_eq(scan("0123456789abcde\xC3\xA9;x\n", ';'), LINE_UTF8_2);
	ck_assert_uint_eq(scan("0123456789abcde\xC3", ';'), LINE_HIGH);
	ck_assert_uint_eq(scan("0123456789abcdef0123456789abcde\xC3\n", ';'), LINE_HIGH);
	/* a letter across the fourth look's end; a lead at 63, LF at 64 */
	ck_assert_uint_eq(scan_at_63("\xC3\xA9;x\n", ';'), LINE_UTF8_2);
	ck_assert_uint_eq(ls.ncuts, 1);
	ck_assert_uint_eq(ls.cut[0], 65);
	ck_assert_uint_eq(scan_at_63("\xC3\n", ';'), LINE_HIGH);
	ck_assert_uint_eq(scan_at_63("\xA9\n", ';'), LINE_HIGH);
	/* both kinds: not only two-byte letters */
	ck_assert_uint_eq(scan("\xC3\xA9\xE9\n", ';'), LINE_HIGH);
	const char nul[] = "a;\0b\n";
	linescan(nul, sizeof nul - 1, ';', &ls);
	ck_assert_uint_eq(ls.flags, LINE_NUL);
	ck_assert_uint_eq(ls.len, 5);
	/* what comes after the LF is not looked at */
	ck_assert_uint_eq(scan("ab\n\"\xE9\r", ';'), 0);
}
END_TEST

START_TEST(more_delimiters_than_kept_are_told)
{
	with_width(_i);
	char p[LINESCAN_MAX_CUTS + 3];
	memset(p, ';', LINESCAN_MAX_CUTS);
	strcpy(p + LINESCAN_MAX_CUTS, "\n");
	ck_assert_uint_eq(scan(p, ';'), 0);
	ck_assert_uint_eq(ls.ncuts, LINESCAN_MAX_CUTS);
	memset(p, ';', LINESCAN_MAX_CUTS + 1);
	strcpy(p + LINESCAN_MAX_CUTS + 1, "\n");
	ck_assert_uint_eq(scan(p, ';'), LINE_CUTS);
}
END_TEST

/* The flags by their definition, a byte at a time. */
static void by_definition(const unsigned char *p, size_t n, char delim, struct line_scan *r)
{
	size_t nl = n;
	for (size_t i = 0; i < n; i++)
		if (p[i] == '\n') {
			nl = i;
			break;
		}
	r->ended = nl < n;
	r->len = r->ended ? nl + 1 : n;
	r->flags = 0;
	r->ncuts = 0;
	for (size_t i = 0; i < nl; i++) {
		unsigned char c = p[i];
		if (c == '"')
			r->flags |= LINE_QUOTE;
		else if (c == '\0')
			r->flags |= LINE_NUL;
		else if (c == '\r' && !(r->ended && i == nl - 1))
			r->flags |= LINE_CR;
		else if (c >= 0xC2 && c <= 0xDF && i + 1 < nl && p[i + 1] >= 0x80 && p[i + 1] <= 0xBF)
			r->flags |= LINE_UTF8_2, i++;
		else if (c >= 0x80)
			r->flags |= LINE_HIGH;
		else if (delim && c == (unsigned char)delim) {
			if (r->ncuts == LINESCAN_MAX_CUTS)
				r->flags |= LINE_CUTS;
			else
				r->cut[r->ncuts++] = (uint32_t)i;
		}
	}
	if (r->flags & LINE_HIGH)
		r->flags &= ~(unsigned)LINE_UTF8_2;
}

START_TEST(random_lines_read_as_their_definition)
{
	with_width(_i);
	/* the ends of each range of bytes from 0x80 among them */
	static const char alphabet[] = "ab ;,\t\r\n\"\x7F\x80\xA9\xBF\xC0\xC1\xC2\xC3\xDF\xE0\xE2\xE9";
	static unsigned char p[600];
	static struct line_scan want;
	srand(26);
	for (int k = 0; k < 200000; k++) {
		size_t n = (size_t)rand() % sizeof p;
		int odd = rand() % 8;           /* one byte in odd+1 from the alphabet */
		for (size_t i = 0; i < n; i++)
			p[i] = rand() % (odd * 4 + 1) ? (unsigned char)('a' + rand() % 3)
			       : (unsigned char)alphabet[rand() % (int)(sizeof alphabet - 1)];
		if (rand() % 4 == 0)            /* French letters, whole */
			for (size_t i = 0; i + 1 < n; i += 1 + (size_t)(rand() % 9)) {
				p[i] = 0xC3;
				p[i + 1] = (unsigned char)(0xA0 + rand() % 16);
				i++;
			}
		if (rand() % 50 == 0)           /* delimiters past the kept */
			memset(p, ';', n);
		char delim = rand() % 5 ? ";\t,"[rand() % 3] : 0;
		linescan((const char *)p, n, delim, &ls);
		by_definition(p, n, delim, &want);
		ck_assert_uint_eq(ls.len, want.len);
		ck_assert_int_eq(ls.ended, want.ended);
		ck_assert_uint_eq(ls.flags, want.flags);
		ck_assert_uint_eq(ls.ncuts, want.ncuts);
		ck_assert(memcmp(ls.cut, want.cut, ls.ncuts * sizeof *ls.cut) == 0);
	}
}
END_TEST

Suite *linescan_suite(void)
{
	Suite *s = suite_create("linescan");
	TCase *t = tcase_create("scan");
	int n = (int)(sizeof widths / sizeof *widths);
	tcase_add_checked_fixture(t, NULL, widest);
	tcase_add_loop_test(t, a_plain_line_ends_at_its_lf_and_is_cut_at_its_delimiters, 0, n);
	tcase_add_loop_test(t, a_cr_is_a_line_end_only_just_before_the_lf, 0, n);
	tcase_add_loop_test(t, quotes_nuls_and_bytes_from_0x80_are_told, 0, n);
	tcase_add_loop_test(t, more_delimiters_than_kept_are_told, 0, n);
	tcase_add_loop_test(t, random_lines_read_as_their_definition, 0, n);
	tcase_set_timeout(t, 60);
	suite_add_tcase(s, t);
	return s;
}
