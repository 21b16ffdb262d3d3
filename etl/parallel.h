/*
 * parallel.h — independent work items on the machine's two cores.
 *
 * fn(item) for each of the n items of size bytes at items, on two POSIX
 * threads that take the next item in turn; returns once all are done
 * (with no thread to spare, here, one after the other).  Not GLib's
 * thread pool: it keeps idle threads for the process, which a forked copy
 * (carnet editions draws its PDFs in children) does not have, and waits
 * for them forever.  The items must not share what they write.
 */
#ifndef CARNET_PARALLEL_H
#define CARNET_PARALLEL_H

#include <stddef.h>

void parallel_each(void *items, size_t n, size_t size, void (*fn)(void *item));

#endif
