#!/usr/bin/env python3
"""reencode.py SRC DST — copies every export of SRC to DST re-encoded as
UTF-8 (no BOM), ',' as delimiter, LF line ends, and the columns in another
order (reversed), as another software would write the same data."""
import csv
import io
import os
import sys

from exports import rows as export_rows

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
for name in sorted(os.listdir(src)):
    if not name.endswith(".csv"):
        continue
    rows = export_rows(os.path.join(src, name))
    out = io.StringIO(newline="")
    w = csv.writer(out, delimiter=",", lineterminator="\n")
    for r in rows:
        w.writerow(list(reversed(r)))
    with open(os.path.join(dst, name), "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
