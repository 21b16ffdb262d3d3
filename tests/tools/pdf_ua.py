#!/usr/bin/python3
"""pdf_ua.py — the screen edition checked as an accessibility and archive
audit would: PDF/UA-1 (ISO 14289-1, with the Matterhorn Protocol's
failure conditions) and PDF/A-2a (ISO 19005-2).  Debian has no veraPDF:
this walks the file with pikepdf (Debian's python3-pikepdf) and reads
its bytes, each check naming the clause it stands for.

    pdf_ua.py FILE.pdf [--print]

--print: the print edition, which makes no PDF/A or PDF/UA claim yet
(the PDF/X issue): only what it shares with the screen edition — marked
content, structure, fonts, syntax — is checked.

Prints one line per failed check and exits 1 when any failed."""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Name

failures = []


def fail(clause, what):
    failures.append(f"{clause}: {what}")


PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s",
         "sh", "Do", "INLINE IMAGE"}
HEADING = re.compile(r"^H([1-6])$")


def og(o):
    return o.objgen if isinstance(o, pikepdf.Object) and o.is_indirect else None


# ---- the structure tree -------------------------------------------------

class Tree:
    def __init__(self, pdf):
        self.mcids = {}          # (page objgen, mcid) -> element
        self.objrs = {}          # annotation objgen -> element
        self.order = []          # elements in document order
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            fail("ISO 14289-1 §7.1 / ISO 19005-2 §6.7.3.3", "no structure tree")
            return
        self.walk(root, None, 0)

    def kids(self, e):
        k = e.get("/K")
        if k is None:
            return []
        return list(k) if isinstance(k, pikepdf.Array) else [k]

    def walk(self, e, page, depth):
        if depth > 100:
            return
        for k in self.kids(e):
            if isinstance(k, int):
                pg = e.get("/Pg", page)
                self.claim(og(pg), int(k), e)
            elif isinstance(k, pikepdf.Dictionary):
                t = k.get("/Type")
                if t == Name.MCR:
                    self.claim(og(k.get("/Pg", e.get("/Pg", page))), int(k.MCID), e)
                elif t == Name.OBJR:
                    self.objrs[og(k.Obj)] = e
                elif "/S" in k:
                    self.order.append(k)
                    self.walk(k, k.get("/Pg", e.get("/Pg", page)), depth + 1)

    def claim(self, page, mcid, e):
        if (page, mcid) in self.mcids:
            fail("ISO 32000-1 §14.7.4.2", f"MCID {mcid} claimed by two elements")
        self.mcids[(page, mcid)] = e


# ---- content streams ------------------------------------------------------

class Marks:
    """Every painting operator of the pages (and of the forms they draw)
    inside an artifact or an MCID the tree reaches; fonts' codes
    collected for the font checks."""

    def __init__(self, pdf, tree):
        self.tree = tree
        self.codes = {}          # font objgen -> set of codes shown
        self.fonts = {}          # font objgen -> font
        self.unmarked = 0
        self.unreached = set()
        self.nested = 0
        self.seen = {}           # (page objgen, mcid) -> count
        self.pages_with_content = 0
        for page in pdf.pages:
            self.page = og(page.obj)
            self.run(page.obj, page.obj.get("/Resources", pikepdf.Dictionary()), [], 0)
        for key, n in self.seen.items():
            if n > 1:
                fail("ISO 32000-1 §14.7.4.2", f"MCID {key[1]} marks {n} sequences of one page")

    def run(self, stream, res, outer, depth):
        stack = []
        font = None
        fonts = []
        for ins in pikepdf.parse_content_stream(stream):
            op = str(ins.operator)
            args = list(ins.operands) if hasattr(ins, "operands") else []
            if op in ("BDC", "BMC"):
                tag = args[0]
                props = args[1] if len(args) > 1 else None
                mcid = None
                if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    mcid = int(props.MCID)
                if mcid is not None and depth == 0:
                    if any(m is not None for _, m in stack):
                        self.nested += 1
                    key = (self.page, mcid)
                    self.seen[key] = self.seen.get(key, 0) + 1
                    if key not in self.tree.mcids:
                        self.unreached.add(mcid)
                stack.append((tag, mcid))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op == "q":
                fonts.append(font)
            elif op == "Q":
                font = fonts.pop() if fonts else None
            elif op == "Tf":
                f = res.get("/Font", {}).get(args[0]) if "/Font" in res else None
                font = f
                if f is not None:
                    self.fonts[og(f)] = f
            if op in PAINT:
                ok = bool(outer) or any(t == Name.Artifact or (m is not None and
                                        (self.page, m) in self.tree.mcids)
                                        for t, m in stack)
                if not ok:
                    self.unmarked += 1
                if op in ("Tj", "'", '"', "TJ") and font is not None:
                    strings = args[-1:] if op != "TJ" else [a for a in args[0]
                                                            if isinstance(a, pikepdf.String)]
                    codes = self.codes.setdefault(og(font), set())
                    two = font.get("/Subtype") == Name.Type0
                    for s in strings:
                        b = bytes(s)
                        if two:
                            codes.update(int.from_bytes(b[i:i + 2], "big")
                                         for i in range(0, len(b) - 1, 2))
                        else:
                            codes.update(b)
                if op == "Do":
                    x = res.get("/XObject", {}).get(args[0])
                    if x is not None and x.get("/Subtype") == Name.Form and depth < 10:
                        self.run(x, x.get("/Resources", res), stack or [("form", None)],
                                 depth + 1)
        if depth == 0 and stack:
            fail("ISO 32000-1 §14.6", "a page ends inside marked content")


def tounicode(font):
    """The codes a font's ToUnicode CMap maps, with their text."""
    tu = font.get("/ToUnicode")
    if tu is None:
        return None
    text = tu.read_bytes().decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = dst
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            for c in range(int(lo, 16), int(hi, 16) + 1):
                out[c] = rest
    return out


def check_fonts(marks):
    for key, font in marks.fonts.items():
        name = str(font.get("/BaseFont", "?"))
        desc = font
        if font.get("/Subtype") == Name.Type0:
            desc = font.DescendantFonts[0]
            if desc.get("/Subtype") == Name.CIDFontType2 and "/CIDToGIDMap" not in desc:
                fail("ISO 19005-2 §6.2.11.3.2 / ISO 14289-1 §7.21.3.2",
                     f"{name}: a CIDFontType2 without /CIDToGIDMap")
            if 0 in marks.codes.get(key, ()):
                fail("ISO 19005-2 §6.2.11.8 / ISO 14289-1 §7.21.8", f"{name}: .notdef (CID 0) painted")
        elif 0 in marks.codes.get(key, ()):
            # cairo's simple subsets keep code 0 for .notdef
            fail("ISO 19005-2 §6.2.11.8 / ISO 14289-1 §7.21.8", f"{name}: .notdef (code 0) painted")
        fd = desc.get("/FontDescriptor")
        if fd is None or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            fail("ISO 19005-2 §6.2.11.4.1 / ISO 14289-1 §7.21.4.1", f"{name}: not embedded")
        mapped = tounicode(font)
        if mapped is None:
            fail("ISO 19005-2 §6.2.11.7.2 / ISO 14289-1 §7.21.7", f"{name}: no /ToUnicode")
            continue
        missing = sorted(c for c in marks.codes.get(key, ()) if c not in mapped)
        if missing:
            fail("ISO 19005-2 §6.2.11.7.2 / ISO 14289-1 §7.21.7",
                 f"{name}: codes {missing[:5]} shown without a Unicode mapping")


# ---- document level ---------------------------------------------------------

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def xmp_values(pdf):
    meta = pdf.Root.get("/Metadata")
    if meta is None:
        fail("ISO 19005-2 §6.6.2.1 / ISO 14289-1 §7.1 (Matterhorn 06-001)", "no XMP metadata stream")
        return {}
    root = ET.fromstring(meta.read_bytes())
    v = {}
    for d in root.iter(f"{{{NS['rdf']}}}Description"):
        for child in d:
            ns, _, tag = child.tag[1:].partition("}")
            prefix = next((p for p, u in NS.items() if u == ns), None)
            if prefix is None:
                continue
            items = [li.text or "" for li in child.iter(f"{{{NS['rdf']}}}li")]
            v[f"{prefix}:{tag}"] = items if items else (child.text or "")
    return v


def xmp_date(s):
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\+00:00", s or "")
    return "D:" + "".join(m.groups()) + "+00'00'" if m else None


def check_document(pdf, raw, screen):
    root = pdf.Root
    info = pdf.trailer.get("/Info", pikepdf.Dictionary())
    v = xmp_values(pdf)

    def one(key):
        x = v.get(key)
        return x[0] if isinstance(x, list) and x else x

    if screen:
        if one("pdfuaid:part") != "1":
            fail("ISO 14289-1 §5 (Matterhorn 06-002)", "no pdfuaid:part 1 in the XMP")
        if one("pdfaid:part") != "2" or one("pdfaid:conformance") != "A":
            fail("ISO 19005-2 §6.6.4", "no pdfaid:part 2 / conformance A in the XMP")
    if not one("dc:title"):
        fail("ISO 14289-1 §7.1 (Matterhorn 06-003)", "no dc:title")
    pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
             ("/Keywords", "pdf:Keywords"), ("/Creator", "xmp:CreatorTool"),
             ("/Producer", "pdf:Producer")]
    for k, x in pairs:
        if k in info and str(info[k]) != one(x):
            fail("ISO 19005-2 §6.6.2.3.1", f"Info {k} '{info[k]}' is not XMP {x} '{one(x)}'")
    for k, x in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        d = str(info.get(k, ""))
        if not re.fullmatch(r"D:\d{14}\+00'00'", d):
            fail("ISO 32000-1 §7.9.4", f"Info {k} '{d}' is not a D: date")
        if d != xmp_date(one(x)):
            fail("ISO 19005-2 §6.6.2.3.1", f"Info {k} '{d}' is not XMP {x} '{one(x)}'")
    lang = str(root.get("/Lang", ""))
    if not lang:
        fail("ISO 14289-1 §7.2 (Matterhorn 11-006) / ISO 19005-2 §6.7.4", "no /Lang in the catalog")
    elif v.get("dc:language") and lang not in v["dc:language"]:
        fail("ISO 14289-1 §7.2", f"dc:language {v['dc:language']} does not hold /Lang {lang}")
    if root.get("/MarkInfo", {}).get("/Marked") is not True:
        fail("ISO 14289-1 §7.1 / ISO 19005-2 §6.7.2.2", "/MarkInfo /Marked is not true")
    if root.get("/MarkInfo", {}).get("/Suspects") is True:
        fail("ISO 14289-1 §7.1 (Matterhorn 01-002)", "/Suspects true")
    if root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
        fail("ISO 14289-1 §7.1 (Matterhorn 07-001)", "no /DisplayDocTitle true")
    if screen:
        intents = [i for i in root.get("/OutputIntents", []) if i.get("/S") == Name.GTS_PDFA1]
        if len(intents) != 1:
            fail("ISO 19005-2 §6.2.3", f"{len(intents)} GTS_PDFA1 output intents")
        else:
            prof = intents[0].get("/DestOutputProfile")
            data = prof.read_bytes() if prof is not None else b""
            if len(data) < 128 or data[16:20] != b"RGB " or data[12:16] not in (b"mntr", b"prtr") \
                    or int(prof.get("/N", 0)) != 3:
                fail("ISO 19005-2 §6.2.3", "the output intent's profile is not an RGB output profile")
    # syntax (ISO 19005-2 §6.1)
    if not re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", raw):
        fail("ISO 19005-2 §6.1.2", "header not followed by a binary comment")
    if "/ID" not in pdf.trailer:
        fail("ISO 19005-2 §6.1.3", "no /ID in the trailer")
    if "/Encrypt" in pdf.trailer:
        fail("ISO 19005-2 §6.1.3", "encrypted")
    names = root.get("/Names", {})
    if "/JavaScript" in names or "/OpenAction" in root or "/AA" in root:
        fail("ISO 19005-2 §6.6.1", "JavaScript or automatic actions")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == Name.JavaScript:
            fail("ISO 19005-2 §6.6.1", "a JavaScript action")
        if isinstance(obj, pikepdf.Stream):
            filt = obj.get("/Filter")
            filters = list(filt) if isinstance(filt, pikepdf.Array) else [filt]
            if Name.LZWDecode in filters:
                fail("ISO 19005-2 §6.1.7.2", "an LZW stream")
            check_stream_bytes(obj, raw)


def check_stream_bytes(obj, raw):
    """ISO 19005-2 §6.1.7.1: an EOL after `stream`, /Length exact, an EOL
    before `endstream`."""
    num, gen = obj.objgen
    m = re.search(rb"(?<![0-9])%d %d obj\b" % (num, gen), raw)
    if not m:
        return
    s = raw.find(b"stream", m.end())
    start = s + len(b"stream")
    if raw[start:start + 2] == b"\r\n":
        start += 2
    elif raw[start:start + 1] == b"\n":
        start += 1
    else:
        fail("ISO 19005-2 §6.1.7.1", f"object {num}: no EOL after 'stream'")
        return
    end = start + int(obj.Length)
    if not re.match(rb"(\r\n|\r|\n)endstream", raw[end:end + 12]):
        fail("ISO 19005-2 §6.1.7.1",
             f"object {num}: /Length {int(obj.Length)} is not followed by an EOL and 'endstream'")


def check_structure(pdf, tree):
    last = 0
    for e in tree.order:
        s = str(e.S)[1:]
        m = HEADING.match(s)
        if m:
            n = int(m.group(1))
            if n > last + 1:
                fail("ISO 14289-1 §7.4.2 (Matterhorn 14-003)", f"H{n} after H{last}")
            last = n
        if s == "Figure" and not str(e.get("/Alt", "")).strip():
            fail("ISO 14289-1 §7.3 (Matterhorn 13-004)", "a Figure without /Alt")
        if s in ("Private", "Artifact"):
            fail("ISO 14289-1 §7.1", f"a {s} element left in the tree")
    # links (ISO 14289-1 §7.18)
    for n, page in enumerate(pdf.pages, 1):
        annots = page.obj.get("/Annots", [])
        if len(annots) and page.obj.get("/Tabs") != Name.S:
            fail("ISO 14289-1 §7.18.3 (Matterhorn 28-002)", f"page {n}: links, no /Tabs /S")
        for a in annots:
            if a.get("/Subtype") != Name.Link:
                continue
            if not str(a.get("/Contents", "")).strip():
                fail("ISO 14289-1 §7.18.5 (Matterhorn 28-011)", f"page {n}: a link without /Contents")
            if not int(a.get("/F", 0)) & 4 or int(a.get("/F", 0)) & (1 | 2 | 32):
                fail("ISO 19005-2 §6.3.2", f"page {n}: a link not printed")
            e = tree.objrs.get(og(a))
            if e is None or e.S != Name.Link:
                fail("ISO 14289-1 §7.18.5 (Matterhorn 28-004)",
                     f"page {n}: a link annotation not in a Link element")
            if "/StructParent" not in a:
                fail("ISO 14289-1 §7.18.1 (Matterhorn 28-001)", f"page {n}: a link without /StructParent")


def main():
    path = sys.argv[1]
    screen = "--print" not in sys.argv[2:]
    raw = open(path, "rb").read()
    pdf = pikepdf.open(path)
    tree = Tree(pdf)
    marks = Marks(pdf, tree)
    if marks.unmarked:
        fail("ISO 14289-1 §7.1 (Matterhorn 01-005)",
             f"{marks.unmarked} painting operators neither artifact nor tagged content")
    if marks.unreached:
        fail("ISO 14289-1 §7.1 (Matterhorn 01-005)",
             f"MCIDs {sorted(marks.unreached)[:5]} not reached from the structure tree")
    if marks.nested:
        fail("ISO 32000-1 §14.7.4.2", f"{marks.nested} MCID sequences inside another")
    check_fonts(marks)
    check_structure(pdf, tree)
    check_document(pdf, raw, screen)
    if failures:
        for f in failures:
            print(f"{path}: {f}")
        return 1
    print(f"{path}: {len(tree.order)} structure elements, {len(marks.seen)} content items, "
          f"{len(marks.fonts)} fonts: conforms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
