/*
 * keyset.h — sets of identifiers (matricules, interview ids, plates,
 * "operation + beneficiary + start" …), each with a 32-bit value.
 *
 * A key is kept as 96 bits of its XXH3-128 hash, not as text: 16 bytes a
 * key in one flat table, no allocation per key, and no identifier held
 * once its row is read.  Two keys are one only if their hashes collide:
 * about n² / 2^97, i.e. 10^-17 for a million keys and 10^-15 for ten
 * million, far below the odds of a memory error.  The sources' key checks
 * (keycheck.h) use it while their keys fit in the memory budget.
 */
#ifndef CARNET_KEYSET_H
#define CARNET_KEYSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct keyset;

struct keyset *keyset_new(void);
void keyset_free(struct keyset *ks);        /* accepts NULL */

/* The value of key[0..len), inserted with value 0 when absent (*added is
 * then true; added may be NULL).  Valid until the next keyset_put.  NULL
 * only when memory runs out. */
uint32_t *keyset_put(struct keyset *ks, const void *key, size_t len, bool *added);

/* The value of key, or NULL when absent. */
uint32_t *keyset_get(const struct keyset *ks, const void *key, size_t len);

size_t keyset_size(const struct keyset *ks);

/* The bytes a table for n keys takes, and room made for them at once
 * (false when memory runs out: the set is as it was). */
size_t keyset_bytes_for(size_t n);
bool keyset_reserve(struct keyset *ks, size_t n);

/* The bytes its table takes. */
size_t keyset_bytes(const struct keyset *ks);

/* The bytes its table will take once the next new key is put: more than
 * keyset_bytes() when that key makes it grow (while it grows, both old
 * and new tables are held). */
size_t keyset_bytes_next(const struct keyset *ks);

/* The 96 bits a key is kept as (never both zero): what keycheck.h sorts
 * when the keys go to disk. */
void keyset_hash(const void *key, size_t len, uint64_t *lo, uint32_t *hi);

/* keyset_put and keyset_get of the key whose hash that is. */
uint32_t *keyset_put_hash(struct keyset *ks, uint64_t lo, uint32_t hi, bool *added);
uint32_t *keyset_get_hash(const struct keyset *ks, uint64_t lo, uint32_t hi);

/* Starts loading the slot a key of that hash would be in: a row hashes
 * its key first and parses its other fields while the slot comes from
 * memory (a miss in a table of megabytes costs as much as a field). */
void keyset_prefetch(const struct keyset *ks, uint64_t lo);

/* Walks the values, in no useful order:
 *   for (size_t i = 0; (v = keyset_next(ks, &i)) != NULL;) … */
uint32_t *keyset_next(const struct keyset *ks, size_t *i);

/* Records that key was read on line: returns the line it was first read
 * on, or 0 the first time. */
long keyset_first_seen(struct keyset *ks, const void *key, size_t len, long line);

/* A key made of several fields, each added with its length so that
 * ("ab", "c") and ("a", "bc") differ.  Short keys stay on the stack. */
struct keybuf {
	char *p;
	size_t n, cap;
	char small[240];
};

void keybuf_init(struct keybuf *k);
void keybuf_add(struct keybuf *k, const char *s, size_t len);
void keybuf_add_int(struct keybuf *k, long long v);
void keybuf_release(struct keybuf *k);

/* keyset_first_seen of k's key, then keybuf_release(k). */
long keybuf_first_seen(struct keyset *ks, struct keybuf *k, long line);

#endif
