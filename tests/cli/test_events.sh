#!/bin/sh
# test_events.sh - events on cue through the command line: a render cut
# into ranges on the events' frames equals the whole one, picture and
# sound (frame hashes and samples); the strike frame is brighter than the
# frame before and a fade ends black; the delivered MP4 of an eventful
# shot stays at -16 +- 1 LUFS under -1 dBTP; --stems writes the effects
# bus; an unknown sound is an error at its line:col; `oyster help sounds`
# and `oyster concepts` list the sounds.
. "$(dirname "$0")/lib.sh"
shot ev.yaml <<'YAML'
oyster: 1
seed: 4
output: {size: 160x90, fps: 24, duration: 5s}
world:
  prompt: a valley under a storm, evening
camera:
  path:
    - {at: 0s, pos: [0, 6, 0], yaw: 0, pitch: 4}
directives:
  - {at: 0s, add: car, id: car, near: [-60, 0, 30]}
  - {at: 0.2s, move: car, to: [80, 0, 30], speed: 30}
  - {at: 1s, strike: lightning, distance: 500}
  - {at: 1s, music: hit}
  - {at: 1.5s, sound: whoosh, follow: car}
  - {at: 2s, sound: bell, near: [20, 40]}
  - {at: 2.5s, shake: 0.7}
  - {at: 3s, mix: {music: -6}, over: 0.5s}
  - {at: 4s, fade: black, over: 0.5s}
YAML
expect_rc 0 "render the whole shot" "$OYSTER" render "$T/ev.yaml" -o "$T/all.mkv" \
    --frame-hashes "$T/all.md5" --audio-out "$T/all.wav" --stems "$T/stems"
expect_rc 0 "render frames 0-23" "$OYSTER" render "$T/ev.yaml" -o "$T/a.mkv" --frames 0-23 \
    --frame-hashes "$T/a.md5" --audio-out "$T/a.wav"
expect_rc 0 "render frames 24-59 (from the strike's frame)" "$OYSTER" render "$T/ev.yaml" -o "$T/b.mkv" \
    --frames 24-59 --frame-hashes "$T/b.md5" --audio-out "$T/b.wav"
expect_rc 0 "render frames 60-119 (from the shake's frame)" "$OYSTER" render "$T/ev.yaml" -o "$T/c.mkv" \
    --frames 60-119 --frame-hashes "$T/c.md5" --audio-out "$T/c.wav"
grep -v '^#' "$T/all.md5" | awk -F, '{print $6}' >"$T/h_all"
cat "$T/a.md5" "$T/b.md5" "$T/c.md5" | grep -v '^#' | awk -F, '{print $6}' >"$T/h_parts"
cmp -s "$T/h_all" "$T/h_parts" && pass "ranges cut on event frames have the whole render's frames" \
    || fail "ranges cut on event frames differ from the whole render"
# samples: the WAV data of the parts, joined, is the whole one's
for f in all a b c; do tail -c +45 "$T/$f.wav" >"$T/$f.pcm"; done
cat "$T/a.pcm" "$T/b.pcm" "$T/c.pcm" | cmp -s - "$T/all.pcm" \
    && pass "their sound, joined, is the whole render's, sample for sample" \
    || fail "the ranges' sound differs from the whole render's"
# picture: the strike's frame is bright, the one before is not; the end is black
luma() { ffmpeg -v error -i "$T/all.mkv" -vf "select=eq(n\,$1)" -frames:v 1 -f rawvideo -pix_fmt gray - |
         od -An -v -tu1 | awk '{for (i = 1; i <= NF; i++) s += $i; n += NF} END {printf "%d", s / n}'; }
l23=$(luma 23); l24=$(luma 24); l119=$(luma 119)
[ "$l24" -gt $((l23 + 20)) ] && pass "the strike lights its frame ($l23 -> $l24)" || fail "strike frame luma $l23 -> $l24"
[ "$l119" -le 1 ] && pass "the fade ends black ($l119)" || fail "the fade ends at luma $l119"
# sound: loudness of the delivered file, and the effects stem
ffmpeg -nostats -i "$T/all.mkv" -af ebur128=peak=true -f null - 2>"$T/r128" >/dev/null
i=$(awk '/Integrated loudness/ {f = 1} f && /I:/ {print $2; exit}' "$T/r128")
p=$(awk '/True peak/ {f = 1} f && /Peak:/ {print $2; exit}' "$T/r128")
awk -v i="$i" -v p="$p" 'BEGIN {exit !(i >= -17 && i <= -15 && p <= -1)}' \
    && pass "an eventful shot stays at -16 +- 1 LUFS under -1 dBTP ($i LUFS, $p dBTP)" \
    || fail "loudness $i LUFS, true peak $p dBTP"
[ -s "$T/stems/effects.wav" ] && [ -s "$T/stems/music.wav" ] && [ -s "$T/stems/ambience.wav" ] \
    && pass "--stems writes music, ambience and effects" || fail "--stems misses a bus"
# extreme but valid cues (places 1e300 m off, a day-long fade) render
expect_rc 0 "extreme cues render" "$OYSTER" render "$TOP/tests/fuzz/corpus/script/events.yaml" \
    -o "$T/x.mkv" --size 96x54 --draft --stems "$T/xst"
# a duration that is not a whole number of frames: the sound covers the frames
expect_rc 0 "a 1.01 s shot at 24 fps renders" "$OYSTER" render "$T/ev.yaml" --duration 1.01s \
    -o "$T/odd.mkv" --audio-out "$T/odd.wav"
[ "$(($(wc -c <"$T/odd.wav") - 44))" = $((24 * 2000 * 4)) ] \
    && pass "its sound is its 24 frames' 48000 samples" || fail "odd duration: $(wc -c <"$T/odd.wav") bytes of WAV"
# an unknown sound
shot bad.yaml <<'YAML'
oyster: 1
output: {size: 160x90, duration: 2s}
directives:
  - {at: 1s, sound: bel}
YAML
expect_rc 2 "an unknown sound is an input error" "$OYSTER" check "$T/bad.yaml"
grep -q "bad.yaml:4:21: error: unknown sound 'bel'" "$T/.err" && grep -q "did you mean 'bell'" "$T/.err" \
    && pass "at its line:col, with the nearest name" || { fail "unknown sound message"; cat "$T/.err"; }
"$OYSTER" help sounds >"$T/sounds" && grep -q '^explosion ' "$T/sounds" && grep -q '^hoofbeats ' "$T/sounds" \
    && pass "oyster help sounds lists the effects" || fail "oyster help sounds"
"$OYSTER" concepts >"$T/concepts" && grep -q '^gunshot  *sound$' "$T/concepts" \
    && pass "oyster concepts lists them as sounds" || fail "oyster concepts lists no sounds"
finish
