#!/bin/sh
# web.sh BIN — the web edition (carnet html) from the fixtures, checked
# with real readers:
#
#   - Debian's Chromium, headless (tests/web/check.mjs, playwright-core):
#     every page at 375 and 1280 px, no console error, no failed request,
#     none leaving the folder, every image loaded, no sideways scrolling on
#     the phone, axe-core's WCAG 2.1 A and AA rules without a violation
#   - html-validate (HTML living standard, ARIA) on every page
#   - tests/tools/web_structure.py: lang, skip link, landmarks, one h1 and
#     headings in order, no script, every link and src inside the folder,
#     photos' srcset widths and sizes against the files, charts' labels and
#     tables
#   - every published 2023 figure in the pages' text, as the PDF prints it
#   - the same bytes twice, and whatever fonts the machine has; the index
#     and what it loads (photos aside) at most 300 KB
#   - photos as cameras write them: two widths, upright, no metadata left,
#     alt from the caption; a bad photo, a folder that is not a web
#     edition, a loop id that cannot name a page: file:line, exit 1, the
#     last edition untouched; a draft; raw HTML in a text left out
# Prints "web: N passed, N failed".  KEEP_TMP=1 keeps the screenshots.
set -u
bin=${1:?usage: tests/web.sh BIN}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

stage_figures
node=tests/web/node_modules
[ -d "$node/axe-core" ] && [ -d "$node/playwright-core" ] || {
	echo "web: tests/web/node_modules is missing: run tools/deps.sh check" >&2; exit 1; }

# html LAYOUT OUT [ARGS...] — the web stage on the fixtures' figures
html() {
	lay=$1 out=$2; shift 2
	"$bin/carnet" html --layout "$lay" --figures "$s/figures.tsv" --fonts fonts --out "$out" "$@"
}

# ---- the 2023 edition ----
W=$tmp/web
expect_status "carnet html" 0 html layouts/2023 "$W"
for f in index.html patrimoine.html solidarite.html insertion.html qualite.html rh.html \
	 renaturation.html enjeux.html carnet.css logo.svg polices/lato-400.ttf \
	 polices/kaushanscript-400.otf polices/COPYRIGHT-Lato.txt; do
	[ -s "$W/$f" ] && ok || bad "no $f"
done
ls "$tmp" | grep -q '^web.tmp' && bad "a temporary folder is left" || ok

# real readers
$py tests/tools/web_structure.py "$W" >"$tmp/structure" && ok || { bad "structure"; cat "$tmp/structure" >&2; }
(cd tests/web && node_modules/.bin/html-validate --config .htmlvalidate.json "$W"/*.html) \
	>"$tmp/validate" 2>&1 && ok || { bad "html-validate"; cat "$tmp/validate" >&2; }
node tests/web/check.mjs "$W" "$tmp/shots" >"$tmp/browser" 2>&1 && ok \
	|| { bad "in Chromium"; head -40 "$tmp/browser" >&2; }
n=$(ls "$tmp/shots"/*-telephone.png 2>/dev/null | wc -l)
[ "$n" = 8 ] && ok || bad "$n phone screenshots, want 8"

# every published figure, in the text of the pages as the browser has it
cat "$tmp/shots"/*.txt | sed 's/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g; s/\xc2\xad//g' \
	| tr '\n' ' ' | tr -s ' ' >"$tmp/text"
while IFS= read -r want; do
	case $want in ''|'#'*) continue ;; esac
	grep -qF -- "$want" "$tmp/text" && ok || bad "the pages lack: $want"
done <tests/golden/published-pdf.txt
# and where they come from: the small-count rule, French typography
nnbsp=$(printf '\342\200\257')
grep -q "89$nnbsp%" "$W/qualite.html" && ok || bad "89 % with its narrow no-break space"
grep -q "«" "$W"/*.html && ok || bad "no French quotation marks"
! grep -q "&apos;habitat\|l'habitat" "$W/index.html" && ok || bad "a straight apostrophe in the office's name"

# the colours: text in a loop's colour darkened where it reads too faintly
grep -q -- "--c: #[0-9A-F]*; /\* the edition's #F2B134, darkened to reach [0-9.]*:1 with white and 4\.[5-9]:1 with the footer" "$W/carnet.css" \
	&& ok || bad "the insertion loop's yellow is not darkened for text"

# an office with pale colours: every one darkened where text needs it, so
# that axe finds no contrast to fault
C=$tmp/pale
cp -r layouts/2023 "$C"
sed -i 's/^principale=.*/principale=#9FD3F0/; s/^accent=.*/accent=#FFF3A0/; s/^texte=#.*/texte=#A0A0A0/;
	s/^couleur=.*/couleur=#FFE066/' "$C/edition.ini"
expect_status "pale colours" 0 html "$C" "$tmp/webc"
node tests/web/check.mjs "$tmp/webc" "$tmp/shots-pale" >"$tmp/browser" 2>&1 && ok \
	|| { bad "pale colours in Chromium"; head -20 "$tmp/browser" >&2; }
grep -q -- "--encre: #[0-9A-F]*; /\* the edition's #A0A0A0, darkened" "$tmp/webc/carnet.css" \
	&& ok || bad "pale colours: the text's grey is not darkened"

# ---- reproducible, self-contained, light ----
export SOURCE_DATE_EPOCH=1
expect_status "again" 0 html layouts/2023 "$tmp/web2"
unset SOURCE_DATE_EPOCH
diff -r "$W" "$tmp/web2" >/dev/null && ok || bad "two builds differ"
mkdir -p "$tmp/home"
(export HOME="$tmp/home" FONTCONFIG_FILE=/dev/null
 "$bin/carnet" html --layout layouts/2023 --figures "$s/figures.tsv" --fonts fonts --out "$tmp/web3") \
	2>/dev/null && ok || bad "other fonts: the build failed"
diff -r "$W" "$tmp/web3" >/dev/null && ok || bad "the machine's fonts change the pages"
size=$(cat "$W/index.html" "$W/carnet.css" "$W/logo.svg" "$W"/polices/*.[to]tf | wc -c)
[ "$size" -le 307200 ] && ok || bad "the index and what it loads weigh $size bytes (> 300 KB)"
echo "web: the index and what it loads weigh $size bytes"

# ---- photos ----
L=$tmp/photos
rm -rf "$L" && cp -r layouts/2023 "$L"
find "$L/textes" -mindepth 1 -type d -exec rm -rf {} +
mkdir -p "$L/textes/patrimoine"
i=10
for k in baseline portrait orient6 alpha small webpsix pngicc webpicc; do
	case $k in alpha|pngicc) f=$k.png ;; webp*) f=$k.webp ;; *) f=$k.jpg ;; esac
	{ echo "# Essai $k"; echo; echo "Un texte."; echo; echo "![Essai — $k]($f)"; } \
		>"$L/textes/patrimoine/$i-$k.md"
	i=$((i + 1))
done
$py tests/tools/make_photos.py "$L/images" baseline.jpg:camera portrait.jpg:portrait \
	orient6.jpg:orient6 alpha.png:alpha@2000x1500 small.jpg:small@320x240 \
	webpsix.webp:webp6@2000x1500 pngicc.png:pngicc@800x600 webpicc.webp:webpicc@800x600 \
	|| bad "make_photos"
P=$tmp/webp
expect_status "photos" 0 html "$L" "$P" --cache "$tmp/cache"
# the small photo goes as it is, once decoded whole: the cache keeps that
# verdict by its content, so the next build does not decode it again
[ "$(ls "$tmp/cache" | grep -c -- '-decodes$')" -ge 1 ] && ok || bad "no decode verdict in the cache"
$py tests/tools/web_structure.py "$P" >"$tmp/structure" && ok || { bad "structure (photos)"; cat "$tmp/structure" >&2; }
$py - "$P" <<'PY' && ok || bad "photos: widths, upright, metadata, alt"
import re, sys, os
from PIL import Image
d = sys.argv[1]
page = open(os.path.join(d, "patrimoine.html"), encoding="utf-8").read()
imgs = re.findall(r'<img src="(photos/[^"]+)" (?:srcset="([^"]*)" [^>]*?)?width="(\d+)" height="(\d+)" alt="([^"]*)"', page)
fail = []
if len(imgs) != 8:
    fail.append(f"{len(imgs)} photos, want 8")
# the caption is said once: from alt; the figure has no label of its own
# and its visible caption is hidden from screen readers
if re.search(r'<figure class="photo[^"]*"[^>]*aria-label', page):
    fail.append("a photo's figure carries an aria-label: its caption is said twice")
if page.count('<figcaption aria-hidden="true">Essai') != 8:
    fail.append("a photo's caption is not a figcaption hidden from screen readers")
for src, srcset, w, h, alt in imgs:
    kind = re.search(r"photos/([a-z0-9]+)-", src).group(1)
    if alt != f"Essai — {kind}":
        fail.append(f"{src}: alt {alt!r}")
    widths = sorted(int(x) for x in re.findall(r" (\d+)w", srcset))
    if kind == "small":
        if srcset or int(w) != 320:
            fail.append(f"{src}: a small photo is shown at its own size, once")
    elif widths != [640, 1280] and not kind.endswith("icc"):
        fail.append(f"{src}: srcset widths {widths}")
    for f in [src] + re.findall(r"(photos/\S+) \d+w", srcset):
        im = Image.open(os.path.join(d, f))
        if im.getexif() or "exif" in im.info or "icc_profile" in im.info and kind != "alpha":
            fail.append(f"{f}: metadata left")
        rgb = im.convert("RGB")
        top = rgb.getpixel((rgb.width // 2, 2))
        if kind.endswith("icc"):
            # its Adobe RGB values taken back to the sRGB they stand for
            mid = rgb.getpixel((rgb.width // 2, rgb.height // 2))
            if max(abs(a - b) for a, b in zip(mid, (200, 120, 40))) > 6:
                fail.append(f"{f}: its colour profile is not applied ({mid}, want (200, 120, 40))")
        elif kind != "alpha" and not (top[0] > 150 and top[1] < 110 and top[2] < 110):
            fail.append(f"{f}: not upright (top {top})")
    if kind == "alpha" and not src.endswith(".png"):
        fail.append(f"{src}: transparency lost")
for f in fail:
    print("  " + f, file=sys.stderr)
sys.exit(1 if fail else 0)
PY
node tests/web/check.mjs "$P" "$tmp/shots-photos" >"$tmp/browser" 2>&1 && ok \
	|| { bad "photos in Chromium"; head -20 "$tmp/browser" >&2; }

# a broken photo: its text's line, nothing replaced
cp "$P/index.html" "$tmp/index-before"
head -c 20000 "$L/images/baseline.jpg" >"$L/images/broken.jpg"
printf '\n![Cassée](broken.jpg)\n' >>"$L/textes/patrimoine/10-baseline.md"
expect_status "broken photo" 1 html "$L" "$P"
grep -q "10-baseline.md:7: photo 'broken.jpg': " "$tmp/err" && ok || { bad "broken photo: message"; cat "$tmp/err" >&2; }
expect_same "broken photo: the last edition" "$tmp/index-before" "$P/index.html"
ls "$tmp" | grep -q '^webp.tmp' && bad "a temporary folder is left (broken photo)" || ok
# a truncated photo small enough to go as it is: decoded all the same
sed -i '$d' "$L/textes/patrimoine/10-baseline.md"
$py tests/tools/make_photos.py "$L/images" cutsmall.jpg:truncated@320x240 || bad "make_photos"
printf '![Coupée](cutsmall.jpg)\n' >>"$L/textes/patrimoine/10-baseline.md"
expect_status "truncated small photo" 1 html "$L" "$P"
grep -q "10-baseline.md:7: photo 'cutsmall.jpg': cannot decode the JPEG: Premature end of JPEG file" "$tmp/err" \
	&& ok || { bad "truncated small photo: message"; cat "$tmp/err" >&2; }
expect_same "truncated small photo: the last edition" "$tmp/index-before" "$P/index.html"

# --out written with a slash, twice: the folder, replaced
expect_status "--out DIR/" 0 html layouts/2023 "$tmp/webs/"
expect_status "--out DIR/ again" 0 html layouts/2023 "$tmp/webs/"
diff -r "$W" "$tmp/webs" >/dev/null && ok || bad "--out DIR/: not the same edition"
ls -a "$tmp/webs" | grep -q tmp && bad "--out DIR/: a temporary folder inside" || ok

# ---- bad input ----
mkdir -p "$tmp/other" && echo "mine" >"$tmp/other/notes.txt"
expect_status "not a web edition" 1 html layouts/2023 "$tmp/other"
expect_err "not a web edition" "carnet html: $tmp/other: is not a web edition (no index.html and carnet.css in it): carnet html does not replace it"
[ "$(cat "$tmp/other/notes.txt")" = mine ] && [ ! -e "$tmp/other/index.html" ] && ok || bad "the folder was touched"

B=$tmp/badloop
cp -r layouts/2023 "$B"
sed -i 's/^boucles=patrimoine;/boucles=Patrimoine;/; s/^\[boucle.patrimoine\]/[boucle.Patrimoine]/' "$B/edition.ini"
mv "$B/textes/patrimoine" "$B/textes/Patrimoine"
sed -i 's/^patrimoine;/Patrimoine;/' "$B/chiffres.csv" "$B/graphiques.csv"
expect_status "a loop id that cannot name a page" 1 html "$B" "$tmp/webb"
grep -q "edition.ini:[0-9]*: \[edition\] boucles: the loop id 'Patrimoine' names web pages" "$tmp/err" \
	&& ok || { bad "bad loop id: message"; cat "$tmp/err" >&2; }

# raw HTML in a text: a warning, and nothing of it in the page
R=$tmp/raw
cp -r layouts/2023 "$R"
printf '\n<script>alert(1)</script>\n\nVoir <span onclick="x()">ici</span>.\n' >>"$R/textes/rh/03-bureaux.md"
expect_status "raw HTML" 0 html "$R" "$tmp/webr"
grep -q "03-bureaux.md:[0-9]*: warning: raw HTML is left out of the carnet: write Markdown" "$tmp/err" \
	&& ok || { bad "raw HTML: no warning"; cat "$tmp/err" >&2; }
! grep -q "alert\|onclick" "$tmp/webr/rh.html" && ok || bad "raw HTML reached the page"

# script and outside content (issue: links, lang, CSS): a link goes to the
# web, mail, a phone or an anchor, anything else is an error at its column
J=$tmp/js
cp -r layouts/2023 "$J"
f=$J/textes/rh/03-bureaux.md
cp "$f" "$tmp/bureaux.md"
printf '\nVoir [ici](javascript:alert(1)), [là](VBScript:x), [data](DATA:text/html,x), [rel](autre.html), [le site](https://example.org), [ancre](#rh).\n\n<javascript:alert(2)>\n\n[entité](jav&#x61;script:alert(3))\n' >>"$f"
n=$(wc -l <"$f")
expect_status "unsafe links" 1 html "$J" "$tmp/webj"
for want in "$((n - 4)):6: link 'javascript:alert(1)'" "$((n - 4)):34: link 'VBScript:x'" \
	"$((n - 4)):53: link 'DATA:text/html,x'" "$((n - 4)):79: link 'autre.html'" \
	"$((n - 2)):1: link 'javascript:alert(2)'" "$n:1: link 'javascript:alert(3)'"; do
	grep -qF "03-bureaux.md:$want: a link goes to https://, http://, mailto:, tel: or a #anchor" \
		"$tmp/err" && ok || { bad "unsafe link: no error for $want"; cat "$tmp/err" >&2; }
done
grep -q "example.org\|#rh" "$tmp/err" && bad "a safe link refused" || ok
[ ! -e "$tmp/webj" ] && ok || bad "unsafe links: an edition was written"
# the safe ones pass, as written
cp "$tmp/bureaux.md" "$f"
printf '\nVoir [le site](https://example.org), [écrire](mailto:contact@example.org), [appeler](tel:+33321000000) et [les RH](#rh).\n' >>"$f"
expect_status "safe links" 0 html "$J" "$tmp/webj"
grep -q '<a href="https://example.org">le site</a>' "$tmp/webj/rh.html" && ok || bad "safe link: not in the page"
# a language tag that is not one, a title that closes a CSS comment
sed -i 's|^langue=.*|langue=fr"><script>alert(1)</script>|' "$J/edition.ini"
expect_status "hostile langue" 1 html "$J" "$tmp/webj2"
grep -q "edition.ini:[0-9]*: \[edition\] langue: invalid language tag" "$tmp/err" \
	&& ok || { bad "hostile langue: message"; cat "$tmp/err" >&2; }
sed -i 's|^langue=.*|langue=fr-FR|; s|^titre=.*|titre=*/ html{background:url(https://evil.example/x)} /*|' "$J/edition.ini"
expect_status "hostile titre" 0 html "$J" "$tmp/webj3"
! grep -q "evil.example" "$tmp/webj3/carnet.css" && ok || bad "the title reached the style sheet"
# no script, no javascript:/vbscript:/data: link, nothing from outside, in
# any file of the editions; every page under a policy that says so
for d in "$W" "$tmp/webj" "$tmp/webj3"; do
	{ grep -rliE '<script|(href|src|srcset)="[[:space:]]*(javascript|vbscript|data):|(src|srcset)="[[:space:]]*(https?:)?//|<link[^>]*href="(https?:)?//' "$d"
	  grep -rliE 'url\([[:space:]"'"'"']*((https?|data):|//)|@import' --include='*.css' "$d"
	  grep -rlioE 'style="[^"]*url\(' "$d"; } \
		>"$tmp/hits" && { bad "script or outside content in $d"; cat "$tmp/hits" >&2; } || ok
	for p in "$d"/*.html; do
		grep -q "Content-Security-Policy\" content=\"default-src 'none'; img-src 'self';" "$p" \
			&& ok || bad "$p: no Content-Security-Policy"
	done
done
node tests/web/check.mjs "$tmp/webj3" "$tmp/shots-hostile" >"$tmp/browser" 2>&1 && ok \
	|| { bad "hostile settings in Chromium"; head -20 "$tmp/browser" >&2; }

# a text that is a link (to a file anywhere) is refused; control and bidi
# override characters in texts and settings: a located warning, dropped
S=$tmp/linked
cp -r layouts/2023 "$S"
ln -s /etc/hostname "$S/textes/rh/10-x.md"
expect_status "linked text" 1 html "$S" "$tmp/webl"
expect_err "linked text" "carnet html: $S/textes/rh/10-x.md: cannot read the text: is a symbolic link: put the file itself there"
rm "$S/textes/rh/10-x.md"
printf '\nUn texte\033 avec \342\200\256des contrôles.\n' >>"$S/textes/rh/03-bureaux.md"
n=$(wc -l <"$S/textes/rh/03-bureaux.md")
sed -i "s/^sous_titre=\(.*\)/sous_titre=\1$(printf '\302\205')/" "$S/edition.ini"
expect_status "controls in texts and settings" 0 html "$S" "$tmp/webl"
grep -q "03-bureaux.md:$n: warning: control or bidi override characters dropped" "$tmp/err" \
	&& ok || { bad "controls: no warning at the text's line"; cat "$tmp/err" >&2; }
grep -q "edition.ini:[0-9]*: warning: \[edition\] sous_titre: control or bidi override characters dropped" \
	"$tmp/err" && ok || { bad "controls: no warning at the setting's line"; cat "$tmp/err" >&2; }
grep -q "Un texte avec des contrôles" "$tmp/webl/rh.html" && ok || bad "controls: the text is not there"
LC_ALL=C grep -rlq --include='*.html' --include='*.css' --include='*.svg' "$(printf '\033')\|$(printf '\342\200\256')\|$(printf '\302\205')\|&#x1[bB];" "$tmp/webl" \
	&& bad "controls: reached the web edition" || ok

# two texts whose names give one anchor
A=$tmp/ids
cp -r layouts/2023 "$A"
printf '# A\n\nTexte.\n' >"$A/textes/rh/10-a b.md"
printf '# B\n\nTexte.\n' >"$A/textes/rh/10-a-b.md"
expect_status "one anchor for two texts" 1 html "$A" "$tmp/weba"
expect_err "one anchor for two texts" "carnet html: $A/textes/rh/10-a-b.md: its web anchor 'a-10-a-b' is the one of $A/textes/rh/10-a b.md too: rename one of the two files"

# a draft: n.d. where a figure is absent, PROJET on every page
D=$tmp/draft
cp -r layouts/2023 "$D"
printf '\nEn projet : {{rh.inconnu}} agents.\n' >>"$D/textes/rh/03-bureaux.md"
expect_status "no draft" 1 html "$D" "$tmp/webd"
expect_status "draft" 0 html "$D" "$tmp/webd" --draft
grep -q "$(printf "\302\240"): n.d. agents" "$tmp/webd/rh.html" && ok || bad "draft: no n.d."
for f in "$tmp/webd"/*.html; do
	grep -q '<p class="projet">PROJET' "$f" && grep -q "<title>PROJET — " "$f" && ok || bad "draft: $f not marked"
done

finish web
