/* book.c — see book.h. */
#include "book.h"
#include "../../etl/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

void book_check(struct book *b, lxw_error err)
{
	if (err != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = err;
}

static lxw_format *format(struct book *b, const char *num)
{
	lxw_format *f = workbook_add_format(b->wb);
	format_set_font_name(f, "Calibri");
	format_set_font_size(f, 10);
	format_set_font_color(f, b->l->text_colour);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (num)
		format_set_num_format(f, num);
	return f;
}

/* French number formats: Excel stores them with ',' for thousands and '.'
 * for decimals and shows them as the reader's locale does ("61 078"). */
static void make_formats(struct book *b)
{
	static const char *const num[] = { "#,##0", "#,##0.0", "#,##0.00", "#,##0.000" };
	static const char *const pct[] = { "0\\ %", "0.0\\ %", "0.00\\ %" };
	static const char *const meur[] = { "#,##0,,\\ \"M€\"", "#,##0.0,,\\ \"M€\"",
					    "#,##0.00,,\\ \"M€\"" };

	b->title = format(b, NULL);
	format_set_font_size(b->title, 16);
	format_set_bold(b->title);
	format_set_font_color(b->title, b->l->main_colour);
	b->subtitle = format(b, NULL);
	format_set_font_size(b->subtitle, 12);
	format_set_bold(b->subtitle);
	format_set_font_color(b->subtitle, b->l->main_colour);
	b->header = format(b, NULL);
	format_set_bold(b->header);
	format_set_font_color(b->header, 0xFFFFFF);
	format_set_bg_color(b->header, b->l->main_colour);
	format_set_text_wrap(b->header);
	b->text = format(b, NULL);
	format_set_bottom(b->text, LXW_BORDER_HAIR);
	format_set_bottom_color(b->text, b->l->grid_colour);
	b->wrap = format(b, NULL);
	format_set_text_wrap(b->wrap);
	format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
	b->note = format(b, NULL);
	format_set_italic(b->note);
	b->total = format(b, NULL);
	format_set_bold(b->total);
	format_set_top(b->total, LXW_BORDER_THIN);
	for (int i = 0; i < 4; i++) {
		b->num[i] = format(b, num[i]);
		format_set_bottom(b->num[i], LXW_BORDER_HAIR);
		format_set_bottom_color(b->num[i], b->l->grid_colour);
	}
	b->num_total = format(b, num[0]);
	format_set_bold(b->num_total);
	format_set_top(b->num_total, LXW_BORDER_THIN);
	b->num_total1 = format(b, num[1]);
	format_set_bold(b->num_total1);
	format_set_top(b->num_total1, LXW_BORDER_THIN);
	b->num_bold = format(b, num[0]);
	format_set_bold(b->num_bold);
	for (int i = 0; i < 3; i++) {
		b->pct[i] = format(b, pct[i]);
		b->meuros[i] = format(b, meur[i]);
	}
	/* signed changes, the minus as French typography prints it */
	b->change = format(b, "+0.0\\ %;\"−\"0.0\\ %;0.0\\ %");
	b->points = format(b, "+0.0\\ \"pt\";\"−\"0.0\\ \"pt\";0.0\\ \"pt\"");
	b->euros = format(b, "#,##0\\ \"€\"");
	b->date = format(b, "dd/mm/yyyy");
	b->small = format(b, NULL);
	format_set_align(b->small, LXW_ALIGN_RIGHT);
	format_set_italic(b->small);
}

int book_open(struct book *b, const char *path, const struct layout *l,
	      const char *title, const char *subject, time_t created,
	      struct diag *d)
{
	*b = (struct book){ .l = l, .path = g_strdup(path) };
	b->wb = workbook_new(path);
	if (!b->wb) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot create the workbook");
		g_free(b->path);
		return -1;
	}
	char *keywords = g_strjoinv(", ", (char *[]){ l->keywords, NULL });
	g_strdelimit(keywords, ";", ',');
	lxw_doc_properties props = {
		.title = (char *)title, .subject = (char *)subject,
		.author = l->office, .company = l->office, .manager = l->author,
		.category = l->category, .keywords = keywords,
		.comments = "Produit par carnet à partir des exports de l'année",
		.created = created,
	};
	book_check(b, workbook_set_properties(b->wb, &props));
	book_check(b, workbook_set_custom_property_string(b->wb, "Langue", l->language));
	g_free(keywords);
	make_formats(b);
	return 0;
}

struct sheet sheet_add_rows(struct book *b, const char *name, uint32_t tab)
{
	/* libxlsxwriter takes its constant_memory mode per sheet, from the
	 * workbook's options when the sheet is added (1.1.4 workbook.c) */
	b->wb->options.constant_memory = LXW_TRUE;
	struct sheet s = sheet_add(b, name, tab);
	b->wb->options.constant_memory = LXW_FALSE;
	return s;
}

struct sheet sheet_add(struct book *b, const char *name, uint32_t tab)
{
	struct sheet s = { .b = b, .name = name };
	s.ws = workbook_add_worksheet(b->wb, name);
	if (!s.ws) {
		book_check(b, LXW_ERROR_SHEETNAME_ALREADY_USED);
		s.ws = workbook_add_worksheet(b->wb, NULL);   /* keep going */
	}
	if (tab)
		worksheet_set_tab_color(s.ws, tab);
	return s;
}

/* Widens column col for text of that many characters. */
static void fit(struct sheet *s, int col, double chars)
{
	if (col >= 0 && col < BOOK_MAX_COLS && chars > s->width[col])
		s->width[col] = chars;
}

void sheet_string(struct sheet *s, int row, int col, const char *text,
		  lxw_format *f)
{
	book_check(s->b, worksheet_write_string(s->ws, row, col, text, f));
	if (f != s->b->title && f != s->b->subtitle && f != s->b->wrap &&
	    f != s->b->header)
		fit(s, col, (double)g_utf8_strlen(text, -1));
}

void sheet_number(struct sheet *s, int row, int col, double v, lxw_format *f)
{
	book_check(s->b, worksheet_write_number(s->ws, row, col, v, f));
	fit(s, col, 10);
}

void sheet_formula(struct sheet *s, int row, int col, const char *formula,
		   double value, lxw_format *f)
{
	book_check(s->b, worksheet_write_formula_num(s->ws, row, col, formula, f, value));
	fit(s, col, 10);
}

void sheet_title(struct sheet *s, int row, const char *text,
		 lxw_format *f)
{
	book_check(s->b, worksheet_write_string(s->ws, row, 0, text, f));
	book_check(s->b, worksheet_set_row(s->ws, row, f == s->b->title ? 24 : 18, NULL));
}

/* Appends text to a page header; "&" starts a code there, so the
 * office's "&" is doubled. */
static void append_header_text(GString *h, const char *text)
{
	for (const char *p = text; *p; p++)
		g_string_append(h, *p == '&' ? "&&" : (char[]){ *p, 0 });
}

/* What a sheet prints at the top and foot of its pages. */
static GString *page_header(const struct layout *l, const char *sheet)
{
	GString *h = g_string_new("&L");
	append_header_text(h, l->title);
	g_string_append_printf(h, " %d&R", l->year);
	append_header_text(h, sheet);
	return h;
}

static GString *page_footer(const struct layout *l)
{
	GString *f = g_string_new("&L");
	append_header_text(f, l->office);
	g_string_append(f, "&RPage &P / &N");
	return f;
}

int book_check_sheet_names(const struct layout *l, const char *const *fixed,
			   struct diag *d)
{
	/* libxlsxwriter's own rules, on a workbook that is never written
	 * (it takes a sheet's name as used once added) */
	lxw_workbook *scratch = workbook_new("carnet-sheet-names.xlsx");
	if (!scratch)
		return -1;
	for (const char *const *f = fixed; *f; f++)
		workbook_add_worksheet(scratch, *f);
	char *ini = g_build_filename(l->dir, "edition.ini", NULL);
	int status = 0;
	for (size_t i = 0; i <= l->nloops; i++) {
		const struct loop *loop = i == 0 ? &l->keyfigures : &l->loops[i - 1];
		const char *name = loop->sheet, *why = NULL;
		lxw_error e;
		if (!*name)
			why = _("a sheet needs a name");
		else if (!g_ascii_strcasecmp(name, "History"))
			why = _("Excel keeps that name for itself");
		else if ((e = workbook_validate_sheet_name(scratch, name)) != LXW_NO_ERROR)
			why = e == LXW_ERROR_SHEETNAME_ALREADY_USED
			      ? "another sheet has that name" : lxw_strerror(e);
		if (why) {
			diag_add(d, DIAG_ERROR, ini, loop->sheet_line, 0,
				 "[%s%s] feuille: invalid sheet name '%s': %s",
				 i == 0 ? "" : "boucle.", loop->id, name, why);
			status = 1;
		} else {
			workbook_add_worksheet(scratch, name);
		}
	}
	/* and the page header and footer they print hold what Excel allows */
	GString *f = page_footer(l);
	if (f->len > LXW_HEADER_FOOTER_MAX) {
		diag_add(d, DIAG_ERROR, ini, l->office_line, 0, "[edition] organisme: too long "
			 "for the workbooks' page footer (%zu bytes with the page number, "
			 "at most %d)", f->len, LXW_HEADER_FOOTER_MAX);
		status = 1;
	}
	g_string_free(f, TRUE);
	for (size_t i = 0; i <= l->nloops && status == 0; i++) {
		GString *h = page_header(l, i == 0 ? l->keyfigures.sheet : l->loops[i - 1].sheet);
		if (h->len > LXW_HEADER_FOOTER_MAX) {
			diag_add(d, DIAG_ERROR, ini, l->title_line, 0, "[edition] titre: too "
				 "long for the workbooks' page headers, with the sheet's name");
			status = 1;
		}
		g_string_free(h, TRUE);
	}
	g_free(ini);
	lxw_workbook_free(scratch);
	return status;
}

void sheet_finish(struct sheet *s, int header_rows, bool landscape)
{
	const struct layout *l = s->b->l;
	for (int c = 0; c < BOOK_MAX_COLS; c++)
		if (s->width[c] > 0)
			book_check(s->b, worksheet_set_column(s->ws, c, c,
				   MIN(s->width[c] * 1.1 + 2, 70), NULL));
	if (header_rows > 0)
		worksheet_freeze_panes(s->ws, header_rows, 0);
	worksheet_set_paper(s->ws, 9);                   /* A4 */
	if (landscape)
		worksheet_set_landscape(s->ws);
	worksheet_fit_to_pages(s->ws, 1, 0);
	if (header_rows > 0)
		book_check(s->b, worksheet_repeat_rows(s->ws, header_rows - 1,
						       header_rows - 1));
	GString *h = page_header(l, s->name), *f = page_footer(l);
	book_check(s->b, worksheet_set_header(s->ws, h->str));
	book_check(s->b, worksheet_set_footer(s->ws, f->str));
	g_string_free(h, TRUE);
	g_string_free(f, TRUE);
}

int book_close(struct book *b, struct diag *d)
{
	int status = 0;
	if (b->err != LXW_NO_ERROR) {
		diag_add(d, DIAG_ERROR, b->path, 0, 0, "cannot write the workbook: %s",
			 lxw_strerror(b->err));
		workbook_close(b->wb);
		status = -1;
	} else {
		lxw_error err = workbook_close(b->wb);
		if (err != LXW_NO_ERROR) {
			diag_add(d, DIAG_ERROR, b->path, 0, 0,
				 "cannot write the workbook: %s", lxw_strerror(err));
			status = -1;
		}
	}
	if (status != 0)
		unlink(b->path);
	g_free(b->path);
	b->wb = NULL;
	return status;
}

const char *book_column(int col, char buf[4])
{
	if (col < 26) {
		buf[0] = (char)('A' + col);
		buf[1] = '\0';
	} else {
		buf[0] = (char)('A' + col / 26 - 1);
		buf[1] = (char)('A' + col % 26);
		buf[2] = '\0';
	}
	return buf;
}
