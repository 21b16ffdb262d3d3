/*
 * accents.h — the accents a label made from an id lost.
 *
 * An indicator or a value the model does not know is labelled from its
 * id ("patrimoine.jardins_partages" -> "Jardins partages"): ids are
 * ASCII.  accents_restore() gives each word back its accents from the
 * French dictionary (hunspell-fr, through libhunspell): a word that is
 * not French as written takes the spelling with accents that is ("reunions"
 * -> "réunions"); after the first word, where a label's noun is followed
 * by what qualifies it, a participle or an adjective is preferred to a
 * noun or a verb ("accords signes" -> "accords signés", "jeunes loges" ->
 * "jeunes logés").  Words the dictionary does not know stay as they are.
 */
#ifndef CARNET_ACCENTS_H
#define CARNET_ACCENTS_H

#include <stdbool.h>

/* Opens the dictionary; false (and nothing is restored) when it is not
 * on the machine. */
bool accents_open(void);

/* words (lower-case ASCII, separated by spaces) with their accents
 * (g_free it); a copy when the dictionary is not open. */
char *accents_restore(const char *words);

void accents_close(void);

#endif
