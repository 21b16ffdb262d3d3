/* diag.c — see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "i18n.h"

static bool grow(struct diag *d)
{
	size_t cap = d->cap ? 2 * d->cap : 16;
	struct diag_entry *v = realloc(d->v, cap * sizeof *v);
	if (!v)
		return false;
	d->v = v;
	d->cap = cap;
	return true;
}

/* What names the column a warning is about (a reader's header). */
#define IN_COLUMN N_("in '%s'")

/* The format with each of its values left out: "outside %d" gives
 * "outside …". */
static char *label_of(const char *fmt, const char *detail)
{
	GString *s = g_string_new("");
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			g_string_append_c(s, *p);
			continue;
		}
		if (p[1] == '%') {
			g_string_append_c(s, '%');
			p++;
			continue;
		}
		p++;
		while (*p && strchr("-+ #0123456789.*hlLqjzt", *p))
			p++;
		if (!*p)
			break;
		g_string_append(s, "…");
	}
	if (detail) {
		g_string_append_c(s, ' ');
		g_string_append_printf(s, i18n_fr(IN_COLUMN), detail);
	}
	return g_string_free(s, FALSE);
}

static size_t kind_of(struct diag *d, const char *file, const char *fmt, const char *detail)
{
	for (size_t k = d->nkinds; k-- > 0;) {
		const struct diag_kind *x = &d->kinds[k];
		if (x->fmt == fmt && x->detail == detail && !strcmp(x->file, file))
			return k;
	}
	d->kinds = g_renew(struct diag_kind, d->kinds, d->nkinds + 1);
	d->kinds[d->nkinds] = (struct diag_kind){ g_strdup(file), fmt, detail,
						   label_of(i18n_fr(fmt), detail), 0 };
	return d->nkinds++;
}

/* Tabs and newlines would break the temporary file's lines: each is a
 * space.  The text between them written at once (a locked fputc a byte
 * was 1 % of the x100 ETL: a warning's path and message a line). */
static void put_field(FILE *f, const char *s)
{
	for (;;) {
		size_t n = strcspn(s, "\t\n\r");
		fwrite(s, 1, n, f);
		if (!s[n])
			return;
		fputc(' ', f);
		s += n + 1;
	}
}

/* Keeps an entry (msg, which it owns) while its level has room. */
static void keep(struct diag *d, enum diag_level level, const char *file, long line,
		 long column, char *msg)
{
	size_t *kept = level == DIAG_ERROR ? &d->kept_errors : &d->kept_warnings;
	if (*kept >= DIAG_KEEP || (d->n == d->cap && !grow(d))) {
		g_free(msg);
		return;
	}
	d->v[d->n++] = (struct diag_entry){
		.level = level, .file = g_strdup(file),
		.line = line, .column = column, .msg = msg,
	};
	(*kept)++;
}

/* msg (owned) and " in 'detail'" after it, when detail is not NULL. */
static char *with_detail(char *msg, const char *in_column, const char *detail)
{
	if (!detail)
		return msg;
	char *where = g_strdup_printf(in_column, detail);
	char *m = g_strconcat(msg, " ", where, NULL);
	g_free(where);
	g_free(msg);
	return m;
}

static void add(struct diag *d, enum diag_level level, const char *file, long line,
		long column, const char *kind, const char *detail, const char *fmt, va_list ap)
{
	size_t *kept = level == DIAG_ERROR ? &d->kept_errors : &d->kept_warnings;
	bool all = level == DIAG_WARNING && d->all;

	if (!file)
		file = "";
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (*kept >= DIAG_KEEP && !all)
		return;
	/* the terminal's message in the user's language; the report's in
	 * French (the same when the user reads French) */
	const char *mine = _(fmt), *fr = all ? i18n_fr(fmt) : mine;
	va_list again;
	va_copy(again, ap);
	/* past DIAG_KEEP, only the report's (a million warnings: one each) */
	char *msg = *kept < DIAG_KEEP
		? with_detail(g_strdup_vprintf(mine, ap), _(IN_COLUMN), detail) : NULL;
	if (all) {
		char *report = fr == mine && msg ? g_strdup(msg)
			: with_detail(g_strdup_vprintf(fr, msg ? again : ap), i18n_fr(IN_COLUMN), detail);
		size_t k = kind_of(d, file, kind, detail);
		d->kinds[k].count++;
		fprintf(d->all, "%zu\t", k);
		put_field(d->all, file);
		fprintf(d->all, "\t%ld\t%ld\t", line, column);
		put_field(d->all, report);
		fputc('\n', d->all);
		g_free(report);
	}
	va_end(again);
	if (msg)
		keep(d, level, file, line, column, msg);
}

void diag_add(struct diag *d, enum diag_level level, const char *file,
	      long line, long column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, level, file, line, column, fmt, NULL, fmt, ap);
	va_end(ap);
}

void diag_warn_kind(struct diag *d, const char *file, long line, long column,
		    const char *kind, const char *detail, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_WARNING, file, line, column, kind, detail, fmt, ap);
	va_end(ap);
}

void diag_vwarn(struct diag *d, const char *file, long line, long column,
		const char *detail, const char *fmt, va_list ap)
{
	add(d, DIAG_WARNING, file, line, column, fmt, detail, fmt, ap);
}

int diag_keep_all(struct diag *d)
{
	if (!d->all)
		d->all = tmpfile();
	return d->all ? 0 : -1;
}

int diag_each_of_kind(const struct diag *d, size_t k,
		      void (*fn)(const char *file, long line, long column,
				 const char *msg, void *ctx), void *ctx)
{
	if (!d->all)
		return 0;
	fflush(d->all);
	rewind(d->all);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, d->all)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		char *f[5], *p = line;
		int i;
		for (i = 0; i < 5 && p; i++) {
			f[i] = p;
			p = i < 4 ? strchr(p, '\t') : NULL;
			if (p)
				*p++ = '\0';
		}
		if (i == 5 && strtoul(f[0], NULL, 10) == k)
			fn(f[1], strtol(f[2], NULL, 10), strtol(f[3], NULL, 10), f[4], ctx);
	}
	free(line);
	fseek(d->all, 0, SEEK_END);
	return ferror(d->all) ? -1 : 0;
}

char *diag_format(const struct diag_entry *e)
{
	const char *lvl = e->level == DIAG_WARNING ? _("warning: ") : "";
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

/* The messages are put together, then written at once: stderr has no
 * buffer, and 400 messages were 400 writes. */
void diag_print(const struct diag *d, FILE *out, const char *prog)
{
	GString *all = g_string_new(NULL);
	for (size_t i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);
		g_string_append_printf(all, "%s: %s\n", prog, s);
		g_free(s);
	}
	if (d->errors > d->kept_errors)
		g_string_append_printf(all, ngettext("%s: ... and %zu more error\n",
						     "%s: ... and %zu more errors\n",
						     d->errors - d->kept_errors),
				       prog, d->errors - d->kept_errors);
	if (d->warnings > d->kept_warnings)
		g_string_append_printf(all, ngettext("%s: ... and %zu more warning\n",
						     "%s: ... and %zu more warnings\n",
						     d->warnings - d->kept_warnings),
				       prog, d->warnings - d->kept_warnings);
	fwrite(all->str, 1, all->len, out);
	g_string_free(all, TRUE);
}

int diag_merge(struct diag *into, const struct diag *from)
{
	into->errors += from->errors;
	into->warnings += from->warnings;
	for (size_t i = 0; i < from->n; i++) {
		const struct diag_entry *e = &from->v[i];
		keep(into, e->level, e->file, e->line, e->column, g_strdup(e->msg));
	}
	if (!into->all || !from->all)
		return 0;
	/* the kinds, as into numbers them, then every warning in order */
	size_t *map = g_new(size_t, from->nkinds ? from->nkinds : 1);
	for (size_t k = 0; k < from->nkinds; k++) {
		/* matched by their labels: from's details (a reader's column
		 * names) are gone with its reader */
		const struct diag_kind *x = &from->kinds[k];
		size_t m = into->nkinds;
		for (size_t i = 0; i < into->nkinds && m == into->nkinds; i++)
			if (into->kinds[i].fmt == x->fmt && !strcmp(into->kinds[i].file, x->file) &&
			    !strcmp(into->kinds[i].label, x->label))
				m = i;
		if (m == into->nkinds) {
			into->kinds = g_renew(struct diag_kind, into->kinds, into->nkinds + 1);
			into->kinds[m] = (struct diag_kind){ g_strdup(x->file), x->fmt, NULL,
							     g_strdup(x->label), 0 };
			into->nkinds++;
		}
		into->kinds[m].count += x->count;
		map[k] = m;
	}
	fflush(from->all);
	rewind(from->all);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, from->all)) > 0) {
		char *tab = strchr(line, '\t');
		size_t k = strtoul(line, NULL, 10);
		if (tab && k < from->nkinds)
			fprintf(into->all, "%zu%s", map[k], tab);
	}
	free(line);
	g_free(map);
	fseek(from->all, 0, SEEK_END);
	return ferror(from->all) || ferror(into->all) ? -1 : 0;
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
	for (size_t k = 0; k < d->nkinds; k++) {
		g_free(d->kinds[k].file);
		g_free(d->kinds[k].label);
	}
	g_free(d->kinds);
	if (d->all)
		fclose(d->all);
	*d = (struct diag)DIAG_INIT;
}

int diag_save(const struct diag *d, FILE *f)
{
	fprintf(f, "%zu %zu %zu\n", d->errors, d->warnings, d->n);
	for (size_t i = 0; i < d->n; i++) {
		const struct diag_entry *e = &d->v[i];
		fprintf(f, "%d %ld %ld %zu %zu\n", (int)e->level, e->line, e->column,
			strlen(e->file), strlen(e->msg));
		fputs(e->file, f);
		fputs(e->msg, f);
	}
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

/* n bytes of f as a new string, or NULL. */
static char *read_bytes(FILE *f, size_t n)
{
	char *s = g_malloc(n + 1);
	if (fread(s, 1, n, f) != n) {
		g_free(s);
		return NULL;
	}
	s[n] = '\0';
	return s;
}

int diag_load(struct diag *d, FILE *f)
{
	size_t n = 0;
	if (fscanf(f, "%zu %zu %zu", &d->errors, &d->warnings, &n) != 3 || fgetc(f) != '\n')
		return -1;
	for (size_t i = 0; i < n; i++) {
		int level;
		long line, column;
		size_t flen, mlen;
		if (fscanf(f, "%d %ld %ld %zu %zu", &level, &line, &column, &flen, &mlen) != 5 ||
		    fgetc(f) != '\n' || (level != DIAG_ERROR && level != DIAG_WARNING))
			return -1;
		char *file = read_bytes(f, flen), *msg = file ? read_bytes(f, mlen) : NULL;
		if (!msg) {
			g_free(file);
			return -1;
		}
		keep(d, (enum diag_level)level, file, line, column, msg);
		g_free(file);
	}
	return 0;
}
