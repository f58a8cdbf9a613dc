#!/bin/sh
# test_frames.sh - `oyster frames`: PNG files with the render's pixels
# (ffmpeg's framemd5 over them equals render --frame-hashes), %05d and ####
# patterns, --frames and --start-number naming, and the errors: a pattern
# without one number, an existing file without --force, a range past the
# end - none of which leaves a file behind.
. "$(dirname "$0")/lib.sh"
shot f.yaml <<'YAML'
oyster: 1
seed: 3
output: {size: 96x54, fps: 24, duration: 1s}
world:
  prompt: a lake below mountains at dawn
camera:
  path:
    - {at: 0s, pos: [0, 8, 0], yaw: 0}
    - {at: 1s, pos: [10, 9, 20], yaw: 10}
directives:
  - {at: 0.5s, strike: lightning, distance: 600}
YAML
hashes() { grep -v '^#' "$1" | awk -F, '{print $6}'; }
expect_rc 0 "render with frame hashes" "$OYSTER" render "$T/f.yaml" -o "$T/f.mkv" --frame-hashes "$T/all.md5" --no-audio
mkdir "$T/a" "$T/b" "$T/c"
expect_rc 0 "frames to %05d" "$OYSTER" frames "$T/f.yaml" -o "$T/a/f_%05d.png"
ffmpeg -v error -i "$T/a/f_%05d.png" -pix_fmt rgb24 -f framemd5 - >"$T/a.md5"
hashes "$T/a.md5" >"$T/ha"; hashes "$T/all.md5" >"$T/hall"
[ "$(wc -l <"$T/ha")" = 24 ] && cmp -s "$T/ha" "$T/hall" \
    && pass "24 PNG frames whose framemd5 equals render --frame-hashes" || fail "frames differ from the render"
expect_rc 0 "frames 8-15 to #### from 1" "$OYSTER" frames "$T/f.yaml" -o "$T/b/g####.png" --frames 8-15 --start-number 1
[ -f "$T/b/g0001.png" ] && [ -f "$T/b/g0008.png" ] && [ ! -f "$T/b/g0009.png" ] \
    && pass "#### names files from --start-number" || fail "#### naming: $(ls "$T/b" | tr '\n' ' ')"
ffmpeg -v error -start_number 1 -i "$T/b/g%04d.png" -pix_fmt rgb24 -f framemd5 - >"$T/b.md5"
hashes "$T/b.md5" >"$T/hb"; sed -n 9,16p "$T/hall" >"$T/h8"
cmp -s "$T/hb" "$T/h8" && pass "a range has the render's frames 8-15" || fail "range frames differ"
expect_rc 0 "frames 20-23 numbered by frame" "$OYSTER" frames "$T/f.yaml" -o "$T/c/x%d.png" --frames 20-23
[ -f "$T/c/x20.png" ] && [ -f "$T/c/x23.png" ] && pass "files are numbered by frame by default" || fail "default numbering"
expect_rc 2 "a pattern without a number" "$OYSTER" frames "$T/f.yaml" -o "$T/c/plain.png"
expect_rc 2 "a pattern with two numbers" "$OYSTER" frames "$T/f.yaml" -o "$T/c/%d_%d.png"
expect_rc 2 "a range past the end" "$OYSTER" frames "$T/f.yaml" -o "$T/c/y%d.png" --frames 20-30
before=$(ls "$T/c" | wc -l)
expect_rc 2 "an existing file without --force" "$OYSTER" frames "$T/f.yaml" -o "$T/c/x%d.png" --frames 18-21
[ "$(ls -A "$T/c" | wc -l)" = "$before" ] && pass "a refused run leaves no file behind" || fail "files left: $(ls -A "$T/c")"
expect_rc 0 "--force overwrites" "$OYSTER" frames "$T/f.yaml" -o "$T/c/x%d.png" --frames 18-21 -f
expect_rc 3 "a directory that does not exist" "$OYSTER" frames "$T/f.yaml" -o "$T/nope/x%d.png"
finish
