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
has_line() {   # has_line FILE REGEX DESCRIPTION: PASS when a line matches the (extended) regex
    if grep -Eq -- "$2" "$1"; then pass "$3"
    else fail "$3: no line matching $2 in:"; sed 's/^/    /' "$1" | head -10; fi
}
# shot NAME <<YAML: write a shot script into $T
shot() { cat >"$T/$1"; }
# small_shot NAME: half a second at 64x36 with one beat, for tests of the
# tool rather than of the picture
small_shot() {
    shot "$1" <<'YAML'
oyster: 1
seed: 3
output:
  size: 64x36
  fps: 24
  duration: 0.5s
world:
  prompt: a green valley with a river
camera:
  path:
    - at: 0s
      pos: [0, 6, 0]
      look_at: [0, 10, 400]
directives:
  - at: 0.25s
    beat: Start
YAML
}
finish() { exit $failed; }
