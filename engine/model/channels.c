/*
 * channels.c - the names and default values of the latent channels. The
 * defaults describe a mild, clear summer afternoon over gentle hills with
 * calm music: what a shot shows when its script says nothing else.
 */
#include <string.h>

#include "model.h"

const char *const oy_channel_names[OY_CH_COUNT] = {
    [OY_CH_TIME] = "time", [OY_CH_CLOUD] = "cloud", [OY_CH_FOG] = "fog",
    [OY_CH_HAZE] = "haze", [OY_CH_RAIN] = "rain", [OY_CH_SNOW] = "snow",
    [OY_CH_WIND] = "wind", [OY_CH_LIGHTNING] = "lightning",
    [OY_CH_WETNESS] = "wetness", [OY_CH_SNOW_COVER] = "snow_cover",
    [OY_CH_FOLIAGE] = "foliage", [OY_CH_AUTUMN] = "autumn",
    [OY_CH_VEGETATION] = "vegetation", [OY_CH_CONIFER] = "conifer",
    [OY_CH_BIRCH] = "birch", [OY_CH_EXPOSURE] = "exposure",
    [OY_CH_WARMTH] = "warmth", [OY_CH_CONTRAST] = "contrast",
    [OY_CH_SATURATION] = "saturation", [OY_CH_TINT] = "tint",
    [OY_CH_BIOME_MEADOW] = "meadow", [OY_CH_BIOME_FOREST] = "forest",
    [OY_CH_BIOME_DESERT] = "desert", [OY_CH_BIOME_SNOWFIELD] = "snowfield",
    [OY_CH_BIOME_TUNDRA] = "tundra", [OY_CH_BIOME_BEACH] = "beach",
    [OY_CH_BIOME_SWAMP] = "swamp", [OY_CH_BIOME_ALPINE] = "alpine",
    [OY_CH_RELIEF] = "relief", [OY_CH_RUGGED] = "rugged",
    [OY_CH_VALLEY] = "valley", [OY_CH_CANYON] = "canyon",
    [OY_CH_PLATEAU] = "plateau", [OY_CH_HILLS] = "hills",
    [OY_CH_COAST] = "coast", [OY_CH_ISLAND] = "island", [OY_CH_LAKE] = "lake",
    [OY_CH_RIVER] = "river", [OY_CH_WATER_LEVEL] = "water_level",
    [OY_CH_CRATER] = "crater", [OY_CH_CLEARING] = "clearing", [OY_CH_ICE] = "ice",
    [OY_CH_ROCK_WARMTH] = "rock_warmth", [OY_CH_ROCK_TINT] = "rock_tint",
    [OY_CH_ROCK_LIGHT] = "rock_light", [OY_CH_GROUND_WARMTH] = "ground_warmth",
    [OY_CH_GROUND_TINT] = "ground_tint", [OY_CH_GROUND_LIGHT] = "ground_light",
    [OY_CH_WATER_WARMTH] = "water_warmth", [OY_CH_WATER_TINT] = "water_tint",
    [OY_CH_WATER_LIGHT] = "water_light",
    [OY_CH_SKY_WARMTH] = "sky_warmth", [OY_CH_SKY_TINT] = "sky_tint",
    [OY_CH_SKY_LIGHT] = "sky_light",
    [OY_CH_VALENCE] = "valence", [OY_CH_AROUSAL] = "arousal",
    [OY_CH_TEMPO] = "tempo", [OY_CH_INTENSITY] = "intensity",
};

static const float defaults[OY_CH_COUNT] = {
    [OY_CH_TIME] = 14.0f, [OY_CH_CLOUD] = 0.25f, [OY_CH_HAZE] = 0.15f,
    [OY_CH_WIND] = 0.2f, [OY_CH_FOLIAGE] = 0.85f, [OY_CH_VEGETATION] = 0.5f,
    [OY_CH_BIOME_MEADOW] = 0.6f, [OY_CH_BIOME_FOREST] = 0.4f,
    [OY_CH_RELIEF] = 0.35f, [OY_CH_RUGGED] = 0.4f, [OY_CH_HILLS] = 0.6f,
    [OY_CH_VALENCE] = 0.2f, [OY_CH_AROUSAL] = 0.3f, [OY_CH_TEMPO] = 84.0f,
    [OY_CH_INTENSITY] = 0.45f,
};

int oy_channel_find(const char *name)
{
    for (int i = 0; i < OY_CH_COUNT; i++)
        if (!strcmp(oy_channel_names[i], name))
            return i;
    return -1;
}

float oy_channel_default(int ch)
{
    return ch >= 0 && ch < OY_CH_COUNT ? defaults[ch] : 0.0f;
}
