#!/bin/sh
# test_chunks.sh - farm chunks: `render --chunk I/N` then `assemble` give
# the bytes of a one-machine render (video, frame hashes, WAV, stems) for
# 1, 3 and 4 chunks, with and without audio, at 24000/1001, frames as PNG
# files (a missing or swapped frame found and redone); a done chunk
# is skipped; assemble refuses a missing chunk and chunks of two seeds;
# status tells a damaged chunk, which render --chunk then redoes; a chunk
# killed mid-way leaves no manifest; `render --frames A-B -o DIR` chunks
# of any ranges assemble likewise, and a gap or an overlap is named; and
# a `plan --engine parallel` job run for real assembles to the same bytes.
. "$(dirname "$0")/lib.sh"

shot s.yaml <<'YAML'
oyster: 1
title: chunks
seed: 7
output: {size: 160x90, fps: 24, duration: 2s}
world:
  prompt: a lake in the mountains at dusk, light rain, thunder
YAML

# chunks DIR N [options]: render chunks 1..N of s.yaml into DIR, with
# --chunk-format $FORMAT when FORMAT is set
chunks() {
    d=$1 n=$2; shift 2
    i=1
    while [ "$i" -le "$n" ]; do
        "$OYSTER" render "$T/s.yaml" --chunk "$i/$n" -o "$d" -q ${FORMAT:+--chunk-format "$FORMAT"} "$@" || return 1
        i=$((i + 1))
    done
}
# same NAME N [options]: chunks, assembled, cmp with one render
same() {
    name=$1 n=$2; shift 2
    audio="--audio-out"
    case " $* " in *" --no-audio "*) audio= ;; esac
    if "$OYSTER" render "$T/s.yaml" -o "$T/$name.mp4" -q --frame-hashes "$T/$name.md5" \
           ${audio:+$audio "$T/$name.wav"} "$@" &&
       chunks "$T/$name" "$n" "$@" &&
       "$OYSTER" assemble "$T/$name" -o "$T/$name-a.mp4" -q --frame-hashes "$T/$name-a.md5" \
           ${audio:+$audio "$T/$name-a.wav"} $(case " $* " in *" --no-audio "*) echo --no-audio ;; esac) &&
       cmp -s "$T/$name.mp4" "$T/$name-a.mp4" && cmp -s "$T/$name.md5" "$T/$name-a.md5" &&
       { [ -z "$audio" ] || cmp -s "$T/$name.wav" "$T/$name-a.wav"; }; then
        pass "$n chunks ${FORMAT:-ffv1} $*: assembled bytes are the render's"
    else
        fail "$n chunks ${FORMAT:-ffv1} $*: assembled output differs from the render"
    fi
}

same one 1
same three 3 --fps 24000/1001
same four 4
same mute 4 --no-audio
FORMAT=png
same pngs 3
same pngmute 2 --no-audio
FORMAT=

# PNG frames: a file a frame, the pictures' own pixels; the chunk file
# holds the sound alone, or there is none
[ -f "$T/pngs/chunk-2-of-3/000020.png" ] && [ ! -e "$T/pngmute/chunk-1-of-2.mkv" ] &&
    grep -q '"pictures": "png"' "$T/pngs/chunk-2-of-3.json" && grep -q '"file": ""' "$T/pngmute/chunk-1-of-2.json" &&
    pass "--chunk-format png: PNG files in chunk-I-of-N/, the sound alone in the chunk file" ||
    fail "--chunk-format png: not the files expected"
"$OYSTER" frames "$T/s.yaml" --frames 20-20 -o "$T/f_%06d.png" -q
ok "a chunk's PNG frame is the frame 'oyster frames' writes" cmp "$T/f_000020.png" "$T/pngs/chunk-2-of-3/000020.png"
expect_rc 0 "status of a folder of PNG chunks" "$OYSTER" status "$T/pngs"
has_line "$T/.out" "^3 of 3 chunks done" "status counts the PNG chunks done"
cp -r "$T/pngs" "$T/pnghurt"
rm "$T/pnghurt/chunk-2-of-3/000017.png"
cp "$T/pngs/chunk-3-of-3/000040.png" "$T/pnghurt/chunk-3-of-3/000041.png"
expect_rc 1 "status with a PNG frame gone" "$OYSTER" status "$T/pnghurt"
has_line "$T/.out" "chunk 2 of 3: failed: a frame's PNG file is missing" "status says which chunk lost a frame"
expect_rc 2 "assemble with a PNG frame gone" "$OYSTER" assemble "$T/pnghurt" -o "$T/pnghurt.mp4"
has_line "$T/.err" "frame 17, '.*chunk-2-of-3/000017.png', is missing" "assemble names the missing frame's file"
rm "$T/pnghurt/chunk-2-of-3.json"
expect_rc 2 "assemble with another frame's PNG in its place" "$OYSTER" assemble "$T/pnghurt" -o "$T/pnghurt.mp4"
has_line "$T/.err" "chunk 2 of 3 is missing" "the chunk without its manifest is missing"
"$OYSTER" render "$T/s.yaml" --chunk 2/3 --chunk-format png -o "$T/pnghurt" -q
expect_rc 2 "assemble with another frame's PNG in its place" "$OYSTER" assemble "$T/pnghurt" -o "$T/pnghurt.mp4"
has_line "$T/.err" "frame 41, .* does not match its manifest's hash" "assemble finds the swapped frame"
"$OYSTER" render "$T/s.yaml" --chunk 3/3 --chunk-format png -o "$T/pnghurt" 2>"$T/redo.err"
has_line "$T/redo.err" "chunk 3 of 3 .* rendered again: a frame's PNG file" "render --chunk redoes a chunk with a wrong frame"
"$OYSTER" assemble "$T/pnghurt" -o "$T/pnghurt.mp4" -q
ok "the mended PNG chunks assemble to the render's bytes" cmp "$T/pngs.mp4" "$T/pnghurt.mp4"
expect_rc 2 "--chunk-format without --chunk" "$OYSTER" render "$T/s.yaml" --chunk-format png -o "$T/x.mp4"
expect_rc 2 "--chunk-format jpeg" "$OYSTER" render "$T/s.yaml" --chunk 1/2 --chunk-format jpeg -o "$T/x"

# stems come back from the chunks too
"$OYSTER" render "$T/s.yaml" -o "$T/st.mp4" -q --stems "$T/st-r" &&
    "$OYSTER" assemble "$T/four" -o "$T/st-a.mp4" -q --stems "$T/st-a"
ok "stems: music, ambience and effects are the render's" \
    cmp "$T/st-r/music.wav" "$T/st-a/music.wav"
ok "stems: ambience" cmp "$T/st-r/ambience.wav" "$T/st-a/ambience.wav"
ok "stems: effects" cmp "$T/st-r/effects.wav" "$T/st-a/effects.wav"
expect_rc 2 "assemble --audio-out from chunks without audio" \
    "$OYSTER" assemble "$T/mute" -o "$T/x.mp4" --audio-out "$T/x.wav"

# a done chunk is skipped, and left as it was
before=$(ls -l --time-style=+%s.%N "$T/four/chunk-2-of-4.mkv")
"$OYSTER" render "$T/s.yaml" --chunk 2/4 -o "$T/four" -v 2>"$T/skip.err"
has_line "$T/skip.err" "chunk 2 of 4 .* done already; skipped" "a done chunk is skipped"
[ "$before" = "$(ls -l --time-style=+%s.%N "$T/four/chunk-2-of-4.mkv")" ] &&
    pass "a skipped chunk's file is untouched" || fail "a skipped chunk's file was rewritten"
expect_rc 0 "status of a finished folder" "$OYSTER" status "$T/four"
has_line "$T/.out" "^4 of 4 chunks done.*48 of 48 frames" "status counts chunks and frames"

# the audio gain is measured once and read by the other chunks
[ -s "$T/four/shot-audio.json" ] && pass "the shot's gain is kept beside the chunks" ||
    fail "no shot-audio.json"

# a missing chunk
cp -r "$T/four" "$T/gap"
rm "$T/gap/chunk-3-of-4.json"
expect_rc 2 "assemble with a chunk missing" "$OYSTER" assemble "$T/gap" -o "$T/gap.mp4"
has_line "$T/.err" "chunk 3 of 4 is missing" "the missing chunk is named"
[ ! -e "$T/gap.mp4" ] && pass "no output from an incomplete folder" || fail "gap.mp4 written"
expect_rc 1 "status of a folder with a chunk missing" "$OYSTER" status "$T/gap"
has_line "$T/.out" "chunk 3 of 4: missing" "status names the missing chunk"

# chunks of another seed mixed in
chunks "$T/seed" 4 -s 8
cp "$T/seed/chunk-2-of-4.json" "$T/seed/chunk-2-of-4.mkv" "$T/gap/"
cp "$T/four/chunk-3-of-4.json" "$T/gap/"
expect_rc 2 "assemble chunks of two seeds" "$OYSTER" assemble "$T/gap" -o "$T/mix.mp4"
has_line "$T/.err" "chunk 2 of 4 .* another shot, seed or options" "the foreign chunk is named"

# a damaged chunk file: status says failed, render --chunk redoes it
cp -r "$T/four" "$T/hurt"
head -c 100000 "$T/four/chunk-1-of-4.mkv" >"$T/hurt/chunk-1-of-4.mkv"
expect_rc 1 "status of a folder with a truncated chunk" "$OYSTER" status "$T/hurt"
has_line "$T/.out" "chunk 1 of 4: failed" "status says the truncated chunk failed"
expect_rc 2 "assemble refuses the truncated chunk" "$OYSTER" assemble "$T/hurt" -o "$T/hurt.mp4"
expect_rc 0 "render --chunk redoes the truncated chunk" \
    "$OYSTER" render "$T/s.yaml" --chunk 1/4 -o "$T/hurt"
ok "the redone chunk is the original" cmp "$T/four/chunk-1-of-4.mkv" "$T/hurt/chunk-1-of-4.mkv"

# a chunk killed mid-way leaves no manifest, and status says so
shot long.yaml <<'YAML'
oyster: 1
output: {size: 160x90, fps: 24, duration: 40s}
world:
  prompt: a lake in the mountains at dusk
YAML
# kill_chunk SIGNAL: start chunk 1/1 of long.yaml, send SIGNAL once it
# renders frames; its exit status in $rc
kill_chunk() {
    "$OYSTER" render "$T/long.yaml" --chunk 1/1 -o "$T/killed" --progress json 2>"$T/kill.err" &
    pid=$!
    i=0
    # its first frame, and its chunk's temporary file begun (the file may
    # open a moment after the first frame is told); up to two minutes on a
    # machine loaded with other work
    while ! { grep -q '"frame"' "$T/kill.err" 2>/dev/null && ls -a "$T/killed" 2>/dev/null | grep -q '\.tmp$'; } &&
        [ $i -lt 1200 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    kill "-$1" $pid
    wait $pid
    rc=$?
}
kill_chunk TERM
[ "$rc" = 143 ] && pass "a chunk stopped by SIGTERM exits 143" || fail "SIGTERM: exit $rc"
[ ! -e "$T/killed/chunk-1-of-1.json" ] && [ ! -e "$T/killed/chunk-1-of-1.mkv" ] &&
    pass "SIGTERM leaves no manifest and no chunk file" || fail "SIGTERM left files"
kill_chunk KILL
[ ! -e "$T/killed/chunk-1-of-1.json" ] && pass "SIGKILL leaves no manifest" || fail "SIGKILL left a manifest"
expect_rc 1 "status after SIGKILL" "$OYSTER" status "$T/killed"
has_line "$T/.out" "chunk 1 of 1: failed: its render .* ended unfinished" "status says the killed chunk failed"

# frame ranges into a folder: chunks of any sizes, FFV1 or PNG, in any
# order, assemble to the render's bytes (the video, hashes and sound)
mkdir "$T/ranges"
"$OYSTER" render "$T/s.yaml" --frames 31-47 -o "$T/ranges" -q &&
    "$OYSTER" render "$T/s.yaml" --frames 0-4 -o "$T/ranges/" -q --chunk-format png &&
    "$OYSTER" render "$T/s.yaml" --frames 5-30 -o "$T/ranges" -q
ok "render --frames into a folder names the chunk by its range" test -f "$T/ranges/frames-000005-000030.json"
ok "--frames with --chunk-format png: the range's PNG frames" test -f "$T/ranges/frames-000000-000004/000004.png"
expect_rc 0 "status of a folder of frame ranges" "$OYSTER" status "$T/ranges"
has_line "$T/.out" "^3 of 3 chunks done.*48 of 48 frames" "status counts the ranges and their frames"
"$OYSTER" assemble "$T/ranges" -o "$T/ranges.mp4" -q --frame-hashes "$T/ranges.md5" --audio-out "$T/ranges.wav"
cmp -s "$T/four.mp4" "$T/ranges.mp4" && cmp -s "$T/four.md5" "$T/ranges.md5" &&
    cmp -s "$T/four.wav" "$T/ranges.wav" && pass "frame ranges assemble to the render's bytes" ||
    fail "frame ranges assembled differ from the render"
"$OYSTER" render "$T/s.yaml" --frames 5-30 -o "$T/ranges" -v 2>"$T/skip.err"
has_line "$T/skip.err" "frames 5-30 .* done already; skipped" "a done range is skipped"
cp -r "$T/ranges" "$T/rgap"
rm "$T/rgap/frames-000005-000030.json"
expect_rc 1 "status of ranges with a gap" "$OYSTER" status "$T/rgap"
has_line "$T/.out" "frames 5-30: missing" "status names the frames in no chunk"
expect_rc 2 "assemble ranges with a gap" "$OYSTER" assemble "$T/rgap" -o "$T/rgap.mp4"
has_line "$T/.err" "frames 5-30 are in no chunk" "assemble names the frames in no chunk"
"$OYSTER" render "$T/s.yaml" --frames 5-35 -o "$T/rgap" -q
expect_rc 1 "status of overlapping ranges" "$OYSTER" status "$T/rgap"
has_line "$T/.out" "frames 31-47: failed: some of its frames are in another chunk" "status names the overlap"
expect_rc 2 "assemble overlapping ranges" "$OYSTER" assemble "$T/rgap" -o "$T/rgap.mp4"
has_line "$T/.err" "frames 5-35 and frames 31-47 .* overlap" "assemble names the overlapping chunks"
[ ! -e "$T/rgap.mp4" ] && pass "no output from ranges that do not tile the shot" || fail "rgap.mp4 written"
"$OYSTER" render "$T/s.yaml" --chunk 1/2 -o "$T/ranges" -q
expect_rc 2 "a plan's chunk among frame ranges" "$OYSTER" assemble "$T/ranges" -o "$T/x.mp4"
has_line "$T/.err" "chunks of a plan .of 2. and frame ranges" "assemble says the folder mixes a plan and ranges"
expect_rc 2 "a range chunk with --audio-out" \
    "$OYSTER" render "$T/s.yaml" --frames 0-4 -o "$T/ranges" --audio-out "$T/x.wav"
expect_rc 2 "a range chunk past the shot's end" "$OYSTER" render "$T/s.yaml" --frames 40-60 -o "$T/ranges"

# bad requests
expect_rc 2 "--chunk 5/4" "$OYSTER" render "$T/s.yaml" --chunk 5/4 -o "$T/bad"
expect_rc 2 "--chunk with --frame-hashes" \
    "$OYSTER" render "$T/s.yaml" --chunk 1/4 -o "$T/bad" --frame-hashes "$T/bad.md5"
expect_rc 2 "more chunks than frames" "$OYSTER" render "$T/s.yaml" --chunk 1/49 -o "$T/bad"
expect_rc 2 "assemble a folder without chunks" "$OYSTER" assemble "$T" -o "$T/none.mp4"

# a real plan: GNU parallel or not, submit.sh runs the chunks and assembles
if command -v parallel >/dev/null 2>&1; then
    "$OYSTER" plan "$T/s.yaml" --chunks 4 --engine parallel -o "$T/job" -q &&
        sh "$T/job/submit.sh" >"$T/job.log" 2>&1
    ok "plan --engine parallel: the assembled video is the render's" cmp "$T/four.mp4" "$T/job/s.mp4"
    "$OYSTER" plan "$T/s.yaml" --chunks 3 --chunk-format png --engine parallel -o "$T/pjob" -q &&
        sh "$T/pjob/submit.sh" >"$T/pjob.log" 2>&1
    ok "plan --chunk-format png: chunks of PNG frames, the render's bytes" cmp "$T/four.mp4" "$T/pjob/s.mp4"
    ok "plan --chunk-format png: its chunks are PNG frames" test -f "$T/pjob/s/chunk-1-of-3/000000.png"
fi

# a frame range keeps the shot's loudness in the user's cache: the second
# range reads it, and both give the bytes of a range measured afresh
XDG_CACHE_HOME=$T/cache "$OYSTER" render "$T/s.yaml" --frames 3-5 -o "$T/r1.mp4" -q
ls "$T/cache/oyster/"loudness-*.json >/dev/null 2>&1 && pass "--frames keeps the loudness in the cache" ||
    fail "no loudness file in \$XDG_CACHE_HOME/oyster"
XDG_CACHE_HOME=$T/cache "$OYSTER" render "$T/s.yaml" --frames 3-5 -o "$T/r2.mp4" -q
XDG_CACHE_HOME= HOME=/nonexistent "$OYSTER" render "$T/s.yaml" --frames 3-5 -o "$T/r3.mp4" -q
cmp -s "$T/r1.mp4" "$T/r2.mp4" && cmp -s "$T/r1.mp4" "$T/r3.mp4" &&
    pass "cached, read back or without a cache: the same bytes" || fail "the cache changes the range's bytes"
sed -i 's/"build": "[0-9a-f]*"/"build": "0000000000000000"/' "$T/cache/oyster/"loudness-*.json
XDG_CACHE_HOME=$T/cache "$OYSTER" render "$T/s.yaml" --frames 3-5 -o "$T/r4.mp4" -q
cmp -s "$T/r1.mp4" "$T/r4.mp4" && ! grep -q '"build": "0000000000000000"' "$T/cache/oyster/"loudness-*.json &&
    pass "another build's loudness is measured again" || fail "another build's cache entry was used"
finish
