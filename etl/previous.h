/*
 * previous.h — last year's figures beside this year's.
 *
 * previous_merge() reads the previous edition's figures table (the
 * figures-Y-1.tsv that `carnet figures -o` wrote a year ago: indicator,
 * dimensions, value, unit) and adds each figure of year Y-1 to t as
 * annee=Y-1, the way figures declared for several years are, so that the
 * renderers find it where they look for last year: the workbooks' Y-1
 * column, the placeholders' annee_precedente and evolution, the
 * comparison chart.  Where chiffres_cles.csv declares Y-1 too, its value
 * is kept, and a warning says when the two differ.  The figures come from
 * a source of their own (the file, its SHA-256), kept out of the public
 * table.  Returns STATUS_OK, STATUS_BAD_INPUT after bad data,
 * STATUS_FAILED when the file cannot be read (errors in d).
 */
#ifndef CARNET_PREVIOUS_H
#define CARNET_PREVIOUS_H

#include "figures.h"
#include "status.h"

enum status previous_merge(const char *path, int year, struct figures *t, struct diag *d);

#endif
