#!/bin/sh
# pdf.sh BIN — builds the carnet PDF from the fixtures with the real
# programs and checks it with real readers: qpdf --check, pdffonts,
# pdfinfo, pdftotext (every published figure as carnet-2023.md prints it,
# the sommaire's page numbers against the pages), byte-identical builds
# whatever fonts the machine has, no personal value, and what a missing
# figure does.  Prints "pdf: N passed, N failed".
set -u
bin=${1:?usage: tests/pdf.sh BIN}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

stage_figures

# the edition: "" (screen) or --print, set by the loop below
ed=""
pdf() {
	env -u SOURCE_DATE_EPOCH "$bin/carnet" pdf --layout layouts/2023 \
		--figures "$s/figures.tsv" --fonts fonts $ed -o "$1"
}

# Both editions pass the same readers' checks; the page images are the
# screen edition's.
for ed in "" --print; do
[ -n "$ed" ] && echo "pdf: the same checks on the print edition"
expect_status "pdf $ed" 0 pdf "$tmp/a.pdf"
[ ! -e "$tmp/a.pdf.tmp" ] && ok || bad "a temporary file is left"

# ---- real readers ----
qpdf --check "$tmp/a.pdf" >"$tmp/qpdf" 2>&1 && grep -q "No syntax or stream encoding errors" "$tmp/qpdf" \
	&& ok || { bad "qpdf --check"; cat "$tmp/qpdf" >&2; }
pdffonts "$tmp/a.pdf" | tail -n +3 >"$tmp/fonts"
[ -s "$tmp/fonts" ] && ok || bad "pdffonts lists no font"
# every font is one of fonts/, embedded as a subset
if awk '{ name = $1; sub(/^[A-Z]+\+/, "", name);
	  if (name !~ /^(Lato-(Regular|Italic|Bold|Black)|KaushanScript-Regular)$/) exit 1;
	  if ($(NF-4) != "yes" || $(NF-3) != "yes") exit 1 }' "$tmp/fonts"; then ok; else
	bad "pdffonts: a font that is not in fonts/, or not embedded"; cat "$tmp/fonts" >&2
fi
pdfinfo "$tmp/a.pdf" >"$tmp/info"
for want in "Title:           Carnet de voyage(s) 2023" \
	    "Author:          Terres & Toits, office public de l'habitat" \
	    "Creator:         carnet" "Tagged:          yes" \
	    "CreationDate:    Sun Dec 31 00:00:00 2023 UTC"; do
	grep -qF "$want" "$tmp/info" && ok || bad "pdfinfo lacks: $want"
done
grep -q "^Keywords: .*logement social" "$tmp/info" && ok || bad "pdfinfo: keywords"
grep -q "^Subject: *Rapport d'activité 2023" "$tmp/info" && ok || bad "pdfinfo: subject"
# an outline: a bookmark per loop, under it one per article
qpdf --json --json-key=outlines "$tmp/a.pdf" >"$tmp/outlines"
for t in "La boucle du patrimoine" "La boucle des enjeux 2024" "Ce que disent les locataires"; do
	grep -q "\"title\": \"$t\"" "$tmp/outlines" && ok || bad "outline: no '$t'"
done
[ "$(grep -c '"title":' "$tmp/outlines")" -ge 49 ] && ok || bad "outline: fewer than 49 bookmarks"
# the sommaire's links go to named destinations
# (the print edition has none: paper has no links, and PDF/X no annotation)
links=$($py -c 'import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
print(sum(len(p.obj.get("/Annots", [])) for p in pdf.pages))' "$tmp/a.pdf")
if [ -z "$ed" ]; then
	[ "$links" -ge 84 ] && ok || bad "$links links to articles (sommaire and dividers)"
else
	[ "$links" = 0 ] && ok || bad "$links links in the print edition"
fi
pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
[ "$pages" -ge 28 ] && ok || bad "only $pages pages"

# ---- a tagged PDF: the structure in reading order, the language, the
# text alternative of every figure ----
pdfinfo -struct-text "$tmp/a.pdf" >"$tmp/struct" 2>/dev/null
[ "$(head -1 "$tmp/struct")" = Document ] && ok || bad "struct: no Document root"
for kind in "H1 (block)" "H2 (block)" "P (block)" "Figure"; do
	grep -q "^  $kind\$" "$tmp/struct" && ok || bad "struct: no $kind element"
done
grep -A1 '^  H1 (block)$' "$tmp/struct" | grep -q '"Sommaire"' && ok || bad "struct: the sommaire's heading"
grep -q '"CE QUE DISENT LES LOCATAIRES"' "$tmp/struct" && ok || bad "struct: an article's title"
qpdf --show-object=trailer "$tmp/a.pdf" | grep -o '/Root [0-9]*' | cut -d' ' -f2 >"$tmp/root"
qpdf --show-object="$(cat "$tmp/root")" "$tmp/a.pdf" | grep -q '/Lang (fr-FR)' && ok || bad "catalog: no /Lang (fr-FR)"
figures=$(grep -c '^  Figure$' "$tmp/struct")
alts=$(qpdf --json "$tmp/a.pdf" | grep -c '"/Alt": "u:.')
[ "$figures" -ge 40 ] && [ "$figures" = "$alts" ] && ok || bad "$figures figures for $alts /Alt"
qpdf --json "$tmp/a.pdf" | grep -q '"/Alt": "u:Locataires satisfaits, par thème. Satisfaction globale : 89' \
	&& ok || bad "the survey chart's /Alt"

# ---- PDF/UA-1 and PDF/A-2a: the screen edition as an accessibility and
# an archive audit read it (tests/tools/pdf_ua.py names each clause);
# the print edition shares the marked content, structure, fonts, syntax ----
if $py tests/tools/pdf_ua.py "$tmp/a.pdf" ${ed:+--print} >"$tmp/ua" 2>&1; then ok; else
	bad "PDF/UA-1 / PDF/A-2a"; cat "$tmp/ua" >&2; fi
if [ -z "$ed" ]; then
	# in reading order: paragraphs across columns and pages, key figures
	if $py tests/tools/reading_order.py "$tmp/a.pdf" layouts/2023 >"$tmp/order" 2>&1; then ok; else
		bad "reading order"; cat "$tmp/order" >&2; fi
	# the checker sees what it must: a copy spoiled as cairo alone
	# would leave it (an unmarked painting, no /Tabs, no XMP) fails
	$py - "$tmp/a.pdf" "$tmp/spoiled.pdf" <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
page = next(p for p in pdf.pages if "/Annots" in p.obj)
del page.obj["/Tabs"]
ops = pikepdf.parse_content_stream(page)
i = next(k for k, o in enumerate(ops) if str(o.operator) == "BDC"
         and o.operands[0] == pikepdf.Name.Artifact)
j = next(k for k in range(i, len(ops)) if str(ops[k].operator) == "EMC")
page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops[:i] + ops[i + 1:j] + ops[j + 1:]))
del pdf.Root["/Metadata"]
pdf.save(sys.argv[2])
PY
	$py tests/tools/pdf_ua.py "$tmp/spoiled.pdf" >"$tmp/ua" 2>&1
	for clause in "Matterhorn 01-005" "Matterhorn 28-002" "Matterhorn 06-001"; do
		grep -q "$clause" "$tmp/ua" && ok || bad "pdf_ua.py misses $clause in a spoiled copy"
	done
	# Apache PDFBox's preflight checks PDF/A-1b: what A-2 shares with it
	# must pass; what it reports that A-2 allows is listed here —
	# transparency (2.2.1, 4.1.2: ISO 19005-2 §6.2.10 allows it), CIDSet
	# and Type 1 CharSet (3.1.11, 3.1.4: optional in ISO 19005-2
	# §6.2.11.4.2), cross-reference streams (1.4: PDF 1.5, which A-2
	# allows), and the pdfaid:part 2 it expects as 1 (7.11.2)
	cp="/usr/share/java/preflight.jar:/usr/share/java/pdfbox2.jar:/usr/share/java/fontbox2.jar"
	cp="$cp:/usr/share/java/xmpbox.jar:/usr/share/java/commons-logging.jar:/usr/share/java/commons-io.jar"
	cp="$cp:/usr/share/java/javax.activation.jar:/usr/share/java/jaxb-api.jar"
	java -cp "$cp" org.apache.pdfbox.preflight.Validator_A1b "$tmp/a.pdf" >"$tmp/preflight" 2>&1
	grep -q "is not a valid PDF/A-1b file\|is a valid PDF/A-1b file" "$tmp/preflight" \
		&& ok || { bad "PDFBox preflight did not run"; head -5 "$tmp/preflight" >&2; }
	grep -E '^[0-9.]+ : ' "$tmp/preflight" | grep -vE '^(2\.2\.1|4\.1\.2|3\.1\.11|3\.1\.4|7\.11\.2) : ' \
		| grep -v '^1\.4 : Trailer Syntax error, /XRef cross reference streams are not allowed$' \
		>"$tmp/preflight-left"
	[ ! -s "$tmp/preflight-left" ] && ok || { bad "PDFBox preflight"; head "$tmp/preflight-left" >&2; }
fi

# ---- every published figure, as carnet-2023.md prints it ----
# no-break spaces read as spaces; lines joined, words broken at a soft
# hyphen joined again
pdftotext "$tmp/a.pdf" - | sed 's/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g' | tr '\n' ' ' \
	| sed 's/\xc2\xad //g' | tr -s ' ' >"$tmp/text"
while IFS= read -r want; do
	case $want in ''|'#'*) continue ;; esac
	grep -qF -- "$want" "$tmp/text" && ok || bad "pdftotext lacks: $want"
done <tests/golden/published-pdf.txt

# ---- the sommaire's page numbers are the pages of the titles ----
# The sommaire (PDF page 2) lists "title N"; the title stands in capitals on
# the page whose folio is N (the cover has none: folio = PDF page - 1).
pdftotext -f 2 -l 2 -layout "$tmp/a.pdf" - | sed -n 's/^ *\(.*[^ ]\) \{2,\}\([0-9][0-9]*\) *\(.*\)$/\1|\2/p' \
	| grep -v '^La boucle' >"$tmp/toc"
n=0
while IFS='|' read -r title folio; do
	page=$((folio + 1))
	caps=$(printf '%s' "$title" | cut -d' ' -f1-3 | tr '[:lower:]' '[:upper:]' \
		| sed 's/é/É/g; s/è/È/g; s/ê/Ê/g; s/à/À/g; s/ç/Ç/g; s/ô/Ô/g; s/î/Î/g; s/û/Û/g')
	if pdftotext -f "$page" -l "$page" "$tmp/a.pdf" - | sed 's/\xc2\xa0/ /g' | tr '\n' ' ' | grep -qF -- "$caps"; then
		ok; else bad "sommaire: '$title' is not on page $folio"; fi
	n=$((n + 1))
done <"$tmp/toc"
[ "$n" -ge 40 ] && ok || bad "the sommaire lists $n articles"

# ---- reproducible, whatever fonts the machine has ----
expect_status "second build" 0 pdf "$tmp/b.pdf"
expect_same "byte-identical" "$tmp/a.pdf" "$tmp/b.pdf"
mkdir -p "$tmp/home/.config/fontconfig"
printf '<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts</dir><alias><family>Lato</family><prefer><family>DejaVu Serif</family></prefer></alias></fontconfig>\n' \
	>"$tmp/home/.config/fontconfig/fonts.conf"
expect_status "other fonts" 0 env HOME="$tmp/home" \
	FONTCONFIG_FILE="$tmp/home/.config/fontconfig/fonts.conf" sh -c \
	"env -u SOURCE_DATE_EPOCH '$bin/carnet' pdf --layout layouts/2023 --figures '$s/figures.tsv' --fonts fonts $ed -o '$tmp/c.pdf'"
expect_same "same bytes with other fonts on the machine" "$tmp/a.pdf" "$tmp/c.pdf"
expect_status "other date" 0 env SOURCE_DATE_EPOCH=1718000000 "$bin/carnet" pdf \
	--layout layouts/2023 --figures "$s/figures.tsv" --fonts fonts $ed -o "$tmp/d.pdf"
pdfinfo "$tmp/d.pdf" | grep -q "CreationDate:    Mon Jun 10 06:13:20 2024 UTC" && ok || bad "SOURCE_DATE_EPOCH not used"

# ---- the pages look as they did: references in tests/golden/pages ----
if [ -z "$ed" ]; then
	mkdir -p "$tmp/pages"
	pdftoppm -r 20 -gray -png "$tmp/a.pdf" "$tmp/pages/page"
	if $py tests/tools/compare_pages.py tests/golden/pages "$tmp/pages" build/page-diffs >"$tmp/cmp" 2>&1; then
		ok; else bad "page images (make golden-update after reading the diffs)"; cat "$tmp/cmp" >&2; fi
fi

# ---- no personal value, in the text or the bytes ----
pdftotext "$tmp/a.pdf" "$tmp/a.txt"
if $py tests/tools/personal_values.py fixtures/2023 "$tmp/a.txt" "$tmp/a.pdf" >"$tmp/leaks" 2>/dev/null; then ok; else
	bad "personal values in the PDF"; head "$tmp/leaks" >&2
fi
cp "$tmp/a.pdf" "$tmp/edition${ed:-screen}.pdf"
done
ed=""

# ---- the print edition as a print shop's preflight reads it: PDF/X-4
# (tests/tools/pdf_x.py names each ISO 15930-7 clause), its plates as
# the press sees them and its colours against the screen's (Ghostscript:
# tests/tools/separations.py) ----
P=$tmp/edition--print.pdf
if $py tests/tools/pdf_x.py "$P" >"$tmp/x" 2>&1; then ok; else bad "PDF/X-4"; cat "$tmp/x" >&2; fi
$py tests/tools/pdf_x.py "$tmp/editionscreen.pdf" >"$tmp/x" 2>&1
grep -q "'rg' paints in DeviceRGB" "$tmp/x" && grep -q "no pdfxid" "$tmp/x" \
	&& ok || bad "pdf_x.py does not see the screen edition's RGB and missing identification"
if $py tests/tools/separations.py "$P" "$tmp/editionscreen.pdf" 4 >"$tmp/sep" 2>&1; then ok; else
	bad "separations"; cat "$tmp/sep" >&2; fi
# the screen edition taken for print: its body text on all four plates
$py tests/tools/separations.py "$tmp/editionscreen.pdf" "$tmp/editionscreen.pdf" 4 >"$tmp/sep" 2>&1
grep -q "body words have cyan, magenta or yellow ink" "$tmp/sep" && ok \
	|| bad "separations.py does not see RGB text on four plates"
# a brand's colour given in CMYK is printed as given; a print shop's own
# profile is checked to be an output-class CMYK profile
B=$tmp/brand
cp -r layouts/2023 "$B"
printf '\n[impression]\ncmjn=#1B2A4A=100 80 30 40;#7AC143=55 0 100 0\n' >>"$B/edition.ini"
expect_status "brand colours" 0 "$bin/carnet" pdf --print --layout "$B" --figures "$s/figures.tsv" \
	--fonts fonts -o "$tmp/brand.pdf"
qpdf --qdf --object-streams=disable "$tmp/brand.pdf" "$tmp/brand-qdf.pdf"
grep -aq "^1 0.8 0.3 0.4 k" "$tmp/brand-qdf.pdf" && grep -aq "^0.55 0 1 0 k" "$tmp/brand-qdf.pdf" \
	&& ok || bad "brand colours: not printed in the CMYK the layout gives"
cp "$B/edition.ini" "$B/edition.ini.orig"
printf '\n[impression]\nprofil=/usr/share/color/icc/sRGB.icc\ncondition=sRGB\n' >>"$B/edition.ini"
line=$(grep -n '^profil=' "$B/edition.ini" | cut -d: -f1)
expect_status "an RGB profile for print" 1 "$bin/carnet" pdf --print --layout "$B" \
	--figures "$s/figures.tsv" --fonts fonts -o "$tmp/brand2.pdf"
expect_err "an RGB profile for print" "carnet pdf: $B/edition.ini:$line: [impression] profil: '/usr/share/color/icc/sRGB.icc' is not an output (printer) profile in CMYK"
cp "$B/edition.ini.orig" "$B/edition.ini"
sed -i 's/^cmjn=.*/cmjn=#1B2A4A=100 100 100 40/' "$B/edition.ini"
line=$(grep -n '^cmjn=' "$B/edition.ini" | cut -d: -f1)
expect_status "ink over 300 %" 1 "$bin/carnet" pdf --print --layout "$B" \
	--figures "$s/figures.tsv" --fonts fonts -o "$tmp/brand3.pdf"
expect_err "ink over 300 %" "carnet pdf: $B/edition.ini:$line: [impression] cmjn: '#1B2A4A=100 100 100 40': each ink 0 to 100 %, 300 % in all at most"

# ---- a placeholder whose figure is absent ----
cp -r layouts/2023 "$tmp/layout"
printf '# Essai\n\nLes {{rh.effectifs}} salariés.\n' >"$tmp/layout/textes/rh/99-essai.md"
echo keep >"$tmp/keep.pdf"
expect_status "missing figure" 1 "$bin/carnet" pdf --layout "$tmp/layout" \
	--figures "$s/figures.tsv" --fonts fonts -o "$tmp/keep.pdf"
expect_err "missing figure" "carnet pdf: $tmp/layout/textes/rh/99-essai.md:3: no figure 'rh.effectifs' in the 2023 table (close: 'rh.effectif')"
[ "$(cat "$tmp/keep.pdf")" = keep ] && ok || bad "missing figure: the PDF was written"
# ---- a draft: n.d. and listed, an empty chart frame, PROJET on every page ----
printf '\n```graphique\ntype=barres\ntitre=Un graphique sans données\nindicateur=rh.inconnu\naxe=direction\n```\n' \
	>>"$tmp/layout/textes/rh/99-essai.md"
echo 'rh;rh.inconnu;;Indicateur inconnu;0;nombre' >>"$tmp/layout/chiffres.csv"
line=$(wc -l <"$tmp/layout/chiffres.csv")
expect_status "draft" 0 "$bin/carnet" pdf --layout "$tmp/layout" \
	--figures "$s/figures.tsv" --fonts fonts -o "$tmp/e.pdf" --draft
expect_err "draft" "carnet pdf: $tmp/layout/textes/rh/99-essai.md:3: warning: no figure 'rh.effectifs' in the 2023 table: printed n.d."
expect_err "draft: chart" "carnet pdf: $tmp/layout/textes/rh/99-essai.md:5: warning: chart: unknown indicator 'rh.inconnu': an empty frame, n.d."
expect_err "draft: key figure" "carnet pdf: $tmp/layout/chiffres.csv:$line: warning: unknown indicator 'rh.inconnu' in the 2023 table: printed n.d."
pdftotext "$tmp/e.pdf" - | grep -q "Les n.d. salariés" && ok || bad "draft: no n.d. in the text"
pdftotext "$tmp/e.pdf" - | tr '\n' ' ' | tr -s ' ' | grep -q "Un graphique sans données n.d." && ok || bad "draft: no empty chart frame"
n=$(pdfinfo "$tmp/e.pdf" | sed -n 's/^Pages: *//p')
marked=0
for p in $(seq 1 "$n"); do
	pdftotext -f "$p" -l "$p" "$tmp/e.pdf" - | grep -q "PROJET — document de travail" && marked=$((marked + 1))
done
[ "$marked" = "$n" ] && ok || bad "draft: PROJET on $marked of $n pages"
# and visible: the mark's red across the middle of a page of text
pdftoppm -r 20 -f 6 -l 6 -png "$tmp/e.pdf" "$tmp/draft"
$py -c "
import glob, sys
from PIL import Image
im = Image.open(glob.glob('$tmp/draft-*.png')[0]).convert('RGB')
red = sum(1 for x in range(im.width) for y in range(im.height)
          if (lambda p: p[0] > 200 and 120 < p[1] < 220 and p[1] - p[2] < 30 and p[0] - p[1] > 40)(im.getpixel((x, y))))
sys.exit(0 if red > 300 else 1)" && ok || bad "draft: the mark is not visible"
pdftotext "$tmp/a.pdf" - | grep -q PROJET && bad "PROJET in the edition" || ok
# the workbooks of a draft
mkdir -p "$tmp/xd"
expect_status "xlsx draft" 0 "$bin/carnet" xlsx --layout "$tmp/layout" --figures "$s/figures.tsv" \
	--quality "$s/quality.tsv" --hr-detail "$s/figures.tsv" --out "$tmp/xd" --draft
expect_err "xlsx draft" "carnet xlsx: $tmp/layout/chiffres.csv:$line: warning: unknown indicator 'rh.inconnu' in the 2023 table: printed n.d."
$py - "$tmp/xd/carnet-2023.xlsx" <<'EOF' && ok || bad "xlsx draft: n.d. and PROJET"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Ressources humaines"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
sys.exit(0 if ["Indicateur inconnu", "n.d."] in [r[:2] for r in rows]
         and str(ws["A1"].value).startswith("PROJET") else 1)
EOF
expect_status "xlsx not a draft" 1 "$bin/carnet" xlsx --layout "$tmp/layout" --figures "$s/figures.tsv" \
	--quality "$s/quality.tsv" --hr-detail "$s/figures.tsv" --out "$tmp/xd"

# ---- a paragraph of any length: broken across lines, columns and pages,
# nothing lost, in time that grows about with its length (page.c mends
# every run of hyphens of one walk at once) ----
G=$tmp/long
cp -r layouts/2023 "$G"
$py - "$G/textes/rh/50-long.md" <<'EOF'
import random, sys
random.seed(1)
w = ["logement", "résidence", "quartier", "locataire", "équipe", "chantier",
     "proximité", "travaux", "habitat", "année"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("# Un très long paragraphe\n\nDébut du paragraphe. ")
    f.write(" ".join(random.choice(w) for _ in range(20000)))
    f.write(" ; fin du très long paragraphe.\n")
EOF
expect_status "a 20 000-word paragraph" 0 "$bin/carnet" pdf --layout "$G" --figures "$s/figures.tsv" \
	--fonts fonts -o "$tmp/long.pdf"
pdftotext "$tmp/long.pdf" - | tr '\n' ' ' | sed 's/\xc2\xad //g' >"$tmp/long.txt"
grep -q "Début du paragraphe" "$tmp/long.txt" && grep -q "fin du très long paragraphe" "$tmp/long.txt" \
	&& ok || bad "a long paragraph: its start or its end is lost"
[ "$(pdfinfo "$tmp/long.pdf" | awk '/^Pages:/ { print $2 }')" -gt 40 ] && ok \
	|| bad "a long paragraph does not run over pages"
# laid out in parts (page.c): every word, in order, none twice; at most
# two hyphenated lines in a row
pdftotext -raw "$tmp/long.pdf" "$tmp/long-raw.txt"
$py - "$G/textes/rh/50-long.md" "$tmp/long-raw.txt" <<'PY' && ok || bad "a long paragraph: words lost, repeated or out of order, or hyphen runs"
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
src = src[src.index("Début du paragraphe"):].split()
lines = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n")
         if not re.fullmatch(r"\f?(\d+|(\d+ )?La boucle des ressources humaines)", l)]
first = next(k for k, l in enumerate(lines) if "Début du paragraphe" in l)
last = next(k for k, l in enumerate(lines) if "fin du très long" in l) + 1
body = lines[first:last + 1]
run = worst = 0
for l in body[:-1]:
    run = run + 1 if l.endswith("\u00ad") else 0
    worst = max(worst, run)
text = "\n".join(body).replace("\u00ad\n", "").replace("\u00ad", "")
got = text[text.index("Début du paragraphe"):text.index("paragraphe.", text.index("fin du très long")) + 11].split()
assert got == src, next((k, a, b) for k, (a, b) in enumerate(zip(got, src)) if a != b)
assert worst <= 2, worst
PY
# its parts, column after column, are P elements in order (ISO 14289-1)
$py tests/tools/pdf_ua.py "$tmp/long.pdf" >"$tmp/ua" 2>&1 && ok || { bad "PDF/UA: a long paragraph"; cat "$tmp/ua" >&2; }
# a draft: the PROJET mark and an empty chart frame are artifacts or content
$py tests/tools/pdf_ua.py "$tmp/e.pdf" >"$tmp/ua" 2>&1 && ok || { bad "PDF/UA: a draft"; cat "$tmp/ua" >&2; }

# ---- lists: L > LI > Lbl, LBody (ISO 32000-1 §14.8.4.3.3), the label
# beside the first line, the text indented ----
L=$tmp/lists
cp -r layouts/2023 "$L"
cat >"$L/textes/rh/55-listes.md" <<'TEXT'
# Des listes

Ce que l'année a apporté :

- un premier point assez long pour passer sur une deuxième ligne de la colonne, voire une troisième ;
- un deuxième point.

Et dans l'ordre :

1. d'abord ceci ;
2. ensuite cela.
TEXT
expect_status "lists" 0 "$bin/carnet" pdf --layout "$L" --figures "$s/figures.tsv" \
	--fonts fonts -o "$tmp/lists.pdf"
$py tests/tools/pdf_ua.py "$tmp/lists.pdf" >"$tmp/ua" 2>&1 && ok || { bad "PDF/UA: lists"; cat "$tmp/ua" >&2; }
$py - "$tmp/lists.pdf" <<'PY' && ok || bad "lists: their structure"
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
def kids(e):
    k = e.get("/K")
    k = list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]
    return [x for x in k if isinstance(x, pikepdf.Dictionary) and "/S" in x]
def walk(e, out):
    for kid in kids(e):
        out.append((str(kid.S), [str(x.S) for x in kids(kid)]))
        walk(kid, out)
    return out
els = walk(pdf.Root.StructTreeRoot, [])
lists = [k for s, k in els if s == "/L"]
items = [k for s, k in els if s == "/LI"]
assert [len(k) for k in lists] == [2, 2], lists
assert all(k[:2] == ["/Lbl", "/LBody"] for k in items), items
PY
pdftotext -raw "$tmp/lists.pdf" - | tr '\n' ' ' | tr -s ' ' >"$tmp/lists.txt"
for want in "– un premier point" "– un deuxième point" "1. d’abord ceci" "2. ensuite cela"; do
	grep -qF -- "$want" "$tmp/lists.txt" && ok || bad "lists: '$want' not read as label then text"
done

finish pdf
