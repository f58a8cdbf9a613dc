# lib.sh - helpers for the CLI tests (sourced). Each check prints one
# PASS/FAIL line that tests/run counts. $OYSTER is the binary under test,
# $T a scratch directory removed afterwards, $EX the examples directory.
set -u
: "${OYSTER:?OYSTER must name the oyster binary}"
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
EX=$TOP/examples
T=$(mktemp -d "${TMPDIR:-/tmp}/oyster-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
failed=0
NAME=$(basename "$0" .sh)

pass() { echo "PASS $NAME: $*"; }
fail() { echo "FAIL $NAME: $*"; failed=1; }
ok() {   # ok "description" command...  (passes when the command succeeds)
    d=$1; shift
    if "$@" >"$T/.out" 2>&1; then pass "$d"; else fail "$d"; sed 's/^/    /' "$T/.out" | head -20; fi
}
expect_rc() {   # expect_rc CODE "description" command...
    want=$1; d=$2; shift 2
    "$@" >"$T/.out" 2>"$T/.err"; rc=$?
    if [ "$rc" = "$want" ]; then pass "$d (exit $rc)"; else
        fail "$d: exit $rc, wanted $want"; sed 's/^/    /' "$T/.err" | head -20; fi
}
# shot NAME <<YAML: write a shot script into $T
shot() { cat >"$T/$1"; }
finish() { exit $failed; }
