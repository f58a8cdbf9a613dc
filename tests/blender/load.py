# load.py - run by tests/cli/test_blender.sh inside Blender:
#   blender -b --factory-startup --python-exit-code 1 --python tests/blender/load.py -- FILE...
# Imports each of oyster's world files (.glb, .gltf, .ply, .obj) with
# Blender's own importer and prints "FILE: N vertices, M faces, coloured";
# exits 1 when one imports nothing or without its colours.
import os
import sys

import bpy

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "examples", "handoff"))
import blender_scene  # noqa: E402,F401  (its numpy fix for the glTF importer)

status = 0
for path in sys.argv[sys.argv.index("--") + 1:]:
    bpy.ops.wm.read_factory_settings(use_empty=True)
    ext = os.path.splitext(path)[1].lower()
    if ext in (".glb", ".gltf"):
        bpy.ops.import_scene.gltf(filepath=path)
    elif ext == ".ply":
        bpy.ops.import_mesh.ply(filepath=path)
    elif ext == ".obj":
        bpy.ops.wm.obj_import(filepath=path)
    meshes = [o.data for o in bpy.context.scene.objects if o.type == "MESH"]
    nv = sum(len(m.vertices) for m in meshes)
    nf = sum(len(m.polygons) for m in meshes)
    colours = any(m.attributes.get("Col") or m.attributes.get("Color") or m.color_attributes
                  for m in meshes)
    print("%s: %d vertices, %d faces, %s" % (os.path.basename(path), nv, nf,
                                            "coloured" if colours else "no colours"))
    # Blender 3.4's PLY importer keeps colours on face corners only, so a
    # point cloud arrives uncoloured (tests/unit/test_export_world.c reads
    # the colours back)
    if nv == 0 or (not colours and ext != ".ply"):
        status = 1
sys.exit(status)
