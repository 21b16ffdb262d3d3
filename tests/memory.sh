#!/bin/sh
# memory.sh BIN — the ETL's memory budget (--memory, etl/keycheck.h): the
# same exports read in memory and spilled (a budget so small that every
# key check sorts on disk, and 1M) give the same table, provenance,
# quality report, HR detail, labels, messages and exit status; on the
# 2023 fixtures and on exports full of what the key checks decide
# (tests/tools/tangled_exports.py: duplicates of every kind, which the
# fixtures lack).  The sort's temporary files never outlive the run, even
# killed; a temporary folder that cannot be written is said; bad sizes are
# refused.  (tests/bad.sh reads the defect corpus with --memory 1M and 16k.)
# Prints "memory: N passed, N failed".
set -u
bin=${1:?usage: tests/memory.sh BIN}
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

# figures NAME IN MEMORY — one run into $tmp/NAME/ (every output, stderr,
# the exit status); -v says which exports were read again.
figures() {
	rm -rf "$tmp/$1" && mkdir -p "$tmp/$1"
	TMPDIR=$tmp/sort "$bin/carnet" figures --in "$2" --year 2023 --memory "$3" -v \
		-o "$tmp/$1/table.tsv" --provenance "$tmp/$1/provenance.tsv" \
		--quality "$tmp/$1/quality.tsv" --hr-detail "$tmp/$1/hr-detail.tsv" \
		--labels "$tmp/$1/labels.tsv" >"$tmp/$1/out" 2>"$tmp/$1/verbose"
	echo $? >"$tmp/$1/status"
	grep -v ' rows read, ' "$tmp/$1/verbose" >"$tmp/$1/err"
}

# same_outputs WHAT A B — every output of run B as run A's.
same_outputs() {
	for f in table.tsv provenance.tsv quality.tsv hr-detail.tsv labels.tsv out err status; do
		expect_same "$1: $f" "$tmp/$2/$f" "$tmp/$3/$f"
	done
}

# spilled_sources RUN — how many exports the run read spilled.
spilled_sources() {
	grep -c 'read \([0-9]* times\|once\): its keys sorted on disk' "$tmp/$1/verbose"
}

# read_once RUN FILE — whether the run read FILE spilled in one pass (its
# first pass read in hope, keycheck.h: its checks found nothing to say).
read_once() {
	grep -q "/$2: .*, read once: its keys sorted on disk" "$tmp/$1/verbose"
}

mkdir -p "$tmp/sort"
"$py" tests/tools/tangled_exports.py "$tmp/tangled" 4000 || bad "tangled_exports.py failed"

for data in fixtures tangled; do
	[ $data = fixtures ] && in=fixtures/2023 || in=$tmp/tangled
	figures $data-64M "$in" 64M
	figures $data-1M "$in" 1M
	figures $data-16k "$in" 16k
	[ "$(cat "$tmp/$data-64M/status")" = 0 ] && ok || bad "$data: exit $(cat "$tmp/$data-64M/status")"
	[ "$(spilled_sources $data-64M)" = 0 ] && ok || bad "$data: spilled with 64M"
	# 16k: every export with key checks (all but chiffres_cles.csv), but
	# the fixtures' fleet, whose 95 rows fit
	[ $data = fixtures ] && want=4 || want=5
	[ "$(spilled_sources $data-16k)" = $want ] && ok ||
		{ bad "$data: $(spilled_sources $data-16k) exports spilled with 16k, want $want"; cat "$tmp/$data-16k/verbose" >&2; }
	same_outputs "$data, 1M" $data-64M $data-1M
	same_outputs "$data, 16k" $data-64M $data-16k
done

# Read in hope: the fixtures' survey, HR register and training register,
# clean, read once spilled; the tangled ones, whose checks have much to
# say, read again (the outputs above are the same all the same).
for f in enquete_satisfaction.csv rh_effectifs.csv rh_formations.csv; do
	read_once fixtures-16k $f && ok || bad "fixtures, 16k: $f not read once"
	read_once tangled-16k $f && bad "tangled, 16k: $f read once, though its checks have things to say" || ok
done
# The insertion follow-up (checks of two stages, its operations' first
# type kept: a hoping check) read in hope too: once when clean; when its
# rows have duplicates (the tangled one), stage 1 has things to say, and
# the reading starts again: four readings in all.
read_once fixtures-16k insertion.csv && ok || bad "fixtures, 16k: insertion.csv not read once"
grep -q "/insertion.csv: .*, read 4 times: its keys sorted on disk" "$tmp/tangled-16k/verbose" &&
	ok || bad "tangled, 16k: insertion.csv not read 4 times"
# An operation given another type on a later row, and no duplicate
# contract: stage 1 has nothing to say, stage 2 does.  Read in hope, then
# ahead (pass 2 not needed), then the last pass: thrice, and what the
# reading in memory says, its warning included.
mkdir -p "$tmp/retyped-in"
cp fixtures/2023/*.csv "$tmp/retyped-in/"
sed '3s/^CE-2023-01;Chantier école;/CE-2023-01;Clause sociale;/' fixtures/2023/insertion.csv \
	>"$tmp/retyped-in/insertion.csv"
figures retyped-64M "$tmp/retyped-in" 64M
figures retyped-16k "$tmp/retyped-in" 16k
grep -q "insertion.csv:3:2: warning: operation 'CE-2023-01' has another type on an earlier line" \
	"$tmp/retyped-64M/err" && ok || bad "retyped: no warning of the operation's other type"
grep -q "/insertion.csv: .*, read 3 times: its keys sorted on disk" "$tmp/retyped-16k/verbose" &&
	ok || bad "retyped, 16k: insertion.csv not read 3 times"
same_outputs "retyped, 16k" retyped-64M retyped-16k

# A survey whose first pass, spilled, reads the ids only (source.light):
# a rejected row (line 2) has the id of a valid one (line 3), which is
# then no duplicate; the bad row makes the reading start again in full,
# and the messages are those of the reading in memory.
mkdir -p "$tmp/light"
{ head -1 "$tmp/tangled/enquete_satisfaction.csv"
  printf 'ENQ-X,31/02/2023,Siège,Lens,Collectif,1,Très satisfait,NSP,\r\n'
  printf 'ENQ-X,01/03/2023,Siège,Lens,Collectif,1,Très satisfait,NSP,\r\n'
  tail -n +2 "$tmp/tangled/enquete_satisfaction.csv"; } >"$tmp/light/enquete_satisfaction.csv"
figures light-64M "$tmp/light" 64M
figures light-16k "$tmp/light" 16k
[ "$(cat "$tmp/light-64M/status")" = 1 ] && ok || bad "light: exit $(cat "$tmp/light-64M/status"), want 1"
grep -q 'enquete_satisfaction.csv:3: warning: same interview id' "$tmp/light-16k/err" &&
	bad "light: the valid row is called a duplicate of the rejected one" || ok
for f in out err status; do         # a bad row: no table is written
	expect_same "light, 16k: $f" "$tmp/light-64M/$f" "$tmp/light-16k/$f"
done

# The tangled exports do test the checks: each kind of what they decide is
# there, many times (and so on both sides of the sorted runs).
# (the report is French: tests/i18n.sh)
for kind in \
	'rh_effectifs.csv	doublon du contrat de la ligne' \
	'rh_effectifs.csv	chevauche le contrat de la ligne' \
	'rh_effectifs.csv	même matricule qu’à la ligne' \
	'rh_formations.csv	stagiaire absent du registre du personnel' \
	'rh_formations.csv	doublon de la session de la ligne' \
	'insertion.csv	l’opération «' \
	'insertion.csv	doublon du contrat de la ligne' \
	'enquete_satisfaction.csv	même identifiant d’entretien qu’à la ligne' \
	'flotte.csv	le véhicule «' \
	'flotte.csv	doublon de la ligne'; do
	file=${kind%%	*} what=${kind#*	}
	n=$(awk -F'\t' -v f="$file" -v w="$what" '$1 == "warning" && index($2, f) && index($5, w) == 1' \
		"$tmp/tangled-64M/quality.tsv" | wc -l)
	[ "$n" -ge 20 ] && ok || bad "tangled: $n warnings '$what' in $file"
done
[ -z "$(ls -A "$tmp/sort")" ] && ok || bad "temporary files left in TMPDIR: $(ls "$tmp/sort")"

# Killed while it sorts (a sort file open, seen in /proc): nothing left in
# TMPDIR, the files having no name, and no table written.
"$py" tests/tools/tangled_exports.py "$tmp/big" 40000 || bad "tangled_exports.py failed"
# (not INT: a background job of a script ignores it)
for sig in KILL TERM; do
	TMPDIR=$tmp/sort "$bin/carnet-figures" --in "$tmp/big" --year 2023 --memory 16k \
		-o "$tmp/killed.tsv" 2>/dev/null &
	pid=$! i=0
	until ls -l /proc/$pid/fd 2>/dev/null | grep -q "$tmp/sort/" || [ $i -ge 400 ]; do
		sleep 0.01; i=$((i + 1))
	done
	[ $i -lt 400 ] && ok || bad "SIG$sig: no sort file seen open"
	kill -$sig $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	[ -z "$(ls -A "$tmp/sort")" ] && ok || bad "SIG$sig: temporary files left: $(ls -A "$tmp/sort")"
	[ ! -e "$tmp/killed.tsv" ] && ok || bad "SIG$sig: a table was written"
done

# An export written again while it is read spilled (touched once a sort
# file is open, i.e. during a first pass): the passes would not read the
# same rows, so it is an error, not figures.
cp -r "$tmp/big" "$tmp/moving"
TMPDIR=$tmp/sort "$bin/carnet-figures" --in "$tmp/moving" --year 2023 --memory 16k \
	-o "$tmp/moving.tsv" >/dev/null 2>"$tmp/moving.err" &
pid=$! i=0
until ls -l /proc/$pid/fd 2>/dev/null | grep -q "$tmp/sort/" || [ $i -ge 400 ]; do
	sleep 0.01; i=$((i + 1))
done
touch "$tmp/moving"/*.csv
wait $pid; got=$?
[ $got = 2 ] && ok || bad "an export changed while read: exit $got, want 2"
grep -q 'csv: changed while it was read\( [0-9]* times\)\? (its keys sorted on disk): run again once it is written$' \
	"$tmp/moving.err" && ok || { bad "an export changed while read: not said"; cat "$tmp/moving.err" >&2; }
[ ! -e "$tmp/moving.tsv" ] && ok || bad "an export changed while read: a table was written"

# The same read in memory, its SHA-256 worked out by another job
# (etl/digest.h): the exports touched again and again while they are
# read, so that a reading or a hash spans a change.  Said, not figures
# of other bytes than those hashed.
cp -r "$tmp/big" "$tmp/moving2"
"$bin/carnet-figures" --in "$tmp/moving2" --year 2023 --memory 64M \
	-o "$tmp/moving2.tsv" >/dev/null 2>"$tmp/moving2.err" &
pid=$!
while kill -0 $pid 2>/dev/null; do touch "$tmp/moving2"/*.csv; done
wait $pid; got=$?
[ $got = 2 ] && ok || bad "an export changed while read in memory: exit $got, want 2"
grep -q 'csv: changed while it was read: run again once it is written$' "$tmp/moving2.err" && ok ||
	{ bad "an export changed while read in memory: not said"; cat "$tmp/moving2.err" >&2; }
[ ! -e "$tmp/moving2.tsv" ] && ok || bad "an export changed while read in memory: a table was written"

# A temporary folder that cannot be written: said, nothing written.
echo keep >"$tmp/keep.tsv"
expect_status "unwritable TMPDIR" 2 env TMPDIR=/nonexistent/carnet \
	"$bin/carnet" figures --in "$tmp/tangled" --year 2023 --memory 16k -o "$tmp/keep.tsv"
expect_err "unwritable TMPDIR" "carnet figures: $tmp/tangled/rh_effectifs.csv: cannot sort its keys in the temporary folder (\$TMPDIR or /tmp): No such file or directory"
[ "$(cat "$tmp/keep.tsv")" = keep ] && ok || bad "unwritable TMPDIR: the table was written"

# carnet build passes the budget on.
expect_status "carnet build --memory 16k" 0 env TMPDIR=$tmp/sort \
	"$bin/carnet" build --in fixtures/2023 --year 2023 --out "$tmp/build" --memory 16k
expect_same "carnet build --memory 16k" "$tmp/fixtures-64M/table.tsv" "$tmp/build/figures-2023.tsv"
expect_status "carnet build --memory 1" 2 \
	"$bin/carnet" build --in fixtures/2023 --year 2023 --out "$tmp/build" --memory 1
expect_err "carnet build --memory 1" "carnet figures: invalid --memory '1': a size such as 64M or 512k, at least 16k"

for size in abc 10k -5M 64Q 99999999999999999999G ""; do
	expect_status "--memory '$size'" 2 "$bin/carnet" figures --in fixtures/2023 --memory "$size" -o "$tmp/x.tsv"
	expect_err "--memory '$size'" "carnet figures: invalid --memory '$size': a size such as 64M or 512k, at least 16k"
done
expect_status "--memory 100000" 0 "$bin/carnet" figures --in fixtures/2023 --memory 100000 -o "$tmp/x.tsv"
expect_same "--memory 100000" "$tmp/fixtures-64M/table.tsv" "$tmp/x.tsv"

finish memory
