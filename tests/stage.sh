#!/bin/sh
# stage.sh BIN — runs the front command and the figures stage of BIN on
# the fixtures and on bad inputs, and checks their outputs, messages and
# exit codes.  Prints "stage: N passed, N failed"; exits 1 on a failure.
set -u
bin=${1:?usage: tests/stage.sh BIN}
cd "$(dirname "$0")/.." || exit 2     # paths below are from the repository
. tests/lib.sh

# ---- the front command ----------------------------------------------------

expect_status "version" 0 "$bin/carnet" --version
grep -qx 'carnet [0-9.]*' "$tmp/out" && ok || bad "version: $(cat "$tmp/out")"
expect_status "help" 0 "$bin/carnet" --help
grep -q 'build    run the whole pipeline' "$tmp/out" && ok || bad "help text"
expect_status "unknown command" 2 "$bin/carnet" frobnicate
expect_err "unknown command" "carnet: unknown command 'frobnicate' (see carnet --help)"
expect_status "figures without --in" 2 "$bin/carnet" figures
expect_status "missing folder" 2 "$bin/carnet" figures --in "$tmp/nowhere" --year 2023
expect_err "missing folder" "carnet figures: $tmp/nowhere: not a folder"

# a year is four digits, nothing around them
for y in "2023abc" " 2023" "+2023" "23" "20230"; do
	expect_status "figures --year '$y'" 2 "$bin/carnet" figures --in fixtures/2023 --year "$y"
	expect_err "figures --year '$y'" "carnet figures: invalid year '$y'"
	expect_status "build --year '$y'" 2 "$bin/carnet" build --in fixtures/2023 --year "$y" --out "$tmp/y"
	expect_err "build --year '$y'" "carnet build: --year: '$y' is not a year (four digits)"
	[ ! -e "$tmp/y" ] && ok || bad "build --year '$y': $tmp/y made"
done

# carnet build runs the whole pipeline without make
expect_status "build" 0 "$bin/carnet" build --in fixtures/2023 --year 2023 --out "$tmp/build"
[ -s "$tmp/build/figures-2023.tsv" ] && [ -s "$tmp/build/.carnet-2023/quality.tsv" ] \
	&& ok || bad "build: no figures table in --out"
[ -s "$tmp/build/carnet-2023.xlsx" ] && [ -s "$tmp/build/effectifs-2023.xlsx" ] \
	&& ok || bad "build: no workbooks in --out"
[ "$(head -c 5 "$tmp/build/carnet-2023.pdf")" = "%PDF-" ] && ok || bad "build: no PDF in --out"

# ---- the figures of the fixtures ------------------------------------------

expect_status "fixtures" 0 "$bin/carnet" figures --in fixtures/2023 --year 2023 -v
cp "$tmp/out" "$tmp/figures.tsv"
for f in rh_effectifs rh_formations insertion enquete_satisfaction flotte chiffres_cles; do
	grep -q "^carnet figures: fixtures/2023/$f\.csv: [0-9][0-9]* rows read, 0 rejected" "$tmp/err" \
		&& ok || bad "fixtures: no row count for $f.csv"
done
[ "$(head -1 "$tmp/figures.tsv")" = "$(printf 'indicator\tdimensions\tvalue\tunit')" ] \
	&& ok || bad "figures: header line"
# every id figures.md fixes is in the table
for id in rh.effectif rh.etp rh.part_femmes rh.part_hommes rh.part_proximite \
	rh.part_categorie rh.part_femmes_categorie rh.age_moyen rh.part_moins_35 \
	rh.pyramide rh.recrutements rh.departs rh.promotions rh.rqth \
	rh.postes_amenages formation.salaries_formes formation.heures \
	insertion.operations insertion.heures insertion.cddi \
	insertion.sorties_emploi enquete.entretiens enquete.satisfaction \
	flotte.vehicules flotte.part_faibles_emissions flotte.nouveaux; do
	grep -q "^$id	" "$tmp/figures.tsv" && ok || bad "figures: no $id"
done
# sorted by indicator then dimensions, bytewise
tail -n +2 "$tmp/figures.tsv" | cut -f1,2 >"$tmp/keys"
LC_ALL=C sort -c "$tmp/keys" 2>/dev/null && ok || bad "figures: not sorted"
# both years of a figure declared for two
grep -q "^solidarite.expulsions	annee=2022	43	" "$tmp/figures.tsv" && ok || bad "figures: 2022 evictions"
grep -q "^rh.effectif		820	salariés$" "$tmp/figures.tsv" && ok || bad "figures: headcount line"

# the exact format on a small folder
expect_status "fleet table" 0 "$bin/carnet" figures --in tests/data/etl/fleet --year 2023
expect_same "fleet table" tests/golden/figures-fleet.tsv "$tmp/out"

# ---- what is not a regular file is refused at once, never read ----------
F=$tmp/notfiles
cp -r fixtures/2023 "$F"
rm "$F/flotte.csv" && mkfifo "$F/flotte.csv"
expect_status "FIFO export" 2 timeout 60 "$bin/carnet" figures --in "$F" --year 2023
expect_err "FIFO export" "carnet figures: $F/flotte.csv: cannot open: is not a regular file (a FIFO, a socket or a device)"
rm "$F/flotte.csv" && ln -s "$PWD/fixtures/2023/flotte.csv" "$F/flotte.csv"
expect_status "linked export" 2 "$bin/carnet" figures --in "$F" --year 2023
expect_err "linked export" "carnet figures: $F/flotte.csv: cannot open: is a symbolic link: put the file itself there"
rm "$F/flotte.csv" && mkdir "$F/flotte.csv"
expect_status "folder export" 2 "$bin/carnet" figures --in "$F" --year 2023
expect_err "folder export" "carnet figures: $F/flotte.csv: cannot open: is a folder, not a file"
rmdir "$F/flotte.csv" && truncate -s 1G "$F/flotte.csv"
expect_status "sparse export" 1 "$bin/carnet" figures --in "$F" --year 2023
expect_err "sparse export" "carnet figures: $F/flotte.csv:1: NUL byte in the file (a UTF-16 or binary file?)"
rm "$F/flotte.csv"

# ---- control and bidi override characters: a located warning, dropped ----
C=$tmp/controls
cp -r fixtures/2023 "$C"
$py - "$C/enquete_satisfaction.csv" <<'EOF'
import sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read()
# the first spelling of a direction, with ESC, a C1 control and an RLO
t = t.replace("Écluses du Nord", "Écluses\x1b du\u0085 Nord\u202e", 1)
open(p, "w", encoding="utf-8").write(t)
EOF
expect_status "controls in an export" 0 "$bin/carnet" figures --in "$C" --year 2023 \
	-o "$tmp/c.tsv" --labels "$tmp/labels.tsv"
grep -q "^carnet figures: $C/enquete_satisfaction.csv:2:3: warning: control or bidi override characters dropped" \
	"$tmp/err" && ok || { bad "controls: no located warning"; grep -i control "$tmp/err" >&2; }
grep -qx "ecluses_du_nord	Écluses du Nord" "$tmp/labels.tsv" && ok || bad "controls: the label keeps them"
LC_ALL=C grep -q "$(printf '\033')" "$tmp/labels.tsv" && bad "controls: ESC in the labels" || ok

# ---- the same data written by other software gives the same table ---------

$py tests/tools/reencode.py fixtures/2023 "$tmp/reencoded"
expect_status "re-encoded" 0 "$bin/carnet" figures --in "$tmp/reencoded" --year 2023 -v
expect_same "re-encoded" "$tmp/figures.tsv" "$tmp/out"
grep -q "rh_effectifs.csv: 897 rows read, 0 rejected (UTF-8, ',', LF)" "$tmp/err" \
	&& ok || bad "re-encoded: not read as UTF-8 with ','"

# ---- outputs: provenance, quality, privacy ----------------------------------

mkdir "$tmp/o"
expect_status "outputs" 0 "$bin/carnet" figures --in fixtures/2023 --year 2023 \
	-o "$tmp/o/figures.tsv" --provenance "$tmp/o/provenance.tsv" \
	--quality "$tmp/o/quality.tsv"
cp "$tmp/err" "$tmp/o/stderr.txt"
expect_same "-o" "$tmp/figures.tsv" "$tmp/o/figures.tsv"
[ ! -s "$tmp/out" ] && ok || bad "outputs: stdout not empty with -o"
sha=$(sha256sum fixtures/2023/flotte.csv | cut -d' ' -f1)
grep -q "^flotte.vehicules		90	véhicules	flotte.csv	$sha	95	0	0	distinct plates" "$tmp/o/provenance.tsv" \
	&& ok || bad "provenance: flotte.vehicules line"
# every warning, its kinds counted first
sed -n 2,3p "$tmp/o/quality.tsv" >"$tmp/kinds"
# the report is French, whatever the terminal speaks (LC_MESSAGES=C here)
printf 'kind\tfixtures/2023/rh_formations.csv\t0\t0\t6 × session écartée\302\240: date hors de … dans «\302\240Date\302\240»\nkind\tfixtures/2023/insertion.csv\t0\t0\t10 × compté comme sorti vers l’emploi, bien que le contrat dure au-delà du 31/12/…, dans «\302\240Sortie emploi\302\240»\n' \
	>"$tmp/kinds.want"
expect_same "quality: kinds first" "$tmp/kinds.want" "$tmp/kinds"
[ "$(grep -c '^warning	fixtures/2023/insertion.csv' "$tmp/o/quality.tsv")" = 10 ] && ok \
	|| bad "quality: not every warning"
grep -q "^warning	fixtures/2023/controles.csv	3	0	Parc individuel" "$tmp/o/quality.tsv" \
	&& ok || bad "quality: the failed rule is not shown"
grep -q "^ok	fixtures/2023/controles.csv	2	0	Logements collectifs" "$tmp/o/quality.tsv" \
	&& ok || bad "quality: the rule that holds is not shown"
ls "$tmp/o" | grep -q '\.tmp$' && bad "outputs: a temporary file is left" || ok
if $py tests/tools/personal_values.py fixtures/2023 "$tmp/o"/* >"$tmp/leaks" 2>/dev/null; then ok; else
	bad "privacy: personal values in the outputs"; head "$tmp/leaks" >&2
fi

# ---- strict mode and bad data: exit 1, nothing written ---------------------

echo keep >"$tmp/o/figures.tsv"
expect_status "strict" 1 "$bin/carnet" figures --in fixtures/2023 --year 2023 \
	--strict -o "$tmp/o/figures.tsv"
grep -q "^carnet figures: --strict: 16 warnings and 1 failed checks count as errors$" "$tmp/err" \
	&& ok || bad "strict: message"
[ "$(cat "$tmp/o/figures.tsv")" = keep ] && ok || bad "strict: the previous output was touched"

mkdir "$tmp/in"
cp fixtures/2023/*.csv "$tmp/in/"
printf 'matricule;sexe;date_naissance;date_entree;type_contrat;categorie;proximite;direction\nZ9;F;01/01/1980;31/02/2023;CDI;Cadre;N;Siège\nZ8;F;31/02/1981;01/01/2020;CDI;Cadre;N;Siège\n' \
	>"$tmp/in/rh_effectifs.csv"
expect_status "bad date" 1 "$bin/carnet" figures --in "$tmp/in" --year 2023 -o "$tmp/o/figures.tsv"
expect_err "bad date" "carnet figures: $tmp/in/rh_effectifs.csv:2:4: invalid date '31/02/2023' in 'date_entree': no such day in that month"
expect_err "bad birth date" "carnet figures: $tmp/in/rh_effectifs.csv:3:3: invalid date in 'date_naissance': no such day in that month"
# (the temporary folder's random name left out: it may hold "Z8")
sed "s|$tmp||g" "$tmp/err" | grep -q 'Z9\|Z8\|1980\|1981' && bad "bad date: a personal value is in the message" || ok
[ "$(cat "$tmp/o/figures.tsv")" = keep ] && ok || bad "bad date: the previous output was touched"
[ ! -e "$tmp/o/figures.tsv.tmp" ] && ok || bad "bad date: a temporary file is left"

finish stage
