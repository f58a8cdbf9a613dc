/*
 * kinds.c - the registry of drawable kinds: name, prototype, how it is
 * placed, its typical height and what it looks like. The concept bank's
 * object kinds must each be here (the bank checks on load), and
 * `oyster concepts` lists them from here.
 */
#include <string.h>

#include "scene.h"

static const oy_kind kinds[] = {
    { "tree", oy_kind_tree, 0, 12.0f, 5.0f, "broadleaf tree: trunk and a crown of leaf clumps, bare in winter" },
    { "pine", oy_kind_pine, 0, 21.0f, 4.5f, "conifer: tiers of needles on a tall trunk, snow-laden under snow" },
    { "oak", oy_kind_oak, 0, 15.0f, 7.0f, "spreading oak: thick trunk and a wide crown" },
    { "birch", oy_kind_birch, 0, 14.0f, 3.0f, "birch: slender white trunk with dark bands, narrow crown" },
    { "poplar", oy_kind_poplar, 0, 24.0f, 2.6f, "Lombardy poplar: a tall narrow column of leaves, bare limbs upswept" },
    { "cypress", oy_kind_cypress, 0, 15.5f, 1.4f, "Italian cypress: a dark evergreen spindle" },
    { "palm", oy_kind_palm, 0, 11.0f, 7.0f, "palm: leaning ringed trunk and a head of drooping fronds" },
    { "acacia", oy_kind_acacia, 0, 7.5f, 5.0f, "acacia: short forked trunk under a wide, flat-topped crown" },
    { "bamboo", oy_kind_bamboo, 0, 12.0f, 2.5f, "bamboo: a clump of tall jointed canes with feathery leaves" },
    { "bush", oy_kind_bush, 0, 1.6f, 2.0f, "bush: a low clump of leaves" },
    { "cactus", oy_kind_cactus, 0, 7.0f, 1.6f,
      "cactus: a ribbed saguaro column 5-9 m tall, up to three upturned arms" },
    { "dead_tree", oy_kind_dead_tree, 0, 9.0f, 5.0f, "dead tree: grey trunk and bare limbs" },
    { "rock", oy_kind_rock, 0, 0.6f, 1.0f, "rock: a knee-high stone" },
    { "boulder", oy_kind_boulder, 0, 2.0f, 2.5f, "boulder: a stone taller than a person" },
    { "cabin", oy_kind_cabin, OY_KIND_BUILDING, 4.5f, 4.5f, "log cabin: 2 m door, windows, chimney, gable roof" },
    { "house", oy_kind_house, OY_KIND_BUILDING, 8.0f, 6.0f, "house: one or two storeys, door, windows, chimney" },
    { "greenhouse", oy_kind_greenhouse, OY_KIND_BUILDING, 3.7f, 6.8f,
      "greenhouse: a glass house 12 m long on a low brick wall, white framed, rows of plants inside" },
    { "gas_station", oy_kind_gas_station, OY_KIND_BUILDING, 5.0f, 8.5f,
      "gas station: a flat canopy on pillars over two pumps, a small shop behind, a tall price sign; lit at night" },
    { "hobbit_hole", oy_kind_hobbit_hole, OY_KIND_BUILDING, 4.0f, 10.0f,
      "hobbit hole: a round green door and round windows in a stone face dug into a grassy mound, a chimney on top" },
    { "barn", oy_kind_barn, OY_KIND_BUILDING, 9.0f, 10.0f, "barn: long, red or weathered wood, big doors" },
    { "tower", oy_kind_tower, OY_KIND_BUILDING, 20.0f, 4.0f, "stone tower: battlements or a conical roof" },
    { "lighthouse", oy_kind_lighthouse, OY_KIND_BUILDING, 28.0f, 4.0f,
      "lighthouse: banded tower, lantern room; lit at night with a turning beam" },
    { "ruins", oy_kind_ruins, OY_KIND_BUILDING, 5.0f, 10.0f, "ruins: broken stone walls, an arch, fallen blocks, ivy in lush growth" },
    { "castle", oy_kind_castle, OY_KIND_BUILDING, 22.0f, 21.0f, "castle: keep, curtain walls, four corner towers" },
    { "temple", oy_kind_temple, OY_KIND_BUILDING, 21.0f, 8.0f,
      "temple: a five-storey pagoda, vermilion posts under wide dark eaves, on a stone plinth" },
    { "wall", oy_kind_wall, 0, 1.8f, 12.0f, "dry-stone wall: coping stones on top, about 20 m long" },
    { "fence", oy_kind_fence, 0, 1.2f, 10.5f, "fence: posts and two rails, 20 m" },
    { "windmill", oy_kind_windmill, OY_KIND_BUILDING, 16.0f, 8.0f, "windmill: tapered tower, four turning sails" },
    { "zen_garden", oy_kind_zen_garden, OY_KIND_FACES | OY_KIND_OPEN, 1.8f, 21.0f,
      "zen garden: raked pale gravel, rocks on islands of moss, an ochre wall with a tiled cap; "
      "the view stands in it" },
    { "wind_turbine", oy_kind_wind_turbine, OY_KIND_FACES, 74.0f, 24.0f,
      "wind turbine: a white tower 50 m to its hub, three long blades turning; a red lamp blinks on it at night" },
    { "church", oy_kind_church, OY_KIND_BUILDING, 26.0f, 11.0f,
      "church: a stone nave with tall windows, a front tower with the door and a spire 24-28 m to its tip" },
    { "standing_stones", oy_kind_standing_stones, 0, 3.0f, 11.0f, "standing stones: a ring of tall weathered slabs" },
    { "graves", oy_kind_graves, 0, 1.1f, 11.0f, "graveyard: rows of weathered headstones and a few stone crosses" },
    { "road", oy_kind_road, OY_KIND_CLUSTER | OY_KIND_ALONG, 0.1f, 120.0f, "road: a track of packed earth along the ground, two wheel ruts worn into it" },
    { "bridge", oy_kind_bridge, OY_KIND_SPANS, 2.0f, 13.0f,
      "bridge: a wooden deck with rails on piers over narrow water; stone arches under parapets over water 30 m wide or more" },
    { "footbridge", oy_kind_footbridge, OY_KIND_SPANS, 2.0f, 13.0f,
      "footbridge: a wooden deck with rails on piers over water of any width" },
    { "stone_bridge", oy_kind_stone_bridge, OY_KIND_SPANS, 3.5f, 13.0f,
      "stone bridge: stone arches under parapets over water of any width" },
    { "pier", oy_kind_pier, OY_KIND_REACHES, 1.5f, 10.0f,
      "pier: a weathered wooden deck on posts, reaching 16-40 m from the shore out over the water" },
    { "village", NULL, OY_KIND_CLUSTER | OY_KIND_BUILDING, 8.0f, 40.0f, "village: a cluster of houses and a barn" },
    { "town_square", NULL, OY_KIND_CLUSTER | OY_KIND_FACES | OY_KIND_OPEN, 8.0f, 32.0f,
      "town square: a round floor of stone setts 32 m across, houses round it but on its open front" },
    { "paving", oy_kind_paving, 0, 0.1f, 16.6f, "paving: a round floor of grey stone setts 32 m across, a darker kerb" },
    { "campfire", oy_kind_campfire, OY_KIND_PLUME, 6.0f, 2.0f, "campfire: stone ring, logs, flickering flames, smoke rising 6 m" },
    { "steam_vent", oy_kind_steam_vent, 0, 19.0f, 7.0f, "steam vent: a pale crusted mound, white steam billowing 18 m up" },
    { "ash_plume", oy_kind_ash_plume, OY_KIND_PLUME, 650.0f, 150.0f,
      "ash plume: grey smoke billowing 500-800 m up from a volcano's crater, bent downwind" },
    { "lantern", oy_kind_lantern, 0, 2.7f, 0.5f, "lantern on a post, lit" },
    { "flag", oy_kind_flag, 0, 7.5f, 2.5f, "flag on a pole: two or three colours, streams and ripples in the wind, hangs in a calm" },
    { "tent", oy_kind_tent, 0, 1.5f, 2.0f, "ridge tent; glows from inside at night" },
    { "fountain", oy_kind_fountain, 0, 3.3f, 2.7f,
      "fountain: a round stone basin of water, a pedestal bowl, a jet and a curtain of falling water" },
    { "pyramid", oy_kind_pyramid, OY_KIND_BUILDING | OY_KIND_LANDFORM, 100.0f, 80.0f,
      "pyramid: four faces of bedded limestone rising 70-130 m to a point, paler casing at the top, fallen blocks at its foot" },
    { "well", oy_kind_well, 0, 2.8f, 1.1f, "well: a knee-high ring of stone round dark water, a windlass on two posts under a little roof" },
    { "gazebo", oy_kind_gazebo, OY_KIND_BUILDING, 5.2f, 2.9f,
      "gazebo: six white posts and a low rail on a round stone floor, under a six-sided tented roof" },
    { "statue", oy_kind_statue, OY_KIND_FACES, 4.3f, 1.0f,
      "statue: a draped figure, one arm raised, in bronze or marble, on a 2 m plinth; faces the view" },
    { "scarecrow", oy_kind_scarecrow, OY_KIND_FACES, 2.3f, 0.9f,
      "scarecrow: an old shirt and a hat on a post and a cross-spar; sways in the wind" },
    { "bench", oy_kind_bench, OY_KIND_FACES, 0.85f, 0.9f, "park bench: wooden slats on cast-iron ends; faces the view" },
    { "ferris_wheel", oy_kind_ferris_wheel, OY_KIND_FACES, 27.0f, 12.5f,
      "ferris wheel: a steel rim 24 m across on two A-frames, turning slowly, twelve gondolas; lit at night" },
    { "parasol", oy_kind_parasol, 0, 2.5f, 1.3f, "beach umbrella: a bright canvas cone on a pole, a towel in its shade" },
    { "boat", oy_kind_boat, OY_KIND_FLOATS, 0.8f, 2.5f, "rowing boat with its rower seated, some with a sail; floats" },
    { "canoe", oy_kind_canoe, OY_KIND_FLOATS, 1.1f, 2.6f, "canoe: a long narrow hull pointed at both ends, a paddler kneeling amidships; floats" },
    { "ship", oy_kind_ship, OY_KIND_FLOATS, 25.0f, 16.0f, "sailing ship: dark hull, masts and sails; floats" },
    { "wagon", oy_kind_wagon, OY_KIND_MOVER, 2.2f, 5.0f, "covered wagon with its horse" },
    { "car", oy_kind_car, OY_KIND_MOVER, 1.45f, 2.5f, "car; headlights at night" },
    { "tractor", oy_kind_tractor, OY_KIND_MOVER, 2.75f, 2.2f,
      "farm tractor: big ribbed rear wheels, a long bonnet, a glazed cab; red, green, blue or orange" },
    { "train", oy_kind_train, OY_KIND_MOVER | OY_KIND_ACROSS, 4.4f, 31.0f,
      "steam train: a black locomotive, its tender and three carriages on a length of track, steam drifting back; "
      "stands side on to the view" },
    { "person", oy_kind_person, OY_KIND_MOVER, 1.76f, 0.6f, "person, 1.7-1.9 m; walks or runs when moved" },
    { "rider", oy_kind_rider, OY_KIND_MOVER, 2.6f, 1.5f, "rider on a horse" },
    { "deer", oy_kind_deer, OY_KIND_MOVER, 1.5f, 1.2f, "deer, some with antlers; grazes when still" },
    { "wolf", oy_kind_wolf, OY_KIND_MOVER, 0.9f, 1.0f, "wolf" },
    { "bear", oy_kind_bear, OY_KIND_MOVER, 1.4f, 1.3f, "bear: heavy, a hump over the shoulders, a broad head; brown" },
    { "polar_bear", oy_kind_polar_bear, OY_KIND_MOVER, 1.4f, 1.3f, "polar bear: a bear, cream-white" },
    { "fox", oy_kind_fox, OY_KIND_MOVER, 0.55f, 0.9f,
      "fox: small, russet, a white throat and a long bushy white-tipped tail" },
    { "horse", oy_kind_horse, OY_KIND_MOVER, 2.0f, 1.6f, "horse; grazes when still" },
    { "cow", oy_kind_cow, OY_KIND_MOVER, 1.5f, 1.6f, "cow, brown or pied; grazes when still" },
    { "sheep", oy_kind_sheep, OY_KIND_MOVER, 0.9f, 1.0f, "sheep" },
    { "bison", oy_kind_bison, OY_KIND_MOVER, 1.9f, 1.8f, "bison: dark brown, a great shaggy hump, short horns; grazes when still" },
    { "elephant", oy_kind_elephant, OY_KIND_MOVER, 3.3f, 2.4f, "elephant: grey, 3 m at the shoulder, ears, trunk and tusks" },
    { "giraffe", oy_kind_giraffe, OY_KIND_MOVER, 4.8f, 1.8f,
      "giraffe: brown patches on tan, long legs, a neck raised steeply; browses when still" },
    { "camel", oy_kind_camel, OY_KIND_MOVER | OY_KIND_FILES, 2.5f, 1.6f,
      "camel: sandy, long-legged, one hump; several stand in file across the view, a caravan" },
    { "arch", oy_kind_arch, OY_KIND_FACES | OY_KIND_WADES | OY_KIND_LANDFORM, 25.0f, 20.0f, "natural rock arch: a span of the world's rock, 20-35 m across" },
    { "rock_tower", oy_kind_rock_tower, OY_KIND_WADES | OY_KIND_LANDFORM, 45.0f, 10.0f,
      "rock tower: a steep pillar 30-60 m tall (karst tower, sea stack); green-topped in green land" },
    { "karst", NULL, OY_KIND_CLUSTER | OY_KIND_WADES | OY_KIND_LANDFORM, 45.0f, 150.0f, "karst: five to eight rock towers rising round a place" },
    { "waterfall", oy_kind_waterfall, OY_KIND_FACES | OY_KIND_LANDFORM | OY_KIND_HEADS, 38.0f, 60.0f,
      "waterfall: white water falling 30-46 m from a cliff of upright rock into foam and spray" },
    { "iceberg", oy_kind_iceberg, OY_KIND_FLOATS | OY_KIND_LANDFORM, 10.0f, 14.0f,
      "iceberg: white and blue-white blocks of ice piled 5-13 m above the water; floats" },
    { "swan", oy_kind_swan, OY_KIND_FLOATS, 1.0f, 0.8f, "swan: white, afloat, its neck in an S and an orange bill; bobs" },
    { "bird_flock", oy_kind_bird_flock, OY_KIND_LIFTED, 16.0f, 20.0f, "a flock of birds wheeling 3-15 m over the ground" },
    { "balloon", oy_kind_balloon, OY_KIND_LIFTED, 50.0f, 8.0f,
      "hot air balloon: a striped envelope 19 m tall over a wicker basket 13-33 m up; its burner flares now and then" },
};

const oy_kind *oy_scene_kind_find(const char *name)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(kinds[i].name, name))
            return &kinds[i];
    return NULL;
}

const oy_kind *oy_scene_kinds(int *n)
{
    *n = (int)(sizeof kinds / sizeof kinds[0]);
    return kinds;
}
