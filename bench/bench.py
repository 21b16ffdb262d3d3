#!/usr/bin/python3
"""bench.py — `make bench`: times carnet's stages and writes bench/RESULTS.md.

    bench/bench.py BUILD     (make bench calls it after building BUILD
                              with -O2 and the scaled exports)

For each scale (x1, x10, x100, x1000 of the 2023 exports, written by
fixtures/scale.c into BUILD/scaled/xN), each stage runs as a whole process
RUNS times: wall time by the clock around the process, peak RSS as
/usr/bin/time -v reports it.  Then: `make report-run` from the fixtures
after compilation, the rebuild after touching one text (and which stages
make redid), and the ETL's instruction count under callgrind on x1, which
does not move with a noisy machine.  The scaled figures are checked
against x1 (counts N times, rates the same), so that a fast wrong ETL does
not pass for a fast one.

Nothing here asserts a time: the numbers are for people to read.
"""
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/bench")
BIN = os.path.join(BUILD, "bin")
SCALES = [int(s) for s in (os.environ.get("BENCH_SCALES") or "1 10 100 1000").split()]
RUNS = int(os.environ.get("BENCH_RUNS") or "5")
YEAR = "2023"
EXPORTS = ["rh_effectifs.csv", "rh_formations.csv", "insertion.csv",
           "enquete_satisfaction.csv", "flotte.csv", "chiffres_cles.csv",
           "controles.csv"]


def timed(cmd, env=None, cwd=None):
    """Runs cmd under /usr/bin/time -v: (seconds, peak RSS in KiB, stdout, stderr)."""
    full = ["/usr/bin/time", "-v", "-o", os.path.join(BUILD, "time.txt")] + cmd
    t0 = time.perf_counter()
    p = subprocess.run(full, capture_output=True, text=True, env=env, cwd=cwd)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("bench: %s failed (%d):\n%s" % (" ".join(cmd), p.returncode, p.stderr[-2000:]))
    with open(os.path.join(BUILD, "time.txt")) as f:
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read()).group(1))
    return wall, rss, p.stdout, p.stderr


def repeat(cmd, runs, prepare=None, env=None, cwd=None):
    walls, rss, out = [], 0, None
    for _ in range(runs):
        if prepare:
            prepare()
        w, r, so, se = timed(cmd, env, cwd)
        walls.append(w)
        rss = max(rss, r)
        out = (so, se)
    return walls, rss, out


def paired(cmd_a, cmd_b, runs):
    """cmd_a and cmd_b run in turn, runs times each: repeat()'s answer
    for each, and the median of a's time over b's in each pair.  On a
    shared VM whose speed drifts from one second to the next, the two
    times of a pair are taken under the same conditions."""
    a, b, ratios = ([], 0, None), ([], 0, None), []
    for _ in range(runs):
        wa, ra, sa, ea = timed(cmd_a)
        wb, rb, sb, eb = timed(cmd_b)
        a = (a[0] + [wa], max(a[1], ra), (sa, ea))
        b = (b[0] + [wb], max(b[1], rb), (sb, eb))
        ratios.append(wa / wb)
    return a, b, statistics.median(ratios)


def size(paths):
    return sum(os.path.getsize(p) for p in paths if os.path.exists(p))


def read_table(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        for line in f:
            v = dict(zip(head, line.rstrip("\n").split("\t")))
            rows[(v["indicator"], v["dimensions"])] = v
    return rows


def check_scaled(base, scaled, n):
    """Counts and sums are n times x1's, rates and means the same; declared
    figures (chiffres_cles) are the same.  Returns the mismatches."""
    bad = []
    for key, v in base.items():
        w = scaled.get(key)
        if w is None:
            bad.append("%s %s: missing" % key)
            continue
        same = v["source"] == "chiffres_cles.csv" or v["unit"] in ("%", "ans")
        want = float(v["value"]) * (1 if same else n)
        got = float(w["value"])
        if abs(got - want) > 1e-9 * max(1.0, abs(want)):
            bad.append("%s {%s}: %s, expected %s" % (key[0], key[1], w["value"], want))
    return bad


def fmt_s(s):
    return "%.3f s" % s if s >= 0.1 else "%.1f ms" % (s * 1000)


def fmt_n(x):
    return "{:,}".format(int(round(x))).replace(",", " ")


def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // (1024 * 1024)
    cc = subprocess.run(["cc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip() or "?"
    return ("%d cores (`nproc`), %s, %d GiB; %s; %s; `-O2 -g`; commit %s"
            % (os.cpu_count(), model, mem, platform.platform(), cc, commit))


def stage_rows(results, scale, stage, nbytes, rows, walls, rss):
    med = statistics.median(walls)
    results.append((scale, stage, nbytes, rows, min(walls), med,
                    nbytes / med / 1e6, rows / med, rss))


SPILLED = []     # which exports each scale read spilled (--memory)
RATIO = {}       # scale -> (median ETL/SHA-256 ratio of paired runs, pairs)
TIMELINE = {}    # scale -> [(export, MB, from s, to s)] of an ETL run (-v)


def timeline(err, d):
    """The readings of a `carnet figures -v` run: each export, its size,
    when its reading began and ended, and when its SHA-256 (a job of its
    own), in seconds into the run."""
    num = lambda s: float(s.replace("\u202f", "").replace(",", "."))
    t = r"([0-9,\u202f]+) s"
    rows = [(f, os.path.getsize(os.path.join(d, f)) / 1e6, num(a), num(b), num(c), num(e))
            for f, a, b, c, e in re.findall(r"/([a-z_]+\.csv): .*; between %s and %s into the run, "
                                            r"its SHA-256 between %s and %s" % (t, t, t, t), err)]
    return sorted(rows, key=lambda r: r[2])


def bench_scales(results, notes):
    base = None
    for n in SCALES:
        d = os.path.join(BUILD, "scaled", "x%d" % n)
        o = os.path.join(BUILD, "bench-out", "x%d" % n)
        os.makedirs(o, exist_ok=True)
        runs = RUNS if n < 1000 else max(3, RUNS - 2)
        fig = os.path.join(o, "figures.tsv")
        prov = os.path.join(o, "provenance.tsv")
        qual = os.path.join(o, "quality.tsv")
        hr = os.path.join(o, "hr-detail.tsv")
        cmd = [os.path.join(BIN, "carnet-figures"), "--in", d, "--year", YEAR,
               "-o", fig, "--provenance", prov, "--quality", qual,
               "--hr-detail", hr, "--verbose"]
        # the floor: the SHA-256 the ETL computes anyway, alone, on one
        # core; each ETL run paired with one of it
        sha = ["openssl", "dgst", "-sha256"] + [os.path.join(d, e) for e in EXPORTS]
        pairs = 2 * runs + 1
        (walls, rss, (_, err)), (swalls, srss, _), ratio = paired(cmd, sha, pairs)
        RATIO[n] = (ratio, pairs)
        rows = sum(int(m) for m in re.findall(r": (\d+) rows read", err))
        nbytes = size(os.path.join(d, e) for e in EXPORTS)
        stage_rows(results, n, "figures (ETL)", nbytes, rows, walls, rss)
        TIMELINE[n] = (statistics.median(walls), timeline(err, d))
        spilled = re.findall(r"/([a-z_]+\.csv): .*read (\d+ times|once): its keys", err)
        SPILLED.append("x%d: %s" % (n, ", ".join(
            "%s (%s)" % (f, "one reading" if t == "once" else "%s readings" % t.split()[0])
            for f, t in spilled) if spilled else "none"))
        # what the memory budget costs: at x100 and x1000 four times the
        # default (x100 then read in memory), at x1000 every key in memory
        for m in {100: ("32M",), 1000: ("32M", "4G")}.get(n, ()):
            walls, rss, _ = repeat(cmd + ["--memory", m], runs)
            stage_rows(results, n, "figures (ETL), --memory " + m, nbytes, rows, walls, rss)
        stage_rows(results, n, "openssl dgst -sha256", nbytes, rows, swalls, srss)
        table = read_table(prov)
        if base is None:
            base = (n, table)
        else:
            bad = check_scaled(base[1], table, n // base[0])
            notes.append("x%d: %s" % (n, "every figure as expected (counts x%d, rates equal)"
                                      % (n // base[0]) if not bad else
                                      "%d figures differ: %s" % (len(bad), "; ".join(bad[:5]))))

        ntab = sum(1 for _ in open(prov)) - 1
        cmd = [os.path.join(BIN, "carnet-xlsx"), "--layout", os.path.join(ROOT, "layouts", YEAR),
               "--figures", prov, "--quality", qual, "--hr-detail", hr, "--out", o]
        walls, rss, _ = repeat(cmd, runs)
        stage_rows(results, n, "workbooks", size([prov, qual, hr]), ntab, walls, rss)

        cmd = [os.path.join(BIN, "carnet-pdf"), "--layout", os.path.join(ROOT, "layouts", YEAR),
               "--figures", prov, "--fonts", os.path.join(ROOT, "fonts"),
               "-o", os.path.join(o, "carnet.pdf")]
        walls, rss, _ = repeat(cmd, runs)
        stage_rows(results, n, "PDF", size([prov]), ntab, walls, rss)

        # the whole build as a service runs it: figures, both workbooks,
        # both PDF editions and the web edition; its peak RSS is its
        # largest stage's (they run one after another, or side by side
        # as separate processes: time reports the largest)
        whole = os.path.join(o, "build")
        cmd = [os.path.join(BIN, "carnet"), "build", "--in", d, "--year", YEAR,
               "--layout", os.path.join(ROOT, "layouts", YEAR), "--out", whole]
        walls, rss, _ = repeat(cmd, max(1, runs - 2),
                               prepare=lambda: shutil.rmtree(whole, ignore_errors=True))
        stage_rows(results, n, "whole build (carnet build)",
                   size(os.path.join(d, e) for e in EXPORTS), rows, walls, rss)


def stage_of(out):
    """Where make stages the outputs of a report published to out: each
    bench its own, so that one does not find the other's up to date."""
    return out + "-stage"


def make_cmd(out, layout, target="report-run"):
    # as `make report` runs it: the independent stages side by side
    # BUILD as make bench names it: the dependency files name their objects
    # so, and an absolute BUILD would leave them unread (stale objects)
    return ["make", "-C", ROOT, "-j2", "BUILD=" + os.path.relpath(BUILD, ROOT), "OUT=" + out,
            "STAGE=" + stage_of(out), "LAYOUT=" + layout, target]


def bench_report():
    """make report-run from the fixtures, all outputs removed before each
    run; then the rebuild after touching one text of a copy of the layout."""
    out = os.path.join(BUILD, "bench-out", "report")
    layout = os.path.join(BUILD, "bench-out", "layout")
    shutil.rmtree(layout, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "layouts", YEAR), layout)

    def clean():
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(stage_of(out), ignore_errors=True)
    full, full_rss, _ = repeat(make_cmd(out, layout), RUNS, prepare=clean)

    texts = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(layout)
                   for f in fs if f.endswith(".md"))
    text = texts[0]

    def touch():
        os.utime(text)
    # the edit loop as a service runs it: the public `make report` (its
    # package check a stamp), beside the stage it redoes (carnet editions:
    # both PDF editions and the web edition) run alone
    public = [a for a in make_cmd(out, layout, "report") if a != "-j2"]
    again, again_rss, (so, _) = repeat(public, RUNS, prepare=touch)
    redone = [s for s in ("figures", "xlsx", "editions") if ("carnet %s" % s) in so]
    common = ["--layout", layout, "--figures", os.path.join(stage_of(out), "figures.tsv"),
              "--labels", os.path.join(stage_of(out), "labels.tsv"), "--fonts",
              os.path.join(ROOT, "fonts"), "--cache", os.path.join(BUILD, "photos")]
    editions = [os.path.join(BIN, "carnet-editions")] + common + [
        "--screen", os.path.join(out, "a.pdf"), "--print", os.path.join(out, "b.pdf"),
        "--web", os.path.join(out, "web-alone")]
    stage = [os.path.join(BIN, "carnet-pdf")] + common
    alone, _, _ = repeat(editions, RUNS)
    screen, _, _ = repeat(stage + ["-o", os.path.join(out, "a.pdf")], RUNS)
    return (full, full_rss, again, again_rss, os.path.relpath(text, layout), redone,
            alone, screen)


def bench_photos():
    """The bundled layout with 44 camera photos (12 MP, about 4 MB each,
    made once by tests/tools/make_photos.py): both PDF editions and the
    web edition from an empty photo cache, then after touching one text;
    the sizes of the two editions, and where a cold run's time goes.
    Runs make, as a service does."""
    layout = os.path.join(BUILD, "bench-out", "photos-layout")
    out = os.path.join(BUILD, "bench-out", "photos-report")
    names = []
    for dp, _, fs in os.walk(os.path.join(ROOT, "layouts", YEAR, "textes")):
        for f in fs:
            with open(os.path.join(dp, f), encoding="utf-8") as t:
                names += re.findall(r"\]\(([a-z0-9-]+\.jpg)", t.read())
    stamp = os.path.join(layout, ".photos-made")
    if not os.path.exists(stamp):
        shutil.rmtree(layout, ignore_errors=True)
        shutil.copytree(os.path.join(ROOT, "layouts", YEAR), layout)
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "tests", "tools", "make_photos.py"),
                        os.path.join(layout, "images")] + [n + ":camera" for n in names], check=True)
        open(stamp, "w").close()
    else:   # the edition as it is now, the photos made before
        for f in ("edition.ini", "chiffres.csv", "libelles.csv", "graphiques.csv"):
            shutil.copy(os.path.join(ROOT, "layouts", YEAR, f), os.path.join(layout, f))
        shutil.rmtree(os.path.join(layout, "textes"))
        shutil.copytree(os.path.join(ROOT, "layouts", YEAR, "textes"), os.path.join(layout, "textes"))
    photos = size(os.path.join(layout, "images", n) for n in names)
    cache = os.path.join(BUILD, "photos")
    pdfs = [os.path.join(out, "carnet-%s.pdf" % YEAR), os.path.join(out, "carnet-%s-impression.pdf" % YEAR)]
    cmd = make_cmd(out, layout)
    shutil.rmtree(stage_of(out), ignore_errors=True)
    subprocess.run(cmd, check=True, capture_output=True)         # figures and workbooks

    def cold():
        # the photo cache and the three editions, staged and published
        shutil.rmtree(cache, ignore_errors=True)
        staged = [os.path.join(stage_of(out), os.path.basename(p)) for p in pdfs]
        for p in pdfs + staged:
            if os.path.exists(p):
                os.unlink(p)
        shutil.rmtree(os.path.join(stage_of(out), "web"), ignore_errors=True)
    runs = max(3, RUNS // 2)
    cold_w, cold_rss, _ = repeat(cmd, runs, prepare=cold)
    text = os.path.join(layout, "textes", "patrimoine", "01-vacance.md")
    warm_w, warm_rss, (so, _) = repeat(cmd, runs, prepare=lambda: os.utime(text))
    redone = [s for s in ("figures", "xlsx", "editions") if ("carnet %s" % s) in so]
    profile = editions_profile(layout, out, cache)
    # each edition alone, warm, as the stage takes it
    stage = []
    for extra in ([], ["--print"]):
        w, r, _ = repeat([os.path.join(BIN, "carnet-pdf")] + extra + [
            "--layout", layout, "--figures", os.path.join(stage_of(out), "figures.tsv"),
            "--fonts", os.path.join(ROOT, "fonts"), "--cache", cache,
            "-o", os.path.join(out, "stage.pdf")], runs)
        stage.append((w, r))
    return (len(names), photos, cold_w, cold_rss, warm_w, warm_rss, redone,
            [os.path.getsize(p) for p in pdfs], stage, profile)


def editions_profile(layout, out, cache):
    """Where a cold `carnet editions` spends its time, by shared object
    (perf's samples; None when perf cannot run here)."""
    if not shutil.which("perf"):
        return None
    o = os.path.join(BUILD, "bench-out", "perf-editions")
    shutil.rmtree(o, ignore_errors=True)
    os.makedirs(o)
    shutil.rmtree(cache, ignore_errors=True)
    rows = perf_report(o, [os.path.join(BIN, "carnet-editions"),
                           "--layout", layout, "--figures", os.path.join(stage_of(out), "figures.tsv"),
                           "--labels", os.path.join(stage_of(out), "labels.tsv"),
                           "--fonts", os.path.join(ROOT, "fonts"), "--cache", cache,
                           "--screen", os.path.join(o, "a.pdf"), "--print", os.path.join(o, "b.pdf"),
                           "--web", os.path.join(o, "web")], "dso")
    return [(share, dso) for share, dso in rows[:8]] if rows is not None else None


def perf_report(o, cmd, sort):
    """perf record of cmd into o, then perf report sorted by sort: the rows
    as (share, the sort's columns...), largest first; None when perf
    cannot run here."""
    data = os.path.join(o, "perf.data")
    rec = subprocess.run(["perf", "record", "-q", "-o", data] + cmd, capture_output=True, text=True)
    if rec.returncode != 0:
        return None
    rep = subprocess.run(["perf", "report", "-i", data, "--stdio", "--sort", sort],
                         capture_output=True, text=True).stdout
    rows = []
    for line in rep.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+(\S+)(?:\s+\[[.k]\]\s+(\S+))?", line)
        if m:
            rows.append((float(m.group(1)),) + tuple(g for g in m.groups()[1:] if g))
    return rows


def bench_callgrind():
    d = os.path.join(BUILD, "scaled", "x1")
    o = os.path.join(BUILD, "bench-out", "callgrind")
    os.makedirs(o, exist_ok=True)
    prof = os.path.join(o, "callgrind.out")
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + prof,
                    os.path.join(BIN, "carnet-figures"), "--in", d, "--year", YEAR,
                    "-o", os.path.join(o, "figures.tsv")],
                   check=True, capture_output=True)
    ann = subprocess.run(["callgrind_annotate", "--threshold=100", prof],
                         check=True, capture_output=True, text=True).stdout
    total = int(re.search(r"([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", ann).group(1).replace(",", ""))
    top = []
    for line in ann.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S+?):(\S+)", line)
        if m and len(top) < 12:
            top.append((int(m.group(1).replace(",", "")), float(m.group(2)),
                        m.group(4), os.path.basename(m.group(3))))
    return total, top


def bench_perf():
    """Where the ETL's time goes at the largest scale, by perf's sampling
    (None when perf cannot run here)."""
    n = max(SCALES)
    o = os.path.join(BUILD, "bench-out", "perf")
    os.makedirs(o, exist_ok=True)
    if not shutil.which("perf"):
        return n, None
    rows = perf_report(o, [os.path.join(BIN, "carnet-figures"),
                           "--in", os.path.join(BUILD, "scaled", "x%d" % n), "--year", YEAR,
                           "-o", os.path.join(o, "figures.tsv")], "dso,symbol")
    if rows is None:
        return n, None
    return n, [(r[0], r[2], r[1]) for r in rows if len(r) == 3][:12]


def timeline_section():
    """What bounds the ETL's time: its two cores' readings, one run by scale."""
    out = ["", "## What bounds the ETL: its readings on two cores", "",
           "`carnet figures -v` says when each export's reading began and ended, "
           "and its SHA-256, a job of its own (one run of each scale above, "
           "with the default budget): a job takes a free core, the one with the "
           "most time ahead first (its size times its source's cost a byte); the "
           "survey waits for the declared figures (its window), the training "
           "register for the HR register (its matricules). These jobs are what "
           "bounds the run: the rest is start-up and writing the outputs.", ""]
    for n in sorted(TIMELINE):
        if n < 100:
            continue
        wall, rows = TIMELINE[n]
        if not rows:
            continue
        out += ["x%d (ETL %s median; the last job ends at %s):" % (
            n, fmt_s(wall), fmt_s(max(max(r[3], r[5]) for r in rows))), "",
            "| export | MB | read from | to | reading | MB/s | SHA-256 from | to |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for f, mb, a, b, c, e in rows:
            out.append("| %s | %.1f | %.3f s | %.3f s | %.3f s | %.0f | %.3f s | %.3f s |" % (
                f, mb, a, b, b - a, mb / (b - a) if b > a else 0, c, e))
        out.append("")
    return out


def main():
    results, notes = [], []
    t0 = time.perf_counter()
    bench_scales(results, notes)
    full, full_rss, again, again_rss, text, redone, alone, screen = bench_report()
    photos = bench_photos()
    ir, top = bench_callgrind()
    perf_n, perf_top = bench_perf()
    took = time.perf_counter() - t0

    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/bench.py); do not edit by hand.",
        "",
        "Machine: " + machine() + ".",
        "",
        "Each stage runs as a whole process (start-up, fonts and all), %d times "
        "(3 at x1000); wall time by the clock around the process, peak RSS "
        "from `/usr/bin/time -v` (the largest of the runs). Throughput is over "
        "the median time, bytes of the stage's inputs. The ETL reads two exports at a time, "
        "one a core; `openssl dgst -sha256` over the same files, on one core, is the floor "
        "it is measured against: the two run in turn, %d pairs (%d at x1000)." % (RUNS, 2 * RUNS + 1, 2 * max(3, RUNS - 2) + 1),
        "",
        "## Stages by scale",
        "",
        "| scale | stage | input | rows | wall min | wall median | MB/s | rows/s | peak RSS |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, stage, nb, rows, mn, med, mbs, rps, rss in results:
        lines.append("| x%d | %s | %s | %s | %s | %s | %.1f | %s | %.1f MiB |" % (
            n, stage, "%.1f MB" % (nb / 1e6) if nb >= 1e5 else "%.0f kB" % (nb / 1e3),
            fmt_n(rows), fmt_s(mn), fmt_s(med), mbs, fmt_n(rps), rss / 1024))
    etl = [r for r in results if r[1] == "figures (ETL)"]
    lines += ["", "The ETL runs with its default memory budget (`--memory 8M`); exports "
              "read spilled (their key checks sorted on disk; a clean one read once, "
              "one whose checks find something to say again): " +
              "; ".join(SPILLED) + ". The `--memory 32M` rows give four times the default "
              "(x100's exports then read in memory, in hash tables), the `--memory 4G` row "
              "holds every key of x1000 in memory."]
    lines += ["", "ETL time over SHA-256 time, the median of the ratios of paired runs "
              "(an ETL run, then `openssl dgst -sha256` over the same files): " + ", ".join(
                  "x%d **%.2f×** (%d pairs)" % (n, r, k) for n, (r, k) in sorted(RATIO.items())) + "."]
    if len(etl) > 1:
        lo, hi = etl[1] if len(etl) > 2 else etl[0], etl[-1]
        lines += ["", "ETL peak RSS x%d → x%d: %.1f → %.1f MiB (%+.0f %%)." % (
            lo[0], hi[0], lo[8] / 1024, hi[8] / 1024, 100.0 * (hi[8] - lo[8]) / lo[8])]
    whole = [r for r in results if r[1] == "whole build (carnet build)"]
    if len(whole) > 1:
        lo, hi = whole[1] if len(whole) > 2 else whole[0], whole[-1]
        lines += ["", "Whole build (`carnet build`) peak RSS by scale: " + ", ".join(
            "x%d %.1f MiB" % (r[0], r[8] / 1024) for r in whole) +
            "; x%d → x%d %+.0f %% (targets: ≤ 80 MiB at x1000, within 10 %% from x10)." % (
            lo[0], hi[0], 100.0 * (hi[8] - lo[8]) / lo[8])]
        big = max((r for r in results if r[0] == hi[0] and r[1] != "whole build (carnet build)"
                   and not r[1].startswith("figures (ETL), --memory")), key=lambda r: r[8])
        lines += ["", "What bounds it: the stages run one after another, so the whole build's "
                  "peak is its largest stage's; at x%d that is the %s stage (%.1f MiB): %s." % (
                      hi[0], big[1], big[8] / 1024,
                      "fonts, cairo and the pages of a PDF, whatever the rows" if big[1] == "PDF" else
                      "its key checks, within the `--memory` budget" if big[1].startswith("figures")
                      else "its rows")]
    lines += timeline_section()
    lines += [
        "",
        "Scaled figures against x1: " + (" ".join(notes) if notes else "(one scale only)"),
        "",
        "## The bundled 2023 carnet",
        "",
        "`make report-run` from the fixtures after compilation (figures, both "
        "workbooks, the PDF; make itself included), every output removed before "
        "each run:",
        "",
        "| runs | wall min | wall median | peak RSS |",
        "|---:|---:|---:|---:|",
        "| %d | %s | %s | %.1f MiB |" % (len(full), fmt_s(min(full)), fmt_s(statistics.median(full)),
                                        full_rss / 1024),
        "",
        "The edit loop: `make report` (the public target, its package check a "
        "stamp) after touching one text (`%s`); make redid: **%s**. Beside it, the "
        "stage it redoes (`carnet editions`: both PDF editions and the web edition "
        "in one process) run alone, and the screen edition alone (`carnet pdf`):" % (
            text, ", ".join(redone) or "nothing"),
        "",
        "| what | runs | wall min | wall median |",
        "|---|---:|---:|---:|",
        "| `make report` after a text edit | %d | %s | %s |" % (
            len(again), fmt_s(min(again)), fmt_s(statistics.median(again))),
        "| `carnet editions` alone | %d | %s | %s |" % (
            len(alone), fmt_s(min(alone)), fmt_s(statistics.median(alone))),
        "| the screen edition alone | %d | %s | %s |" % (
            len(screen), fmt_s(min(screen)), fmt_s(statistics.median(screen))),
        "",
        "`make report` costs **%.2f×** the stage it redoes." % (
            statistics.median(again) / statistics.median(alone)),
        "",
    ]
    n, nbytes, cold_w, cold_rss, warm_w, warm_rss, predone, sizes, stage, profile = photos
    lines += [
        "## The 2023 carnet with its photos",
        "",
        "The bundled layout with %d camera photos of 12 MP (%.0f MB in all, made by "
        "`tests/tools/make_photos.py`), through `make report-run`: both PDF editions "
        "(screen at 150 ppi, print at 300 ppi) and the web edition (each photo at 640 "
        "and 1280 px), made by one `carnet editions` (each photo decoded once), from an empty "
        "photo cache, then after touching `textes/patrimoine/01-vacance.md` (make redid: "
        "**%s**). Targets: cold ≤ 3 s, rebuild ≤ 0,4 s, screen PDF ≤ 8 MB, print PDF ≤ "
        "30 MB, peak RSS ≤ 200 MB." % (n, nbytes / 1e6, ", ".join(predone) or "nothing"),
        "",
        "| build | runs | wall min | wall median | peak RSS |",
        "|---|---:|---:|---:|---:|",
        "| cold (no cached photo) | %d | %s | %s | %.1f MiB |" % (
            len(cold_w), fmt_s(min(cold_w)), fmt_s(statistics.median(cold_w)), cold_rss / 1024),
        "| after a text edit | %d | %s | %s | %.1f MiB |" % (
            len(warm_w), fmt_s(min(warm_w)), fmt_s(statistics.median(warm_w)), warm_rss / 1024),
        "| screen edition alone, warm | %d | %s | %s | %.1f MiB |" % (
            len(stage[0][0]), fmt_s(min(stage[0][0])), fmt_s(statistics.median(stage[0][0])),
            stage[0][1] / 1024),
        "| print edition alone, warm | %d | %s | %s | %.1f MiB |" % (
            len(stage[1][0]), fmt_s(min(stage[1][0])), fmt_s(statistics.median(stage[1][0])),
            stage[1][1] / 1024),
        "",
        "Screen PDF: **%.1f MB**; print PDF: **%.1f MB**." % (sizes[0] / 1e6, sizes[1] / 1e6),
        "",
        "Against the same build with the bundled placeholders (`make report-run` above): "
        "cold **%.2f×** (target ≤ 3×), after a text edit **%.2f×** the placeholder "
        "build's edit loop (target ≤ 1,2×)." % (
            statistics.median(cold_w) / statistics.median(full),
            statistics.median(warm_w) / statistics.median(again)),
        "",
    ]
    if profile:
        lines += [
            "What a cold `carnet editions` spends its time in (perf, by shared object: "
            "libjpeg decodes and encodes, pixman resamples, the rest lays out and writes):",
            "",
            "| share | object |",
            "|---:|---|",
        ] + ["| %.1f %% | `%s` |" % (share, dso) for share, dso in profile] + [""]
    lines += [
        "## ETL instructions on x1 (callgrind)",
        "",
        "`valgrind --tool=callgrind carnet-figures` on the x1 exports: **%s "
        "instructions** in all. The functions with the most instructions of "
        "their own:" % fmt_n(ir),
        "",
        "| instructions | share | function | file |",
        "|---:|---:|---|---|",
    ]
    for n, pct, fn, f in top:
        lines.append("| %s | %.1f %% | `%s` | %s |" % (fmt_n(n), pct, fn, f))
    lines += ["", "An unnamed function of libcrypto at the top is SHA-256 run without "
              "the CPU's SHA instructions, which valgrind does not offer: natively it "
              "is a few per cent (below)."]
    if perf_top:
        lines += ["", "## Where the ETL's time goes on x%d (perf)" % perf_n, "",
                  "`perf record` over one run of `carnet-figures` on x%d; the largest "
                  "shares of samples:" % perf_n, "",
                  "| share | function | object |", "|---:|---|---|"]
        for pct, fn, obj in perf_top:
            lines.append("| %.1f %% | `%s` | %s |" % (pct, fn, obj))
    lines += ["", "The whole bench took %.0f s." % took, ""]
    path = os.path.join(ROOT, "bench", "RESULTS.md")
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    os.replace(path + ".tmp", path)
    print("bench: wrote bench/RESULTS.md in %.0f s" % took)


if __name__ == "__main__":
    main()
