#!/bin/sh
# test_export.sh - `oyster export`: each format written and read back
# (the glb's nodes and counts, the ply's header and size, the obj's
# material library and face indices), the same bytes on every run, the
# world at its place in the camera files' coordinates, and bad input
# (TIME past the end, a radius out of range, an unknown format, an
# existing file, an unwritable place) refused with the exit codes of oyster(1) and
# nothing half-written.
. "$(dirname "$0")/lib.sh"

S="$EX/ruins-hill.yaml"
for ext in glb gltf ply obj; do
    expect_rc 0 "export -o .$ext" "$OYSTER" export "$S" --at 5s --radius 150 -o "$T/w.$ext"
done
[ -s "$T/w.mtl" ] && pass "the .obj has its .mtl beside it" || fail "no w.mtl"
"$OYSTER" camera "$S" -o "$T/cam.json"

cat >"$T/check.py" <<'PY'
import json, struct, sys
d = sys.argv[1]
bad = []
b = open(d + "/w.glb", "rb").read()
magic, ver, length = struct.unpack("<4sII", b[:12])
jl, = struct.unpack("<I", b[12:16])
doc = json.loads(b[20:20 + jl])
if magic != b"glTF" or ver != 2 or length != len(b): bad.append("glb header")
names = {n.get("name") for n in doc["nodes"]}
if not {"terrain", "objects"} <= names: bad.append("glb nodes %s" % sorted(names))
for m in doc["meshes"]:
    for p in m["primitives"]:
        a = doc["accessors"][p["attributes"]["POSITION"]]
        if "COLOR_0" not in p["attributes"]: bad.append("no vertex colours in " + m.get("name", "?"))
        if a["count"] == 0: bad.append("empty mesh")
# the terrain reaches the radius around the camera at 5 s, in exchange
# coordinates (x, y, -z)
cam = json.load(open(d + "/cam.json"))["frames"][5 * 24]["translation"]
t = [m for m in doc["meshes"] if m.get("name") == "terrain"][0]["primitives"][0]
a = doc["accessors"][t["attributes"]["POSITION"]]
for k in (0, 2):
    if abs(a["min"][k] - (cam[k] - 150)) > 2 or abs(a["max"][k] - (cam[k] + 150)) > 2:
        bad.append("terrain extent on axis %d: %s..%s around %s" % (k, a["min"][k], a["max"][k], cam[k]))
# the ply: a binary header with a vertex count that matches the size
p = open(d + "/w.ply", "rb").read()
head = p[:p.index(b"end_header\n") + 11].decode()
n = int([l for l in head.splitlines() if l.startswith("element vertex")][0].split()[2])
if "property uchar red" not in head or n < 1000: bad.append("ply header")
if len(p) != len(head) + n * 15: bad.append("ply size %d for %d points" % (len(p), n))
# the obj: its material library, colours, faces in range
o = open(d + "/w.obj").read().splitlines()
if "mtllib w.mtl" not in o: bad.append("obj mtllib")
nv = sum(1 for l in o if l.startswith("v "))
faces = [l for l in o if l.startswith("f ")]
if not faces or any(not 1 <= int(i) <= nv for l in faces for i in l.split()[1:]): bad.append("obj faces")
used = {l.split()[1] for l in o if l.startswith("usemtl ")}
mtl = {l.split()[1] for l in open(d + "/w.mtl") if l.startswith("newmtl ")}
if not used or not used <= mtl: bad.append("obj materials missing from the mtl")
print("\n".join(bad) or "ok")
sys.exit(1 if bad else 0)
PY
ok "every format reads back; the terrain is centred on the camera" python3 "$T/check.py" "$T"

"$OYSTER" export "$S" --at 5s --radius 150 -o "$T/again.glb"
cmp -s "$T/w.glb" "$T/again.glb" && pass "the same bytes on every run" || fail "reruns differ"
"$OYSTER" export "$S" --at 5s --radius 150 -s 99 -o "$T/s99.glb"
cmp -s "$T/w.glb" "$T/s99.glb" && fail "--seed changes nothing" || pass "--seed gives another set"

# bad input
expect_rc 2 "--at past the end" "$OYSTER" export "$S" --at 1m -o "$T/late.glb"
expect_rc 2 "--at that is not a time" "$OYSTER" export "$S" --at soon -o "$T/late.glb"
expect_rc 2 "--radius under 10 m" "$OYSTER" export "$S" --at 1s --radius 5 -o "$T/r.glb"
expect_rc 2 "--radius over 20 km" "$OYSTER" export "$S" --at 1s --radius 20001 -o "$T/r.glb"
expect_rc 2 "--radius -1" "$OYSTER" export "$S" --at 1s --radius -1 -o "$T/r.glb"
expect_rc 2 "without --at" "$OYSTER" export "$S" -o "$T/r.glb"
expect_rc 2 "an unknown format" "$OYSTER" export "$S" --at 1s -o "$T/w.fbx"
expect_rc 2 "an existing file without --force" "$OYSTER" export "$S" --at 1s -o "$T/w.glb"
cp "$T/w.mtl" "$T/keep.mtl"
expect_rc 2 "an .obj whose .mtl exists, without --force" "$OYSTER" export "$S" --at 1s -o "$T/w.obj"
cmp -s "$T/w.mtl" "$T/keep.mtl" && pass "the existing .mtl is untouched" || fail "the .mtl changed"
expect_rc 3 "a folder that does not exist" "$OYSTER" export "$S" --at 1s -o "$T/no/such/w.glb"
for f in late.glb r.glb w.fbx; do [ -e "$T/$f" ] && fail "$f was written"; done
ls -a "$T" | grep -q '\.tmp$' && fail "a temporary file was left" || pass "nothing half-written"
finish
