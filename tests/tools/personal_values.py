#!/usr/bin/env python3
"""personal_values.py DIR FILE... — prints every personal value of the
exports of DIR (names, first names, matricules, beneficiary and interview
ids, birth dates) found in FILE..., one "file: value" a line; exits 1 when
any is found."""
import re
import sys

from exports import dict_rows

PERSONAL = {
    "rh_effectifs.csv": ["Matricule", "Nom", "Prénom", "Date de naissance"],
    "rh_formations.csv": ["Matricule"],
    "insertion.csv": ["Bénéficiaire"],
    "enquete_satisfaction.csv": ["ID"],
}


values = set()
for name, cols in PERSONAL.items():
    for r in dict_rows(f"{sys.argv[1]}/{name}"):
        for c in cols:
            v = r[c].strip()
            if v:
                values.add(v)
        if name == "rh_effectifs.csv":
            d, m, y = r["Date de naissance"].split("/")
            values.add(f"{y}-{m}-{d}")          # ISO form too
found = 0
for path in sys.argv[2:]:
    text = open(path, "rb").read().decode("utf-8", "replace")
    for v in sorted(values):
        if re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", text):
            print(f"{path}: {v}")
            found += 1
print(f"{len(values)} personal values looked for in {len(sys.argv) - 2} files",
      file=sys.stderr)
sys.exit(1 if found else 0)
