#!/bin/sh
# publish.sh OUT PATH... — puts what make report staged in OUT, once every
# stage has succeeded (the Makefile calls it last), so that a failed
# stage leaves the last report as it was.  Each file is copied beside its
# place and renamed into it; a folder (the web edition) is copied whole
# beside the old one, which it then replaces.  What is already the same
# is left alone, so that a run with nothing new rewrites nothing.
set -eu
out=${1:?usage: tools/publish.sh OUT PATH...}
shift
mkdir -p "$out"
new=
trap '[ -z "$new" ] || rm -rf "$new"' EXIT
for src; do
	dst=$out/$(basename "$src")
	new=$dst.new-$$
	if [ -d "$src" ]; then
		diff -rq "$src" "$dst" >/dev/null 2>&1 && continue
		cp -R "$src" "$new"
		[ ! -d "$dst" ] || mv "$dst" "$dst.old-$$"
		mv "$new" "$dst"
		rm -rf "$dst.old-$$"
	else
		cmp -s "$src" "$dst" && continue
		cp "$src" "$new"
		mv -f "$new" "$dst"
	fi
done
new=
