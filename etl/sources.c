/* sources.c — the table of sources, in the order they are read. */
#include "sources.h"

const struct source *const sources[] = {
	&source_rh_effectifs, &source_rh_formations, &source_insertion,
	&source_enquete, &source_flotte, &source_chiffres_cles,
};
const size_t nsources = sizeof sources / sizeof sources[0];
