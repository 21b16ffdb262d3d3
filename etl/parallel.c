/* parallel.c — see parallel.h. */
#include "parallel.h"

#include <pthread.h>
#include <stdbool.h>

struct work {
	char *items;
	size_t n, size;
	void (*fn)(void *item);
	size_t next;            /* the next item to take */
	pthread_mutex_t lock;
};

static void *worker(void *arg)
{
	struct work *w = arg;
	for (;;) {
		pthread_mutex_lock(&w->lock);
		size_t i = w->next++;
		pthread_mutex_unlock(&w->lock);
		if (i >= w->n)
			return NULL;
		w->fn(w->items + i * w->size);
	}
}

void parallel_each(void *items, size_t n, size_t size, void (*fn)(void *item))
{
	struct work w = { items, n, size, fn, 0, PTHREAD_MUTEX_INITIALIZER };
	pthread_t other;
	/* this thread is the second worker */
	bool two = n > 1 && pthread_create(&other, NULL, worker, &w) == 0;
	worker(&w);
	if (two)
		pthread_join(other, NULL);
	pthread_mutex_destroy(&w.lock);
}
