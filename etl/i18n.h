/*
 * i18n.h — messages in the user's language, reports in French (GNU
 * gettext, domain "carnet", catalogue po/fr.po).
 *
 * Messages are written in English in the code.  _() translates one for
 * the terminal, in the language of the user's LC_MESSAGES (LANG=fr_FR.UTF-8:
 * French; C: English); N_() only marks one that is translated where it is
 * used.  i18n_fr() translates one into French whatever the user's locale:
 * the data-quality report (TSV and sheet) is part of the carnet, always
 * French.  Only LC_MESSAGES follows the user: numbers in files are never
 * written through the locale.
 *
 * The catalogue is looked for beside the programs (BIN/../share/locale,
 * where the Makefile compiles po/fr.po).  French needs a French locale on
 * the machine (fr_FR.UTF-8, tools/deps.sh makes it); i18n_french_ready()
 * says why when it or the catalogue is missing, so that a report is never
 * silently written in English.
 */
#ifndef CARNET_I18N_H
#define CARNET_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Sets LC_MESSAGES from the environment and binds the catalogue; once, in
 * main(), before any thread starts. */
void i18n_init(void);

/* msgid in French (msgid itself when it has no translation). */
const char *i18n_fr(const char *msgid);

/* NULL when i18n_fr() translates, else why not (a message for the user,
 * in English, naming what to install). */
const char *i18n_french_ready(void);

#endif
