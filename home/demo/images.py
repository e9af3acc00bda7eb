"""Abstract illustrations drawn locally with Pillow: nothing is downloaded.

Each image is a seeded composition, so the same title always gives the same picture.
Titles are the loader's key for finding an image again; descriptions are alt text.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

HERO_SIZE = (1600, 900)
SHARE_SIZE = (1200, 630)

PALETTES = {
    "teal": ["#0f3b39", "#1f5f5b", "#3f8f88", "#f2b544", "#f6efe2"],
    "dusk": ["#1b1f3b", "#3a3f7a", "#7d6bc0", "#f28f6b", "#fbe3d6"],
    "moss": ["#1e3320", "#3e6b3a", "#8fb36b", "#e9d77a", "#f4f1e6"],
    "brick": ["#3a1d1a", "#8c3b2e", "#d9734e", "#f2c14e", "#f7ecdf"],
    "harbour": ["#0d2a3f", "#1d5c7a", "#4fa3b8", "#f0d08a", "#eef5f6"],
    "plum": ["#2d1630", "#6b2f5f", "#b05c8a", "#f3b562", "#f7e9ef"],
}


def _rgb(hex_colour, alpha=255):
    hex_colour = hex_colour.lstrip("#")
    return (*(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)), alpha)


def _gradient(size, top, bottom):
    """A vertical gradient between two colours."""
    width, height = size
    column = Image.new("RGB", (1, height))
    (r1, g1, b1, _), (r2, g2, b2, _) = _rgb(top), _rgb(bottom)
    for y in range(height):
        t = y / max(1, height - 1)
        column.putpixel(
            (0, y),
            (round(r1 + (r2 - r1) * t), round(g1 + (g2 - g1) * t), round(b1 + (b2 - b1) * t)),
        )
    return column.resize(size).convert("RGBA")


def _layer(size):
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    return layer, ImageDraw.Draw(layer)


def _circles(size, palette, rnd):
    """Overlapping translucent circles: people gathering."""
    base = _gradient(size, palette[0], palette[1])
    width, height = size
    for _ in range(3):
        layer, draw = _layer(size)
        for _ in range(9):
            r = rnd.randint(height // 10, height // 3)
            x, y = rnd.randint(0, width), rnd.randint(0, height)
            colour = _rgb(rnd.choice(palette[2:]), rnd.randint(70, 150))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        base = Image.alpha_composite(base, layer)
    return base


def _bars(size, palette, rnd):
    """Rising bars: steps along the participation spectrum."""
    base = _gradient(size, palette[4], palette[3])
    layer, draw = _layer(size)
    width, height = size
    count = rnd.randint(5, 7)
    gap = width // (count * 4)
    bar = (width - gap * (count + 1)) // count
    for i in range(count):
        top = height - int(height * (0.25 + 0.65 * (i + 1) / count))
        x = gap + i * (bar + gap)
        colour = _rgb(palette[i % 3], 235)
        draw.rounded_rectangle((x, top, x + bar, height + 40), radius=bar // 6, fill=colour)
    return Image.alpha_composite(base, layer)


def _network(size, palette, rnd):
    """Nodes joined by lines: a partnership of many organisations."""
    base = _gradient(size, palette[1], palette[0])
    layer, draw = _layer(size)
    width, height = size
    nodes = [(rnd.randint(60, width - 60), rnd.randint(60, height - 60)) for _ in range(26)]
    for i, (x1, y1) in enumerate(nodes):
        nearest = sorted(nodes, key=lambda n: math.dist(n, (x1, y1)))[1:4]
        for x2, y2 in nearest:
            draw.line((x1, y1, x2, y2), fill=_rgb(palette[4], 90), width=4)
        r = rnd.randint(14, 38)
        colour = _rgb(palette[3] if i % 4 == 0 else palette[2], 230)
        draw.ellipse((x1 - r, y1 - r, x1 + r, y1 + r), fill=colour)
    return Image.alpha_composite(base, layer)


def _ripples(size, palette, rnd):
    """Concentric rings spreading out: an idea travelling from one place to another."""
    base = _gradient(size, palette[0], palette[1])
    layer, draw = _layer(size)
    width, height = size
    for cx, cy in [(rnd.randint(200, width // 2), rnd.randint(200, height - 200)), (width, 0)]:
        for i in range(14):
            r = 40 + i * 70
            colour = _rgb(palette[2 + i % 3], max(30, 200 - i * 12))
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=10)
    return Image.alpha_composite(base, layer)


def _mosaic(size, palette, rnd):
    """A patchwork of blocks, like a map of a neighbourhood seen from above."""
    base = Image.new("RGBA", size, _rgb(palette[4]))
    layer, draw = _layer(size)
    width, height = size
    cell = 100
    for x in range(0, width, cell):
        for y in range(0, height, cell):
            if rnd.random() < 0.15:
                continue
            span = cell * rnd.choice([1, 1, 1, 2])
            colour = _rgb(rnd.choice(palette[:4]), rnd.randint(150, 255))
            draw.rounded_rectangle(
                (x + 6, y + 6, x + span - 6, y + cell - 6), radius=14, fill=colour
            )
    return Image.alpha_composite(base, layer)


def _waves(size, palette, rnd):
    """Layered waves: investment rising and falling over the years."""
    base = _gradient(size, palette[4], palette[2])
    width, height = size
    for band in range(5):
        layer, draw = _layer(size)
        amplitude = rnd.randint(40, 110)
        phase = rnd.random() * math.tau
        period = rnd.randint(160, 260)
        level = height * (0.35 + band * 0.13)
        points = [
            (x, level + amplitude * math.sin(phase + x / period)) for x in range(0, width + 20, 20)
        ]
        draw.polygon([*points, (width, height), (0, height)], fill=_rgb(palette[band % 4], 200))
        base = Image.alpha_composite(base, layer)
    return base


STYLES = {
    "circles": _circles,
    "bars": _bars,
    "network": _network,
    "ripples": _ripples,
    "mosaic": _mosaic,
    "waves": _waves,
}


def render_jpeg(style, palette, seed, size=HERO_SIZE, scale=1):
    """The composition as JPEG bytes, drawn at `size` and saved at `scale` times it."""
    rnd = random.Random(seed)
    picture = STYLES[style](size, PALETTES[palette], rnd)
    picture = picture.convert("RGB").filter(ImageFilter.SMOOTH)
    if scale != 1:
        picture = picture.resize(tuple(max(1, round(side * scale)) for side in size))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


# key -> (title, description/alt text, style, palette, seed, size)
IMAGES = {
    "levelling-up": (
        "Rising bars in teal and amber",
        "Abstract illustration: rounded bars rising from left to right in teal and "
        "amber on a pale background.",
        "bars",
        "teal",
        1,
        HERO_SIZE,
    ),
    "coalitions": (
        "Connected circles on deep blue",
        "Abstract illustration: circles of different sizes joined by thin lines, like a "
        "network, on a deep blue background.",
        "network",
        "harbour",
        2,
        HERO_SIZE,
    ),
    "prevention": (
        "Soft overlapping circles in green",
        "Abstract illustration: soft, overlapping circles in greens and yellow on a dark "
        "green background.",
        "circles",
        "moss",
        3,
        HERO_SIZE,
    ),
    "moving-fast": (
        "Ripples spreading in plum and gold",
        "Abstract illustration: concentric rings spreading outwards in pink and gold on a "
        "dark plum background.",
        "ripples",
        "plum",
        4,
        HERO_SIZE,
    ),
    "partnerships": (
        "Network of nodes in brick red",
        "Abstract illustration: a web of linked dots in orange and yellow on a dark red "
        "background.",
        "network",
        "brick",
        5,
        HERO_SIZE,
    ),
    "scale": (
        "Ripples crossing in dusk colours",
        "Abstract illustration: two sets of concentric rings meeting, in violet and coral "
        "on a dark indigo background.",
        "ripples",
        "dusk",
        6,
        HERO_SIZE,
    ),
    "best-practice": (
        "Overlapping circles in teal and amber",
        "Abstract illustration: translucent circles overlapping in teal and amber on a "
        "dark teal background.",
        "circles",
        "teal",
        7,
        HERO_SIZE,
    ),
    "methods": (
        "Patchwork of blocks in harbour blues",
        "Abstract illustration: a patchwork of rounded blocks in blues and sand, like a "
        "map seen from above.",
        "mosaic",
        "harbour",
        8,
        HERO_SIZE,
    ),
    "culture": (
        "Layered waves in green and gold",
        "Abstract illustration: layered, gently curving waves in greens and gold.",
        "waves",
        "moss",
        9,
        HERO_SIZE,
    ),
    "investing": (
        "Layered waves in brick and gold",
        "Abstract illustration: layered waves in deep red, orange and gold rising and "
        "falling across the picture.",
        "waves",
        "brick",
        10,
        HERO_SIZE,
    ),
    "share": (
        "Engaging Communities share card",
        "Abstract illustration: rising teal and amber bars, the Engaging Communities motif.",
        "bars",
        "teal",
        11,
        SHARE_SIZE,
    ),
}
