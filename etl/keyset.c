/* keyset.c — see keyset.h.  Open addressing with linear probing over a
 * power-of-two table, grown by doubling at 3/4 full; the hash (0, 0)
 * marks an empty slot, so a key hashing to it is stored as (0, 1).  A
 * slot is 16 bytes: 96 bits of the hash and the 32-bit value. */
#define _GNU_SOURCE             /* MAP_ANONYMOUS, madvise */
#include "keyset.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <glib.h>
#include <xxhash.h>

struct slot {
	uint64_t lo;
	uint32_t hi;
	uint32_t value;
};

struct keyset {
	struct slot *v;
	size_t cap, n;          /* cap: a power of two, or 0 */
};

/* A table of cap zeroed slots, its pages written to before use.  Past a
 * few megabytes it is mapped with transparent huge pages asked for: one
 * page-table entry for 2 MB instead of 4 kB, since every insertion lands
 * somewhere at random in the table (TLB misses and page faults were a
 * quarter of the ETL's time).  Written at once rather than left to the
 * zero page: a lookup maps an untouched page to the kernel's shared zero
 * page, and the insertion that follows copies it and flushes the other
 * core's TLB with an interrupt (a tenth of the ETL's time at x100). */
#define HUGE_TABLE (4u << 20)

static struct slot *table_new(size_t cap)
{
	size_t bytes = cap * sizeof(struct slot);
	if (bytes < HUGE_TABLE) {
		/* calloc leaves fresh pages to the zero page: a write to
		 * each (volatile, or the compiler makes it a calloc again) */
		volatile char *v = calloc(cap, sizeof(struct slot));
		for (size_t o = 0; v && o < bytes; o += 4096)
			v[o] = 0;
		if (v)
			v[bytes - 1] = 0;
		return (struct slot *)v;
	}
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	madvise(p, bytes, MADV_HUGEPAGE);       /* a wish: no harm if refused */
	/* zeroed by the kernel as it maps them; a kernel before 5.14 has
	 * no MADV_POPULATE_WRITE: then written to here */
#ifdef MADV_POPULATE_WRITE
	if (madvise(p, bytes, MADV_POPULATE_WRITE) != 0)
#endif
		memset(p, 0, bytes);
	return p;
}

static void table_free(struct slot *v, size_t cap)
{
	if (cap * sizeof(struct slot) < HUGE_TABLE)
		free(v);
	else if (v)
		munmap(v, cap * sizeof(struct slot));
}

struct keyset *keyset_new(void)
{
	return calloc(1, sizeof(struct keyset));
}

void keyset_free(struct keyset *ks)
{
	if (ks)
		table_free(ks->v, ks->cap);
	free(ks);
}

size_t keyset_size(const struct keyset *ks)
{
	return ks->n;
}

/* 96 bits of the key's XXH3-128: (0, 0) is kept for empty slots. */
static XXH128_hash_t hash(const void *key, size_t len)
{
	XXH128_hash_t h = XXH3_128bits(key, len);
	h.high64 &= UINT32_MAX;
	if (h.low64 == 0 && h.high64 == 0)
		h.high64 = 1;
	return h;
}

void keyset_hash(const void *key, size_t len, uint64_t *lo, uint32_t *hi)
{
	XXH128_hash_t h = hash(key, len);
	*lo = h.low64;
	*hi = (uint32_t)h.high64;
}

size_t keyset_bytes(const struct keyset *ks)
{
	return ks->cap * sizeof(struct slot);
}

size_t keyset_bytes_next(const struct keyset *ks)
{
	if (4 * (ks->n + 1) > 3 * ks->cap)
		return (ks->cap ? 2 * ks->cap : 64) * sizeof(struct slot);
	return keyset_bytes(ks);
}

static struct slot *find(const struct keyset *ks, XXH128_hash_t h)
{
	size_t mask = ks->cap - 1;
	for (size_t i = (size_t)h.low64 & mask;; i = (i + 1) & mask) {
		struct slot *s = &ks->v[i];
		if ((s->lo == h.low64 && s->hi == h.high64) || (s->lo == 0 && s->hi == 0))
			return s;
	}
}

/* The table's size holding n keys: a power of two, at most 3/4 full. */
static size_t cap_for(size_t n)
{
	size_t cap = 64;
	while (4 * n > 3 * cap)
		cap *= 2;
	return cap;
}

size_t keyset_bytes_for(size_t n)
{
	return cap_for(n) * sizeof(struct slot);
}

/* The keys into a new table of cap slots. */
static bool rehash(struct keyset *ks, size_t cap)
{
	struct slot *old = ks->v;
	size_t oldcap = ks->cap;
	struct slot *v = table_new(cap);
	if (!v)
		return false;
	ks->v = v;
	ks->cap = cap;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].lo || old[i].hi)
			*find(ks, (XXH128_hash_t){ .low64 = old[i].lo,
						   .high64 = old[i].hi }) = old[i];
	table_free(old, oldcap);
	return true;
}

static bool grow(struct keyset *ks)
{
	return rehash(ks, ks->cap ? 2 * ks->cap : 64);
}

bool keyset_reserve(struct keyset *ks, size_t n)
{
	size_t cap = cap_for(n);
	return cap <= ks->cap || rehash(ks, cap);
}

uint32_t *keyset_put(struct keyset *ks, const void *key, size_t len, bool *added)
{
	XXH128_hash_t h = hash(key, len);
	return keyset_put_hash(ks, h.low64, (uint32_t)h.high64, added);
}

void keyset_prefetch(const struct keyset *ks, uint64_t lo)
{
	if (ks->cap)
		__builtin_prefetch(&ks->v[(size_t)lo & (ks->cap - 1)], 1);
}

uint32_t *keyset_put_hash(struct keyset *ks, uint64_t lo, uint32_t hi, bool *added)
{
	if (4 * (ks->n + 1) > 3 * ks->cap && !grow(ks))
		return NULL;
	XXH128_hash_t h = { .low64 = lo, .high64 = hi };
	struct slot *s = find(ks, h);
	bool fresh = s->lo == 0 && s->hi == 0;
	if (fresh) {
		*s = (struct slot){ h.low64, (uint32_t)h.high64, 0 };
		ks->n++;
	}
	if (added)
		*added = fresh;
	return &s->value;
}

uint32_t *keyset_get_hash(const struct keyset *ks, uint64_t lo, uint32_t hi)
{
	if (ks->n == 0)
		return NULL;
	struct slot *s = find(ks, (XXH128_hash_t){ .low64 = lo, .high64 = hi });
	return s->lo || s->hi ? &s->value : NULL;
}

uint32_t *keyset_get(const struct keyset *ks, const void *key, size_t len)
{
	XXH128_hash_t h = hash(key, len);
	return keyset_get_hash(ks, h.low64, (uint32_t)h.high64);
}

uint32_t *keyset_next(const struct keyset *ks, size_t *i)
{
	for (; *i < ks->cap; (*i)++)
		if (ks->v[*i].lo || ks->v[*i].hi)
			return &ks->v[(*i)++].value;
	return NULL;
}

long keyset_first_seen(struct keyset *ks, const void *key, size_t len, long line)
{
	bool added;
	uint32_t *v = keyset_put(ks, key, len, &added);
	if (!v)
		return 0;       /* out of memory: counted as new, not as a duplicate */
	if (added)      /* a line past 2^32 - 1 (a 4-GB file of empty lines) reads as that */
		*v = line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)line;
	return added ? 0 : (long)*v;
}

void keybuf_init(struct keybuf *k)
{
	k->p = k->small;
	k->n = 0;
	k->cap = sizeof k->small;
}

static void append(struct keybuf *k, const void *s, size_t len)
{
	if (k->n + len > k->cap) {
		size_t cap = 2 * (k->n + len);
		/* GLib's allocator, as for every string of the ETL: it stops the
		 * program if memory runs out */
		char *p = k->p == k->small ? g_malloc(cap) : g_realloc(k->p, cap);
		if (k->p == k->small)
			memcpy(p, k->small, k->n);
		k->p = p;
		k->cap = cap;
	}
	memcpy(k->p + k->n, s, len);
	k->n += len;
}

void keybuf_add(struct keybuf *k, const char *s, size_t len)
{
	uint32_t n = (uint32_t)len;
	append(k, &n, sizeof n);
	append(k, s, len);
}

void keybuf_add_int(struct keybuf *k, long long v)
{
	append(k, &v, sizeof v);
}

void keybuf_release(struct keybuf *k)
{
	if (k->p != k->small)
		g_free(k->p);
	keybuf_init(k);
}

long keybuf_first_seen(struct keyset *ks, struct keybuf *k, long line)
{
	long first = keyset_first_seen(ks, k->p, k->n, line);
	keybuf_release(k);
	return first;
}
