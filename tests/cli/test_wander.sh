#!/bin/sh
# test_wander.sh - wander mode through the commands that take a shot: the
# same keys give the same path at 24 and 60 fps (camera files within 1 cm);
# frames rendered alone equal the full render after a walk away and back;
# the place walked back to looks as it did; a state file resumes the
# walker; stills, storyboards and the map take wander scripts; the
# footsteps are in the sound, in step with the walk.
. "$(dirname "$0")/lib.sh"

shot walk.yaml <<'YAML'
oyster: 1
mode: wander
seed: 21
output: {size: 96x54, fps: 24, duration: 15s}
world: {prompt: "rolling green hills with scattered oaks", time: "10:00"}
wander:
  start: {pos: [0, 0], yaw: 0}
  keys:
    - {at: 0s, hold: [w, shift], for: 5s}
    - {at: 5s, hold: right, for: 2s}
    - {at: 7s, hold: [w, shift], for: 5s}
    - {at: 12s, hold: right, for: 2s}
YAML

# the path does not depend on the frame rate
expect_rc 0 "camera file at 24 fps" "$OYSTER" camera "$T/walk.yaml" -o "$T/c24.json"
expect_rc 0 "camera file at 60 fps" "$OYSTER" camera "$T/walk.yaml" --fps 60 -o "$T/c60.json"
python3 - "$T/c24.json" "$T/c60.json" >"$T/fps.out" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["frames"]
b = {round(f["time"], 6): f for f in json.load(open(sys.argv[2]))["frames"]}
worst, n = 0.0, 0
for f in a:
    g = b.get(round(f["time"], 6))
    if g:
        n += 1
        worst = max(worst, max(abs(p - q) for p, q in zip(f["position"], g["position"])))
far = max(abs(f["position"][2]) for f in a)
print(n, worst, far)
PY
read n worst far <"$T/fps.out"
awk -v n="$n" -v w="$worst" -v f="$far" 'BEGIN { exit !(n >= 60 && w < 0.01 && f > 15) }' \
    && pass "24 and 60 fps walk the same path: $n shared times, worst $worst m, $far m out" \
    || fail "24 and 60 fps paths differ: $n shared times, worst $worst m, farthest $far m"

# any frame alone equals the full render, after a walk away and back
expect_rc 0 "render the walk" "$OYSTER" render "$T/walk.yaml" -o "$T/walk.mp4" --frame-hashes "$T/all.md5" \
    --stems "$T/stems" --state-out "$T/s.state" --state-at 9.3s
expect_rc 0 "render frames 300-303 alone" "$OYSTER" render "$T/walk.yaml" --frames 300-303 --no-audio \
    -o "$T/part.mp4" --frame-hashes "$T/part.md5"
hashes() { grep -v '^#' "$1" | awk -F, -v a="$2" -v b="$3" '$2+0 >= a && $2+0 <= b { print $2+0, $6 }'; }
[ -n "$(hashes "$T/part.md5" 300 303)" ] && [ "$(hashes "$T/part.md5" 300 303)" = "$(hashes "$T/all.md5" 300 303)" ] \
    && pass "frames 300-303 alone equal the full render's" || fail "frames rendered alone differ"
expect_rc 0 "resume from the state at 9.3 s" "$OYSTER" render "$T/walk.yaml" --state-in "$T/s.state" --no-audio \
    -o "$T/rest.mp4" --frame-hashes "$T/rest.md5"
[ "$(hashes "$T/rest.md5" 224 359)" = "$(hashes "$T/all.md5" 224 359)" ] \
    && pass "the resumed render's frames equal the full render's" || fail "the resumed render differs"

# back where it started, facing the same way: the same place
expect_rc 0 "still at the start" "$OYSTER" still "$T/walk.yaml" --at 0 --size 320x180 -o "$T/a.png"
expect_rc 0 "still after walking back" "$OYSTER" still "$T/walk.yaml" --at 14.5 --size 320x180 -o "$T/b.png"
psnr=$(ffmpeg -hide_banner -nostats -i "$T/a.png" -i "$T/b.png" -lavfi psnr -f null - 2>&1 \
       | sed -n 's/.*average:\([0-9.inf]*\).*/\1/p')
awk -v p="$psnr" 'BEGIN { exit !(p == "inf" || p + 0 > 25) }' \
    && pass "walking away and back shows the same place (PSNR $psnr dB)" \
    || fail "the place walked back to looks different (PSNR $psnr dB)"

# footsteps: running, about three a second; standing, none
python3 - "$T/stems/ambience.wav" >"$T/steps.out" <<'PY'
import struct, sys, wave
w = wave.open(sys.argv[1]); n = w.getnframes(); raw = w.readframes(n)
s = struct.unpack("<%dh" % (len(raw) // 2), raw)
def env(t0, t1):
    out = []
    for i in range(int(t0 * 48000), int(t1 * 48000), 240):
        seg = s[2 * i:2 * (i + 240):2]
        seg2 = s[2 * i + 1:2 * (i + 240):2]
        out.append(sum(x * x + y * y for x, y in zip(seg, seg2)) / 480.0)
    return out
def onsets(e, base):
    n, last = 0, -100
    for i in range(1, len(e)):
        # a step's heel and toe are one onset: 150 ms apart at least
        if e[i] > 6 * base and e[i - 1] <= 6 * base and i - last >= 30:
            n, last = n + 1, i
    return n
run = env(1.0, 4.0)
base = sorted(run)[len(run) // 2] + 1.0
print(onsets(run, base), onsets(env(6.0, 6.9), base))
PY
read running standing <"$T/steps.out"
[ "$running" -ge 7 ] && [ "$running" -le 13 ] && [ "$standing" -le 1 ] \
    && pass "footsteps: $running onsets in 3 s of running, $standing while turning on the spot" \
    || fail "footsteps: $running onsets in 3 s of running (want 7-13), $standing standing"

# a walk that starts in the sea says so, where the wander block is
shot wet.yaml <<'YAML'
oyster: 1
mode: wander
output: {size: 64x36, duration: 1s}
world: {prompt: "a sandy beach by the sea", layout: {coast: {through: [[0, -500], [0, 500]], sea: left}}}
wander:
  start: {pos: [-150, 0]}
YAML
expect_rc 0 "check of a walk that starts in the sea" "$OYSTER" check "$T/wet.yaml"
has_line "$T/.err" "wet\.yaml:6:3: warning: the walk starts in water [0-9.]+ m deep" "it warns, located"

# the other commands that read a shot
expect_rc 0 "storyboard of a wander shot" "$OYSTER" storyboard "$T/walk.yaml" -o "$T/board.html"
expect_rc 0 "map of a wander shot" "$OYSTER" map "$T/walk.yaml" -o "$T/map.png"
expect_rc 0 "check of a wander shot" "$OYSTER" check "$T/walk.yaml"
finish
