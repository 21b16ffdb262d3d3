/*
 * export.h — the streaming reader every source stands on.
 *
 * exp_read() reads one export file as the services' software writes it
 * (exports.md, "general"): it detects the encoding (UTF-8 with or without
 * BOM, Windows-1252, converted to UTF-8 once, here) and the delimiter
 * (';', ',' or TAB, from the header line), parses quoted fields with
 * libcsv, finds the wanted columns by header name whatever their order,
 * case, accents or '_'/'-'/space spelling, and hands the rows one at a
 * time to a callback.  Memory does not grow with the number of rows: only
 * the current row is held.
 *
 * Inside the callback, the typed getters (exp_date, exp_number …) parse a
 * field and, when it is bad, report "file:line:column: message" where line
 * is the physical line of the field (a quoted field may span lines) and
 * column its field number, naming the header; a value is quoted in the
 * message only when its column is not EXP_PERSONAL.
 *
 * Every row must have as many fields as the header; rows whose fields are
 * all blank are skipped.  A file with no data row is an error.  After
 * EXP_MAX_ERRORS errors in one file, reading stops.
 */
#ifndef CARNET_EXPORT_H
#define CARNET_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"
#include "diag.h"
#include "status.h"
#include "fields.h"

#define EXP_MAX_ERRORS 20
#define EXP_MAX_LINE   (1u << 20)   /* bytes in one physical line */
#define EXP_MAX_FIELD  (64u << 10)  /* bytes in one field */

/* Column flags. */
#define EXP_REQUIRED 1u  /* the column must be there; its values non-empty */
#define EXP_PERSONAL 2u  /* values are personal data: never quoted */
#define EXP_PREFIX   4u  /* name "q_" stands for every column "q_…" */

/* A column a source wants, by its name in exports.md. */
struct exp_col {
	const char *name;
	unsigned flags;
};

/* One field of the current row.  s is NULL when the column is not in the
 * file (an optional column).  All pointers are valid during the callback
 * only. */
struct exp_field {
	const char *s;        /* UTF-8, NUL-terminated, as in the file */
	size_t len;
	long line;            /* physical line where the field starts */
	int column;           /* field number in the row, from 1 */
	const char *header;   /* the column's header as written in the file */
	const char *slug;     /* its slug ("q_proprete") */
	unsigned flags;       /* of the exp_col it answers */
};

struct exp_row {
	long line;                       /* physical line where the row starts */
	const struct exp_field *col;     /* one per exp_col, in that order */
	const struct exp_field *prefix;  /* the EXP_PREFIX column's matches */
	size_t nprefix;                  /* in file order */
};

struct exp_reader;

typedef void exp_row_fn(struct exp_reader *r, const struct exp_row *row,
			void *ctx);

struct exp_source {
	const char *path;            /* as it will appear in messages */
	const struct exp_col *cols;
	size_t ncols;
	exp_row_fn *on_row;
	void *ctx;
	/* Optional: called as the file is read, bytes done of total. */
	void (*on_progress)(uint64_t done, uint64_t total, void *ctx);
	/* A header with no row after it is a valid (empty) file. */
	bool allow_empty;
};

struct exp_stats {
	long rows;            /* data rows handed to the callback */
	long rejected;        /* of which with a rejected value */
	long outside;         /* of which outside the year, kept for history
			       * (a register's past contracts): counted, not
			       * warned about */
	long lines;           /* physical lines */
	uint64_t bytes;
	char sha256[65];      /* of the file's bytes, lower-case hex: set by
			       * etl.c (digest.h), not by exp_read */
	enum exp_encoding encoding;
	char delimiter;
	bool crlf;            /* the header line ends with CR LF */
	int passes;           /* times the file was read: more than 1 only
			       * when its keys were sorted on disk */
	bool sorted;          /* its keys were sorted on disk (keycheck.h);
			       * these two set by reading.c */
	double from, to;      /* seconds into the run when its reading began
			       * and ended, on a core of its own (-v: what
			       * bounds the run); set by etl.c */
	double hashed_from, hashed_to;  /* and its SHA-256, likewise */
};

/* Reads src->path from start to end (or to the first structural error),
 * adding errors and warnings to d and filling st.  Returns STATUS_OK when no
 * error was found in this file. */
enum status exp_read(const struct exp_source *src, struct diag *d,
			 struct exp_stats *st);

/* Typed getters, for the row callback.  They return EXP_GOT and set *out,
 * EXP_EMPTY for a blank field of an optional column (or an absent column;
 * *out untouched), or EXP_BAD after reporting the value as rejected.  A
 * blank field in an EXP_REQUIRED column is rejected, except by exp_yesno,
 * for which blank means "no".  (export_values.c) */
enum exp_got { EXP_BAD = -1, EXP_GOT = 0, EXP_EMPTY = 1 };

int exp_date(struct exp_reader *r, const struct exp_field *f, day_t *out);
int exp_number(struct exp_reader *r, const struct exp_field *f, double *out);
/* A count: a whole number from 0 to 2^53 (a fraction is rejected). */
int exp_count(struct exp_reader *r, const struct exp_field *f, long *out);
int exp_yesno(struct exp_reader *r, const struct exp_field *f, bool *out);
int exp_enum(struct exp_reader *r, const struct exp_field *f,
	     const struct enum_label *labels, int *out);
/* The field's text with blanks around it left out, or EXP_EMPTY / EXP_BAD
 * as above. */
int exp_text(struct exp_reader *r, const struct exp_field *f,
	     const char **s, size_t *len);

/* The field's text as exp_text gives it, copied ("" when empty or
 * absent), without the control and bidi override characters
 * text_drop_controls() removes (a warning at the field says so); the
 * caller frees it with g_free. */
char *exp_strdup(struct exp_reader *r, const struct exp_field *f);

/* Reports f's value as rejected (the row counts as rejected) at f's line
 * and column, as "invalid WHAT 'value' in 'header': REASON" (the value is
 * left out for a personal column); fmt gives the reason and must not
 * contain a personal value. */
void exp_reject(struct exp_reader *r, const struct exp_field *f,
		const char *what, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Reports f's value as missing (blank in a required column): the row
 * counts as rejected. */
void exp_missing(struct exp_reader *r, const struct exp_field *f);

/* Reports a warning at f's line and column: the message is followed by
 * " in 'header'".  fmt must not contain a personal value. */
void exp_warn(struct exp_reader *r, const struct exp_field *f,
	      const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Counts the current row as outside the year (exp_stats.outside). */
void exp_outside_year(struct exp_reader *r);

/* Reads no further, saying nothing: the reading will be done again
 * (keycheck.h). */
void exp_stop(struct exp_reader *r);

/* A warning about the whole row at line. */
void exp_warn_row(struct exp_reader *r, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The path being read, as given in exp_source. */
const char *exp_path(const struct exp_reader *r);

/* "UTF-8", "Windows-1252" … */
const char *exp_encoding_name(enum exp_encoding e);

#endif
