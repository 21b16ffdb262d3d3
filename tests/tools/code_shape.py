#!/usr/bin/python3
"""code_shape.py OBJDIR SRC_DIR... — the tree's shape rules (issue 25).

  * no source file (.c, .cc, .h) over 800 lines;
  * no function over 80 lines (from its opening line to its closing brace);
  * no two modules that include or call each other, directly or round a
    loop;
  * the layers in order: etl/ (the exports, the figures) below model/ (what
    an edition is) below render/ (drawing it), init/ and tools/ on top; a
    module never includes or calls one of a layer above its own.  A module is a .c/.cc file with its .h.  Includes are read from
    the sources ("name.h" of the tree); calls from the compiled objects
    under OBJDIR: module A calls B when an undefined symbol of A.o is
    defined by B.o (nm), which sees every call the compiler kept, macros
    and inlined helpers aside.

Prints each breach and exits 1 when there is one.  Programs' mains
(*_main.c, tools/*.c) may call anything but nothing calls them, so they
cannot close a loop; they are checked for size like the rest.
"""
import os
import re
import subprocess
import sys

MAX_FILE = 800
MAX_FUNC = 80
LAYERS = {"etl": 0, "model": 1, "render": 2, "init": 3, "tools": 3}

FUNC_START = re.compile(r"^[A-Za-z_][\w \t\*,:<>&]*\b([A-Za-z_]\w*)\s*\(")


def sources(dirs):
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if f.endswith((".c", ".cc", ".h")):
                    yield os.path.join(root, f)


def module(path):
    return os.path.splitext(path)[0]


def long_functions(path, lines):
    """(name, first line, length) of each function over MAX_FUNC lines: a
    definition starts at column 0 and ends at the first '}' in column 0."""
    out = []
    start = name = None
    for i, line in enumerate(lines, 1):
        if start is None:
            m = FUNC_START.match(line)
            if m and not line.rstrip().endswith(";") and not line.startswith(
                    ("typedef", "struct", "enum", "union", "static const",
                     "const ", "#")):
                start, name = i, m.group(1)
            continue
        if line.startswith("}"):
            if i - start + 1 > MAX_FUNC:
                out.append((name, start, i - start + 1))
            start = None
        elif line.rstrip().endswith(";") and not line.startswith((" ", "\t", "{")):
            start = None    # a prototype over several lines
    return out


def includes(path, text, known):
    here = os.path.dirname(path)
    for m in re.finditer(r'^#\s*include\s+"([^"]+)"', text, re.M):
        for cand in (os.path.normpath(os.path.join(here, m.group(1))),):
            if module(cand) in known:
                yield module(cand)


def symbols(objdir):
    """module -> (defined, undefined) global symbols of its object."""
    out = {}
    for root, _, files in os.walk(objdir):
        for f in files:
            if not f.endswith(".o"):
                continue
            p = os.path.join(root, f)
            mod = module(os.path.relpath(p, objdir))
            nm = subprocess.run(["nm", "-P", p], capture_output=True,
                                text=True, check=True).stdout
            defined, undefined = set(), set()
            for line in nm.splitlines():
                parts = line.split()
                if len(parts) < 2:
                    continue
                sym, kind = parts[0], parts[1]
                if kind == "U":
                    undefined.add(sym)
                elif kind in "TDBRVW":
                    defined.add(sym)
            out[mod] = (defined, undefined)
    return out


def cycles(graph):
    """The strongly connected components with more than one module
    (Tarjan's algorithm, iterative)."""
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        comps.append(sorted(comp))
    return comps


def main():
    objdir, dirs = sys.argv[1], sys.argv[2:]
    bad = 0
    paths = list(sources(dirs))
    known = {module(p) for p in paths}
    graph = {m: set() for m in known}
    for p in paths:
        with open(p, encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        if len(lines) - 1 > MAX_FILE:
            print("%s: %d lines (at most %d)" % (p, len(lines) - 1, MAX_FILE))
            bad += 1
        for name, line, n in long_functions(p, lines):
            print("%s:%d: %s() is %d lines (at most %d)" % (p, line, name, n, MAX_FUNC))
            bad += 1
        for dep in includes(p, text, known):
            if dep != module(p):
                graph[module(p)].add(dep)
    syms = symbols(objdir)
    owner = {}
    for mod, (defined, _) in syms.items():
        for s in defined:
            owner.setdefault(s, mod)
    for mod, (_, undefined) in syms.items():
        for s in undefined:
            if s in owner and owner[s] != mod and mod in graph:
                graph[mod].add(owner[s])
    for a in sorted(graph):
        for b in sorted(graph[a]):
            la, lb = LAYERS.get(a.split("/")[0]), LAYERS.get(b.split("/")[0])
            if la is not None and lb is not None and lb > la:
                print("%s depends on %s: a layer above its own" % (a, b))
                bad += 1
    for comp in cycles(graph):
        print("modules that include or call each other: " + " ".join(comp))
        for a in comp:
            print("    %s -> %s" % (a, " ".join(sorted(graph[a] & set(comp)))))
        bad += 1
    print("%d files, %d modules: %s" % (len(paths), len(known),
                                        "%d breaches" % bad if bad else "in shape"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
