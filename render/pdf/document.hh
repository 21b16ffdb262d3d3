// document.hh — the document level of a finished carnet (finish.h):
// the Info dictionary and the XMP metadata (PDF/A-2 §6.6, PDF/UA-1 §5
// identification, PDF/X-4 for print, reproducible dates and ids), the
// language and viewer preferences, the output intent (sRGB on screen, the
// press's profile in print).  C++: libqpdf's object model.
#ifndef CARNET_PDF_DOCUMENT_HH
#define CARNET_PDF_DOCUMENT_HH

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "finish.h"

// A text string (PDF 1.7 §7.9.2.2: PDFDocEncoding or UTF-16BE); NULL "".
QPDFObjectHandle pdf_text_string(const char *s);

// The ICC profile at path as a stream of n components; throws
// std::runtime_error when it cannot be read.
QPDFObjectHandle pdf_icc_stream(QPDF &q, const char *path, int n);

// Sets q's Info, XMP metadata, /Lang, MarkInfo, ViewerPreferences and
// output intent from f.
void pdf_document_info(QPDF &q, const struct pdf_finish *f);

#endif
