#!/bin/sh
# test_exit.sh - exit status and message format of the oyster command
# (oyster(1), EXIT STATUS): 0 on success, 2 for bad input of any kind, 130/143 when
# interrupted; errors as `oyster: FILE:LINE:COL: error: MSG` or
# `oyster: CMD: MSG` with a hint line; outputs never half-written.
. "$(dirname "$0")/lib.sh"

small_shot ok.yaml
shot bad.yaml <<'YAML'
oyster: 1
output:
  size: 64x36
  duraton: 2s
YAML
shot long.yaml <<'YAML'
oyster: 1
output:
  size: 64x36
  fps: 24
  duration: 10m
camera:
  path:
    - at: 0s
      pos: [0, 6, 0]
      look_at: [0, 10, 400]
YAML

# ---- help and version
expect_rc 0 "--version" "$OYSTER" --version
has_line "$T/.out" '^oyster 0\.1\.0$' "--version prints 'oyster 0.1.0'"
expect_rc 0 "--help" "$OYSTER" --help
has_line "$T/.out" '^  render ' "--help lists render"
expect_rc 0 "help render" "$OYSTER" help render
has_line "$T/.out" '^usage: oyster render ' "help render prints its usage"
has_line "$T/.out" ' --frames A-B ' "help render lists --frames"
expect_rc 0 "render --help" "$OYSTER" render --help
expect_rc 2 "no command" "$OYSTER"

# ---- the command line
expect_rc 2 "unknown command" "$OYSTER" rendr ok.yaml
has_line "$T/.err" "^oyster: 'rendr' is not an oyster command$" "unknown command message"
has_line "$T/.err" "^  hint: did you mean 'render'\?$" "unknown command hint"
expect_rc 2 "wander refuses a direct-mode script" "$OYSTER" wander "$T/ok.yaml" -o "$T/w.mkv"
has_line "$T/.err" "^oyster: wander: '.*ok\.yaml' is not a wander script$" "wander's message for a direct-mode script"
expect_rc 2 "unknown option" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" --foo
has_line "$T/.err" "^oyster: render: unknown option '--foo'$" "unknown option message"
has_line "$T/.err" "^  hint: " "unknown option hint"
expect_rc 2 "unknown short option" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" -Z
expect_rc 2 "option without its value" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" --seed
expect_rc 2 "missing -o" "$OYSTER" render "$T/ok.yaml"
has_line "$T/.err" "^oyster: render: missing option '-o FILE'$" "missing -o message"
expect_rc 2 "missing shot argument" "$OYSTER" render -o "$T/x.mp4"
expect_rc 2 "two shots" "$OYSTER" render "$T/ok.yaml" "$T/ok.yaml" -o "$T/x.mp4"
expect_rc 2 "bad --frames 5-2" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" --frames 5-2
has_line "$T/.err" "^oyster: render: invalid value '5-2' for '--frames'$" "bad --frames message"
expect_rc 2 "bad --frames x-3" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" --frames x-3
expect_rc 2 "--frames past the end" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" --frames 0-999
expect_rc 2 "bad --threads" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" -j many
expect_rc 2 "bad --progress" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" --progress loud
expect_rc 2 "bad --size" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" --size 65x3
has_line "$T/.err" "^oyster: .*error: " "bad --size is reported as an error"
expect_rc 2 "bad --state-at" "$OYSTER" render "$T/ok.yaml" -o "$T/x.mp4" --state-out "$T/s" --state-at soon
[ ! -e "$T/x.mp4" ] && pass "no output after input errors" || fail "an input error left $T/x.mp4"

# ---- shot scripts
expect_rc 2 "missing shot file" "$OYSTER" render "$T/nonesuch.yaml" -o "$T/x.mp4"
has_line "$T/.err" "^oyster: .*nonesuch\.yaml" "missing shot file is named"
expect_rc 2 "invalid shot" "$OYSTER" render "$T/bad.yaml" -o "$T/x.mp4"
has_line "$T/.err" "^oyster: [^ ]*bad\.yaml:[0-9]+:[0-9]+: error: .*duraton" "invalid shot: file:line:col: error:"
expect_rc 2 "check an invalid shot" "$OYSTER" check "$T/bad.yaml"
expect_rc 0 "check" "$OYSTER" check "$T/ok.yaml"
[ -s "$T/.out" ] && pass "check prints the timeline" || fail "check printed nothing on stdout"
sed 's/a green valley with a river/a green valley with a zzyzx/' "$T/ok.yaml" >"$T/warn.yaml"
expect_rc 0 "check with a warning" "$OYSTER" check "$T/warn.yaml"
has_line "$T/.err" "^oyster: [^ ]*warn\.yaml:[0-9]+:[0-9]+: warning: .*zzyzx" "warning: file:line:col: warning:"
expect_rc 0 "check -q" "$OYSTER" check -q "$T/warn.yaml"
[ ! -s "$T/.err" ] && pass "-q hides warnings" || fail "-q printed: $(head -1 "$T/.err")"

# ---- rendering
expect_rc 0 "render with --progress json" "$OYSTER" render "$T/ok.yaml" -o "$T/ok.mp4" --progress json
has_line "$T/.err" '^\{"frame":[0-9]+,"total":[0-9]+,"fps":[0-9.]+,"eta_s":[0-9.]+\}$' "--progress json lines"
if grep '^{' "$T/.err" | grep -vEq '^\{"frame":[0-9]+,"total":[0-9]+,"fps":[0-9.]+,"eta_s":[0-9.]+\}$'; then
    fail "a --progress json line is not of the documented form"
else
    pass "every --progress json line has frame, total, fps, eta_s"
fi
has_line "$T/.err" '^\{"frame":12,"total":12,' "--progress json ends at frame 12 of 12"
[ -s "$T/ok.mp4" ] && pass "render wrote the output" || fail "render wrote no output"
cp "$T/ok.mp4" "$T/before.mp4"
expect_rc 2 "output exists without --force" "$OYSTER" render "$T/ok.yaml" -o "$T/ok.mp4" -s 9
has_line "$T/.err" "ok\.mp4" "output exists: the file is named"
cmp -s "$T/ok.mp4" "$T/before.mp4" && pass "existing output untouched" || fail "existing output changed"
expect_rc 0 "--force overwrites" "$OYSTER" render "$T/ok.yaml" -o "$T/ok.mp4" -s 9 -f -q
[ ! -s "$T/.err" ] && pass "-q: nothing on stderr" || fail "-q printed: $(head -1 "$T/.err")"
cmp -s "$T/ok.mp4" "$T/before.mp4" && fail "--force did not replace the output" || pass "--force replaced the output"

expect_rc 2 "still without --at" "$OYSTER" still "$T/ok.yaml" -o "$T/s.png"
expect_rc 2 "still --at past the end" "$OYSTER" still "$T/ok.yaml" --at 5s -o "$T/s.png"
expect_rc 0 "still" "$OYSTER" still "$T/ok.yaml" --at 0.25s -o "$T/s.png"
[ "$(head -c 4 "$T/s.png" | tail -c 3)" = PNG ] && pass "still wrote a PNG" || fail "still wrote no PNG"

# ---- concepts
expect_rc 0 "concepts" "$OYSTER" concepts
[ -s "$T/.out" ] && pass "concepts lists the vocabulary" || fail "concepts printed nothing"
expect_rc 2 "concepts with an unknown word" "$OYSTER" concepts rain zzyzx
has_line "$T/.err" "^oyster: concepts: .*zzyzx" "unknown word on stderr"

# ---- interruption: a long render stopped once it has made progress
interrupt() {   # interrupt SIGNAL CODE
    rm -f "$T/long.mp4" "$T/long.partial.mp4" "$T/int.err"
    "$OYSTER" render "$T/long.yaml" -o "$T/long.mp4" --no-audio --progress json 2>"$T/int.err" &
    pid=$!
    n=0
    while ! grep -q '"frame":' "$T/int.err" 2>/dev/null && kill -0 $pid 2>/dev/null &&
          [ $n -lt 600 ]; do
        sleep 0.1; n=$((n + 1))
    done
    kill -s "$1" $pid 2>/dev/null
    wait $pid
    rc=$?
    if [ $rc = "$2" ]; then pass "SIG$1 exits $2"; else fail "SIG$1: exit $rc, wanted $2"; sed 's/^/    /' "$T/int.err" | grep -v '^{' | head; fi
    [ -s "$T/long.partial.mp4" ] && pass "SIG$1 keeps long.partial.mp4" || fail "SIG$1: no long.partial.mp4"
    [ ! -e "$T/long.mp4" ] && pass "SIG$1 leaves no long.mp4" || fail "SIG$1 left long.mp4"
    has_line "$T/int.err" "long\.partial\.mp4" "SIG$1: the partial output is named on stderr"
}
interrupt INT 130
interrupt TERM 143
finish
