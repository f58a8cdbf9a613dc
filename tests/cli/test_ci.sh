#!/bin/sh
# test_ci.sh - the pipeline of examples/ci as a team runs it: goldens made,
# nothing changed: `make check` passes; a directive changed at 1.5 s: it
# fails, and its report names the frames from 1.5 s on and none before.
. "$(dirname "$0")/lib.sh"
cp -r "$EX/ci" "$T/ci"
rm -rf "$T/ci/golden" "$T/ci/out"
m() { make -s -C "$T/ci" OYSTER="$OYSTER" SIZE=96x54 "$@"; }
expect_rc 0 "make golden" m golden
expect_rc 0 "make check with nothing changed" m check
grep -q "opening: unchanged" "$T/.out" && grep -q "storm: unchanged" "$T/.out" \
    && pass "the report says every shot is unchanged" || { fail "report"; cat "$T/.out"; }
sed -i 's/say: the sun breaks through the mist/say: thick fog rolls in/' "$T/ci/shots/opening.yaml"
expect_rc 2 "make check fails after a directive changed" m check
expect_rc 1 "check.sh exits 1 when a picture changed" sh -c "cd '$T/ci' && OYSTER='$OYSTER' sh check.sh"
grep -q "opening: CHANGED" "$T/.out" && grep -q "storm: unchanged" "$T/.out" \
    && pass "the report names the changed shot only" || { fail "report"; cat "$T/.out"; }
# 1.5 s at 24 fps is frame 36, where the say: begins its transition (its
# first step shows on frame 37); no frame before 36 may change
first=$(sed -n 's/^ *frame \([0-9][0-9]*\) .*/\1/p' "$T/ci/out/opening.diff.txt" | head -1)
[ -n "$first" ] && [ "$first" -ge 36 ] && [ "$first" -le 37 ] \
    && pass "the first changed frame is the directive's or the next ($first), none before" \
    || { fail "first changed frame '$first'"; cat "$T/ci/out/opening.diff.txt"; }
finish
