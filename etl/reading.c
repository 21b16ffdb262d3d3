/* reading.c — see reading.h. */
#include "reading.h"
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void on_row(struct exp_reader *er, const struct exp_row *row, void *ctx)
{
	struct reading *r = ctx;
	r->src->on_row(er, row, r->state);
	if (r->spill.over)
		exp_stop(er);           /* read again, spilled */
}

/* Spilled, the progress runs over all the passes. */
static void on_progress(uint64_t done, uint64_t total, void *ctx)
{
	struct reading *r = ctx;
	const struct spill *sp = &r->spill;
	if (!r->on_progress)
		return;
	if (sp->pass > 0)
		r->on_progress(done + (uint64_t)(sp->pass - 1) * total,
			       (uint64_t)sp->passes * total, r->ctx);
	else
		r->on_progress(done, total, r->ctx);
}

static void read_pass(struct reading *r, struct diag *d)
{
	struct exp_source src = {
		.path = r->path, .cols = r->src->cols, .ncols = r->src->ncols,
		.on_row = on_row, .ctx = r, .on_progress = on_progress,
	};
	r->es = exp_read(&src, d, &r->st);
	r->st.passes = ++r->reads;
}

/* The rows the file at path promises: its size over the mean length of
 * its first lines (0 when it cannot be read: the reading will say why). */
static uint64_t rows_expected(const char *path)
{
	char buf[1 << 16];
	const char *why;
	int fd = infile_open(path, &why);
	struct stat sb;
	if (fd < 0)
		return 0;
	ssize_t n = fstat(fd, &sb) == 0 ? read(fd, buf, sizeof buf) : -1;
	close(fd);
	if (n <= 0)
		return 0;
	uint64_t lines = 1;
	for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + n - p))) != NULL; p++)
		lines++;
	return (uint64_t)sb.st_size * lines / (uint64_t)n;
}

/* The steps the checks registered, begun or ended for pass p. */
static void steps(struct reading *r, int p, bool end, bool last)
{
	struct spill *sp = &r->spill;
	for (guint i = 0; sp->steps && i < sp->steps->len && !sp->error; i++) {
		struct spill_step *st = &g_array_index(sp->steps, struct spill_step, i);
		if (!end && st->begin)
			st->begin(st->ctx);
		/* steps of stage 0 end after the last pass */
		if (end && st->end && (st->stage == p || (last && st->stage == 0)) &&
		    st->end(st->ctx, p) != 0)
			sp->error = errno ? errno : EIO;
	}
}

/* The messages of the passes read so far dropped. */
static void drop_messages(struct reading *r)
{
	bool keep_all = r->e->diag->all != NULL;
	diag_release(r->e->diag);
	if (keep_all && diag_keep_all(r->e->diag) != 0)
		r->es = STATUS_FAILED;
}

/* All a reading did undone, to be done again. */
static void undo(struct reading *r)
{
	r->src->finish(r->state, false);
	r->state = NULL;
	drop_messages(r);
	if (r->spill.steps)
		g_array_set_size(r->spill.steps, 0);
}

/* In memory: false when it went past the budget, and must be read again
 * spilled (undone). */
static bool in_memory(struct reading *r)
{
	r->state = r->src->start(r->e);
	if (!r->spill.over)
		read_pass(r, r->e->diag);
	if (!r->spill.over)
		return true;
	undo(r);
	return false;
}

static void spilled(struct reading *r, bool hope);

/* The file as it was when the reading began: its passes, and the
 * SHA-256 worked out apart (etl.c), read the same bytes. */
static void unchanged(struct reading *r)
{
	struct stat after;
	if (!r->stated || r->spill.error ||
	    (stat(r->path, &after) == 0 && infile_same(&r->file, &after)))
		return;
	if (r->reads > 1)
		diag_add(r->e->diag, DIAG_ERROR, r->path, 0, 0,
			 "changed while it was read %d times (its keys sorted on disk): run again once it is written",
			 r->reads);
	else if (r->st.sorted)
		diag_add(r->e->diag, DIAG_ERROR, r->path, 0, 0,
			 "changed while it was read (its keys sorted on disk): run again once it is written");
	else
		diag_add(r->e->diag, DIAG_ERROR, r->path, 0, 0,
			 "changed while it was read: run again once it is written");
	r->es = STATUS_FAILED;
}

static void tally(struct reading *r)
{
	if (r->src->tally && r->state && r->es == STATUS_OK && r->e->diag->errors == 0)
		r->src->tally(r->state);
}

void reading_run(struct reading *r)
{
	r->spill.budget = r->budget;
	r->e->spill = &r->spill;
	r->e->path = r->path;
	r->stated = stat(r->path, &r->file) == 0;
	r->spill.rows = rows_expected(r->path);
	if (r->spill.rows * r->src->row_bytes > r->budget || !in_memory(r)) {
		r->spill.light = r->src->light;
		spilled(r, true);
		if (r->spill.light && !r->spill.error &&
		    (r->es != STATUS_OK || r->e->diag->errors > 0 || r->st.rejected > 0)) {
			/* an error: rows the light pass gave the checks may be bad */
			undo(r);
			r->spill.light = false;
			spilled(r, false);
		}
	}
	unchanged(r);
	tally(r);
	sorter_scratch_free();  /* its sorts are over: the next reading's budget */
}

/* A spilled reading's state, before its first pass. */
static void spill_start(struct reading *r)
{
	struct spill *sp = &r->spill;
	sp->over = false;
	sp->used = 0;
	sp->pass = sp->passes = 1;
	r->state = r->src->start(r->e);
}

static int ahead(struct reading *r);

/* Whether pass 1 may be read in hope (keycheck.h): every check of a
 * stage past 1 hopes. */
static bool hopes(const struct spill *sp)
{
	for (guint i = 0; sp->steps && i < sp->steps->len; i++) {
		const struct spill_step *st = &g_array_index(sp->steps, struct spill_step, i);
		if (st->stage > 1 && !st->hopes)
			return false;
	}
	return true;
}

/* Pass 1 read in hope (keycheck.h): the pass to go on from, 0 when it
 * was the reading (or failed: an export's structural error stops a last
 * pass at the same line, before which the checks would have had nothing
 * to say, the first pass's keys never sorted).  Its checks end stage
 * after stage while they have nothing to say.  A light first pass
 * (source.light) is left for a reading started again. */
static int in_hope(struct reading *r)
{
	struct spill *sp = &r->spill;
	bool light = sp->light;
	sp->light = false;
	sp->hopeful = true;
	sp->hoped = false;
	sp->said = 0;
	steps(r, 1, false, false);
	read_pass(r, r->e->diag);
	sp->hopeful = false;
	if (r->es == STATUS_FAILED || sp->error)
		return 0;
	int ended = 0;                  /* the last stage whose checks ended */
	while (ended + 1 < sp->passes && sp->said == 0 && !sp->error)
		steps(r, ++ended, true, false);
	if (sp->error)
		return 0;
	if (sp->said == 0) {
		steps(r, 0, true, true);        /* the stage-0 ends: after the last pass */
		return 0;
	}
	if (!sp->hoped && ended == 1) { /* its rows stopped where pass 1's do */
		drop_messages(r);
		return 2;
	}
	undo(r);                        /* rows went on that should have waited */
	sp->light = light;
	spill_start(r);
	/* stage 1 had nothing to say: read ahead, pass 2 is not needed */
	return ended > 1 && sp->passes == 3 ? ahead(r) : 1;
}

/* Pass 1 of three read ahead (keycheck.h): the pass to go on from, 3
 * when the stage-2 checks' records are right (pass 2 not read), else 2.
 * Its messages are a first pass's: thrown away. */
static int ahead(struct reading *r)
{
	struct spill *sp = &r->spill;
	sp->ahead = true;
	sp->said = 0;
	steps(r, 1, false, false);
	struct diag scratch = DIAG_INIT;
	read_pass(r, &scratch);
	diag_release(&scratch);
	sp->ahead = false;
	if (r->es == STATUS_FAILED || sp->error)
		return sp->passes;      /* the last pass says why */
	steps(r, 1, true, false);
	if (sp->said > 0)
		return 2;
	steps(r, 2, true, false);
	return 3;
}

static void spilled(struct reading *r, bool hope)
{
	struct spill *sp = &r->spill;
	spill_start(r);
	int from = !hope || sp->passes < 2 ? 1 : hopes(sp) ? in_hope(r) :
		   sp->passes == 3 ? ahead(r) : 1;
	for (int p = from; p > 0 && p <= sp->passes && !sp->error; p++) {
		sp->pass = p;
		bool last = p == sp->passes;
		steps(r, p, false, last);
		struct diag scratch = DIAG_INIT;
		read_pass(r, last ? r->e->diag : &scratch);
		diag_release(&scratch);
		if (!last && r->es == STATUS_FAILED) {
			p = sp->passes - 1;     /* the last pass says why */
			continue;
		}
		steps(r, p, true, last);
	}
	if (sp->error) {
		diag_add(r->e->diag, DIAG_ERROR, r->path, 0, 0,
			 "cannot sort its keys in the temporary folder ($TMPDIR or /tmp): %s",
			 strerror(sp->error));
		r->es = STATUS_FAILED;
	}
	r->st.sorted = true;
}

void reading_release(struct reading *r)
{
	if (r->spill.steps)
		g_array_free(r->spill.steps, TRUE);
	r->spill.steps = NULL;
}
