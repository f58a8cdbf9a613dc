#!/bin/sh
# test_storyboard.sh - `oyster storyboard`: panels at frame 0, each beat,
# each picture-changing directive and each cut (not at music or sound);
# a PNG sheet of the size its geometry gives; an HTML page with the shot
# list and one data-URI PNG per panel, each the pixels `oyster still
# --size` gives at that time, for two shots of one seed and two worlds in
# one process; a PDF of the pages and paper asked for that poppler reads;
# an MP4 reel that holds each panel until the next over the shots' sound;
# the same bytes on every run and thread count; --every; --seeds rows;
# and the refusals, exit 2.
. "$(dirname "$0")/lib.sh"

dims() { ffprobe -v error -show_entries stream=width,height -of csv=p=0 "$1"; }
pixmd5() { ffmpeg -v error -i "$1" -pix_fmt rgb24 -f framemd5 - | grep -v '^#' | awk -F', *' '{print $NF}'; }
uris() { grep -o 'data:image/png;base64,[^"]*' "$1" | sed 's/^data:image\/png;base64,//'; }

# Alpha: panels at 0, 0.5 (beat), 1 (strike; the music hit is no panel) and
# 1.5 s (say); the sound at 1.25 s is no panel. The camera dollies forward.
shot a.yaml <<'YAML'
oyster: 1
title: Alpha
seed: 7
output: {size: 160x90, fps: 12, duration: 2s}
world: {prompt: a green valley with a river at noon}
camera:
  path:
    - {at: 0s, pos: [0, 4, 0], yaw: 0}
    - {at: 2s, pos: [0, 4, 20], yaw: 0}
directives:
  - {at: 0.5s, beat: Arrival}
  - {at: 1s, strike: lightning, distance: 600}
  - {at: 1s, music: hit}
  - {at: 1.25s, sound: door}
  - {at: 1.5s, say: the sky clouds over}
YAML
# Bravo: the same seed, another world, burn-ins; panels at 0, 1 (cut) and
# 1.5 s (time); the camera stands still.
shot b.yaml <<'YAML'
oyster: 1
title: Bravo
seed: 7
output: {size: 160x90, fps: 12, duration: 2s, burn_in: [timecode, lens]}
world: {prompt: a sandy desert with dunes at sunset}
camera:
  path:
    - {at: 0s, pos: [0, 3, 0], yaw: 90}
    - {at: 1s, pos: [40, 3, 10], yaw: 200, cut: true}
directives:
  - {at: 1.5s, time: "18:30"}
YAML
A=$T/a.yaml B=$T/b.yaml
# --draft (for all, stills too) keeps it quick; the pictures are still compared exactly
SB() { "$OYSTER" storyboard "$@" --panel-width 160 --draft --progress none; }

# ---- PNG: G + cols (pw + G) wide, header + lines (ph + caption + G) high;
# at 160 px: G 8, header 43, caption 69: 7 panels in 3 columns, 3 lines
expect_rc 0 "a sheet of two shots" SB "$A" "$B" --columns 3 -o "$T/board.png"
[ "$(dims "$T/board.png")" = "512,544" ] && pass "7 panels in 3 columns: 512x544" || fail "sheet size $(dims "$T/board.png")"
expect_rc 0 "the sheet again with -j1" SB "$A" "$B" --columns 3 -j1 -o "$T/board1.png"
cmp -s "$T/board.png" "$T/board1.png" && pass "PNG: the same bytes again, any thread count" || fail "PNG sheets differ"

# ---- HTML: the shot list, one data URI per panel, captions as text
expect_rc 0 "a page of two shots" SB "$A" "$B" -o "$T/board.html"
n=$(uris "$T/board.html" | wc -l)
[ "$n" = 7 ] && pass "7 panels as PNG data URIs" || fail "$n data URIs, wanted 7"
grep -q '<table class="shots">' "$T/board.html" && [ "$(grep -c '^<tr><td>[12]</td>' "$T/board.html")" = 2 ] \
    && grep -q '00:00:00:06</span> Arrival' "$T/board.html" \
    && pass "the shot list: two shots, Alpha's beat" || fail "shot list"
grep -q 'grid-template-columns:repeat(4,minmax(0,160px))' "$T/board.html" && pass "4 columns by default" || fail "columns"
for w in 'strike lightning' 'say: the sky clouds over' '>cut<' 'time 18:30' 'beat: Arrival' \
         '35mm, push in' '35mm, static'; do
    grep -q "$w" "$T/board.html" || { fail "caption '$w' missing"; w=; break; }
done
[ -n "$w" ] && pass "captions: directives, cut, beat, lens and camera moves"
grep -q '00:00:01:03\|sound\|music' "$T/board.html" && fail "a panel for music or sound" || pass "no panel for music or sound"
expect_rc 0 "the page again" SB "$A" "$B" -o "$T/board2.html"
cmp -s "$T/board.html" "$T/board2.html" && pass "HTML: the same bytes again" || fail "HTML pages differ"

# each panel is `oyster still --size 160x90` at its time, both worlds from
# one process: Alpha's strike and say, Bravo's first panel (drawn after
# Alpha's) and its last, with burn-ins
bad=""
for st in 3:a:1 4:a:1.5 5:b:0 7:b:1.5; do
    i=${st%%:*} st=${st#*:}
    uris "$T/board.html" | sed -n "${i}p" | base64 -d >"$T/panel$i.png"
    "$OYSTER" still "$T/${st%%:*}.yaml" --at "${st#*:}" --size 160x90 --draft -o "$T/still$i.png" -q
    [ -n "$(pixmd5 "$T/still$i.png")" ] && [ "$(pixmd5 "$T/panel$i.png")" = "$(pixmd5 "$T/still$i.png")" ] || bad="$bad $i($st)"
done
[ -z "$bad" ] && pass "every panel has the pixels of its still" || fail "panels unlike their stills:$bad"

# ---- PDF: pages, paper, rendering
if command -v pdfinfo >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
    expect_rc 0 "a PDF" SB "$A" "$B" -o "$T/board.pdf"
    pdfinfo "$T/board.pdf" >"$T/info" 2>&1
    grep -q '^Pages: *2$' "$T/info" && grep -q '^Page size: *841.89 x 595.28 pts (A4)' "$T/info" \
        && pass "A4 landscape, 2 pages of 3 x 2" || { fail "pdfinfo"; cat "$T/info"; }
    grep -q '^Title: *Alpha / Bravo' "$T/info" && pass "the PDF's title" || fail "PDF title"
    expect_rc 0 "a Letter PDF of 2 x 1" SB "$A" "$B" --paper letter --columns 2 --rows 1 -o "$T/letter.pdf"
    pdfinfo "$T/letter.pdf" >"$T/info" 2>&1
    grep -q '^Pages: *4$' "$T/info" && grep -q '^Page size: *792 x 612 pts (letter)' "$T/info" \
        && pass "Letter landscape, 4 pages of 2 x 1" || { fail "pdfinfo letter"; cat "$T/info"; }
    pdftoppm -r 30 -png "$T/letter.pdf" "$T/page" 2>"$T/err"
    [ "$(ls "$T"/page-*.png 2>/dev/null | wc -l)" = 4 ] && [ ! -s "$T/err" ] \
        && pass "pdftoppm renders the 4 pages" || { fail "pdftoppm"; cat "$T/err"; }
    expect_rc 0 "the PDF again with -j1" SB "$A" "$B" -j1 -o "$T/board2.pdf"
    cmp -s "$T/board.pdf" "$T/board2.pdf" && pass "PDF: the same bytes again" || fail "PDFs differ"
    grep -aq 'CreationDate\|ModDate' "$T/board.pdf" && fail "the PDF has a date" || pass "no date in the PDF"
else
    fail "pdfinfo and pdftoppm (poppler-utils) are needed"
fi

# ---- MP4: every frame of both shots (24 + 24 at 12 fps), the panel held
# until the next (cuts at frames 6, 12, 18, 24, 36, 42: the lowest PSNR
# between neighbours), a caption band under it, the shots' sound
expect_rc 0 "a reel" SB "$A" "$B" -o "$T/reel.mp4"
ffprobe -v error -show_entries stream=codec_name,width,height,nb_frames -of csv=p=0 "$T/reel.mp4" >"$T/streams"
[ "$(head -1 "$T/streams")" = "h264,160,138,48" ] && grep -q '^aac' "$T/streams" \
    && pass "48 frames of 160x138 (panel and caption band) with AAC" || { fail "reel streams"; cat "$T/streams"; }
ffmpeg -v error -i "$T/reel.mp4" -i "$T/reel.mp4" -filter_complex \
    "[1:v]trim=start_frame=1,setpts=PTS-STARTPTS[b];[0:v][b]psnr=stats_file=$T/psnr.log" -f null - 2>/dev/null
cuts=$(awk '{split($1,a,":"); split($6,p,":"); print a[2], p[2]}' "$T/psnr.log" | sort -k2 -g | head -6 | cut -d' ' -f1 | sort -n | tr '\n' ' ')
[ "$cuts" = "6 12 18 24 36 42 " ] && pass "the reel cuts on the panels' frames" || fail "reel cuts at: $cuts"
vol=$(ffmpeg -i "$T/reel.mp4" -vn -af volumedetect -f null - 2>&1 | sed -n 's/.*mean_volume: \(-*[0-9]*\).*/\1/p')
[ -n "$vol" ] && [ "$vol" -gt -60 ] && pass "the reel has the shots' sound ($vol dB)" || fail "reel sound: '$vol' dB"
expect_rc 0 "the reel again" SB "$A" "$B" -o "$T/reel2.mp4"
cmp -s "$T/reel.mp4" "$T/reel2.mp4" && pass "MP4: the same bytes again" || fail "reels differ"
sed 's/fps: 12/fps: 24/' "$B" >"$T/b24.yaml"
expect_rc 2 "a reel of shots at 12 and 24 fps" SB "$A" "$T/b24.yaml" -o "$T/r.mp4"
expect_rc 2 "a reel with --seeds" SB "$A" --seeds 1-2 -o "$T/r.mp4"

# ---- --every, --seeds
expect_rc 0 "--every 1s" SB "$A" --every 1s -o "$T/every.html"
[ "$(uris "$T/every.html" | wc -l)" = 2 ] && pass "--every 1s: panels at 0 and 1 s" || fail "--every: $(uris "$T/every.html" | wc -l) panels"
expect_rc 0 "--seeds 1-3" SB "$A" --seeds 1-3 --every 1s -o "$T/seeds.png"
# three rows of 2, each under a 13 px label band
[ "$(dims "$T/seeds.png")" = "344,583" ] && pass "--seeds 1-3: three rows (344x583)" || fail "seeds sheet $(dims "$T/seeds.png")"
expect_rc 0 "--seeds 1-3 as a page" SB "$A" --seeds 1-3 --every 2s -o "$T/seeds.html"
[ "$(grep -c '^<h2>seed [123]</h2>' "$T/seeds.html")" = 3 ] && [ "$(uris "$T/seeds.html" | sort -u | wc -l)" = 3 ] \
    && pass "a labelled row per seed, each another world" || fail "seed rows"

# ---- refusals: exit 2, nothing written
expect_rc 2 "a missing shot" SB "$T/nope.yaml" -o "$T/r.png"
printf 'oyster: 1\noutput: {size: 160x90, duraton: 2s}\n' >"$T/bad.yaml"
expect_rc 2 "a script error" SB "$A" "$T/bad.yaml" -o "$T/r.png"
grep -q "bad.yaml:2:[0-9]*: error" "$T/.err" && pass "the error is at file:line:col" || fail "message: $(cat "$T/.err")"
expect_rc 2 "an output directory that does not exist" SB "$A" -o "$T/no/dir/r.png"
expect_rc 2 "an unknown extension" SB "$A" -o "$T/r.gif"
expect_rc 2 "--every 0" SB "$A" --every 0 -o "$T/r.png"
expect_rc 2 "--columns 0" SB "$A" --columns 0 -o "$T/r.png"
expect_rc 2 "--seeds 5-2" SB "$A" --seeds 5-2 -o "$T/r.png"
expect_rc 2 "--seed with --seeds" SB "$A" --seed 3 --seeds 1-2 -o "$T/r.png"
expect_rc 2 "--paper for a sheet" SB "$A" --paper letter -o "$T/r.png"
expect_rc 2 "an odd --panel-width" SB "$A" --panel-width 161 -o "$T/r.png"
[ -e "$T/r.png" ] || [ -e "$T/r.mp4" ] && fail "a refused storyboard wrote its output" || pass "refused storyboards write nothing"
cp "$T/board.png" "$T/keep.png"
expect_rc 2 "an existing output without --force" SB "$B" -o "$T/keep.png"
cmp -s "$T/board.png" "$T/keep.png" && pass "the existing output is untouched" || fail "the existing output changed"
expect_rc 0 "--force replaces it" SB "$B" -o "$T/keep.png" -f
ls -a "$T" | grep -q '\.tmp$' && fail "a temporary file was left" || pass "no temporary file left"
finish
