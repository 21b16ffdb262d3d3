/* fuzz.h — what the fuzz harnesses share.  Each harness defines
 * LLVMFuzzerTestOneInput(); built with clang -fsanitize=fuzzer it is a
 * libFuzzer target (make fuzz), built with replay.c it runs the kept
 * inputs of tests/fuzz/regressions/ (make check). */
#ifndef CARNET_FUZZ_H
#define CARNET_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A path that reads as data[0..size): a memfd under /proc/self/fd.
 * Returns the fd to close after use, or -1. */
int fuzz_file(const uint8_t *data, size_t size, char *path, size_t cap);

#endif
