#!/bin/sh
# test_camera.sh - `oyster camera` and `--camera-out`: every format read
# back (JSON, glTF binary and text, USD text, chan) and checked against
# the JSON frame by frame; render and frames write the same track as
# `oyster camera`; a zoom animates the glTF field of view; bad input
# (an unknown format, an existing file, an unwritable place) refused with
# the exit codes of oyster(1) and nothing half-written.
. "$(dirname "$0")/lib.sh"

shot zoom.yaml <<'YAML'
oyster: 1
seed: 3
output: {size: 160x90, fps: 24, duration: 2s, timecode_start: "01:00:00:00"}
world: {prompt: a lake under mountains at dusk}
camera:
  lens: 35mm
  sensor: fullframe
  shake: 0.2
  path:
    - {at: 0s, pos: [0, 8, 0], look_at: [60, 2, 300]}
    - {at: 1s, pos: [10, 12, 40], look_at: [60, 2, 300], lens: 50mm}
    - {at: 1.5s, pos: [30, 5, 80], yaw: 120, pitch: -10, roll: 5, cut: true}
YAML

for ext in json glb gltf usda chan; do
    expect_rc 0 "oyster camera -o .$ext" "$OYSTER" camera "$T/zoom.yaml" -o "$T/cam.$ext"
done
ls -a "$T" | grep -q '\.tmp$' && fail "a temporary file was left" || pass "no temporary file left"

cat >"$T/check.py" <<'PY'
import base64, json, math, re, struct, sys
d = sys.argv[1]
cam = json.load(open(d + "/cam.json"))
fr = cam["frames"]
bad = []
def near(a, b, tol, what):
    if abs(a - b) > tol:
        bad.append("%s: %r vs %r" % (what, a, b))
# the JSON itself
if cam["frame_count"] != 48 or len(fr) != 48: bad.append("48 frames expected")
if cam["frame_rate"] != [24, 1]: bad.append("frame_rate")
if fr[0]["timecode"] != "01:00:00:00" or fr[47]["timecode"] != "01:00:01:23": bad.append("timecodes")
if cam["sensor_mm"] != [36, 24]: bad.append("sensor")
near(cam["filmback_mm"][1], 36 * 90 / 160, 1e-3, "filmback height")
keys = {"frame", "time", "timecode", "position", "yaw", "pitch", "roll", "translation",
        "rotation", "focal_length_mm", "focus_distance_m", "horizontal_fov_deg", "vertical_fov_deg"}
for f in fr:
    if set(f) != keys: bad.append("keys of frame %d" % f["frame"]); break
    q = f["rotation"]
    near(sum(c * c for c in q), 1.0, 1e-6, "unit quaternion")
    near(f["translation"][2], -f["position"][2], 1e-9, "z flipped")
near(fr[0]["focal_length_mm"], 35, 1e-9, "lens at 0")
near(fr[24]["focal_length_mm"], 50, 1e-9, "zoomed to 50mm at 1s")
# focus follows the look_at target at the start
p, t = fr[0]["position"], None
# the camera at yaw 0 would look down -z: check the view direction from
# the quaternion against yaw and pitch
for f in (fr[0], fr[40]):
    x, y, z, w = f["rotation"]
    # rotate (0, 0, -1) by q
    vx = -(2 * (x * z + w * y)); vy = -(2 * (y * z - w * x)); vz = -(1 - 2 * (x * x + y * y))
    yaw, pitch = math.radians(f["yaw"]), math.radians(f["pitch"])
    want = (math.sin(yaw) * math.cos(pitch), math.sin(pitch), -math.cos(yaw) * math.cos(pitch))
    for a, b in zip((vx, vy, vz), want): near(a, b, 1e-5, "view direction at frame %d" % f["frame"])
near(fr[40]["roll"], 5, 0.5, "roll after the cut")
# chan: frame tx ty tz rx ry rz vfov, rotation order ZXY
rows = [l.split() for l in open(d + "/cam.chan")]
if len(rows) != 48 or any(len(r) != 8 for r in rows): bad.append("chan rows")
for r, f in zip(rows, fr):
    for a, b in zip(r[1:4], f["translation"]): near(float(a), b, 1e-6, "chan translation")
    near(float(r[7]), f["vertical_fov_deg"], 1e-5, "chan vfov")
    rx, ry, rz = [math.radians(float(v)) for v in r[4:7]]
    # R = Ry Rx Rz applied to (0, 0, -1) must give the view direction
    v = (0.0, 0.0, -1.0)
    v = (v[0] * math.cos(rz) - v[1] * math.sin(rz), v[0] * math.sin(rz) + v[1] * math.cos(rz), v[2])
    v = (v[0], v[1] * math.cos(rx) - v[2] * math.sin(rx), v[1] * math.sin(rx) + v[2] * math.cos(rx))
    v = (v[0] * math.cos(ry) + v[2] * math.sin(ry), v[1], -v[0] * math.sin(ry) + v[2] * math.cos(ry))
    x, y, z, w = f["rotation"]
    want = (-(2 * (x * z + w * y)), -(2 * (y * z - w * x)), -(1 - 2 * (x * x + y * y)))
    for a, b in zip(v, want): near(a, b, 1e-5, "chan rotation at frame %s" % r[0])
# USD: stage metadata and time samples against the JSON
usd = open(d + "/cam.usda").read()
for need in ("#usda 1.0", "metersPerUnit = 1", 'upAxis = "Y"', "framesPerSecond = 24",
             "timeCodesPerSecond = 24", 'def Camera "camera"', "horizontalAperture = 0.36",
             'token projection = "perspective"'):
    if need not in usd: bad.append("usda lacks " + need)
def samples(name):
    m = re.search(re.escape(name) + r"\.timeSamples = \{(.*?)\n\s*\}", usd, re.S)
    out = {}
    for line in m.group(1).strip().splitlines():
        k, v = line.strip().rstrip(",").split(": ", 1)
        out[int(k)] = [float(x) for x in v.strip("()").split(",")]
    return out
fl, tr, ori = samples("float focalLength"), samples("double3 xformOp:translate"), samples("quatd xformOp:orient")
if len(fl) != 48 or len(tr) != 48 or len(ori) != 48: bad.append("usda sample counts")
for f in fr:
    n = f["frame"]
    near(fl[n][0], f["focal_length_mm"] / 100, 1e-9, "usda focal length in tenths of a metre")
    for a, b in zip(tr[n], f["translation"]): near(a, b, 1e-6, "usda translate")
    w, x, y, z = ori[n]
    for a, b in zip((x, y, z, w), f["rotation"]): near(a, b, 1e-8, "usda orient")
# glTF: the binary container and the text one hold the same document
def glb(path):
    b = open(path, "rb").read()
    magic, ver, length = struct.unpack("<4sII", b[:12])
    if magic != b"glTF" or ver != 2 or length != len(b): bad.append("glb header")
    jl, jt = struct.unpack("<I4s", b[12:20])
    doc = json.loads(b[20:20 + jl])
    bl, bt = struct.unpack("<I4s", b[20 + jl:28 + jl])
    if jt != b"JSON" or bt != b"BIN\0" or jl % 4 or bl % 4: bad.append("glb chunks")
    return doc, b[28 + jl:28 + jl + bl]
def gltf(path):
    doc = json.load(open(path))
    uri = doc["buffers"][0]["uri"]
    return doc, base64.b64decode(uri.split(",", 1)[1])
def accessor(doc, blob, i):
    a = doc["accessors"][i]; v = doc["bufferViews"][a["bufferView"]]
    n = {"SCALAR": 1, "VEC3": 3, "VEC4": 4}[a["type"]]
    off = v.get("byteOffset", 0) + a.get("byteOffset", 0)
    vals = struct.unpack_from("<%df" % (a["count"] * n), blob, off)
    return [vals[k * n:(k + 1) * n] for k in range(a["count"])]
for doc, blob in (glb(d + "/cam.glb"), gltf(d + "/cam.gltf")):
    anim = doc["animations"][0]
    by = {c["target"]["path"]: anim["samplers"][c["sampler"]] for c in anim["channels"]}
    times = accessor(doc, blob, by["translation"]["input"])
    pos = accessor(doc, blob, by["translation"]["output"])
    rot = accessor(doc, blob, by["rotation"]["output"])
    if len(times) != 48: bad.append("gltf keys")
    for k, f in enumerate(fr):
        near(times[k][0], f["time"], 1e-6, "gltf time")
        for a, b in zip(pos[k], f["translation"]): near(a, b, 1e-3, "gltf translation")
        for a, b in zip(rot[k], f["rotation"]): near(a, b, 1e-6, "gltf rotation")
    ptr = by.get("pointer")
    if not ptr or "KHR_animation_pointer" not in doc.get("extensionsUsed", []): bad.append("zoom not animated")
    else:
        fov = accessor(doc, blob, ptr["output"])
        for k, f in enumerate(fr): near(math.degrees(fov[k][0]), f["vertical_fov_deg"], 1e-4, "gltf yfov")
    cam0 = doc["cameras"][0]
    near(cam0["perspective"]["aspectRatio"], 160 / 90, 1e-6, "gltf aspect")
    near(cam0["extras"]["focal_length_mm"], 35, 1e-6, "gltf extras lens")
print("\n".join(bad[:12]) or "ok")
sys.exit(1 if bad else 0)
PY
ok "every format reads back and agrees with the JSON" python3 "$T/check.py" "$T"

# render and frames write the same track as `oyster camera`
expect_rc 0 "render --camera-out" "$OYSTER" render "$T/zoom.yaml" --draft --no-audio -o "$T/z.mp4" --camera-out "$T/r.json"
cmp -s "$T/cam.json" "$T/r.json" && pass "render --camera-out equals oyster camera" || fail "render's camera differs"
expect_rc 0 "frames --camera-out" "$OYSTER" frames "$T/zoom.yaml" --draft --frames 0-1 -o "$T/f_%03d.png" --camera-out "$T/f.usda"
cmp -s "$T/cam.usda" "$T/f.usda" && pass "frames --camera-out equals oyster camera" || fail "frames' camera differs"
"$OYSTER" camera "$T/zoom.yaml" -o "$T/again.glb"
cmp -s "$T/cam.glb" "$T/again.glb" && pass "the same bytes on every run" || fail "reruns differ"
"$OYSTER" camera "$T/zoom.yaml" -s 9 -o "$T/s9.json"
cmp -s "$T/cam.json" "$T/s9.json" && fail "--seed changes nothing" || pass "--seed gives another track (shake)"

# bad input
expect_rc 2 "an unknown camera format" "$OYSTER" camera "$T/zoom.yaml" -o "$T/cam.fbx"
expect_rc 2 "an existing file without --force" "$OYSTER" camera "$T/zoom.yaml" -o "$T/cam.json"
expect_rc 0 "--force replaces it" "$OYSTER" camera "$T/zoom.yaml" -f -o "$T/cam.json"
expect_rc 3 "a folder that does not exist" "$OYSTER" camera "$T/zoom.yaml" -o "$T/no/such/cam.json"
expect_rc 2 "render --camera-out with an unknown format" "$OYSTER" render "$T/zoom.yaml" -o "$T/bad.mp4" --camera-out "$T/cam.txt"
[ -e "$T/bad.mp4" ] && fail "the render ran before the bad --camera-out was seen" || pass "nothing rendered for a bad --camera-out"
expect_rc 2 "render --camera-out over an existing file" "$OYSTER" render "$T/zoom.yaml" -o "$T/bad.mp4" --camera-out "$T/cam.json"
[ -e "$T/bad.mp4" ] && fail "the render ran over an existing --camera-out" || pass "nothing rendered over an existing --camera-out"
expect_rc 2 "camera without -o" "$OYSTER" camera "$T/zoom.yaml"
ls -a "$T" "$T"/* 2>/dev/null | grep -q '\.tmp$' && fail "a temporary file was left" || pass "no temporary file left after errors"
finish
