#!/usr/bin/python3
"""compare_pages.py GOLDEN_DIR PAGES_DIR DIFF_DIR

Compares the page images of PAGES_DIR (pdftoppm -r 20 -gray) with the
references of GOLDEN_DIR: identical, or at most 0,5 % of the pixels off by
more than 24 grey levels.  For each page that moved it says which, and
writes a diff image (changed pixels in black) into DIFF_DIR.  Prints
"pages: N passed, N failed"; exits 1 on a failure."""
import glob
import os
import sys

from PIL import Image, ImageChops

golden, pages, diffs = sys.argv[1:4]
want = sorted(os.path.basename(p) for p in glob.glob(os.path.join(golden, "*.png")))
got = sorted(os.path.basename(p) for p in glob.glob(os.path.join(pages, "*.png")))
passed = failed = 0
if want != got:
    print(f"FAIL: {len(got)} pages, the references have {len(want)}")
    failed += 1
for name in sorted(set(want) & set(got)):
    a = Image.open(os.path.join(golden, name)).convert("L")
    b = Image.open(os.path.join(pages, name)).convert("L")
    if a.size != b.size:
        print(f"FAIL: {name}: size {b.size}, reference {a.size}")
        failed += 1
        continue
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 24 else 0)
    off = sum(1 for v in diff.getdata() if v) / (a.size[0] * a.size[1])
    if off <= 0.005:
        passed += 1
        continue
    failed += 1
    os.makedirs(diffs, exist_ok=True)
    ImageChops.invert(diff).save(os.path.join(diffs, name))
    print(f"FAIL: {name} moved: {100 * off:.1f} % of its pixels (diff in {diffs}/{name})")
print(f"pages: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
