/*
 * infile.h — opening what the user hands carnet (exports, layout files,
 * texts) as what it must be: a regular file, reached by its own name.
 *
 * A symbolic link is refused (a text linked to /etc/… would be published),
 * and so are FIFOs, devices and folders (a FIFO would hang the build):
 * the file is opened without following a link and without blocking, then
 * checked.  Reasons are static English phrases for file:line messages.
 */
#ifndef CARNET_INFILE_H
#define CARNET_INFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* The file descriptor of path, open for reading, or -1 with *why set. */
int infile_open(const char *path, const char **why);

/* Whether a and b are the same file, unchanged: device, inode, size and
 * modification time (what tells two readings of a path read the same
 * bytes). */
bool infile_same(const struct stat *a, const struct stat *b);

/* The whole of path (NUL-terminated, g_free it) and its length, or false
 * with *why set. */
bool infile_read(const char *path, char **data, size_t *len, const char **why);

/* True when writing out would touch input: out is input, or lies inside
 * it (a file written into the exports folder), or input lies inside out
 * (a folder replaced whole).  Both are resolved first — symbolic links,
 * "..", and for a path not there yet its nearest parent that is — so
 * that no spelling of a path gets round it. */
bool infile_overlap(const char *out, const char *input);

/* False, after saying so on standard error ("PROG: OUT: an output may not
 * be or lie inside an input (INPUT)…"), when out would touch one of the
 * n inputs (NULL ones skipped: options not given); else true. */
bool infile_apart(const char *prog, const char *out, const char *const *inputs, size_t n);

#endif
