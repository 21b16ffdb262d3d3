#!/usr/bin/python3
"""page_fill.py — how much of each article page's text area is left blank
at the foot, read off the rasterised pages (pdftoppm), as a reader sees it.

    page_fill.py [--all] FILE.pdf [LIMIT]

An article page is one with the thin band of its loop's colour along its
top (not a cover, a divider or the key figures).  For each of its two
columns, the blank foot runs from the lowest inked pixel to the foot of
the text area; the page's share is the two feet over the two columns.
The last article page before a divider, the key figures or the back cover
ends its loop, and may end short, unless --all (a first edition's loops
end with a photo that fills what they leave).  Prints one line a page;
exits 1 when a page held to it leaves more than LIMIT (default 0.2) blank.
"""
import glob
import os
import subprocess
import sys
import tempfile

from PIL import Image

DPI = 36
PT = DPI / 72.0
PAGE_W, PAGE_H = 595.276, 841.890
TOP, BOTTOM, SIDE, GUTTER = 62.0, 58.0, 48.0, 20.0
LINE = 14.4
# what is not paper: text, rules, photos, the light fills of tiles and of
# the drawn placeholders
INK = 245


def pages(pdf):
    tmp = tempfile.mkdtemp()
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", pdf, tmp + "/p"], check=True)
    files = sorted(glob.glob(tmp + "/p-*.png"))
    out = [Image.open(f).convert("L") for f in files]
    for f in files:
        os.unlink(f)
    os.rmdir(tmp)
    return out


def is_article(im):
    """A coloured band of 10 pt at the top, white beneath it."""
    w = im.width
    band = [im.getpixel((int(w * x), int(4 * PT))) for x in (0.2, 0.5, 0.8)]
    below = [im.getpixel((int(w * x), int(30 * PT))) for x in (0.2, 0.5, 0.8)]
    return all(b < 235 for b in band) and all(b > 250 for b in below)


def column_foot(im, x0, x1):
    """The share of the column's height left blank at its foot."""
    top, bottom = int(TOP * PT), int((PAGE_H - BOTTOM + 4) * PT)
    lowest = top
    for y in range(bottom, top, -1):
        if any(im.getpixel((x, y)) < INK for x in range(int(x0 * PT), int(x1 * PT))):
            lowest = y
            break
    return (bottom - lowest) / (bottom - top)


def main():
    args = sys.argv[1:]
    every = bool(args) and args[0] == "--all"
    if every:
        args = args[1:]
    pdf = args[0]
    limit = float(args[1]) if len(args) > 1 else 0.2
    ims = pages(pdf)
    colw = (PAGE_W - 2 * SIDE - GUTTER) / 2
    bad = 0
    for i, im in enumerate(ims):
        if not is_article(im):
            continue
        ends_loop = (i + 1 >= len(ims) or not is_article(ims[i + 1])) and not every
        feet = [column_foot(im, SIDE + c * (colw + GUTTER), SIDE + c * (colw + GUTTER) + colw)
                for c in (0, 1)]
        share = sum(feet) / 2
        flag = "ends its loop" if ends_loop else ("TOO BLANK" if share > limit else "ok")
        print(f"page {i + 1}: {share * 100:.0f} % blank at the foot "
              f"({feet[0] * 100:.0f} % and {feet[1] * 100:.0f} %): {flag}")
        if not ends_loop and share > limit:
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
