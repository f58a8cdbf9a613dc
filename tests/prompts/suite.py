#!/usr/bin/env python3
"""suite.py - the prompt suite: render every prompt of tests/prompts/prompts.txt
with one plain camera and check the stills against what the prompt's words ask.

  tests/prompts/suite.py [--oyster BIN] [--size WxH] [--draft] [--jobs N]
                         [--dir DIR] [--known FILE] [--only N,N..]
                         [--results FILE.json] [--list-checks]

tests/cli/test_prompts.sh runs it at 320x180 final (a draft renders half
the pixels each way and scales them up, too soft for the checks at that
size); scripts/prompt-sheet at 480x270 final.

Every prompt becomes a shot (prompt.yaml in DIR): seed 1, 2 s, the prompt as
world.prompt, and one camera key {at: 0s, pos: [0, 2, 0], yaw: 0, pitch: -2}:
a person's eye height at the set's origin looking +z, where the world lays
out what a prompt names. `oyster still --at 1s` renders it. The checks are
inferred from the prompt's words (CHECKS below), so a new line in prompts.txt
gets checks without editing this file.

Output: one line per check, "PASS prompts: ..." / "FAIL prompts: ..." (counted
by tests/run), "XFAIL ..." for failures listed in known-failures.txt and
"XPASS ..." for listed failures that now pass (info: prune the list). Exit 1
when any FAIL. Only python3's standard library and ffmpeg (PNG decoding).
"""
import argparse, json, os, re, subprocess, sys, tempfile, shutil
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..'))
NAME = 'prompts'

# ---------------------------------------------------------------- prompts

def read_prompts(path):
    """[(number, text)]: numbered 1.. over the non-comment, non-empty lines."""
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            s = line.strip()
            if s and not s.startswith('#'):
                out.append((len(out) + 1, s))
    return out


def shot_yaml(prompt, size, extra_world=''):
    # a JSON string is a valid YAML double-quoted scalar
    q = json.dumps(prompt, ensure_ascii=False)
    return ('oyster: 1\nseed: 1\n'
            'output: {size: %s, duration: 2s}\n'
            'world: {prompt: %s%s}\n'
            'camera:\n  path:\n'
            '    - {at: 0s, pos: [0, 2, 0], yaw: 0, pitch: -2}\n') % (size, q, extra_world)


def render(oyster, yaml_text, base, draft=False):
    """Write BASE.yaml, render BASE.png; return (ok, stderr text)."""
    with open(base + '.yaml', 'w', encoding='utf-8') as f:
        f.write(yaml_text)
    p = subprocess.run([oyster, 'still', base + '.yaml', '--at', '1s', '-o', base + '.png',
                        '-f', '-j', '1'] + (['--draft'] if draft else []),
                       capture_output=True, text=True)
    return p.returncode == 0, p.stderr


# ---------------------------------------------------------------- pixels

class Image:
    """An rgb24 picture decoded by ffmpeg: w, h, and rows of (r, g, b) tuples."""
    def __init__(self, path):
        probe = subprocess.run(['ffmpeg', '-v', 'error', '-i', path, '-f', 'rawvideo',
                                '-pix_fmt', 'rgb24', '-'], capture_output=True, check=True)
        data = probe.stdout
        m = re.search(rb'IHDR(....)(....)', open(path, 'rb').read(32))
        self.w = int.from_bytes(m.group(1), 'big')
        self.h = int.from_bytes(m.group(2), 'big')
        assert len(data) == self.w * self.h * 3
        self.data = data

    def px(self, x, y):
        i = (y * self.w + x) * 3
        d = self.data
        return d[i], d[i + 1], d[i + 2]

    def region(self, y0, y1, x0=0, x1=None):
        """Pixels (r, g, b) of rows [y0, y1) (fractions of h) and columns [x0, x1)."""
        x1 = self.w if x1 is None else x1
        ya, yb = int(y0 * self.h), int(y1 * self.h)
        d, w = self.data, self.w
        for y in range(ya, yb):
            row = y * w * 3
            for x in range(x0, x1):
                i = row + x * 3
                yield d[i], d[i + 1], d[i + 2]


def luma(r, g, b):
    return 0.2126 * r + 0.7152 * g + 0.0722 * b     # Rec.709


def stats(values):
    n = len(values)
    if n == 0:
        return 0.0, 0.0
    m = sum(values) / n
    v = sum((x - m) ** 2 for x in values) / n
    return m, v ** 0.5


def mean_rgb(pixels):
    n = s0 = s1 = s2 = 0
    for r, g, b in pixels:
        s0 += r; s1 += g; s2 += b; n += 1
    return (s0 / n, s1 / n, s2 / n) if n else (0, 0, 0)


def hue_sat(r, g, b):
    """Hue in degrees 0..360 and saturation (max-min)/max, HSV style."""
    mx, mn = max(r, g, b), min(r, g, b)
    if mx == 0 or mx == mn:
        return 0.0, 0.0
    c = mx - mn
    if mx == r:
        h = ((g - b) / c) % 6
    elif mx == g:
        h = (b - r) / c + 2
    else:
        h = (r - g) / c + 4
    return h * 60.0, c / mx


# The plain camera: 35 mm on super35 (24.89 mm wide), pitch -2 degrees.
# A ray's elevation at row y (centre column) is atan((cy - y) / f) - 2 deg;
# the horizon of a flat world is at elevation 0.
import math
LENS, SENSOR_W, PITCH = 35.0, 24.89, -2.0


def cam_rows(img):
    f = img.w * LENS / SENSOR_W
    cy = img.h / 2.0
    def elev(y):
        return math.degrees(math.atan((cy - (y + 0.5)) / f)) + PITCH
    def row(e):
        return int(cy - f * math.tan(math.radians(e - PITCH)))
    return elev, row


class Measure:
    """Everything the checks need from one still, computed once."""
    def __init__(self, path):
        img = self.img = Image(path)
        w, h = img.w, img.h
        self.w, self.h = w, h
        d = img.data
        L = [0.0] * (w * h)
        for i in range(w * h):
            L[i] = 0.2126 * d[3 * i] + 0.7152 * d[3 * i + 1] + 0.0722 * d[3 * i + 2]
        self.L = L
        elev, row = cam_rows(img)
        self.horizon = row(0.0)
        self.mean, _ = stats(L)
        self.dark = sum(1 for v in L if v < 8) / len(L)
        lo = L[(h // 2) * w:]
        self.low_mean, self.low_std = stats(lo)
        self.up_mean, _ = stats(L[:(h // 2) * w])
        self.water = water_share(self)

    def band(self, y0, y1):
        """Mean rgb, mean luma, luma std of rows [y0, y1) given as fractions of h."""
        img = self.img
        ya, yb = int(y0 * self.h), max(int(y1 * self.h), int(y0 * self.h) + 1)
        Ls = self.L[ya * self.w:yb * self.w]
        m, s = stats(Ls)
        return mean_rgb(img.region(y0, y1)), m, s

    def share(self, y0, y1, pred):
        """Share of the pixels of rows [y0, y1) (fractions) for which pred(r, g, b, luma)."""
        ya, yb = int(y0 * self.h), int(y1 * self.h)
        d, w, L = self.img.data, self.w, self.L
        n = k = 0
        for y in range(ya, yb):
            for x in range(w):
                i = y * w + x
                n += 1
                if pred(d[3 * i], d[3 * i + 1], d[3 * i + 2], L[i]):
                    k += 1
        return k / n if n else 0.0


def water_share(m, blocks=8, e0=0.6):
    """Share of the ground below the horizon that shows water, by its physical
    signature: water mirrors what stands above the horizon. The band below
    the horizon (from elevation -e0 down to where the mirror row leaves the
    frame) is cut into tiles (8 across, ~h/22 rows tall); a tile is water when
      - it mirrors structure: its luma, each row's mean removed, correlates
        (r >= 0.5) with the tile at the mirrored elevation above the
        horizon, where that has structure (std >= 3) that changes from row
        to row (not only upright things, trunks and posts, that stand
        across the horizon): reflected hills, shores, canyon walls; or
      - it reflects a plain sky: its mean chromaticity is within 0.03 of the
        mirrored tile's, it is not brighter than it (a reflection never is;
        Fresnel dims it), and it has the ripple texture of open water (luma
        std >= 12); haze, snow and fog match the sky's colour but are smooth.
    Ground that merely fades into a hazy sky fails both. Tested both ways:
    'water' on prompts that name water, 'no-water' on dry-land prompts."""
    w, h, L, d = m.w, m.h, m.L, m.img.data
    elev, row = cam_rows(m.img)
    pairs = []
    for y in range(row(0.0), h):
        e = -elev(y)
        if e < e0:
            continue
        ym = row(e)
        if ym < 0:
            break
        pairs.append((y, ym))
    ch = max(4, h // 22)
    tiles = water = 0
    for c0 in range(0, len(pairs), ch):
        grp = pairs[c0:c0 + ch]
        for b in range(blocks):
            x0, x1 = b * w // blocks, (b + 1) * w // blocks
            A, B, ra_all, rb_all = [], [], [], []
            ca, cb = [0, 0, 0], [0, 0, 0]
            for yb, ya in grp:
                ra, rb = L[ya * w + x0:ya * w + x1], L[yb * w + x0:yb * w + x1]
                ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
                A += [v - ma for v in ra]
                B += [v - mb for v in rb]
                ra_all += ra
                rb_all += rb
                for x in range(x0, x1):
                    i, j = 3 * (ya * w + x), 3 * (yb * w + x)
                    ca[0] += d[i]; ca[1] += d[i + 1]; ca[2] += d[i + 2]
                    cb[0] += d[j]; cb[1] += d[j + 1]; cb[2] += d[j + 2]
            n = len(A)
            tiles += 1
            sa = math.sqrt(sum(v * v for v in A) / n)
            sb = math.sqrt(sum(v * v for v in B) / n)
            # a mirror shows structure that changes from row to row (a
            # ridge, a shore); trunks and posts that stand across the
            # horizon are the same in every row above and below it
            wd = x1 - x0
            cm = [sum(A[r * wd + x] for r in range(len(grp))) / len(grp) for x in range(wd)]
            sv = math.sqrt(sum((A[i] - cm[i % wd]) ** 2 for i in range(n)) / n)
            if (sa >= 3 and sv >= 0.2 * sa and
                    sum(p * q for p, q in zip(A, B)) / n / (sa * sb + 1e-9) >= 0.5):
                water += 1
                continue
            la, lb = sum(ra_all) / n, sum(rb_all) / n
            sB = math.sqrt(sum((v - lb) ** 2 for v in rb_all) / n)
            ta, tb = sum(ca) + 1e-6, sum(cb) + 1e-6
            dc = math.hypot(ca[0] / ta - cb[0] / tb, ca[1] / ta - cb[1] / tb)
            if dc < 0.03 and 0.15 * la <= lb <= 1.1 * la + 4 and sB >= 12:
                water += 1
    return water / tiles if tiles else 0.0


# ---------------------------------------------------------------- checks
#
# Each check: name, a trigger (a regex over the lower-cased prompt, or a
# function of it), and a test of a Measure returning (ok, detail). A prompt
# gets every check whose trigger matches; 'render' and 'luma' are for all.

def words(p):
    return p.lower()

DARKNESS = r"\b(pitch[- ]black|pitch[- ]dark|moonless|total darkness|in the dark)\b"
WATER = (r"\b(lakes?|seas?|ocean|rivers?|ponds?|pool|bay|fjord|waves|coast|harbou?r|"
         r"streams?|brook|creek|waterfalls?|delta|cove|water|beach|lagoon|tide|loch|"
         r"estuary|rapids|shore|swamps?|marsh(es)?|bogs?|bayous?|oas[ie]s|padd(y|ies))\b")
FROZEN_WATER = r"\bfrozen (lakes?|rivers?|ponds?|sea|bay|fjord|streams?|water|waterfalls?)\b"
DRY = r"\b(desert|dunes?|steppe|savann?ah?|salt flat|prairie|wasteland|mesa|buttes?)\b"
SAND = r"\b(desert|dunes?)\b|(?<!black )\bsand\b(?! beach)"
RED_ROCK = r"\b(red|crimson)\b.*\b(canyon|rocks?|sandstone|mesa|cliffs?|buttes?|desert|arch)\b"
FOG = r"\b(fog|foggy|mist|misty|haze|hazy)\b"
CLOUD_SEA = r"\b(seas? of (clouds?|fog|mist)|above the clouds|cloud inversion|clouds below)\b"
SNOW_GROUND = (r"\b(snowy (field|meadow|plain|forest|valley|village)|snowfield|deep snow|"
               r"snow[- ]covered|in winter|winter (morning|day|evening|night)|glacier|frozen tundra)\b")
FOREST = r"\b(forest|woods|wood|grove|jungle|rainforest|taiga)\b"
RAINBOW = r"\brainbows?\b"
NIGHT = r"\b(night|midnight|starry|moonlit|northern lights|under the stars)\b"

# colour words: (regex, pixel predicate on (hue, sat, luma)), share >= 3 %
COLOURS = {
    'red': (r"\b(red|crimson)\b", lambda h, s, l: (h <= 20 or h >= 340) and s >= 0.35 and l >= 20),
    'orange': (r"\b(orange|ochre)\b", lambda h, s, l: 15 <= h <= 45 and s >= 0.35 and l >= 30),
    'golden': (r"\bgolden\b(?! hour)", lambda h, s, l: 35 <= h <= 65 and s >= 0.3 and l >= 60),
    'green': (r"\b(green|emerald)\b", lambda h, s, l: 70 <= h <= 170 and s >= 0.2 and l >= 20),
    'turquoise': (r"\bturquoise\b", lambda h, s, l: 160 <= h <= 200 and s >= 0.2 and l >= 40),
    'blue': (r"\bblue\b(?! hour)", lambda h, s, l: 195 <= h <= 250 and s >= 0.2),
    'pink': (r"\bpink\b", lambda h, s, l: (h >= 290 or h <= 20) and 0.12 <= s <= 0.6 and l >= 110),
    'purple': (r"\bpurple\b", lambda h, s, l: 250 <= h <= 320 and s >= 0.12),
    'white': (r"\bwhite\b", lambda h, s, l: s < 0.15 and l >= 170),
    'grey': (r"\b(grey|gray)\b", lambda h, s, l: s < 0.15 and 50 <= l <= 210),
    'black': (r"\bblack\b", lambda h, s, l: l < 35),
}


def has(rx, p):
    return re.search(rx, p) is not None


def check_luma(m):
    bad = []
    if not 25 <= m.mean <= 215:
        bad.append('mean %.1f outside 25..215' % m.mean)
    if m.dark > 0.30:
        bad.append('%.0f%% of pixels below 8' % (100 * m.dark))
    if m.low_mean < 25:
        bad.append('lower half mean %.1f < 25' % m.low_mean)
    if m.low_std < 6:
        bad.append('lower half std %.1f < 6' % m.low_std)
    det = 'mean %.1f, <8 %.0f%%, lower half %.1f/std %.1f' % (m.mean, 100 * m.dark, m.low_mean, m.low_std)
    return not bad, '; '.join(bad) if bad else det


def check_water(m):
    return m.water >= 0.10, 'water %.0f%% of the ground band (>= 10%%)' % (100 * m.water)


def check_no_water(m):
    return m.water < 0.10, 'water %.0f%% of the ground band (< 10%%)' % (100 * m.water)


def check_sand(m):
    (r, g, b), l, _ = m.band(0.5, 1.0)
    hue, sat = hue_sat(r, g, b)
    ok = r > g > b and r - b >= 25 and 15 <= hue <= 55
    return ok, 'lower half rgb (%d, %d, %d), hue %.0f (sand: R>G>B, R-B>=25, hue 15..55)' % (r, g, b, hue)


def check_red_rock(m):
    s = m.share(0.25, 1.0, lambda r, g, b, l: r - max(g, b) >= 20 and
                (lambda hs: (hs[0] <= 30 or hs[0] >= 345) and hs[1] >= 0.3)(hue_sat(r, g, b)))
    return s >= 0.15, 'reddish rock %.0f%% of the frame below the top quarter (>= 15%%)' % (100 * s)


def check_fog(m):
    _, l, s = m.band(0.2, 0.5)
    _, ln, sn = m.band(0.7, 1.0)
    return s <= 30, 'horizon band luma std %.1f (<= 30: washed out; near ground %.1f)' % (s, sn)


def check_snow(m):
    (r, g, b), l, _ = m.band(0.5, 1.0)
    _, sat = hue_sat(r, g, b)
    ok = sat < 0.3 and l >= 0.75 * m.up_mean and l >= 60
    return ok, 'lower half luma %.0f (sky half %.0f), saturation %.2f (snow: >= 0.75 x, >= 60, sat < 0.3)' % (
        l, m.up_mean, sat)


def check_clouds(m):
    """A sea of cloud below the view: pale, little coloured pixels, near the
    sky's brightness, over a third of the band under the horizon."""
    _, skyl, _ = m.band(0.0, 0.3)
    s = m.share(0.4, 0.75, lambda r, g, b, l: l >= 0.7 * skyl and hue_sat(r, g, b)[1] < 0.35)
    return s >= 0.35, 'pale cloud %.0f%% of the band under the horizon (>= 35%%)' % (100 * s)


def check_rainbow(m):
    """A rainbow's colours side by side in the upper half: saturated red,
    yellow, green and blue-violet pixels, each at least 0.2 % of it (a blue
    sky over green hills has two of them)."""
    hues = ((-30, 25), (40, 70), (90, 160), (200, 290))
    got = [m.share(0.0, 0.5, lambda r, g, b, l, a=a, z=z: (lambda hs: hs[1] >= 0.12 and l >= 40 and
                                                            (a <= hs[0] <= z or a <= hs[0] - 360 <= z))
                                                           (hue_sat(r, g, b))) for a, z in hues]
    return min(got) >= 0.002, 'red, yellow, green, blue %s %% of the upper half (each >= 0.2 %%)' % (
        ', '.join('%.1f' % (100 * g) for g in got))


def edges(m, y0, y1):
    """Mean absolute luma step across (gx) and down (gy) rows [y0, y1)."""
    w, L = m.w, m.L
    gx = gy = 0.0
    n = 0
    for y in range(int(y0 * m.h), int(y1 * m.h) - 1):
        for i in range(y * w, y * w + w - 1):
            gx += abs(L[i + 1] - L[i])
            gy += abs(L[i + w] - L[i])
            n += 1
    return gx / max(n, 1), gy / max(n, 1)


def check_forest(m):
    """Dark foliage by day; in fog or at night, when foliage is grey or
    blue, trunks: a band whose luma changes more across than down (open
    land and hills change down, toward the horizon)."""
    _, skyl, _ = m.band(0.0, 0.15)
    s = m.share(0.3, 0.6, lambda r, g, b, l: l < 0.6 * skyl and g >= b and l < 110)
    sand = m.share(0.3, 0.6, lambda r, g, b, l: r > g > b and r - b >= 30 and l >= 90)
    gx, gy = edges(m, 0.3, 0.6)
    upright = gx >= 0.5 and gx >= 0.7 * gy
    ok = (s >= 0.15 or upright) and sand < 0.3
    return ok, ('dark foliage %.0f%% of the middle band (>= 15%%) or upright edges %.2f across / %.2f down '
                '(>= 0.5 and >= 0.7x), sand-coloured %.0f%% (< 30%%)') % (100 * s, gx, gy, 100 * sand)


def colour_check(name):
    pred = COLOURS[name][1]
    def test(m):
        s = m.share(0.0, 1.0, lambda r, g, b, l: pred(*hue_sat(r, g, b), l))
        return s >= 0.03, '%s pixels %.1f%% of the frame (>= 3%%)' % (name, 100 * s)
    return test


def checks_for(prompt):
    """[(check name, test)] the prompt's words ask for ('night' is special:
    it needs a day render and is handled by the runner)."""
    p = words(prompt)
    out = []
    if not has(DARKNESS, p):
        out.append(('luma', check_luma))
    if has(CLOUD_SEA, p):
        out.append(('clouds', check_clouds))
    if has(RAINBOW, p):
        out.append(('rainbow', check_rainbow))
    if has(WATER, re.sub(CLOUD_SEA, '', re.sub(FROZEN_WATER, '', p))):
        out.append(('water', check_water))
    elif has(DRY, p):
        out.append(('no-water', check_no_water))
    if has(SAND, p) and not has(r"\bred\b", p):
        out.append(('sand', check_sand))
    if has(RED_ROCK, p):
        out.append(('red-rock', check_red_rock))
    if has(FOG, p):
        out.append(('fog', check_fog))
    if has(SNOW_GROUND, p):
        out.append(('snow', check_snow))
    if has(FOREST, p):
        out.append(('forest', check_forest))
    for name, (rx, _) in COLOURS.items():
        if has(rx, p) and not (name == 'red' and has(RED_ROCK, p)):
            out.append(('colour-' + name, colour_check(name)))
    return out


def is_night(prompt):
    return has(NIGHT, words(prompt))


# ---------------------------------------------------------------- vocabulary

STOP = set('''a an the and or of in on at by with from into over under above below
between through along around after before during to for as its his her their our
is are was were be been it this that these those full some very up out off
there here where which who than then so too just while'''.split())


def content_words(prompt):
    return [t for t in re.findall(r"[a-z]+(?:['-][a-z]+)*", prompt.lower()) if t not in STOP]


def unknown_words(stderr):
    return re.findall(r"warning: '([^']+)' is not in the vocabulary", stderr)


# ---------------------------------------------------------------- runner

def work(job):
    """Render one shot and measure it (runs in a worker process)."""
    oyster, text, base, extra = job
    ok, err = render(oyster, shot_yaml(text, job_size, extra), base, job_draft)
    if not ok:
        return ok, err, None
    return ok, err, Measure(base + '.png').__dict__.copy()


job_size, job_draft = '320x180', False


class Measured:
    """A Measure rebuilt from its numbers in the parent process."""
    def __init__(self, dct):
        self.__dict__.update(dct)
    band = Measure.band
    share = Measure.share


def read_known(path):
    known = {}
    if os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            s = line.split('#', 1)[0].split()
            if len(s) >= 2:
                known[(int(s[0]), s[1])] = line.split('#', 1)[1].strip() if '#' in line else ''
    return known


def main():
    global job_size
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--oyster', default=os.environ.get('OYSTER', os.path.join(TOP, 'oyster')))
    ap.add_argument('--prompts', default=os.path.join(HERE, 'prompts.txt'))
    ap.add_argument('--known', default=os.path.join(HERE, 'known-failures.txt'))
    ap.add_argument('--size', default='320x180')
    ap.add_argument('--draft', action='store_true', help='render --draft (the test does: half the time)')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--dir', help='keep the shots and stills here (default: a temporary folder)')
    ap.add_argument('--only', help='comma-separated prompt numbers')
    ap.add_argument('--list-checks', action='store_true', help='print the checks each prompt gets, render nothing')
    ap.add_argument('--results', help='write the results as JSON (for scripts/prompt-sheet)')
    a = ap.parse_args()
    job_size = a.size
    prompts = read_prompts(a.prompts)
    if a.only:
        want = {int(x) for x in a.only.split(',')}
        prompts = [p for p in prompts if p[0] in want]
    if a.list_checks:
        for n, t in prompts:
            names = [c for c, _ in checks_for(t)] + (['night'] if is_night(t) else [])
            print('%2d %-40s %s' % (n, ' '.join(names), t))
        return 0
    tmp = a.dir or tempfile.mkdtemp(prefix='oyster-prompts.')
    os.makedirs(tmp, exist_ok=True)
    jobs = []
    for n, t in prompts:
        jobs.append((a.oyster, t, os.path.join(tmp, '%02d' % n), ''))
        if is_night(t):
            jobs.append((a.oyster, t, os.path.join(tmp, '%02d-noon' % n), ', time: "12:00"'))
    import multiprocessing
    with multiprocessing.Pool(a.jobs, initializer=_init_size, initargs=(a.size, a.draft)) as pool:
        res = dict(zip([j[2] for j in jobs], pool.map(work, jobs, chunksize=1)))
    known = read_known(a.known)
    failed = 0
    results = []
    n_words = n_unknown = 0
    unknown_all = []

    def report(n, check, ok, detail, text):
        nonlocal failed
        key = (n, check)
        if ok and key in known:
            print('XPASS %s: %d %s: %s [listed in known-failures: prune it]' % (NAME, n, check, detail))
        elif ok:
            print('PASS %s: %d %s: %s' % (NAME, n, check, detail))
        elif key in known:
            print('XFAIL %s: %d %s: %s (%s)' % (NAME, n, check, detail, known[key]))
        else:
            print('FAIL %s: %d %s: %s  [%s]' % (NAME, n, check, detail, text))
            failed += 1
        results.append({'n': n, 'check': check, 'ok': ok, 'known': key in known, 'detail': detail})

    for n, t in prompts:
        base = os.path.join(tmp, '%02d' % n)
        ok, err, md = res[base]
        n_words += len(content_words(t))
        cw = set(content_words(t))
        unk = [u for u in unknown_words(err) if u in cw]
        n_unknown += len(unk)
        unknown_all += unk
        report(n, 'render', ok, 'still rendered' if ok else err.strip()[-200:], t)
        if not ok:
            continue
        m = Measured(md)
        for name, test in checks_for(t):
            good, detail = test(m)
            report(n, name, good, detail, t)
        if is_night(t):
            okd, errd, mdd = res[base + '-noon']
            if okd:
                day = Measured(mdd).mean
                good = m.mean <= 0.75 * day
                report(n, 'night', good, 'mean luma %.1f vs %.1f at noon (<= 75%%)' % (m.mean, day), t)
            else:
                report(n, 'night', False, 'the noon render failed', t)
    rate = n_unknown / max(n_words, 1)
    detail = '%d of %d content words unknown (%.1f%%, at most 2%%)%s' % (
        n_unknown, n_words, 100 * rate, ': ' + ', '.join(sorted(set(unknown_all))) if unknown_all else '')
    report(0, 'vocabulary', rate <= 0.02, detail, 'the whole suite')
    if a.results:
        with open(a.results, 'w') as f:
            json.dump({'dir': tmp, 'size': a.size, 'prompts': prompts, 'results': results}, f, indent=1)
    if not a.dir:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


def _init_size(size, draft):
    global job_size, job_draft
    job_size, job_draft = size, draft


if __name__ == '__main__':
    sys.exit(main())
