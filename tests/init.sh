#!/bin/sh
# init.sh BIN — a new edition for an office that is not the bundled one
# (tests/tools/other_office.py: five directions of its own, other reasons,
# other declared figures, 2025): `carnet init` then `carnet build` with no
# edit, read back (its labels, its figures, no n.d.); last year beside this
# year (--previous: the workbook's 2024 column and change, an evolution
# placeholder, the quality report on a declared value that differs);
# --from an old edition, with its report of what no longer resolves; the
# layout kept without --force.  Prints "init: N passed, N failed".
set -u
bin=${1:?usage: tests/init.sh BIN}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

X=$tmp/exports
$py tests/tools/other_office.py "$X/2025" 2025 || bad "other_office 2025"
$py tests/tools/other_office.py "$X/2024" 2024 0.95 || bad "other_office 2024"

# ---- carnet init, then carnet build with no edit ----
L=$tmp/layouts/2025
expect_status "init" 0 "$bin/carnet" init --in "$X/2025" --year 2025 --out "$L" \
	--office "Habitat de la Vallée, OPH"
expect_err "init" "carnet init: $L is ready for 2025"
for f in edition.ini chiffres.csv libelles.csv graphiques.csv textes/edito.md textes/rh/01-effectif.md; do
	[ -s "$L/$f" ] && ok || bad "init: no $f"
done
grep -qx "direction;coeur_de_vallee;Cœur de Vallée" "$L/libelles.csv" && ok || bad "init: the directions as the exports spell them"
grep -qx "motif;fin_de_periode_d_essai;Fin de période d'essai" "$L/libelles.csv" && ok || bad "init: the reasons as the exports spell them"
grep -qx "annee=2025" "$L/edition.ini" && grep -q "^organisme=Habitat de la Vallée, OPH" "$L/edition.ini" \
	&& ok || bad "init: the year and the office"
grep -q "^patrimoine;patrimoine.jardins_partages;;" "$L/chiffres.csv" && ok || bad "init: a declared figure of its own"
grep -q "^rh;rh.effectif;direction=coeur_de_vallee;" "$L/chiffres.csv" && ok || bad "init: a breakdown"
# kept unless --force
echo mine >"$L/textes/edito.md"
for y in "2025abc" " 2025"; do
	expect_status "init --year '$y'" 2 "$bin/carnet" init --in "$X/2025" --year "$y" --out "$tmp/y"
	expect_err "init --year '$y'" "carnet init: --year: '$y' is not a year (four digits, 1900 to 2100)"
done
expect_status "init again" 2 "$bin/carnet" init --in "$X/2025" --year 2025 --out "$L"
expect_err "init again" "carnet init: $L exists: give --force to replace it"
[ "$(cat "$L/textes/edito.md")" = mine ] && ok || bad "init: an existing layout was touched"
expect_status "init --force" 0 "$bin/carnet" init --in "$X/2025" --year 2025 --out "$L" \
	--office "Habitat de la Vallée, OPH" --force
[ "$(cat "$L/textes/edito.md")" != mine ] && ok || bad "init --force kept the old layout"
# --out written with a slash: the layout there, its temporary twin gone
expect_status "init --out DIR/" 0 "$bin/carnet" init --in "$X/2025" --year 2025 --out "$tmp/slash/"
[ -s "$tmp/slash/edition.ini" ] && ! ls -a "$tmp" "$tmp/slash" | grep -q tmp-init && ok \
	|| bad "init --out DIR/: no layout, or a temporary folder left"

# the first edition of last year, then this year's beside it
expect_status "init 2024" 0 "$bin/carnet" init --in "$X/2024" --year 2024 \
	--out "$tmp/layouts/2024" --office "Habitat de la Vallée, OPH"
O=$tmp/builds
expect_status "build 2024" 0 "$bin/carnet" build --in "$X/2024" --year 2024 --out "$O/2024" \
	--layout "$tmp/layouts/2024"
# an evolution placeholder, as a service would write one
printf '\nL'"'"'effectif passe de {{rh.effectif | annee_precedente}} en {{annee_precedente}} à {{rh.effectif}} en {{annee}}, soit {{rh.effectif | evolution}} ; la part des femmes varie de {{rh.part_femmes | evolution}}.\n' \
	>>"$L/textes/rh/01-effectif.md"
expect_status "build 2025" 0 "$bin/carnet" build --in "$X/2025" --year 2025 --out "$O/2025" --layout "$L"
for f in carnet-2025.pdf carnet-2025-impression.pdf carnet-2025.xlsx effectifs-2025.xlsx figures-2025.tsv; do
	[ -s "$O/2025/$f" ] && ok || bad "build: no $f"
done
pdftotext "$O/2025/carnet-2025.pdf" - | sed 's/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g; s/\xc2\xad//g' \
	| tr '\n' ' ' | tr -s ' ' >"$tmp/text"
grep -q "n\.d\." "$tmp/text" && bad "build: n.d. in a first carnet" || ok
grep -q "PROJET" "$tmp/text" && bad "build: PROJET in an edition" || ok
for want in "Habitat de la Vallée, OPH" "Carnet de voyage(s)" "2025" "Les chiffres clés 2025" \
	    "6 400" "200" "L’effectif passe de 190 en 2024 à 200 en 2025, soit +5,3 %"; do
	grep -qF -- "$want" "$tmp/text" && ok || bad "pdftotext lacks: $want"
done
pdftotext "$O/2025/carnet-2025.pdf" - | grep -q "la part des femmes varie de [+−]\?[0-9],[0-9] pt\|la part des femmes varie de 0,0 pt" \
	&& ok || bad "an evolution in points for a percentage"
qpdf --check "$O/2025/carnet-2025.pdf" >/dev/null 2>&1 && ok || bad "qpdf --check"
$py tests/tools/pdf_ua.py "$O/2025/carnet-2025.pdf" >"$tmp/ua" 2>&1 && ok || { bad "PDF/UA-1 / PDF/A-2a"; cat "$tmp/ua" >&2; }
# the web edition of carnet build: another office's name and colours, last
# year's values as in the PDF
W=$O/2025/web
[ -s "$W/index.html" ] && [ -s "$W/rh.html" ] && [ -s "$W/carnet.css" ] && ok || bad "build: no web edition"
sed 's/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g; s/\xc2\xad//g' "$W/rh.html" >"$tmp/rh.html"
grep -qF "L’effectif passe de 190 en 2024 à 200 en 2025, soit +5,3 %" "$tmp/rh.html" \
	&& ok || bad "web: no evolution from last year"
grep -qF "Habitat de la Vallée, OPH" "$W/index.html" && ok || bad "web: not the office's name"
$py tests/tools/web_structure.py "$W" >"$tmp/structure" && ok || { bad "web structure (other office)"; cat "$tmp/structure" >&2; }
# its colours are not 2023's: contrast and the rest, in Chromium with axe
node tests/web/check.mjs "$W" "$tmp/shots" >"$tmp/browser" 2>&1 && ok \
	|| { bad "web (other office) in Chromium"; head -20 "$tmp/browser" >&2; }
# the workbook: its labels, its figures, last year beside this year
$py - "$O/2025/carnet-2025.xlsx" <<'EOF' && ok || bad "the 2025 workbook"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Ressources humaines"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
head = next(r for r in rows if r and r[0] == "Indicateur")
fail = []
if head[:6] != ["Indicateur", "Valeur", "Unité", "2024", "Évolution", "Source"]:
    fail.append(f"header {head}")
row = next((r for r in rows if r[0] == "Salariés en CDI ou CDD au 31 décembre"), None)
if not row or row[1] != 200 or row[3] != 190 or abs(row[4] - 10 / 190) > 1e-9:
    fail.append(f"headcount row {row}")
if not any(r[0] and "Cœur de Vallée" in str(r[0]) for r in rows):
    fail.append("no direction label")
if "PROJET" in str(ws["A1"].value):
    fail.append("PROJET in an edition")
q = [[c.value for c in r] for r in wb["Qualité des données"].iter_rows()]
if not any("déclaré 15 dans chiffres_cles.csv" in str(r[4]) for r in q):
    fail.append("the quality sheet does not say the declared 2024 value differs")
for f in fail:
    print("  " + f, file=sys.stderr)
sys.exit(1 if fail else 0)
EOF
grep -q "figures-2024.tsv.*solidarite.expulsions annee=2024.* vaut 12 dans la table de l’édition 2024 mais est déclaré 15 dans chiffres_cles.csv" \
	"$O/2025/.carnet-2025/quality.tsv" && ok || bad "quality: a declared value that differs from last year's table"
grep -q "^rh.effectif	annee=2024" "$O/2025/figures-2025.tsv" && bad "last year's figures in the public table" || ok
grep -q "^rh.effectif	annee=2024	190	salariés	figures-2024.tsv" "$O/2025/.carnet-2025/figures.tsv" \
	&& ok || bad "last year's figures not in the provenance table"

# ---- the first edition, as a reader looks at it ----
# every chart of graphiques.csv drawn once (its title in the PDF), a text
# for each loop that has figures, nothing of the bundled office, French
# typography, and pages that are not half empty
pdftotext -raw "$O/2025/carnet-2025.pdf" - | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g; s/\xc2\xad//g' >"$tmp/raw"
tail -n +2 "$L/graphiques.csv" | cut -d';' -f2 | sed "s/'/’/g" >"$tmp/charts"
[ "$(wc -l <"$tmp/charts")" -ge 8 ] && ok || bad "init: fewer than 8 charts in graphiques.csv"
while IFS= read -r title; do
	n=$(grep -cxF -- "$title" "$tmp/raw")
	[ "$n" = 1 ] && ok || bad "init: chart '$title' drawn $n times"
done <"$tmp/charts"
for word in "Terres & Toits" "Écluses du Nord" "Val de Lys" "Côte d'Opale" "Bassin minier" \
	    "location longue durée" "Liévin" "Béthune"; do
	grep -qiF -- "$word" "$tmp/raw" "$L"/textes/*/*.md "$L"/*.csv && bad "init: '$word' of the bundled office" || ok
done
for f in rh/01-effectif.md rh/04-formation.md insertion/01-heures.md qualite/01-enquete.md \
	 qualite/02-directions.md qualite/03-flotte.md patrimoine/01-en-chiffres.md; do
	[ -s "$L/textes/$f" ] && ok || bad "init: no textes/$f"
done
[ ! -d "$L/textes/renaturation" ] && ! grep -qi "renaturation" "$L/edition.ini" && ok \
	|| bad "init: a loop without figures kept"
grep -q "Operations\|Departs\|Etp\b\|Jardins partages" "$L/chiffres.csv" "$L"/textes/*/*.md \
	&& bad "init: a label without its accents" || ok
# labels made from ids the model does not know get their accents back
# from the French dictionary, a participle after the noun
A=$tmp/accents
cp -r "$X/2025" "$A"
printf 'rh.accords_signes;2025;4;accords;DRH\r\ninsertion.reunions_tenues;2025;7;réunions;DG\r\npatrimoine.releves_energie;2025;50;relevés;DP\r\nsolidarite.familles_relogees;2025;9;familles;DG\r\n' \
	>>"$A/chiffres_cles.csv"
expect_status "init (accents)" 0 "$bin/carnet" init --in "$A" --year 2025 --out "$tmp/layouts/accents"
for want in "rh.accords_signes;;Accords signés;" "insertion.reunions_tenues;;Réunions tenues;" \
	    "patrimoine.releves_energie;;Relevés énergie;" "solidarite.familles_relogees;;Familles relogées;" \
	    "patrimoine.jardins_partages;;Jardins partagés;"; do
	grep -qF -- "$want" "$tmp/layouts/accents/chiffres.csv" && ok || bad "init: label $want"
done
# the article still to write: shown in a draft, left out of the edition
grep -qF "À écrire" "$tmp/raw" && bad "init: 'À écrire' in the edition" || ok
# its loop, with no article written, is left out of the edition (no
# divider, no line in the sommaire, no web page), and said
grep -qi "boucle des enjeux" "$tmp/raw" && bad "init: an empty loop in the edition" || ok
[ ! -e "$O/2025/web/enjeux.html" ] && ok || bad "init: an empty loop's web page"
expect_status "init draft" 0 "$bin/carnet" build --in "$X/2025" --year 2025 --out "$O/draft" \
	--layout "$L" --draft
pdftotext "$O/draft/carnet-2025.pdf" - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g' >"$tmp/draft.txt"
grep -q "À écrire : Les chantiers" "$tmp/draft.txt" && ok || bad "init draft: the article to write is not marked"
grep -qi "boucle des enjeux" "$tmp/draft.txt" && ok || bad "init draft: the loop of the article to write is not there"
# no page more than 30 % blank, loop ends included (the sommaire spread
# down its column, each loop closed by its photo), here and for a first
# edition from the bundled exports
$py tests/tools/page_fill.py --all "$O/2025/carnet-2025.pdf" 0.3 >"$tmp/fill" && ok \
	|| { bad "init: a page more than 30 % blank"; cat "$tmp/fill" >&2; }
expect_status "init (bundled exports)" 0 "$bin/carnet" init --in fixtures/2023 --year 2023 \
	--out "$tmp/layouts/b2023"
expect_status "build (bundled exports)" 0 "$bin/carnet" build --in fixtures/2023 --year 2023 \
	--out "$O/b2023" --layout "$tmp/layouts/b2023"
$py tests/tools/page_fill.py --all "$O/b2023/carnet-2023.pdf" 0.3 >"$tmp/fill" && ok \
	|| { bad "init (bundled exports): a page more than 30 % blank"; cat "$tmp/fill" >&2; }
pdftotext -raw "$O/b2023/carnet-2023.pdf" - | sed "s/’/'/g" >"$tmp/b2023.txt"
tail -n +2 "$tmp/layouts/b2023/graphiques.csv" | cut -d';' -f2 | while IFS= read -r title; do
	n=$(grep -cxF -- "$title" "$tmp/b2023.txt")
	[ "$n" = 1 ] || echo "$title: $n"
done >"$tmp/b2023.charts"
[ ! -s "$tmp/b2023.charts" ] && ok || { bad "init (bundled exports): charts not drawn once"; cat "$tmp/b2023.charts" >&2; }
# every loop closed by a photo, a placeholder until the service has one
for loop in patrimoine solidarite insertion qualite rh; do
	grep -q "($loop-fin.jpg \"fin\")" "$L"/textes/$loop/*.md && ok || bad "init: $loop has no closing photo"
done

# ---- --from an old edition: its texts kept, what no longer resolves listed ----
F=$tmp/layouts/from
expect_status "init --from" 0 "$bin/carnet" init --in "$X/2025" --year 2025 --out "$F" --from layouts/2023
[ -s "$F/textes/patrimoine/01-vacance.md" ] && [ -s "$F/images/logo.svg" ] && ok || bad "--from: texts and images not kept"
grep -q "^couleur=#E2703A" "$F/edition.ini" && grep -qx "annee=2025" "$F/edition.ini" \
	&& grep -q "^titre=Les chiffres clés 2025" "$F/edition.ini" && ok || bad "--from: colours, year"
R=$F.a-revoir.txt
grep -q "^$F/textes/patrimoine/01-vacance.md:3: warning: no figure 'patrimoine.subvention_vacance' in the 2025 table" "$R" \
	&& ok || { bad "--from: an unresolved placeholder"; head -5 "$R" >&2; }
grep -q "^$F/textes/patrimoine/01-vacance.md:5: warning: photo 'vacance.jpg' is not in images/" "$R" \
	&& ok || bad "--from: a missing photo"
grep -q "warning: chart: unknown indicator" "$R" && ok || bad "--from: a chart that no longer resolves"
grep -q "$F.a-revoir.txt" "$tmp/err" && ok || bad "--from: the report is not named"
# it builds as a draft, with n.d. where the old texts ask for figures this office has not
expect_status "draft of --from" 0 "$bin/carnet" build --in "$X/2025" --year 2025 --out "$O/from" \
	--layout "$F" --draft
pdftotext "$O/from/carnet-2025.pdf" - | grep -q "n\.d\." && ok || bad "--from draft: no n.d."

# ---- what an export or a user may spell: every stage keeps it as it is ----
# a direction with quotes, ';', a TAB and a line break; an office name
# that looks like a link and HTML
Q=$tmp/quoted
cp -r "$X/2025" "$Q"
$py - "$Q" <<'EOF'
import csv, io, os, sys
d = sys.argv[1]
odd = 'Cœur "de" Vallée; sud\tet\nnord'
for name in os.listdir(d):
    if not name.endswith(".csv"):
        continue
    path = os.path.join(d, name)
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    if "Cœur de Vallée" not in text:
        continue
    delim = max(";,\t", key=text.split("\n", 1)[0].count)
    rows = [[odd if c == "Cœur de Vallée" else c for c in r]
            for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delim, lineterminator="\r\n").writerows(rows)
    open(path, "w", encoding="utf-8", newline="").write(out.getvalue())
EOF
QL=$tmp/layouts/quoted
expect_status "odd labels: init" 0 "$bin/carnet" init --in "$Q" --year 2025 --out "$QL" \
	--office '[clic](javascript:alert(1)) <b>gras</b> & *Vallée*'
expect_status "odd labels: build" 0 "$bin/carnet" build --in "$Q" --year 2025 --out "$O/quoted" \
	--layout "$QL"
$py - "$QL/libelles.csv" "$O/quoted/carnet-2025.xlsx" <<'EOF' && ok || bad "odd labels: not kept as spelt"
import csv, sys, openpyxl
odd = 'Cœur "de" Vallée; sud\tet\nnord'
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline=""), delimiter=";"))
assert ["direction", "coeur_de_vallee_sud_et_nord", odd] in rows, [r for r in rows if "coeur" in r[1]]
wb = openpyxl.load_workbook(sys.argv[2])
cells = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
assert any(odd in c for c in cells), "not in the workbook"
EOF
! grep -rqi 'href="[[:space:]]*javascript:\|<b>' "$O/quoted/web" && ok || bad "the office name became a link or HTML"
grep -q '\[clic\](javascript:alert(1)) &lt;b&gt;gras&lt;/b&gt; &amp; \*Vallée\*' "$O/quoted/web/index.html" \
	&& ok || bad "the office name is not shown as written"

finish init
