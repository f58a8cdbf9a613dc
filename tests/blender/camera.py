# camera.py - run by tests/cli/test_blender.sh inside Blender:
#   blender -b --factory-startup --python-exit-code 1 --python tests/blender/camera.py -- CAMERA.glb CAMERA.json
# Imports oyster's glTF camera, steps to the first, middle and last frames
# and compares Blender's camera with oyster's JSON: position within 1 mm,
# view and up directions within 0.01 degrees, focal length within 0.001 mm
# once examples/handoff/blender_scene.py has set the sensor to the
# filmback the camera's extras carry. Exits 1 on the first mismatch.
import json
import math
import os
import sys

import bpy
from mathutils import Quaternion, Vector

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "examples", "handoff"))
from blender_scene import setup  # noqa: E402  (the users' own setup)

glb, js = sys.argv[sys.argv.index("--") + 1:][:2]
with open(js) as f:
    track = json.load(f)
assert track["frame_rate"][1] == 1, "Blender's glTF importer keys at time x whole fps"
cam = setup(None, glb)
data = cam.data
scene = bpy.context.scene


def blender(v):
    """exchange coordinates (y up) to Blender's (z up)"""
    return Vector((v[0], -v[2], v[1]))


def angle_deg(a, b):
    """in doubles, by atan2: acos near 1 in Blender's single floats is
    off by about 0.01 degrees"""
    a, b = [float(v) for v in a], [float(v) for v in b]
    cross = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
    dot = sum(p * q for p, q in zip(a, b))
    return math.degrees(math.atan2(math.sqrt(sum(c * c for c in cross)), dot))


frames = track["frames"]
worst = [0.0, 0.0, 0.0]
for f in sorted({0, len(frames) // 2, len(frames) - 1}):
    fr = frames[f]
    scene.frame_set(fr["frame"])
    m = cam.matrix_world
    pos = m.translation
    want = blender(fr["translation"])
    x, y, z, w = fr["rotation"]
    q = Quaternion((w, x, y, z))
    fwd_want = blender(q @ Vector((0, 0, -1)))
    up_want = blender(q @ Vector((0, 1, 0)))
    fwd = m.to_3x3() @ Vector((0, 0, -1))
    up = m.to_3x3() @ Vector((0, 1, 0))
    dp = (pos - want).length
    da = max(angle_deg(fwd, fwd_want), angle_deg(up, up_want))
    dl = abs(data.lens - fr["focal_length_mm"])
    worst = [max(worst[0], dp), max(worst[1], da), max(worst[2], dl)]
    print("frame %d: position off %.6f m, angle off %.6f deg, lens %.6f (oyster %.6f)"
          % (fr["frame"], dp, da, data.lens, fr["focal_length_mm"]))
    if dp > 0.001 or da > 0.01 or dl > 0.001:
        print("MISMATCH at frame %d" % fr["frame"])
        sys.exit(1)
print("camera matches: worst %.6f m, %.6f deg, %.6f mm" % tuple(worst))
