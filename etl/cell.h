/*
 * cell.h — a cell of the tables carnet writes: for itself and for other
 * programs (the figures table, the quality report, the labels: TAB
 * between cells) and for people (a new layout's CSV files: ';').
 *
 * A cell is written as it is unless it holds a quote, the delimiter or a
 * line break; then it is quoted as CSV quotes (libcsv's writer: the text
 * in quotes, its quotes doubled), which carnet's reader (export.h) and any
 * spreadsheet read back unchanged.  So a label an export spells with
 * quotes, tabs, ';' or newlines goes through every stage as it was.
 */
#ifndef CARNET_CELL_H
#define CARNET_CELL_H

#include <stdio.h>

#include <glib.h>

/* Writes s as a cell of a table whose cells are separated by delim. */
void cell_write(FILE *out, const char *s, char delim);

/* The same, appended to out. */
void cell_append(GString *out, const char *s, char delim);

#endif
