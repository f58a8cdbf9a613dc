#!/bin/sh
# test_local.sh - plans that run on this machine render for real: the
# parallel and make plans of a shot, run by their submit.sh, give the
# bytes of a one-machine render, a second run renders nothing, and a chunk
# killed half way is rendered again by parallel's --resume-failed.
. "$(dirname "$0")/../cli/lib.sh"

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

# a chunk killed half way: parallel halts, the rerun with --resume-failed
# renders what failed and the video is still the one render's bytes
if command -v parallel >/dev/null; then
    sed 's/size: 64x36, fps: 24, duration: 1s/size: 320x180, fps: 24, duration: 4s/' "$T/dusk.yaml" >"$T/kill.yaml"
    "$OYSTER" render "$T/kill.yaml" -o "$T/kill-one.mp4"
    "$OYSTER" plan "$T/kill.yaml" --chunks 2 --engine parallel -o "$T/k" -q
    sh "$T/k/submit.sh" >"$T/k.out" 2>&1 &
    spid=$!
    n=0
    while ! pkill -KILL -f -- "--chunk 2/2 -o $T/k/kill" 2>/dev/null && [ $n -lt 200 ]; do
        sleep 0.05; n=$((n + 1))
    done
    wait $spid && fail "parallel: submit.sh succeeded with a chunk killed" || pass "parallel: a killed chunk fails the run"
    [ -e "$T/k/kill.mp4" ] && fail "parallel: assembled without the killed chunk" || pass "parallel: nothing assembled"
    expect_rc 0 "parallel: the rerun (--resume-failed)" sh "$T/k/submit.sh"
    cmp -s "$T/kill-one.mp4" "$T/k/kill.mp4" && pass "parallel: after the rerun, the same bytes as one render" ||
        fail "parallel: the resumed video differs"
fi
finish
