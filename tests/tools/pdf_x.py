#!/usr/bin/python3
"""pdf_x.py — the print edition checked as a print shop's preflight
would: PDF/X-4 (ISO 15930-7), with pikepdf (Debian's python3-pikepdf);
each check names its clause.

    pdf_x.py FILE.pdf

Identification in Info and XMP, the GTS_PDFX output intent and its
profile (an output-class CMYK profile), the boxes of every page, no
annotation, and every colour of every content stream (form XObjects
included), image and transparency group DeviceCMYK, DeviceGray or
ICC-based — never DeviceRGB.  Prints one line per failure; exits 1 if
any."""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Name

failures = []


def fail(clause, what):
    failures.append(f"{clause}: {what}")


RGB_OPS = {"rg", "RG"}
CS_OPS = {"cs", "CS"}
MM = 72 / 25.4


def colour_space_ok(cs, res, where):
    if cs is None:
        return
    if isinstance(cs, pikepdf.Name):
        name = str(cs)
        if name in ("/DeviceCMYK", "/DeviceGray", "/Pattern"):
            return
        if name == "/DeviceRGB":
            fail("ISO 15930-7 §6.2.4", f"{where}: DeviceRGB")
            return
        named = res.get("/ColorSpace", {}).get(cs)
        if named is not None:
            colour_space_ok(named, res, where)
        return
    if isinstance(cs, pikepdf.Array) and len(cs):
        kind = str(cs[0])
        if kind == "/ICCBased":
            n = int(cs[1].get("/N", 0))
            if n not in (1, 3, 4):
                fail("ISO 15930-7 §6.2.4", f"{where}: an ICC-based space with N={n}")
        elif kind == "/Indexed":
            colour_space_ok(cs[1], res, where)
        elif kind in ("/Separation", "/DeviceN"):
            colour_space_ok(cs[2], res, where)
        elif kind == "/Pattern" and len(cs) > 1:
            colour_space_ok(cs[1], res, where)


def walk(stream, res, where, seen, depth=0):
    group = stream.get("/Group") if isinstance(stream, (pikepdf.Stream, pikepdf.Dictionary)) else None
    if group is not None and "/CS" in group:
        colour_space_ok(group.CS, res, f"{where}: transparency group")
    for ins in pikepdf.parse_content_stream(stream):
        op = str(ins.operator)
        args = list(ins.operands)
        if op in RGB_OPS:
            fail("ISO 15930-7 §6.2.4", f"{where}: '{op}' paints in DeviceRGB")
        elif op in CS_OPS:
            colour_space_ok(args[0], res, where)
        elif op == "sh":
            sh = res.get("/Shading", {}).get(args[0])
            if sh is not None:
                colour_space_ok(sh.get("/ColorSpace"), res, f"{where}: shading")
        elif op == "Do":
            x = res.get("/XObject", {}).get(args[0])
            if x is None or x.objgen in seen or depth > 10:
                continue
            seen.add(x.objgen)
            if x.get("/Subtype") == Name.Image:
                if not x.get("/ImageMask", False):
                    colour_space_ok(x.get("/ColorSpace"), res, f"{where}: image {args[0]}")
                sm = x.get("/SMask")
                if sm is not None:
                    colour_space_ok(sm.get("/ColorSpace"), res, f"{where}: soft mask")
            elif x.get("/Subtype") == Name.Form:
                walk(x, x.get("/Resources", res), f"{where}: form {args[0]}", seen, depth + 1)
        elif op == "INLINE IMAGE":
            cs = ins.iimage.obj.get("/ColorSpace", ins.iimage.obj.get("/CS"))
            if cs in (Name("/RGB"), Name.DeviceRGB):
                fail("ISO 15930-7 §6.2.4", f"{where}: an inline image in DeviceRGB")
    ext = res.get("/ExtGState", pikepdf.Dictionary())
    for key in ext.keys():
        sm = ext[key].get("/SMask")
        if isinstance(sm, pikepdf.Dictionary) and "/G" in sm:
            g = sm.G.get("/Group")
            if g is not None and "/CS" in g:
                colour_space_ok(g.CS, res, f"{where}: soft mask group")


def close(a, b):
    return all(abs(float(x) - y) < 0.01 for x, y in zip(a, b))


def main():
    path = sys.argv[1]
    pdf = pikepdf.open(path)
    info = pdf.trailer.get("/Info", pikepdf.Dictionary())
    if str(info.get("/GTS_PDFXVersion", "")) != "PDF/X-4":
        fail("ISO 15930-7 §6.6.1", "Info /GTS_PDFXVersion is not (PDF/X-4)")
    if info.get("/Trapped") not in (Name("/False"), Name("/True")):
        fail("ISO 15930-7 §6.6.1", "Info /Trapped is neither /True nor /False")
    if not str(info.get("/Title", "")).strip():
        fail("ISO 15930-7 §6.6.1", "no title")
    meta = pdf.Root.get("/Metadata")
    xmp = meta.read_bytes().decode("utf-8") if meta is not None else ""
    if "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" not in xmp:
        fail("ISO 15930-7 §6.6.2", "no pdfxid:GTS_PDFXVersion PDF/X-4 in the XMP")
    for key in ("xmpMM:DocumentID", "xmpMM:VersionID", "xmpMM:RenditionClass",
                "xmp:CreateDate", "xmp:ModifyDate", "pdf:Trapped"):
        if f"<{key}>" not in xmp:
            fail("ISO 15930-7 §6.6.2", f"no {key} in the XMP")
    if xmp:
        ET.fromstring(xmp[xmp.index("<x:xmpmeta"):xmp.index("</x:xmpmeta>") + 12])
    for k, x in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        d = str(info.get(k, ""))
        m = re.search(f"<{x}>([^<]*)</{x}>", xmp)
        iso = m.group(1) if m else ""
        mm = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\+00:00", iso)
        if not mm or d != "D:" + "".join(mm.groups()) + "+00'00'":
            fail("ISO 15930-7 §6.6.1", f"Info {k} '{d}' is not XMP {x} '{iso}'")
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == Name.GTS_PDFX]
    if len(intents) != 1:
        fail("ISO 15930-7 §6.2.2", f"{len(intents)} GTS_PDFX output intents")
    else:
        it = intents[0]
        for k in ("/OutputConditionIdentifier", "/RegistryName"):
            if not str(it.get(k, "")).strip():
                fail("ISO 15930-7 §6.2.2", f"the output intent has no {k}")
        prof = it.get("/DestOutputProfile")
        data = prof.read_bytes() if prof is not None else b""
        if data[12:16] != b"prtr" or data[16:20] != b"CMYK" or int(prof.get("/N", 0)) != 4:
            fail("ISO 15930-7 §6.2.2", "the output profile is not an output-class CMYK profile")
    for n, page in enumerate(pdf.pages, 1):
        o = page.obj
        media = [float(v) for v in o.MediaBox]
        trim = [float(v) for v in o.get("/TrimBox", [])]
        bleed = [float(v) for v in o.get("/BleedBox", [])]
        if len(trim) != 4 or not close([trim[2] - trim[0], trim[3] - trim[1]], [595.276, 841.89]):
            fail("ISO 15930-7 §6.3.1", f"page {n}: the TrimBox is not A4")
        elif len(bleed) != 4 or not close(bleed, [trim[0] - 3 * MM, trim[1] - 3 * MM,
                                                   trim[2] + 3 * MM, trim[3] + 3 * MM]):
            fail("ISO 15930-7 §6.3.1", f"page {n}: the BleedBox is not the trim and 3 mm")
        elif bleed[0] < media[0] or bleed[1] < media[1] or bleed[2] > media[2] or bleed[3] > media[3]:
            fail("ISO 15930-7 §6.3.1", f"page {n}: the BleedBox leaves the MediaBox")
        if len(bleed) != 4:
            bleed = media
        for a in o.get("/Annots", []):
            r = [float(v) for v in a.get("/Rect", [0, 0, 0, 0])]
            inside = r[2] > bleed[0] and r[0] < bleed[2] and r[3] > bleed[1] and r[1] < bleed[3]
            if inside and a.get("/Subtype") != Name.PrinterMark:
                fail("ISO 15930-7 §6.5", f"page {n}: an annotation inside the BleedBox")
        walk(o, o.get("/Resources", pikepdf.Dictionary()), f"page {n}", set())
    if failures:
        for f in dict.fromkeys(failures):
            print(f"{path}: {f}")
        return 1
    print(f"{path}: {len(pdf.pages)} pages: PDF/X-4 as checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
