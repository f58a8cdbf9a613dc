/*
 * words.c - the concept language's own words: the stop words it ignores
 * without a warning and the modifiers of intensity, count, negation,
 * ending, placement and pacing (oyster-shot(5), THE CONCEPT LANGUAGE). Concepts live in the bank; these
 * are grammar, so no concept may use them. Phrases are lowercase words
 * separated by single spaces, as the parser joins its tokens.
 */
#include "lang.h"

#define WORD(w, t, v, a, s) { .text = w, .type = t, .value = v, .alt = a, .size = s }
#define STOP(w)         WORD(w, OY_LW_STOP, 0.0f, NULL, 0.0f)
#define CLAUSE(w)       WORD(w, OY_LW_CLAUSE, 0.0f, NULL, 0.0f)
#define INTENSITY(w, v) WORD(w, OY_LW_INTENSITY, v, NULL, 0.0f)
#define INTENSITY_SIZE(w, v, s) WORD(w, OY_LW_INTENSITY, v, NULL, s)
#define VERY(w)         WORD(w, OY_LW_VERY, 0.0f, NULL, 0.0f)
#define COUNT(w, n)     WORD(w, OY_LW_COUNT, n, NULL, 0.0f)
#define NEGATE(w)       WORD(w, OY_LW_NEGATE, 0.0f, NULL, 0.0f)
#define ENDING(w, a)    WORD(w, OY_LW_ENDING, 0.0f, a, 0.0f)
#define PLACE(w, p)     WORD(w, OY_LW_PLACE, p, NULL, 0.0f)
#define NEAR(w, p)      WORD(w, OY_LW_NEAR, p, NULL, 0.0f)
#define PACE(w, s)      WORD(w, OY_LW_PACE, s, NULL, 0.0f)
#define SUDDEN(w, s)    WORD(w, OY_LW_SUDDEN, s, NULL, 0.0f)
#define SURFACE(w, s)   WORD(w, OY_LW_SURFACE, s, NULL, 0.0f)
#define SIZE(w, v)      WORD(w, OY_LW_SIZE, v, NULL, 0.0f)

/* Intensities: "light" moves a concept 35% of the way from the defaults,
 * "heavy" 150% (what "heavy rain" means next to plain "rain"). */
#define LIGHT 0.35f
#define MODERATE 0.65f
#define HEAVY 1.5f

const oy_lang_word oy_lang_words[] = {
    /* articles, pronouns, prepositions, auxiliaries */
    STOP("the"), STOP("of"), STOP("with"), STOP("is"), STOP("are"),
    STOP("was"), STOP("were"), STOP("be"), STOP("been"), STOP("being"),
    STOP("it"), STOP("its"), STOP("this"), STOP("that"), STOP("these"),
    STOP("those"), STOP("there"), STOP("here"), STOP("into"), STOP("onto"),
    STOP("in"), STOP("at"), STOP("to"), STOP("from"), STOP("over"),
    STOP("through"), STOP("across"), STOP("up"), STOP("down"), STOP("out"),
    STOP("off"), STOP("for"), STOP("about"), STOP("above"), STOP("below"),
    STOP("between"), STOP("among"), STOP("amid"), STOP("amidst"),
    STOP("toward"), STOP("towards"), STOP("after"), STOP("before"), STOP("during"), STOP("within"),
    STOP("upon"), STOP("overhead"), STOP("forward"), STOP("or"), STOP("nor"),
    STOP("we"), STOP("us"), STOP("our"), STOP("you"), STOP("your"),
    STOP("they"), STOP("them"), STOP("their"), STOP("he"), STOP("she"),
    STOP("his"), STOP("her"), STOP("i"), STOP("me"), STOP("my"),
    STOP("who"), STOP("which"), STOP("what"), STOP("where"), STOP("whose"),
    STOP("all"), STOP("any"), STOP("each"), STOP("every"), STOP("more"),
    STOP("most"), STOP("much"), STOP("less"), STOP("other"),
    STOP("another"), STOP("such"), STOP("only"), STOP("just"), STOP("also"),
    STOP("too"), STOP("even"), STOP("still"), STOP("again"), STOP("now"),
    STOP("once"), STOP("quite"), STOP("rather"), STOP("almost"),
    STOP("like"), STOP("than"), STOP("if"), STOP("because"), STOP("though"),
    STOP("although"), STOP("has"), STOP("have"), STOP("had"),
    STOP("having"), STOP("do"), STOP("does"), STOP("did"), STOP("don't"),
    STOP("doesn't"), STOP("won't"), STOP("will"), STOP("would"),
    STOP("can"), STOP("could"), STOP("should"), STOP("may"), STOP("might"),
    STOP("must"), STOP("shall"), STOP("let"), STOP("o'clock"),
    STOP("am"), STOP("pm"),
    /* verbs of change and presence in directions */
    STOP("get"), STOP("gets"), STOP("getting"), STOP("got"),
    STOP("become"), STOP("becomes"), STOP("becoming"), STOP("became"),
    STOP("turn"), STOP("turns"), STOP("turning"), STOP("turned"),
    STOP("grow"), STOP("grows"), STOP("growing"), STOP("go"), STOP("goes"),
    STOP("going"), STOP("come"), STOP("comes"), STOP("coming"),
    STOP("came"), STOP("arrive"), STOP("arrives"), STOP("arriving"),
    STOP("arrived"), STOP("begin"), STOP("begins"), STOP("beginning"),
    STOP("began"), STOP("start"), STOP("starts"), STOP("starting"),
    STOP("started"), STOP("sink"), STOP("sinks"), STOP("sinking"),
    STOP("sank"), STOP("rise"), STOP("rises"), STOP("rising"), STOP("rose"),
    STOP("roll"), STOP("rolls"), STOP("rolling"), STOP("rolled"),
    STOP("falls"), STOP("falling"), STOP("fell"), STOP("to fall"),
    STOP("set"), STOP("sets"), STOP("setting"), STOP("set in"),
    STOP("move"), STOP("moves"), STOP("moving"), STOP("moved"),
    STOP("drift"), STOP("drifts"), STOP("drifting"), STOP("sweep"),
    STOP("sweeps"), STOP("sweeping"), STOP("cover"), STOP("covers"),
    STOP("covered"), STOP("covering"), STOP("fill"), STOP("fills"),
    STOP("filled"), STOP("settle"), STOP("settles"), STOP("settling"),
    STOP("gather"), STOP("gathers"), STOP("gathering"), STOP("build"),
    STOP("builds"), STOP("appear"), STOP("appears"), STOP("appearing"),
    STOP("emerge"), STOP("emerges"), STOP("stand"), STOP("stands"),
    STOP("standing"), STOP("sit"), STOP("sits"), STOP("sitting"),
    STOP("lie"), STOP("lies"), STOP("lying"), STOP("look"), STOP("looks"),
    STOP("looking"), STOP("overlooking"), STOP("overlooks"), STOP("overlook"), STOP("facing"),
    STOP("meeting"), STOP("meets"), STOP("see"), STOP("seen"), STOP("show"), STOP("shows"),
    STOP("feel"), STOP("feels"), STOP("seem"), STOP("seems"), STOP("hang"),
    STOP("hangs"), STOP("hanging"), STOP("blow"), STOP("blows"),
    STOP("blowing"), STOP("shine"), STOP("shines"), STOP("shining"),
    STOP("glow"), STOP("glows"), STOP("glowing"), STOP("burns"),
    STOP("burning"), STOP("flicker"), STOP("flickers"), STOP("flickering"),
    STOP("pours"), STOP("pouring"), STOP("walk"), STOP("walks"), STOP("walking"),
    STOP("cross"), STOP("crosses"), STOP("crossing"), STOP("trek"), STOP("trekking"),
    STOP("run"), STOP("runs"), STOP("running"), STOP("graze"),
    STOP("grazes"), STOP("grazing"), STOP("fly"), STOP("flies"),
    STOP("flying"), STOP("circle"), STOP("circles"), STOP("circling"),
    STOP("wait"), STOP("waits"), STOP("waiting"), STOP("play"),
    STOP("plays"), STOP("playing"), STOP("fade in"), STOP("fades in"),
    STOP("make"), STOP("makes"), STOP("keep"), STOP("keeps"),
    STOP("flow"), STOP("flows"), STOP("flowing"), STOP("float"),
    STOP("floats"), STOP("floating"), STOP("sing"), STOP("sings"),
    STOP("singing"), STOP("surround"), STOP("surrounds"),
    STOP("surrounded"), STOP("surrounding"), STOP("ringed"), STOP("encircled"),
    STOP("enclosed"), STOP("framed"), STOP("fringed"), STOP("flanked"), STOP("bordered"),
    /* things every shot has, which carry no concept alone */
    STOP("sun"), STOP("sunlight"),
    STOP("moon"), STOP("stars"), STOP("lights"), STOP("lighting"),
    STOP("shadow"), STOP("shadows"), STOP("colour"), STOP("colours"),
    STOP("color"), STOP("colors"), STOP("tone"), STOP("tones"),
    STOP("mood"), STOP("atmosphere"), STOP("scene"), STOP("shot"),
    STOP("frame"), STOP("camera"), STOP("view"), STOP("vista"),
    STOP("panorama"), STOP("landscape"), STOP("world"), STOP("place"),
    STOP("area"),
    STOP("distance"), STOP("way"),
    STOP("edge"), STOP("side"),
    STOP("top"), STOP("bottom"), STOP("middle"), STOP("center"),
    STOP("centre"), STOP("air"), STOP("weather"),
    STOP("time"), STOP("hour"), STOP("moment"), STOP("second"),
    STOP("seconds"), STOP("minute"), STOP("minutes"), STOP("music"),
    STOP("score"), STOP("soundtrack"), STOP("theme"), STOP("melody"),
    STOP("tune"), STOP("song"), STOP("strings"), STOP("piano"),
    STOP("guitar"), STOP("drums"), STOP("percussion"), STOP("brass"),
    STOP("choir"), STOP("synth"), STOP("chords"), STOP("notes"),
    STOP("beat"), STOP("rhythm"), STOP("tempo"), STOP("key"),
    STOP("sound"), STOP("sounds"), STOP("leaves"),
    /* verbs of where a thing runs, which its kind already says ("a jetty
     * reaching into the lake") */
    STOP("reaching"), STOP("reaches"), STOP("jutting"), STOP("juts"),
    STOP("extending"), STOP("extends"), STOP("leading"), STOP("leads"),
    /* adjectives of age and shape that the objects' own look carries */
    STOP("old"), STOP("tall"), STOP("lone"),
    STOP("single"), STOP("wooden"), STOP("narrow"),
    STOP("beautiful"), STOP("lovely"), STOP("wide"),
    STOP("open"), STOP("long"), STOP("high"), STOP("low"), STOP("new"),
    STOP("young"), STOP("first"),
    STOP("last"), STOP("next"), STOP("same"), STOP("whole"),
    /* what a colour word may qualify without a concept of its own:
     * "turquoise water", "a pink sky", "red earth" */
    SURFACE("water", OY_SURF_WATER), SURFACE("waters", OY_SURF_WATER),
    SURFACE("sky", OY_SURF_SKY), SURFACE("skies", OY_SURF_SKY),
    SURFACE("horizon", OY_SURF_SKY), SURFACE("heavens", OY_SURF_SKY),
    SURFACE("ground", OY_SURF_GROUND), SURFACE("earth", OY_SURF_GROUND),
    SURFACE("land", OY_SURF_GROUND), SURFACE("terrain", OY_SURF_GROUND),

    CLAUSE("and"), CLAUSE("but"), CLAUSE("then"), CLAUSE("and then"),
    CLAUSE("while"), CLAUSE("whilst"), CLAUSE("as"), CLAUSE("when"),
    CLAUSE("until"), CLAUSE("yet"), CLAUSE("meanwhile"),
    CLAUSE("after that"),

    INTENSITY("light", LIGHT), INTENSITY("slight", LIGHT),
    INTENSITY("slightly", LIGHT), INTENSITY_SIZE("a little", LIGHT, 0.6f),
    INTENSITY("a bit of", LIGHT), INTENSITY("a touch of", LIGHT),
    INTENSITY("a hint of", 0.25f), INTENSITY("gentle", LIGHT),
    INTENSITY("soft", LIGHT), INTENSITY("thin", LIGHT),
    INTENSITY("faint", 0.3f), INTENSITY("weak", LIGHT),
    INTENSITY("mild", 0.4f), INTENSITY("somewhat", 0.5f),
    INTENSITY("patchy", 0.5f), INTENSITY("moderate", MODERATE),
    INTENSITY("medium", MODERATE), INTENSITY("heavy", HEAVY),
    INTENSITY("thick", HEAVY), INTENSITY("dense", HEAVY),
    INTENSITY("strong", HEAVY), INTENSITY("deep", HEAVY),
    INTENSITY("intense", HEAVY), INTENSITY("fierce", HEAVY),
    INTENSITY("severe", HEAVY), INTENSITY("violent", HEAVY),
    INTENSITY("torrential", HEAVY), INTENSITY("extreme", HEAVY),
    INTENSITY("raging", HEAVY), INTENSITY("bitter", HEAVY),
    INTENSITY("bitterly", HEAVY),

    /* sizes: of the next object its scale; the big ones also the
     * intensity of another concept (waves, hills), as huge was heavy */
    SIZE("tiny", 0.5f), SIZE("small", 0.7f), SIZE("little", 0.7f),
    SIZE("smaller", 0.7f), SIZE("big", 1.3f), SIZE("large", 1.3f),
    SIZE("bigger", 1.3f), SIZE("larger", 1.3f), SIZE("huge", HEAVY),
    SIZE("massive", HEAVY), SIZE("giant", HEAVY), SIZE("gigantic", HEAVY),

    VERY("very"), VERY("extremely"), VERY("really"), VERY("incredibly"),
    VERY("so"), VERY("truly"), VERY("exceptionally"),

    COUNT("a", 1), COUNT("an", 1), COUNT("one", 1), COUNT("a single", 1),
    COUNT("a lone", 1), COUNT("two", 2), COUNT("three", 3), COUNT("four", 4),
    COUNT("five", 5), COUNT("six", 6), COUNT("seven", 7), COUNT("eight", 8),
    COUNT("nine", 9), COUNT("ten", 10), COUNT("eleven", 11),
    COUNT("twelve", 12), COUNT("both", 2), COUNT("a pair of", 2),
    COUNT("pair of", 2), COUNT("a couple of", 2), COUNT("couple of", 2),
    COUNT("a few", 3), COUNT("few", 3), COUNT("some", 3),
    COUNT("scattered", 4), COUNT("dotted with", 5), COUNT("full of", 12),
    COUNT("several", 4), COUNT("a handful of", 4), COUNT("a group of", 4),
    COUNT("group of", 4), COUNT("a family of", 4), COUNT("a row of", 5),
    COUNT("a line of", 5), COUNT("a cluster of", 5), COUNT("a pack of", 5),
    COUNT("a herd of", 6), COUNT("herd of", 6), COUNT("a caravan of", 5),
    COUNT("caravan of", 5), COUNT("many", 12),
    COUNT("lots of", 12), COUNT("a lot of", 12), COUNT("plenty of", 12),
    COUNT("numerous", 12), COUNT("a dozen", 12), COUNT("dozen", 12),
    COUNT("a crowd of", 12), COUNT("dozens of", 24),
    COUNT("hundreds of", 100),

    NEGATE("no"), NEGATE("not"), NEGATE("without"), NEGATE("no more"),
    NEGATE("never"), NEGATE("zero"), NEGATE("none"), NEGATE("isn't"),
    NEGATE("free of"), NEGATE("lack of"), NEGATE("absence of"),
    NEGATE("no longer"),

    ENDING("stop", NULL), ENDING("stops", NULL), ENDING("stopped", NULL),
    ENDING("ends", NULL), ENDING("ended", NULL), ENDING("lifts", NULL),
    ENDING("lifted", NULL), ENDING("clears", "clear"),
    ENDING("cleared", "clear"), ENDING("clears away", "clear"),
    ENDING("fades", NULL), ENDING("fades away", NULL),
    ENDING("fades out", NULL), ENDING("faded", NULL),
    ENDING("dies down", NULL), ENDING("dies away", NULL),
    ENDING("died down", NULL), ENDING("dies out", NULL),
    ENDING("eases", NULL), ENDING("eases off", NULL),
    ENDING("let up", NULL), ENDING("lets up", NULL), ENDING("passes", NULL),
    ENDING("passed", NULL), ENDING("subsides", NULL),
    ENDING("dissipates", NULL), ENDING("disappears", NULL),
    ENDING("disappear", NULL), ENDING("vanishes", NULL),
    ENDING("is gone", NULL), ENDING("goes away", NULL),
    ENDING("moves on", NULL), ENDING("blows over", NULL),
    ENDING("breaks up", NULL), ENDING("burns off", NULL),
    ENDING("melts", NULL), ENDING("melted", NULL), ENDING("recedes", NULL),
    ENDING("retreats", NULL), ENDING("is over", NULL),
    ENDING("goes out", NULL), ENDING("departs", NULL),
    ENDING("flies away", NULL), ENDING("fly away", NULL),
    ENDING("runs off", NULL), ENDING("run away", NULL),

    PLACE("on the left", OY_PLACE_LEFT), PLACE("to the left", OY_PLACE_LEFT),
    PLACE("on the left side", OY_PLACE_LEFT), PLACE("left", OY_PLACE_LEFT),
    PLACE("camera left", OY_PLACE_LEFT), PLACE("frame left", OY_PLACE_LEFT),
    PLACE("on the right", OY_PLACE_RIGHT), PLACE("to the right", OY_PLACE_RIGHT),
    PLACE("on the right side", OY_PLACE_RIGHT), PLACE("right", OY_PLACE_RIGHT),
    PLACE("camera right", OY_PLACE_RIGHT), PLACE("frame right", OY_PLACE_RIGHT),
    PLACE("ahead", OY_PLACE_AHEAD), PLACE("straight ahead", OY_PLACE_AHEAD),
    PLACE("up ahead", OY_PLACE_AHEAD), PLACE("in front", OY_PLACE_AHEAD),
    PLACE("in the foreground", OY_PLACE_AHEAD), PLACE("foreground", OY_PLACE_AHEAD),
    PLACE("nearby", OY_PLACE_AHEAD), PLACE("close by", OY_PLACE_AHEAD),
    PLACE("in the distance", OY_PLACE_DISTANCE), PLACE("far away", OY_PLACE_DISTANCE),
    PLACE("far off", OY_PLACE_DISTANCE), PLACE("far", OY_PLACE_DISTANCE),
    PLACE("afar", OY_PLACE_DISTANCE), PLACE("distant", OY_PLACE_DISTANCE),
    PLACE("in the background", OY_PLACE_DISTANCE),
    PLACE("on the horizon", OY_PLACE_DISTANCE),
    PLACE("near the water", OY_PLACE_NEAR_WATER),
    PLACE("by the water", OY_PLACE_NEAR_WATER),
    PLACE("on the shore", OY_PLACE_NEAR_WATER),
    PLACE("by the shore", OY_PLACE_NEAR_WATER),
    PLACE("along the shore", OY_PLACE_NEAR_WATER),
    PLACE("on the bank", OY_PLACE_NEAR_WATER),
    PLACE("on the banks", OY_PLACE_NEAR_WATER),
    PLACE("at the water edge", OY_PLACE_NEAR_WATER),
    PLACE("by the waterside", OY_PLACE_NEAR_WATER),
    PLACE("behind us", OY_PLACE_BEHIND),

    NEAR("near", OY_PLACE_NONE), NEAR("near to", OY_PLACE_NONE),
    NEAR("close to", OY_PLACE_NONE), NEAR("next to", OY_PLACE_NONE),
    NEAR("beside", OY_PLACE_NONE), NEAR("by", OY_PLACE_NONE),
    NEAR("by the side of", OY_PLACE_NONE), NEAR("along", OY_PLACE_NONE),
    NEAR("alongside", OY_PLACE_NONE), NEAR("around", OY_PLACE_NONE),
    NEAR("on", OY_PLACE_NONE), NEAR("under", OY_PLACE_NONE),
    NEAR("beneath", OY_PLACE_NONE), NEAR("in front of", OY_PLACE_AHEAD),
    NEAR("behind", OY_PLACE_BEHIND), NEAR("beyond", OY_PLACE_DISTANCE),

    PACE("slowly", 8.0f), PACE("gradually", 10.0f),
    PACE("little by little", 10.0f), PACE("bit by bit", 10.0f),
    PACE("over time", 10.0f), PACE("steadily", 6.0f), PACE("gently", 6.0f),
    PACE("softly", 6.0f), PACE("quickly", 2.0f), PACE("swiftly", 1.5f),
    PACE("rapidly", 1.5f), PACE("in no time", 1.0f),
    SUDDEN("suddenly", 0.5f), SUDDEN("abruptly", 0.5f),
    SUDDEN("all of a sudden", 0.5f), SUDDEN("immediately", 0.5f),
    SUDDEN("all at once", 0.5f), SUDDEN("at once", 0.5f),
    SUDDEN("instantly", 0.2f), SUDDEN("in an instant", 0.2f),
    SUDDEN("in a flash", 0.3f), SUDDEN("out of nowhere", 0.5f),
    SUDDEN("without warning", 0.5f),
};

const int oy_lang_nwords = (int)(sizeof oy_lang_words / sizeof oy_lang_words[0]);
