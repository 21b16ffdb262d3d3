/*
 * stages.h — the stage programs, installed beside the front command as
 * carnet-NAME (as git does): carnet-figures, carnet-xlsx, carnet-pdf,
 * carnet-html, carnet-init.
 */
#ifndef CARNET_STAGES_H
#define CARNET_STAGES_H

#include "../etl/status.h"

/* The folder holding this program, where the stage programs are (NULL
 * when it cannot be told). */
const char *stage_dir(void);

/* Replaces this process with stage name, given argv[1..argc); returns 2
 * only when it cannot. */
int stage_exec(const char *name, int argc, char **argv);

/* Runs stage name with args (args[0] is filled in, the list NULL-ended)
 * and returns how it ended (STATUS_FAILED when it could not run or was
 * killed); a stage that did not succeed is said on stderr. */
enum status stage_run(const char *name, char **args);

#endif
