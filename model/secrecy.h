/*
 * secrecy.h — the small-count rule over a whole figures table, for the
 * published outputs (the carnet workbook and PDF).
 *
 * The breakdowns of an indicator that counts people (figures.h) are the
 * figures with the same dimension keys: one key (rh.effectif by
 * direction) is a line whose total is published; two keys (rh.pyramide,
 * sexe x tranche) a table whose margins are.  Each is protected with
 * small_counts.h.  Totals (no dimension) are published as they are.
 */
#ifndef CARNET_SECRECY_H
#define CARNET_SECRECY_H

#include "../etl/figures.h"
#include "../etl/small_counts.h"

/* Fills cell[i] for every figure t->v[i]. */
void secrecy_apply(const struct figures *t, enum sc_cell *cell);

#endif
