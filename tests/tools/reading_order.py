#!/usr/bin/python3
"""reading_order.py — the carnet read in its content order, as a screen
reader follows it (ISO 14289-1 §7.1: the logical order of content;
`pdftotext -raw` keeps the order in which the page draws its text, which
is the order of the structure tree): every article's paragraphs in the
order of its text, across columns and pages, and each key figure read
as its number then its label.

    reading_order.py FILE.pdf LAYOUT

Prints what is out of order; exits 1 if anything is."""
import csv
import glob
import os
import re
import subprocess
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00ad\n", "").replace("-\n", "-").replace("\u00ad", "")
    s = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", s)
    return s


def words(md_line, n):
    t = re.sub(r"[*_`]", "", md_line)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"\{[^}]*\}", "", t)
    w = t.split()
    return " ".join(w[:n])


def paragraphs(path):
    """The first words of each paragraph of a text, in order."""
    out, block, fence = [], [], False
    for line in open(path, encoding="utf-8"):
        s = line.strip()
        if s.startswith("```"):
            fence = not fence
            continue
        if fence:
            continue
        if not s:
            if block:
                out.append(" ".join(block))
            block = []
            continue
        if s.startswith(("#", "!", ">", "-", "*", "|")) or re.match(r"^\d+\.", s) \
                or "{{" in s or re.match(r"^\w+\s*:", s) and not block and len(out) == 0:
            if block:
                out.append(" ".join(block))
            block = []
            continue
        block.append(s)
    if block:
        out.append(" ".join(block))
    return [words(p, 4) for p in out if len(p.split()) >= 8]


def main():
    pdf, layout = sys.argv[1], sys.argv[2]
    raw = norm(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True,
                              text=True, check=True).stdout)
    bad = 0
    checked = 0
    for path in sorted(glob.glob(os.path.join(layout, "textes", "*", "*.md"))):
        at = -1
        for start in paragraphs(path):
            i = raw.find(start, at + 1)
            if i < 0:
                continue        # a placeholder's value, a line broken oddly
            checked += 1
            if i < at:
                print(f"{path}: '{start}' is read before the paragraph above it")
                bad += 1
            at = i
    # the key figures: number, then label, tile after tile
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    page = norm(subprocess.run(["pdftotext", "-raw", "-f", str(pages - 1), "-l", str(pages - 1),
                                pdf, "-"], capture_output=True, text=True).stdout)
    labels = [r[3] for r in csv.reader(open(os.path.join(layout, "chiffres.csv"),
                                            encoding="utf-8"), delimiter=";")
              if r and r[0] == "cles"]
    at = 0
    for label in labels:
        caps = norm(label.upper())
        i = page.find(caps, at)
        if i < 0:
            print(f"key figures: '{caps}' not found in order")
            bad += 1
            continue
        before = page[at:i]
        if not re.search(r"\d", before):
            print(f"key figures: '{caps}' is not read after its number")
            bad += 1
        at = i + len(caps)
        checked += 1
    if checked < 60:
        print(f"only {checked} paragraphs and figures found: the check sees too little")
        bad += 1
    if bad:
        return 1
    print(f"{pdf}: {checked} paragraphs and key figures in reading order")
    return 0


if __name__ == "__main__":
    sys.exit(main())
