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

# ---- killed in the middle of reading an export ----
keep
rm -rf "$tmp/in"; cp -r fixtures/2023 "$tmp/in"
rm "$tmp/in/rh_effectifs.csv"; mkfifo "$tmp/in/rh_effectifs.csv"
"$bin/carnet" figures --in "$tmp/in" --year 2023 -o "$o/figures.tsv" \
	--provenance "$o/provenance.tsv" 2>/dev/null &
pid=$!
exec 3>"$tmp/in/rh_effectifs.csv"      # the reader now waits for more rows
head -3 fixtures/2023/rh_effectifs.csv >&3
sleep 0.3
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
exec 3>&-
intact "figures killed" killed

# ---- killed while the workbook stage reads its input ----
keep
mkfifo "$tmp/fifo.tsv"
"$bin/carnet" xlsx --layout layouts/2023 --figures "$tmp/fifo.tsv" \
	--quality "$tmp/s/q.tsv" --hr-detail "$tmp/s/h.tsv" --out "$o" 2>/dev/null &
pid=$!
exec 3>"$tmp/fifo.tsv"
head -5 "$tmp/s/p.tsv" >&3
sleep 0.3
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
exec 3>&-
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

finish atomic
