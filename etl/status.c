/* status.c — see status.h. */
#include "status.h"
#include "i18n.h"

const char *status_str(enum status s)
{
	switch (s) {
	case STATUS_OK: return _("done");
	case STATUS_BAD_INPUT: return _("bad input");
	case STATUS_FAILED: return _("failed: the command line, a file or the machine");
	}
	return "?";
}
