#!/bin/sh
# bad.sh BIN — the bad-input corpus: every file of tests/bad/ replaces one
# export of the fixtures (or one file of the 2023 layout), and the real
# program must exit with the status of tests/bad/expected.tsv, say its
# message (file:line:column), leave the previous outputs untouched and no
# temporary file, and quote no personal value (tests/bad/personal.txt).
# An export's defect gives the same messages and status with --memory 1M
# and with --memory 16k (its key checks sorted on disk: etl/keycheck.h).
# Prints "bad-inputs: N passed, N failed".
set -u
bin=${1:?usage: tests/bad.sh BIN}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

s=$tmp/stage
mkdir -p "$s"
"$bin/carnet" figures --in fixtures/2023 --year 2023 -o "$s/table.tsv" \
	--provenance "$s/figures.tsv" --quality "$s/quality.tsv" \
	--hr-detail "$s/hr-detail.tsv" 2>/dev/null || bad "the fixtures do not pass"

# run NAME REPLACES — runs the stage that reads REPLACES, with the bad
# file in its place; outputs go to $tmp/o, which holds "keep" files (the
# PDF stage writes over one of them).
run() {
	rm -rf "$tmp/in" "$tmp/layout" "$tmp/o"
	cp -r fixtures/2023 "$tmp/in"
	cp -r layouts/2023 "$tmp/layout"
	mkdir "$tmp/o"
	for f in figures.tsv provenance.tsv quality.tsv detail.tsv carnet-2023.xlsx effectifs-2023.xlsx; do
		echo keep >"$tmp/o/$f"
	done
	case $2 in
	pdf:*)                          # a layout file the PDF stage judges
		cp "$1" "$tmp/layout/${2#pdf:}"
		"$bin/carnet" pdf --layout "$tmp/layout" --figures "$s/figures.tsv" \
			--fonts fonts -o "$tmp/o/carnet-2023.xlsx" >"$tmp/out" 2>"$tmp/err" ;;
	textes/*)
		cp "$1" "$tmp/layout/$2"
		"$bin/carnet" pdf --layout "$tmp/layout" --figures "$s/figures.tsv" \
			--fonts fonts -o "$tmp/o/carnet-2023.xlsx" >"$tmp/out" 2>"$tmp/err" ;;
	previous)                       # last edition's figures table
		"$bin/carnet" figures --in "$tmp/in" --year 2023 -o "$tmp/o/figures.tsv" \
			--provenance "$tmp/o/provenance.tsv" --quality "$tmp/o/quality.tsv" \
			--hr-detail "$tmp/o/detail.tsv" --previous "$1" >"$tmp/out" 2>"$tmp/err" ;;
	edition.ini|chiffres.csv|graphiques.csv|libelles.csv)
		cp "$1" "$tmp/layout/$2"
		"$bin/carnet" xlsx --layout "$tmp/layout" --figures "$s/figures.tsv" \
			--quality "$s/quality.tsv" --hr-detail "$s/hr-detail.tsv" \
			--out "$tmp/o" >"$tmp/out" 2>"$tmp/err" ;;
	*)
		cp "$1" "$tmp/in/$2"
		"$bin/carnet" figures --in "$tmp/in" --year 2023 -o "$tmp/o/figures.tsv" \
			--provenance "$tmp/o/provenance.tsv" --quality "$tmp/o/quality.tsv" \
			--hr-detail "$tmp/o/detail.tsv" >"$tmp/out" 2>"$tmp/err" ;;
	esac
	echo $?
}

# check NAME WANT_EXIT MESSAGE GOT_EXIT
check() {
	[ "$4" = "$2" ] && ok || bad "$1: exit $4, want $2"
	want=$(printf '%s' "$3" | sed "s|{in}|$tmp/in|; s|{layout}|$tmp/layout|; s|{bad}|tests/bad|")
	grep -qxF -- "$want" "$tmp/err" && ok || {
		bad "$1: stderr lacks: $want"; sed 's/^/  | /' "$tmp/err" >&2; }
	for f in "$tmp/o"/*; do
		[ "$(cat "$f")" = keep ] || { bad "$1: $(basename "$f") was written"; break; }
	done
	ls "$tmp/o" "$tmp/in" | grep -q '\.tmp$' && bad "$1: a temporary file is left" || ok
	if grep -qFf tests/bad/personal.txt "$tmp/err"; then
		bad "$1: a personal value is in the messages"; grep -Ff tests/bad/personal.txt "$tmp/err" >&2
	else ok; fi
}

# same_spilled NAME STATUS — the figures stage, run again on $tmp/in with
# small memory budgets, says what the run just checked said.
same_spilled() {
	cp "$tmp/err" "$tmp/err.memory"
	for m in 1M 16k; do
		mkdir -p "$tmp/o.$m"
		"$bin/carnet" figures --in "$tmp/in" --year 2023 --memory $m -o "$tmp/o.$m/figures.tsv" \
			--provenance "$tmp/o.$m/provenance.tsv" --quality "$tmp/o.$m/quality.tsv" \
			--hr-detail "$tmp/o.$m/detail.tsv" >/dev/null 2>"$tmp/err.$m"
		[ $? = "$2" ] && ok || bad "$1, --memory $m: another exit status"
		cmp -s "$tmp/err.memory" "$tmp/err.$m" && ok ||
			{ bad "$1, --memory $m: other messages"; diff "$tmp/err.memory" "$tmp/err.$m" | head -5 >&2; }
	done
}

n=0
tab=$(printf '\t')
while IFS=$tab read -r name replaces status message; do
	[ "$name" = file ] && continue
	n=$((n + 1))
	got=$(run "tests/bad/$name" "$replaces")
	check "$name" "$status" "$message" "$got"
	case $replaces in rh_*|insertion.csv|enquete_*|flotte.csv|chiffres_cles.csv|controles.csv)
		same_spilled "$name" "$got" ;; esac
done <tests/bad/expected.tsv

# Two defects too big to keep in the repository, made here: a 5 MB field
# on one line, and one spread over many lines inside quotes.
head -1 tests/bad/rh_31_february.csv >"$tmp/big1.csv"
{ printf 'M000003;'; head -c 5000000 /dev/zero | tr '\0' 'x'; printf ';Luc;H;01/01/1980;01/01/2010;;;CDI;Cadre;N;100;Siège;N;N;\r\n'; } >>"$tmp/big1.csv"
got=$(run "$tmp/big1.csv" rh_effectifs.csv); n=$((n + 1))
check "5 MB field" 1 "carnet figures: {in}/rh_effectifs.csv:2: line longer than 1048576 bytes" "$got"
head -1 tests/bad/rh_31_february.csv >"$tmp/big2.csv"
{ printf 'M000003;"'; i=0; while [ $i -lt 2000 ]; do printf '%0100d\n' 0; i=$((i + 1)); done
  printf '";Luc;H;01/01/1980;01/01/2010;;;CDI;Cadre;N;100;Siège;N;N;\r\n'; } >>"$tmp/big2.csv"
got=$(run "$tmp/big2.csv" rh_effectifs.csv); n=$((n + 1))
check "a field over many lines" 1 "carnet figures: {in}/rh_effectifs.csv:2:2: field longer than 65536 bytes" "$got"

[ "$n" -ge 40 ] && ok || bad "only $n bad inputs"
finish bad-inputs
