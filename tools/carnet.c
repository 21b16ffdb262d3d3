/*
 * carnet.c — the front command.
 *
 *   carnet COMMAND [ARGS]
 *
 * Each stage of the pipeline is a program of its own, carnet-COMMAND,
 * installed beside this one (as git does); `carnet figures …` runs
 * carnet-figures with the same arguments, and `carnet build` runs the
 * stages one after the other, for users who do not use make.
 */
#include "../etl/i18n.h"
#include "build.h"
#include "stages.h"

#include <stdio.h>
#include <string.h>

#ifndef CARNET_VERSION
#define CARNET_VERSION "0.0.0"
#endif

static const char *const stages[] = { "figures", "xlsx", "pdf", "html", "editions", "init" };

static void usage(FILE *out)
{
	fprintf(out,
		_("usage: carnet COMMAND [ARGS]\n"
		"\n"
		"Builds a housing office's activity report (\"carnet\") from its\n"
		"yearly data exports.\n"
		"\n"
		"commands:\n"
		"  figures  read the exports and compute the figures table\n"
		"  xlsx     write the carnet and headcount workbooks\n"
		"  pdf      typeset the carnet PDF\n"
		"  html     write the carnet as web pages\n"
		"  editions the screen PDF, the print PDF and the web pages in one run\n"
		"  build    run the whole pipeline: carnet build --in DIR --year Y --out DIR\n"
		"  init     a new edition's layout from a folder of exports\n"
		"\n"
		"`carnet COMMAND --help` tells more; --version prints the version.\n"));
}

int main(int argc, char **argv)
{
	i18n_init();
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "--version")) {
		printf("carnet %s\n", CARNET_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "build"))
		return build_main(argc - 1, argv + 1);
	for (size_t i = 0; i < sizeof stages / sizeof *stages; i++)
		if (!strcmp(cmd, stages[i]))
			return stage_exec(cmd, argc - 1, argv + 1);
	fprintf(stderr, _("carnet: unknown command '%s' (see carnet --help)\n"), cmd);
	return 2;
}
