/* sorter.c — see sorter.h.  Runs are written one after the other to one
 * temporary file; while there are more than F (the fan-in), merging F of
 * them (a tree of cursors, each with a buffer of its share of the
 * budget) appends the merged run at the file's end.  The last F are
 * merged as they are read: the sorted data is not written once more. */
#define _GNU_SOURCE             /* O_TMPFILE */
#include "sorter.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

/* A record of the buffer in the order: its key, and where it is. */
struct entry {
	uint64_t key;
	uint32_t idx;
};

struct run {
	off_t off;
	size_t n;               /* records */
};

/* Reads one run through a buffer. */
struct cursor {
	struct run run;
	size_t taken;           /* records of the run read into the buffer so far */
	char *buf;
	size_t cap, have, pos;  /* in records */
};

struct sorter {
	size_t size;
	const struct sorter_order *order;
	size_t budget;
	char *buf;              /* records not yet written */
	size_t n, cap;
	size_t count;
	int fd;                 /* -1 until the first run */
	off_t end;
	struct run *runs;
	size_t nruns;
	bool sorted, failed;
	struct tree *out;       /* the last runs, merged as read, when spilled */
	size_t pos;             /* the next record in buf, when not */
	char *stage;            /* a run's records, in order, on their way out */
	size_t per_stage;       /* records the stage holds */
};

static void tree_free(struct tree *m);

#define MIN_BUFFER 4096u        /* a cursor's buffer, at least */
#define STAGE (64u << 10)       /* a run written this many bytes at a time, at most */
/* Runs merged at once, at most: x1000's interview ids (104 runs of the
 * default budget's share) in one merge, none written twice; a tree of
 * losers twice as wide costs one comparison a record more. */
#define MAX_FANIN 256u

struct sorter *sorter_new(size_t size, const struct sorter_order *order, size_t budget)
{
	struct sorter *s = g_new0(struct sorter, 1);
	s->size = size;
	s->order = order;
	s->budget = budget < 4 * MIN_BUFFER ? 4 * MIN_BUFFER : budget;
	s->fd = -1;
	/* a record and two entries of its order while the radix sort runs,
	 * beside a run's stage (an eighth of the budget, at most STAGE) */
	size_t stage = s->budget / 8 < STAGE ? s->budget / 8 : STAGE;
	s->per_stage = stage / size ? stage / size : 1;
	size_t room = s->budget > s->per_stage * size ? s->budget - s->per_stage * size : 0;
	s->cap = room / (size + 2 * sizeof(struct entry));
	if (s->cap < 2)
		s->cap = 2;
	if (s->cap > UINT32_MAX)
		s->cap = UINT32_MAX;    /* (an entry's index) */
	return s;
}

void sorter_free(struct sorter *s)
{
	if (!s)
		return;
	if (s->fd >= 0)
		close(s->fd);
	g_free(s->buf);
	g_free(s->runs);
	tree_free(s->out);
	g_free(s->stage);
	g_free(s);
}

/* An unnamed file in $TMPDIR: O_TMPFILE, or a named one unlinked at once. */
static int temp_fd(void)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	char *path = g_build_filename(dir, "carnet-sort-XXXXXX", NULL);
	fd = mkostemp(path, O_CLOEXEC);
	if (fd >= 0)
		unlink(path);
	g_free(path);
	return fd;
}

static int put(struct sorter *s, const void *p, size_t bytes)
{
	const char *c = p;
	while (bytes > 0) {
		ssize_t w = pwrite(s->fd, c, bytes, s->end);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return -1;
		}
		c += w;
		bytes -= (size_t)w;
		s->end += w;
	}
	return 0;
}

/* One record copied: millions of them, of a few bytes each (a key
 * check's 24, a verdict's 16), for which a call to memcpy cost more than
 * the copy; those sizes are copied inline. */
static inline void copy_rec(void *to, const void *from, size_t size)
{
	if (size == 24)
		memcpy(to, from, 24);
	else if (size == 16)
		memcpy(to, from, 16);
	else
		memcpy(to, from, size);
}

/* The radix sort's two arrays of entries, the thread's own: a thread
 * sorts one buffer at a time, and its next buffer, of this sorter or
 * another, reuses them.  Allocated anew each run (as until this), their
 * pages were faulted in anew: four fifths of the x1000 ETL's page faults,
 * a tenth of its time.  Kept for the sorters' life, each sorter its own,
 * they held every sorter's share at once (53 MiB, not 42, at x1000).
 * Grown to the largest buffer the thread sorts (within that sorter's
 * budget: cap counts two entries a record); given back when a sorter's
 * last run is written (its merge's cursors take the memory) and by
 * sorter_scratch_free (a reading's end). */
static _Thread_local struct scratch {
	struct entry *e, *t;
	size_t cap;
} scratch;

void sorter_scratch_free(void)
{
	g_free(scratch.e);
	g_free(scratch.t);
	scratch = (struct scratch){ 0 };
}

/* The records' entries (key and index: 16 bytes moved a pass, whatever
 * the record's size) are put in order by a least-significant-digit radix
 * sort of their 64-bit keys, 11 bits at a time (2048 counters still fit
 * the first cache; a digit all the entries share is skipped).  The
 * records themselves move once, after (write_run, in_place). */
#define DIGIT_BITS 11
#define DIGITS ((64 + DIGIT_BITS - 1) / DIGIT_BITS)
#define DIGIT(k, d) (((k) >> (DIGIT_BITS * (d))) & ((1u << DIGIT_BITS) - 1))
typedef size_t digit_counts[DIGITS][1u << DIGIT_BITS];

/* e[0, n) stably in the order of their digits [from, to), t as much
 * room: returns which of the two holds them.  count: how many entries
 * have each value of each of those digits. */
static struct entry *by_digits(struct entry *e, struct entry *t, size_t n, int from, int to,
			       digit_counts count)
{
	for (int d = from; d < to && n > 1; d++) {
		if (count[d][DIGIT(e[0].key, d)] == n)
			continue;               /* every entry has that digit */
		size_t at[1u << DIGIT_BITS], sum = 0;
		for (size_t b = 0; b < (1u << DIGIT_BITS); b++) {
			at[b] = sum;
			sum += count[d][b];
		}
		for (size_t i = 0; i < n; i++)
			t[at[DIGIT(e[i].key, d)]++] = e[i];
		struct entry *x = e;
		e = t;
		t = x;
	}
	return e;
}

/* Whether entry a's record comes before b's: key, then cmp. */
static inline bool entry_before(const struct sorter *s, struct entry a, struct entry b)
{
	if (a.key != b.key)
		return a.key < b.key;
	return s->order->cmp(s->buf + a.idx * s->size, s->buf + b.idx * s->size) < 0;
}

/* e[0, n), whose keys share their digits from lo up, in order: a few by
 * insertion, more by their lower digits first (t as much room), then the
 * runs of equal keys by cmp. */
static void finish_group(const struct sorter *s, struct entry *e, struct entry *t, size_t n,
			 int lo, digit_counts count)
{
	if (n > 32 && lo > 0) {
		memset(count, 0, (size_t)lo * sizeof count[0]);
		for (size_t i = 0; i < n; i++)
			for (int d = 0; d < lo; d++)
				count[d][DIGIT(e[i].key, d)]++;
		struct entry *x = by_digits(e, t, n, 0, lo, count);
		if (x != e)
			memcpy(e, x, n * sizeof *e);
	}
	for (size_t i = 1; i < n; i++) {
		if (n > 32 && e[i].key != e[i - 1].key)
			continue;       /* sorted by key: only equal keys move */
		struct entry v = e[i];
		size_t j = i;
		while (j > 0 && entry_before(s, v, e[j - 1])) {
			e[j] = e[j - 1];
			j--;
		}
		e[j] = v;
	}
}

/* Puts buf[0, n) in order, in the entries it returns (the thread's
 * scratch).  Hashes, the keys of most orders, are told apart by their
 * top bits: the radix passes sort by the digits that make some 32 times
 * as many values as entries (two passes of six for a run of 24 000 key
 * checks), and the few entries that share those digits are put in order
 * apart (finish_group; all of them, by all the digits, when the keys are
 * not spread, as a verdict's line numbers). */
static struct entry *sort_buffer(struct sorter *s)
{
	size_t n = s->n, size = s->size;
	if (scratch.cap < n) {
		sorter_scratch_free();
		scratch.e = g_new(struct entry, n);
		scratch.t = g_new(struct entry, n);
		scratch.cap = n;
	}
	struct entry *e = scratch.e, *t = scratch.t;
	size_t (*count)[1u << DIGIT_BITS] = g_malloc0(sizeof(digit_counts));
	for (size_t i = 0; i < n; i++) {
		uint64_t k = s->order->key(s->buf + i * size);
		e[i] = (struct entry){ k, (uint32_t)i };
		for (int d = 0; d < DIGITS; d++)
			count[d][DIGIT(k, d)]++;
	}
	int bits = 5;           /* log2(n) + 5 */
	for (size_t m = n; m > 1; m >>= 1)
		bits++;
	int lo = bits >= 64 ? 0 : (64 - bits) / DIGIT_BITS;
	e = by_digits(e, t, n, lo, DIGITS, count);
	t = e == scratch.e ? scratch.t : scratch.e;
	int shift = DIGIT_BITS * lo;
	for (size_t a = 0, b; a < n; a = b) {
		for (b = a + 1; b < n && e[b].key >> shift == e[a].key >> shift; b++)
			;
		if (b - a > 1)
			finish_group(s, e + a, t + a, b - a, lo, count);
	}
	g_free(count);
	return e;
}

/* Moves buf's records to their places in the order (sort_buffer), each
 * once, cycle after cycle of the permutation. */
static void in_place(struct sorter *s, struct entry *e)
{
	size_t size = s->size;
	char *rec = g_malloc(size);
	for (size_t i = 0; i < s->n; i++) {
		if (e[i].idx == i)
			continue;
		memcpy(rec, s->buf + i * size, size);
		for (size_t j = i;;) {
			size_t k = e[j].idx;    /* place j takes record k */
			e[j].idx = (uint32_t)j;
			if (k == i) {
				memcpy(s->buf + j * size, rec, size);
				break;
			}
			memcpy(s->buf + j * size, s->buf + k * size, size);
			j = k;
		}
	}
	g_free(rec);
}

/* Sorts the buffer and appends it to the file as a run. */
static int write_run(struct sorter *s)
{
	if (s->fd < 0 && (s->fd = temp_fd()) < 0)
		return -1;
	const struct entry *e = sort_buffer(s);
	if (!s->stage)
		s->stage = g_malloc(s->per_stage * s->size);
	struct run r = { s->end, s->n };
	for (size_t i = 0; i < s->n; i += s->per_stage) {
		size_t m = s->n - i < s->per_stage ? s->n - i : s->per_stage;
		for (size_t k = 0; k < m; k++)
			copy_rec(s->stage + k * s->size, s->buf + e[i + k].idx * s->size, s->size);
		if (put(s, s->stage, m * s->size) != 0)
			return -1;
	}
	s->runs = g_renew(struct run, s->runs, s->nruns + 1);
	s->runs[s->nruns++] = r;
	s->n = 0;
	return 0;
}

int sorter_add(struct sorter *s, const void *rec)
{
	if (s->failed)
		return -1;
	if (!s->buf)
		s->buf = g_malloc(s->cap * s->size);
	if (s->n == s->cap && write_run(s) != 0) {
		s->failed = true;
		return -1;
	}
	copy_rec(s->buf + s->n * s->size, rec, s->size);
	s->n++;
	s->count++;
	return 0;
}

static void cursor_open(struct cursor *c, struct run r, size_t bytes, size_t size)
{
	c->run = r;
	c->taken = c->have = c->pos = 0;
	c->cap = bytes / size ? bytes / size : 1;
	c->buf = g_realloc(c->buf, c->cap * size);
}

/* The cursor's current record, or NULL at its end or on a read error. */
static const void *cursor_peek(struct sorter *s, struct cursor *c)
{
	if (c->pos == c->have) {
		size_t want = c->run.n - c->taken;
		if (want == 0)
			return NULL;
		if (want > c->cap)
			want = c->cap;
		size_t bytes = want * s->size, got = 0;
		off_t at = c->run.off + (off_t)(c->taken * s->size);
		while (got < bytes) {
			ssize_t r = pread(s->fd, c->buf + got, bytes - got, at + (off_t)got);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				s->failed = true;
				return NULL;
			}
			got += (size_t)r;
		}
		c->taken += want;
		c->have = want;
		c->pos = 0;
	}
	return c->buf + c->pos * s->size;
}

/* A run in the merge: its cursor's current record, and that record's
 * key, kept so that most comparisons are of two integers, with no call;
 * done once the run is read. */
struct slot {
	uint64_t key;
	const void *rec;
	struct cursor *c;
	bool done;
};

/* k runs merged: a tree of losers (Knuth, TAOCP 5.4.1).  The runs' slots
 * are its leaves; each inner node keeps the run that lost the match
 * played there, node 0 the overall winner.  Taking a record replays the
 * matches on one path from its run's leaf up: one comparison a level,
 * where a binary heap makes two.  Alone that gained nothing (the merge
 * waits on memory); with the wider fan-in it allows (MAX_FANIN), 2.4
 * million key records merge some 15 % faster than through the heap. */
struct tree {
	struct cursor *c;
	struct slot *leaf;      /* k */
	uint32_t *node;         /* k: node[0] the winner, node[1, k) losers */
	size_t k;
	struct run *runs;
	size_t share;           /* bytes of each cursor's buffer */
	bool given;             /* node[0]'s record was given (sorter_next):
				 * its run moves on at the next call, which
				 * may read over it */
};

/* Whether a's record comes before b's when their keys are equal: by
 * cmp, a run read coming after every other (its key is the largest). */
static bool tie(const struct sorter *s, const struct slot *a, const struct slot *b)
{
	if (a->done || b->done)
		return !a->done;
	return s->order->cmp(a->rec, b->rec) < 0;
}

/* Whether a's record comes before b's: the order's key first (cmp orders
 * it first).  Keys differ almost always: their comparison's outcome is
 * taken as a value, not a branch (a branch on random keys is mispredicted
 * half the time). */
static inline bool less(const struct sorter *s, const struct slot *a, const struct slot *b)
{
	if (__builtin_expect(a->key != b->key, 1))
		return a->key < b->key;
	return tie(s, a, b);
}

/* Points sl at its cursor's current record; done at the run's end (or
 * on a read error: s->failed). */
static void slot_load(struct sorter *s, struct slot *sl)
{
	sl->rec = cursor_peek(s, sl->c);
	sl->done = sl->rec == NULL;
	sl->key = sl->done ? UINT64_MAX : s->order->key(sl->rec);
}

/* (Re)starts the merge at the runs' first records: every match played
 * from the leaves up (leaf i is node k + i of the complete tree, node j's
 * players come from 2j and 2j + 1). */
static void tree_start(struct sorter *s, struct tree *m)
{
	size_t k = m->k;
	uint32_t *won = g_new(uint32_t, 2 * k);
	m->given = false;
	for (size_t i = 0; i < k; i++) {
		cursor_open(&m->c[i], m->runs[i], m->share, s->size);
		m->leaf[i].c = &m->c[i];
		slot_load(s, &m->leaf[i]);
		won[k + i] = (uint32_t)i;
	}
	for (size_t j = k; j-- > 1;) {
		uint32_t a = won[2 * j], b = won[2 * j + 1];
		bool b_wins = less(s, &m->leaf[b], &m->leaf[a]);
		won[j] = b_wins ? b : a;
		m->node[j] = b_wins ? a : b;
	}
	m->node[0] = won[1];    /* (k = 1: won[1] is leaf 0) */
	g_free(won);
}

static struct tree *tree_new(struct sorter *s, const struct run *runs, size_t k, size_t share)
{
	struct tree *m = g_new0(struct tree, 1);
	m->k = k;
	m->c = g_new0(struct cursor, k);
	m->leaf = g_new(struct slot, k);
	m->node = g_new(uint32_t, k);
	m->runs = g_memdup2(runs, k * sizeof *runs);
	m->share = share;
	tree_start(s, m);
	return m;
}

static void tree_free(struct tree *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->k; i++)
		g_free(m->c[i].buf);
	g_free(m->c);
	g_free(m->leaf);
	g_free(m->node);
	g_free(m->runs);
	g_free(m);
}

/* The smallest record, in its run's buffer, or NULL: the one given
 * before is taken out first (not copied out when given). */
static const void *tree_pop(struct sorter *s, struct tree *m)
{
	uint32_t w = m->node[0];
	struct slot *top = &m->leaf[w];
	if (m->given) {
		m->given = false;
		top->c->pos++;
		slot_load(s, top);      /* (a read error: said below) */
		for (size_t j = (m->k + w) / 2; j > 0; j /= 2) {
			uint32_t o = m->node[j];
			bool o_wins = less(s, &m->leaf[o], &m->leaf[w]);
			m->node[j] = o_wins ? w : o;
			w = o_wins ? o : w;
		}
		m->node[0] = w;
		top = &m->leaf[w];
	}
	if (top->done || s->failed)
		return NULL;
	m->given = true;
	return top->rec;
}

/* Merges runs[from, from + k) into one run appended to the file. */
static int merge(struct sorter *s, size_t from, size_t k)
{
	size_t share = s->budget / (k + 1);
	struct tree *m = tree_new(s, &s->runs[from], k, share);
	char *obuf = g_malloc(share);
	size_t ocap = share / s->size ? share / s->size : 1, on = 0;
	struct run out = { s->end, 0 };
	int rc = 0;
	const void *r;
	while (rc == 0 && (r = tree_pop(s, m)) != NULL) {
		copy_rec(obuf + on * s->size, r, s->size);
		out.n++;
		if (++on == ocap) {
			rc = put(s, obuf, on * s->size);
			on = 0;
		}
	}
	if (rc == 0 && (s->failed || put(s, obuf, on * s->size) != 0))
		rc = -1;
	tree_free(m);
	g_free(obuf);
	if (rc != 0)
		return -1;
	/* the k runs give way to the merged one, at the end of the list */
	memmove(&s->runs[from], &s->runs[from + k], (s->nruns - from - k) * sizeof *s->runs);
	s->nruns -= k;
	s->runs[s->nruns++] = out;
	return 0;
}

int sorter_sort(struct sorter *s)
{
	if (s->failed)
		return -1;
	s->sorted = true;
	if (s->nruns == 0) {            /* all in memory */
		if (s->n > 1)
			in_place(s, sort_buffer(s));
		s->pos = 0;
		return 0;
	}
	if (s->n > 0 && write_run(s) != 0)
		goto failed;
	sorter_scratch_free();  /* its runs are written: memory for its merge */
	g_free(s->buf);
	g_free(s->stage);
	s->buf = s->stage = NULL;
	size_t fanin = s->budget / MIN_BUFFER - 1;
	if (fanin > MAX_FANIN)
		fanin = MAX_FANIN;
	/* merged until fanin are left, each merge of no more runs than that
	 * takes: 104 runs and a fan-in of 64, 41 merged into one, not 64 — a
	 * third fewer records written and read again */
	while (s->nruns > fanin) {
		size_t k = s->nruns - fanin + 1;
		if (merge(s, 0, k < fanin ? k : fanin) != 0)
			goto failed;
	}
	s->out = tree_new(s, s->runs, s->nruns, s->budget / (s->nruns + 1));
	return s->failed ? -1 : 0;
failed:
	s->failed = true;
	return -1;
}

const void *sorter_next(struct sorter *s)
{
	if (!s->sorted)
		return NULL;
	if (!s->out)
		return s->pos < s->n ? s->buf + s->pos++ * s->size : NULL;
	return tree_pop(s, s->out);
}

void sorter_rewind(struct sorter *s)
{
	s->pos = 0;
	if (s->out)
		tree_start(s, s->out);
}

size_t sorter_count(const struct sorter *s)
{
	return s->count;
}

bool sorter_failed(const struct sorter *s)
{
	return s->failed;
}

bool sorter_spilled(const struct sorter *s)
{
	return s->nruns > 0;
}
