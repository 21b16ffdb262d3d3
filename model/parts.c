/* parts.c — see parts.h. */
#include "parts.h"

#include <glib.h>

struct part *parts_of(const struct layout *l, size_t *n)
{
	struct part *v = g_new(struct part, l->nloops + 4);
	size_t k = 0;
	v[k++] = (struct part){ PART_COVER, 0 };
	v[k++] = (struct part){ PART_CONTENTS, 0 };
	for (size_t i = 0; i < l->nloops; i++)
		v[k++] = (struct part){ PART_LOOP, i };
	v[k++] = (struct part){ PART_KEY_FIGURES, 0 };
	v[k++] = (struct part){ PART_BACK_COVER, 0 };
	*n = k;
	return v;
}
