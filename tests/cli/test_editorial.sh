#!/bin/sh
# test_editorial.sh - the edit beside a render or a storyboard (--otio,
# --edl, --fcpxml) and `check --shot-list`, each read back with python3
# (json, xml.etree, csv): one clip per shot cut from the right media at
# the right frames, a marker or locator per beat at its time, the rate,
# the names and oyster's metadata; the same bytes again; and the
# refusals: another extension or an existing file (exit 2), a missing
# directory (exit 3), nothing half-written left behind.
. "$(dirname "$0")/lib.sh"

# Alpha: beats at 0.5 s and 1.5 s (frames 6 and 18), a zoom to 50mm by
# 1.5 s (the lens of its last frame), timecode from 01:00:00:00. Bravo: one beat at 0, a title with '|', ',' and '"'.
shot a.yaml <<'YAML'
oyster: 1
title: Alpha
seed: 7
output: {size: 160x90, fps: 12, duration: 2s, timecode_start: "01:00:00:00"}
world: {prompt: a green valley with a river at noon}
camera:
  lens: 35mm
  path:
    - {at: 0s, pos: [0, 4, 0], yaw: 0}
    - {at: 1.5s, pos: [0, 4, 15], yaw: 0, lens: 50mm}
directives:
  - {at: 0.5s, beat: Arrival}
  - {at: 1.5s, beat: 'Turn & "go" <now>'}
YAML
shot b.yaml <<'YAML'
oyster: 1
title: 'Bravo | two, "night"'
seed: 9
output: {size: 160x90, fps: 12, duration: 1s, timecode_start: "01:00:00:00"}
world: {prompt: a sandy desert with dunes at night}
directives:
  - {at: 0s, beat: Night}
YAML
A=$T/a.yaml B=$T/b.yaml
R() { "$OYSTER" render "$@" --draft --progress none -q; }
SB() { "$OYSTER" storyboard "$@" --panel-width 160 --draft --progress none -q; }
py() { python3 - "$@" >"$T/.py" 2>&1; }   # the script on stdin; exit 0 when it holds
pyok() {   # pyok "description" ARGS... <<PY
    d=$1; shift
    if py "$@"; then pass "$d"; else fail "$d"; sed 's/^/    /' "$T/.py" | head -20; fi
}
command -v python3 >/dev/null 2>&1 || { fail "python3 is needed"; finish; }

# ---- one render
expect_rc 0 "render with --otio, --edl, --fcpxml" R "$A" -o "$T/a.mp4" \
    --otio "$T/a.otio" --edl "$T/a.edl" --fcpxml "$T/a.fcpxml"
pyok "OTIO: one clip of 24 frames from the render, 2 markers at 6 and 18, 12 fps, from 01:00:00:00" \
    "$T/a.otio" "$T/a.mp4" "$A" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
assert t["OTIO_SCHEMA"] == "Timeline.1" and t["name"] == "Alpha", t["name"]
g = t["global_start_time"]
assert g["rate"] == 12.0 and g["value"] == 43200.0, g
st = t["tracks"]
assert st["OTIO_SCHEMA"] == "Stack.1" and len(st["children"]) == 1
tr = st["children"][0]
assert tr["OTIO_SCHEMA"] == "Track.1" and tr["kind"] == "Video" and len(tr["children"]) == 1
c = tr["children"][0]
assert c["OTIO_SCHEMA"] == "Clip.2" and c["name"] == "Alpha"
sr = c["source_range"]
assert sr["start_time"]["value"] == 0 and sr["duration"]["value"] == 24 and sr["duration"]["rate"] == 12.0, sr
ref = c["media_references"][c["active_media_reference_key"]]
assert ref["OTIO_SCHEMA"] == "ExternalReference.1"
assert ref["target_url"] == "file://" + sys.argv[2], ref["target_url"]
assert ref["available_range"]["duration"]["value"] == 24
m = c["markers"]
assert [x["OTIO_SCHEMA"] for x in m] == ["Marker.2"] * 2
assert [x["name"] for x in m] == ["Arrival", 'Turn & "go" <now>'], [x["name"] for x in m]
assert [x["marked_range"]["start_time"]["value"] for x in m] == [6, 18]
o = c["metadata"]["oyster"]
assert o["seed"] == 7 and o["script"] == sys.argv[3] and o["lens"] == "35mm \u2192 50mm", o
assert o["prompt"] == "a green valley with a river at noon", o
PY
pyok "EDL: title, non-drop frame, one event 01:00:00:00-01:00:02:00, a locator per beat" "$T/a.edl" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
assert lines[0] == "TITLE: Alpha" and lines[1] == "FCM: NON-DROP FRAME", lines[:2]
ev = [l.split() for l in lines if l[:1].isdigit()]
assert ev == [["001", "AX", "V", "C", "00:00:00:00", "00:00:02:00", "01:00:00:00", "01:00:02:00"]], ev
assert "* FROM CLIP NAME:  Alpha" in lines
loc = [l for l in lines if l.startswith("* LOC: ")]
assert loc == ["* LOC: 01:00:00:06 YELLOW  Arrival", '* LOC: 01:00:01:06 YELLOW  Turn & "go" <now>'], loc
PY
pyok "FCPXML 1.9: one asset with its media-rep, one asset-clip with 2 markers, 1/12s frames" \
    "$T/a.fcpxml" "$T/a.mp4" <<'PY'
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
assert r.tag == "fcpxml" and r.get("version") == "1.9"
f = r.find("resources/format")
assert f.get("frameDuration") == "1/12s" and f.get("width") == "160" and f.get("height") == "90"
assets = r.findall("resources/asset")
assert len(assets) == 1
assert assets[0].find("media-rep").get("src") == "file://" + sys.argv[2]
seq = r.find("library/event/project/sequence")
assert seq.get("tcStart") == "3600s" and seq.get("duration") == "2s", seq.attrib
clips = seq.findall("spine/asset-clip")
assert [c.get("name") for c in clips] == ["Alpha"] and clips[0].get("ref") == assets[0].get("id")
ms = [(m.get("start"), m.get("duration"), m.get("value")) for m in clips[0].findall("marker")]
assert ms == [("6/12s", "1/12s", "Arrival"), ("18/12s", "1/12s", 'Turn & "go" <now>')], ms
PY
cp "$T/a.otio" "$T/a1.otio"
expect_rc 0 "the same again with --force" R "$A" -o "$T/a.mp4" --otio "$T/a.otio" --force
cmp -s "$T/a.otio" "$T/a1.otio" && pass "OTIO: the same bytes again" || fail "OTIO differs on a second run"

# ---- a storyboard's reel: the shots one after another in one file
expect_rc 0 "a reel with its edit" SB "$A" "$B" -o "$T/reel.mp4" \
    --otio "$T/reel.otio" --edl "$T/reel.edl" --fcpxml "$T/reel.fcpxml"
pyok "OTIO of the reel: two clips from the reel at 0 and 24, 3 markers" "$T/reel.otio" "$T/reel.mp4" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
cs = t["tracks"]["children"][0]["children"]
assert [c["name"] for c in cs] == ["Alpha", 'Bravo | two, "night"'], [c["name"] for c in cs]
assert [c["source_range"]["start_time"]["value"] for c in cs] == [0, 24]
assert [c["source_range"]["duration"]["value"] for c in cs] == [24, 12]
for c in cs:
    ref = c["media_references"]["DEFAULT_MEDIA"]
    assert ref["target_url"] == "file://" + sys.argv[2], ref["target_url"]
    assert ref["available_range"]["duration"]["value"] == 36
assert sum(len(c["markers"]) for c in cs) == 3
assert cs[1]["markers"][0]["marked_range"]["start_time"]["value"] == 24
PY
pyok "EDL of the reel: two events, the second from 00:00:02:00 at 01:00:02:00" "$T/reel.edl" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
ev = [l.split()[4:] for l in lines if l[:1].isdigit()]
assert ev == [["00:00:00:00", "00:00:02:00", "01:00:00:00", "01:00:02:00"],
              ["00:00:02:00", "00:00:03:00", "01:00:02:00", "01:00:03:00"]], ev
assert len([l for l in lines if l.startswith("* LOC: ")]) == 3
assert "* LOC: 01:00:02:00 YELLOW  Night" in lines
PY
pyok "FCPXML of the reel: one asset, two asset-clips in a row, 3 markers" "$T/reel.fcpxml" <<'PY'
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
assert len(r.findall("resources/asset")) == 1
clips = r.findall("library/event/project/sequence/spine/asset-clip")
assert [c.get("offset") for c in clips] == ["3600s", "3602s"], [c.get("offset") for c in clips]
assert [c.get("start") for c in clips] == ["0s", "2s"]
assert sum(len(c.findall("marker")) for c in clips) == 3
PY

# ---- a storyboard without a reel: each shot from its own render
mkdir "$T/cut"
expect_rc 0 "a sheet with an edit of the shots' own renders" SB "$A" "$B" -o "$T/board.png" \
    --otio "$T/cut/each.otio"
pyok "each clip from NAME.mp4 beside the edit, from frame 0" "$T/cut/each.otio" "$T/cut" <<'PY'
import json, sys
cs = json.load(open(sys.argv[1]))["tracks"]["children"][0]["children"]
urls = [c["media_references"]["DEFAULT_MEDIA"]["target_url"] for c in cs]
assert urls == ["file://" + sys.argv[2] + "/a.mp4", "file://" + sys.argv[2] + "/b.mp4"], urls
assert [c["source_range"]["start_time"]["value"] for c in cs] == [0, 0]
PY

# ---- the shot list
expect_rc 0 "check --shot-list CSV" "$OYSTER" check "$A" "$B" --shot-list "$T/list.csv"
pyok "CSV: a header and a row per shot, quoting kept" "$T/list.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert rows[0] == ["shot", "title", "duration", "frames", "lens", "camera move", "beats",
                   "objects", "time of day", "weather", "seed"], rows[0]
assert len(rows) == 3
a, b = rows[1], rows[2]
assert a[1] == "Alpha" and a[3] == "24" and a[4] == "35mm \u2192 50mm" and a[10] == "7", a
assert a[6] == 'Arrival; Turn & "go" <now>', a[6]
assert b[1] == 'Bravo | two, "night"' and b[3] == "12" and b[6] == "Night" and b[5] == "static", b
PY
expect_rc 0 "check --shot-list Markdown" "$OYSTER" check "$A" "$B" --shot-list "$T/list.md"
pyok "Markdown: a table of 2 rows, '|' escaped" "$T/list.md" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 4 and lines[0].startswith("| shot | title |") and lines[1].startswith("|---|")
assert all(l.replace("\\|", "").count("|") == 12 for l in lines), lines
assert "| Bravo \\| two, \"night\" |" in lines[3], lines[3]
PY

# ---- refusals: nothing written, nothing half-written
md5() { md5sum "$1" | cut -d' ' -f1; }
before=$(md5 "$T/list.csv")
expect_rc 2 "an existing shot list without --force" "$OYSTER" check "$A" --shot-list "$T/list.csv"
[ "$(md5 "$T/list.csv")" = "$before" ] && pass "the existing shot list is untouched" || fail "shot list changed"
expect_rc 2 "a shot list as .txt" "$OYSTER" check "$A" --shot-list "$T/list.txt"
[ ! -e "$T/list.txt" ] && pass "no .txt written" || fail ".txt written"
expect_rc 3 "a shot list in a missing directory" "$OYSTER" check "$A" --shot-list "$T/no/dir/list.csv"
before=$(md5 "$T/a.otio")
expect_rc 2 "an existing edit without --force" R "$A" -o "$T/a2.mp4" --otio "$T/a.otio"
[ "$(md5 "$T/a.otio")" = "$before" ] && pass "the existing edit is untouched" || fail "edit changed"
expect_rc 2 "an edit with another extension" R "$A" -o "$T/a3.mp4" --otio "$T/a.json"
expect_rc 3 "an edit in a missing directory" R "$A" -o "$T/a4.mp4" --edl "$T/no/dir/a.edl"
sed 's/fps: 12/fps: 24/' "$B" >"$T/b24.yaml"
expect_rc 2 "an edit of shots at 12 and 24 fps" SB "$A" "$T/b24.yaml" -o "$T/r.png" --edl "$T/r.edl"
[ ! -e "$T/r.edl" ] && pass "no edit of two rates written" || fail "an edit of two rates written"
left=$(find "$T" -name '*.tmp' | head -3)
[ -z "$left" ] && [ ! -e "$T/no" ] && pass "no temporary files left" || fail "left behind: $left"
finish
