#!/bin/sh
# test_render.sh - end to end: what `render` writes (probed with ffprobe),
# streaming to stdout, the frame-hash format, and an interrupted render
# leaving a playable partial file.
. "$(dirname "$0")/lib.sh"

shot s.yaml <<'YAML'
oyster: 1
seed: 4
output: {size: 96x54, fps: 24000/1001, duration: 1.5s}
world: {prompt: a valley with a river, time: "15:00"}
camera:
  path:
    - {at: 0s, pos: [0, 3, 0], yaw: 10, pitch: 0}
    - {at: 1.5s, pos: [0, 3, 6], yaw: 20, pitch: 0}
directives:
  - {at: 0.5s, beat: Start}
YAML

probe() { ffprobe -v error -show_entries "$2" -of default=nw=1:nk=1 "$1" 2>/dev/null | tr '\n' ' ' | sed 's/ $//'; }

expect_rc 0 "render mp4" "$OYSTER" render "$T/s.yaml" -o "$T/a.mp4" --frame-hashes "$T/a.md5" --audio-out "$T/a.wav"
v=$(probe "$T/a.mp4" stream=codec_name,profile,pix_fmt,width,height,r_frame_rate,color_primaries,color_transfer,color_space:stream_select=v)
[ "$(ffprobe -v error -select_streams v -show_entries stream=codec_name,profile,pix_fmt,width,height,r_frame_rate,color_primaries -of csv=p=0 "$T/a.mp4")" = "h264,High,96,54,yuv420p,bt709,24000/1001" ] \
    && pass "video stream: h264 High yuv420p bt709 96x54 24000/1001" || fail "video stream: $v"
n=$(ffprobe -v error -count_frames -select_streams v -show_entries stream=nb_read_frames -of csv=p=0 "$T/a.mp4")
[ "$n" = 36 ] && pass "36 frames (1.5 s at 23.976)" || fail "frame count $n, wanted 36"
a=$(ffprobe -v error -select_streams a -show_entries stream=codec_name,profile,sample_rate,channels -of csv=p=0 "$T/a.mp4")
[ "$a" = "aac,LC,48000,2" ] && pass "audio stream: AAC-LC 48 kHz stereo" || fail "audio stream: $a"
ns=$(ffprobe -v error -show_entries stream=duration_ts -select_streams a -of csv=p=0 "$T/a.wav" 2>/dev/null)
[ "$ns" = 72072 ] && pass "WAV has the 36 frames' 36 * 48000 * 1001 / 24000 = 72072 samples" || fail "WAV samples $ns"
ffprobe -v error -show_entries format_tags -of csv "$T/a.mp4" | grep -qi creation_time \
    && fail "mp4 has a creation_time" || pass "no creation_time in the mp4"
head -c 64 "$T/a.mp4" | grep -q moov && pass "faststart: moov before mdat" || {
    # the moov atom must come before mdat
    m=$(grep -boa moov "$T/a.mp4" | head -1 | cut -d: -f1); d=$(grep -boa mdat "$T/a.mp4" | head -1 | cut -d: -f1)
    [ "${m:-999999999}" -lt "${d:-0}" ] && pass "faststart: moov before mdat" || fail "moov at $m after mdat at $d"; }

# frame hashes: framemd5 layout, and they match ffmpeg's of the decoded PNG sequence of a still
[ "$(grep -c '^0, ' "$T/a.md5")" = 36 ] && pass "36 hash lines" || fail "hash lines: $(grep -c '^0, ' "$T/a.md5")"
grep -q '^#tb 0: 1001/24000$' "$T/a.md5" && grep -q '^#dimensions 0: 96x54$' "$T/a.md5" \
    && pass "framemd5 header" || fail "framemd5 header"
expect_rc 0 "still at frame 10" "$OYSTER" still "$T/s.yaml" --at 10f -o "$T/f10.png"
h=$(ffmpeg -v error -i "$T/f10.png" -pix_fmt rgb24 -f framemd5 - | grep '^0,' | awk -F', *' '{print $6}')
w=$(grep '^0, ' "$T/a.md5" | sed -n 11p | awk -F', *' '{print $6}')
[ -n "$h" ] && [ "$h" = "$w" ] && pass "still == frame 10 of the render (ffmpeg framemd5 agrees)" || fail "still hash $h vs render $w"

# other containers and stdout
expect_rc 0 "render mkv" "$OYSTER" render "$T/s.yaml" -o "$T/a.mkv" --no-audio
[ "$(ffprobe -v error -show_entries format=format_name -of default=nw=1:nk=1 "$T/a.mkv")" = "matroska,webm" ] && pass "mkv is Matroska" || fail "mkv format"
[ "$(ffprobe -v error -select_streams a -show_entries stream=codec_name -of csv=p=0 "$T/a.mkv")" = "" ] && pass "--no-audio: no audio stream" || fail "--no-audio"
"$OYSTER" render "$T/s.yaml" -o - 2>/dev/null >"$T/pipe.out"
n=$(ffprobe -v error -count_frames -select_streams v -show_entries stream=nb_read_frames -of csv=p=0 - <"$T/pipe.out")
[ "$n" = 36 ] && pass "-o - streams a playable container (36 frames)" || fail "-o - gave $n frames"
expect_rc 2 "unknown extension" "$OYSTER" render "$T/s.yaml" -o "$T/a.avi"
[ ! -e "$T/a.avi" ] && pass "nothing written for a refused output" || fail "a.avi exists"
ls "$T"/.*.tmp >/dev/null 2>&1 && fail "temporary files left behind" || pass "no temporary files left"

# failures while working exit 3 and leave nothing behind
expect_rc 3 "output directory missing" "$OYSTER" render "$T/s.yaml" -o "$T/nodir/a.mp4"
mkdir "$T/full"
expect_rc 3 "file size limit reached while writing (EFBIG)" sh -c 'trap "" XFSZ; ulimit -f 8; exec "$0" render "$1" -o "$2"' "$OYSTER" "$T/s.yaml" "$T/full/a.mp4"
[ -z "$(ls -A "$T/full")" ] && pass "a failed render leaves no file" || fail "left: $(ls -A "$T/full")"

# an interrupted render keeps a playable partial file and exits 130
shot long.yaml <<'YAML'
oyster: 1
output: {size: 320x180, fps: 24, duration: 60s}
camera:
  path:
    - {at: 0s, pos: [0, 3, 0], yaw: 0, pitch: 0}
    - {at: 60s, pos: [0, 3, 200], yaw: 40, pitch: 0}
YAML
"$OYSTER" render "$T/long.yaml" -o "$T/long.mp4" --progress json 2>"$T/prog" &
pid=$!
i=0
while [ "$i" -lt 600 ] && ! grep -q '"frame":10,' "$T/prog" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
kill -INT "$pid"; wait "$pid"; rc=$?
[ "$rc" = 130 ] && pass "SIGINT exits 130" || fail "SIGINT exit $rc"
[ ! -e "$T/long.mp4" ] && pass "no final output after interrupt" || fail "long.mp4 exists"
n=$(ffprobe -v error -count_frames -select_streams v -show_entries stream=nb_read_frames -of csv=p=0 "$T/long.partial.mp4" 2>/dev/null)
[ "${n:-0}" -ge 10 ] && pass "long.partial.mp4 is playable ($n frames)" || fail "partial has ${n:-no} frames"
grep -q 'long.partial.mp4' "$T/prog" && pass "partial path printed on stderr" || fail "partial path not printed"
finish
