#!/bin/sh
# test_determinism.sh - the guarantees in README.md: reproducible for any --threads (byte
# identical files), causal, any frame alone (--frames, still), seeded, a
# fixed set (the camera changes the view and nothing else), resumable.
. "$(dirname "$0")/lib.sh"

shot a.yaml <<'YAML'
oyster: 1
seed: 11
output: {size: 128x72, fps: 12, duration: 3s}
world: {prompt: a lake between hills at golden hour}
camera:
  shake: 0.2
  path:
    - {at: 0s, pos: [0, 4, 0], look_at: [10, 2, 100]}
    - {at: 3s, pos: [5, 6, 20], look_at: [30, 2, 120], ease: in-out}
directives:
  - {at: 1s, weather: storm, over: 1s}
  - {at: 2s, say: the rain stops}
YAML
# the same shot with one more directive at 2 s (frame 24)
sed 's/^directives:/directives:\n  - {at: 2s, time: "21:00", over: 0.5s}/' "$T/a.yaml" >"$T/b.yaml"

expect_rc 0 "render -j1" "$OYSTER" render "$T/a.yaml" -o "$T/j1.mp4" -j 1 --frame-hashes "$T/j1.md5"
expect_rc 0 "render -j2" "$OYSTER" render "$T/a.yaml" -o "$T/j2.mp4" -j 2 --frame-hashes "$T/j2.md5"
cmp -s "$T/j1.mp4" "$T/j2.mp4" && pass "byte-identical mp4 for -j1 and -j2" || fail "mp4 differs between -j1 and -j2"
cmp -s "$T/j1.md5" "$T/j2.md5" && pass "identical frame hashes for -j1 and -j2" || fail "hashes differ"
expect_rc 0 "render again" "$OYSTER" render "$T/a.yaml" -o "$T/again.mp4" -j 2
cmp -s "$T/j1.mp4" "$T/again.mp4" && pass "a second run is byte-identical" || fail "second run differs"
# every vector level the CPU runs renders the same bytes (oyster(1) ENVIRONMENT)
for level in sse2 avx2 avx512; do
    if ! OYSTER_CPU=$level "$OYSTER" check "$T/a.yaml" >/dev/null 2>&1; then
        echo "SKIP OYSTER_CPU=$level: this CPU lacks it"
        continue
    fi
    expect_rc 0 "render OYSTER_CPU=$level" env OYSTER_CPU=$level "$OYSTER" render "$T/a.yaml" -o "$T/cpu.mp4" -f \
        --frame-hashes "$T/cpu.md5"
    cmp -s "$T/j1.mp4" "$T/cpu.mp4" && cmp -s "$T/j1.md5" "$T/cpu.md5" && pass "OYSTER_CPU=$level: byte-identical mp4, sound included" ||
        fail "OYSTER_CPU=$level: the mp4 differs"
done
expect_rc 2 "OYSTER_CPU=avx3 refused" env OYSTER_CPU=avx3 "$OYSTER" render "$T/a.yaml" -o "$T/cpu3.mp4"
has_line "$T/.err" "OYSTER_CPU=avx3 is not a level" "an unknown OYSTER_CPU is named in the error"
[ ! -e "$T/cpu3.mp4" ] && pass "nothing written for an unknown OYSTER_CPU" || fail "an output was written"

expect_rc 0 "render --frames 13-20" "$OYSTER" render "$T/a.yaml" -o "$T/part.mp4" --frames 13-20 --frame-hashes "$T/part.md5"
grep '^0, ' "$T/part.md5" | awk -F', *' '{print $2, $6}' >"$T/p"
grep '^0, ' "$T/j1.md5" | awk -F', *' '$2 >= 13 && $2 <= 20 {print $2, $6}' >"$T/f"
[ -s "$T/p" ] && cmp -s "$T/p" "$T/f" && pass "--frames 13-20 equals the full render's frames" || fail "--frames subset differs"
n=$(ffprobe -v error -count_frames -select_streams v -show_entries stream=nb_read_frames -of csv=p=0 "$T/part.mp4")
[ "$n" = 8 ] && pass "--frames 13-20 writes 8 frames" || fail "--frames wrote $n frames"

expect_rc 0 "render with a directive added at 2 s" "$OYSTER" render "$T/b.yaml" -o "$T/b.mp4" --frame-hashes "$T/b.md5"
grep '^0, ' "$T/j1.md5" | awk -F', *' '$2 < 24 {print $6}' >"$T/a_before"
grep '^0, ' "$T/b.md5" | awk -F', *' '$2 < 24 {print $6}' >"$T/b_before"
grep '^0, ' "$T/j1.md5" | awk -F', *' '$2 >= 26 {print $6}' >"$T/a_after"
grep '^0, ' "$T/b.md5" | awk -F', *' '$2 >= 26 {print $6}' >"$T/b_after"
cmp -s "$T/a_before" "$T/b_before" && pass "causal: frames before the new directive unchanged" || fail "frames before T changed"
cmp -s "$T/a_after" "$T/b_after" && fail "the new directive changed nothing after T" || pass "the new directive changes frames after T"

expect_rc 0 "render seed 12" "$OYSTER" render "$T/a.yaml" -o "$T/s12.mp4" -s 12 --frame-hashes "$T/s12.md5"
d=$(paste "$T/j1.md5" "$T/s12.md5" | grep '^0, ' | awk -F'\t' '{split($1,a,", *"); split($2,b,", *"); if (a[6] != b[6]) n++} END {print n+0}')
[ "$d" -ge 35 ] && pass "seeded: another seed changes every frame ($d of 36)" || fail "seeded: only $d frames differ"
# resumable: render to 2 s keeping the state, then resume from it
expect_rc 0 "render to 2s with --state-out" "$OYSTER" render "$T/a.yaml" -o "$T/r1.mp4" --frames 0-23 --state-out "$T/st" --state-at 2s
expect_rc 0 "resume with --state-in" "$OYSTER" render "$T/a.yaml" -o "$T/r2.mp4" --state-in "$T/st" --frame-hashes "$T/r2.md5"
grep '^0, ' "$T/r2.md5" | awk -F', *' '{print $2, $6}' >"$T/r"
grep '^0, ' "$T/j1.md5" | awk -F', *' '$2 >= 24 {print $2, $6}' >"$T/f"
[ -s "$T/r" ] && cmp -s "$T/r" "$T/f" && pass "resumed frames equal the single render's" || fail "resumed frames differ"
head -c 40 "$T/st" >"$T/st.trunc"
expect_rc 2 "truncated state file refused" "$OYSTER" render "$T/a.yaml" -o "$T/r3.mp4" --state-in "$T/st.trunc"
expect_rc 2 "state file of another script refused" "$OYSTER" render "$T/b.yaml" -o "$T/r4.mp4" --state-in "$T/st"
expect_rc 2 "state file of another seed refused" "$OYSTER" render "$T/a.yaml" -s 99 -o "$T/r5.mp4" --state-in "$T/st"
cp "$T/st" "$T/st.new"; printf '\377' | dd of="$T/st.new" bs=1 seek=9 conv=notrunc 2>/dev/null
expect_rc 2 "state file from a newer format refused" "$OYSTER" render "$T/a.yaml" -o "$T/r6.mp4" --state-in "$T/st.new"

# a fixed set: two camera paths that meet at one pose at 1 s see the same
# picture there, the things the prompt names included (placed by the
# set's own view, not the first camera key's); moving a later key changes
# nothing at the keys before it
shot setA.yaml <<'YAML'
oyster: 1
seed: 5
output: {size: 160x90, fps: 12, duration: 3s}
world: {prompt: a river valley below mountains with a lake and a forest. A cabin by the lake and a castle on a hill}
camera:
  path:
    - {at: 0s, pos: [0, 5, 0], yaw: 10, pitch: -3}
    - {at: 1s, pos: [0, 5, 0], yaw: 10, pitch: -3}
    - {at: 3s, pos: [60, 9, 200], yaw: 20}
YAML
sed 's/- {at: 0s, pos: \[0, 5, 0\], yaw: 10, pitch: -3}/- {at: 0s, pos: [-700, 120, -900], yaw: -60}/' "$T/setA.yaml" >"$T/setB.yaml"
sed 's/pos: \[60, 9, 200\], yaw: 20/pos: [-900, 300, 2500], yaw: 170/' "$T/setA.yaml" >"$T/setC.yaml"
cmp -s "$T/setA.yaml" "$T/setB.yaml" && fail "setB is a copy of setA"
cmp -s "$T/setA.yaml" "$T/setC.yaml" && fail "setC is a copy of setA"
for s in A B C; do
    expect_rc 0 "still set$s at 1s" "$OYSTER" still "$T/set$s.yaml" --at 1s -o "$T/set$s-1.png"
done
expect_rc 0 "still setA at 0s" "$OYSTER" still "$T/setA.yaml" --at 0s -o "$T/setA-0.png"
expect_rc 0 "still setC at 0s" "$OYSTER" still "$T/setC.yaml" --at 0s -o "$T/setC-0.png"
expect_rc 0 "still setB at 0s" "$OYSTER" still "$T/setB.yaml" --at 0s -o "$T/setB-0.png"
cmp -s "$T/setA-1.png" "$T/setB-1.png" && pass "fixed set: another path to the same pose sees the same picture" ||
    fail "fixed set: the picture at one pose depends on the path taken there"
cmp -s "$T/setA-0.png" "$T/setC-0.png" && cmp -s "$T/setA-1.png" "$T/setC-1.png" &&
    pass "fixed set: editing a later camera key leaves earlier keys' frames identical" ||
    fail "fixed set: a later camera key changed an earlier frame"
cmp -s "$T/setA-0.png" "$T/setB-0.png" && fail "fixed set: setB's first key shows nothing new" ||
    pass "fixed set: a different pose shows a different view"

# the kinds that move by themselves or stand in water: a flock and a herd
# stepped from their start, a flag in the wind, a waterfall's streaks,
# karst, an arch
shot kinds.yaml <<'YAML'
oyster: 1
seed: 5
output: {size: 128x72, fps: 12, duration: 3s}
world: {prompt: "limestone karst towers by a river, a waterfall and a rock arch, a windy day"}
camera:
  path:
    - {at: 0s, pos: [0, 8, 0], yaw: 0, pitch: 4}
    - {at: 3s, pos: [10, 10, 40], yaw: 10, pitch: 4, ease: in-out}
directives:
  - {at: 0s, add: bird flock, near: [0, 25, 70]}
  - {at: 0.5s, add: flag, near: [4, 0, 25], yaw: 90}
  - {at: 0s, add: deer, near: [-4, 0, 22], count: 6}
  - {at: 0.2s, move: deer, to: [6, 0, 30], speed: 3}
YAML
expect_rc 0 "kinds: render -j1" "$OYSTER" render "$T/kinds.yaml" -o "$T/k1.mkv" -j 1 --no-audio --frame-hashes "$T/k1.md5"
expect_rc 0 "kinds: render -j2" "$OYSTER" render "$T/kinds.yaml" -o "$T/k2.mkv" -j 2 --no-audio --frame-hashes "$T/k2.md5"
cmp -s "$T/k1.md5" "$T/k2.md5" && pass "flocks, herds, flags, waterfalls, karst and arches: the same frames for -j1 and -j2" \
    || fail "the new kinds' frames differ between -j1 and -j2"
expect_rc 0 "kinds: --frames 25-30" "$OYSTER" render "$T/kinds.yaml" -o "$T/kp.mkv" --no-audio --frames 25-30 --frame-hashes "$T/kp.md5"
grep '^0, ' "$T/kp.md5" | awk -F', *' '{print $2, $6}' >"$T/kp"
grep '^0, ' "$T/k1.md5" | awk -F', *' '$2 >= 25 && $2 <= 30 {print $2, $6}' >"$T/kf"
[ -s "$T/kp" ] && cmp -s "$T/kp" "$T/kf" && pass "the new kinds: frames 25-30 alone equal the full render's" \
    || fail "the new kinds: frames alone differ"

finish
