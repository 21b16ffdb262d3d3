/* sources.c — the table of sources, in the order they are read: the
 * declared figures first (they may state the survey window), the HR
 * register before the training register (which is checked against it). */
#include "sources.h"

const struct source *const sources[] = {
	&source_chiffres_cles, &source_rh_effectifs, &source_rh_formations,
	&source_insertion, &source_enquete, &source_flotte,
};
const size_t nsources = sizeof sources / sizeof sources[0];

long first_seen(GHashTable *seen, char *key, long line)
{
	long first = GPOINTER_TO_SIZE(g_hash_table_lookup(seen, key));
	if (first) {
		g_free(key);
		return first;
	}
	g_hash_table_insert(seen, key, GSIZE_TO_POINTER(line));
	return 0;
}
