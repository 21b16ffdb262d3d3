/* stages.c — see stages.h. */
#define _GNU_SOURCE
#include "../etl/i18n.h"
#include "../etl/status.h"
#include "stages.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The folder holding this program, where the stage programs are. */
const char *stage_dir(void)
{
	static char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return dirname(buf);
}

static int stage_path(const char *name, char *out, size_t cap)
{
	const char *dir = stage_dir();
	if (!dir)
		return -1;
	int n = snprintf(out, cap, "%s/carnet-%s", dir, name);
	if (n < 0 || (size_t)n >= cap || access(out, X_OK) != 0)
		return -1;
	return 0;
}

/* Replaces this process with stage name. */
int stage_exec(const char *name, int argc, char **argv)
{
	char path[PATH_MAX];
	if (stage_path(name, path, sizeof path) != 0) {
		fprintf(stderr, _("carnet: the '%s' stage is not available in this build\n"),
			name);
		return 2;
	}
	char **args = calloc((size_t)argc + 1, sizeof *args);
	if (!args)
		return 2;
	args[0] = path;
	for (int i = 1; i < argc; i++)
		args[i] = argv[i];
	execv(path, args);
	fprintf(stderr, _("carnet: cannot run %s: %s\n"), path, strerror(errno));
	free(args);
	return 2;
}

/* The status a stage's exit status says (its program exits with one). */
static enum status said_by(int code)
{
	return code == 0 ? STATUS_OK : code == 1 ? STATUS_BAD_INPUT : STATUS_FAILED;
}

/* Runs stage name with args (args[0] is filled in) and waits for it. */
static enum status stage_exit(const char *name, char **args)
{
	char path[PATH_MAX];
	if (stage_path(name, path, sizeof path) != 0) {
		fprintf(stderr, _("carnet build: the '%s' stage is not part of this version yet: the report is incomplete\n"),
			name);
		return STATUS_BAD_INPUT;
	}
	args[0] = path;
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, _("carnet build: cannot fork: %s\n"), strerror(errno));
		return STATUS_FAILED;
	}
	if (pid == 0) {
		execv(path, args);
		fprintf(stderr, _("carnet build: cannot run %s: %s\n"), path,
			strerror(errno));
		_exit(2);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return STATUS_FAILED;
	if (WIFEXITED(st))
		return said_by(WEXITSTATUS(st));
	fprintf(stderr, _("carnet build: %s was killed by signal %d\n"), name,
		WTERMSIG(st));
	return STATUS_FAILED;
}

/* Runs stage name with args (args[0] is filled in); how it ended, said
 * when it did not succeed. */
enum status stage_run(const char *name, char **args)
{
	enum status st = stage_exit(name, args);
	if (st != STATUS_OK)
		fprintf(stderr, _("carnet build: the '%s' stage: %s\n"), name, status_str(st));
	return st;
}

