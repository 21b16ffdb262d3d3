// finish.cc — see finish.h.  C++ because libqpdf's content-stream
// tokenizer and token filters are only in its C++ interface.
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr throughout
#include "finish.h"
#include "document.hh"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <set>

#include <lcms2.h>

namespace {

// What becomes of an element's marked content.
enum class fate { keep, drop, pagination, layout };

struct failure : std::runtime_error {
	using std::runtime_error::runtime_error;
};

// ---- the structure tree ----------------------------------------------

struct tree_walk {
	const GPtrArray *elems;
	guint next = 0;
	std::map<QPDFObjGen, fate> fates;
	std::vector<std::pair<QPDFObjectHandle, const pdf_elem *>> links;
};

bool is_elem(QPDFObjectHandle k)
{
	return k.isDictionary() && k.hasKey("/S") && !k.hasKey("/MCID") &&
	       !(k.hasKey("/Type") && k.getKey("/Type").isNameAndEquals("/OBJR"));
}

bool is_content(QPDFObjectHandle k)
{
	return k.isInteger() ||
	       (k.isDictionary() && k.hasKey("/Type") && k.getKey("/Type").isNameAndEquals("/MCR"));
}

// The kids of a structure element or of the tree's root: /K is one
// object or an array of them.
std::vector<QPDFObjectHandle> kids_of(QPDFObjectHandle e)
{
	QPDFObjectHandle k = e.getKey("/K");
	if (k.isArray())
		return k.getArrayAsVector();
	if (k.isNull())
		return {};
	return { k };
}

// Visits element e and its kids in document order, beside the records;
// returns whether e leaves the tree (an artifact).
bool visit(tree_walk &w, QPDFObjectHandle e, int depth)
{
	if (depth > 64)
		throw failure("the structure tree is nested too deep");
	if (w.next >= w.elems->len)
		throw failure("the structure tree has more elements than were drawn");
	auto *rec = static_cast<const pdf_elem *>(g_ptr_array_index(w.elems, w.next++));
	std::string s = e.getKey("/S").isName() ? e.getKey("/S").getName().substr(1) : "";
	if (s != rec->type)
		throw failure("structure element " + std::to_string(w.next) + " is " + s +
			      " where " + rec->type + " was drawn");
	std::vector<QPDFObjectHandle> kept;
	bool parent = false;
	for (auto &kid : kids_of(e)) {
		if (is_elem(kid)) {
			if (visit(w, kid, depth + 1))
				continue;
			parent = true;
		}
		kept.push_back(kid);
	}
	fate f = fate::keep;
	if (rec->artifact)
		f = strcmp(rec->artifact, PDF_ARTIFACT_PAGINATION) == 0 ? fate::pagination
								       : fate::layout;
	else if (parent)
		f = fate::drop;
	w.fates[e.getObjGen()] = f;
	if (f != fate::keep && f != fate::drop)
		return true;
	if (f == fate::drop) {
		// a grouping element's own marked content is dropped: what it
		// held outside its kids is drawn as an artifact
		std::vector<QPDFObjectHandle> only;
		for (auto &kid : kept)
			if (!is_content(kid))
				only.push_back(kid);
		kept.swap(only);
	}
	e.replaceKey("/K", QPDFObjectHandle::newArray(kept));
	if (rec->alt)
		e.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(rec->alt));
	if (s == "Link")
		w.links.emplace_back(e, rec);
	return false;
}

// ---- the press's colours ------------------------------------------------

// sRGB colours as the press prints them: through the output profile, a
// neutral one on the black plate alone, a brand's as the layout gives it.
class press {
public:
	explicit press(const pdf_press *p) : brand(p->brand), nbrand(p->nbrand)
	{
		// a few dozen colours: no device link precalculated for them
		const cmsUInt32Number FEW = cmsFLAGS_NOOPTIMIZE | cmsFLAGS_NOCACHE;
		// pdf.c has checked it is a printer's CMYK profile, at its
		// line of edition.ini, before anything was drawn
		out = cmsOpenProfileFromFile(p->profile, "r");
		if (!out)
			throw failure(std::string("cannot read the print profile ") + p->profile);
		cmsHPROFILE srgb = cmsCreate_sRGBProfile();
		cmsHPROFILE lab = cmsCreateLab4Profile(nullptr);
		to_cmyk = cmsCreateTransform(srgb, TYPE_RGB_DBL, out, TYPE_CMYK_DBL,
					     INTENT_RELATIVE_COLORIMETRIC,
					     cmsFLAGS_BLACKPOINTCOMPENSATION | FEW);
		rgb_lab = cmsCreateTransform(srgb, TYPE_RGB_DBL, lab, TYPE_Lab_DBL,
					     INTENT_RELATIVE_COLORIMETRIC, FEW);
		cmyk_lab = cmsCreateTransform(out, TYPE_CMYK_DBL, lab, TYPE_Lab_DBL,
					      INTENT_RELATIVE_COLORIMETRIC, FEW);
		cmsCloseProfile(srgb);
		cmsCloseProfile(lab);
		if (!to_cmyk || !rgb_lab || !cmyk_lab) {
			release();      /* no destructor for what throws here */
			throw failure(std::string("cannot convert to the print profile ") + p->profile);
		}
	}

	~press()
	{
		release();
	}

	// r, g, b in 0..1; CMYK in 0..1, rounded to 4 decimals.
	std::array<double, 4> cmyk(double r, double g, double b)
	{
		uint32_t rgb = (uint32_t)lround(r * 255) << 16 | (uint32_t)lround(g * 255) << 8 |
			       (uint32_t)lround(b * 255);
		for (size_t i = 0; i < nbrand; i++)
			if (brand[i].rgb == rgb)
				return { brand[i].cmyk[0], brand[i].cmyk[1], brand[i].cmyk[2],
					 brand[i].cmyk[3] };
		auto key = std::array<double, 3>{ r, g, b };
		auto it = cache.find(key);
		if (it != cache.end())
			return it->second;
		double in[3] = { r, g, b }, lab[3], c[4];
		cmsDoTransform(rgb_lab, in, lab, 1);
		std::array<double, 4> v;
		if (std::hypot(lab[1], lab[2]) < NEUTRAL) {
			v = { 0, 0, 0, black_for(lab[0]) };
		} else {
			cmsDoTransform(to_cmyk, in, c, 1);
			v = { c[0] / 100, c[1] / 100, c[2] / 100, c[3] / 100 };
		}
		for (auto &x : v)
			x = std::round(std::clamp(x, 0.0, 1.0) * 10000) / 10000;
		cache[key] = v;
		return v;
	}

private:
	// chroma under which a colour is a grey (CIELAB C*ab): the body
	// text's #1F2933 is 8
	static constexpr double NEUTRAL = 10;
	cmsHPROFILE out;
	cmsHTRANSFORM to_cmyk = nullptr, rgb_lab = nullptr, cmyk_lab = nullptr;
	const pdf_cmyk *brand;
	size_t nbrand;
	std::map<std::array<double, 3>, std::array<double, 4>> cache;

	void release()
	{
		for (cmsHTRANSFORM t : { to_cmyk, rgb_lab, cmyk_lab })
			if (t)
				cmsDeleteTransform(t);
		cmsCloseProfile(out);
	}

	// The black-plate tint whose lightness is L* (bisection: lightness
	// falls as K grows); beyond the plate's range, 0 or 1.
	double black_for(double L)
	{
		double lo = 0, hi = 100;
		for (int i = 0; i < 30; i++) {
			double mid = (lo + hi) / 2, c[4] = { 0, 0, 0, mid }, lab[3];
			cmsDoTransform(cmyk_lab, c, lab, 1);
			if (lab[0] > L)
				lo = mid;
			else
				hi = mid;
		}
		return (lo + hi) / 200;
	}
};

std::string num(double v)
{
	char s[32];
	snprintf(s, sizeof s, "%.4f", v);
	std::string r(s);
	r.erase(r.find_last_not_of('0') + 1);
	if (r.back() == '.')
		r.pop_back();
	return r == "-0" ? "0" : r;
}

// ---- the content streams ------------------------------------------------

// Rewrites one page's content: marked content of artifacts made
// /Artifact, that of grouping elements removed, and every painting left
// outside marked content wrapped in a /Layout artifact (structure; a
// form's content keeps its marks as they are).  For the press (ink not
// NULL), colours become CMYK and black text overprints.
class marker : public QPDFObjectHandle::TokenFilter {
public:
	marker(QPDFObjectHandle mcids, const std::map<QPDFObjGen, fate> &fates,
	       press *ink, bool structure)
		: mcids(mcids), fates(fates), ink(ink), structure(structure) {}

	void handleToken(QPDFTokenizer::Token const &t) override
	{
		auto type = t.getType();
		if (type == QPDFTokenizer::tt_word) {
			std::string const &op = t.getValue();
			if (structure && (op == "BDC" || op == "BMC"))
				begin(t);
			else if (structure && op == "EMC")
				end(t);
			else
				paint(t);
		} else if (type == QPDFTokenizer::tt_inline_image) {
			paint(t);
		} else {
			// an operand: kept until its operator says what it is
			pending += t.getRawValue();
			if (type == QPDFTokenizer::tt_name) {
				if (tag.empty())
					tag = t.getValue();
				else
					mcid_key = t.getValue() == "/MCID";
			} else if (type == QPDFTokenizer::tt_integer && mcid_key) {
				mcid = std::stoll(t.getValue());
				mcid_key = false;
			}
			if (type == QPDFTokenizer::tt_integer || type == QPDFTokenizer::tt_real)
				nums.push_back(g_ascii_strtod(t.getValue().c_str(), nullptr));
		}
	}

	void handleEOF() override
	{
		flush();
		if (!stack.empty() && stack.back() == AUTO) {
			write("\nEMC\n");
			stack.pop_back();
		}
		for (int e : stack)
			if (e != DROPPED)
				throw failure("a page's marked content is left open");
	}

private:
	enum { KEPT, ARTIFACT, DROPPED, OTHER, AUTO };
	QPDFObjectHandle mcids;
	const std::map<QPDFObjGen, fate> &fates;
	press *ink;
	bool structure;
	std::vector<int> stack;
	/* the operands since the last operator, and what a BDC or a colour
	 * needs of them */
	std::string pending, tag;
	std::vector<double> nums;
	long long mcid = -1;
	bool mcid_key = false;
	int covering = 0;       /* KEPT, ARTIFACT and AUTO entries in stack */
	/* the press: is the fill on the black plate alone, is overprint on
	 * (both in the graphics state: saved by q, restored by Q) */
	struct state {
		bool black = false, overprint = false;
	} gs;
	std::vector<state> saved;

	void flush()
	{
		write(pending);
		pending.clear();
		tag.clear();
		nums.clear();
		mcid = -1;
		mcid_key = false;
	}

	static bool shows_text(const std::string &op)
	{
		return op == "Tj" || op == "TJ" || op == "'" || op == "\"";
	}

	static bool paints(const std::string &op)
	{
		static const char *const ops[] = { "f", "F", "f*", "B", "B*", "b", "b*",
						   "S", "s", "sh", "Do" };
		for (const char *o : ops)
			if (op == o)
				return true;
		return false;
	}

	// The press's part of an operator: a colour converted (returns the
	// operator that replaces it), overprint set around text.
	std::string for_press(const std::string &op)
	{
		if (op == "q") {
			saved.push_back(gs);
		} else if (op == "Q") {
			if (!saved.empty()) {
				gs = saved.back();
				saved.pop_back();
			}
		} else if ((op == "rg" || op == "RG") && nums.size() == 3) {
			auto c = ink->cmyk(nums[0], nums[1], nums[2]);
			pending = "\n" + num(c[0]) + " " + num(c[1]) + " " + num(c[2]) + " " + num(c[3]) + " ";
			if (op == "rg")
				gs.black = c[0] == 0 && c[1] == 0 && c[2] == 0 && c[3] > 0;
			return op == "rg" ? "k" : "K";
		} else if (shows_text(op)) {
			if (gs.black && !gs.overprint) {
				write("/CarnetOverprint gs\n");
				gs.overprint = true;
			}
		} else if (paints(op) || op == "INLINE IMAGE") {
			if (gs.overprint) {
				write("/CarnetKnockout gs\n");
				gs.overprint = false;
			}
		}
		return "";
	}

	void push(int e)
	{
		stack.push_back(e);
		covering += e == KEPT || e == ARTIFACT || e == AUTO;
	}

	void pop_at(size_t i)
	{
		int e = stack[i];
		covering -= e == KEPT || e == ARTIFACT || e == AUTO;
		stack.erase(stack.begin() + (long)i);
	}

	void paint(QPDFTokenizer::Token const &op)
	{
		if (structure && !covering) {
			write("\n/Artifact <</Type /Layout>> BDC\n");
			push(AUTO);
		}
		std::string instead;
		if (ink)
			instead = for_press(op.getType() == QPDFTokenizer::tt_inline_image
					    ? "INLINE IMAGE" : op.getValue());
		flush();
		if (instead.empty())
			writeToken(op);
		else
			write(instead);
	}

	// Ends the wrapper that paint() opened, before structure content.
	void close_auto()
	{
		for (size_t i = stack.size(); i-- > 0;) {
			if (stack[i] == AUTO) {
				write("\nEMC\n");
				pop_at(i);
				return;
			}
			if (stack[i] != DROPPED)
				throw failure("structure content begins inside other marked content");
		}
	}

	void begin(QPDFTokenizer::Token const &op)
	{
		if (mcid < 0) {
			if (tag == "/Artifact") {
				close_auto();
				push(ARTIFACT);
				flush();
				writeToken(op);
			} else {
				/* an /ActualText span: inside what it is part of */
				if (!covering) {
					write("\n/Artifact <</Type /Layout>> BDC\n");
					push(AUTO);
				}
				push(OTHER);
				flush();
				writeToken(op);
			}
			return;
		}
		fate f = fate_of(mcid);
		std::string name = tag;
		long long id = mcid;
		pending.clear();
		flush();
		if (f == fate::drop) {
			push(DROPPED);
			return;
		}
		close_auto();
		if (f == fate::keep) {
			write("\n" + name + " <</MCID " + std::to_string(id) + ">> BDC\n");
			push(KEPT);
		} else {
			write(f == fate::pagination ? "\n/Artifact <</Type /Pagination>> BDC\n"
						    : "\n/Artifact <</Type /Layout>> BDC\n");
			push(ARTIFACT);
		}
	}

	void end(QPDFTokenizer::Token const &op)
	{
		flush();
		if (!stack.empty() && stack.back() == AUTO)  {
			write("\nEMC\n");
			pop_at(stack.size() - 1);
		}
		if (stack.empty())
			throw failure("EMC without a marked-content sequence");
		int e = stack.back();
		pop_at(stack.size() - 1);
		if (e != DROPPED)
			writeToken(op);
	}

	fate fate_of(long long mcid)
	{
		if (!mcids.isArray() || mcid >= mcids.getArrayNItems())
			throw failure("MCID " + std::to_string(mcid) + " has no structure element");
		auto e = mcids.getArrayItem((int)mcid);
		auto it = fates.find(e.getObjGen());
		if (it == fates.end())
			throw failure("MCID " + std::to_string(mcid) + " names an element outside the tree");
		return it->second;
	}
};

void to_press(QPDF &q, QPDFObjectHandle o, press *ink, QPDFObjectHandle srgb,
	      std::set<QPDFObjGen> &done)
{
	QPDFObjectHandle dict = o.isStream() ? o.getDict() : o;
	QPDFObjectHandle group = dict.getKey("/Group");
	if (group.isDictionary() && group.hasKey("/CS"))
		group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
	QPDFObjectHandle res = dict.getKey("/Resources");
	if (!res.isDictionary()) {
		res = QPDFObjectHandle::newDictionary();
		dict.replaceKey("/Resources", res);
	}
	QPDFObjectHandle ext = res.getKey("/ExtGState");
	if (!ext.isDictionary()) {
		ext = QPDFObjectHandle::newDictionary();
		res.replaceKey("/ExtGState", ext);
	}
	QPDFObjectHandle op = QPDFObjectHandle::newDictionary(), ko = QPDFObjectHandle::newDictionary();
	op.replaceKey("/Type", QPDFObjectHandle::newName("/ExtGState"));
	op.replaceKey("/OP", QPDFObjectHandle::newBool(true));
	op.replaceKey("/op", QPDFObjectHandle::newBool(true));
	op.replaceKey("/OPM", QPDFObjectHandle::newInteger(1));
	ko.replaceKey("/Type", QPDFObjectHandle::newName("/ExtGState"));
	ko.replaceKey("/OP", QPDFObjectHandle::newBool(false));
	ko.replaceKey("/op", QPDFObjectHandle::newBool(false));
	ext.replaceKey("/CarnetOverprint", op);
	ext.replaceKey("/CarnetKnockout", ko);
	QPDFObjectHandle xs = res.getKey("/XObject");
	if (!xs.isDictionary())
		return;
	for (auto &key : xs.getKeys()) {
		QPDFObjectHandle x = xs.getKey(key);
		if (!x.isStream() || !done.insert(x.getObjGen()).second)
			continue;
		QPDFObjectHandle d = x.getDict();
		if (d.getKey("/Subtype").isNameAndEquals("/Image")) {
			QPDFObjectHandle cs = d.getKey("/ColorSpace");
			if (cs.isNameAndEquals("/DeviceRGB"))
				d.replaceKey("/ColorSpace", srgb);
			else if (cs.isArray() && cs.getArrayNItems() > 1 &&
				 cs.getArrayItem(0).isNameAndEquals("/Indexed") &&
				 cs.getArrayItem(1).isNameAndEquals("/DeviceRGB"))
				cs.setArrayItem(1, srgb);
		} else if (d.getKey("/Subtype").isNameAndEquals("/Form")) {
			static const std::map<QPDFObjGen, fate> none;
			marker m(QPDFObjectHandle(), none, ink, false);
			Pl_Buffer out("form");
			x.filterAsContents(&m, &out);
			auto data = out.getBufferSharedPointer();
			x.replaceStreamData(data, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
			to_press(q, x, ink, srgb, done);
		}
	}
}

QPDFObjectHandle box(const double *v)
{
	std::vector<QPDFObjectHandle> a;
	for (int i = 0; i < 4; i++)
		a.push_back(QPDFObjectHandle::newReal(v[i], 3));
	return QPDFObjectHandle::newArray(a);
}

void finish(QPDF &q, const struct pdf_finish *f, const GPtrArray *elems)
{
	QPDFObjectHandle root = q.getRoot();
	QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
	if (!tree.isDictionary())
		throw failure("cairo wrote no structure tree");
	tree_walk w;
	w.elems = elems;
	std::vector<QPDFObjectHandle> kept;
	for (auto &t : kids_of(tree))
		if (!is_elem(t) || !visit(w, t, 0))
			kept.push_back(t);
	tree.replaceKey("/K", QPDFObjectHandle::newArray(kept));
	if (w.next != elems->len)
		throw failure("the structure tree has " + std::to_string(w.next) + " elements for " +
			      std::to_string(elems->len) + " drawn");

	// each page's MCIDs, by its /StructParents
	QPDFNumberTreeObjectHelper parents(tree.getKey("/ParentTree"), q);
	std::map<long long, QPDFObjectHandle> mcids;
	for (auto entry : parents)
		if (entry.second.isArray())
			mcids[entry.first] = entry.second;

	std::unique_ptr<press> ink;
	std::set<QPDFObjGen> done;
	QPDFObjectHandle srgb;
	if (f->print) {
		ink = std::make_unique<press>(f->press);
		srgb = QPDFObjectHandle::newArray({ QPDFObjectHandle::newName("/ICCBased"),
						    pdf_icc_stream(q, f->srgb_profile, 3) });
	}
	for (auto &page : QPDFPageDocumentHelper(q).getAllPages()) {
		QPDFObjectHandle po = page.getObjectHandle();
		QPDFObjectHandle sp = po.getKey("/StructParents");
		QPDFObjectHandle own;
		if (sp.isInteger() && mcids.count(sp.getIntValue()))
			own = mcids[sp.getIntValue()];
		marker m(own, w.fates, ink.get(), true);
		Pl_Buffer out("content");
		page.filterContents(&m, &out);
		po.replaceKey("/Contents", QPDFObjectHandle::newStream(&q, out.getBufferSharedPointer()));
		if (ink) {
			to_press(q, po, ink.get(), srgb, done);
			// ISO 15930-7 §6.6.1: no annotation in the bleed (the
			// print edition has no link: its pages have none)
			po.removeKey("/Annots");
		}
		if (po.hasKey("/Annots") && po.getKey("/Annots").getArrayNItems() > 0)
			po.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
		if (f->trim) {
			double bleed[4] = { f->trim[0] - f->bleed, f->trim[1] - f->bleed,
					    f->trim[2] + f->bleed, f->trim[3] + f->bleed };
			po.replaceKey("/TrimBox", box(f->trim));
			po.replaceKey("/BleedBox", box(bleed));
		}
	}

	// the MCIDs that are no longer content name nothing
	for (auto &[key, v] : mcids)
		for (int i = 0; i < v.getArrayNItems(); i++) {
			auto it = w.fates.find(v.getArrayItem(i).getObjGen());
			if (it != w.fates.end() && it->second != fate::keep)
				v.setArrayItem(i, QPDFObjectHandle::newNull());
		}

	// links: where they lead, in words (ISO 14289-1 §7.18.5), printed
	// (ISO 19005-2 §6.3.2)
	for (auto &[e, rec] : w.links) {
		for (auto &r : kids_of(e)) {
			if (!r.isDictionary() || !r.getKey("/Type").isNameAndEquals("/OBJR"))
				continue;
			QPDFObjectHandle annot = r.getKey("/Obj");
			annot.replaceKey("/Contents", pdf_text_string(rec->contents ? rec->contents : "Lien"));
			annot.replaceKey("/F", QPDFObjectHandle::newInteger(4));
		}
	}
	pdf_document_info(q, f);
}

} // namespace

extern "C" int pdf_finish(const char *in, const char *out, const struct pdf_finish *f,
			  const GPtrArray *elems, struct diag *d)
{
	gchar *bytes = nullptr;
	gsize n = 0;
	if (!g_file_get_contents(in, &bytes, &n, nullptr)) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot read back the PDF cairo wrote");
		return -1;
	}
	int status = -1;
	try {
		QPDF q;
		q.setSuppressWarnings(true);
		// read from memory: qpdf reading a file seeks before every read
		q.processMemoryFile(in, bytes, n);
		finish(q, f, elems);
		QPDFWriter wr(q, out);
		wr.setDeterministicID(true);
		// ISO 19005-2 §6.1.7.1: an EOL before endstream
		wr.setNewlineBeforeEndstream(true);
		// the structure tree's hundreds of small objects, compressed
		// (ISO 19005-2 allows object streams; the file is 40 % smaller)
		wr.setObjectStreamMode(qpdf_o_generate);
		wr.write();
		status = 0;
	} catch (const std::exception &e) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "cannot finish the PDF: %s", e.what());
	}
	g_free(bytes);
	return status;
}

extern "C" void pdf_elem_free(gpointer data)
{
	auto *e = static_cast<pdf_elem *>(data);
	g_free(e->type);
	g_free(e->alt);
	g_free(e->contents);
	g_free(e);
}
