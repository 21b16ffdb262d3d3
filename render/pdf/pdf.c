/* pdf.c — see pdf.h. */
#include "pdf.h"
#include "../../etl/i18n.h"
#include "../../etl/parallel.h"
#include "../fonts.h"
#include "flow.h"
#include "pages.h"
#include "../../model/parts.h"
#include "finish.h"
#include "../photo_embed.h"
#include "../../model/secrecy.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <lcms2.h>
#include <qpdf/qpdf-c.h>

/* The screen edition's output intent (Debian's icc-profiles-free): an
 * ICC v2 profile whose bytes do not change with the day it was made. */
#define SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"


/* The print shop's profile: one lcms2 reads, of the output class, CMYK. */
static bool press_profile_ok(const struct layout *l, struct diag *d)
{
	char *ini = g_build_filename(l->dir, "edition.ini", NULL);
	const char *why = NULL;
	cmsHPROFILE h = cmsOpenProfileFromFile(l->press.profile, "r");
	if (!h)
		why = _("cannot be read as an ICC profile");
	else if (cmsGetDeviceClass(h) != cmsSigOutputClass || cmsGetColorSpace(h) != cmsSigCmykData)
		why = _("is not an output (printer) profile in CMYK");
	if (h)
		cmsCloseProfile(h);
	if (why)
		diag_add(d, DIAG_ERROR, ini, l->press.profile_line, 0,
			 "[impression] profil: '%s' %s%s", l->press.profile, why,
			 l->press.profile_line ? "" : " (Debian's scribus-data has it)");
	g_free(ini);
	return why == NULL;
}

/* A loop: its divider, then its articles in columns. */
static void loop_pages(struct pdf *p, size_t i, int *figure)
{
	const struct loop *loop = &p->l->loops[i];
	pages_divider(p, loop);
	p->divider_pages[i] = p->page;
	bool first = true;
	for (size_t k = 0; k < p->x->n; k++) {
		if (strcmp(p->x->v[k].loop, loop->id) != 0)
			continue;
		if (first)
			flow_begin_loop(p);
		first = false;
		flow_article(p, &p->x->v[k], (int)k, figure);
	}
	flow_end_loop(p);
}

/* One pass over the whole carnet, part after part (parts.h). */
static void pass(struct pdf *p)
{
	int figure = 0;
	p->page = -1;
	p->page_open = false;
	p->pending = NULL;
	p->closing = NULL;
	size_t n;
	struct part *parts = parts_of(p->l, &n);
	for (size_t i = 0; i < n; i++)
		switch (parts[i].kind) {
		case PART_COVER: pages_cover(p); break;
		case PART_CONTENTS: pages_contents(p); break;
		case PART_LOOP: loop_pages(p, parts[i].loop, &figure); break;
		case PART_KEY_FIGURES: pages_key_figures(p); break;
		case PART_BACK_COVER: pages_back_cover(p); break;
		}
	g_free(parts);
	page_end(p);
}

/* The measuring passes: photos grow into the blank feet of columns until
 * none can (a few passes); the pass in which none grew gives the pages of
 * the articles that the drawing pass shows (after six, one more pass with
 * the frames fixed does). */
static void measure(struct pdf *p)
{
	p->growing = true;
	for (int i = 0; i < 6; i++) {
		p->grown = false;
		pass(p);
		if (!p->grown) {
			p->growing = false;
			return;         /* this pass was already the final one */
		}
	}
	p->growing = false;
	pass(p);
}

struct prepare_job {
	struct pdf *p;
	const struct article *a;
	const struct block *b;
	struct frame *f;
	char *error;
};

static void prepare_one(void *data)
{
	struct prepare_job *j = data;
	j->f->surface = photo_embed(j->b->image, &j->b->photo, &j->f->crop, j->p->cache_dir,
				    photo_embed_scale(j->p->photo_plan, j->b->image),
				    &j->f->view, &j->error);
}

/* The frames the measuring passes gave the photos there are, as jobs (a
 * new array of struct prepare_job). */
static GArray *photo_jobs(struct pdf *p)
{
	GArray *jobs = g_array_new(FALSE, TRUE, sizeof(struct prepare_job));
	for (size_t k = 0; k < p->x->n; k++)
		for (size_t i = 0; i < p->x->v[k].n; i++) {
			const struct block *b = &p->x->v[k].v[i];
			struct frame *f = g_hash_table_lookup(p->frames, b);
			if (b->kind != BLOCK_IMAGE || !b->present || !f)
				continue;
			struct prepare_job j = { p, &p->x->v[k], b, f, NULL };
			g_array_append_val(jobs, j);
		}
	return jobs;
}

/* Every photo resampled for its frame (or read from the cache), on both
 * cores; a photo that cannot be decoded is an error at its text's line.
 * Returns the number of such errors. */
static size_t prepare_photos(struct pdf *p)
{
	GArray *jobs = photo_jobs(p);
	parallel_each(jobs->data, jobs->len, sizeof(struct prepare_job), prepare_one);
	size_t bad = 0;
	for (guint i = 0; i < jobs->len; i++) {
		struct prepare_job *j = &g_array_index(jobs, struct prepare_job, i);
		if (!j->f->surface) {
			diag_add(p->d, DIAG_ERROR, j->a->file, j->b->line, 0, "photo '%s': %s",
				 j->b->image_name, j->error ? j->error : "cannot be decoded");
			bad++;
		} else {
			double ppi = j->f->crop.px_w * 72 / j->f->w;
			if (ppi < p->ppi * 0.75)
				diag_add(p->d, DIAG_WARNING, j->a->file, j->b->line, 0,
					 "photo '%s': %.0f ppi at its printed size, fewer than "
					 "the %.0f this edition asks", j->b->image_name, ppi, p->ppi);
		}
		g_free(j->error);
	}
	g_array_free(jobs, TRUE);
	return bad;
}

static void frame_free(gpointer data)
{
	struct frame *f = data;
	if (f->surface)
		cairo_surface_destroy(f->surface);
	g_free(f);
}

static cairo_status_t write_file(void *closure, const unsigned char *data,
				 unsigned int length)
{
	return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
							  : CAIRO_STATUS_WRITE_ERROR;
}

/* The outline: a bookmark per loop, under it one per article. */
static void outline(struct pdf *p)
{
	for (size_t i = 0; i < p->l->nloops; i++) {
		const struct loop *loop = &p->l->loops[i];
		int parent = -1;
		for (size_t k = 0; k < p->x->n; k++) {
			if (strcmp(p->x->v[k].loop, loop->id) != 0)
				continue;
			char link[48];
			snprintf(link, sizeof link, "dest='article%zu'", k);
			if (parent < 0)
				parent = cairo_pdf_surface_add_outline(p->surface,
					CAIRO_PDF_OUTLINE_ROOT, loop->title, link, 0);
			cairo_pdf_surface_add_outline(p->surface, parent, p->x->v[k].title,
						      link, 0);
		}
	}
}

struct pdf *pdf_open(const struct pdf_edition *e, const struct layout *l,
		     const struct figures *t, struct texts *x, PangoFontMap *fonts, struct diag *d)
{
	if (e->print && !press_profile_ok(l, d))
		return NULL;
	struct pdf *p = g_new0(struct pdf, 1);
	*p = (struct pdf){ .l = l, .t = t, .x = x, .d = d, .print = e->print, .draft = e->draft,
			   .cache_dir = e->cache_dir, .logo = e->logo, .photo_plan = e->photo_plan };
	if (p->print) {
		p->bleed = BLEED;
		p->offset = BLEED + MARKS;
		p->ppi = 300;
	} else {
		p->ppi = 150;
	}
	p->frames = g_hash_table_new_full(NULL, NULL, NULL, frame_free);
	p->divider_pages = g_new0(int, l->nloops ? l->nloops : 1);
	p->ctx = fonts_context(fonts);
	p->cells = g_new0(enum sc_cell, t->n ? t->n : 1);
	p->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
	secrecy_apply(t, p->cells);
	p->elems = g_ptr_array_new_with_free_func(pdf_elem_free);
	p->article_pages = g_new0(int, x->n + 1);
	measure(p);                     /* where articles start, how large photos are */
	return p;
}

void pdf_photo_requests(struct pdf *p, GArray *requests)
{
	GArray *jobs = photo_jobs(p);
	for (guint i = 0; i < jobs->len; i++) {
		const struct prepare_job *j = &g_array_index(jobs, struct prepare_job, i);
		struct photo_request r = { j->b->image, &j->b->photo, j->f->crop, 0 };
		g_array_append_val(requests, r);
	}
	g_array_free(jobs, TRUE);
}

/* Hands the PDF cairo wrote (raw) to the finishing pass, which writes
 * path. */
static void finish_file(struct pdf *p, const char *raw, const char *path, time_t date)
{
	const struct layout *l = p->l;
	struct diag *d = p->d;
	double trim[4] = { p->offset, p->offset, p->offset + PAGE_W, p->offset + PAGE_H };
	char *title = g_strdup_printf("%s %d", l->title, l->year);
	char *producer = g_strdup_printf("carnet %s (cairo %s, libqpdf %s)", CARNET_VERSION,
					 cairo_version_string(), qpdf_get_qpdf_version());
	struct pdf_cmyk *brand = g_new0(struct pdf_cmyk, l->press.ncmyk + 1);
	for (size_t i = 0; i < l->press.ncmyk; i++) {
		brand[i].rgb = l->press.cmyk[i].rgb;
		memcpy(brand[i].cmyk, l->press.cmyk[i].cmyk, sizeof brand[i].cmyk);
	}
	struct pdf_press press = {
		.profile = l->press.profile, .condition = l->press.condition,
		.registry = l->press.registry, .info = l->press.info,
		.brand = brand, .nbrand = l->press.ncmyk,
	};
	struct pdf_finish fin = {
		.print = p->print, .press = &press, .lang = l->language, .title = title,
		.author = l->office, .subject = l->subject, .keywords = l->keywords,
		.creator = "carnet", .producer = producer, .date = date,
		.srgb_profile = SRGB_PROFILE, .trim = p->print ? trim : NULL,
		.bleed = p->bleed,
	};
	pdf_finish(raw, path, &fin, p->elems, d);
	g_free(brand);
	g_free(producer);
	g_free(title);
}

enum status pdf_draw(struct pdf *p, const char *path, time_t date, struct diag *d)
{
	p->d = d;
	size_t errors = d->errors;
	enum status status = STATUS_FAILED;

	if (prepare_photos(p))
		return STATUS_BAD_INPUT;
	char *raw = g_strdup_printf("%s.cairo", path);
	FILE *f = fopen(raw, "wb");
	if (!f) {
		diag_add(d, DIAG_ERROR, raw, 0, 0, "cannot write");
		goto out;
	}
	p->surface = cairo_pdf_surface_create_for_stream(write_file, f, PAGE_W + 2 * p->offset,
							 PAGE_H + 2 * p->offset);
	cairo_pdf_surface_restrict_to_version(p->surface, CAIRO_PDF_VERSION_1_5);
	/* the metadata, Info and XMP alike, are the finishing pass's */
	p->cr = cairo_create(p->surface);
	/* The structure tree's root.  cairo 1.16 writes link annotations
	 * only in a tagged document: without it the pages name annotation
	 * objects that are never written. */
	page_tag_begin(p, "Document");
	pass(p);                        /* draw */
	page_tag_end(p, "Document");
	outline(p);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	cairo_status_t st = cairo_surface_status(p->surface);
	if (st != CAIRO_STATUS_SUCCESS)
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write the PDF: %s",
			 cairo_status_to_string(st));
	cairo_surface_destroy(p->surface);
	if (fclose(f) != 0)
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write the PDF");
	if (d->errors == errors)
		finish_file(p, raw, path, date);
	if (d->errors == errors)
		status = STATUS_OK;
out:
	unlink(raw);
	g_free(raw);
	return status;
}

void pdf_close(struct pdf *p)
{
	if (!p)
		return;
	g_ptr_array_free(p->elems, TRUE);
	g_free(p->cells);
	g_hash_table_destroy(p->layouts);
	g_hash_table_destroy(p->frames);
	g_free(p->divider_pages);
	g_free(p->article_pages);
	g_object_unref(p->ctx);
	g_free(p);
}

enum status pdf_write(const char *path, const struct pdf_edition *e, const struct layout *l,
		      const struct figures *t, struct texts *x, PangoFontMap *fonts,
		      time_t date, struct diag *d)
{
	struct pdf *p = pdf_open(e, l, t, x, fonts, d);
	if (!p)
		return STATUS_BAD_INPUT;       /* as a photo that cannot be decoded */
	enum status status = pdf_draw(p, path, date, d);
	pdf_close(p);
	return status;
}
