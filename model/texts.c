/* texts.c — see texts.h. */
#include "texts.h"
#include "placeholders.h"
#include "close_matches.h"
#include "format.h"
#include "hyphenate.h"
#include "inputs.h"
#include "../etl/fields.h"
#include "../etl/infile.h"
#include "../etl/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <glib.h>

struct loader {
	const struct layout *l;
	const struct figures *t;
	bool draft;             /* absent figures print n.d. */
	struct diag *d;
	const char *path;       /* the file being read */
	struct article *a;      /* the article being read */
};

/* ---- placeholders (placeholders.h) ---- */

static struct placeholders placeholders_of(const struct loader *ld)
{
	return (struct placeholders){ ld->l, ld->t, ld->draft, ld->d, ld->path,
				      &ld->a->unresolved };
}

static char *resolve(const struct loader *ld, const char *spec, long line)
{
	struct placeholders p = placeholders_of(ld);
	return placeholder_value(&p, spec, line);
}

static char *expand(const struct loader *ld, const char *s, long line)
{
	struct placeholders p = placeholders_of(ld);
	return placeholders_expand(&p, s, line);
}

/* ---- inline text ---- */

static void raw_html(const struct loader *ld, long line)
{
	diag_add(ld->d, DIAG_WARNING, ld->path, line, 0,
		 "raw HTML is left out of the carnet: write Markdown");
}

/* True for a link a reader may follow from the carnet: the web, mail,
 * telephone, or an anchor of the carnet.  Anything else (javascript:,
 * vbscript:, data:, file:, a path) is refused, whatever its case or the
 * entities it was written with (cmark has decoded them). */
static bool followable(const char *url)
{
	static const char *const schemes[] = { "https://", "http://", "mailto:", "tel:" };
	if (url[0] == '#')
		return url[1] != '\0';
	for (size_t i = 0; i < G_N_ELEMENTS(schemes); i++) {
		size_t n = strlen(schemes[i]);
		if (g_ascii_strncasecmp(url, schemes[i], n) == 0 && url[n] != '\0')
			return true;
	}
	return false;
}

static void check_link(const struct loader *ld, cmark_node *link, long line)
{
	const char *url = cmark_node_get_url(link);
	if (followable(url ? url : ""))
		return;
	int at = cmark_node_get_start_line(link);
	char *shown = g_strdup(url ? url : "");
	for (char *p = shown; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '?';       /* the message stays one printable line */
	diag_add(ld->d, DIAG_ERROR, ld->path, at > 0 ? at : line,
		 at > 0 ? cmark_node_get_start_column(link) : 0,
		 "link '%.60s': a link goes to https://, http://, mailto:, tel: or a #anchor",
		 shown);
	g_free(shown);
}

/* Appends the inline content of node to s with its italics and bold. */
static void inline_text(const struct loader *ld, cmark_node *node, GString *s,
			GArray *runs, long line)
{
	for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
		guint start = (guint)s->len;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE: {
			char *t = expand(ld, cmark_node_get_literal(c), line);
			g_string_append(s, t);
			cmark_node_set_literal(c, t);   /* what the web edition shows */
			g_free(t);
			break;
		}
		case CMARK_NODE_HTML_INLINE:
			raw_html(ld, line);
			break;
		case CMARK_NODE_LINK:
			check_link(ld, c, line);
			inline_text(ld, c, s, runs, line);
			break;
		case CMARK_NODE_SOFTBREAK:
			g_string_append_c(s, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			g_string_append(s, "\xE2\x80\xA8");   /* line separator */
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG: {
			bool emph = cmark_node_get_type(c) == CMARK_NODE_EMPH;
			inline_text(ld, c, s, runs, line);
			struct text_run r = { start, (unsigned)s->len, emph ? RUN_ITALIC : RUN_BOLD };
			if (runs)
				g_array_append_val(runs, r);
			break;
		}
		default:
			inline_text(ld, c, s, runs, line);
			break;
		}
	}
}

/* ---- blocks ---- */

/* A new block, made from node. */
static struct block *push(struct article *a, cmark_node *node)
{
	cmark_node_set_user_data(node, TEXTS_BLOCK_NODE(a->n));
	a->v = g_renew(struct block, a->v, a->n + 1);
	struct block *b = &a->v[a->n++];
	*b = (struct block){ 0 };
	return b;
}

static void tiles_block(const struct loader *ld, struct article *a, cmark_node *node)
{
	struct block *b = push(a, node);
	long line = cmark_node_get_start_line(node);
	b->kind = BLOCK_TILES;
	b->line = line;
	char **lines = g_strsplit(cmark_node_get_literal(node), "\n", -1);
	for (char **p = lines; *p; p++, line++) {
		char *spec = g_strstrip(*p);
		if (!*spec)
			continue;
		char *bar = strchr(spec, '|');
		if (!bar) {
			diag_add(ld->d, DIAG_ERROR, ld->path, line + 1, 0,
				 "a figure tile reads 'indicator [dimensions] | label'");
			continue;
		}
		*bar = '\0';
		char *v = resolve(ld, spec, line + 1);
		if (!v)
			continue;
		b->tiles = g_renew(struct tile, b->tiles, b->ntiles + 1);
		b->tiles[b->ntiles++] = (struct tile){
			v, format_typography(g_strstrip(bar + 1)),
		};
	}
	g_strfreev(lines);
}

/* Is one of prefix_a … prefix_g in t (an energy label scale)? */
static bool has_letter(const struct figures *t, const char *prefix)
{
	for (char c = 'a'; c <= 'g'; c++) {
		char id[128];
		snprintf(id, sizeof id, "%s_%c", prefix, c);
		if (figures_has(t, id))
			return true;
	}
	return false;
}

static void chart_block(const struct loader *ld, struct article *a, cmark_node *node)
{
	long line = cmark_node_get_start_line(node);
	char *ini = g_strdup_printf("[graphique]\n%s", cmark_node_get_literal(node));
	GKeyFile *kf = g_key_file_new();
	GError *err = NULL;
	if (!g_key_file_load_from_data(kf, ini, (gsize)-1, G_KEY_FILE_NONE, &err)) {
		diag_add(ld->d, DIAG_ERROR, ld->path, line, 0, "chart: %s", err->message);
		g_error_free(err);
		goto out;
	}
	struct chart_block c = { 0 };
	char **dst[] = { &c.type, &c.title, &c.indicator, &c.axis, &c.filter, &c.target };
	const char *keys[] = { "type", "titre", "indicateur", "axe", "filtre", "cible" };
	for (int i = 0; i < 6; i++) {
		char *v = g_key_file_get_string(kf, "graphique", keys[i], NULL);
		*dst[i] = v ? g_strstrip(v) : g_strdup("");
	}
	char *tri = g_key_file_get_string(kf, "graphique", "tri", NULL);
	c.descending = tri && g_str_has_prefix(g_strstrip(tri), "d");
	g_free(tri);
	int kind = chart_kind_of_text(c.type);
	c.kind = kind < 0 ? CHART_BARRES : (enum chart_kind)kind;
	if (kind < 0) {
		char *names = chart_kind_names(true);
		diag_add(ld->d, DIAG_ERROR, ld->path, line, 0, "chart: unknown type '%s' (%s)",
			 c.type, names);
		g_free(names);
	} else if (*c.indicator && !figures_has(ld->t, c.indicator) &&
		 !(c.kind == CHART_ETIQUETTES && has_letter(ld->t, c.indicator))) {
		char *close = close_matches(ld->t, c.indicator);
		if (ld->draft) {
			diag_add(ld->d, DIAG_WARNING, ld->path, line, 0,
				 "chart: unknown indicator '%s'%s: an empty frame, n.d.",
				 c.indicator, close);
			c.missing = true;
			ld->a->unresolved++;
		} else
			diag_add(ld->d, DIAG_ERROR, ld->path, line, 0,
				 "chart: unknown indicator '%s'%s", c.indicator, close);
		g_free(close);
	}
	struct block *b = push(a, node);
	b->kind = BLOCK_CHART;
	b->line = line;
	b->chart = c;
out:
	g_key_file_free(kf);
	g_free(ini);
}

/* A percentage of a photo's side, as in "centre=30%,62,5%": the number
 * as the exports write it (fields.h), 0 to 100. */
static bool percent_of_side(const char *s, size_t len, double *out)
{
	double v;
	if (len == 0 || s[len - 1] != '%' || field_number(s, len - 1, &v) || v < 0 || v > 100)
		return false;
	*out = v / 100;
	return true;
}

/* "centre=X%,Y%": the point of the photo a crop keeps. */
static bool focus_point(const char *opt, struct block *b)
{
	if (strncmp(opt, "centre=", 7) != 0)
		return false;
	const char *x = opt + 7, *sep = strstr(x, "%,");
	if (!sep)
		return false;
	const char *y = sep + 2;
	return percent_of_side(x, (size_t)(sep + 1 - x), &b->focus_x) &&
	       percent_of_side(y, strlen(y), &b->focus_y);
}

/* The options in a photo's title: "centre=30%,60% ; large". */
static void image_options(const struct loader *ld, struct block *b, const char *title)
{
	b->focus_x = b->focus_y = 0.5;
	char **opts = g_strsplit(title ? title : "", ";", -1);
	for (char **o = opts; *o; o++) {
		char *opt = g_strstrip(*o);
		if (!*opt)
			continue;
		if (!strcmp(opt, "large"))
			b->wide = true;
		else if (!strcmp(opt, "fin"))
			b->closing = true;
		else if (!focus_point(opt, b))
			diag_add(ld->d, DIAG_ERROR, ld->path, b->line, 0,
				 "photo '%s': unknown option '%s' (options: 'centre=X%%,Y%%', "
				 "'large', 'fin')", b->image_name, opt);
	}
	g_strfreev(opts);
}


/* A paragraph that holds an image and nothing else is an image block. */
static bool image_block(const struct loader *ld, struct article *a, cmark_node *para)
{
	cmark_node *img = cmark_node_first_child(para);
	if (!img || cmark_node_get_type(img) != CMARK_NODE_IMAGE || cmark_node_next(img))
		return false;
	struct block *b = push(a, para);
	b->kind = BLOCK_IMAGE;
	b->line = cmark_node_get_start_line(para);
	const char *name = cmark_node_get_url(img);
	b->image_name = g_strdup(name ? name : "");
	b->image = g_build_filename(ld->l->dir, "images", b->image_name, NULL);
	GString *cap = g_string_new("");
	inline_text(ld, img, cap, NULL, b->line);
	b->caption = g_string_free(cap, FALSE);
	image_options(ld, b, cmark_node_get_title(img));
	char *error = NULL;
	char *images = g_build_filename(ld->l->dir, "images", NULL);
	bool inside = layout_inside(images, b->image_name);
	g_free(images);
	if (!inside)
		diag_add(ld->d, DIAG_ERROR, ld->path, b->line, 0,
			 "photo '%s': not inside the layout's images/ folder", b->image_name);
	else if (g_file_test(b->image, G_FILE_TEST_EXISTS)) {
		if (photo_probe(b->image, &b->photo, &error) == 0)
			b->present = true;
		else
			diag_add(ld->d, DIAG_ERROR, ld->path, b->line, 0, "photo '%s': %s",
				 b->image_name, error);
		g_free(error);
	}
	return true;
}

/* The list a block is in, and the label of the item it begins. */
struct item {
	int list;
	const char *label;      /* NULL once the item's first block is made */
};

static struct block *text_block(const struct loader *ld, struct article *a,
				cmark_node *node, enum block_kind kind, struct item *item)
{
	struct block *b = push(a, node);
	b->kind = kind;
	b->line = cmark_node_get_start_line(node);
	b->runs = g_array_new(FALSE, FALSE, sizeof(struct text_run));
	GString *s = g_string_new("");
	inline_text(ld, node, s, b->runs, b->line);
	b->text = g_string_free(s, FALSE);
	if (item && kind == BLOCK_PARAGRAPH) {
		b->list = item->list;
		b->label = g_strdup(item->label);
		item->label = NULL;
	}
	return b;
}

static void walk(const struct loader *ld, struct article *a, cmark_node *parent,
		 struct item *item);

/* A list: each item's blocks, the first with the item's label. */
static void list(const struct loader *ld, struct article *a, cmark_node *node)
{
	int id = ++a->lists;
	bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	int n = cmark_node_get_list_start(node);
	const char *delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : ".";
	for (cmark_node *it = cmark_node_first_child(node); it; it = cmark_node_next(it), n++) {
		char label[32];
		if (ordered)
			snprintf(label, sizeof label, "%d%s", n, delim);
		else
			snprintf(label, sizeof label, "–");
		struct item item = { id, label };
		walk(ld, a, it, &item);
	}
}

/* A ```a_ecrire block: what the article will say, still to write.  A
 * draft shows it as an italic paragraph "À écrire : …"; an edition leaves
 * the article out (texts_load), with a warning.  Returns the node that
 * now stands in the tree for the block. */
static cmark_node *to_write(const struct loader *ld, struct article *a, cmark_node *n,
			    struct item *item)
{
	long line = cmark_node_get_start_line(n);
	a->to_write = true;
	if (!ld->draft) {
		diag_add(ld->d, DIAG_WARNING, ld->path, line, 0,
			 "this article is still to write (```a_ecrire): left out of the edition, "
			 "shown in a draft");
		return n;
	}
	char *what = g_strdup(cmark_node_get_literal(n));
	char *note = g_strdup_printf("À écrire : %s", g_strstrip(what));
	char *one = g_strdelimit(note, "\n", ' ');
	g_free(what);
	cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	cmark_node *emph = cmark_node_new(CMARK_NODE_EMPH);
	cmark_node *text = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(text, one);
	cmark_node_append_child(emph, text);
	cmark_node_append_child(para, emph);
	cmark_node_replace(n, para);
	cmark_node_free(n);
	g_free(note);
	text_block(ld, a, para, BLOCK_PARAGRAPH, item);
	a->v[a->n - 1].line = line;
	return para;
}

static void walk(const struct loader *ld, struct article *a, cmark_node *parent,
		 struct item *item)
{
	for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			if (cmark_node_get_heading_level(n) == 1 && !a->title) {
				GString *s = g_string_new("");
				inline_text(ld, n, s, NULL, cmark_node_get_start_line(n));
				a->title = g_string_free(s, FALSE);
				cmark_node_set_user_data(n, TEXTS_TITLE_NODE);
				/* titles are not hyphenated */
				char **parts = g_strsplit(a->title, "\xC2\xAD", -1);
				g_free(a->title);
				a->title = g_strjoinv("", parts);
				g_strfreev(parts);
			} else {
				text_block(ld, a, n, BLOCK_HEADING, NULL);
			}
			break;
		case CMARK_NODE_PARAGRAPH:
			if (!image_block(ld, a, n))
				text_block(ld, a, n, BLOCK_PARAGRAPH, item);
			break;
		case CMARK_NODE_CODE_BLOCK: {
			const char *info = cmark_node_get_fence_info(n);
			if (info && g_str_has_prefix(info, "chiffres"))
				tiles_block(ld, a, n);
			else if (info && g_str_has_prefix(info, "graphique"))
				chart_block(ld, a, n);
			else if (info && g_str_has_prefix(info, "a_ecrire"))
				n = to_write(ld, a, n, item);
			else
				diag_add(ld->d, DIAG_ERROR, ld->path, cmark_node_get_start_line(n), 0,
					 "unknown block '%s': expected ```chiffres, ```graphique or ```a_ecrire",
					 info ? info : "");
			break;
		}
		case CMARK_NODE_HTML_BLOCK:
			raw_html(ld, cmark_node_get_start_line(n));
			break;
		case CMARK_NODE_LIST:
			list(ld, a, n);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			walk(ld, a, n, item);
			break;
		default:
			break;
		}
	}
}

/* Control and bidi override characters leave the text (a warning a line
 * that had some); a NUL ends it. */
static void drop_controls(const struct loader *ld, const char *path, char *src)
{
	GString *out = g_string_new("");
	long line = 1;
	for (char *p = src; *p; line++) {
		char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *l = g_strndup(p, n);
		if (text_drop_controls(l))
			diag_add(ld->d, DIAG_WARNING, path, line, 0,
				 "control or bidi override characters dropped");
		g_string_append(out, l);
		if (end)
			g_string_append_c(out, '\n');
		g_free(l);
		p = end ? end + 1 : p + n;
	}
	memcpy(src, out->str, out->len + 1);    /* never longer */
	g_string_free(out, TRUE);
}

static int load_article(struct loader *ld, const char *path, const char *loop,
			struct article *a)
{
	char *src = NULL;
	gsize len = 0;
	*a = (struct article){ .file = g_strdup(path), .loop = g_strdup(loop) };
	const char *why;
	if (!infile_read(path, &src, &len, &why)) {
		diag_add(ld->d, DIAG_ERROR, path, 0, 0, "cannot read the text: %s", why);
		return -1;
	}
	if (!g_utf8_validate(src, (gssize)len, NULL)) {
		diag_add(ld->d, DIAG_ERROR, path, 0, 0, "the text is not UTF-8");
		g_free(src);
		return -1;
	}
	drop_controls(ld, path, src);
	len = strlen(src);
	ld->path = path;
	ld->a = a;
	cmark_node *doc = cmark_parse_document(src, len, CMARK_OPT_DEFAULT);
	walk(ld, a, doc, NULL);
	a->doc = doc;
	g_free(src);
	if (!a->title) {
		diag_add(ld->d, DIAG_ERROR, path, 1, 0, "an article starts with its title: '# Title'");
		a->title = g_strdup("");
	}
	return 0;
}

/* The .md files of dir, sorted. */
static GPtrArray *markdown_files(const char *dir)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	while (d && (name = g_dir_read_name(d)))
		if (g_str_has_suffix(name, ".md"))
			g_ptr_array_add(a, g_build_filename(dir, name, NULL));
	if (d)
		g_dir_close(d);
	g_ptr_array_sort(a, text_compare_indirect);
	return a;
}

/* A photo's name as people mistype it: without %-escapes, extension,
 * case and the difference between composed and decomposed accents. */
static char *photo_key(const char *name)
{
	char *plain = g_uri_unescape_string(name, NULL);
	if (!plain)
		plain = g_strdup(name);
	char *dot = strrchr(plain, '.');
	if (dot && dot != plain)
		*dot = '\0';
	char *nfc = g_utf8_normalize(plain, -1, G_NORMALIZE_NFC);
	char *key = g_utf8_casefold(nfc ? nfc : plain, -1);
	g_free(nfc);
	g_free(plain);
	return key;
}

/* Is name a photo's, by its extension (what cameras, phones and editors
 * write, read by carnet or not)? */
static bool photo_file(const char *name)
{
	static const char *const exts[] = { ".jpg", ".jpeg", ".png", ".webp", ".heic",
					     ".heif", ".avif", ".tif", ".tiff" };
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < G_N_ELEMENTS(exts); i++)
		if (!g_ascii_strcasecmp(dot, exts[i]))
			return true;
	return false;
}

/* The photo beside path whose name is path's but for photo_key(), or
 * NULL (g_free it). */
static char *near_miss(const char *path)
{
	char *dir = g_path_get_dirname(path), *name = g_path_get_basename(path);
	char *want = photo_key(name), *found = NULL;
	GDir *d = g_utf8_validate(name, -1, NULL) ? g_dir_open(dir, 0, NULL) : NULL;
	const char *f;
	while (d && !found && (f = g_dir_read_name(d))) {
		char *key = photo_file(f) && g_utf8_validate(f, -1, NULL) ? photo_key(f) : NULL;
		if (key && !strcmp(key, want))
			found = g_strdup(f);
		g_free(key);
	}
	if (d)
		g_dir_close(d);
	g_free(want);
	g_free(name);
	g_free(dir);
	return found;
}

/* A photo not in images/: not delivered yet, a placeholder (a warning
 * each, at its text's line); or misnamed, the file there said (an error
 * but in a draft). */
static void photo_missing(const struct loader *ld, const char *text, const struct block *b)
{
	char *there = near_miss(b->image);
	if (there)
		diag_add(ld->d, ld->draft ? DIAG_WARNING : DIAG_ERROR, text, b->line, 0,
			 "photo '%s' is not in images/, but '%s' is: write the name as the "
			 "file has it (case, accents, spaces, extension)", b->image_name, there);
	else
		diag_add(ld->d, DIAG_WARNING, text, b->line, 0,
			 "photo '%s' is not in images/: drawn as a placeholder in the PDF, "
			 "left out of the web pages", b->image_name);
	g_free(there);
}

/* Decodes b's photo at a small size (a JPEG at 1/8 of its scale): an
 * error at its text's line when it cannot be decoded whole. */
static void article_release(struct article *a);

int texts_load(const struct layout *l, const struct figures *t,
	       bool draft, struct texts *out, struct diag *d)
{
	struct loader ld = { l, t, draft, d, NULL, NULL };
	size_t errors = d->errors;
	*out = (struct texts){ 0 };

	char *edito = g_build_filename(l->dir, "textes", "edito.md", NULL);
	load_article(&ld, edito, "", &out->edito);
	g_free(edito);
	for (size_t i = 0; i < l->nloops; i++) {
		char *dir = g_build_filename(l->dir, "textes", l->loops[i].id, NULL);
		GPtrArray *files = markdown_files(dir);
		for (guint k = 0; k < files->len; k++) {
			out->v = g_renew(struct article, out->v, out->n + 1);
			load_article(&ld, files->pdata[k], l->loops[i].id, &out->v[out->n++]);
			if (out->v[out->n - 1].to_write && !draft)
				article_release(&out->v[--out->n]);
		}
		g_ptr_array_free(files, TRUE);
		g_free(dir);
	}
	/* a photo there but refused is an error already, said at its line */
	for (size_t i = 0; i < out->n; i++)
		for (size_t k = 0; k < out->v[i].n; k++) {
			const struct block *b = &out->v[i].v[k];
			if (b->kind == BLOCK_IMAGE && !b->present &&
			    !g_file_test(b->image, G_FILE_TEST_EXISTS))
				photo_missing(&ld, out->v[i].file, b);
		}
	return d->errors > errors;
}

static void article_release(struct article *a)
{
	for (size_t i = 0; i < a->n; i++) {
		struct block *b = &a->v[i];
		g_free(b->text);
		g_free(b->label);
		if (b->runs)
			g_array_free(b->runs, TRUE);
		for (size_t k = 0; k < b->ntiles; k++) {
			g_free(b->tiles[k].value);
			g_free(b->tiles[k].label);
		}
		g_free(b->tiles);
		struct chart_block *c = &b->chart;
		g_free(c->type);
		g_free(c->title);
		g_free(c->indicator);
		g_free(c->axis);
		g_free(c->filter);
		g_free(c->target);
		g_free(c->alt);
		g_free(b->image);
		g_free(b->image_name);
		g_free(b->caption);
	}
	g_free(a->v);
	if (a->doc)
		cmark_node_free(a->doc);
	g_free(a->file);
	g_free(a->loop);
	g_free(a->title);
}

void texts_release(struct texts *x)
{
	if (!x)
		return;
	article_release(&x->edito);
	for (size_t i = 0; i < x->n; i++)
		article_release(&x->v[i]);
	g_free(x->v);
	*x = (struct texts){ 0 };
}
