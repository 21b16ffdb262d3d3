#!/bin/sh
# shape.sh OBJDIR — the tree's shape (issue 25, tests/tools/code_shape.py):
# no file over 800 lines, no function over 80, no two modules that include
# or call each other, directly or round a loop, no layer (etl, model,
# render) that depends on one above it.  The checker is run on the
# tree, then on a spoiled copy, which it must refuse with each breach
# named.  Prints "shape: N passed, N failed".
set -u
objdir=${1:?usage: tests/shape.sh OBJDIR}
cd "$(dirname "$0")/.." || exit 2
bin=. . tests/lib.sh
shape=tests/tools/code_shape.py

if "$py" $shape "$objdir" etl model render init tools >"$tmp/out" 2>&1; then ok; else
	bad "the tree is out of shape"; sed 's/^/  | /' "$tmp/out" >&2
fi

# a spoiled copy: a long file, a long function, two modules in a loop
s=$tmp/spoiled
mkdir -p "$s/src" "$s/obj"
{
	printf '#include "a.h"\nint b_one(void);\nint a_long(void)\n{\n'
	i=0; while [ $i -lt 79 ]; do echo '	;'; i=$((i + 1)); done
	echo '	return b_one();'; echo '}'
	i=0; while [ $i -lt 730 ]; do echo '/* filler */'; i=$((i + 1)); done
} >"$s/src/a.c"
printf '#include "b.h"\n' >"$s/src/a.h"
printf '#include "a.h"\nint b_one(void) { return a_long(); }\n' >"$s/src/b.c"
printf 'int b_one(void);\n' >"$s/src/b.h"
cc -c -o "$s/obj/a.o" "$s/src/a.c" 2>/dev/null
printf 'int a_long(void);\n' >>"$s/src/b.h"
cc -c -o "$s/obj/b.o" "$s/src/b.c" 2>/dev/null
(cd "$s" && "$py" "$OLDPWD/$shape" obj src) >"$tmp/out" 2>&1 && bad "a spoiled tree passes"
for want in 'src/a.c: 815 lines (at most 800)' 'src/a.c:3: a_long() is 83 lines (at most 80)' \
	    'modules that include or call each other: src/a src/b'; do
	if grep -qF -- "$want" "$tmp/out"; then ok; else
		bad "spoiled tree: no '$want'"; sed 's/^/  | /' "$tmp/out" >&2
	fi
done

# a lower layer that includes a higher one
l=$tmp/layered
mkdir -p "$l/etl" "$l/render" "$l/obj"
printf 'int drawn(void);\n' >"$l/render/draw.h"
printf '#include "../render/draw.h"\nint read_it(void) { return 1; }\n' >"$l/etl/read.c"
(cd "$l" && "$py" "$OLDPWD/$shape" obj etl render) >"$tmp/out" 2>&1 && bad "a layer upside down passes"
grep -qF "etl/read depends on render/draw: a layer above its own" "$tmp/out" && ok ||
	{ bad "layers: not named"; sed 's/^/  | /' "$tmp/out" >&2; }

finish shape
