/* sources.c — the table of sources, in the order they are read: the
 * declared figures first (they may state the survey window), the HR
 * register before the training register (which is checked against it). */
#include "sources.h"

const struct source *const sources[] = {
	&source_chiffres_cles, &source_rh_effectifs, &source_rh_formations,
	&source_insertion, &source_enquete, &source_flotte,
};
const size_t nsources = sizeof sources / sizeof sources[0];
