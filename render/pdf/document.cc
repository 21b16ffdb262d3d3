// document.cc — see document.hh.
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr throughout
#include "document.hh"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <string>

#include <glib.h>

namespace {

// t in UTC, as fmt (strftime) writes it.
std::string utc(time_t t, const char *fmt)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	char s[40];
	strftime(s, sizeof s, fmt, &tm);
	return s;
}

std::string pdf_date(time_t t)
{
	return utc(t, "D:%Y%m%d%H%M%S+00'00'");
}

std::string xmp_date(time_t t)
{
	return utc(t, "%Y-%m-%dT%H:%M:%S+00:00");
}

std::string esc(const char *s)
{
	char *e = g_markup_escape_text(s ? s : "", -1);
	std::string r(e);
	g_free(e);
	return r;
}

// The document's identifier that PDF/X-4 asks in its XMP: a UUID made
// from what names the edition (its title and date), the same on every
// build of it.
std::string document_id(const struct pdf_finish *f)
{
	std::string name = std::string(f->title ? f->title : "") + "\n" + std::to_string(f->date);
	gchar *h = g_compute_checksum_for_string(G_CHECKSUM_SHA256, name.c_str(), -1);
	std::string x(h, 32);
	g_free(h);
	x[12] = '5';            /* a name-based UUID's version and variant */
	x[16] = "89ab"[x[16] % 4];
	return "uuid:" + x.substr(0, 8) + "-" + x.substr(8, 4) + "-" + x.substr(12, 4) + "-" +
	       x.substr(16, 4) + "-" + x.substr(20, 12);
}

// The XMP packet: what Info says, in the same words (ISO 19005-2
// §6.6.2.1, ISO 14289-1 §7.1), with the conformance claims, and the
// pdfuaid schema described as PDF/A asks of any schema it does not know.
std::string xmp(const struct pdf_finish *f)
{
	std::string date = xmp_date(f->date);
	std::string x =
		"<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
	if (!f->print)
		x += "  <rdf:Description rdf:about=\"\"\n"
		     "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
		     "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
		     "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
		     "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
		     "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
		     "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
		     "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
		     "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
		     "     <pdfaProperty:name>part</pdfaProperty:name>\n"
		     "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
		     "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
		     "     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
		     "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
		     "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
		     "  </rdf:Description>\n";
	x += "  <rdf:Description rdf:about=\"\"\n"
	     "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	     "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	     "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"";
	if (f->print)
		x += "\n    xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"\n"
		     "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"";
	if (!f->print)
		x += "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
		     "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
	x += ">\n"
	     "   <dc:format>application/pdf</dc:format>\n"
	     "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(f->title) +
	     "</rdf:li></rdf:Alt></dc:title>\n"
	     "   <dc:creator><rdf:Seq><rdf:li>" + esc(f->author) + "</rdf:li></rdf:Seq></dc:creator>\n"
	     "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(f->subject) +
	     "</rdf:li></rdf:Alt></dc:description>\n"
	     "   <dc:language><rdf:Bag><rdf:li>" + esc(f->lang) + "</rdf:li></rdf:Bag></dc:language>\n"
	     "   <pdf:Producer>" + esc(f->producer) + "</pdf:Producer>\n"
	     "   <pdf:Keywords>" + esc(f->keywords) + "</pdf:Keywords>\n"
	     "   <xmp:CreatorTool>" + esc(f->creator) + "</xmp:CreatorTool>\n"
	     "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
	     "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
	     "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
	if (f->print)
		x += "   <pdf:Trapped>False</pdf:Trapped>\n"
		     "   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n"
		     "   <xmpMM:DocumentID>" + document_id(f) + "</xmpMM:DocumentID>\n"
		     "   <xmpMM:VersionID>1</xmpMM:VersionID>\n"
		     "   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
	if (!f->print)
		x += "   <pdfaid:part>2</pdfaid:part>\n"
		     "   <pdfaid:conformance>A</pdfaid:conformance>\n"
		     "   <pdfuaid:part>1</pdfuaid:part>\n";
	x += "  </rdf:Description>\n"
	     " </rdf:RDF>\n"
	     "</x:xmpmeta>\n"
	     "<?xpacket end=\"w\"?>";
	return x;
}

} // namespace

QPDFObjectHandle pdf_text_string(const char *s)
{
	return QPDFObjectHandle::newUnicodeString(s ? s : "");
}

QPDFObjectHandle pdf_icc_stream(QPDF &q, const char *path, int n)
{
	gchar *icc = nullptr;
	gsize len = 0;
	if (!g_file_get_contents(path, &icc, &len, nullptr))
		throw std::runtime_error(std::string("cannot read the ICC profile ") + path);
	QPDFObjectHandle s = QPDFObjectHandle::newStream(&q, std::string(icc, len));
	g_free(icc);
	s.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(n));
	return s;
}

void pdf_document_info(QPDF &q, const struct pdf_finish *f)
{
	QPDFObjectHandle root = q.getRoot();
	std::string date = pdf_date(f->date);
	QPDFObjectHandle info = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
	info.replaceKey("/Title", pdf_text_string(f->title));
	info.replaceKey("/Author", pdf_text_string(f->author));
	info.replaceKey("/Subject", pdf_text_string(f->subject));
	info.replaceKey("/Keywords", pdf_text_string(f->keywords));
	info.replaceKey("/Creator", pdf_text_string(f->creator));
	info.replaceKey("/Producer", pdf_text_string(f->producer));
	info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
	info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
	q.getTrailer().replaceKey("/Info", info);

	std::string packet = xmp(f);
	QPDFObjectHandle meta = QPDFObjectHandle::newStream(&q, packet);
	meta.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
	meta.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
	root.replaceKey("/Metadata", meta);
	root.replaceKey("/Lang", pdf_text_string(f->lang));
	QPDFObjectHandle prefs = QPDFObjectHandle::newDictionary();
	prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
	root.replaceKey("/ViewerPreferences", prefs);
	QPDFObjectHandle mark = QPDFObjectHandle::newDictionary();
	mark.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
	root.replaceKey("/MarkInfo", mark);

	// the output intent: sRGB for the screen (ISO 19005-2 §6.2.3), the
	// press's CMYK condition for print (ISO 15930-7 §6.2.3)
	QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
	intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
	if (f->print) {
		intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
		intent.replaceKey("/OutputConditionIdentifier", pdf_text_string(f->press->condition));
		intent.replaceKey("/RegistryName", pdf_text_string(f->press->registry));
		intent.replaceKey("/Info", pdf_text_string(f->press->info));
		intent.replaceKey("/DestOutputProfile", pdf_icc_stream(q, f->press->profile, 4));
		info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString("PDF/X-4"));
		info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
	} else {
		intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFA1"));
		intent.replaceKey("/OutputConditionIdentifier", pdf_text_string("sRGB IEC61966-2.1"));
		intent.replaceKey("/Info", pdf_text_string("sRGB IEC61966-2.1"));
		intent.replaceKey("/DestOutputProfile", pdf_icc_stream(q, f->srgb_profile, 3));
	}
	root.replaceKey("/OutputIntents", QPDFObjectHandle::newArray({ intent }));

	// ISO 19005-2 §6.2.11.3.2: a CIDFontType2's CID-to-glyph map must be
	// there (cairo numbers its subsets' glyphs as their CIDs)
	for (auto &o : q.getAllObjects())
		if (o.isDictionary() && o.getKey("/Type").isNameAndEquals("/Font") &&
		    o.getKey("/Subtype").isNameAndEquals("/CIDFontType2") &&
		    !o.hasKey("/CIDToGIDMap"))
			o.replaceKey("/CIDToGIDMap", QPDFObjectHandle::newName("/Identity"));
}

// A page or form's resources for the press: images' DeviceRGB made
// ICC-based sRGB, forms' content through the colour filter, transparency
// groups blended in CMYK, and the overprint states the filter names.
