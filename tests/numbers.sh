#!/bin/sh
# numbers.sh BIN — numbers at every precision through every stage
# (exports.md: numbers; figures.md: values at full precision).
#  - survey weights written with 19 significant digits and a decimal comma
#    give the same figures table, byte for byte, as the same doubles
#    written short;
#  - a figures table at 17 digits read as --previous gives, bit for bit,
#    the values of carnet's own (shortest) table read the same way, and
#    those are the values the table was made of;
#  - a declared 0,0000001 and 1e15-scale sums go through every stage
#    (figures, workbooks, both PDFs, web) and read back as --previous;
#    the workbooks' cells hold them.
# Prints "numbers: N passed, N failed".
set -u
bin=${1:?usage: tests/numbers.sh BIN}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
nd="$py tests/tools/number_dialects.py"

# ---- weights at 19 digits ---------------------------------------------------
$nd weights fixtures/2023 "$tmp/w" 2023 || bad "weights: cannot make the exports"
grep -q ';1,[0-9]\{18\};' "$tmp/w/long/enquete_satisfaction.csv" \
	&& ok || bad "weights: no 19-digit weight in the long export"
expect_status "short weights" 0 "$bin/carnet" figures --in "$tmp/w/short" --year 2023
cp "$tmp/out" "$tmp/short.tsv"
expect_status "19-digit weights" 0 "$bin/carnet" figures --in "$tmp/w/long" --year 2023
expect_same "19-digit weights" "$tmp/short.tsv" "$tmp/out"
# the weights count: the table is not the unweighted one
"$bin/carnet" figures --in fixtures/2023 --year 2023 >"$tmp/fixtures.tsv" 2>/dev/null
grep '^enquete.satisfaction	item=q_global	' "$tmp/out" >"$tmp/a"
grep '^enquete.satisfaction	item=q_global	' "$tmp/fixtures.tsv" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && bad "weights: drawn weights left the rate unchanged" || ok

# ---- a table read back as --previous ----------------------------------------
$nd digits17 "$tmp/fixtures.tsv" "$tmp/p17.tsv"
grep -q '	[0-9.]\{18,\}	%$' "$tmp/p17.tsv" && ok || bad "previous: no 17-digit value"
expect_status "previous at 17 digits" 0 "$bin/carnet" figures --in fixtures/2023 \
	--year 2023 --previous "$tmp/p17.tsv" --provenance "$tmp/with17.tsv" -o "$tmp/t17.tsv"
expect_status "previous as written" 0 "$bin/carnet" figures --in fixtures/2023 \
	--year 2023 --previous "$tmp/fixtures.tsv" --provenance "$tmp/withown.tsv" -o "$tmp/town.tsv"
# last year's rows carry the previous table's own SHA-256 (provenance)
sum=$(sha256sum "$tmp/fixtures.tsv" | cut -d' ' -f1)
awk -F'\t' -v s="$sum" '$2 ~ /^annee=2022/ && $5 == "fixtures.tsv" { n++; if ($6 != s) bad++ }
	END { exit !(n > 100 && !bad) }' "$tmp/withown.tsv" \
	&& ok || bad "previous: its rows lack the file's SHA-256"
# the same figures (the provenance columns name the two files)
cut -f1-4 "$tmp/withown.tsv" >"$tmp/a"
cut -f1-4 "$tmp/with17.tsv" >"$tmp/b"
expect_same "previous: 17 digits or shortest" "$tmp/a" "$tmp/b"
# last year's rows (annee=2022, not declared in chiffres_cles.csv) hold the
# table's own doubles
awk -F'\t' 'NR == 1 || ($2 ~ /^annee=2022/ && $1 !~ /^solidarite/) {
	d = $2; sub(/^annee=2022,?/, "", d); print $1 "\t" d "\t" $3 "\t" $4 }' \
	"$tmp/withown.tsv" >"$tmp/last.tsv"
[ "$(wc -l <"$tmp/last.tsv")" -gt 100 ] && ok || bad "previous: last year's rows missing"
awk -F'\t' 'NR == FNR { want[$1 "\t" $2] = 1; next } FNR == 1 || ($1 "\t" $2) in want' \
	"$tmp/last.tsv" "$tmp/fixtures.tsv" >"$tmp/same.tsv"
$py tests/tools/number_dialects.py same "$tmp/same.tsv" "$tmp/last.tsv" \
	&& ok || bad "previous: values not read back bit for bit"

# ---- tiny and huge values through every stage --------------------------------
$nd tiny fixtures/2023 "$tmp/tiny" || bad "tiny: cannot make the exports"
expect_status "tiny build" 0 "$bin/carnet" build --in "$tmp/tiny" --year 2023 --out "$tmp/tb"
t="$tmp/tb/figures-2023.tsv"
grep -qx 'essai.minuscule		0.0000001	%' "$t" && ok || bad "tiny: 0,0000001 not written plain"
grep -qx 'essai.enorme		1500000000000000	€' "$t" && ok || bad "tiny: 1,5E+15"
grep -qx 'insertion.heures	type=chantier_ecole	2000000000005906	heures' "$t" \
	&& ok || bad "tiny: 1e15-scale sum of hours"
for f in carnet-2023.pdf carnet-2023-impression.pdf carnet-2023.xlsx web/index.html; do
	[ -s "$tmp/tb/$f" ] && ok || bad "tiny: no $f"
done
expect_status "tiny as previous" 0 "$bin/carnet" figures --in "$tmp/tiny" --year 2023 \
	--previous "$t" --provenance "$tmp/tp.tsv" -o /dev/null
grep -q '^essai.minuscule	annee=2022	0.0000001	%	' "$tmp/tp.tsv" && ok || bad "tiny: previous 0,0000001"
grep -q '^insertion.heures	annee=2022	2000000000061076	heures	' "$tmp/tp.tsv" \
	&& ok || bad "tiny: previous sum of hours"
$py - "$tmp/tb/carnet-2023.xlsx" <<'PY' && ok || bad "tiny: workbook cells"
import sys, openpyxl
src = openpyxl.load_workbook(sys.argv[1])["Sources"]
got = {(r[0], r[1] or ""): r[2] for r in src.iter_rows(values_only=True)}
assert got[("essai.minuscule", "")] == 1e-7, got[("essai.minuscule", "")]
assert got[("essai.enorme", "")] == 1.5e15
assert got[("insertion.heures", "type=chantier_ecole")] == 2000000000005906
PY

finish numbers
