/*
 * status.h — how a stage ends: what every stage returns (the ETL, a
 * renderer, init) and what its program exits with.
 */
#ifndef CARNET_STATUS_H
#define CARNET_STATUS_H

enum status {
	STATUS_OK = 0,
	STATUS_BAD_INPUT = 1,   /* an export, a layout, a text or a photo:
				 * located messages say what */
	STATUS_FAILED = 2,      /* the command line, a file that cannot be
				 * read or written, the machine */
};

/* What s means, in the user's language (as libxlsxwriter's
 * lxw_strerror()). */
const char *status_str(enum status s);

#endif
