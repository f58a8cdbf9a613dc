# world.py - run by tests/cli/test_blender.sh inside Blender:
#   blender -b --factory-startup --python-exit-code 1 --python tests/blender/world.py -- \
#       WORLD.glb CAMERA.glb STILL.png FRAME OUT.png
# Sets the scene up as a user would (examples/handoff/blender_scene.py),
# renders FRAME with the Workbench engine at STILL's size on a transparent
# background, and compares its silhouette (land where the render has
# alpha) with oyster's still of the same frame (land under the sky's
# smooth gradient). Writes the two masks side by side to OUT.png (white land,
# black sky; red where they disagree), prints the intersection over union
# and exits 1 below 0.9.
import os
import sys

import bpy

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "examples", "handoff"))
from blender_scene import setup  # noqa: E402  (the users' own setup)

world, camera, still, frame, out = sys.argv[sys.argv.index("--") + 1:][:5]
setup(world, camera)
scene = bpy.context.scene
picture = bpy.data.images.load(still)
w, h = picture.size
scene.render.engine = "BLENDER_WORKBENCH"
scene.render.resolution_x, scene.render.resolution_y = w, h
scene.render.resolution_percentage = 100
scene.render.film_transparent = True
scene.display.shading.light = "FLAT"
scene.display.shading.color_type = "VERTEX"
scene.frame_set(int(frame))
scene.render.filepath = out + ".blender.png"
scene.render.image_settings.color_mode = "RGBA"
bpy.ops.render.render(write_still=True)
render = bpy.data.images.load(scene.render.filepath)

ours = list(picture.pixels)
theirs = list(render.pixels)


def sky_mask():
    """oyster's sky, column by column from the top of the picture: the
    sky is a smooth gradient, bluer than it is red; it ends at the first
    step in colour (a ridge, hazy as it may be) or the first pixel that
    is not sky-coloured. Everything under it is land: water mirrors the
    sky but lies under the horizon."""
    m = [False] * (w * h)
    for x in range(w):
        prev = None
        for y in range(h - 1, -1, -1):        # Blender's rows go bottom up
            i = (y * w + x) * 4
            r, g, b = ours[i:i + 3]
            if b < r + 0.02:
                break
            if prev and sum(abs(p - q) for p, q in zip(prev, (r, g, b))) > 0.03:
                break
            m[y * w + x] = True
            prev = (r, g, b)
    return m


is_sky = sky_mask()
inter = union = 0
mask = [0.0] * (2 * w * h * 4)
for y in range(h):
    for x in range(w):
        i = (y * w + x) * 4
        land_a = not is_sky[y * w + x]
        land_b = theirs[i + 3] > 0.5
        inter += land_a and land_b
        union += land_a or land_b
        for k, land in ((0, land_a), (1, land_b)):
            j = (y * 2 * w + k * w + x) * 4
            v = 1.0 if land else 0.0
            mask[j:j + 4] = [v, v, v, 1.0] if land_a == land_b else [1.0, 0.0, 0.0, 1.0]
sheet = bpy.data.images.new("masks", 2 * w, h)
sheet.pixels = mask
sheet.filepath_raw = out
sheet.file_format = "PNG"
sheet.save()
iou = inter / union if union else 1.0
print("silhouette IoU %.4f (land: oyster %d px, Blender %d px of %d)"
      % (iou, is_sky.count(False),
         sum(theirs[i + 3] > 0.5 for i in range(0, len(theirs), 4)), w * h))
sys.exit(0 if iou >= 0.9 else 1)
