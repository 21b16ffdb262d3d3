/* keycheck.c — see keycheck.h. */
#include "keycheck.h"
#include "source.h"

#include <errno.h>
#include <string.h>

bool keycheck_spilled(const struct etl *e)
{
	return e->spill && e->spill->pass > 0;
}

bool keycheck_final(const struct etl *e)
{
	return !keycheck_spilled(e) || e->spill->pass == e->spill->passes || e->spill->hopeful;
}

long keycheck_pending(struct etl *e, long hope)
{
	if (!e->spill->hopeful)
		return KEY_PENDING;
	e->spill->hoped = true;
	return hope;
}

bool keycheck_light(const struct etl *e)
{
	return keycheck_spilled(e) && e->spill->light && e->spill->pass == 1;
}

bool keycheck_grow(struct etl *e, size_t *bytes, size_t now, size_t next)
{
	struct spill *s = e->spill;
	if (!s || next <= now)
		return true;
	/* while it grows, both the old and the new are held */
	if (s->used - *bytes + now + next > s->budget) {
		s->over = true;
		return false;
	}
	s->used = s->used - *bytes + next;
	*bytes = next;
	return true;
}

bool keycheck_grow_set(struct etl *e, size_t *bytes, const struct keyset *ks)
{
	return keycheck_grow(e, bytes, keyset_bytes(ks), keyset_bytes_next(ks));
}

void keycheck_reserve_set(struct etl *e, size_t *bytes, struct keyset *ks)
{
	struct spill *s = e->spill;
	if (!s || keycheck_spilled(e) || s->rows > SIZE_MAX / 4)
		return;
	size_t now = keyset_bytes(ks), next = keyset_bytes_for((size_t)s->rows);
	if (next <= now || s->used - *bytes + now + next > s->budget)
		return;         /* a guess past the budget: not a reason to spill */
	if (keyset_reserve(ks, (size_t)s->rows))
		keycheck_grow(e, bytes, now, next);
}

void keycheck_step(struct etl *e, const struct spill_step *step)
{
	struct spill *s = e->spill;
	if (!s->steps)
		s->steps = g_array_new(FALSE, FALSE, sizeof(struct spill_step));
	g_array_append_val(s->steps, *step);
	if (step->stage > 0 && step->stage + 1 > s->passes)
		s->passes = step->stage + 1;
}

/* Three sorters may be filling at once (a check's keys and verdicts, a
 * distinct count): each takes a third. */
size_t keycheck_share(const struct etl *e)
{
	return e->spill->budget / 3;
}

int key_rec_cmp(const void *a, const void *b)
{
	const struct key_rec *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static int verdict_cmp(const void *a, const void *b)
{
	const struct verdict *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static uint64_t key_rec_key(const void *rec)
{
	return ((const struct key_rec *)rec)->lo;
}

static uint64_t verdict_key(const void *rec)
{
	const struct verdict *v = rec;
	return (uint64_t)v->line << 32 | v->seq;
}

const struct sorter_order key_rec_order = { key_rec_cmp, key_rec_key };
static const struct sorter_order verdict_order = { verdict_cmp, verdict_key };

bool key_rec_before(const struct key_rec *a, const struct key_rec *b)
{
	return a->lo < b->lo || (a->lo == b->lo && a->hi < b->hi);
}

/* A line past 2^32 - 1 (a 4-GB file of empty lines) reads as that. */
uint32_t key_line(long line)
{
	return line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)line;
}

const struct verdict *verdicts_at(struct verdicts *v, long line)
{
	uint32_t l = key_line(line);
	if (!v->s)
		return NULL;
	if (!v->started) {
		v->cur = sorter_next(v->s);
		v->started = true;
	}
	while (v->cur && v->cur->line < l)
		v->cur = sorter_next(v->s);
	if (!v->cur && sorter_failed(v->s) && v->error && !*v->error)
		*v->error = EIO;        /* said by the reading: no figure from it */
	if (!v->cur || v->cur->line != l)
		return NULL;
	v->at = *v->cur;
	v->cur = sorter_next(v->s);
	return &v->at;
}

struct sorter *verdicts_fill(struct verdicts *v, struct etl *e)
{
	v->s = sorter_new(sizeof(struct verdict), &verdict_order, keycheck_share(e));
	v->error = &e->spill->error;
	v->said = &e->spill->said;
	return v->s;
}

int verdicts_done(struct verdicts *v)
{
	*v->said += (long)sorter_count(v->s);
	return sorter_failed(v->s) || sorter_sort(v->s) != 0 ? -1 : 0;
}

void verdicts_rewind(struct verdicts *v)
{
	if (v->s)
		sorter_rewind(v->s);
	v->started = false;
	v->cur = NULL;
}

/* ---- first sightings ---- */

struct firsts {
	struct etl *e;
	int stage;
	bool keep_value;
	struct keyset *ks;              /* in memory */
	size_t bytes;                   /* ks's, as accounted */
	struct sorter *keys;            /* spilled: the stage's records */
	struct verdicts verdicts;       /* then the rows that are not firsts */
};

static void firsts_begin(void *ctx)
{
	struct firsts *f = ctx;
	verdicts_rewind(&f->verdicts);
	if (f->e->spill->pass == f->stage && f->keys && sorter_count(f->keys) > 0) {
		/* recorded ahead, to no avail: recorded again */
		sorter_free(f->keys);
		f->keys = sorter_new(sizeof(struct key_rec), &key_rec_order, keycheck_share(f->e));
	}
}

/* After the pass of its stage: each key's first record, and a verdict for
 * every other. */
static int firsts_end(void *ctx, int pass)
{
	struct firsts *f = ctx;
	if (pass != f->stage)
		return 0;
	if (sorter_sort(f->keys) != 0)
		return -1;
	struct sorter *out = verdicts_fill(&f->verdicts, f->e);
	const struct key_rec *r;
	struct key_rec first = { 0 };
	bool any = false;
	while ((r = sorter_next(f->keys)) != NULL) {
		if (!any || r->lo != first.lo || r->hi != first.hi) {
			first = *r;
			any = true;
			continue;
		}
		if (f->keep_value && r->value == first.value)
			continue;       /* reads as a first (firsts_new) */
		struct verdict v = { r->line, 0, f->keep_value ? 1 : first.line, first.value };
		if (sorter_add(out, &v) != 0)
			break;
	}
	int rc = sorter_failed(f->keys) || verdicts_done(&f->verdicts) != 0 ? -1 : 0;
	sorter_free(f->keys);
	f->keys = NULL;
	return rc;
}

struct firsts *firsts_new(struct etl *e, int stage, bool keep_value)
{
	struct firsts *f = g_new0(struct firsts, 1);
	f->e = e;
	f->stage = stage;
	f->keep_value = keep_value;
	if (keycheck_spilled(e)) {
		f->keys = sorter_new(sizeof(struct key_rec), &key_rec_order, keycheck_share(e));
		keycheck_step(e, &(struct spill_step){ .stage = stage, .begin = firsts_begin,
							 .end = firsts_end, .ctx = f, .hopes = keep_value });
	} else {
		f->ks = keyset_new();
		if (f->ks && stage == 1)        /* every row has its key checked */
			keycheck_reserve_set(e, &f->bytes, f->ks);
	}
	return f;
}

void firsts_free(struct firsts *f)
{
	if (!f)
		return;
	keyset_free(f->ks);
	sorter_free(f->keys);
	sorter_free(f->verdicts.s);
	g_free(f);
}

/* key hashed, its slot in ks (when in memory) loading. */
static struct key hashed_ahead(const struct keyset *ks, const void *key, size_t len)
{
	struct key k;
	keyset_hash(key, len, &k.lo, &k.hi);
	if (ks)
		keyset_prefetch(ks, k.lo);
	return k;
}

struct key firsts_key(const struct firsts *f, const void *key, size_t len)
{
	return hashed_ahead(f->ks, key, len);
}

long firsts_check(struct firsts *f, const void *key, size_t len, long line,
		  uint32_t value, uint32_t *first_value)
{
	struct key k;
	keyset_hash(key, len, &k.lo, &k.hi);
	return firsts_check_key(f, &k, line, value, first_value);
}

long firsts_check_key(struct firsts *f, const struct key *k, long line,
		      uint32_t value, uint32_t *first_value)
{
	struct spill *sp = f->e->spill;
	if (f->ks) {
		if (!keycheck_grow_set(f->e, &f->bytes, f->ks))
			return 0;       /* over the budget: the reading stops here */
		bool added;
		uint32_t *v = keyset_put_hash(f->ks, k->lo, k->hi, &added);
		if (!v) {               /* out of memory: read again, spilled */
			if (sp)
				sp->over = true;
			return 0;
		}
		if (added) {
			*v = f->keep_value ? value : key_line(line);
			return 0;
		}
		if (f->keep_value && *v == value)
			return 0;       /* the same value: reads as a first */
		if (first_value)
			*first_value = *v;
		return f->keep_value ? 1 : (long)*v;
	}
	bool ahead = sp->ahead && sp->pass < f->stage;
	bool hope = sp->hopeful && sp->pass < f->stage && f->keep_value;
	if (sp->pass < f->stage && !ahead && !hope)
		return KEY_PENDING;
	if (sp->pass == f->stage || ahead || hope) {
		struct key_rec r = { .lo = k->lo, .hi = k->hi, .line = key_line(line), .value = value };
		if (sorter_add(f->keys, &r) != 0 && !sp->error)
			sp->error = errno ? errno : EIO;
		if (sp->ahead && f->stage < sp->passes - 1)
			return 0;       /* the row on, to the later stages' checks */
		return keycheck_pending(f->e, 0);       /* in hope: a first */
	}
	const struct verdict *v = verdicts_at(&f->verdicts, line);
	if (!v)
		return 0;
	if (first_value)
		*first_value = v->value;
	return (long)v->ref;
}

long firsts_keybuf(struct firsts *f, struct keybuf *k, long line)
{
	long first = firsts_check(f, k->p, k->n, line, 0, NULL);
	keybuf_release(k);
	return first;
}

/* ---- distinct counts ---- */

struct distinct {
	struct etl *e;
	struct keyset *ks;              /* in memory */
	size_t bytes;
	struct sorter *keys;            /* spilled */
	bool counted;
	long count[DISTINCT_VALUES], all;
};

/* After the last pass: the keys sorted, each counted once, by the value
 * of its first add. */
static int distinct_end(void *ctx, int pass)
{
	struct distinct *d = ctx;
	(void)pass;
	d->counted = true;
	if (sorter_sort(d->keys) != 0)
		return -1;
	const struct key_rec *r;
	uint64_t lo = 0;
	uint32_t hi = 0;
	while ((r = sorter_next(d->keys)) != NULL) {
		if (r->lo == lo && r->hi == hi)
			continue;       /* never (0, 0): see keyset_hash */
		lo = r->lo;
		hi = r->hi;
		d->count[r->value]++;
		d->all++;
	}
	int rc = sorter_failed(d->keys) ? -1 : 0;
	sorter_free(d->keys);
	d->keys = NULL;
	return rc;
}

struct distinct *distinct_new(struct etl *e)
{
	struct distinct *d = g_new0(struct distinct, 1);
	d->e = e;
	if (keycheck_spilled(e)) {
		d->keys = sorter_new(sizeof(struct key_rec), &key_rec_order, keycheck_share(e));
		keycheck_step(e, &(struct spill_step){ .stage = 0, .end = distinct_end, .ctx = d });
	} else {
		d->ks = keyset_new();
	}
	return d;
}

void distinct_free(struct distinct *d)
{
	if (!d)
		return;
	keyset_free(d->ks);
	sorter_free(d->keys);
	g_free(d);
}

struct key distinct_key(const struct distinct *d, const void *key, size_t len)
{
	return hashed_ahead(d->ks, key, len);
}

void distinct_add_key(struct distinct *d, const struct key *k, uint32_t value)
{
	if (!keycheck_final(d->e) || value >= DISTINCT_VALUES)
		return;
	if (d->ks) {
		if (!keycheck_grow_set(d->e, &d->bytes, d->ks))
			return;         /* over the budget: the reading stops here */
		bool added;
		uint32_t *v = keyset_put_hash(d->ks, k->lo, k->hi, &added);
		if (!v && d->e->spill)  /* out of memory: read again, spilled */
			d->e->spill->over = true;
		else if (v && added)
			*v = value;
		return;
	}
	/* the order of the adds, for a key's first value to win */
	struct key_rec r = { .lo = k->lo, .hi = k->hi,
			     .line = key_line((long)sorter_count(d->keys)), .value = value };
	struct spill *sp = d->e->spill;
	if (sorter_add(d->keys, &r) != 0 && !sp->error)
		sp->error = errno ? errno : EIO;
}

void distinct_add(struct distinct *d, const void *key, size_t len, uint32_t value)
{
	if (!keycheck_final(d->e))
		return;                 /* (nothing to hash for) */
	struct key k;
	keyset_hash(key, len, &k.lo, &k.hi);
	distinct_add_key(d, &k, value);
}

long distinct_count(struct distinct *d, int value)
{
	if (!d->counted && d->ks) {
		d->counted = true;
		uint32_t *v;
		for (size_t i = 0; (v = keyset_next(d->ks, &i)) != NULL;)
			d->count[*v]++;
		d->all = (long)keyset_size(d->ks);
	}
	return value < 0 ? d->all : value < DISTINCT_VALUES ? d->count[value] : 0;
}
