// The speed anchor of scripts/bench: a landscape of the kind oyster draws, in
// POV-Ray 3.7 - a 4 km noise heightfield, sky with sun, height fog, a water plane.
#include "colors.inc"
#include "functions.inc"
global_settings { assumed_gamma 1.0 }
#declare T = clock;
camera { perspective location <0 + 40*T, 420, -1900 + 120*T> look_at <300, 200, 800> angle 54 right x*image_width/image_height }
light_source { <20000, 8000, -6000> color rgb <1.0, 0.85, 0.7> }
sky_sphere { pigment { gradient y color_map { [0 color rgb <0.85,0.75,0.65>] [0.25 color rgb <0.45,0.6,0.85>] [1 color rgb <0.2,0.35,0.7>] } } }
fog { fog_type 2 distance 9000 color rgb <0.8,0.75,0.7> fog_offset 200 fog_alt 300 }
height_field {
  function 1024, 1024 { 0.7*f_noise3d(x*6, y*6, 0.5) + 0.2*f_noise3d(x*24, y*24, 1.5) + 0.06*f_noise3d(x*96, y*96, 2.5) }
  smooth
  texture { pigment { gradient y color_map { [0.0 color rgb <0.25,0.35,0.15>] [0.45 color rgb <0.35,0.42,0.2>] [0.6 color rgb <0.45,0.42,0.38>] [0.85 color rgb <0.95,0.95,0.97>] } } finish { diffuse 0.8 ambient 0.12 } }
  translate <-0.5, 0, -0.5> scale <4000, 700, 4000>
}
plane { y, 150 texture { pigment { color rgb <0.15,0.25,0.35> } finish { reflection 0.3 specular 0.6 } } }
