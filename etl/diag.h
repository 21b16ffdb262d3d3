/*
 * diag.h — diagnostics collected while reading exports.
 *
 * Library code never prints: it adds located messages to a struct diag and
 * returns a status; main() prints them and chooses the exit code.  A message
 * reads "file:line:column: message" (GNU style, counted from 1; line 0 means
 * "the whole file", column 0 "the whole line").  Messages must never quote a
 * value from a personal column: callers name the column and the line.
 *
 * Memory is bounded: at most DIAG_KEEP entries of each level are kept, the
 * rest are only counted, so a file with a million bad rows costs nothing.
 */
#ifndef CARNET_DIAG_H
#define CARNET_DIAG_H

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

struct diag {
	struct diag_entry *v;  /* kept entries, in the order they were added */
	size_t n, cap;
	size_t errors;         /* all errors, kept or not */
	size_t warnings;       /* all warnings, kept or not */
	size_t kept_errors, kept_warnings;
};

#define DIAG_INIT { 0 }

/* Adds one located message; printf-style format.  Never fails visibly: when
 * memory runs out the message is only counted. */
void diag_add(struct diag *d, enum diag_level level, const char *file,
	      long line, long column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Prints every kept entry as "prog: file:line:column: [warning: ]msg" and a
 * line for those that were only counted. */
void diag_print(const struct diag *d, FILE *out, const char *prog);

/* Formats entry e the way diag_print does, without the program name, into
 * a malloc'ed string the caller frees (for tests and reports). */
char *diag_format(const struct diag_entry *e);

/* Frees every entry; d may be reused after. Accepts NULL. */
void diag_release(struct diag *d);

#endif
