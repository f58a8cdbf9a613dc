#!/bin/sh
# test_local.sh - plans that run on this machine render for real: the
# parallel and make plans of a shot, run by their submit.sh, give the
# bytes of a one-machine render, and a second run renders nothing. Skips
# until `render --chunk` exists.
. "$(dirname "$0")/../cli/lib.sh"

if ! "$OYSTER" render --help 2>/dev/null | grep -q -- '--chunk'; then
    echo "SKIP $NAME: render --chunk does not exist yet"
    exit 0
fi
shot dusk.yaml <<'YAML'
oyster: 1
output: {size: 64x36, fps: 24, duration: 1s}
world:
  prompt: a green valley with a river
camera:
  path:
    - {at: 0s, pos: [0, 6, 0], yaw: 0}
YAML
"$OYSTER" render "$T/dusk.yaml" --draft -o "$T/one.mp4"
for e in make parallel; do
    command -v "$e" >/dev/null || { echo "SKIP $NAME: no $e"; continue; }
    expect_rc 0 "$e: plan 5 chunks" "$OYSTER" plan "$T/dusk.yaml" --chunks 5 --draft --engine $e -o "$T/$e"
    expect_rc 0 "$e: submit.sh runs" sh "$T/$e/submit.sh"
    cmp -s "$T/one.mp4" "$T/$e/dusk.mp4" && pass "$e: the same bytes as one render" || fail "$e: the video differs"
    touch -d '2000-01-01' "$T/$e/dusk/"*
    expect_rc 0 "$e: a second run" sh "$T/$e/submit.sh"
    [ -z "$(find "$T/$e/dusk" -newer "$T/one.mp4" -type f)" ] && pass "$e: a second run renders no chunk" ||
        fail "$e: a second run rendered $(find "$T/$e/dusk" -newer "$T/one.mp4" -type f | wc -l) files"
done
finish
