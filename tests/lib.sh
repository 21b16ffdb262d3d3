# lib.sh — what the shell tests share; sourced from the repository's root
# after $bin is set (made absolute here).  Gives $tmp (removed at exit),
# $py (Debian's python3, which has python3-openpyxl), and the checks
# below, which count into $pass and $fail.

case $bin in /*) ;; *) bin=$PWD/$bin ;; esac

# the messages the tests expect are the code's, in English (tests/i18n.sh
# reads the French ones): whatever language the shell speaks
unset LANGUAGE LC_ALL
export LC_MESSAGES=C

tmp=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
pass=0 fail=0
py=/usr/bin/python3
[ -x "$py" ] || py=python3

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# expect_status NAME WANT CMD... — runs CMD; stdout in $tmp/out, stderr in
# $tmp/err.
expect_status() {
	name=$1 want=$2; shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"; got=$?
	if [ "$got" = "$want" ]; then ok; else
		bad "$name: exit $got, want $want"; sed 's/^/  | /' "$tmp/err" >&2
	fi
}

# expect_err NAME TEXT — the last stderr holds the line TEXT.
expect_err() {
	if grep -qxF -- "$2" "$tmp/err"; then ok; else
		bad "$1: stderr lacks: $2"; sed 's/^/  | /' "$tmp/err" >&2
	fi
}

# expect_same NAME EXPECTED ACTUAL — the files are identical.
expect_same() {
	if cmp -s "$2" "$3"; then ok; else
		bad "$1: $3 differs from $2"; diff "$2" "$3" | head -20 >&2
	fi
}

# stage_figures — the figures of fixtures/2023 into $s (table, table with
# provenance, quality), for the renderers' tests.
stage_figures() {
	s=$tmp/stage
	mkdir -p "$s"
	"$bin/carnet" figures --in fixtures/2023 --year 2023 -o "$s/table.tsv" \
		--provenance "$s/figures.tsv" --quality "$s/quality.tsv" 2>/dev/null || bad "figures"
}

# finish NAME — the closing line, and the exit status.
finish() {
	echo "$1: $pass passed, $fail failed"
	[ "$fail" = 0 ]
}
