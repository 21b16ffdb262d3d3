/* tags.c — see tags.h. */
#include "tags.h"

#include <qpdf/qpdf-c.h>

struct walk {
	qpdf_data q;
	const GPtrArray *alts;
	guint next;             /* the next Figure's alternative */
	guint figures;
};

/* Visits the structure element oh and its kids, in document order. */
static void visit(struct walk *w, qpdf_oh oh, int depth)
{
	if (depth > 64)
		return;
	if (qpdf_oh_is_array(w->q, oh)) {
		int n = qpdf_oh_get_array_n_items(w->q, oh);
		for (int i = 0; i < n; i++)
			visit(w, qpdf_oh_get_array_item(w->q, oh, i), depth + 1);
		return;
	}
	if (!qpdf_oh_is_dictionary(w->q, oh))
		return;
	if (qpdf_oh_is_name_and_equals(w->q, qpdf_oh_get_key(w->q, oh, "/S"), "/Figure")) {
		w->figures++;
		if (w->next < w->alts->len)
			qpdf_oh_replace_key(w->q, oh, "/Alt",
				qpdf_oh_new_unicode_string(w->q, g_ptr_array_index(w->alts, w->next++)));
	}
	if (qpdf_oh_has_key(w->q, oh, "/K"))
		visit(w, qpdf_oh_get_key(w->q, oh, "/K"), depth + 1);
}

static qpdf_oh box(qpdf_data q, double x0, double y0, double x1, double y1)
{
	qpdf_oh a = qpdf_oh_new_array(q);
	double v[4] = { x0, y0, x1, y1 };
	for (int i = 0; i < 4; i++)
		qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, v[i], 3));
	return a;
}

int pdf_tags_finish(const char *in, const char *out, const char *lang,
		    const GPtrArray *alts, const double *trim, double bleed,
		    struct diag *d)
{
	qpdf_data q = qpdf_init();
	int status = -1;

	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	/* read whole into memory: qpdf reading a file seeks before every read */
	gchar *bytes = NULL;
	gsize n = 0;
	if (!g_file_get_contents(in, &bytes, &n, NULL)) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot read back the PDF cairo wrote");
		qpdf_cleanup(&q);
		return -1;
	}
	if (qpdf_read_memory(q, in, bytes, (unsigned long long)n, NULL) & QPDF_ERRORS)
		goto fail;
	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, lang));
	struct walk w = { q, alts, 0, 0 };
	visit(&w, qpdf_oh_get_key(q, root, "/StructTreeRoot"), 0);
	if (w.figures != alts->len) {
		diag_add(d, DIAG_ERROR, out, 0, 0,
			 "%u figures in the structure tree for %u text alternatives",
			 w.figures, alts->len);
		goto out;
	}
	if (trim) {
		int n = qpdf_get_num_pages(q);
		for (int i = 0; i < n; i++) {
			qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
			qpdf_oh_replace_key(q, page, "/TrimBox",
					    box(q, trim[0], trim[1], trim[2], trim[3]));
			qpdf_oh_replace_key(q, page, "/BleedBox",
					    box(q, trim[0] - bleed, trim[1] - bleed,
						trim[2] + bleed, trim[3] + bleed));
		}
	}
	if (qpdf_init_write(q, out) & QPDF_ERRORS)
		goto fail;
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	if (qpdf_write(q) & QPDF_ERRORS)
		goto fail;
	status = 0;
	goto out;
fail:
	if (qpdf_has_error(q))
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot finish the PDF: %s",
			 qpdf_get_error_full_text(q, qpdf_get_error(q)));
	else
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot finish the PDF");
out:
	qpdf_cleanup(&q);
	g_free(bytes);
	return status;
}
