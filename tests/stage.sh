#!/bin/sh
# stage.sh BIN — runs the real programs of BIN on the fixtures and on bad
# inputs, and checks their output, messages and exit codes.
# Prints "N passed, N failed" and exits 1 when a test failed.
set -u
bin=${1:?usage: tests/stage.sh BIN}
cd "$(dirname "$0")/.." || exit 2     # paths below are from the repository
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# expect_status NAME WANT CMD... — runs CMD, keeps its stderr in $tmp/err.
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

# -- the front command
expect_status "version" 0 "$bin/carnet" --version
grep -qx 'carnet [0-9.]*' "$tmp/out" && ok || bad "version: $(cat "$tmp/out")"
expect_status "help" 0 "$bin/carnet" --help
grep -q 'build    run the whole pipeline' "$tmp/out" && ok || bad "help text"
expect_status "unknown command" 2 "$bin/carnet" frobnicate
expect_err "unknown command" "carnet: unknown command 'frobnicate' (see carnet --help)"
expect_status "figures without --in" 2 "$bin/carnet" figures

# -- the fixtures parse cleanly, every file, with its row count
expect_status "fixtures" 0 "$bin/carnet" figures --in fixtures/2023 --year 2023 -v
for f in rh_effectifs rh_formations insertion enquete_satisfaction flotte chiffres_cles; do
	grep -q "^carnet figures: fixtures/2023/$f\.csv: [0-9][0-9]* rows read, 0 rejected" "$tmp/err" \
		&& ok || bad "fixtures: no row count for $f.csv"
done
[ ! -s "$tmp/out" ] && ok || bad "fixtures: stdout is not empty"

# -- bad data: exit 1, file:line:column message
mkdir "$tmp/in"
cp fixtures/2023/*.csv "$tmp/in/"
printf 'matricule;sexe;date_naissance;date_entree;type_contrat;categorie;proximite;direction\nZ9;F;01/01/1980;31/02/2023;CDI;Cadre;N;Siège\n' \
	>"$tmp/in/rh_effectifs.csv"
expect_status "bad date" 1 "$bin/carnet" figures --in "$tmp/in" --year 2023
expect_err "bad date" "carnet figures: $tmp/in/rh_effectifs.csv:2:4: invalid date '31/02/2023' in 'date_entree': no such day in that month"
grep -q 'Z9\|1980' "$tmp/err" && bad "bad date: a personal value is in the message" || ok

# -- a missing folder: exit 2
expect_status "missing folder" 2 "$bin/carnet" figures --in "$tmp/nowhere" --year 2023

echo "stage: $pass passed, $fail failed"
[ "$fail" = 0 ]
