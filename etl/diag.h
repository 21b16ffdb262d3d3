/*
 * diag.h — diagnostics collected while reading exports.
 *
 * Library code never prints: it adds located messages to a struct diag and
 * returns a status; main() prints them and chooses the exit code.  A message
 * reads "file:line:column: message" (GNU style, counted from 1; line 0 means
 * "the whole file", column 0 "the whole line").  Messages must never quote a
 * value from a personal column: callers name the column and the line.
 *
 * Memory is bounded: at most DIAG_KEEP entries of each level are kept (what
 * the terminal shows), the rest are only counted, so a file with a million
 * bad rows costs nothing.
 *
 * Formats are English and translated here (i18n.h): the kept messages,
 * for the terminal, in the user's language; the report's (every warning
 * and the kinds' labels) in French.  For the data-quality report, diag_keep_all()
 * has every warning written to a temporary file as well, and each counted
 * by its kind (the file, and the message's format): the report lists them
 * all, grouped by kind.
 */
#ifndef CARNET_DIAG_H
#define CARNET_DIAG_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING };

#define DIAG_KEEP 200

struct diag_entry {
	enum diag_level level;
	char *file;            /* owned */
	long line;
	long column;
	char *msg;             /* owned, UTF-8 */
};

/* A kind of warning: where, and the message with its values left out. */
struct diag_kind {
	char *file;
	const char *fmt, *detail;       /* the format, and what it names */
	char *label;           /* "session left out: date outside … in 'Date'" */
	size_t count;
};

struct diag {
	struct diag_entry *v;  /* kept entries, in the order they were added */
	size_t n, cap;
	size_t errors;         /* all errors, kept or not */
	size_t warnings;       /* all warnings, kept or not */
	size_t kept_errors, kept_warnings;
	FILE *all;             /* every warning (kind, file, line, column,
				* message), after diag_keep_all() */
	struct diag_kind *kinds;        /* in the order first seen */
	size_t nkinds;
};

#define DIAG_INIT { 0 }

/* Adds one located message; printf-style format.  Never fails visibly: when
 * memory runs out the message is only counted. */
void diag_add(struct diag *d, enum diag_level level, const char *file,
	      long line, long column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* From now on, every warning is also written to a temporary file (gone
 * with the process) and counted by kind.  Returns 0, or -1 when no
 * temporary file can be made. */
int diag_keep_all(struct diag *d);

/* diag_add() for a warning of a kind: kind (the format the message was
 * made with, a string literal compared by address) and detail (a
 * column's name, added to the message as " in 'name'", or NULL) say
 * which.  diag_add() takes its own format as the kind. */
void diag_warn_kind(struct diag *d, const char *file, long line, long column,
		    const char *kind, const char *detail, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* diag_warn_kind() with fmt as the kind, from a va_list: for readers
 * that take a warning's format and values from their callers. */
void diag_vwarn(struct diag *d, const char *file, long line, long column,
		const char *detail, const char *fmt, va_list ap)
	__attribute__((format(printf, 6, 0)));

/* Calls fn for each warning of kind k (an index into d->kinds) in the
 * order they came, from the temporary file; 0, or -1 on a read error. */
int diag_each_of_kind(const struct diag *d, size_t k,
		      void (*fn)(const char *file, long line, long column,
				 const char *msg, void *ctx), void *ctx);

/* Prints every kept entry as "prog: file:line:column: [warning: ]msg" and a
 * line for those that were only counted. */
void diag_print(const struct diag *d, FILE *out, const char *prog);

/* Formats entry e the way diag_print does, without the program name, into
 * a malloc'ed string the caller frees (for tests and reports). */
char *diag_format(const struct diag_entry *e);

/* Adds what from holds to into, as if each of its messages had been added
 * to into in the order it came: the entries into keeps (within its
 * DIAG_KEEP), the counts, and with diag_keep_all() the kinds and every
 * warning.  For a reading done on its own diag (another thread) whose
 * messages must land where a reading in turn would have put them.
 * Returns 0, or -1 when the warnings' file cannot be read or written. */
int diag_merge(struct diag *into, const struct diag *from);

/* Writes d's kept entries and its counts to f, for a process that gives
 * its messages back to its parent (not the kinds: diag_keep_all() is a
 * reading's); diag_load() reads them into an empty diag.  0, or -1. */
int diag_save(const struct diag *d, FILE *f);
int diag_load(struct diag *d, FILE *f);

/* Frees every entry; d may be reused after. Accepts NULL. */
void diag_release(struct diag *d);

#endif
