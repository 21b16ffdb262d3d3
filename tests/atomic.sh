#!/bin/sh
# atomic.sh BIN — a run that is killed, or that runs out of room, leaves
# the previous outputs as they were.  Prints "atomic: N passed, N failed".
set -u
bin=${1:?usage: tests/atomic.sh BIN}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

o=$tmp/o
mkdir -p "$o" "$tmp/s"
"$bin/carnet" figures --in fixtures/2023 --year 2023 --provenance "$tmp/s/p.tsv" \
	--quality "$tmp/s/q.tsv" --hr-detail "$tmp/s/h.tsv" >/dev/null 2>&1 || bad "fixtures"

# intact NAME — every file of $o still says "keep", and no .tmp is left
# except after a kill (where nobody can remove it).
intact() {
	for f in "$o"/*; do
		case $f in *.tmp) [ "${2:-}" = killed ] && continue ;; esac
		[ "$(cat "$f")" = keep ] || { bad "$1: $(basename "$f") changed"; return; }
	done
	ok
}

keep() {
	rm -f "$o"/*
	for f in figures.tsv provenance.tsv carnet-2023.xlsx effectifs-2023.xlsx; do
		echo keep >"$o/$f"
	done
}

# killed NAME FILE CMD... — runs CMD with every read of FILE slowed to
# 3 s (strace's fault injection: inputs must be regular files, so a
# FIFO cannot hold the reader), kills it with SIGKILL half-way, and checks
# that it was still running then.  (LeakSanitizer cannot run under
# ptrace: leak checks are off for what strace runs.)
killed() {
	name=$1 file=$2; shift 2
	ASAN_OPTIONS=detect_leaks=0 strace -f -qq -o /dev/null -P "$file" -e trace=read \
		-e inject=read:delay_enter=3000000 "$@" 2>/dev/null &
	spid=$!
	sleep 1
	pkill -KILL -P $spid && ok || bad "$name: over before it was killed"
	wait $spid 2>/dev/null
}

# ---- killed in the middle of reading an export ----
keep
killed "figures killed" "$PWD/fixtures/2023/rh_effectifs.csv" "$bin/carnet-figures" \
	--in fixtures/2023 --year 2023 -o "$o/figures.tsv" --provenance "$o/provenance.tsv"
intact "figures killed" killed

# ---- killed while the workbook stage reads its input ----
keep
killed "xlsx killed" "$tmp/s/p.tsv" "$bin/carnet-xlsx" --layout layouts/2023 \
	--figures "$tmp/s/p.tsv" --quality "$tmp/s/q.tsv" --hr-detail "$tmp/s/h.tsv" --out "$o"
intact "xlsx killed" killed

# ---- no room left: a file size limit ----
keep
(ulimit -f 8; "$bin/carnet" figures --in fixtures/2023 --year 2023 \
	-o "$o/figures.tsv" --provenance "$o/provenance.tsv" 2>"$tmp/err"; echo $? >"$tmp/rc")
[ "$(cat "$tmp/rc")" = 2 ] && ok || bad "full disk figures: exit $(cat "$tmp/rc")"
grep -q "^carnet figures: $o/[a-z]*.tsv.tmp: cannot write: File too large$" "$tmp/err" \
	&& ok || bad "full disk figures: message"
intact "full disk figures"
keep
(ulimit -f 20; "$bin/carnet" xlsx --layout layouts/2023 --figures "$tmp/s/p.tsv" \
	--quality "$tmp/s/q.tsv" --hr-detail "$tmp/s/h.tsv" --out "$o" 2>"$tmp/err"; echo $? >"$tmp/rc")
[ "$(cat "$tmp/rc")" = 2 ] && ok || bad "full disk xlsx: exit $(cat "$tmp/rc")"
grep -q "^carnet xlsx: $o/carnet-2023.xlsx.tmp: cannot write the workbook" "$tmp/err" \
	&& ok || bad "full disk xlsx: message"
intact "full disk xlsx"

# ---- and a run with room replaces them ----
expect_status "complete run" 0 "$bin/carnet" xlsx --layout layouts/2023 \
	--figures "$tmp/s/p.tsv" --quality "$tmp/s/q.tsv" --hr-detail "$tmp/s/h.tsv" --out "$o"
[ "$(head -c 2 "$o/carnet-2023.xlsx")" = PK ] && ok || bad "complete run: no workbook"
ls "$o" | grep -q '\.tmp$' && bad "complete run: a temporary file is left" || ok

# ---- carnet build: every output replaced, or none ----
B=$tmp/build
expect_status "build" 0 "$bin/carnet" build --in fixtures/2023 --year 2023 --out "$B"
# sums: every file of the last build, the stages' own files included
sums() { (cd "$B" && find . -type f | LC_ALL=C sort | xargs sha256sum); }
sums >"$tmp/before"
[ "$(wc -l <"$tmp/before")" -gt 20 ] && ok || bad "build: too few outputs"
# after_failed NAME — nothing of the last build changed, nothing left over
after_failed() {
	sums >"$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" && ok || { bad "$1: the last build changed"; diff "$tmp/before" "$tmp/after" | head -5 >&2; }
	[ -z "$(find "$B" -name 'next' -o -name '*tmp*')" ] \
		&& ok || bad "$1: a temporary is left"
}
# a bad placeholder: the figures and workbooks were made, the PDF failed
L=$tmp/layout
cp -r layouts/2023 "$L"
printf '\nUn chiffre : {{rh.inconnu}}.\n' >>"$L/textes/rh/03-bureaux.md"
expect_status "build, bad placeholder" 1 "$bin/carnet" build --in fixtures/2023 --year 2023 \
	--out "$B" --layout "$L"
after_failed "bad placeholder"
# a bad photo: the screen PDF fails
rm -rf "$L" && cp -r layouts/2023 "$L"
head -c 3000 /dev/urandom >"$L/images/cassee.jpg"
printf '\n![Cassée](cassee.jpg)\n' >>"$L/textes/rh/03-bureaux.md"
expect_status "build, bad photo" 1 "$bin/carnet" build --in fixtures/2023 --year 2023 \
	--out "$B" --layout "$L"
after_failed "bad photo"
# a full disk (a file size limit) once the workbooks are written
(ulimit -f 200; "$bin/carnet" build --in fixtures/2023 --year 2023 --out "$B" >/dev/null 2>&1; echo $? >"$tmp/rc")
[ "$(cat "$tmp/rc")" != 0 ] && ok || bad "build, full disk: exit 0"
after_failed "full disk"
# killed, every process of it, while the screen PDF reads a text
ASAN_OPTIONS=detect_leaks=0 setsid strace -f -qq -o /dev/null -P "$PWD/layouts/2023/textes/rh/03-bureaux.md" -e trace=read \
	-e inject=read:delay_enter=3000000 \
	"$bin/carnet" build --in fixtures/2023 --year 2023 --out "$B" >/dev/null 2>&1 &
spid=$!
sleep 2
/bin/kill -s KILL -- -$spid 2>/dev/null && ok || bad "build killed: over before it was killed"
wait $spid 2>/dev/null
# (what it had staged stays in .carnet-2023/next/: nobody can remove it)
sums | grep -v '^[0-9a-f]*  \./\.carnet-2023/next/' >"$tmp/after"
cmp -s "$tmp/before" "$tmp/after" && ok || bad "build killed: the last build changed"
# the next build clears what the killed one left, and replaces all
expect_status "build after a kill" 0 "$bin/carnet" build --in fixtures/2023 --year 2023 --out "$B"
[ ! -e "$B/.carnet-2023/next" ] && ok || bad "build after a kill: next/ left"
# an output that would be an input: refused before anything is made
expect_status "build into the exports" 2 "$bin/carnet" build --in "$B" --year 2023 --out "$B"
grep -q "an output may not be or lie inside an input" "$tmp/err" && ok || bad "build into the exports: message"

finish atomic
