#!/usr/bin/env python3
"""number_dialects.py — exports and tables whose numbers carry every digit.

  weights SRC DST SEED   copies SRC's exports to DST with the survey's
                         weights drawn at random (SEED) and written twice:
                         DST/short/ with Python's shortest repr ('.'),
                         DST/long/ at 19 significant digits with a decimal
                         comma and ';' (as SPSS, R or a French Excel write
                         them).  Both stand for the same doubles.
  digits17 TABLE OUT     the figures table TABLE with each value at 17
                         significant digits ('%.17g': 0.66666666666666663).
  tiny SRC DST           copies SRC's exports to DST with a declared
                         0,0000001 and two insertion rows of
                         999 999 999 999 999 hours.
  same A B               exit 0 when the figures tables A and B hold the
                         same rows and bit-identical values.
"""
import csv
import io
import math
import os
import random
import shutil
import struct
import sys

from exports import rows as export_rows


def write_rows(path, rows, delim):
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delim, lineterminator="\r\n").writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


def weights(src, dst, seed):
    rng = random.Random(int(seed))
    rows = export_rows(os.path.join(src, "enquete_satisfaction.csv"))
    col = [h.lower() for h in rows[0]].index("poids")
    drawn = [rng.uniform(0.2, 3.0) for _ in rows[1:]]
    for kind in ("short", "long"):
        d = os.path.join(dst, kind)
        shutil.copytree(src, d)
        out = [rows[0]]
        for r, w in zip(rows[1:], drawn):
            r = list(r)
            if kind == "short":
                r[col] = repr(w)
            else:
                places = 19 - (math.floor(math.log10(w)) + 1)
                text = "%.*f" % (places, w)
                assert len(text.replace(".", "").lstrip("0")) >= 19, text
                r[col] = text.replace(".", ",")
            out.append(r)
        write_rows(os.path.join(d, "enquete_satisfaction.csv"), out,
                   "," if kind == "short" else ";")


def digits17(table, out):
    with open(table, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        o.write(f.readline())
        for line in f:
            cells = line.rstrip("\n").split("\t")
            cells[2] = "%.17g" % float(cells[2])
            o.write("\t".join(cells) + "\n")


def tiny(src, dst):
    shutil.copytree(src, dst)
    path = os.path.join(dst, "chiffres_cles.csv")
    rows = export_rows(path)
    rows.append(["essai.minuscule", "2023", "0,0000001", "%", "Essai"])
    rows.append(["essai.enorme", "2023", "1,5E+15", "€", "Essai"])
    write_rows(path, rows, ";")
    path = os.path.join(dst, "insertion.csv")
    rows = export_rows(path)
    for k in (1, 2):
        r = list(rows[1])
        r[[h.lower() for h in rows[0]].index("heures")] = "999 999 999 999 999"
        r[[h.lower() for h in rows[0]].index("bénéficiaire")] = "B9999%d" % k
        rows.append(r)
    write_rows(path, rows, ";")


def table(path):
    with open(path, encoding="utf-8") as f:
        f.readline()
        return {tuple(c[:2]): struct.pack("<d", float(c[2]))
                for c in (line.rstrip("\n").split("\t") for line in f)}


def same(a, b):
    ta, tb = table(a), table(b)
    if ta.keys() != tb.keys():
        print("rows differ:", sorted(ta.keys() ^ tb.keys())[:5], file=sys.stderr)
        return 1
    differ = [k for k in ta if ta[k] != tb[k]]
    for k in differ[:5]:
        print("value differs:", k, struct.unpack("<d", ta[k]),
              struct.unpack("<d", tb[k]), file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    sys.exit({"weights": weights, "digits17": digits17, "tiny": tiny,
              "same": same}[cmd](*args) or 0)
