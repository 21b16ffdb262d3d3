#!/usr/bin/python3
"""separations.py — the print edition as the press sees it, with
Ghostscript (Debian's ghostscript): its plates (`-sDEVICE=tiffsep`, one
8-bit image an ink, 255 for no ink) and its colours through the output
intent's profile (`-dUsePDFX3Profile`).

    separations.py PRINT.pdf SCREEN.pdf PAGE

- body text (the 10-point words of PAGE, as `pdftotext -bbox` places
  them) is on the black plate and on no other;
- no pixel of any page carries more than the press's 300 % of ink;
- every page printed looks like the screen edition's: the same layout,
  the colours of every 3-mm cell within a CIELAB ΔE*ab that the gamut of
  a coated press allows (a CMYK photo that came out inverted would be
  far off).

Prints what fails; exits 1 if anything does."""
import os
import re
import subprocess
import sys
import tempfile

from PIL import Image, ImageChops, ImageCms

DPI = 40
OFFSET_MM = 13          # bleed (3 mm) and marks (10 mm) around the trim
INK_LIMIT = 3.0
failures = []


def fail(what):
    failures.append(what)


def gs(args):
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER"] + args, check=True,
                   stdout=subprocess.DEVNULL)


def plates(pdf, page, dpi, tmp):
    out = os.path.join(tmp, f"p{page}-%d.tif")
    gs(["-sDEVICE=tiffsep", f"-r{dpi}", f"-dFirstPage={page}", f"-dLastPage={page}",
        f"-sOutputFile={out}", pdf])
    base = out.replace("%d", "1")[:-4]
    return {ink: Image.open(f"{base}({ink}).tif").convert("L")
            for ink in ("Cyan", "Magenta", "Yellow", "Black")}


def body_words(pdf, page):
    """The boxes (points, from the sheet's top left) of the 10-point words."""
    xml = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    boxes = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', xml):
        x0, y0, x1, y1 = map(float, m.groups())
        if abs((y1 - y0) - 12.0) < 0.3:
            boxes.append((x0, y0, x1, y1))
    return boxes


def check_text(pdf, page, tmp):
    p = plates(pdf, page, 150, tmp)
    s = 150 / 72
    words = body_words(pdf, page)
    if len(words) < 100:
        fail(f"page {page}: only {len(words)} body words found")
    on_colour = no_black = 0
    for x0, y0, x1, y1 in words:
        box = (int(x0 * s) + 1, int(y0 * s) + 1, int(x1 * s) - 1, int(y1 * s) - 1)
        if p["Black"].crop(box).getextrema()[0] > 128:
            no_black += 1
        for ink in ("Cyan", "Magenta", "Yellow"):
            if p[ink].crop(box).getextrema()[0] < 255:
                on_colour += 1
                break
    if no_black:
        fail(f"page {page}: {no_black} of {len(words)} body words not on the black plate")
    if on_colour:
        fail(f"page {page}: {on_colour} of {len(words)} body words have cyan, magenta or yellow ink")
    return len(words)


def check_ink(pdf, pages, tmp):
    """The most ink on a pixel, and its page: 4 - (sum of the plates) / 255
    (a plate is 255 where it has no ink), the sum taken as a mean of means
    so that nothing clips."""
    worst = (0, 0)
    for page in range(1, pages + 1):
        c, m, y, k = plates(pdf, page, 36, tmp).values()
        mean = ImageChops.add(ImageChops.add(c, m, scale=2), ImageChops.add(y, k, scale=2),
                              scale=2)
        t = 4 - mean.getextrema()[0] * 4 / 255
        if t > worst[0]:
            worst = (t, page)
    if worst[0] > INK_LIMIT + 0.02:
        fail(f"page {worst[1]}: {worst[0] * 100:.0f} % of ink, over the press's 300 %")
    return worst


def render(pdf, tmp, crop_mm):
    """Every page of pdf through the output intent, as sRGB images."""
    out = os.path.join(tmp, os.path.basename(pdf) + "-%d.png")
    gs(["-sDEVICE=png16m", "-dUsePDFX3Profile", "-dTextAlphaBits=4", "-dGraphicsAlphaBits=4",
        f"-r{DPI}", f"-sOutputFile={out}", pdf])
    pages = []
    for n in range(1, 10000):
        f = out.replace("%d", str(n))
        if not os.path.exists(f):
            break
        im = Image.open(f).convert("RGB")
        if crop_mm:
            c = round(crop_mm / 25.4 * DPI)
            im = im.crop((c, c, im.width - c, im.height - c))
        pages.append(im)
    return pages


def delta_e(a, b):
    """The mean CIELAB ΔE*ab over the pixels either image inks, and the
    share of them farther than 12, on 3-mm cells (the same layout: an
    edge a pixel apart in the two renderings is no colour)."""
    srgb = ImageCms.createProfile("sRGB")
    lab = ImageCms.createProfile("LAB")
    t = ImageCms.buildTransform(srgb, lab, "RGB", "LAB")
    cell = (a.width // 70, a.height // 99)
    a = a.resize(cell, Image.BOX)
    b = b.resize(cell, Image.BOX)
    la, lb = ImageCms.applyTransform(a, t), ImageCms.applyTransform(b, t)
    n = far = 0
    total = 0.0
    for (L1, a1, b1), (L2, a2, b2), p, q in zip(la.getdata(), lb.getdata(), a.getdata(), b.getdata()):
        if min(p) > 245 and min(q) > 245:
            continue            # paper
        d = ((L1 - L2) * 100 / 255) ** 2 + (a1 - a2) ** 2 + (b1 - b2) ** 2
        d = d ** 0.5
        total += d
        far += d > 12
        n += 1
    return (total / n if n else 0), (far / n if n else 0)


def proof(pages, printed, tmp):
    """The screen's pages as the press can print them: through the print
    edition's output profile and back (relative colorimetric, black point
    compensation), so that a colour beyond a coated press's gamut (a
    vivid purple) is held to what the press can do."""
    import pikepdf
    intents = pikepdf.open(printed).Root.get("/OutputIntents", [])
    if not intents or int(intents[0].DestOutputProfile.get("/N", 0)) != 4:
        fail("no CMYK output intent to print through")
        return pages
    intent = intents[0]
    icc = os.path.join(tmp, "press.icc")
    with open(icc, "wb") as f:
        f.write(intent.DestOutputProfile.read_bytes())
    srgb = ImageCms.createProfile("sRGB")
    press = ImageCms.getOpenProfile(icc)
    flags = ImageCms.FLAGS["BLACKPOINTCOMPENSATION"]
    there = ImageCms.buildTransform(srgb, press, "RGB", "CMYK", ImageCms.Intent.RELATIVE_COLORIMETRIC, flags)
    back = ImageCms.buildTransform(press, srgb, "CMYK", "RGB", ImageCms.Intent.RELATIVE_COLORIMETRIC, flags)
    return [ImageCms.applyTransform(ImageCms.applyTransform(p, there), back) for p in pages]


def check_look(printed, screen, tmp):
    """Every page printed against the screen's: the worst page's mean."""
    a, b = render(printed, tmp, OFFSET_MM), proof(render(screen, tmp, 0), printed, tmp)
    if len(a) != len(b):
        fail(f"{len(a)} pages printed, {len(b)} on screen")
    worst = (0, 0)
    for n, (p, q) in enumerate(zip(a, b), 1):
        mean, far = delta_e(p, q)
        if mean > 6 or far > 0.05:
            fail(f"page {n}: printed colours differ from the screen's by ΔE {mean:.1f} "
                 f"on average, {far * 100:.0f} % of 3-mm cells past 12")
        worst = max(worst, (mean, n))
    return worst


def main():
    printed, screen, page = sys.argv[1], sys.argv[2], int(sys.argv[3])
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", printed], capture_output=True, text=True).stdout).group(1))
    with tempfile.TemporaryDirectory() as tmp:
        words = check_text(printed, page, tmp)
        worst, at = check_ink(printed, pages, tmp)
        look, look_page = check_look(printed, screen, tmp)
    if failures:
        for f in failures:
            print(f"{printed}: {f}")
        return 1
    print(f"{printed}: {words} body words on black alone; at most {worst * 100:.0f} % of ink "
          f"(page {at}); ΔE to the screen at most {look:.1f} (page {look_page})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
