#!/usr/bin/env bash
# tests/valgrind.sh LOGDIR NAME COMMAND [ARG...] — runs COMMAND under
# valgrind's memcheck (make valgrind): any error, or a leak valgrind calls
# definite, fails it.  Each process (the editions' children included)
# logs to LOGDIR/NAME.PID.log and the command's own messages go to
# LOGDIR/NAME.err, so that a failure ends with what caused it — not
# buried under the warnings a stage prints (CI shows a log's tail).
set -uo pipefail
logdir=$1 name=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$logdir"
rm -f "$logdir/$name".*.log "$logdir/$name.err"
# 99: valgrind's own verdict, told apart from the command's exit status
valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --suppressions="$here/valgrind.supp" \
    --log-file="$logdir/$name.%p.log" "$@" 2>"$logdir/$name.err"
rc=$?
if [ "$rc" -eq 0 ]; then
    echo "valgrind: $name: no error, no definite leak"
    exit 0
fi
echo "valgrind: $name failed (exit $rc$([ "$rc" -eq 99 ] && echo ": an error valgrind found"))" >&2
echo "--- its messages, warnings left out ---" >&2
grep -v ': warning: ' "$logdir/$name.err" | tail -n 40 >&2
for f in "$logdir/$name".*.log; do
    [ -s "$f" ] || continue
    echo "--- $f ---" >&2
    tail -n 200 "$f" >&2
done
exit 1
