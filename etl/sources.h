/*
 * sources.h — the six exports of exports.md, one module each (src_*.c),
 * in the order they are read and finished.
 */
#ifndef CARNET_SOURCES_H
#define CARNET_SOURCES_H

#include "source.h"

extern const struct source source_rh_effectifs;
extern const struct source source_rh_formations;
extern const struct source source_insertion;
extern const struct source source_enquete;
extern const struct source source_flotte;
extern const struct source source_chiffres_cles;

extern const struct source *const sources[];
extern const size_t nsources;


#endif
