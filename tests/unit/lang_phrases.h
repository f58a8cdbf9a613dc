/*
 * lang_phrases.h - the concept language's phrase table: free text and what
 * it must mean (channel targets from the default state, objects with count
 * and placement, pacing, negation, warnings). test_lang.c runs every row;
 * each row also expects no warnings unless it says otherwise.
 *
 * Targets are computed from oy_channel_default(): e.g. rain is 0 there, the
 * "rain" concept sets 0.7, "light" moves 35% of the way and "heavy" 150%.
 */
#ifndef LANG_PHRASES_H
#define LANG_PHRASES_H

enum {
    P_CH = 1,        /* target of ch is in [lo, hi] */
    P_UNSET = 2,     /* ch is not changed */
    P_OBJ = 4,       /* concept is among the items with count (and place) */
    P_NEG = 8,       /* concept is among the items, negated */
    P_OVER = 16,     /* pacing over is in [lo, hi] */
    P_SUDDEN = 32,   /* "suddenly" */
    P_WARN = 64,     /* exactly `count` warnings; near in the first */
    P_EMPTY = 128,   /* no items */
    P_NEAR = 256,    /* the object is placed near `near` */
    P_ABSENT = 512   /* concept is not among the items */
};

typedef struct lang_phrase {
    const char *text;
    int what;
    int ch;
    float lo, hi;
    const char *concept;
    int count, place;
    const char *near;
} lang_phrase;

#define CH(t, c, l, h)        { t, P_CH, c, l, h, NULL, 0, 0, NULL }
#define UNSET(t, c)           { t, P_UNSET, c, 0, 0, NULL, 0, 0, NULL }
#define OBJ(t, k, n, p)       { t, P_OBJ, 0, 0, 0, k, n, p, NULL }
#define NEARBY(t, k, n, w)    { t, P_OBJ | P_NEAR, 0, 0, 0, k, n, OY_PLACE_NEAR_ENTITY, w }
#define NEG(t, k)             { t, P_NEG, 0, 0, 0, k, 0, 0, NULL }
#define ABSENT(t, k)          { t, P_ABSENT, 0, 0, 0, k, 0, 0, NULL }
#define OVER(t, l, h)         { t, P_OVER, 0, l, h, NULL, 0, 0, NULL }
#define SUDDEN(t)             { t, P_SUDDEN | P_OVER, 0, 0.0f, 1.0f, NULL, 0, 0, NULL }
#define WARN(t, n, w)         { t, P_WARN, 0, 0, 0, NULL, n, 0, w }
#define EMPTY(t)              { t, P_EMPTY, 0, 0, 0, NULL, 0, 0, NULL }

static const lang_phrase lang_phrases[] = {
    /* time of day */
    CH("dawn", OY_CH_TIME, 5.9f, 6.1f),
    CH("daybreak", OY_CH_TIME, 5.9f, 6.1f),
    CH("at first light", OY_CH_TIME, 5.9f, 6.1f),
    CH("sunrise", OY_CH_TIME, 6.4f, 6.6f),
    CH("the sun rises", OY_CH_TIME, 6.4f, 6.6f),
    CH("early morning", OY_CH_TIME, 7.0f, 7.5f),
    CH("morning", OY_CH_TIME, 8.5f, 9.5f),
    CH("noon", OY_CH_TIME, 12.0f, 13.0f),
    CH("a lake at 6pm", OY_CH_TIME, 18.0f, 18.0f),
    CH("a lake at 6:30 a.m. in fog", OY_CH_TIME, 6.5f, 6.5f),
    CH("a harbour at 21:45", OY_CH_TIME, 21.75f, 21.75f),
    CH("a beach at 12pm", OY_CH_TIME, 12.0f, 12.0f),
    CH("a street at 12 am", OY_CH_TIME, 0.0f, 0.0f),
    /* the clock wins over a word for the time */
    CH("dusk at 7 pm", OY_CH_TIME, 19.0f, 19.0f),
    UNSET("3 deer in 4 fields", OY_CH_TIME),
    CH("midday", OY_CH_TIME, 12.0f, 13.0f),
    CH("high noon", OY_CH_TIME, 12.0f, 13.0f),
    CH("afternoon", OY_CH_TIME, 14.5f, 15.5f),
    CH("late afternoon", OY_CH_TIME, 16.0f, 17.0f),
    CH("golden hour", OY_CH_TIME, 18.2f, 18.4f),
    CH("Golden Hour", OY_CH_TIME, 18.2f, 18.4f),
    CH("magic hour", OY_CH_TIME, 18.2f, 18.4f),
    CH("the sun sinks into golden hour", OY_CH_TIME, 18.2f, 18.4f),
    CH("golden hour", OY_CH_WARMTH, 0.3f, 0.6f),
    CH("sunset", OY_CH_TIME, 18.5f, 19.0f),
    CH("the sun sets", OY_CH_TIME, 18.5f, 19.0f),
    CH("sundown", OY_CH_TIME, 18.5f, 19.0f),
    CH("dusk", OY_CH_TIME, 19.0f, 19.5f),
    CH("twilight", OY_CH_TIME, 19.3f, 19.7f),
    CH("blue hour", OY_CH_TIME, 19.5f, 20.0f),
    CH("blue hour", OY_CH_WARMTH, -0.6f, -0.2f),
    CH("evening", OY_CH_TIME, 18.5f, 19.5f),
    CH("night falls", OY_CH_TIME, 20.0f, 20.5f),
    CH("nightfall", OY_CH_TIME, 20.0f, 20.5f),
    CH("night", OY_CH_TIME, 22.4f, 22.6f),
    CH("a moonlit night", OY_CH_TIME, 22.4f, 22.6f),
    CH("midnight", OY_CH_TIME, 0.0f, 0.1f),
    CH("before dawn", OY_CH_TIME, 4.5f, 5.5f),
    CH("light morning", OY_CH_TIME, 8.5f, 9.5f),     /* time is never scaled */

    /* weather, with intensity */
    CH("rain", OY_CH_RAIN, 0.65f, 0.75f),
    CH("light rain", OY_CH_RAIN, 0.2f, 0.3f),
    CH("a little rain", OY_CH_RAIN, 0.2f, 0.3f),
    CH("slight rain", OY_CH_RAIN, 0.2f, 0.3f),
    CH("moderate rain", OY_CH_RAIN, 0.4f, 0.5f),
    CH("heavy rain", OY_CH_RAIN, 0.99f, 1.0f),
    CH("very heavy rain", OY_CH_RAIN, 0.99f, 1.0f),
    CH("torrential rain", OY_CH_RAIN, 0.99f, 1.0f),
    CH("a downpour", OY_CH_RAIN, 0.99f, 1.0f),
    CH("drizzle", OY_CH_RAIN, 0.2f, 0.3f),
    CH("it is raining", OY_CH_RAIN, 0.65f, 0.75f),
    CH("rain", OY_CH_CLOUD, 0.85f, 0.95f),
    CH("snow", OY_CH_SNOW, 0.6f, 0.7f),
    CH("heavy snow", OY_CH_SNOW, 0.95f, 1.0f),
    CH("light snow", OY_CH_SNOW, 0.15f, 0.3f),
    CH("snow begins to fall", OY_CH_SNOW, 0.6f, 0.7f),
    UNSET("snow begins to fall", OY_CH_AUTUMN),
    CH("a blizzard", OY_CH_SNOW, 0.99f, 1.0f),
    CH("a blizzard", OY_CH_WIND, 0.9f, 1.0f),
    CH("fog", OY_CH_FOG, 0.55f, 0.65f),
    CH("thick fog", OY_CH_FOG, 0.85f, 0.95f),
    CH("dense fog", OY_CH_FOG, 0.85f, 0.95f),
    CH("light fog", OY_CH_FOG, 0.15f, 0.25f),
    CH("a misty morning", OY_CH_FOG, 0.3f, 0.4f),
    CH("a misty morning", OY_CH_TIME, 8.5f, 9.5f),
    CH("haze", OY_CH_HAZE, 0.5f, 0.6f),
    CH("cloudy", OY_CH_CLOUD, 0.7f, 0.8f),
    CH("overcast", OY_CH_CLOUD, 0.99f, 1.0f),
    CH("an overcast sky", OY_CH_EXPOSURE, -0.35f, -0.25f),
    CH("partly cloudy", OY_CH_CLOUD, 0.4f, 0.5f),
    CH("clear skies", OY_CH_CLOUD, 0.0f, 0.2f),
    CH("a clear sky", OY_CH_CLOUD, 0.0f, 0.2f),
    CH("the sky clears", OY_CH_CLOUD, 0.0f, 0.2f),
    CH("the clouds clear", OY_CH_CLOUD, 0.0f, 0.2f),
    CH("sunny", OY_CH_CLOUD, 0.0f, 0.2f),
    CH("storm", OY_CH_LIGHTNING, 0.3f, 0.5f),
    CH("a thunderstorm", OY_CH_LIGHTNING, 0.7f, 0.9f),
    CH("the storm arrives", OY_CH_RAIN, 0.75f, 0.85f),
    CH("lightning", OY_CH_LIGHTNING, 0.6f, 0.8f),
    CH("wind", OY_CH_WIND, 0.6f, 0.7f),
    CH("strong wind", OY_CH_WIND, 0.85f, 0.9f),
    CH("a gentle breeze", OY_CH_WIND, 0.22f, 0.28f),
    CH("a light wind", OY_CH_WIND, 0.3f, 0.4f),
    CH("a gale", OY_CH_WIND, 0.99f, 1.0f),
    CH("still air", OY_CH_WIND, 0.0f, 0.01f),
    CH("frost", OY_CH_SNOW_COVER, 0.15f, 0.25f),
    CH("wet", OY_CH_WETNESS, 0.85f, 0.95f),
    CH("sleet", OY_CH_SNOW, 0.3f, 0.4f),

    /* negation and endings */
    CH("no rain", OY_CH_RAIN, 0.0f, 0.0f),
    CH("the rain stops", OY_CH_RAIN, 0.0f, 0.0f),
    CH("rain stopped", OY_CH_RAIN, 0.0f, 0.0f),
    CH("stop the rain", OY_CH_RAIN, 0.0f, 0.0f),
    NEG("the rain stops", "rain"),
    CH("without fog", OY_CH_FOG, 0.0f, 0.0f),
    CH("the fog lifts", OY_CH_FOG, 0.0f, 0.0f),
    CH("the fog clears", OY_CH_FOG, 0.0f, 0.0f),
    CH("the mist burns off", OY_CH_FOG, 0.0f, 0.0f),
    CH("the snow melts", OY_CH_SNOW, 0.0f, 0.0f),
    CH("no snow", OY_CH_SNOW, 0.0f, 0.0f),
    CH("the storm passes", OY_CH_LIGHTNING, 0.0f, 0.0f),
    CH("the wind dies down", OY_CH_WIND, 0.15f, 0.25f),
    CH("no wind", OY_CH_WIND, 0.0f, 0.01f),
    CH("no rain or snow", OY_CH_SNOW, 0.0f, 0.0f),
    CH("no rain, heavy snow", OY_CH_SNOW, 0.95f, 1.0f),
    CH("the rain stops and the fog lifts", OY_CH_FOG, 0.0f, 0.0f),
    CH("the rain stops and the fog lifts", OY_CH_RAIN, 0.0f, 0.0f),
    CH("the fog lifts and snow falls", OY_CH_SNOW, 0.6f, 0.7f),
    CH("not warm", OY_CH_WARMTH, 0.0f, 0.0f),
    NEG("the fire dies down", "campfire"),
    NEG("the campfire fades", "campfire"),

    /* season */
    CH("autumn", OY_CH_AUTUMN, 0.8f, 0.9f),
    CH("fall", OY_CH_AUTUMN, 0.8f, 0.9f),
    CH("in the fall", OY_CH_AUTUMN, 0.8f, 0.9f),
    CH("late autumn", OY_CH_FOLIAGE, 0.1f, 0.3f),
    CH("winter", OY_CH_SNOW_COVER, 0.5f, 0.7f),
    CH("winter", OY_CH_FOLIAGE, 0.0f, 0.2f),
    CH("spring", OY_CH_FOLIAGE, 0.75f, 0.85f),
    CH("summer", OY_CH_FOLIAGE, 0.95f, 1.0f),

    /* terrain, biome and water */
    CH("a valley", OY_CH_VALLEY, 0.99f, 1.0f),
    CH("a misty pine valley", OY_CH_BIOME_FOREST, 0.99f, 1.0f),
    CH("mountains", OY_CH_RELIEF, 0.9f, 1.0f),
    /* snow on the peaks, not over the land below them */
    UNSET("snow-capped mountains", OY_CH_SNOW_COVER),
    CH("snow-capped mountains", OY_CH_BIOME_ALPINE, 0.55f, 0.65f),
    CH("a lake below snowy peaks", OY_CH_RELIEF, 0.9f, 1.0f),
    UNSET("a lake below snowy peaks", OY_CH_SNOW_COVER),
    /* a river valley has its river; cherry trees are in blossom; mars
     * is a red desert; a city is at least a town of houses */
    CH("a wide river valley", OY_CH_RIVER, 0.75f, 0.85f),
    CH("a wide river valley", OY_CH_VALLEY, 0.99f, 1.0f),
    CH("cherry trees by a pond", OY_CH_BLOSSOM, 0.85f, 0.95f),
    CH("a martian landscape", OY_CH_GROUND_WARMTH, 0.95f, 1.0f),
    CH("a martian landscape", OY_CH_BIOME_DESERT, 0.99f, 1.0f),
    OBJ("a city skyline at night", "village", 1, OY_PLACE_NONE),
    /* the trees of dry country and of East Asia, and rocky hills */
    CH("acacia savanna at dusk", OY_CH_ACACIA, 0.8f, 0.9f),
    OBJ("three acacia trees", "acacia", 3, OY_PLACE_NONE),
    CH("a bamboo grove in the mist", OY_CH_BAMBOO, 0.85f, 0.95f),
    CH("a japanese village", OY_CH_BAMBOO, 0.2f, 0.3f),
    CH("a japanese garden with a koi pond", OY_CH_BLOSSOM, 0.65f, 0.75f),
    OBJ("a castle on a rocky outcrop", "castle", 1, OY_PLACE_ON_HIGH),
    CH("a granite tor", OY_CH_RUGGED, 0.85f, 0.95f),
    OBJ("a foggy graveyard at night", "graveyard", 1, OY_PLACE_NONE),
    CH("a field of sunflowers", OY_CH_FLOWER_WARMTH, 0.99f, 1.0f),
    CH("a fishing village in norway", OY_CH_CONIFER, 0.55f, 0.65f),
    CH("a quiet beach at dawn with gentle waves", OY_CH_COAST, 0.95f, 1.0f),
    OBJ("a frozen lake with ice skaters", "person", 3, OY_PLACE_NEAR_WATER),
    CH("a cliff overlooking the sea", OY_CH_COAST, 0.5f, 1.0f),
    /* heather browns a moor's grass */
    CH("a moor covered in heather", OY_CH_FOLIAGE, 0.45f, 0.55f),
    CH("a moor covered in heather", OY_CH_AUTUMN, 0.35f, 0.45f),
    /* a snowy forest is winter: bare broadleaves; a spruce forest named
     * after the snow stays spruce */
    CH("a snowy forest", OY_CH_SNOW_COVER, 0.85f, 0.95f),
    CH("a snowy forest", OY_CH_FOLIAGE, 0.1f, 0.2f),
    CH("deep snow in a silent spruce forest", OY_CH_CONIFER, 0.75f, 0.85f),
    CH("rolling hills", OY_CH_HILLS, 0.8f, 0.9f),
    CH("plains", OY_CH_RELIEF, 0.0f, 0.1f),
    CH("a deep canyon", OY_CH_CANYON, 0.99f, 1.0f),
    CH("a plateau", OY_CH_PLATEAU, 0.99f, 1.0f),
    CH("cliffs", OY_CH_RUGGED, 0.85f, 0.95f),
    CH("a meadow", OY_CH_BIOME_MEADOW, 0.99f, 1.0f),
    CH("forest", OY_CH_BIOME_FOREST, 0.99f, 1.0f),
    CH("a dense forest", OY_CH_VEGETATION, 0.85f, 0.9f),
    CH("pine forest", OY_CH_BIOME_FOREST, 0.99f, 1.0f),
    CH("desert", OY_CH_BIOME_DESERT, 0.99f, 1.0f),
    CH("sand dunes", OY_CH_BIOME_DESERT, 0.99f, 1.0f),
    CH("a snowfield", OY_CH_BIOME_SNOWFIELD, 0.99f, 1.0f),
    CH("tundra", OY_CH_BIOME_TUNDRA, 0.99f, 1.0f),
    CH("a sandy beach", OY_CH_BIOME_BEACH, 0.99f, 1.0f),
    CH("a swamp", OY_CH_BIOME_SWAMP, 0.99f, 1.0f),
    CH("alpine", OY_CH_BIOME_ALPINE, 0.99f, 1.0f),
    CH("a lake", OY_CH_LAKE, 0.99f, 1.0f),
    CH("a river", OY_CH_RIVER, 0.99f, 1.0f),
    CH("a small stream", OY_CH_RIVER, 0.4f, 0.5f),
    CH("big mountains", OY_CH_RUGGED, 0.83f, 0.9f),      /* a big one intensifies */
    CH("small hills", OY_CH_HILLS, 0.84f, 0.86f),        /* a small one leaves it */
    CH("the coast", OY_CH_COAST, 0.99f, 1.0f),
    CH("the ocean", OY_CH_COAST, 0.99f, 1.0f),
    CH("an island", OY_CH_ISLAND, 0.99f, 1.0f),
    CH("a waterfall", OY_CH_RIVER, 0.85f, 0.95f),
    CH("a waterfall", OY_CH_RUGGED, 0.55f, 0.65f),      /* relative: +0.2 */
    CH("flooded", OY_CH_WATER_LEVEL, 0.55f, 0.65f),

    /* light and colour mood */
    CH("warm", OY_CH_WARMTH, 0.4f, 0.5f),
    CH("very warm", OY_CH_WARMTH, 0.65f, 0.7f),
    CH("warmer", OY_CH_WARMTH, 0.2f, 0.3f),
    CH("cold", OY_CH_WARMTH, -0.5f, -0.4f),
    CH("cooler", OY_CH_WARMTH, -0.3f, -0.2f),
    CH("noir", OY_CH_SATURATION, -1.0f, -0.9f),
    CH("film noir", OY_CH_CONTRAST, 0.5f, 0.7f),
    CH("black and white", OY_CH_SATURATION, -1.0f, -1.0f),
    CH("sepia", OY_CH_WARMTH, 0.6f, 0.7f),
    CH("pastel", OY_CH_CONTRAST, -0.45f, -0.35f),
    CH("vivid", OY_CH_SATURATION, 0.55f, 0.65f),
    CH("moody", OY_CH_EXPOSURE, -0.65f, -0.55f),
    CH("high key", OY_CH_EXPOSURE, 0.95f, 1.05f),
    CH("low key", OY_CH_EXPOSURE, -1.25f, -1.15f),
    CH("low-key", OY_CH_EXPOSURE, -1.25f, -1.15f),
    CH("bleak", OY_CH_SATURATION, -0.65f, -0.55f),
    CH("dreamy", OY_CH_CONTRAST, -0.45f, -0.35f),
    CH("brighter", OY_CH_EXPOSURE, 0.65f, 0.75f),
    CH("darker", OY_CH_EXPOSURE, -0.75f, -0.65f),
    CH("the light turns warm", OY_CH_WARMTH, 0.4f, 0.5f),
    CH("soft light", OY_CH_CONTRAST, -0.45f, -0.35f),

    /* music mood and tempo */
    CH("tense", OY_CH_AROUSAL, 0.7f, 0.8f),
    CH("tense", OY_CH_VALENCE, -0.45f, -0.35f),
    CH("triumphant", OY_CH_VALENCE, 0.8f, 0.9f),
    CH("melancholic", OY_CH_VALENCE, -0.75f, -0.65f),
    CH("sad", OY_CH_VALENCE, -0.75f, -0.65f),
    CH("calm", OY_CH_AROUSAL, 0.05f, 0.15f),
    CH("eerie", OY_CH_VALENCE, -0.6f, -0.5f),
    CH("joyful", OY_CH_VALENCE, 0.9f, 1.0f),
    CH("epic", OY_CH_INTENSITY, 0.85f, 0.95f),
    CH("romantic", OY_CH_VALENCE, 0.5f, 0.6f),
    CH("mysterious", OY_CH_AROUSAL, 0.3f, 0.4f),
    CH("a slow, melancholic theme", OY_CH_TEMPO, 69.0f, 71.0f),
    CH("slow", OY_CH_TEMPO, 69.0f, 71.0f),
    CH("very slow", OY_CH_TEMPO, 49.0f, 51.0f),
    CH("fast", OY_CH_TEMPO, 143.0f, 145.0f),
    CH("andante", OY_CH_TEMPO, 83.0f, 85.0f),
    CH("allegro", OY_CH_TEMPO, 131.0f, 133.0f),
    CH("faster", OY_CH_TEMPO, 103.0f, 105.0f),
    CH("tense strings at 96 bpm", OY_CH_TEMPO, 95.9f, 96.1f),
    CH("120 BPM", OY_CH_TEMPO, 119.9f, 120.1f),
    CH("epic, at 140 beats per minute", OY_CH_TEMPO, 139.9f, 140.1f),

    /* objects: counts and placement */
    OBJ("a campfire", "campfire", 1, OY_PLACE_NONE),
    OBJ("a cabin", "cabin", 1, OY_PLACE_NONE),
    OBJ("an old oak", "oak", 1, OY_PLACE_NONE),
    OBJ("one tower", "tower", 1, OY_PLACE_NONE),
    OBJ("two deer on the left", "deer", 2, OY_PLACE_LEFT),
    OBJ("three tents on the right", "tent", 3, OY_PLACE_RIGHT),
    OBJ("a few pines in the distance", "pine", 3, OY_PLACE_DISTANCE),
    OBJ("several boulders ahead", "boulder", 4, OY_PLACE_AHEAD),
    OBJ("many birds", "bird flock", 12, OY_PLACE_NONE),
    OBJ("a flock of birds overhead", "bird flock", 1, OY_PLACE_NONE),
    OBJ("a pair of horses", "horse", 2, OY_PLACE_NONE),
    OBJ("a couple of wagons", "wagon", 2, OY_PLACE_NONE),
    OBJ("twelve pines", "pine", 12, OY_PLACE_NONE),
    OBJ("cows grazing", "cow", 3, OY_PLACE_NONE),
    OBJ("the ruins", "ruins", 1, OY_PLACE_NONE),
    OBJ("7 rocks", "rock", 7, OY_PLACE_NONE),
    OBJ("five people far away", "person", 5, OY_PLACE_DISTANCE),
    OBJ("a boat on the lake", "boat", 1, OY_PLACE_NEAR_WATER),
    OBJ("a cabin by the river", "cabin", 1, OY_PLACE_NEAR_WATER),
    CH("a cabin by the river", OY_CH_RIVER, 0.99f, 1.0f),
    OBJ("a tent near the water", "tent", 1, OY_PLACE_NEAR_WATER),
    OBJ("deer on the shore", "deer", 3, OY_PLACE_NEAR_WATER),
    OBJ("a deer on the shore", "deer", 1, OY_PLACE_NEAR_WATER),
    UNSET("deer on the shore", OY_CH_COAST),
    OBJ("a lantern in front of the camera", "lantern", 1, OY_PLACE_AHEAD),
    OBJ("a person behind the camera", "person", 1, OY_PLACE_BEHIND),
    OBJ("on the left, a ruined tower", "tower", 1, OY_PLACE_LEFT),
    OBJ("in the distance a lighthouse", "lighthouse", 1, OY_PLACE_DISTANCE),
    OBJ("pines", "pine", 3, OY_PLACE_NONE),
    OBJ("a dozen sheep", "sheep", 12, OY_PLACE_NONE),
    NEARBY("a lantern near the cabin", "lantern", 1, "cabin"),
    /* "with" after a thing puts the next thing the clause names by it,
     * and each thing of a list it goes on to after "and" or a comma */
    NEARBY("the village on the hillside with a church tower", "church", 1, "village"),
    NEARBY("a quiet farm with cows and a fence", "cow", 3, "barn"),
    NEARBY("a quiet farm with cows and a fence", "fence", 1, "barn"),
    OBJ("a lake with swans and a boathouse", "cabin", 1, OY_PLACE_NEAR_WATER),
    OBJ("a lake with a cabin, a canoe and a pier", "pier", 1, OY_PLACE_NEAR_WATER),
    OBJ("a village with a church and a castle on the hill", "castle", 1, OY_PLACE_ON_HIGH),
    /* but a thing of the kind the list stands by is not by itself */
    OBJ("a farm with cows and a red barn", "barn", 1, OY_PLACE_NONE),
    /* and a new sentence ends the list */
    OBJ("a lake with a cabin. a castle", "castle", 1, OY_PLACE_NONE),
    OBJ("a cabin with lit windows and a boat", "boat", 1, OY_PLACE_NONE),
    OBJ("a forest with a campfire", "campfire", 1, OY_PLACE_NONE),
    /* what an object is made of or was, and a building's parts, are that
     * object, not more of them */
    OBJ("a hamlet of stone cottages in a green valley, smoke from the chimneys", "village", 1, OY_PLACE_NONE),
    ABSENT("a hamlet of stone cottages in a green valley, smoke from the chimneys", "cabin"),
    ABSENT("a hamlet of stone cottages in a green valley, smoke from the chimneys", "house"),
    OBJ("lit windows of a farm house in a snowy field", "house", 1, OY_PLACE_NONE),
    OBJ("the ruins of a castle", "ruins", 1, OY_PLACE_NONE),
    ABSENT("the ruins of a castle", "castle"),
    ABSENT("a village of white houses", "house"),
    OBJ("a cabin and a house of stone", "cabin", 1, OY_PLACE_NONE),
    OBJ("a house with red windows", "house", 1, OY_PLACE_NONE),
    OBJ("two cabins and a tent", "cabin", 2, OY_PLACE_NONE),
    /* sheep and deer with no "a" are many */
    OBJ("green rolling hills with sheep grazing", "sheep", 3, OY_PLACE_NONE),
    OBJ("a sheep in a field", "sheep", 1, OY_PLACE_NONE),
    OBJ("a lone deer", "deer", 1, OY_PLACE_NONE),
    OBJ("two sheep", "sheep", 2, OY_PLACE_NONE),
    OBJ("a sunny morning, sheep grazing", "sheep", 3, OY_PLACE_NONE),
    OBJ("(deer", "deer", 3, OY_PLACE_NONE),
    /* words that say what the place is like go with it, and keep their meaning */
    OBJ("a ruined temple on a jungle hill", "ruins", 1, OY_PLACE_ON_HIGH),
    OBJ("a cabin by a frozen lake", "cabin", 1, OY_PLACE_NEAR_WATER),
    OBJ("a small fishing village on a cold grey coast", "fishing village", 1, OY_PLACE_NEAR_WATER),
    OBJ("a hut by a quiet lake", "cabin", 1, OY_PLACE_NEAR_WATER),
    CH("a cabin by a frozen lake", OY_CH_ICE, 0.99f, 1.0f),
    OBJ("a castle on a green hill", "castle", 1, OY_PLACE_ON_HIGH),
    NEARBY("two people beside the campfire", "person", 2, "campfire"),
    NEARBY("a horse next to fire1", "horse", 1, "fire1"),
    OBJ("two deer and a horse on the left", "horse", 1, OY_PLACE_LEFT),
    OBJ("two deer and a horse on the left", "deer", 2, OY_PLACE_NONE),
    OBJ("a bridge over the river", "bridge", 1, OY_PLACE_NONE),
    OBJ("a stone bridge", "stone bridge", 1, OY_PLACE_NONE),
    OBJ("an old stone bridge over a stream", "stone bridge", 1, OY_PLACE_NONE),
    OBJ("a wooden footbridge over a creek", "footbridge", 1, OY_PLACE_NONE),
    OBJ("the ruins of a castle", "ruins", 1, OY_PLACE_NONE),
    /* walls in rock country named before them are its rock, coloured by
     * their colour word; elsewhere they are built */
    CH("a narrow slot canyon with glowing orange walls", OY_CH_ROCK_WARMTH, 0.3f, 1.0f),
    ABSENT("a narrow slot canyon with glowing orange walls", "wall"),
    OBJ("ruined walls on a cliff top above the sea", "wall", 3, OY_PLACE_ON_HIGH),
    NEARBY("a farm with stone walls", "wall", 3, "barn"),
    /* a town's buildings stand in as houses and barns; balloons aloft */
    OBJ("an abandoned gas station in the desert", "gas station", 1, OY_PLACE_NONE),
    OBJ("a roadside diner at night", "house", 1, OY_PLACE_NONE),
    OBJ("an old warehouse", "barn", 1, OY_PLACE_NONE),
    OBJ("hot air balloons at sunrise", "hot air balloon", 3, OY_PLACE_NONE),
    /* "stone" before a built thing is what it is built of, not a stone */
    OBJ("an old stone church on a hill", "church", 1, OY_PLACE_ON_HIGH),
    ABSENT("an old stone church on a hill", "rock"),
    ABSENT("a stone barn in the snow", "rock"),
    OBJ("a stone by the river", "rock", 1, OY_PLACE_NEAR_WATER),
    /* a rider on a horse rides its own; a person on one is a rider */
    OBJ("a lone cowboy on a horse", "rider", 1, OY_PLACE_NONE),
    ABSENT("a lone cowboy on a horse", "horse"),
    OBJ("a woman on horseback by the lake", "rider", 1, OY_PLACE_NEAR_WATER),
    ABSENT("a knight on horseback", "horse"),
    /* a person in or on a boat is its rower: one boat */
    OBJ("a fisherman in a small boat", "boat", 1, OY_PLACE_NONE),
    ABSENT("a fisherman in a small boat", "person"),
    OBJ("a man on a boat on the lake", "boat", 1, OY_PLACE_NEAR_WATER),
    /* a size word sizes an island or a lake, not a stream */
    CH("a tiny island in the ocean", OY_CH_ISLAND, 0.45f, 0.55f),
    CH("a small lake", OY_CH_LAKE, 0.65f, 0.75f),
    /* "a field of X" is X's fields, not a meadow painted X */
    CH("a farmhouse in a field of lavender in provence", OY_CH_ROWS, 0.9f, 1.0f),
    CH("rice terraces in bali at sunrise", OY_CH_PADDIES, 0.9f, 1.0f),
    CH("terraced rice fields on green hills in the mist", OY_CH_PADDIES, 0.9f, 1.0f),
    CH("a farmer walking through rice paddies", OY_CH_PADDIES, 0.9f, 1.0f),
    CH("a farmer walking through rice paddies", OY_CH_HILLS, 0.25f, 0.5f),
    CH("a field of wheat", OY_CH_FIELDS, 0.9f, 1.0f),
    /* a rocky desert is bare rock, rugged: no dunes */
    CH("a red rock desert", OY_CH_RUGGED, 0.85f, 1.0f),
    /* a place said after what stands by a thing is that thing's place */
    OBJ("a camp with tents by a lake", "tent", 1, OY_PLACE_NEAR_WATER),
    OBJ("a mountain lake with a wooden cabin and a canoe", "cabin", 1, OY_PLACE_NEAR_WATER),
    OBJ("a river with an old mill", "windmill", 1, OY_PLACE_NEAR_WATER),
    OBJ("a lake at dusk with a cabin", "cabin", 1, OY_PLACE_NEAR_WATER),
    OBJ("giraffes on the african savanna at golden hour", "giraffe", 3, OY_PLACE_NONE),
    /* a group noun after the thing makes a group, "a" or not */
    OBJ("a camel caravan crossing the dunes at sunset", "camel", 5, OY_PLACE_NONE),
    OBJ("a wolf pack in the snow", "wolf", 5, OY_PLACE_NONE),
    OBJ("a caravan of camels at an oasis", "camel", 5, OY_PLACE_NONE),
    OBJ("a red canoe on a still mountain lake", "canoe", 1, OY_PLACE_NEAR_WATER),
    /* the head noun after a thing's own name is that thing again */
    OBJ("an old oak tree alone in a field under a thunderstorm", "oak", 1, OY_PLACE_NONE),
    ABSENT("an old oak tree alone in a field under a thunderstorm", "tree"),
    OBJ("three tall palm trees on a beach", "palm", 3, OY_PLACE_NONE),
    OBJ("a windmill by a canal in holland", "windmill", 1, OY_PLACE_NEAR_WATER),
    OBJ("a steam train crossing a bridge in the mountains", "train", 1, OY_PLACE_NONE),
    /* an island is the high ground of its water */
    OBJ("a rocky island with a ruined castle in a grey sea", "ruins", 1, OY_PLACE_ON_HIGH),
    OBJ("a lighthouse on a small island", "lighthouse", 1, OY_PLACE_ON_HIGH),
    OBJ("an old locomotive in a snowy valley", "train", 1, OY_PLACE_NONE),
    OBJ("a little red fox in a snowy meadow", "fox", 1, OY_PLACE_NONE),
    OBJ("a greenhouse in a garden on a rainy day", "greenhouse", 1, OY_PLACE_NONE),
    OBJ("a hobbit hole in a green hillside", "hobbit hole", 1, OY_PLACE_NONE),
    OBJ("a lone astronaut walking across red martian dunes", "person", 1, OY_PLACE_NONE),
    CH("a hot spring steaming in the snowy mountains", OY_CH_SNOW_COVER, 0.8f, 1.0f),
    UNSET("snow-capped peaks above a green valley", OY_CH_SNOW_COVER),
    CH("the surface of mars", OY_CH_SKY_WARMTH, 0.5f, 0.8f),
    CH("cliffs of moher at sunset", OY_CH_RUGGED, 0.85f, 1.0f),
    CH("cliffs of moher at sunset", OY_CH_COAST, 0.95f, 1.0f),
    UNSET("a tall waterfall pouring off a cliff into the ocean", OY_CH_RAIN),
    CH("it is pouring in the valley", OY_CH_RAIN, 0.95f, 1.0f),
    UNSET("a sandy desert road with a lone car at noon", OY_CH_COAST),
    /* "blazing" is the heat of the sun, not a fire; rain that is over
     * leaves the ground wet and the sky dry; a church tower is a church's */
    ABSENT("endless dunes under a blazing midday sun", "campfire"),
    UNSET("a misty pine valley after rain with low clouds", OY_CH_RAIN),
    CH("a misty pine valley after rain with low clouds", OY_CH_WETNESS, 0.8f, 1.0f),
    CH("a quiet village street after a storm", OY_CH_RAIN, 0.0f, 0.0f),
    OBJ("a medieval town with a church tower on a river", "church", 1, OY_PLACE_NEAR_ENTITY),
    OBJ("a red tractor ploughing a field", "tractor", 1, OY_PLACE_NONE),
    NEARBY("an abandoned gas station on route 66 at dusk", "gas station", 1, "road"),
    OBJ("a petrol station in the rain", "gas station", 1, OY_PLACE_NONE),
    OBJ("a lone cowboy riding across the prairie at sunset", "rider", 1, OY_PLACE_NONE),
    ABSENT("a waterfall cascading into a turquoise pool", "rapids"),
    CH("winter forest with fresh snow", OY_CH_VEGETATION, 0.7f, 0.8f),
    OBJ("a quiet suburban street in autumn", "village", 1, OY_PLACE_NONE),
    OBJ("an icy fjord with a cruise ship", "ship", 1, OY_PLACE_NEAR_WATER),
    OBJ("a wind farm among yellow fields", "wind turbine", 1, OY_PLACE_NONE),
    OBJ("a windmill in holland", "windmill", 1, OY_PLACE_NONE),
    NEARBY("a beach bonfire at night with friends", "person", 3, "campfire"),
    NEARBY("a bustling medieval market with people and stalls", "parasol", 3, "town_square"),
    OBJ("a country road lined with poplar trees", "road", 1, OY_PLACE_NONE),
    NEARBY("a country road lined with poplar trees", "poplar", 3, "road"),
    OBJ("a tuscan hill with cypresses", "cypress", 3, OY_PLACE_NONE),
    OBJ("a row of italian cypress trees", "cypress", 5, OY_PLACE_NONE),
    OBJ("arctic ice floes with polar bears", "polar bear", 3, OY_PLACE_NONE),
    OBJ("a grizzly bear fishing in a river", "bear", 1, OY_PLACE_NONE),
    OBJ("a cactus desert at sunset", "cactus", 1, OY_PLACE_NONE),
    OBJ("tall saguaros under a red sky", "cactus", 3, OY_PLACE_NONE),
    OBJ("a zen garden with raked gravel", "zen garden", 1, OY_PLACE_NONE),
    ABSENT("a zen garden with raked gravel", "japanese garden"),
    /* a mountain village stands among mountains: the words raise them */
    CH("a snowy mountain village at night", OY_CH_RELIEF, 0.85f, 1.0f),
    OBJ("a snowy mountain village at night", "village", 1, OY_PLACE_NONE),
    CH("an alpine village in summer", OY_CH_BIOME_ALPINE, 0.9f, 1.0f),
    NEARBY("a farmhouse with a red barn and a tractor in a wheat field", "tractor", 1, "house"),
    /* a glacier is ice all over, icy or not */
    CH("an icy glacier under a clear blue sky", OY_CH_SNOW_COVER, 0.95f, 1.0f),
    CH("a viking longship on a fjord", OY_CH_CONIFER, 0.5f, 1.0f),
    OBJ("a herd of bison on snowy plains", "bison", 6, OY_PLACE_NONE),
    OBJ("a market town square with a fountain at noon", "fountain", 1, OY_PLACE_NEAR_ENTITY),
    OBJ("an old boathouse on a misty lake", "cabin", 1, OY_PLACE_NEAR_WATER),
    OBJ("a lake with swans and a boathouse", "swan", 3, OY_PLACE_NEAR_WATER),
    OBJ("a stone monument on a windswept hill", "tower", 1, OY_PLACE_ON_HIGH),
    OBJ("a beach with umbrellas and seagulls on a sunny day", "parasol", 3, OY_PLACE_NONE),
    OBJ("a sunbather under a beach umbrella", "person", 1, OY_PLACE_NEAR_ENTITY),
    OBJ("the pyramids of giza at sunset", "pyramid", 3, OY_PLACE_NONE),
    CH("the pyramids of giza at sunset", OY_CH_BIOME_DESERT, 0.9f, 1.0f),
    OBJ("an old stone well in a village courtyard", "well", 1, OY_PLACE_NONE),
    OBJ("a gazebo by a pond in an english garden", "gazebo", 1, OY_PLACE_NEAR_WATER),
    CH("a gazebo by a pond in an english garden", OY_CH_FLOWERS, 0.7f, 1.0f),
    OBJ("a marble statue in a city park", "statue", 1, OY_PLACE_NONE),
    CH("a marble statue in a city park", OY_CH_CLEARING, 0.9f, 1.0f),
    OBJ("a wheat field with a scarecrow under a big sky", "scarecrow", 1, OY_PLACE_NONE),
    OBJ("a wooden bench by the lake", "bench", 1, OY_PLACE_NEAR_WATER),
    CH("a field of red poppies with a windmill", OY_CH_FLOWER_WARMTH, 0.75f, 0.85f),
    CH("buttercups and dandelions in a meadow", OY_CH_FLOWER_WARMTH, 0.9f, 1.0f),
    CH("an old lighthouse on a rocky point in a storm", OY_CH_COAST, 0.9f, 1.0f),
    OBJ("a quiet fishing dock on a misty lake at 6am", "pier", 1, OY_PLACE_NEAR_WATER),
    CH("a quiet fishing dock on a misty lake at 6am", OY_CH_TIME, 6.0f, 6.0f),
    OBJ("a cobbled piazza in an italian town at sunset", "town square", 1, OY_PLACE_NONE),
    ABSENT("a cobbled piazza in an italian town at sunset", "rock"),
    CH("a lone wolf howling on a snowy ridge under the moon", OY_CH_TIME, 22.0f, 23.0f),
    CH("an ancient egyptian temple by the nile at dawn", OY_CH_RIVER, 0.9f, 1.0f),
    OBJ("an ancient egyptian temple by the nile at dawn", "ruins", 1, OY_PLACE_NEAR_WATER),
    CH("a scarecrow in a vegetable garden", OY_CH_FIELDS, 0.9f, 1.0f),
    /* the sun breaking through the mist clears it, it brings none */
    CH("the sun breaks through the mist", OY_CH_FOG, 0.0f, 0.0f),
    CH("the fog lifts slowly", OY_CH_FOG, 0.0f, 0.0f),
    OBJ("a ferris wheel at a funfair by the sea at night", "ferris wheel", 1, OY_PLACE_NEAR_WATER),
    /* "well" alone is a word of degree, not a well */
    ABSENT("a well lit street at night", "well"),

    /* pacing */
    OVER("slowly", 7.5f, 8.5f),
    OVER("gradually", 9.5f, 10.5f),
    OVER("quickly", 1.5f, 2.5f),
    SUDDEN("suddenly"),
    SUDDEN("abruptly"),
    SUDDEN("all at once, thunder"),
    OVER("over 5 seconds", 5.0f, 5.0f),
    OVER("over 5s", 5.0f, 5.0f),
    OVER("over five seconds", 5.0f, 5.0f),
    OVER("over 2 minutes", 120.0f, 120.0f),
    OVER("over 1.5 s", 1.5f, 1.5f),
    OVER("for 10s", 10.0f, 10.0f),
    OVER("in 3s", 3.0f, 3.0f),
    OVER("over 500ms", 0.5f, 0.5f),
    OVER("over the next ten seconds", 10.0f, 10.0f),
    OVER("in half a minute", 30.0f, 30.0f),
    OVER("the rain slowly stops", 7.5f, 8.5f),
    CH("the rain slowly stops", OY_CH_RAIN, 0.0f, 0.0f),
    OVER("fog rolls in over 6 seconds", 6.0f, 6.0f),
    CH("fog rolls in over 6 seconds", OY_CH_FOG, 0.55f, 0.65f),
    OVER("night falls slowly", 7.5f, 8.5f),

    /* whole sentences */
    CH("a misty pine valley with a river, late afternoon, autumn", OY_CH_TIME, 16.0f, 17.0f),
    CH("a misty pine valley with a river, late afternoon, autumn", OY_CH_RIVER, 0.99f, 1.0f),
    CH("a misty pine valley with a river, late afternoon, autumn", OY_CH_AUTUMN, 0.8f, 0.9f),
    CH("a misty pine valley with a river, late afternoon, autumn", OY_CH_FOG, 0.3f, 0.4f),
    CH("The storm arrives; heavy rain and strong wind.", OY_CH_WIND, 0.85f, 0.9f),
    CH("the sun comes out", OY_CH_CLOUD, 0.0f, 0.2f),
    CH("it is a cold, bleak winter day", OY_CH_SNOW_COVER, 0.5f, 0.7f),

    /* words that change nothing */
    EMPTY("the"),
    EMPTY("and then it is"),
    EMPTY("the camera slowly moves into the scene"),
    EMPTY(""),
    EMPTY("   ,;.  "),
    UNSET("soft morning light", OY_CH_CONTRAST),

    /* unknown words: one warning each, with the nearest known word */
    WARN("a dragon", 1, "wagon"),
    WARN("fogg", 1, "fog"),
    WARN("golden houre", 1, "house"),
    WARN("a purple zebroid and a dragon", 2, NULL),
    WARN("heavy rian", 1, "rain"),
    WARN("xyzzyplugh", 1, NULL),
};

#endif
