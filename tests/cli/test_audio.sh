#!/bin/sh
# test_audio.sh - the sound end to end, measured by FFmpeg's own EBU R128
# meter: loudness -16 LUFS +-1 and true peak <= -1 dBTP in the WAV and in
# the AAC track; --frames gives exactly those samples of the full render;
# stems are written beside.
. "$(dirname "$0")/lib.sh"

shot a.yaml <<'YAML'
oyster: 1
seed: 5
output: {size: 64x36, fps: 25, duration: 8s}
world: {prompt: a coast with a beach, weather: {rain: 0.4, wind: 0.5, lightning: 0.6}}
directives:
  - {at: 3s, beat: The turn}
  - {at: 3s, music: {mood: tense, tempo: 110, intensity: 0.9}}
YAML
expect_rc 0 "render with audio, WAV and stems" "$OYSTER" render "$T/a.yaml" -o "$T/a.mp4" --audio-out "$T/a.wav" --stems "$T/stems"
r128() { ffmpeg -hide_banner -nostats -i "$1" -af ebur128=peak=true -f null - 2>&1 | awk '/^ *I:/ {i=$2} /^ *Peak:/ {p=$2} END {print i, p}'; }
set -- $(r128 "$T/a.wav")
awk -v i="$1" 'BEGIN {exit !(i >= -17 && i <= -15)}' && pass "WAV loudness $1 LUFS" || fail "WAV loudness $1 LUFS"
awk -v p="$2" 'BEGIN {exit !(p <= -1.0)}' && pass "WAV true peak $2 dBTP" || fail "WAV true peak $2 dBTP"
set -- $(r128 "$T/a.mp4")
awk -v i="$1" 'BEGIN {exit !(i >= -17 && i <= -15)}' && pass "AAC loudness $1 LUFS" || fail "AAC loudness $1 LUFS"
awk -v p="$2" 'BEGIN {exit !(p <= -1.0)}' && pass "AAC true peak $2 dBTP" || fail "AAC true peak $2 dBTP"
[ -s "$T/stems/music.wav" ] && [ -s "$T/stems/ambience.wav" ] && pass "stems music.wav and ambience.wav" || fail "stems missing"

# frames 50-99 are samples [96000, 192000): compare the PCM of the two WAVs
expect_rc 0 "render --frames 50-99 with WAV" "$OYSTER" render "$T/a.yaml" -o "$T/p.mp4" --frames 50-99 --audio-out "$T/p.wav"
tail -c +45 "$T/p.wav" >"$T/p.pcm"
tail -c +45 "$T/a.wav" | tail -c +$((96000 * 4 + 1)) | head -c $((96000 * 4)) >"$T/f.pcm"
[ "$(wc -c <"$T/p.pcm")" = 384000 ] && cmp -s "$T/p.pcm" "$T/f.pcm" \
    && pass "--frames 50-99 audio equals samples 96000-191999 of the full render" || fail "--frames audio differs"
finish
