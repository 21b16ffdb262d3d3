/* etl.c — see etl.h. */
#include "i18n.h"
#include "etl.h"
#include "previous.h"
#include "digest.h"
#include "reading.h"
#include "cell.h"

#include <pthread.h>
#include <time.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>

/* One export read on a core of its own: on a copy of the run's struct
 * etl whose messages (diag) and spellings are the reading's own, merged
 * into the run's in the order of sources[] once read, so that messages,
 * labels and figures come out as a reading in turn gives them.  Or the
 * SHA-256 of an export (digest.h), a job of its own: the survey's hash
 * and its rows on one core would be the run's longest chain. */
struct job {
	const struct source *src;
	const struct etl_options *o;
	char *path;
	struct etl e;           /* the copy the source reads with */
	struct diag diag;
	struct reading rd;      /* its reading: state, stats, status */
	struct job *summed;     /* its file's digest job */
	struct digest sum;      /* a digest job's hash (digest is true) */
	double from, to;        /* a digest job's, seconds into the run */
	double ahead;           /* its time and that of the readings waiting
				 * for it, estimated (ns): the longest first */
	bool digest;            /* it hashes path rather than reading it */
	bool unneeded;          /* a digest job whose reading failed */
	bool unlocks;           /* another source waits for it (source.after) */
	bool done, landed;
};

/* SHA-256's time a byte with the CPU's SHA instructions (ns, about). */
#define DIGEST_NS_PER_BYTE 0.55

/* Two readers over a queue of jobs: POSIX threads, whose locks the
 * thread sanitizer sees (GLib's are futexes it cannot follow). */
#define READERS 2
#define MAX_JOBS 16

struct queue {
	pthread_mutex_t lock;   /* the queue, the jobs' done flags, the progress line */
	pthread_cond_t changed;
	struct job *v[2 * MAX_JOBS];     /* a reading and a digest a source */
	size_t n, next;
	bool closed;
	const struct job *landing;      /* the job land() waits for */
};

static struct queue q = { .lock = PTHREAD_MUTEX_INITIALIZER,
			  .changed = PTHREAD_COND_INITIALIZER };

static struct timespec run_start;       /* set before the readers start */

static double since_start(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - run_start.tv_sec) + (double)(t.tv_nsec - run_start.tv_nsec) / 1e9;
}

static void on_progress(uint64_t done, uint64_t total, void *ctx)
{
	const struct job *j = ctx;
	if (!j->o->progress || total == 0)
		return;
	pthread_mutex_lock(&q.lock);
	fputc('\r', stderr);
	fprintf(stderr, _("carnet figures: reading %s %3d %%"), j->src->file,
		(int)(100.0 * (double)done / (double)total));
	fputs("\033[K", stderr);
	fflush(stderr);
	pthread_mutex_unlock(&q.lock);
}

static void read_one(struct job *j)
{
	j->e.diag = &j->diag;
	j->rd = (struct reading){
		.src = j->src, .path = j->path, .e = &j->e,
		.budget = (j->o->memory ? j->o->memory : ETL_MEMORY) / READERS,
		.on_progress = on_progress, .ctx = j,
	};
	double from = since_start();
	reading_run(&j->rd);
	j->rd.st.from = from;
	j->rd.st.to = since_start();
}

/* Job i of the queue taken, q.lock held. */
static struct job *take(size_t i)
{
	struct job *j = q.v[i];
	q.v[i] = q.v[q.next];
	q.v[q.next++] = j;
	return j;
}

/* The waiting job with the most time ahead of it, q.lock held: the
 * longest first, so that the two cores end together (a small export
 * queued before a large one would hold a core while the other still has
 * the large one ahead).  Messages keep the order of sources[]: land()
 * takes the jobs in that order, whichever core read them. */
static struct job *take_largest(void)
{
	size_t best = q.next;
	for (size_t i = q.next + 1; i < q.n; i++)
		if (q.v[i]->ahead > q.v[best]->ahead)
			best = i;
	return take(best);
}

/* j's digest job if it still waits, taken, q.lock held: a reading that
 * others wait for lands once its file is hashed too. */
static struct job *take_digest_of(const struct job *j)
{
	for (size_t i = q.next; j->summed && i < q.n; i++)
		if (q.v[i] == j->summed)
			return take(i);
	return NULL;
}

/* j, taken, run with q.lock released, then marked done (q.lock held
 * again).  A digest job whose reading failed is skipped, as seen when
 * taken: the reading's core may set unneeded meanwhile. */
static void run(struct job *j)
{
	bool skip = j->unneeded;
	pthread_mutex_unlock(&q.lock);
	if (!j->digest) {
		read_one(j);
	} else {
		j->from = since_start();
		if (!skip)
			digest_file(j->path, &j->sum);
		j->to = since_start();
	}
	pthread_mutex_lock(&q.lock);
	j->done = true;
	if (!j->digest && j->summed && (j->rd.es != STATUS_OK || j->diag.errors))
		j->summed->unneeded = true;     /* no provenance to give */
	pthread_cond_broadcast(&q.changed);
}

static void *reader(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&q.lock);
	for (;;) {
		while (q.next == q.n && !q.closed)
			pthread_cond_wait(&q.changed, &q.lock);
		if (q.next == q.n)
			break;
		struct job *j = take_largest();
		run(j);
		/* its landing pushes a source waiting for it, likely the larger
		 * (the survey waits for the few declared figures): taking a
		 * smaller job meanwhile would start that one late, and the
		 * landing waits for the file's hash */
		struct job *d = j->unlocks ? take_digest_of(j) : NULL;
		if (d)
			run(d);
		while (j->unlocks && !j->landed && q.landing == j)
			pthread_cond_wait(&q.changed, &q.lock);
	}
	pthread_mutex_unlock(&q.lock);
	return NULL;
}

static void push(struct job *j)
{
	pthread_mutex_lock(&q.lock);
	q.v[q.n++] = j;
	pthread_cond_broadcast(&q.changed);
	pthread_mutex_unlock(&q.lock);
}

static struct job *job_new(const struct source *s, const struct etl_options *o,
			   const struct etl *e, char *path, double ahead, struct job *summed)
{
	struct job *j = g_new0(struct job, 1);
	*j = (struct job){ .src = s, .o = o, .path = path, .e = *e, .diag = DIAG_INIT,
			   .ahead = ahead, .summed = summed };
	for (size_t k = 0; k < nsources; k++)
		j->unlocks |= sources[k]->after && !strcmp(sources[k]->after, s->file);
	j->e.spellings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	if (e->diag->all && diag_keep_all(&j->diag) != 0)
		j->rd.es = STATUS_FAILED;     /* cannot happen twice: the run has one */
	return j;
}

/* What a finish left on its copy for later sources (sources.h). */
static void take_back(struct etl *e, const struct etl *before, const struct etl *after)
{
	if (after->employees != before->employees ||
	    after->employees_sorted != before->employees_sorted) {
		e->employees = after->employees;
		e->employees_sorted = after->employees_sorted;
		e->present = after->present;
	}
	if (after->survey_from != before->survey_from || after->survey_to != before->survey_to) {
		e->survey_from = after->survey_from;
		e->survey_to = after->survey_to;
	}
	if (after->survey_first != before->survey_first || after->survey_last != before->survey_last) {
		e->survey_first = after->survey_first;
		e->survey_last = after->survey_last;
	}
}

/* The file's hash into the reading's statistics, once the reading is
 * clean: an error when it could not be worked out, or was of other bytes
 * than those read (the file changed in between). */
static enum status take_digest(struct job *j, struct etl *e, enum status es)
{
	if (es != STATUS_OK || j->diag.errors)
		return es;
	if (!digest_take(&j->summed->sum, j->path, j->rd.stated ? &j->rd.file : NULL,
			 j->rd.st.sha256, e->diag))
		return STATUS_FAILED;
	j->rd.st.hashed_from = j->summed->from;
	j->rd.st.hashed_to = j->summed->to;
	return es;
}

/* The job's messages and spellings into the run's, then its figures. */
static enum status land(struct job *j, struct etl *e)
{
	const struct etl_options *o = j->o;
	pthread_mutex_lock(&q.lock);
	q.landing = j;
	while (!j->done || !j->summed->done)
		pthread_cond_wait(&q.changed, &q.lock);
	pthread_mutex_unlock(&q.lock);
	if (o->progress)
		fprintf(stderr, "\r\033[K");
	enum status es = j->rd.es;
	if (diag_merge(e->diag, &j->diag) != 0) {
		diag_add(e->diag, DIAG_ERROR, j->path, 0, 0,
			 "cannot keep the warnings for the quality report");
		es = STATUS_FAILED;
	}
	es = take_digest(j, e, es);
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, j->e.spellings);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (!g_hash_table_contains(e->spellings, k))
			g_hash_table_insert(e->spellings, g_strdup(k), g_strdup(v));
	bool clean = es == STATUS_OK && j->diag.errors == 0;
	if (clean) {
		figures_source(e->fig, j->src->file, &j->rd.st);
		figures_source(e->detail, j->src->file, &j->rd.st);
	}
	/* finishing, the source writes to the run's table and messages,
	 * and leaves what later sources read (sources.h) */
	struct etl before = j->e;
	j->e.diag = e->diag;
	j->src->finish(j->rd.state, clean);
	take_back(e, &before, &j->e);
	if (clean && o->on_read)
		o->on_read(j->path, &j->rd.st, o->ctx);
	if (!clean && es == STATUS_OK)
		es = STATUS_BAD_INPUT;
	return (int)es;
}

static void jobs_free(struct job **jobs, struct job **digests, char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		g_free(digests[i]);
		if (jobs[i]) {
			diag_release(&jobs[i]->diag);
			reading_release(&jobs[i]->rd);
			g_hash_table_destroy(jobs[i]->e.spellings);
			g_free(jobs[i]);
		}
		g_free(paths[i]);
	}
}

/* Each source's file, whether it is there, the time a core has ahead
 * once it starts reading it, estimated from its size (source.h), and
 * that of its hash: a file others wait for counts their time too (the
 * declared figures, small, hold the survey back until read). */
static void plan(const struct etl_options *o, size_t n, char **paths, bool *here,
		 double *ahead, double *hashing)
{
	for (size_t i = 0; i < n; i++) {
		paths[i] = g_build_filename(o->in, sources[i]->file, NULL);
		struct stat sb;
		here[i] = stat(paths[i], &sb) == 0;
		double size = here[i] ? (double)sb.st_size : 0;
		ahead[i] += size * sources[i]->ns_per_byte;
		hashing[i] = size * DIGEST_NS_PER_BYTE;
		for (size_t k = 0; k < n && sources[i]->after; k++)
			if (!strcmp(sources[k]->file, sources[i]->after))
				ahead[k] += size * sources[i]->ns_per_byte;
	}
}

/* Empties the queue and starts the readers; returns how many started. */
static size_t start_readers(pthread_t *readers)
{
	size_t started = 0;
	q.n = q.next = 0;
	q.closed = false;
	q.landing = NULL;
	clock_gettime(CLOCK_MONOTONIC, &run_start);
	for (; started < READERS; started++)
		if (pthread_create(&readers[started], NULL, reader, NULL) != 0)
			break;
	return started;
}

/* Closes the queue: each reader ends once no job is left; waits for them. */
static void stop_readers(pthread_t *readers, size_t started)
{
	pthread_mutex_lock(&q.lock);
	q.closed = true;
	pthread_cond_broadcast(&q.changed);
	pthread_mutex_unlock(&q.lock);
	for (size_t i = 0; i < started; i++)
		pthread_join(readers[i], NULL);
}

/* Reads and hashes every source, two jobs at a time (the machine's two
 * cores): each as soon as a core is free, the one with the most time
 * ahead first (take_largest), but a reading whose rows need what
 * another's finish leaves (source.after) once that one is finished.
 * Returns the worst exp_status. */
static enum status read_sources(const struct etl_options *o, struct etl *e)
{
	enum status status = STATUS_OK;
	int found = 0;
	struct job *jobs[MAX_JOBS] = { 0 };
	struct job *digests[MAX_JOBS] = { 0 };
	char *paths[MAX_JOBS] = { 0 };
	bool here[MAX_JOBS] = { 0 };    /* the file is there */
	size_t n = nsources < MAX_JOBS ? nsources : MAX_JOBS;
	pthread_t readers[READERS];
	size_t started = start_readers(readers);
	if (started == 0) {
		diag_add(e->diag, DIAG_ERROR, o->in, 0, 0, "cannot start a thread");
		for (size_t i = 0; i < n; i++)
			g_free(paths[i]);
		return STATUS_FAILED;
	}
	double ahead[MAX_JOBS] = { 0 }, hashing[MAX_JOBS] = { 0 };
	plan(o, n, paths, here, ahead, hashing);
	for (size_t i = 0; i < n; i++) {
		if (!here[i])
			continue;
		found++;
		digests[i] = g_new0(struct job, 1);
		*digests[i] = (struct job){ .path = paths[i], .ahead = hashing[i], .digest = true };
		push(digests[i]);
		const char *after = sources[i]->after;
		bool waits = false;
		for (size_t k = 0; after && k < n; k++)
			waits |= !strcmp(sources[k]->file, after) && here[k];
		if (waits)
			continue;       /* pushed once that one has landed */
		jobs[i] = job_new(sources[i], o, e, paths[i], ahead[i], digests[i]);
		push(jobs[i]);
	}
	for (size_t i = 0; i < n; i++) {
		if (!here[i]) {
			diag_add(e->diag, DIAG_WARNING, paths[i], 0, 0,
				 "not found: the figures of %s are absent", sources[i]->file);
			continue;
		}
		if (!jobs[i]) {         /* its source came after it in sources[] */
			jobs[i] = job_new(sources[i], o, e, paths[i], ahead[i], digests[i]);
			push(jobs[i]);
		}
		enum status es = land(jobs[i], e);
		if (es > status)
			status = es;
		for (size_t k = 0; k < n; k++)
			if (sources[k]->after && !strcmp(sources[k]->after, sources[i]->file) &&
			    !jobs[k] && here[k]) {
				jobs[k] = job_new(sources[k], o, e, paths[k], ahead[k], digests[k]);
				push(jobs[k]);
			}
		pthread_mutex_lock(&q.lock);
		jobs[i]->landed = true;
		q.landing = NULL;
		pthread_cond_broadcast(&q.changed);
		pthread_mutex_unlock(&q.lock);
	}
	stop_readers(readers, started);
	jobs_free(jobs, digests, paths, n);
	if (found == 0) {
		diag_add(e->diag, DIAG_ERROR, o->in, 0, 0,
			 "no export found (rh_effectifs.csv, enquete_satisfaction.csv …)");
		status = STATUS_FAILED;
	}
	return status;
}

void etl_run(const struct etl_options *o, struct etl_result *res)
{
	int y = o->year;

	*res = (struct etl_result){ .fig = FIGURES_INIT, .detail = FIGURES_INIT,
				    .diag = DIAG_INIT };
	struct etl e = {
		.year = y, .fig = &res->fig, .detail = &res->detail,
		.diag = &res->diag,
		.first_day = day_from_ymd(y, 1, 1),
		.last_day = day_from_ymd(y, 12, 31),
		.survey_from = day_from_ymd(y, 1, 1),
		.survey_to = day_from_ymd(y, 12, 31),
		.survey_first = INT32_MAX, .survey_last = INT32_MIN,
		.spellings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
	};
	res->spellings = e.spellings;
	if (o->all_warnings && diag_keep_all(&res->diag) != 0) {
		diag_add(&res->diag, DIAG_ERROR, "", 0, 0,
			 "no temporary file for the quality report's warnings");
		res->status = STATUS_FAILED;
		return;
	}
	res->status = read_sources(o, &e);
	if (res->status == STATUS_OK && o->previous)
		res->status = previous_merge(o->previous, y, &res->fig, &res->diag);
	if (res->status == STATUS_OK) {
		char *rules = g_build_filename(o->in, "controles.csv", NULL);
		checks_run(&e, rules, &res->checks, &res->diag);
		g_free(rules);
		if (res->diag.errors)
			res->status = STATUS_BAD_INPUT;
	}
	figures_sort(&res->fig);
	figures_sort(&res->detail);
	keyset_free(e.employees);
	sorter_free(e.employees_sorted);
}

static void latest_year(struct exp_reader *r, const struct exp_row *row, void *ctx)
{
	int *year = ctx;
	double y;
	if (exp_number(r, &row->col[0], &y) == EXP_GOT && y > *year && y <= 2100)
		*year = (int)y;
}

int etl_default_year(const char *in)
{
	static const struct exp_col annee[] = { { "annee", EXP_REQUIRED } };
	char *path = g_build_filename(in, "chiffres_cles.csv", NULL);
	int year = 0;
	struct diag d = DIAG_INIT;
	struct exp_stats st;
	struct exp_source src = {
		.path = path, .cols = annee, .ncols = 1,
		.on_row = latest_year, .ctx = &year,
	};
	if (g_file_test(path, G_FILE_TEST_EXISTS))
		exp_read(&src, &d, &st);
	diag_release(&d);
	g_free(path);
	return year;
}

void etl_result_release(struct etl_result *res)
{
	if (!res)
		return;
	if (res->spellings)
		g_hash_table_destroy(res->spellings);
	checks_release(&res->checks);
	figures_release(&res->fig);
	figures_release(&res->detail);
	diag_release(&res->diag);
}

int etl_write_labels(const struct etl_result *res, FILE *out)
{
	GList *keys = g_list_sort(g_hash_table_get_keys(res->spellings), (GCompareFunc)strcmp);
	fputs("value\tlabel\n", out);
	for (GList *k = keys; k; k = k->next) {
		cell_write(out, k->data, '\t');
		fputc('\t', out);
		cell_write(out, g_hash_table_lookup(res->spellings, k->data), '\t');
		fputc('\n', out);
	}
	g_list_free(keys);
	return ferror(out) ? -1 : 0;
}
