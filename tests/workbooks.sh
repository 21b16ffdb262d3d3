#!/bin/sh
# workbooks.sh BIN — runs the figures and workbook stages of BIN on the
# fixtures, reads the workbooks back with openpyxl, and checks that they
# are reproducible and hold no personal value.  Prints "workbooks-stage: N passed, N failed".
set -u
bin=${1:?usage: tests/workbooks.sh BIN}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

s=$tmp/stage
mkdir -p "$s" "$tmp/a" "$tmp/b" "$tmp/c"
expect_status "figures" 0 "$bin/carnet" figures --in fixtures/2023 --year 2023 \
	-o "$s/table.tsv" --provenance "$s/figures.tsv" --quality "$s/quality.tsv" \
	--hr-detail "$s/hr-detail.tsv"

# xlsx OUT — the workbook stage into OUT
xlsx() {
	env -u SOURCE_DATE_EPOCH "$bin/carnet" xlsx --layout layouts/2023 --figures "$s/figures.tsv" \
		--quality "$s/quality.tsv" --hr-detail "$s/hr-detail.tsv" --out "$1"
}

expect_status "workbooks" 0 xlsx "$tmp/a"
ls "$tmp/a" | grep -q tmp && bad "workbooks: a temporary file is left" || ok

# read back with a real reader, against the figures table
if $py tests/tools/check_workbooks.py "$s/figures.tsv" "$s/hr-detail.tsv" \
	"$tmp/a/carnet-2023.xlsx" "$tmp/a/effectifs-2023.xlsx" >"$tmp/check" 2>&1; then ok; else
	bad "workbooks read back"; cat "$tmp/check" >&2
fi
tail -1 "$tmp/check"

# the same inputs give the same bytes
expect_status "second build" 0 xlsx "$tmp/b"
for w in carnet-2023.xlsx effectifs-2023.xlsx; do
	expect_same "reproducible $w" "$tmp/a/$w" "$tmp/b/$w"
done

# another SOURCE_DATE_EPOCH changes the dates and nothing else
expect_status "other date" 0 env SOURCE_DATE_EPOCH=1718000000 sh -c \
	"\"$bin/carnet\" xlsx --layout layouts/2023 --figures \"$s/figures.tsv\" --quality \"$s/quality.tsv\" --hr-detail \"$s/hr-detail.tsv\" --out \"$tmp/c\""
for w in carnet-2023.xlsx effectifs-2023.xlsx; do
	rm -rf "$tmp/xa" "$tmp/xc"
	mkdir "$tmp/xa" "$tmp/xc"
	(cd "$tmp/xa" && unzip -q "$tmp/a/$w") && (cd "$tmp/xc" && unzip -q "$tmp/c/$w")
	if diff -r -x core.xml "$tmp/xa" "$tmp/xc" >/dev/null; then ok; else
		bad "$w: parts other than docProps/core.xml differ with another date"
	fi
	sed 's/20[0-9-]*T[0-9:]*Z/DATE/g' "$tmp/xa/docProps/core.xml" >"$tmp/core.a"
	sed 's/20[0-9-]*T[0-9:]*Z/DATE/g' "$tmp/xc/docProps/core.xml" >"$tmp/core.c"
	expect_same "$w: core.xml apart from dates" "$tmp/core.a" "$tmp/core.c"
	grep -q '2024-06-10T06:13:20Z' "$tmp/xc/docProps/core.xml" && ok || bad "$w: SOURCE_DATE_EPOCH not used"
	grep -q '2023-12-31T00:00:00Z' "$tmp/xa/docProps/core.xml" && ok || bad "$w: not dated 31/12/2023"
	# no personal value in any part of the workbook
	if $py tests/tools/personal_values.py fixtures/2023 $(find "$tmp/xa" -type f) >"$tmp/leaks" 2>/dev/null; then ok; else
		bad "$w: personal values in the XML"; head "$tmp/leaks" >&2
	fi
done

# a bad SOURCE_DATE_EPOCH is refused
expect_status "bad epoch" 2 env SOURCE_DATE_EPOCH=yesterday "$bin/carnet" xlsx \
	--layout layouts/2023 --figures "$s/figures.tsv" --quality "$s/quality.tsv" \
	--hr-detail "$s/hr-detail.tsv" --out "$tmp/c"

# bad layouts: tests/bad.sh

finish workbooks-stage
