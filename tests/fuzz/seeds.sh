#!/bin/sh
# seeds.sh HARNESS DIR — writes the starting corpus of a fuzz harness into
# DIR: the fixtures, the small test files, the 2023 layout, small photos.
set -eu
h=$1 dir=$2
mkdir -p "$dir"
case $h in
reader)
	cp fixtures/2023/*.csv tests/data/*.csv "$dir"/ ;;
fields)
	for s in '31/12/2023' '2023-02-29' '14 893,5' '2,27 %' '5 578 286 €' \
		'1e309' '1,350212345678901234' '0.66666666666666663' '1,5E-07' \
		'4.9406564584124654e-324' '999 999 999 999 999 999,000000000001' \
		'Oui' 'X' 'Très satisfait' "Date d'entrée" 'Q_Propreté'; do
		printf '%s' "$s" >"$dir/$(printf '%s' "$s" | od -An -tx1 | tr -d ' \n' | cut -c1-40)"
	done ;;
sources)
	# the first byte picks the source (the order of etl/sources.c)
	i=0
	for f in chiffres_cles rh_effectifs rh_formations insertion enquete_satisfaction flotte; do
		{ printf "\\$(printf '%03o' $i)"; head -c 3000 "fixtures/2023/$f.csv"; } >"$dir/$f"
		i=$((i + 1))
	done ;;
layout)
	l=layouts/2023
	{ cat $l/edition.ini; printf '\0'; head -c 1500 $l/chiffres.csv; printf '\0';
	  head -c 600 $l/libelles.csv; printf '\0'; cat $l/graphiques.csv; } >"$dir/2023" ;;
texts|html)
	for f in layouts/2023/textes/*/*.md; do
		{ printf '\000'; cat "$f"; } >"$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
	done ;;
photos)
	# small photos of every kind, the focal point byte first
	t=$(mktemp -d)
	/usr/bin/python3 tests/tools/make_photos.py "$t" \
		b.jpg@64x48 p.jpg:progressive@64x48 o.jpg:orient6@64x48 c.jpg:cmyk@64x48 \
		g.jpg:gray@64x48 a.png:alpha@64x48 w.webp:webp@64x48 h.heic:heic bomb.png:bomb \
		cut.jpg:truncated@64x48
	for f in "$t"/*; do { printf '\200'; cat "$f"; } >"$dir/$(basename "$f")"; done
	rm -rf "$t" ;;
*)
	echo "seeds.sh: no harness '$h'" >&2; exit 2 ;;
esac
