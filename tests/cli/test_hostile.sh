#!/bin/sh
# test_hostile.sh - hostile or mistaken input gets a located, true message
# and exit 2 (oyster(1) EXIT STATUS, DIAGNOSTICS): other encodings, YAML
# tags, FIFOs and devices where a file belongs, places out of reach, too
# many objects, unknown words with nothing near; and a full disk under
# --frame-hashes names the file and the cause (exit 3). Also what new users
# tripped on: a still named .jpg, a cut
# written as two keys, configure's VAR=value arguments.
. "$(dirname "$0")/lib.sh"

shot ok.yaml <<'YAML'
oyster: 1
output:
  size: 32x18
  fps: 24
  duration: 0.5s
camera:
  path:
    - at: 0s
      pos: [0, 6, 0]
      look_at: [0, 10, 400]
YAML
# with_world NAME LINE: ok.yaml with a world: section of one line
with_world() { { cat "$T/ok.yaml"; printf 'world:\n  %s\n' "$2"; } >"$T/$1"; }
# no FIFO may block a test: each command that could open one is timed
run() { timeout 20 "$OYSTER" "$@"; }

# ---- encodings and tags
printf 'oyster: 1\n' | iconv -f UTF-8 -t UTF-16 >"$T/u16.yaml"
expect_rc 2 "UTF-16 shot" run check "$T/u16.yaml"
has_line "$T/.err" "^oyster: [^ ]*u16\.yaml:1:1: error: .*UTF-16 text, not UTF-8" "UTF-16 refused at 1:1"
with_world tag.yaml "prompt: !foo a green valley"
expect_rc 2 "unknown tag" run check "$T/tag.yaml"
has_line "$T/.err" "tag\.yaml:12:11: error: unsupported YAML tag '!foo'" "unknown tag located"
with_world bin.yaml "prompt: !!binary aGVsbG8="
expect_rc 2 "!!binary" run check "$T/bin.yaml"
has_line "$T/.err" "bin\.yaml:12:11: error: unsupported YAML tag '!!binary'" "!!binary located"
with_world str.yaml "prompt: !!str a green valley"
expect_rc 0 "!!str still reads" run check "$T/str.yaml"
with_world voc16.yaml "vocabulary: u16.yaml"
expect_rc 2 "UTF-16 vocabulary" run check "$T/voc16.yaml"
has_line "$T/.err" "u16\.yaml:1:1: error: .*UTF-16" "UTF-16 vocabulary refused at its 1:1"

# ---- files that are not files
mkfifo "$T/fifo"
expect_rc 2 "FIFO as the shot" run check "$T/fifo"
has_line "$T/.err" "error: cannot read '[^']*fifo': it is a FIFO" "FIFO shot named"
expect_rc 2 "device as the shot" run check /dev/null
has_line "$T/.err" "error: cannot read '/dev/null': it is a device" "device shot named"
with_world img.yaml "image: fifo"
expect_rc 2 "FIFO as world.image" run check "$T/img.yaml"
has_line "$T/.err" "img\.yaml:12:10: error: cannot read image '[^']*fifo': it is a FIFO" "FIFO image at world.image"
with_world voc.yaml "vocabulary: fifo"
expect_rc 2 "FIFO as world.vocabulary" run check "$T/voc.yaml"
has_line "$T/.err" "voc\.yaml:12:15: error: cannot read '[^']*fifo': it is a FIFO" "FIFO vocabulary at world.vocabulary"
expect_rc 2 "FIFO as --state-in" run render "$T/ok.yaml" -o "$T/x.mp4" --state-in "$T/fifo"
has_line "$T/.err" "error: cannot read state file '[^']*fifo': it is a FIFO" "FIFO state file named"
expect_rc 2 "FIFO to diff" run diff "$T/fifo" "$T/ok.yaml"
has_line "$T/.err" "error: cannot read '[^']*fifo': it is a FIFO" "FIFO diff input named"

# ---- image and vocabulary errors point at the key that named the file
with_world notimg.yaml "image: ok.yaml"
expect_rc 2 "text as world.image" run check "$T/notimg.yaml"
has_line "$T/.err" "notimg\.yaml:12:10: error: cannot read image '[^']*ok\.yaml': not an image" \
    "image error at world.image"
with_world novoc.yaml "vocabulary: nonesuch.yaml"
expect_rc 2 "missing vocabulary" run check "$T/novoc.yaml"
has_line "$T/.err" "novoc\.yaml:12:15: error: cannot read '[^']*nonesuch\.yaml'" \
    "missing vocabulary at world.vocabulary"

# ---- places out of reach
sed 's/pos: \[0, 6, 0\]/pos: [1e30, 6, 0]/' "$T/ok.yaml" >"$T/far.yaml"
expect_rc 2 "camera 1e30 m away" run check "$T/far.yaml"
has_line "$T/.err" "far\.yaml:9:12: error: 'camera\.path\.pos' \[1e\+30, 6, 0\] is out of range" \
    "far camera located"
sed 's/pos: \[0, 6, 0\]/pos: [0, -1000, 0]/' "$T/ok.yaml" >"$T/under.yaml"
expect_rc 0 "camera under the ground" run check "$T/under.yaml"
has_line "$T/.err" "under\.yaml:9:16: warning: camera height -1000 m is under the ground" \
    "underground camera warned at its height"

# ---- objects: too many, unknown, not objects
{
    cat "$T/ok.yaml"
    echo "directives:"
    i=0
    while [ $i -lt 121 ]; do echo "  - {at: 0, add: rock, count: 1000}"; i=$((i + 1)); done
} >"$T/many.yaml"
expect_rc 2 "more than 100000 objects" run check "$T/many.yaml"
has_line "$T/.err" "many\.yaml:112:5: error: more than 100000 objects in one shot" \
    "object limit at the directive that crosses it"
[ "$(grep -c 'objects in one shot' "$T/.err")" = 1 ] && pass "object limit said once" ||
    fail "object limit said $(grep -c 'objects in one shot' "$T/.err") times"
{ cat "$T/ok.yaml"; echo "directives:"; echo "  - {at: 0, add: xyzzyplugh}"; echo "  - {at: 0, add: fog}"; } \
    >"$T/unknown.yaml"
expect_rc 0 "unknown objects" run check "$T/unknown.yaml"
has_line "$T/.err" "unknown\.yaml:12:18: warning: 'xyzzyplugh' is not an object in the vocabulary \(no known word is near\); ignored" \
    "nothing near: said so"
grep -q "''" "$T/.err" && fail "empty quotes in: $(grep "''" "$T/.err")" || pass "no empty quotes"
has_line "$T/.err" "unknown\.yaml:13:18: warning: 'fog' is a [a-z]+ concept, not an object" \
    "a concept of another kind is named as such"

# ---- a full disk under --frame-hashes: /dev/full fails every write with
# ENOSPC, at the end of a short shot (the close) or during a longer one
sed 's/duration: 0.5s/duration: 4s/' "$T/ok.yaml" >"$T/four.yaml"
for s in ok four; do
    expect_rc 3 "--frame-hashes on a full disk ($s.yaml)" run render "$T/$s.yaml" \
        -o "$T/$s.mp4" --no-audio --draft --frame-hashes /dev/full
    has_line "$T/.err" "^oyster: error: cannot write '/dev/full': No space left on device$" \
        "full disk: the hash file and the cause ($s.yaml)"
done

# what a new user tripped on: a picture named for another format, a cut
# as two keys
small_shot tiny.yaml
expect_rc 2 "still -o x.jpg" "$OYSTER" still "$T/tiny.yaml" --at 0 -o "$T/x.jpg"
has_line "$T/.err" "x\.jpg': a still is written as PNG" "still -o x.jpg: said why"
expect_rc 2 "map -o x.jpg" "$OYSTER" map "$T/tiny.yaml" -o "$T/x.jpg"
expect_rc 2 "frames -o x_%03d.jpg" "$OYSTER" frames "$T/tiny.yaml" -o "$T/x_%03d.jpg"
ls "$T" | grep -q '\.jpg$' && fail "a .jpg was written" || pass "no .jpg written"
expect_rc 0 "still -o X.PNG" "$OYSTER" still "$T/tiny.yaml" --at 0 -o "$T/X.PNG"
printf 'oyster: 1\nmode: wander\noutput: {duration: 1s}\n' >"$T/w.yaml"
expect_rc 0 "check of a wander script" "$OYSTER" check "$T/w.yaml"
shot cut.yaml <<'YAML'
oyster: 1
output: {size: 64x36, duration: 2s}
camera:
  path:
    - {at: 1s, pos: [0, 2, 0]}
    - {at: 1s, pos: [5, 2, 0]}
YAML
expect_rc 2 "two camera keys at one time" "$OYSTER" check "$T/cut.yaml"
has_line "$T/.err" "hint: .*for a hard cut, give the new set-up one key with 'cut: true'" "the hint says how to cut"
sed '$d' "$T/cut.yaml" >"$T/cut2.yaml"
echo "    - {at: 1.5s, pos: [5, 2, 0], cut: true}" >>"$T/cut2.yaml"
expect_rc 0 "a cut as one key with cut: true" "$OYSTER" check "$T/cut2.yaml"

# ./configure takes VAR=value arguments as its --help says
mkdir "$T/conf" && cp "$TOP/configure" "$TOP/Makefile.in" "$T/conf/" &&
    (cd "$T/conf" && sh ./configure LDFLAGS=-Wl,-O1 CFLAGS=-O1 >/dev/null 2>&1) &&
    grep -q '^USER_LDFLAGS = -Wl,-O1$' "$T/conf/config.mak" &&
    pass "configure LDFLAGS=... is kept" || fail "configure LDFLAGS=... not kept"
# a word of another group where a music mood belongs: the nearest mood, not itself
printf 'oyster: 1\noutput: {size: 32x18, duration: 1s}\ndirectives:\n  - {at: 0s, music: {mood: warm}}\n' >"$T/m.yaml"
expect_rc 2 "a lighting word as a music mood" "$OYSTER" check "$T/m.yaml"
has_line "$T/.err" "hint: did you mean 'calm'\?" "the hint names a music mood, not the word itself"
finish
