# blender_scene.py - set up a Blender scene from oyster's exports: the
# world (oyster export ... -o world.glb) and the camera (oyster camera ...
# -o camera.glb), with the shot's frame rate and frame range, the camera's
# filmback, and the camera as the scene's camera.
#
#   blender --python examples/handoff/blender_scene.py -- world.glb camera.glb [scene.blend]
#
# Either file may be "-" to leave it out. With a third name the scene is
# saved there (add -b to do it without opening a window).
import json
import struct
import sys

import bpy
import numpy

# Blender 3.4's glTF importer (Debian 12) still says numpy.bool, which
# numpy 1.24 removed: meshes fail to import without this
if "bool" not in numpy.__dict__:
    numpy.bool = bool

def gltf_json(path):
    """The JSON document of a .glb or .gltf file."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] == b"glTF":
        length, = struct.unpack_from("<I", data, 12)
        return json.loads(data[20:20 + length])
    return json.loads(data)


def setup(world, camera):
    """Import world and camera (paths, or None) into an empty scene; return
    the camera object or None."""
    bpy.ops.wm.read_factory_settings(use_empty=True)
    scene = bpy.context.scene
    if world:
        bpy.ops.import_scene.gltf(filepath=world)
    if not camera:
        return None
    # Blender's importer keys an animation at time x the scene's frame
    # rate: take the shot's from the file before importing it
    extras = gltf_json(camera)["cameras"][0]["extras"]
    num, den = extras["frame_rate"]
    if den != 1:
        print("note: %d/%d fps: Blender keys this file at whole frames of %d fps; "
              "use the .usda or .chan camera for NTSC rates" % (num, den, round(num / den)))
    scene.render.fps = round(num / den)
    scene.render.resolution_x, scene.render.resolution_y = extras["resolution"]
    before = set(bpy.data.objects)
    bpy.ops.import_scene.gltf(filepath=camera)
    cam = next(o for o in bpy.data.objects if o not in before and o.type == "CAMERA")
    # the importer gives the vertical field of view against Blender's own
    # sensor: keep the angle, take oyster's filmback, and the lens is exact
    data = cam.data
    angle = data.angle_y
    data.sensor_fit = "VERTICAL"
    data.sensor_height = data["filmback_mm"][1]
    data.sensor_width = data["filmback_mm"][0]
    data.angle_y = angle
    data.lens_unit = "MILLIMETERS"
    scene.camera = cam
    action = cam.animation_data.action if cam.animation_data else None
    if action:
        first, last = action.frame_range
        scene.frame_start, scene.frame_end = int(first), int(last)
    return cam


if __name__ == "__main__":
    args = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    if len(args) < 2:
        sys.exit("usage: blender --python blender_scene.py -- WORLD.glb CAMERA.glb [SCENE.blend]")
    setup(None if args[0] == "-" else args[0], None if args[1] == "-" else args[1])
    if len(args) > 2:
        bpy.ops.wm.save_as_mainfile(filepath=args[2])
