#!/bin/sh
# test_diff.sh - `oyster diff A B`: the same shot rendered twice is the
# same as videos, frame hashes and frame folders (exit 0); one directive
# changed at 1 s differs from its frame on and not before (exit 1); a
# threshold, another length, another size, folders of renders matched by
# name, an empty folder (a difference: all its frames are missing), the
# JSON and HTML reports, and the errors (exit 2): a missing input, an
# unknown kind, mismatched kinds, bad option values, an existing output.
. "$(dirname "$0")/lib.sh"

shot a.yaml <<'YAML'
oyster: 1
seed: 3
output: {size: 96x54, fps: 24, duration: 2s}
world: {prompt: a lake below mountains at dawn}
camera:
  path:
    - {at: 0s, pos: [0, 8, 0], yaw: 0}
    - {at: 2s, pos: [10, 9, 20], yaw: 10}
directives:
  - {at: 1s, time: "12:00", over: 0s}
YAML
# the same shot with that directive changed: it takes effect at frame 24
sed 's/time: "12:00"/time: "21:00"/' "$T/a.yaml" >"$T/b.yaml"
cmp -s "$T/a.yaml" "$T/b.yaml" && fail "b.yaml is a copy of a.yaml"

r() { "$OYSTER" render "$@" --no-audio -q; }
r "$T/a.yaml" -o "$T/a.mkv" --frame-hashes "$T/a.md5" &&
r "$T/a.yaml" -o "$T/a2.mkv" --frame-hashes "$T/a2.md5" &&
r "$T/b.yaml" -o "$T/b.mkv" --frame-hashes "$T/b.md5" &&
r "$T/a.yaml" -o "$T/short.mkv" --frame-hashes "$T/short.md5" --duration 1.5s &&
r "$T/a.yaml" -o "$T/big.mkv" --size 128x72 &&
    pass "rendered the test shots" || fail "rendering the test shots"
mkdir "$T/fa" "$T/fa2" "$T/pa" "$T/pb" "$T/empty" "$T/empty2"
ffmpeg -v error -i "$T/a.mkv" "$T/fa/%05d.png" && ffmpeg -v error -i "$T/a2.mkv" "$T/fa2/%05d.png"
"$OYSTER" frames "$T/a.yaml" -o "$T/pa/%05d.png" -q && "$OYSTER" frames "$T/b.yaml" -o "$T/pb/%05d.png" -q

# frame N lines of a report, as "N N N ..."
frames_of() { sed -n 's/^frame \([0-9]*\)  .*/\1/p' "$1" | tr '\n' ' ' | sed 's/ $//'; }
range() { seq "$1" "$2" | tr '\n' ' ' | sed 's/ $//'; }

# the same
expect_rc 0 "same shot twice: videos" "$OYSTER" diff "$T/a.mkv" "$T/a2.mkv"
grep -qx "identical: 48 frames" "$T/.out" && pass "videos: 'identical: 48 frames'" || fail "videos: $(cat "$T/.out")"
expect_rc 0 "same shot twice: frame hashes" "$OYSTER" diff "$T/a.md5" "$T/a2.md5"
expect_rc 0 "same shot twice: frame folders" "$OYSTER" diff "$T/fa" "$T/fa2"
grep -qx "identical: 48 frames" "$T/.out" && pass "frame folders: 48 frames" || fail "frame folders: $(cat "$T/.out")"
expect_rc 0 "two PNG files" "$OYSTER" diff "$T/pa/00003.png" "$T/pa/00003.png"

# one directive changed at 1 s: frames 24-47 differ, none before
expect_rc 1 "changed directive: frame hashes" "$OYSTER" diff "$T/a.md5" "$T/b.md5"
[ "$(frames_of "$T/.out")" = "$(range 24 47)" ] && grep -qx "24 of 48 frames differ (first 24, last 47)" "$T/.out" \
    && pass "hashes: exactly frames 24-47 differ" || fail "hashes: $(tail -3 "$T/.out")"
expect_rc 1 "changed directive: frame folders" "$OYSTER" diff "$T/pa" "$T/pb"
[ "$(frames_of "$T/.out")" = "$(range 24 47)" ] && pass "frame folders: exactly frames 24-47 differ" \
    || fail "frame folders: $(frames_of "$T/.out")"
grep -Eq '^frame 24  00:00:01:00  PSNR [0-9.]+ dB  SSIM [0-9.]+$' "$T/.out" \
    && pass "a frame line has its timecode, PSNR and SSIM" || fail "frame line: $(head -1 "$T/.out")"
grep -Eq '^24 of 48 frames differ \(first 24, last 47\); worst PSNR [0-9.]+ dB at frame [0-9]+$' "$T/.out" \
    && pass "summary line" || fail "summary: $(tail -1 "$T/.out")"
# through the encoder: x264's lookahead may touch a few frames before the
# change, never the frames well before it; every changed frame differs
expect_rc 1 "changed directive: videos" "$OYSTER" diff "$T/a.mkv" "$T/b.mkv"
f=$(frames_of "$T/.out")
first=${f%% *}
case " $f " in *" $(range 24 47) ") ok24=1 ;; *) ok24=0 ;; esac
[ "$ok24" = 1 ] && [ "$first" -ge 14 ] && pass "videos: frames 24-47 differ, the first is $first" \
    || fail "videos: $f"
expect_rc 0 "--threshold below the worst PSNR: the same" "$OYSTER" diff "$T/pa" "$T/pb" --threshold 3
grep -q "^same: 48 frames (24 not identical" "$T/.out" && pass "--threshold: 'same' line" || fail "threshold: $(cat "$T/.out")"
expect_rc 1 "--threshold 1000: still different" "$OYSTER" diff "$T/pa" "$T/pb" --threshold 1000

# another length, another size
expect_rc 1 "another duration" "$OYSTER" diff "$T/a.mkv" "$T/short.mkv"
grep -qx "A has 48 frames, B has 36: frames 36-47 are missing in B" "$T/.out" \
    && pass "the missing frames are named" || fail "length: $(cat "$T/.out")"
expect_rc 1 "another duration: hashes, B longer" "$OYSTER" diff "$T/short.md5" "$T/a.md5"
grep -q "frames 36-47 are missing in A" "$T/.out" && pass "missing in A" || fail "length: $(cat "$T/.out")"
expect_rc 1 "another size" "$OYSTER" diff "$T/a.mkv" "$T/big.mkv"
grep -q "^sizes differ: A is 96x54, B is 128x72" "$T/.out" && pass "the sizes are named" || fail "size: $(cat "$T/.out")"

# folders
expect_rc 1 "an empty folder against a frame folder" "$OYSTER" diff "$T/empty" "$T/fa"
grep -qx "A has 0 frames, B has 48: frames 0-47 are missing in A" "$T/.out" \
    && pass "empty folder: all frames missing in A" || fail "empty: $(cat "$T/.out")"
expect_rc 0 "two empty folders" "$OYSTER" diff "$T/empty" "$T/empty2"
mkdir -p "$T/RA/shots" "$T/RB/shots"
cp "$T/a.mkv" "$T/RA/x.mkv"; cp "$T/a2.mkv" "$T/RB/x.mkv"
cp "$T/a.md5" "$T/RA/shots/y.md5"; cp "$T/b.md5" "$T/RB/shots/y.md5"
cp "$T/a.md5" "$T/RA/gone.md5"; cp "$T/a.md5" "$T/RB/new.md5"
expect_rc 1 "folders of renders" "$OYSTER" diff "$T/RA" "$T/RB"
grep -qx "only in A: gone.md5" "$T/.out" && grep -qx "only in B: new.md5" "$T/.out" &&
    grep -qx "x.mkv: identical: 48 frames" "$T/.out" && grep -q "^shots/y.md5: 24 of 48 frames differ" "$T/.out" &&
    grep -q "^3 of 4 files differ" "$T/.out" && pass "files matched by name, one level down" \
    || fail "folders: $(cat "$T/.out")"
rm "$T/RA/gone.md5" "$T/RB/new.md5"; cp "$T/a.md5" "$T/RB/shots/y.md5"
expect_rc 0 "the same folders of renders" "$OYSTER" diff "$T/RA" "$T/RB"
grep -qx "identical: 2 files" "$T/.out" && pass "identical: 2 files" || fail "folders: $(cat "$T/.out")"

# a video against frame hashes: by the MD5 of each decoded frame
ffmpeg -v error -framerate 24 -i "$T/pa/%05d.png" -c:v png "$T/lossless.mkv"
expect_rc 0 "a lossless video against its frame hashes" "$OYSTER" diff "$T/lossless.mkv" "$T/a.md5"
ffmpeg -v error -framerate 25 -i "$T/pa/%05d.png" -c:v png "$T/at25.mkv"
expect_rc 1 "the same frames at another frame rate" "$OYSTER" diff "$T/at25.mkv" "$T/a.md5"
grep -q "^frame rates differ: A is 25 fps, B is 24 fps" "$T/.out" && pass "the frame rates are named" \
    || fail "rates: $(cat "$T/.out")"
expect_rc 1 "against another shot's hashes" "$OYSTER" diff "$T/lossless.mkv" "$T/b.md5"

# the JSON report
expect_rc 1 "--json" "$OYSTER" diff "$T/a.mkv" "$T/short.mkv" --json "$T/r.json"
if python3 -m json.tool "$T/r.json" >/dev/null 2>&1 && python3 - "$T/r.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("a", "b", "kind", "frames_a", "frames_b", "width", "height", "same", "differing", "files"):
    assert k in d, k
assert d["kind"] == "video" and d["frames_a"] == 48 and d["frames_b"] == 36 and d["same"] is False
assert d["width"] == 96 and d["height"] == 54
missing = [x["frame"] for x in d["differing"] if x["missing"] == "b"]
assert missing == list(range(36, 48)), missing
for x in d["differing"]:
    assert set(x) >= {"frame", "timecode", "psnr", "ssim"}, x
PY
then pass "--json is valid JSON with the keys"; else fail "--json: $(head -c 600 "$T/r.json")"; fi
cp "$T/r.json" "$T/r.keep"
expect_rc 2 "--json refuses an existing file" "$OYSTER" diff "$T/a.mkv" "$T/a2.mkv" --json "$T/r.json"
cmp -s "$T/r.json" "$T/r.keep" && pass "the existing file is untouched" || fail "existing --json changed"
expect_rc 0 "--json -f replaces it" "$OYSTER" diff "$T/a.mkv" "$T/a2.mkv" --json "$T/r.json" -f
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["same"] and d["differing"] == []' "$T/r.json" \
    && pass "replaced: same, nothing differs" || fail "replaced --json"
expect_rc 1 "--json for folders" "$OYSTER" diff "$T/RA" "$T/empty" --json "$T/f.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["kind"] == "folders" and [f["status"] for f in d["files"]] == ["only_a", "only_a"]' "$T/f.json" \
    && pass "--json lists the files" || fail "folders --json: $(cat "$T/f.json")"

# the HTML report
expect_rc 1 "--html" "$OYSTER" diff "$T/pa" "$T/pb" --html "$T/rep"
if [ -f "$T/rep/index.html" ]; then
    missing=""
    for p in $(grep -o 'src="[^"]*"' "$T/rep/index.html" | sed 's/src="//; s/"$//'); do
        [ -f "$T/rep/$p" ] || missing="$missing $p"
    done
    n=$(grep -o 'src="[^"]*-d\.png"' "$T/rep/index.html" | wc -l)
    [ -z "$missing" ] && [ "$n" = 24 ] && grep -q '<svg' "$T/rep/index.html" \
        && pass "index.html shows 24 changed frames, every PNG exists, a PSNR plot" \
        || fail "html: $n heat maps, missing:$missing"
else
    fail "--html wrote no index.html"
fi
expect_rc 2 "--html refuses an existing folder" "$OYSTER" diff "$T/pa" "$T/pb" --html "$T/rep"
expect_rc 0 "--html -f replaces an earlier report" "$OYSTER" diff "$T/pa" "$T/pa" --html "$T/rep" -f
[ -f "$T/rep/index.html" ] && [ -z "$(ls "$T/rep" | grep png)" ] && pass "the old report's pictures are gone" \
    || fail "replaced report: $(ls "$T/rep")"
mkdir "$T/mine"; echo keep >"$T/mine/notes.txt"
expect_rc 2 "--html -f refuses a folder that is not a report" "$OYSTER" diff "$T/pa" "$T/pb" --html "$T/mine" -f
[ -f "$T/mine/notes.txt" ] && pass "that folder is untouched" || fail "a user's folder was touched"
ls -a "$T" | grep -q '\.tmp' && fail "temporaries left: $(ls -a "$T" | grep tmp)" || pass "no temporaries left"

# errors
expect_rc 2 "a missing input" "$OYSTER" diff "$T/a.mkv" "$T/nope.mkv"
grep -q "nope.mkv" "$T/.err" && pass "the message names the file" || fail "message: $(cat "$T/.err")"
expect_rc 2 "a file of another kind" "$OYSTER" diff "$T/a.yaml" "$T/a.yaml"
expect_rc 2 "a folder against a video" "$OYSTER" diff "$T/fa" "$T/a.mkv"
expect_rc 2 "frames against renders" "$OYSTER" diff "$T/fa" "$T/RA"
expect_rc 2 "--threshold abc" "$OYSTER" diff "$T/a.mkv" "$T/a2.mkv" --threshold abc
expect_rc 2 "--fps 0" "$OYSTER" diff "$T/a.md5" "$T/a2.md5" --fps 0
expect_rc 2 "one input" "$OYSTER" diff "$T/a.mkv"
printf '#format: frame checksums\n0, 0, 0, 1, 100, zz\n' >"$T/bad.md5"
expect_rc 2 "a bad frame-hash line" "$OYSTER" diff "$T/bad.md5" "$T/a.md5"
grep -q "bad.md5:2:1:" "$T/.err" && pass "the bad line is named" || fail "bad line: $(cat "$T/.err")"
expect_rc 0 "oyster help diff" "$OYSTER" help diff
finish
