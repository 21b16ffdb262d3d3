/* i18n.c — see i18n.h. */
#define _GNU_SOURCE
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#define DOMAIN "carnet"

static locale_t french;          /* LC_MESSAGES of a French locale */
static const char *not_ready = "i18n_init() was not called";

/* BIN/../share/locale, from the program's own path. */
static char *locale_dir(void)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	if (!exe)
		return NULL;
	char *bin = g_path_get_dirname(exe);
	char *prefix = g_path_get_dirname(bin);
	char *dir = g_build_filename(prefix, "share", "locale", NULL);
	g_free(prefix);
	g_free(bin);
	g_free(exe);
	return dir;
}

void i18n_init(void)
{
	setlocale(LC_MESSAGES, "");
	char *dir = locale_dir();
	if (dir)
		bindtextdomain(DOMAIN, dir);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
	/* any French locale will do: gettext looks the catalogue up by its
	 * language, "fr" */
	static const char *const names[] = { "fr_FR.UTF-8", "fr_FR.utf8", "fr_FR@euro", "fr_FR",
					      "fr_BE.UTF-8", "fr_CA.UTF-8", "fr_CH.UTF-8",
					      "fr_LU.UTF-8" };
	for (size_t i = 0; !french && i < G_N_ELEMENTS(names); i++)
		french = newlocale(LC_MESSAGES_MASK, names[i], (locale_t)0);
	char *mo = dir ? g_build_filename(dir, "fr", "LC_MESSAGES", DOMAIN ".mo", NULL) : NULL;
	if (!french)
		not_ready = N_("no French locale on this machine, and the data-quality report is "
			       "written in French: make one (as root: localedef -i fr_FR -f UTF-8 "
			       "fr_FR.UTF-8, or tools/deps.sh build)");
	else if (!mo || !g_file_test(mo, G_FILE_TEST_IS_REGULAR))
		not_ready = N_("no French catalogue beside the programs (share/locale/fr/"
			       "LC_MESSAGES/carnet.mo): build it with make");
	else
		not_ready = NULL;
	g_free(mo);
	g_free(dir);
}

const char *i18n_fr(const char *msgid)
{
	if (!french || !*msgid)
		return msgid;
	/* uselocale() is the calling thread's alone: the readers' threads
	 * may translate at the same time */
	locale_t was = uselocale(french);
	const char *s = dgettext(DOMAIN, msgid);
	uselocale(was);
	return s;
}

const char *i18n_french_ready(void)
{
	return not_ready;
}
