#!/bin/sh
# i18n.sh BIN POT — the messages in the user's language, the report in
# French: the catalogue po/fr.po is complete (no untranslated or fuzzy
# message, every message of the code — POT, made by xgettext — in it);
# LANG=fr_FR.UTF-8 gives French messages and C English ones; the
# data-quality report is French under both, byte for byte the same; a
# machine with no French locale or no catalogue is told so, and no report
# is written.  Prints "i18n: N passed, N failed".
set -u
bin=${1:?usage: tests/i18n.sh BIN POT}
pot=${2:?usage: tests/i18n.sh BIN POT}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
# French puts no-break spaces before ':' and inside « »: read as spaces
plain() { sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' "$@"; }

# ---- the catalogue ----
stats=$(msgfmt --check --statistics -o /dev/null po/fr.po 2>&1) && ok || bad "msgfmt --check: $stats"
case $stats in
*untranslated*|*fuzzy*) bad "po/fr.po is not complete: $stats" ;;
*" translated message"*) ok ;;
*) bad "msgfmt said: $stats" ;;
esac
msgcmp po/fr.po "$pot" >"$tmp/cmp" 2>&1 && ok || { bad "messages of the code not in po/fr.po"; head -5 "$tmp/cmp" >&2; }

# ---- the terminal: the user's language ----
unset LC_MESSAGES
LANG=C expect_status "C" 2 "$bin/carnet" figures --in "$tmp/none"
expect_err "C" "carnet figures: $tmp/none: not a folder"
LANG=fr_FR.UTF-8 expect_status "fr" 2 "$bin/carnet" figures --in "$tmp/none"
expect_err "fr" "carnet figures: $tmp/none: ce n’est pas un dossier"
LANG=fr_FR.UTF-8 "$bin/carnet" --help 2>&1 | plain >"$tmp/help"
grep -q "^usage : carnet COMMANDE \[ARGUMENTS\]" "$tmp/help" && ok || bad "fr: carnet --help"
LANG=C "$bin/carnet" --help | grep -q "^usage: carnet COMMAND \[ARGS\]" && ok || bad "C: carnet --help"
# a warning, an error of a reader and one of a layout
mkdir -p "$tmp/x"
cp fixtures/2023/*.csv "$tmp/x/"
printf 'Matricule;Nom\n' >"$tmp/x/rh_formations.csv"
LANG=fr_FR.UTF-8 "$bin/carnet" figures --in fixtures/2023 --year 2023 -o "$tmp/f.tsv" 2>"$tmp/fr.err"
plain "$tmp/fr.err" | grep -q "rh_formations.csv:2:2: attention : session écartée : date hors de 2023 dans « Date »" \
	&& ok || { bad "fr: a warning"; head -3 "$tmp/fr.err" >&2; }
LANG=fr_FR.UTF-8 expect_status "fr: a reader's error" 1 "$bin/carnet" figures --in "$tmp/x" --year 2023 -o "$tmp/x.tsv"
plain "$tmp/err" | grep -q "rh_formations.csv:1: colonne obligatoire « date » absente" \
	&& ok || { bad "fr: a reader's error"; head -3 "$tmp/err" >&2; }
LANG=C "$bin/carnet" figures --in "$tmp/x" --year 2023 -o "$tmp/x.tsv" 2>&1 | grep -q "missing required column" \
	&& ok || bad "C: a reader's error"

# ---- the report: French whatever the terminal speaks ----
for l in C fr_FR.UTF-8; do
	LANG=$l "$bin/carnet" figures --in fixtures/2023 --year 2023 -o "$tmp/t.tsv" \
		--quality "$tmp/q-$l.tsv" 2>/dev/null || bad "figures under $l"
done
cmp -s "$tmp/q-C.tsv" "$tmp/q-fr_FR.UTF-8.tsv" && ok || bad "the report depends on the terminal's language"
plain "$tmp/q-C.tsv" | grep -q "session écartée : date hors de 2023 dans « Date »" && ok || bad "the report is not French under C"
plain "$tmp/q-C.tsv" | grep -q "= 12 147, et non 12 109)" && ok || bad "a failed rule is not French"
grep -qi "left out\|warning:\|not " "$tmp/q-C.tsv" && bad "English in the report" || ok

# ---- no French locale, no catalogue: said, and no report ----
mkdir -p "$tmp/nolocale"
LOCPATH=$tmp/nolocale LANG=C expect_status "no French locale" 2 "$bin/carnet-figures" --in fixtures/2023 \
	--year 2023 -o "$tmp/n.tsv" --quality "$tmp/n-q.tsv"
grep -q "^carnet figures: no French locale on this machine, .*localedef -i fr_FR" "$tmp/err" && ok \
	|| bad "no French locale: not said"
[ ! -e "$tmp/n-q.tsv" ] && [ ! -e "$tmp/n.tsv" ] && ok || bad "no French locale: a file written"
mkdir -p "$tmp/alone/bin"
cp "$bin/carnet-figures" "$tmp/alone/bin/"
LANG=C expect_status "no catalogue" 2 "$tmp/alone/bin/carnet-figures" --in fixtures/2023 \
	--year 2023 -o "$tmp/n.tsv" --quality "$tmp/n-q.tsv"
grep -q "^carnet figures: no French catalogue beside the programs" "$tmp/err" && ok \
	|| bad "no catalogue: not said"
# without a report to write, the table is made in English messages
LANG=C expect_status "no catalogue, no report" 0 "$tmp/alone/bin/carnet-figures" --in fixtures/2023 \
	--year 2023 -o "$tmp/n.tsv"

echo "i18n: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
