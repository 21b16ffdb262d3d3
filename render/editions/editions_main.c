/*
 * editions_main.c — carnet-editions: the screen PDF, the print PDF and
 * the web edition of one layout in one process, over one opened edition
 * (layout, figures, texts, fonts read and checked once).
 *
 * Both PDF editions are laid out first, so that every frame a photo fills
 * is known; with the web edition's, they go to photo_embed_prepare(),
 * which decodes each photo once (at the scale of its largest frame) and
 * makes every rendition from that decode, on both cores; the editions are
 * then drawn side by side, each PDF in a child process (fork: the model
 * is shared, nothing is drawn twice, no lock is needed) while this one
 * writes the web edition, and find their photos in the cache.  The
 * children's messages come back through a file and are told in the
 * editions' order: screen, print, web.  `carnet build` and
 * `make report` run this; `carnet pdf` and `carnet html` make one edition
 * each, as before.
 *
 * The outputs are written whole or not at all: the PDFs under temporary
 * names and the web edition beside its place, put in place once all
 * three are made, the web edition first.  Exit status as every
 * stage's (etl/status.h).
 */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

#include "../../etl/folder.h"
#include "../../etl/i18n.h"
#include "../../etl/infile.h"
#include "../../etl/outputs.h"
#include "../../etl/status.h"
#include "../edition.h"
#include "../photo_embed.h"
#include "../html/html.h"
#include "../pdf/pdf.h"

static const char *prog = "carnet editions";

static void usage(FILE *out)
{
	fprintf(out,
		_("usage: carnet editions --layout DIR --figures FILE --screen FILE --print FILE\n"
		"                       --web DIR [--fonts DIR] [--cache DIR] [--labels FILE]\n"
		"                       [--draft]\n"
		"\n"
		"Makes the carnet's three editions of --layout in one run: the screen PDF\n"
		"(--screen), the print PDF (--print) and the web edition (--web), each\n"
		"photo decoded once for all three.  The options are carnet pdf's and\n"
		"carnet html's.\n"));
}

struct args {
	const char *layout_dir, *figures, *labels, *fonts_dir, *cache_dir;
	const char *screen, *print, *web;
	bool draft;
};

/* Reads the options into a; returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	static const struct option longopts[] = {
		{ "layout", required_argument, NULL, 'l' },
		{ "figures", required_argument, NULL, 'f' },
		{ "screen", required_argument, NULL, 's' },
		{ "print", required_argument, NULL, 'p' },
		{ "web", required_argument, NULL, 'w' },
		{ "fonts", required_argument, NULL, 'F' },
		{ "cache", required_argument, NULL, 'c' },
		{ "labels", required_argument, NULL, 'L' },
		{ "draft", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': a->layout_dir = optarg; break;
		case 'f': a->figures = optarg; break;
		case 's': a->screen = optarg; break;
		case 'p': a->print = optarg; break;
		case 'w': a->web = optarg; break;
		case 'F': a->fonts_dir = optarg; break;
		case 'c': a->cache_dir = optarg; break;
		case 'L': a->labels = optarg; break;
		case 'D': a->draft = true; break;
		case 'h': usage(stdout); return STATUS_OK;
		default: usage(stderr); return STATUS_FAILED;
		}
	}
	if (!a->layout_dir || !a->figures || !a->screen || !a->print || !a->web ||
	    optind != argc) {
		usage(stderr);
		return STATUS_FAILED;
	}
	const char *inputs[] = { a->layout_dir, a->figures, a->labels, a->fonts_dir, a->cache_dir };
	const char *outs[] = { a->screen, a->print, a->web };
	for (int i = 0; i < 3; i++)
		if (!infile_apart(prog, outs[i], inputs, 5))
			return STATUS_FAILED;
	return -1;
}

/* A PDF edition drawn by a child process, its messages in a file. */
struct child {
	pid_t pid;              /* -1: drawn here, status and d already set */
	FILE *msgs;
	enum status status;
	struct diag d;
};

/* Draws p into path in a child process; other, the other edition, is
 * the child's to free too. */
static void child_start(struct child *c, struct pdf *p, struct pdf *other,
			const char *path, time_t date)
{
	*c = (struct child){ .pid = -1, .d = DIAG_INIT };
	fflush(stdout);
	fflush(stderr);
	c->msgs = tmpfile();
	if (c->msgs)
		c->pid = fork();
	if (c->pid == 0) {
		struct diag d = DIAG_INIT;
		enum status st = pdf_draw(p, path, date, &d);
		if (diag_save(&d, c->msgs) != 0)
			st = STATUS_FAILED;
		/* both editions freed, as the parent does: a leak checker run
		 * on the children finds nothing left that it could not reach */
		diag_release(&d);
		pdf_close(p);
		pdf_close(other);
		_exit((int)st);         /* nothing of the parent's flushed twice */
	}
	if (c->pid < 0)                 /* no process to spare: drawn here */
		c->status = pdf_draw(p, path, date, &c->d);
}

/* Waits for c and adds its messages to d, in their place; its status. */
static enum status child_end(struct child *c, const char *path, struct diag *d)
{
	if (c->pid > 0) {
		int ws = 0;
		while (waitpid(c->pid, &ws, 0) < 0 && errno == EINTR)
			;
		c->status = WIFEXITED(ws) && WEXITSTATUS(ws) <= STATUS_FAILED
			? (enum status)WEXITSTATUS(ws) : STATUS_FAILED;
		rewind(c->msgs);
		if (diag_load(&c->d, c->msgs) != 0 && c->status == STATUS_OK)
			c->status = STATUS_FAILED;
		if (WIFSIGNALED(ws))    /* a crash must not pass in silence */
			diag_add(&c->d, DIAG_ERROR, path, 0, 0,
				 "the process drawing this edition ended with signal %d",
				 WTERMSIG(ws));
	}
	diag_merge(d, &c->d);
	diag_release(&c->d);
	if (c->msgs)
		fclose(c->msgs);
	return c->status;
}

/* Says, at each text's line, the photos bad holds (path -> why); false
 * when there is one, so that no edition is drawn and says it again. */
static bool photos_decode(const struct texts *x, GHashTable *bad, struct diag *d)
{
	if (!bad)
		return true;
	for (size_t k = 0; k < x->n; k++)
		for (size_t i = 0; i < x->v[k].n; i++) {
			const struct block *b = &x->v[k].v[i];
			const char *why = b->kind == BLOCK_IMAGE && b->present
				? g_hash_table_lookup(bad, b->image) : NULL;
			if (why)
				diag_add(d, DIAG_ERROR, x->v[k].file, b->line, 0, "photo '%s': %s",
					 b->image_name, why);
		}
	g_hash_table_destroy(bad);
	return false;
}

/* The three editions of ed: both PDFs laid out, every photo prepared
 * once, the PDFs drawn into their temporaries beside the web edition,
 * which is put in place once both are. */
static enum status make_editions(const struct args *a, struct edition *ed, const char *screen,
				 const char *print, struct diag *d)
{
	GArray *plan = g_array_new(FALSE, TRUE, sizeof(struct photo_request));
	struct pdf_edition se = { .print = false, .draft = a->draft, .cache_dir = a->cache_dir,
				  .logo = ed->logo, .photo_plan = plan };
	struct pdf_edition pe = se;
	pe.print = true;
	struct html_edition we = { .draft = a->draft, .cache_dir = a->cache_dir,
				   .logo = ed->logo ? ed->logo_path : NULL,
				   .fonts_dir = ed->fonts_dir, .photo_plan = plan };
	enum status status = STATUS_BAD_INPUT;
	struct pdf *sp = pdf_open(&se, &ed->l, &ed->t, &ed->x, ed->fonts, d);
	struct pdf *pp = sp ? pdf_open(&pe, &ed->l, &ed->t, &ed->x, ed->fonts, d) : NULL;
	if (pp) {
		pdf_photo_requests(sp, plan);
		pdf_photo_requests(pp, plan);
		html_photo_requests(&ed->x, plan);
		if (!photos_decode(&ed->x, photo_embed_prepare(plan, a->cache_dir), d))
			goto out;
		struct child cs, cp;
		child_start(&cs, sp, pp, screen, ed->date);
		child_start(&cp, pp, sp, print, ed->date);
		struct diag dw = DIAG_INIT;
		char *web = NULL;
		enum status sw = html_write_aside(a->web, &we, &ed->l, &ed->t, &ed->x, ed->fonts,
						  &dw, &web);
		enum status ss = child_end(&cs, a->screen, d), sq = child_end(&cp, a->print, d);
		status = MAX(ss, MAX(sq, sw));
		if (status == STATUS_OK)
			status = html_put_in_place(a->web, web, &dw);
		else if (web) {
			folder_remove(web);
			g_free(web);
		}
		diag_merge(d, &dw);
		diag_release(&dw);
	}
out:
	pdf_close(sp);
	pdf_close(pp);
	g_array_free(plan, TRUE);
	return status;
}

int main(int argc, char **argv)
{
	struct args a = { 0 };

	i18n_init();
	signal(SIGXFSZ, SIG_IGN);       /* see figures_main.c */
	/* A decoded photo (12 MB at 1/2 of 12 MP) and its halved copies
	 * kept in the heap once freed, for the next photo: mapped afresh
	 * each time, their pages were faulted in and zeroed by the kernel,
	 * a fifth of a cold build. */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 128 << 20);
	int done = parse_args(argc, argv, &a);
	if (done >= 0)
		return done;

	struct diag d = DIAG_INIT;
	struct edition ed;
	struct outputs o = OUTPUTS_INIT(prog);
	const char *screen = outputs_add(&o, a.screen), *print = outputs_add(&o, a.print);
	enum status status = edition_open(&ed, a.layout_dir, a.figures, a.labels, a.fonts_dir,
					  a.draft, &d, prog);
	if (status == STATUS_OK)
		status = make_editions(&a, &ed, screen, print, &d);
	if (status == STATUS_OK && outputs_commit(&o) != 0)
		status = STATUS_FAILED;
	outputs_release(&o);
	diag_print(&d, stderr, prog);
	diag_release(&d);
	edition_close(&ed);
	return status;
}
