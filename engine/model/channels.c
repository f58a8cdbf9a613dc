/*
 * channels.c - the one table of the latent channels: each one's name (as
 * the concept bank and `oyster check` write it), its default value and the
 * range it keeps (the conventions written in model.h). The defaults
 * describe a mild, clear summer afternoon over gentle hills with calm
 * music: what a shot shows when its script says nothing else.
 */
#include <string.h>

#include "model.h"

const oy_channel_info oy_channels[OY_CH_COUNT] = {
    [OY_CH_TIME]            = { "time",           14.0f,   0.0f,  24.0f },
    [OY_CH_CLOUD]           = { "cloud",          0.25f,   0.0f,   1.0f },
    [OY_CH_FOG]             = { "fog",             0.0f,   0.0f,   1.0f },
    [OY_CH_HAZE]            = { "haze",           0.15f,   0.0f,   1.0f },
    [OY_CH_RAIN]            = { "rain",            0.0f,   0.0f,   1.0f },
    [OY_CH_SNOW]            = { "snow",            0.0f,   0.0f,   1.0f },
    [OY_CH_WIND]            = { "wind",            0.2f,   0.0f,   1.0f },
    [OY_CH_LIGHTNING]       = { "lightning",       0.0f,   0.0f,   1.0f },
    [OY_CH_AURORA]          = { "aurora",          0.0f,   0.0f,   1.0f },
    [OY_CH_RAINBOW]         = { "rainbow",         0.0f,   0.0f,   1.0f },
    [OY_CH_MOONS]           = { "moons",           0.0f,   0.0f,   3.0f },
    [OY_CH_HEARTH]          = { "hearth",          0.0f,   0.0f,   1.0f },
    [OY_CH_LAVA]            = { "lava",            0.0f,   0.0f,   1.0f },
    [OY_CH_FLOWERS]         = { "flowers",         0.0f,   0.0f,   1.0f },
    [OY_CH_FLOWER_WARMTH]   = { "flower_warmth",   0.0f,  -1.0f,   1.0f },
    [OY_CH_BLOSSOM]         = { "blossom",         0.0f,   0.0f,   1.0f },
    [OY_CH_FIELDS]          = { "fields",          0.0f,   0.0f,   1.0f },
    [OY_CH_ROWS]            = { "rows",            0.0f,   0.0f,   1.0f },
    [OY_CH_PADDIES]         = { "paddies",         0.0f,   0.0f,   1.0f },
    [OY_CH_CLOUD_SEA]       = { "cloud_sea",       0.0f,   0.0f,   1.0f },
    [OY_CH_OVERLOOK]        = { "overlook",        0.0f,   0.0f,   1.0f },
    [OY_CH_WETNESS]         = { "wetness",         0.0f,   0.0f,   1.0f },
    [OY_CH_SNOW_COVER]      = { "snow_cover",      0.0f,   0.0f,   1.0f },
    [OY_CH_FOLIAGE]         = { "foliage",        0.85f,   0.0f,   1.0f },
    [OY_CH_AUTUMN]          = { "autumn",          0.0f,   0.0f,   1.0f },
    [OY_CH_VEGETATION]      = { "vegetation",      0.5f,   0.0f,   1.0f },
    [OY_CH_CONIFER]         = { "conifer",         0.0f,  -1.0f,   1.0f },
    [OY_CH_BIRCH]           = { "birch",           0.0f,   0.0f,   1.0f },
    [OY_CH_ACACIA]          = { "acacia",          0.0f,   0.0f,   1.0f },
    [OY_CH_BAMBOO]          = { "bamboo",          0.0f,   0.0f,   1.0f },
    [OY_CH_GROVE]           = { "grove",           0.0f,   0.0f,   1.0f },
    [OY_CH_EXPOSURE]        = { "exposure",        0.0f,  -4.0f,   4.0f },
    [OY_CH_WARMTH]          = { "warmth",          0.0f,  -1.0f,   1.0f },
    [OY_CH_CONTRAST]        = { "contrast",        0.0f,  -1.0f,   1.0f },
    [OY_CH_SATURATION]      = { "saturation",      0.0f,  -1.0f,   1.0f },
    [OY_CH_TINT]            = { "tint",            0.0f,  -1.0f,   1.0f },
    [OY_CH_BIOME_MEADOW]    = { "meadow",          0.6f,   0.0f,   1.0f },
    [OY_CH_BIOME_FOREST]    = { "forest",          0.4f,   0.0f,   1.0f },
    [OY_CH_BIOME_DESERT]    = { "desert",          0.0f,   0.0f,   1.0f },
    [OY_CH_BIOME_SNOWFIELD] = { "snowfield",       0.0f,   0.0f,   1.0f },
    [OY_CH_BIOME_TUNDRA]    = { "tundra",          0.0f,   0.0f,   1.0f },
    [OY_CH_BIOME_BEACH]     = { "beach",           0.0f,   0.0f,   1.0f },
    [OY_CH_BIOME_SWAMP]     = { "swamp",           0.0f,   0.0f,   1.0f },
    [OY_CH_BIOME_ALPINE]    = { "alpine",          0.0f,   0.0f,   1.0f },
    [OY_CH_RELIEF]          = { "relief",         0.35f,   0.0f,   1.0f },
    [OY_CH_RUGGED]          = { "rugged",          0.4f,   0.0f,   1.0f },
    [OY_CH_VALLEY]          = { "valley",          0.0f,   0.0f,   1.0f },
    [OY_CH_CANYON]          = { "canyon",          0.0f,   0.0f,   1.0f },
    [OY_CH_PLATEAU]         = { "plateau",         0.0f,   0.0f,   1.0f },
    [OY_CH_HILLS]           = { "hills",           0.6f,   0.0f,   1.0f },
    [OY_CH_COAST]           = { "coast",           0.0f,   0.0f,   1.0f },
    [OY_CH_ISLAND]          = { "island",          0.0f,   0.0f,   1.0f },
    [OY_CH_OFFSHORE]        = { "offshore",        0.0f,   0.0f,   1.0f },
    [OY_CH_SEAWARD]         = { "seaward",         0.0f,   0.0f,   1.0f },
    [OY_CH_LAKE]            = { "lake",            0.0f,   0.0f,   1.0f },
    [OY_CH_RIVER]           = { "river",           0.0f,   0.0f,   1.0f },
    [OY_CH_WATER_LEVEL]     = { "water_level",     0.0f,  -1.0f,   1.0f },
    [OY_CH_CRATER]          = { "crater",          0.0f,   0.0f,   1.0f },
    [OY_CH_VOLCANO]         = { "volcano",         0.0f,   0.0f,   1.0f },
    [OY_CH_CLEARING]        = { "clearing",        0.0f,   0.0f,   1.0f },
    [OY_CH_ICE]             = { "ice",             0.0f,   0.0f,   1.0f },
    [OY_CH_ROCK_WARMTH]     = { "rock_warmth",     0.0f,  -1.0f,   1.0f },
    [OY_CH_ROCK_TINT]       = { "rock_tint",       0.0f,  -1.0f,   1.0f },
    [OY_CH_ROCK_LIGHT]      = { "rock_light",      0.0f,  -1.0f,   1.0f },
    [OY_CH_GROUND_WARMTH]   = { "ground_warmth",   0.0f,  -1.0f,   1.0f },
    [OY_CH_GROUND_TINT]     = { "ground_tint",     0.0f,  -1.0f,   1.0f },
    [OY_CH_GROUND_LIGHT]    = { "ground_light",    0.0f,  -1.0f,   1.0f },
    [OY_CH_WATER_WARMTH]    = { "water_warmth",    0.0f,  -1.0f,   1.0f },
    [OY_CH_WATER_TINT]      = { "water_tint",      0.0f,  -1.0f,   1.0f },
    [OY_CH_WATER_LIGHT]     = { "water_light",     0.0f,  -1.0f,   1.0f },
    [OY_CH_SKY_WARMTH]      = { "sky_warmth",      0.0f,  -1.0f,   1.0f },
    [OY_CH_SKY_TINT]        = { "sky_tint",        0.0f,  -1.0f,   1.0f },
    [OY_CH_SKY_LIGHT]       = { "sky_light",       0.0f,  -1.0f,   1.0f },
    [OY_CH_PLANT_WARMTH]    = { "plant_warmth",    0.0f,  -1.0f,   1.0f },
    [OY_CH_PLANT_TINT]      = { "plant_tint",      0.0f,  -1.0f,   1.0f },
    [OY_CH_PLANT_LIGHT]     = { "plant_light",     0.0f,  -1.0f,   1.0f },
    [OY_CH_VALENCE]         = { "valence",         0.2f,  -1.0f,   1.0f },
    [OY_CH_AROUSAL]         = { "arousal",         0.3f,   0.0f,   1.0f },
    [OY_CH_TEMPO]           = { "tempo",          84.0f,  40.0f, 200.0f },
    [OY_CH_INTENSITY]       = { "intensity",      0.45f,   0.0f,   1.0f },
};

int oy_channel_find(const char *name)
{
    for (int i = 0; i < OY_CH_COUNT; i++)
        if (!strcmp(oy_channels[i].name, name))
            return i;
    return -1;
}

float oy_channel_default(int ch)
{
    return ch >= 0 && ch < OY_CH_COUNT ? oy_channels[ch].def : 0.0f;
}

float oy_fog_extinction(const float ch[OY_CH_COUNT])
{
    float fog = oy_clampf(ch[OY_CH_FOG], 0.0f, 1.0f), fog2 = fog * fog;
    float precip = oy_clampf(ch[OY_CH_RAIN], 0.0f, 1.0f) * 0.5f + oy_clampf(ch[OY_CH_SNOW], 0.0f, 1.0f);
    return 0.06f * fog2 * fog2 + 0.012f * fog2 + 0.002f * fog + 0.0012f * precip;
}

void oy_channel_range(int ch, float *lo, float *hi)
{
    *lo = oy_channels[ch].lo;
    *hi = oy_channels[ch].hi;
}
