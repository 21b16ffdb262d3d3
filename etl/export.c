/* export.c — see export.h.
 *
 * The file is read in blocks and cut into physical lines; each line is
 * decoded to UTF-8 and fed to libcsv on its own, so that when libcsv calls
 * back for a field we know on which line it ended.  A field starts on the
 * line where the previous one ended (after a delimiter) or on the next one
 * (after the end of a row).
 */
#include "export.h"
#include "decode.h"
#include "infile.h"
#include "i18n.h"
#include "linescan.h"
#include "text.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>

#define BLOCK (64u << 10)
/* libcsv's pstate between rows (ROW_NOT_BEGUN in libcsv.c, not in csv.h) */
#define CSV_ROW_NOT_BEGUN 0
#define QUOTE_MAX 40          /* bytes of a value quoted in a message */

/* A field of the row being assembled: in place in the line (s), or
 * copied into buf by libcsv's callback (at off). */
struct raw_field {
	const char *s;
	size_t off, len;
	long line;
};

struct exp_reader {
	const struct exp_source *src;
	struct diag *d;
	struct exp_stats *st;
	size_t errors_before;      /* d->errors when this file started */
	bool stop;                 /* a structural error: read no further */

	struct csv_parser csv;
	long line;                 /* physical line being fed to libcsv */
	long next_field_line;      /* where the next field starts */

	/* the row being assembled */
	char *buf;
	size_t len, cap;
	struct raw_field *f;
	size_t nf, fcap;
	bool row_bad;

	/* the header */
	bool have_header;
	size_t nheader;
	char **header, **slug;
	int *colmap;               /* exp_col index -> header index or -1 */
	size_t *prefix;            /* header indexes of the prefix column */
	size_t nprefix;
	struct exp_field *fields, *pfields;

	struct decoder dc;
	struct line_scan ls;       /* the line being fed */
};

const char *exp_path(const struct exp_reader *r)
{
	return r->src->path;
}

const char *exp_encoding_name(enum exp_encoding e)
{
	switch (e) {
	case EXP_ASCII: return "ASCII";
	case EXP_UTF8: return "UTF-8";
	case EXP_UTF8_BOM: return "UTF-8 with BOM";
	case EXP_CP1252: return "Windows-1252";
	}
	return "?";
}

static void verror(struct exp_reader *r, long line, long col, const char *fmt,
		   va_list ap)
{
	char *msg = g_strdup_vprintf(_(fmt), ap);
	diag_add(r->d, DIAG_ERROR, r->src->path, line, col, "%s", msg);
	g_free(msg);
	if (r->d->errors - r->errors_before >= EXP_MAX_ERRORS && !r->stop) {
		r->stop = true;
		diag_add(r->d, DIAG_ERROR, r->src->path, line, 0,
			 "too many errors, stopped reading here");
	}
}

static void __attribute__((format(printf, 4, 5)))
error_at(struct exp_reader *r, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verror(r, line, col, fmt, ap);
	va_end(ap);
}

/* A structural error: the rest of the file cannot be trusted (the
 * decoder's decode_stop_fn, ctx the reader). */
static void __attribute__((format(printf, 4, 5)))
stop_at(void *ctx, long line, long col, const char *fmt, ...)
{
	struct exp_reader *r = ctx;
	va_list ap;
	va_start(ap, fmt);
	verror(r, line, col, fmt, ap);
	va_end(ap);
	r->stop = true;
}

/* ---- the value quoted in messages ---- */

/* Writes 'value' (cut to QUOTE_MAX bytes, control characters shown as
 * '?') or nothing for a personal column, into out. */
static void quote_value(const struct exp_field *f, char *out, size_t cap)
{
	const char *s = f->s;
	size_t len = f->len, o = 0;

	out[0] = '\0';
	if (f->flags & EXP_PERSONAL)
		return;
	text_trim(&s, &len);
	bool cut = len > QUOTE_MAX;
	if (cut) {
		len = QUOTE_MAX;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;      /* not inside a UTF-8 sequence */
	}
	out[o++] = ' ';
	out[o++] = '\'';
	for (size_t i = 0; i < len && o + 8 < cap; i++)
		out[o++] = (unsigned char)s[i] < 0x20 ? '?' : s[i];
	if (cut && o + 8 < cap) {
		memcpy(out + o, "\xE2\x80\xA6", 3);     /* … */
		o += 3;
	}
	out[o++] = '\'';
	out[o] = '\0';
}

void exp_reject(struct exp_reader *r, const struct exp_field *f,
		const char *what, const char *fmt, ...)
{
	char q[QUOTE_MAX + 16];
	va_list ap;
	va_start(ap, fmt);
	char *why = g_strdup_vprintf(_(fmt), ap);
	va_end(ap);
	quote_value(f, q, sizeof q);
	r->row_bad = true;
	error_at(r, f->line, f->column, N_("invalid %s%s in '%s': %s"), _(what), q,
		 f->header, why);
	g_free(why);
}

void exp_missing(struct exp_reader *r, const struct exp_field *f)
{
	r->row_bad = true;
	error_at(r, f->line, f->column, "missing value in '%s'", f->header);
}

void exp_warn(struct exp_reader *r, const struct exp_field *f,
	      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	/* of a kind: the caller's format, for this column */
	diag_vwarn(r->d, r->src->path, f->line, f->column, f->header, fmt, ap);
	va_end(ap);
}

void exp_outside_year(struct exp_reader *r)
{
	r->st->outside++;
}

void exp_stop(struct exp_reader *r)
{
	r->stop = true;
}

void exp_warn_row(struct exp_reader *r, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vwarn(r->d, r->src->path, line, 0, NULL, fmt, ap);
	va_end(ap);
}

/* ---- header ---- */

static const char *raw_text(const struct exp_reader *r, size_t i)
{
	return r->f[i].s ? r->f[i].s : r->buf + r->f[i].off;
}

/* Finds the header columns that answer the source's column c (by its
 * key, or every one of its prefix), reporting a name met twice and a
 * required column missing. */
static void match_column(struct exp_reader *r, size_t c)
{
	char key[256], want[256];
	const struct exp_col *col = &r->src->cols[c];
	bool isprefix = col->flags & EXP_PREFIX;
	size_t plen = 0;
	int first = -1;

	if (isprefix) {
		text_slug(col->name, strlen(col->name), want, sizeof want - 1);
		plen = strlen(want);
		want[plen++] = '_';
		want[plen] = '\0';
	} else {
		text_key(col->name, strlen(col->name), want, sizeof want);
	}
	r->colmap[c] = -1;
	for (size_t h = 0; h < r->nheader; h++) {
		bool match;
		if (isprefix) {
			match = strncmp(r->slug[h], want, plen) == 0 &&
				r->slug[h][plen];
		} else {
			const char *s = r->header[h];
			match = strcmp(text_key(s, strlen(s), key, sizeof key),
				       want) == 0;
		}
		if (!match)
			continue;
		/* two columns with one name: which one to believe? */
		for (size_t k = 0; isprefix && k < r->nprefix; k++)
			if (strcmp(r->slug[r->prefix[k]], r->slug[h]) == 0)
				first = (int)r->prefix[k];
		if (!isprefix && r->colmap[c] >= 0)
			first = r->colmap[c];
		if (first >= 0) {
			error_at(r, 1, (long)h + 1,
				 "column '%s' appears twice (columns %d and %zu)",
				 r->header[h], first + 1, h + 1);
			first = -1;
			continue;
		}
		if (isprefix)
			r->prefix[r->nprefix++] = h;
		else
			r->colmap[c] = (int)h;
	}
	if ((col->flags & EXP_REQUIRED) &&
	    (isprefix ? r->nprefix == 0 : r->colmap[c] < 0)) {
		if (isprefix)
			error_at(r, 1, 0, "no column '%s*' (at least one is required)",
				 col->name);
		else
			error_at(r, 1, 0, "missing required column '%s'",
				 col->name);
	}
}

/* The column a source's column c reads, or -1 (absent, or a prefix). */
static int column_of(const struct exp_reader *r, size_t c)
{
	return r->src->cols[c].flags & EXP_PREFIX ? -1 : r->colmap[c];
}

/* What the header fixes of every row's fields (deliver_row sets the rest:
 * the text, its length and its line). */
static void fix_fields(struct exp_reader *r)
{
	const struct exp_source *src = r->src;
	for (size_t c = 0; c < src->ncols; c++) {
		int h = column_of(r, c);
		r->fields[c] = h < 0 ? (struct exp_field){
			.flags = src->cols[c].flags, .header = src->cols[c].name,
			.slug = src->cols[c].name,
		} : (struct exp_field){
			.column = h + 1, .header = r->header[h], .slug = r->slug[h],
			.flags = src->cols[c].flags,
		};
		for (size_t k = 0; (src->cols[c].flags & EXP_PREFIX) && k < r->nprefix; k++) {
			size_t p = r->prefix[k];
			r->pfields[k] = (struct exp_field){
				.column = (int)p + 1, .header = r->header[p],
				.slug = r->slug[p], .flags = src->cols[c].flags,
			};
		}
	}
}

static bool take_header(struct exp_reader *r)
{
	const struct exp_source *src = r->src;

	r->nheader = r->nf;
	r->header = calloc(r->nf, sizeof *r->header);
	r->slug = calloc(r->nf, sizeof *r->slug);
	r->colmap = calloc(src->ncols, sizeof *r->colmap);
	r->prefix = calloc(r->nf, sizeof *r->prefix);
	r->fields = calloc(src->ncols, sizeof *r->fields);
	r->pfields = calloc(r->nf, sizeof *r->pfields);
	if (!r->header || !r->slug || !r->colmap || !r->prefix || !r->fields ||
	    !r->pfields) {
		stop_at(r, 1, 0, "out of memory");
		return false;
	}
	for (size_t h = 0; h < r->nf; h++) {
		const char *s = raw_text(r, h);
		size_t len = r->f[h].len;
		text_trim(&s, &len);
		r->header[h] = g_strndup(s, len);
		r->slug[h] = g_malloc(len + 2);
		text_slug(s, len, r->slug[h], len + 2);
	}
	for (size_t c = 0; c < src->ncols; c++)
		match_column(r, c);
	if (r->d->errors > r->errors_before)
		r->stop = true;
	r->have_header = true;
	fix_fields(r);
	return !r->stop;
}

/* ---- rows ---- */

static void deliver_row(struct exp_reader *r)
{
	const struct exp_source *src = r->src;
	long line = r->f[0].line;

	bool blank = true;
	for (size_t i = 0; i < r->nf && blank; i++)
		blank = field_is_empty(raw_text(r, i), r->f[i].len);
	if (blank)
		return;
	r->st->rows++;
	if (r->nf != r->nheader) {
		r->st->rejected++;
		error_at(r, line, 0, "row has %zu fields where the header has %zu",
			 r->nf, r->nheader);
		return;
	}
	/* the rest of each field is the header's (fix_fields) */
	for (size_t c = 0; c < src->ncols; c++) {
		int h = column_of(r, c);
		struct exp_field *f = &r->fields[c];
		if (h < 0) {
			f->line = line;
			continue;
		}
		f->s = raw_text(r, (size_t)h);
		f->len = r->f[h].len;
		f->line = r->f[h].line;
	}
	for (size_t k = 0; k < r->nprefix; k++) {
		size_t p = r->prefix[k];
		r->pfields[k].s = raw_text(r, p);
		r->pfields[k].len = r->f[p].len;
		r->pfields[k].line = r->f[p].line;
	}
	struct exp_row row = {
		.line = line, .col = r->fields,
		.prefix = r->pfields, .nprefix = r->nprefix,
	};
	r->row_bad = false;
	src->on_row(r, &row, src->ctx);
	if (r->row_bad)
		r->st->rejected++;
}

/* Room for one more field; false after reporting it. */
static bool field_room(struct exp_reader *r, size_t len)
{
	if (len > EXP_MAX_FIELD) {
		stop_at(r, r->next_field_line, (long)r->nf + 1,
			 "field longer than %u bytes", EXP_MAX_FIELD);
		return false;
	}
	if (r->nf == r->fcap) {
		size_t cap = r->fcap ? 2 * r->fcap : 32;
		struct raw_field *f = realloc(r->f, cap * sizeof *f);
		if (!f) {
			stop_at(r, r->line, 0, "out of memory");
			return false;
		}
		r->f = f;
		r->fcap = cap;
	}
	return true;
}

/* A field of a plain line, left where it is: s[len] (a delimiter, a
 * blank, the line's CR or LF, or the byte past the block) becomes its
 * NUL. */
static void field_in_place(struct exp_reader *r, char *s, size_t len)
{
	/* (room for it, most of the time, seen without a call) */
	if (r->stop || ((len > EXP_MAX_FIELD || r->nf == r->fcap) && !field_room(r, len)))
		return;
	s[len] = '\0';
	r->f[r->nf++] = (struct raw_field){ s, 0, len, r->next_field_line };
	r->next_field_line = r->line;
}

/* libcsv: a field ended. */
static void on_field(void *s, size_t len, void *ctx)
{
	struct exp_reader *r = ctx;

	if (r->stop || !field_room(r, len))
		return;
	if (r->len + len + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;
		while (cap < r->len + len + 1)
			cap *= 2;
		char *b = realloc(r->buf, cap);
		if (!b) {
			stop_at(r, r->line, 0, "out of memory");
			return;
		}
		r->buf = b;
		r->cap = cap;
	}
	if (len)
		memcpy(r->buf + r->len, s, len);
	r->buf[r->len + len] = '\0';
	r->f[r->nf++] = (struct raw_field){ NULL, r->len, len, r->next_field_line };
	r->len += len + 1;
	r->next_field_line = r->line;
}

/* libcsv: a row ended. */
static void on_row_end(int c, void *ctx)
{
	struct exp_reader *r = ctx;
	(void)c;

	if (!r->stop && r->nf > 0) {
		if (!r->have_header)
			take_header(r);
		else
			deliver_row(r);
	}
	r->nf = 0;
	r->len = 0;
	/* the next row starts on this line (after a lone CR) or, as
	 * feed_line sets, on the next one */
	r->next_field_line = r->line;
}

/* ---- lines ---- */

/* The delimiter of the header line: the most frequent of ';', TAB and ','
 * outside quotes (ties go in that order), or 0. */
static char detect_delimiter(const char *p, size_t n)
{
	static const char cand[] = { ';', '\t', ',' };
	size_t count[3] = { 0 };
	bool quoted = false;

	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			for (int k = 0; k < 3; k++)
				count[k] += p[i] == cand[k];
	}
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return count[best] ? cand[best] : 0;
}

/* Is c a blank libcsv leaves out around an unquoted field? */
static bool csv_blank(char delim, char c)
{
	return (c == ' ' || c == '\t') && c != delim;
}

/* Splits line p[0..n), scanned in ls, that holds no quote, no NUL and no
 * CR but the one before its LF, at a row's start, as libcsv would
 * (fields trimmed of spaces and tabs, a blank line no row) but at the
 * delimiters the scan found: libcsv looks at one byte at a time through
 * a state machine, and most lines of most exports are plain delimited
 * text.  libcsv still reads the header, every line with a quote and the
 * rest of a quoted field. */
static void split_plain_line(struct exp_reader *r, char *p, size_t n,
			     const struct line_scan *ls)
{
	const char delim = r->st->delimiter;    /* (not read again a byte) */
	if (n > 0 && p[n - 1] == '\n')
		n--;
	if (n > 0 && p[n - 1] == '\r')
		n--;
	size_t lead = 0;
	while (lead < n && csv_blank(delim, p[lead]))
		lead++;
	if (lead == n)
		return;                         /* a blank line: no row */
	size_t from = 0;
	for (size_t k = 0; k <= ls->ncuts && !r->stop; k++) {
		size_t to = k < ls->ncuts ? ls->cut[k] : n;
		char *a = p + from, *b = p + to;
		while (a < b && csv_blank(delim, *a))
			a++;
		while (b > a && csv_blank(delim, b[-1]))
			b--;
		field_in_place(r, a, (size_t)(b - a));
		from = to + 1;
	}
	on_row_end('\n', r);
}

/* Can the line scanned in ls go through split_plain_line? */
static bool plain_line(const struct exp_reader *r, const struct line_scan *ls)
{
	/* between rows: no field begun, no quote open */
	return r->line != 1 && r->csv.pstate == CSV_ROW_NOT_BEGUN &&
	       !(ls->flags & (LINE_QUOTE | LINE_NUL | LINE_CR | LINE_CUTS));
}

/* Feeds physical line p[0..n), scanned in r->ls. */
static void feed_line(struct exp_reader *r, const char *p, size_t n)
{
	const char *u = p;
	size_t un = n;

	if (r->line == 1) {
		const unsigned char *b = (const unsigned char *)p;
		if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
			p += 3;
			n -= 3;
			r->dc.enc = EXP_UTF8_BOM;
			r->dc.enc_line = 1;
		} else if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
				      (b[0] == 0xFE && b[1] == 0xFF))) {
			stop_at(r, 1, 1, "UTF-16 files are not read: save the export as CSV in UTF-8 or Windows-1252");
			return;
		}
		r->st->crlf = n >= 2 && p[n - 2] == '\r' && p[n - 1] == '\n';
	}
	/* an ASCII line is its own UTF-8, and so is a line of whole two-byte
	 * letters in a file read as UTF-8 */
	bool as_is = !(r->ls.flags & (LINE_HIGH | LINE_NUL)) &&
		(!(r->ls.flags & LINE_UTF8_2) || r->dc.enc == EXP_UTF8 ||
		 r->dc.enc == EXP_UTF8_BOM);
	if (!as_is && !decode_line(&r->dc, r->line, p, n, &u, &un, stop_at, r))
		return;
	/* Outside a quoted field a new line starts a new row: blank lines
	 * before it must not count as its start. */
	if (!r->csv.quoted)
		r->next_field_line = r->line;
	if (r->line == 1) {
		char delim = detect_delimiter(u, un);
		if (!delim) {
			stop_at(r, 1, 0, "no delimiter in the header line: expected column names separated by ';', ',' or TAB");
			return;
		}
		csv_set_delim(&r->csv, (unsigned char)delim);
		r->st->delimiter = delim;
	}
	if (plain_line(r, &r->ls)) {
		if (u != p)             /* converted: its delimiters moved */
			linescan(u, un, r->st->delimiter, &r->ls);
		/* u is the block's or the decoding's buffer, ours to write in,
		 * with a byte to spare past it */
		split_plain_line(r, (char *)u, un, &r->ls);
		return;
	}
	size_t fed = csv_parse(&r->csv, u, un, on_field, on_row_end, r);
	if (r->stop)
		return;
	if (fed < un) {
		if (csv_error(&r->csv) == CSV_EPARSE)
			stop_at(r, r->line, (long)r->nf + 1,
				 "misplaced quote: a quote inside an unquoted field, or text after a closing quote");
		else
			stop_at(r, r->line, 0, "%s", csv_strerror(csv_error(&r->csv)));
		return;
	}
	if (r->csv.entry_pos > EXP_MAX_FIELD)
		stop_at(r, r->next_field_line, (long)r->nf + 1,
			 "field longer than %u bytes", EXP_MAX_FIELD);
}

static void release(struct exp_reader *r)
{
	for (size_t h = 0; h < r->nheader; h++) {
		g_free(r->header[h]);
		g_free(r->slug[h]);
	}
	free(r->header);
	free(r->slug);
	free(r->colmap);
	free(r->prefix);
	free(r->fields);
	free(r->pfields);
	free(r->buf);
	free(r->f);
	decode_release(&r->dc);
	csv_free(&r->csv);
}

/* Doubles the block that one line fills, up to EXP_MAX_LINE; false after
 * reporting why not. */
static bool grow_block(struct exp_reader *r, char **blk, size_t *cap)
{
	if (*cap >= EXP_MAX_LINE) {
		/* a binary or sparse file has no line ends: say what it
		 * holds rather than how long it runs */
		if (memchr(*blk, '\0', *cap))
			stop_at(r, r->line, 0, "NUL byte in the file "
				"(a UTF-16 or binary file?)");
		else
			stop_at(r, r->line, 0, "line longer than %u bytes", EXP_MAX_LINE);
		return false;
	}
	char *b = realloc(*blk, 2 * *cap + 1);
	if (!b) {
		stop_at(r, r->line, 0, "out of memory");
		return false;
	}
	*blk = b;
	*cap *= 2;
	return true;
}

/* Feeds the whole lines of blk[0..have); returns where the rest starts. */
static size_t feed_lines(struct exp_reader *r, char *blk, size_t have)
{
	size_t start = 0;
	while (!r->stop && start < have) {
		linescan(blk + start, have - start, r->st->delimiter, &r->ls);
		if (!r->ls.ended)
			break;
		size_t len = r->ls.len;         /* (feed_line may scan its decoding) */
		feed_line(r, blk + start, len);
		r->line++;
		start += len;
	}
	return start;
}

/* The end of the file: its last line if it has no '\n' (blk[0..have)),
 * a quoted field left open, no header or no row. */
static void end_of_file(struct exp_reader *r, char *blk, size_t have)
{
	if (!r->stop && have > 0) {
		linescan(blk, have, r->st->delimiter, &r->ls);
		feed_line(r, blk, have);
		r->line++;
	}
	if (!r->stop) {
		r->line--;                      /* the last line read */
		if (csv_fini(&r->csv, on_field, on_row_end, r) != 0 &&
		    csv_error(&r->csv) == CSV_EPARSE && !r->stop)
			stop_at(r, r->next_field_line, (long)r->nf + 1,
				"quoted field opened here is never closed");
	}
	if (!r->stop && !r->have_header)
		stop_at(r, 1, 0, "empty file: no header line");
	else if (!r->stop && r->st->rows == 0 && !r->src->allow_empty)
		stop_at(r, 1, 0, "no data rows after the header");
	r->st->lines = r->line;
}

/* Reads the file block by block and feeds whole lines. */
static enum status read_lines(struct exp_reader *r, int fd, uint64_t total)
{
	size_t cap = BLOCK, have = 0;
	char *blk = malloc(cap + 1);    /* + 1: a last field's NUL (field_in_place) */
	enum status status = STATUS_OK;
	uint64_t next_progress = 4u << 20;

	if (!blk) {
		stop_at(r, 0, 0, "out of memory");
		goto out;
	}
	for (;;) {
		if (have == cap && !grow_block(r, &blk, &cap))
			break;
		ssize_t got = read(fd, blk + have, cap - have);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			diag_add(r->d, DIAG_ERROR, r->src->path, 0, 0,
				 "cannot read: %s", strerror(errno));
			status = STATUS_FAILED;
			goto out;
		}
		if (got == 0)
			break;
		r->st->bytes += (uint64_t)got;
		have += (size_t)got;
		size_t start = feed_lines(r, blk, have);
		if (r->stop)
			break;
		memmove(blk, blk + start, have - start);
		have -= start;
		if (r->src->on_progress && r->st->bytes >= next_progress) {
			r->src->on_progress(r->st->bytes, total, r->src->ctx);
			next_progress = r->st->bytes + (4u << 20);
		}
	}
	end_of_file(r, blk, have);
	if (r->src->on_progress)
		r->src->on_progress(r->st->bytes, total, r->src->ctx);
out:
	free(blk);
	if (status == STATUS_OK && r->d->errors > r->errors_before)
		status = STATUS_BAD_INPUT;
	return status;
}

enum status exp_read(const struct exp_source *src, struct diag *d,
			 struct exp_stats *st)
{
	struct exp_reader r = {
		.src = src, .d = d, .st = st, .errors_before = d->errors,
		.line = 1, .next_field_line = 1,
	};
	enum status status;

	*st = (struct exp_stats){ 0 };
	const char *why;
	int fd = infile_open(src->path, &why);
	if (fd < 0) {
		diag_add(d, DIAG_ERROR, src->path, 0, 0, "cannot open: %s", why);
		return STATUS_FAILED;
	}
	struct stat sb;
	uint64_t total = fstat(fd, &sb) == 0 ? (uint64_t)sb.st_size : 0;
	if (csv_init(&r.csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		close(fd);
		diag_add(d, DIAG_ERROR, src->path, 0, 0, "out of memory");
		return STATUS_FAILED;
	}
	if (!decode_init(&r.dc)) {
		diag_add(d, DIAG_ERROR, src->path, 0, 0,
			 "no Windows-1252 converter: %s", strerror(errno));
		status = STATUS_FAILED;
	} else {
		status = read_lines(&r, fd, total);
	}
	st->encoding = r.dc.enc;
	close(fd);
	release(&r);
	return status;
}
