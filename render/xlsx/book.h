/*
 * book.h — what both workbooks share: one set of formats in the
 * edition's colours and French number formats, sheets that size their
 * columns to what was written and print on A4 fitted to the width, the
 * document properties, and errors kept from the first failing call (each
 * lxw_error is checked; book_close() reports it with lxw_strerror()).
 * A workbook that could not be written whole is removed.
 */
#ifndef CARNET_XLSX_BOOK_H
#define CARNET_XLSX_BOOK_H

#include <time.h>

#include <xlsxwriter.h>

#include "../../model/layout.h"

#define BOOK_MAX_COLS 16

struct book {
	lxw_workbook *wb;
	char *path;
	const struct layout *l;
	lxw_error err;          /* the first error, or LXW_NO_ERROR */
	lxw_format *title, *subtitle, *header, *text, *wrap, *note, *total;
	lxw_format *num[4];     /* # ##0 with 0 to 3 decimals */
	lxw_format *num_total, *num_total1;  /* total rows, 0 and 1 decimal */
	lxw_format *num_bold;   /* a line's total */
	lxw_format *pct[3];     /* 0 %, 0,0 %, 0,00 % (values in 0–1) */
	lxw_format *euros, *meuros[3], *date;
	lxw_format *small;      /* a count hidden by the small-count rule */
	lxw_format *change, *points;    /* +0,0 % (a rate), +0,0 pt (points) */
};

struct sheet {
	struct book *b;
	lxw_worksheet *ws;
	const char *name;
	double width[BOOK_MAX_COLS];
};

/* Starts the workbook path with the layout's colours and the properties
 * title/subject; created is its date.  Returns 0, or -1 with a message
 * in d. */
int book_open(struct book *b, const char *path, const struct layout *l,
	      const char *title, const char *subject, time_t created,
	      struct diag *d);

/* Adds a sheet; tab is its tab colour (0: none). */
struct sheet sheet_add(struct book *b, const char *name, uint32_t tab);

/* Adds a sheet whose rows grow with the data (every figure, every
 * warning): each row goes to a temporary file when the next begins, so
 * that it costs a row of memory.  Its rows must be written top to bottom
 * (an earlier row is an error), and no chart may read it (libxlsxwriter
 * cannot cache a chart's values from such a sheet). */
struct sheet sheet_add_rows(struct book *b, const char *name, uint32_t tab);

/* Checks the sheet names the layout gives (each loop's feuille=) as Excel
 * takes them — not empty, at most 31 characters, none of [ ] : * ? / \,
 * no apostrophe at either end, not "History", none twice, none of the
 * workbook's own (fixed, given as a NULL-ended list) — and the page
 * header and footer made of them, the title and the office (255 bytes),
 * before anything is written; an error at edition.ini:line for each.
 * Returns 0 when all pass. */
int book_check_sheet_names(const struct layout *l, const char *const *fixed,
			   struct diag *d);

void sheet_string(struct sheet *s, int row, int col, const char *text,
		  lxw_format *f);
void sheet_number(struct sheet *s, int row, int col, double v, lxw_format *f);
/* A formula with its value already computed, for readers that do not
 * recalculate. */
void sheet_formula(struct sheet *s, int row, int col, const char *formula,
		   double value, lxw_format *f);
/* A title in the first column of row (a taller row). */
void sheet_title(struct sheet *s, int row, const char *text,
		 lxw_format *f);

/* Sizes the columns, freezes the rows above header_rows, and sets the
 * print layout (A4, fitted to the width, title and page numbers). */
void sheet_finish(struct sheet *s, int header_rows, bool landscape);

/* Records err as the book's error if it is the first. */
void book_check(struct book *b, lxw_error err);

/* Writes the workbook.  Returns 0, or -1 with a message in d (and no
 * file left behind). */
int book_close(struct book *b, struct diag *d);

/* "A1"-style name of column col (0 = A). */
const char *book_column(int col, char buf[4]);

#endif
