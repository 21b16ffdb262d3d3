/* diag.c — see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

void diag_add(struct diag *d, enum diag_level level, const char *file,
	      long line, long column, const char *fmt, ...)
{
	size_t *kept = level == DIAG_ERROR ? &d->kept_errors : &d->kept_warnings;

	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (*kept >= DIAG_KEEP)
		return;
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 16;
		struct diag_entry *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return;
		d->v = v;
		d->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	d->v[d->n++] = (struct diag_entry){
		.level = level, .file = g_strdup(file ? file : ""),
		.line = line, .column = column, .msg = msg,
	};
	(*kept)++;
}

char *diag_format(const struct diag_entry *e)
{
	const char *lvl = e->level == DIAG_WARNING ? "warning: " : "";
	if (e->line > 0 && e->column > 0)
		return g_strdup_printf("%s:%ld:%ld: %s%s", e->file, e->line,
				       e->column, lvl, e->msg);
	if (e->line > 0)
		return g_strdup_printf("%s:%ld: %s%s", e->file, e->line, lvl,
				       e->msg);
	if (*e->file)
		return g_strdup_printf("%s: %s%s", e->file, lvl, e->msg);
	return g_strdup_printf("%s%s", lvl, e->msg);
}

void diag_print(const struct diag *d, FILE *out, const char *prog)
{
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		fprintf(out, "%s: %s\n", prog, s);
		g_free(s);
	}
	if (d->errors > d->kept_errors)
		fprintf(out, "%s: ... and %zu more errors\n", prog,
			d->errors - d->kept_errors);
	if (d->warnings > d->kept_warnings)
		fprintf(out, "%s: ... and %zu more warnings\n", prog,
			d->warnings - d->kept_warnings);
}

void diag_release(struct diag *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		g_free(d->v[i].file);
		g_free(d->v[i].msg);
	}
	free(d->v);
	*d = (struct diag)DIAG_INIT;
}
