/* source.c — what the sources share: the slugs of the values they read. */
#include "source.h"

#include <string.h>

#include "text.h"

GHashTable *slug_cache_new(void)
{
	return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

const char *slug_cached(struct etl *e, GHashTable *cache, const char *text, size_t len,
			struct exp_reader *r, const struct exp_field *f)
{
	char raw[128], slug[128];

	if (len < sizeof raw) {
		memcpy(raw, text, len);
		raw[len] = '\0';
		const char *v = g_hash_table_lookup(cache, raw);
		if (v)
			return v;
	}
	text_slug(text, len, slug, sizeof slug);
	char *v = g_strdup(slug);
	/* the first spelling of a value is its label (carnet figures --labels) */
	if (e->spellings && !g_hash_table_contains(e->spellings, slug)) {
		const char *t = text;
		size_t n = len;
		text_trim(&t, &n);
		char *label = g_strndup(t, n);
		if (text_drop_controls(label) && r)
			exp_warn(r, f, "control or bidi override characters dropped");
		g_hash_table_insert(e->spellings, g_strdup(slug), label);
	}
	/* a raw text too long for the buffer is keyed by its slug */
	g_hash_table_insert(cache, len < sizeof raw ? g_strdup(raw) : g_strdup(slug), v);
	return v;
}
