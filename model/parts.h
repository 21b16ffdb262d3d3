/*
 * parts.h — the parts of an edition in the order a reader meets them,
 * one list that the PDF (its pages) and the web edition (its index and
 * loop pages) both walk, so that they cannot drift apart: the cover, the
 * sommaire with the editorial, each loop (its divider and articles; a
 * page of its own on the web), the key figures, the back cover.
 */
#ifndef CARNET_PARTS_H
#define CARNET_PARTS_H

#include <stddef.h>

#include "layout.h"

enum part_kind { PART_COVER, PART_CONTENTS, PART_LOOP, PART_KEY_FIGURES, PART_BACK_COVER };

struct part {
	enum part_kind kind;
	size_t loop;            /* PART_LOOP: its index in l->loops */
};

/* The parts of l's edition, in order (a new array of *n, g_free it). */
struct part *parts_of(const struct layout *l, size_t *n);

#endif
