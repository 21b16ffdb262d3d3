#!/bin/sh
# photos.sh BIN — photos as cameras and phones write them, through both
# editions, checked with real readers.  The photos are made here
# (tests/tools/make_photos.py): 12-MP JPEGs baseline and progressive, EXIF
# orientations 1 to 8, portrait, panorama, Adobe CMYK, grayscale, PNG with
# alpha, WebP, one too small for its frame, and broken ones.
#
#   - pdfimages -list: every photo embedded as JPEG at 150 ppi (screen) and
#     300 ppi (print), within 10 %; the PNG keeps its alpha (an smask)
#   - each photo marked red at its top and blue at its bottom is upright in
#     the rasterised page; the CMYK photo's cyan sky is cyan
#   - pdfinfo -box: the print edition's TrimBox, BleedBox and sheet
#   - the same bytes with a cold cache, a warm one and none; a text edit
#     rebuilds without resampling any photo
#   - a bad photo stops the build at its text's line, nothing written
#   - with all 44 photos of the 2023 texts, no article page but a loop's
#     last leaves more than a fifth of its text area blank
# Prints "photos: N passed, N failed".
set -u
bin=${1:?usage: tests/photos.sh BIN}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

stage_figures

# pdf LAYOUT OUT [ARGS...] — the PDF stage on the fixtures' figures
pdf() {
	lay=$1 out=$2; shift 2
	"$bin/carnet" pdf --layout "$lay" --figures "$s/figures.tsv" --fonts fonts -o "$out" "$@"
}

# A text of about two columns, so that each test article's photo has a
# page of its own.
filler() {
	for _p in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
		echo "Les équipes de proximité suivent chaque résidence au plus près des"
		echo "locataires : elles signalent ce qui doit être réparé, accompagnent les"
		echo "nouveaux arrivants et organisent avec les associations des moments"
		echo "de rencontre au pied des immeubles, tout au long de l'année."
		echo
	done
}

# layout DIR — the 2023 edition with no texts but the editorial
layout() {
	rm -rf "$1"
	cp -r layouts/2023 "$1"
	find "$1/textes" -mindepth 1 -type d -exec rm -rf {} +
	mkdir -p "$1/textes/patrimoine" "$1/images"
}

# ---- every kind of photo, one article each ----
L=$tmp/kinds
layout "$L"
kinds="baseline progressive orient1 orient2 orient3 orient4 orient5 orient6 orient7 orient8
       portrait panorama cmyk gray webp alpha small fits fitsclean"
specs="" i=10
for k in $kinds; do
	case $k in webp) f=$k.webp ;; alpha) f=$k.png ;; *) f=$k.jpg ;; esac
	case $k in small) size=@320x240 ;; alpha|webp|gray) size=@2000x1500 ;; *) size= ;; esac
	specs="$specs $f:$k$size"
	{ echo "# Essai $k"; echo; echo "![Essai — $k]($f)"; echo; filler; } \
		>"$L/textes/patrimoine/$i-$k.md"
	i=$((i + 1))
done
# shellcheck disable=SC2086
$py tests/tools/make_photos.py "$L/images" $specs || bad "make_photos"

expect_status "screen edition" 0 pdf "$L" "$tmp/screen.pdf" --cache "$tmp/cache"
grep -q "[0-9]*-small.md:3: warning: photo 'small.jpg': [0-9]* ppi at its printed size, fewer than the 150 this edition asks" "$tmp/err" \
	&& ok || { bad "no warning for the photo too small for its frame"; cat "$tmp/err" >&2; }
expect_status "print edition" 0 pdf "$L" "$tmp/print.pdf" --cache "$tmp/cache" --print
for f in screen print; do
	qpdf --check "$tmp/$f.pdf" >"$tmp/qpdf" 2>&1 && ok || { bad "qpdf --check $f"; cat "$tmp/qpdf" >&2; }
done
# every photo a Figure with its /Alt, drawn inside it (ISO 14289-1 §7.3)
$py tests/tools/pdf_ua.py "$tmp/screen.pdf" >"$tmp/ua" 2>&1 && ok || { bad "PDF/UA with photos"; cat "$tmp/ua" >&2; }
# in print, photos are ICC-based sRGB (PDF/X-4), and every page printed
# looks like the screen's: a CMYK JPEG, decoded to sRGB, is not inverted
$py tests/tools/pdf_x.py "$tmp/print.pdf" >"$tmp/pdfx.out" 2>&1 && ok || { bad "PDF/X-4 with photos"; cat "$tmp/pdfx.out" >&2; }
$py tests/tools/separations.py "$tmp/print.pdf" "$tmp/screen.pdf" 4 >"$tmp/sep" 2>&1 && ok \
	|| { bad "separations with photos"; cat "$tmp/sep" >&2; }

# pdfimages: one image a test photo, all JPEG but the PNG with alpha (its
# pixels and an smask), at the edition's resolution but the LOW ones (the
# small photo, and in print the two that fit a screen column)
check_images() {
	pdfimages -list "$1" | tail -n +3 >"$tmp/images"
	$py - "$tmp/images" "$2" "$3" "$4" <<'EOF' && ok || bad "pdfimages $1"
import sys
rows = [l.split() for l in open(sys.argv[1])]
want, n, nlow = float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
images = [r for r in rows if r[2] == "image"]
smasks = [r for r in rows if r[2] == "smask"]
fail = []
if len(images) != n:
    fail.append(f"{len(images)} images, want {n}")
flate = [r for r in images if r[8] != "jpeg"]
if len(flate) != 1 or len(smasks) != 1 or smasks[0][0] != flate[0][0]:
    fail.append("want one image with an smask (the PNG with alpha), the others JPEG")
low = [r for r in images if float(r[12]) < want * 0.9]
if len(low) != nlow:
    fail.append(f"{len(low)} images below {want * 0.9:.0f} ppi, want {nlow}")
for r in images:
    if r not in low and not all(abs(float(v) - want) <= want * 0.1 for v in (r[12], r[13])):
        fail.append(f"page {r[0]}: {r[12]} x {r[13]} ppi, want {want:.0f}")
for f in fail:
    print("  " + f, file=sys.stderr)
sys.exit(1 if fail else 0)
EOF
}
n=$(echo $kinds | wc -w)
check_images "$tmp/screen.pdf" 150 "$n" 1
check_images "$tmp/print.pdf" 300 "$n" 3

# upright: on each photo's page, the red band is a wide band above the
# blue one; the photos come in the order of the texts, one a page
pdfimages -list "$tmp/screen.pdf" | awk 'NR > 2 && $3 == "image" { print $1 }' | uniq >"$tmp/pages"
$py - "$tmp/screen.pdf" "$tmp/pages" $kinds <<'EOF' && ok || bad "photos upright in the rasterised pages"
import subprocess, sys, tempfile, os
from PIL import Image
pdf, pages, kinds = sys.argv[1], [int(l) for l in open(sys.argv[2])], sys.argv[3:]
fail = []
def bbox(im, test):
    px = im.load()
    xs, ys = [], []
    for y in range(im.height):
        for x in range(im.width):
            if test(px[x, y]):
                xs.append(x); ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None
red = lambda p: p[0] > 170 and p[1] < 90 and p[2] < 90
blue = lambda p: p[2] > 160 and p[0] < 90 and p[1] < 100
cyan = lambda p: p[0] < 90 and 120 < p[1] < 210 and p[2] > 170
for kind, page in zip(kinds, pages):
    if kind in ("gray", "alpha", "small", "fits", "fitsclean"):
        continue
    d = tempfile.mkdtemp()
    subprocess.run(["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), "-png",
                    pdf, d + "/p"], check=True)
    f = os.path.join(d, os.listdir(d)[0])
    im = Image.open(f).convert("RGB")
    os.unlink(f); os.rmdir(d)
    if kind == "cmyk":
        c = bbox(im, cyan)
        if not c or c[2] - c[0] < 60:
            fail.append(f"{kind} (page {page}): no cyan sky")
        continue
    r, b = bbox(im, red), bbox(im, blue)
    if not r or not b:
        fail.append(f"{kind} (page {page}): no red or no blue band")
    elif not (r[3] < b[1] and r[2] - r[0] > 3 * (r[3] - r[1] + 1)):
        fail.append(f"{kind} (page {page}): not upright (red {r}, blue {b})")
for f in fail:
    print("  " + f, file=sys.stderr)
sys.exit(1 if fail else 0)
EOF

# a JPEG that fits its frame is embedded as it is: byte for byte, or with
# its image data copied and its metadata (a name, a place) left out
fits_page=$(sed -n "$(($(echo $kinds | wc -w) - 1))p" "$tmp/pages")
clean_page=$(sed -n "$(echo $kinds | wc -w)p" "$tmp/pages")
mkdir -p "$tmp/x"
pdfimages -j -f "$clean_page" -l "$clean_page" "$tmp/screen.pdf" "$tmp/x/clean"
pdfimages -j -f "$fits_page" -l "$fits_page" "$tmp/screen.pdf" "$tmp/x/fits"
cmp -s "$tmp/x/clean-000.jpg" "$L/images/fitsclean.jpg" && ok \
	|| bad "a JPEG that fits its frame is not embedded byte for byte"
$py - "$tmp/x/fits-000.jpg" "$L/images/fits.jpg" <<'EOF' && ok || bad "a JPEG with metadata that fits its frame"
import sys
from PIL import Image
got, orig = sys.argv[1], sys.argv[2]
data = open(got, "rb").read()
a, b = Image.open(got), Image.open(orig)
sys.exit(0 if b"Jean Dupont" not in data and b"Exif" not in data and b"PhoneMaker" not in data
         and b"Jean Dupont" in open(orig, "rb").read()
         and a.size == b.size and a.tobytes() == b.tobytes() else 1)
EOF
grep -q "Jean Dupont\|PhoneMaker" "$tmp/screen.pdf" "$tmp/print.pdf" && bad "the photos' metadata reached a PDF" || ok

# ---- the print edition's boxes: A4 trimmed, 3 mm of bleed, marks ----
pdfinfo -box -f 1 -l 1 "$tmp/print.pdf" >"$tmp/box"
for want in "Page    1 TrimBox:      36.85    36.85   632.13   878.74" \
	    "Page    1 BleedBox:     28.35    28.35   640.63   887.24" \
	    "Page    1 MediaBox:      0.00     0.00   668.98   915.59"; do
	grep -qF "$want" "$tmp/box" && ok || { bad "pdfinfo -box lacks: $want"; cat "$tmp/box" >&2; }
done
pdfinfo -box -f 1 -l 1 "$tmp/screen.pdf" | grep -q "TrimBox:       0.00     0.00   595.28   841.89" \
	&& ok || bad "the screen edition is not A4"
# the cover's colour runs into the bleed: the sheet's pixel at 1 mm inside
# the bleed is the cover's, not white
pdftoppm -r 72 -f 1 -l 1 -png "$tmp/print.pdf" "$tmp/cover"
$py -c "
from PIL import Image
im = Image.open('$tmp/cover-01.png' if __import__('os').path.exists('$tmp/cover-01.png') else '$tmp/cover-1.png').convert('RGB')
p = im.getpixel((31, 31)); m = im.getpixel((12, 12))
import sys; sys.exit(0 if p[0] < 80 and p[2] < 120 and m == (255, 255, 255) else 1)" \
	&& ok || bad "the print cover does not bleed, or covers the marks' margin"
pdfinfo "$tmp/print.pdf" | grep -q "^Tagged: *yes" && ok || bad "print edition not tagged"

# ---- the same bytes: cold cache, warm cache, no cache ----
expect_status "warm cache" 0 pdf "$L" "$tmp/screen2.pdf" --cache "$tmp/cache"
expect_same "warm cache, same bytes" "$tmp/screen.pdf" "$tmp/screen2.pdf"
expect_status "no cache" 0 pdf "$L" "$tmp/screen3.pdf"
expect_same "no cache, same bytes" "$tmp/screen.pdf" "$tmp/screen3.pdf"
expect_status "print, warm" 0 pdf "$L" "$tmp/print2.pdf" --cache "$tmp/cache" --print
expect_same "print edition, same bytes" "$tmp/print.pdf" "$tmp/print2.pdf"
# a text edit: the pages change, no photo is resampled (the cache's files
# are neither rewritten nor added to)
ls -l --time-style=+%s.%N "$tmp/cache" >"$tmp/cache.before"
sed -i 's/^Les équipes de proximité/Les équipes de terrain/' "$L/textes/patrimoine/10-baseline.md"
expect_status "after a text edit" 0 pdf "$L" "$tmp/screen4.pdf" --cache "$tmp/cache"
ls -l --time-style=+%s.%N "$tmp/cache" >"$tmp/cache.after"
expect_same "no photo resampled after a text edit" "$tmp/cache.before" "$tmp/cache.after"
cmp -s "$tmp/screen.pdf" "$tmp/screen4.pdf" && bad "the text edit changed nothing" || ok

# ---- bad photos: the text's line, the photo's name, nothing written ----
B=$tmp/bad
layout "$B"
$py tests/tools/make_photos.py "$B/images" heic.heic:heic notes.jpg:text empty.jpg:empty \
	cut.jpg:truncated@1600x1200 cutsmall.jpg:truncated@320x240 bomb.png:bomb || bad "make_photos (broken)"
ln -s /etc/hostname "$B/images/link.jpg"
try_bad() {
	name=$1 ref=$2 msg=$3
	{ echo "# Essai"; echo; echo "Un paragraphe."; echo; echo "![Essai — photo]($ref)"; } \
		>"$B/textes/patrimoine/01-essai.md"
	echo previous >"$tmp/bad.pdf"
	expect_status "$name" 1 pdf "$B" "$tmp/bad.pdf"
	expect_err "$name" "carnet pdf: $B/textes/patrimoine/01-essai.md:5: photo '${ref%% *}': $msg"
	[ "$(cat "$tmp/bad.pdf")" = previous ] && [ ! -e "$tmp/bad.pdf.tmp" ] && ok \
		|| bad "$name: the previous output was touched"
}
try_bad "HEIC" heic.heic "a HEIF/HEIC or AVIF photo, which carnet does not read: convert it to JPEG (e.g. heif-convert -q 92 photo.heic photo.jpg)"
try_bad "text" notes.jpg "not a photo carnet reads: JPEG, PNG or WebP"
try_bad "empty" empty.jpg "empty file"
try_bad "truncated JPEG" cut.jpg "cannot decode the JPEG: Premature end of JPEG file"
# one that fits its frame (it would go as it is) is decoded all the same
try_bad "truncated small JPEG" cutsmall.jpg "cannot decode the JPEG: Premature end of JPEG file"
try_bad "decompression bomb" bomb.png "100000 x 100000 pixels, more than the 64 megapixels carnet takes: reduce it first"
try_bad "path out of images/" ../../etc/hostname "not inside the layout's images/ folder"
try_bad "link out of images/" link.jpg "not inside the layout's images/ folder"
cp "$L/images/small.jpg" "$B/images/ok.jpg"
try_bad "unknown option" 'ok.jpg "centre=150%,20%"' "unknown option 'centre=150%,20%' (options: 'centre=X%,Y%', 'large', 'fin')"
# a photo not delivered yet is a drawn placeholder, with a warning
{ echo "# Essai"; echo; echo "Un paragraphe."; echo; echo "![Essai — photo](later.jpg)"; } \
	>"$B/textes/patrimoine/01-essai.md"
expect_status "missing photo" 0 pdf "$B" "$tmp/missing.pdf"
expect_err "missing photo" "carnet pdf: $B/textes/patrimoine/01-essai.md:5: warning: photo 'later.jpg' is not in images/: drawn as a placeholder in the PDF, left out of the web pages"
[ "$(pdfimages -list "$tmp/missing.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)" = 0 ] \
	&& ok || bad "a missing photo is not drawn as a placeholder"

# every bad photo of a build named in one run: two refused at once (not a
# photo, empty), two that only a decode finds (truncated)
M=$tmp/many
layout "$M"
$py tests/tools/make_photos.py "$M/images" a.jpg:text b.jpg:empty c.jpg:truncated@1600x1200 \
	d.jpg:truncated@800x600 || bad "make_photos (many)"
{ echo "# Essai"; echo; echo "Un paragraphe."; for x in a b c d; do echo; echo "![Photo $x]($x.jpg)"; done; } \
	>"$M/textes/patrimoine/01-essai.md"
expect_status "four bad photos" 1 pdf "$M" "$tmp/many.pdf"
for want in "5: photo 'a.jpg': not a photo carnet reads: JPEG, PNG or WebP" "7: photo 'b.jpg': empty file" \
	"9: photo 'c.jpg': cannot decode the JPEG: Premature end of JPEG file" \
	"11: photo 'd.jpg': cannot decode the JPEG: Premature end of JPEG file"; do
	expect_err "four bad photos" "carnet pdf: $M/textes/patrimoine/01-essai.md:$want"
done
# the three editions in one run: a photo only a decode finds bad said once
# (not once an edition), and nothing written
E=$tmp/editions-bad
layout "$E"
$py tests/tools/make_photos.py "$E/images" c.jpg:truncated@1600x1200 || bad "make_photos (editions)"
{ echo "# Essai"; echo; echo "Un paragraphe."; echo; echo "![Photo c](c.jpg)"; } \
	>"$E/textes/patrimoine/01-essai.md"
mkdir -p "$tmp/ed-out"
expect_status "editions, bad photo" 1 "$bin/carnet" editions --layout "$E" --figures "$s/figures.tsv" \
	--fonts fonts --cache "$tmp/ed-cache" --screen "$tmp/ed-out/s.pdf" --print "$tmp/ed-out/p.pdf" \
	--web "$tmp/ed-out/web"
[ "$(grep -c "photo 'c.jpg'" "$tmp/err")" = 1 ] && ok || bad "editions, bad photo: said $(grep -c "photo 'c.jpg'" "$tmp/err") times, want once"
expect_err "editions, bad photo" "carnet editions: $E/textes/patrimoine/01-essai.md:5: photo 'c.jpg': cannot decode the JPEG: Premature end of JPEG file"
[ -z "$(ls -A "$tmp/ed-out")" ] && ok || bad "editions, bad photo: left $(ls -A "$tmp/ed-out")"

# ---- the logo: SVG as vectors, PNG with its alpha, a bad one located ----
pdfimages -list -f 1 -l 1 "$tmp/screen.pdf" | awk 'NR > 2' | grep -q . \
	&& bad "the SVG logo is not drawn as vectors" || ok
pdftoppm -r 36 -f 1 -l 1 -png "$tmp/screen.pdf" "$tmp/logo"
$py -c "
import glob, sys
from PIL import Image
im = Image.open(glob.glob('$tmp/logo-*1.png')[0]).convert('RGB')
green = [(x, y) for x in range(0, 120) for y in range(0, 90)
         if (lambda p: p[1] > 150 and p[0] < 150 and p[2] < 110)(im.getpixel((x, y)))]
sys.exit(0 if len(green) > 50 else 1)" && ok || bad "no logo on the cover"
G=$tmp/logos
layout "$G"
{ echo "# Essai"; echo; echo "Un paragraphe."; } >"$G/textes/patrimoine/01-essai.md"
line=$(grep -n '^logo=' "$G/edition.ini" | cut -d: -f1)
try_logo() {
	sed -i "s|^logo=.*|logo=$2|" "$G/edition.ini"
	expect_status "logo $1" 1 pdf "$G" "$tmp/logo.pdf"
	expect_err "logo $1" "carnet pdf: $G/edition.ini:$line: logo '$2': $3"
}
try_logo "missing" images/nope.svg "no such file in the layout"
try_logo "outside" ../../etc/hostname "not a path inside the layout"
echo "pas du SVG" >"$G/images/faux.svg"
expect_status "logo not SVG" 1 sh -c "sed -i 's|^logo=.*|logo=images/faux.svg|' '$G/edition.ini'; \
	'$bin/carnet' pdf --layout '$G' --figures '$s/figures.tsv' --fonts fonts -o '$tmp/logo.pdf'"
grep -q "edition.ini:$line: logo 'images/faux.svg': not a readable SVG" "$tmp/err" && ok \
	|| { bad "logo not SVG: message"; cat "$tmp/err" >&2; }
$py tests/tools/make_photos.py "$G/images" logo.png:alpha@400x300 || bad "make_photos (logo)"
sed -i "s|^logo=.*|logo=images/logo.png|" "$G/edition.ini"
expect_status "PNG logo" 0 pdf "$G" "$tmp/logo.pdf"
pdfimages -list -f 1 -l 1 "$tmp/logo.pdf" | awk 'NR > 2 { print $3 }' | sort | tr '\n' ' ' \
	| grep -qx "image smask " && ok || bad "the PNG logo is not on the cover with its alpha"

# ---- composed pages: the 2023 texts with every photo ----
F=$tmp/full
rm -rf "$F"; cp -r layouts/2023 "$F"
names=$(grep -rhoE '\]\([a-z0-9-]+\.jpg' layouts/2023/textes | sed 's/](//')
# shellcheck disable=SC2086
$py tests/tools/make_photos.py "$F/images" $(for n in $names; do
	case $n in *a*e*) echo "$n:portrait@900x675" ;; *) echo "$n@900x675" ;; esac
done | awk 'NR % 5 == 0 { sub(/:portrait/, ""); sub(/@/, ":panorama@") } { print }') || bad "make_photos (44)"
expect_status "2023 with its photos" 0 pdf "$F" "$tmp/full.pdf" --cache "$tmp/cache"
$py tests/tools/page_fill.py "$tmp/full.pdf" 0.2 >"$tmp/fill" && ok \
	|| { bad "article pages more than a fifth blank"; grep -v ": ok$" "$tmp/fill" >&2; }

# ---- photos as people name them (spaces, accents, parentheses, upper-case
# extension), through make report; a near miss says which file is there ----
N=$tmp/names
cp -r layouts/2023 "$N"
$py tests/tools/make_photos.py "$N/images" "Photo résidence Parc (2).JPG:small@640x480" || bad "make_photos"
printf '\n![Le parc](<Photo résidence Parc (2).JPG>)\n' >>"$N/textes/rh/03-bureaux.md"
make -s report-run BUILD="$(dirname "$bin")" LAYOUT="$N" OUT="$tmp/names-out" \
	STAGE="$tmp/names-stage" PHOTOS="$tmp/names-photos" >"$tmp/out" 2>"$tmp/err" \
	&& ok || { bad "make report with a spaced photo name"; grep -v "is not in images/: drawn" "$tmp/err" | head -5 >&2; }
[ "$(pdfimages -list "$tmp/names-out/carnet-2023.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l)" -ge 1 ] \
	&& ok || bad "the spaced photo is not in the PDF"
# make redoes what a change touches: a text, the editions; edition.ini,
# the workbooks too
remake() {
	make report-run BUILD="$(dirname "$bin")" LAYOUT="$N" OUT="$tmp/names-out" \
		STAGE="$tmp/names-stage" PHOTOS="$tmp/names-photos" 2>/dev/null | grep -o 'carnet [a-z]*' \
		| sort -u | tr '\n' ' '
}
touch "$N/textes/rh/03-bureaux.md"
[ "$(remake)" = "carnet editions " ] && ok || bad "a text edit: make redid more or less than the editions"
touch "$N/edition.ini"
[ "$(remake)" = "carnet editions carnet xlsx " ] && ok || bad "an edition.ini edit: make did not redo the workbooks"
for spelt in "photo résidence parc (2).jpg" "Photo%20résidence%20Parc%20(2).JPG" \
	"$(printf 'Photo re\314\201sidence Parc (2).JPG')" "Photo résidence Parc (2).png"; do
	cp "$N/textes/rh/03-bureaux.md" "$tmp/bureaux.md"
	sed -i '$d' "$N/textes/rh/03-bureaux.md"
	printf '![Le parc](<%s>)\n' "$spelt" >>"$N/textes/rh/03-bureaux.md"
	n=$(wc -l <"$N/textes/rh/03-bureaux.md")
	expect_status "near miss '$spelt'" 1 pdf "$N" "$tmp/near.pdf"
	expect_err "near miss '$spelt'" "carnet pdf: $N/textes/rh/03-bureaux.md:$n: photo '$spelt' is not in images/, but 'Photo résidence Parc (2).JPG' is: write the name as the file has it (case, accents, spaces, extension)"
	expect_status "near miss '$spelt', draft" 0 pdf "$N" "$tmp/near.pdf" --draft
	cp "$tmp/bureaux.md" "$N/textes/rh/03-bureaux.md"
done
# each photo not delivered yet is named, at its text's line
grep -c "warning: photo '[^']*' is not in images/: drawn as a placeholder" "$tmp/err" >"$tmp/n"
[ "$(cat "$tmp/n")" -ge 40 ] && ok || bad "missing photos: $(cat "$tmp/n") named, want each"

finish photos
