#!/usr/bin/env python3
"""Draws the demo catalogue's pictures as SVG, from server/demo/catalogue.toml.

Every picture of the demo house is made here, nothing is downloaded. Each
piece gets a front view and a detail view; each collection a cover. The
drawing depends on the category, the metal and the stone, with small
variations taken from the slug so that no two pieces look alike.

Run it after editing the catalogue:  python3 scripts/draw-pictures.py
"""
import hashlib
import math
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "public" / "images"

METALS = {  # light, mid, dark
    "yellow-gold": ("#f6e39a", "#d4a935", "#8a6a16"),
    "rose-gold": ("#f7d1c0", "#d99a80", "#8f5440"),
    "white-gold": ("#f4f6f8", "#c9ced6", "#7d8591"),
    "platinum": ("#f1f3f5", "#bfc5cc", "#6f7780"),
    "silver": ("#f5f5f5", "#c4c4c4", "#7a7a7a"),
}
STONES = {  # light, mid, dark
    "diamond": ("#ffffff", "#dcecf7", "#9fb8cc"),
    "sapphire": ("#8fb3ff", "#2f57c9", "#14266b"),
    "emerald": ("#9ff0c0", "#1f9a5a", "#0b4d2a"),
    "ruby": ("#ff9fae", "#c81d3a", "#6b0717"),
    "pearl": ("#fffdf6", "#efe6d6", "#c9bba3"),
}
BACKGROUNDS = ["#f4efe8", "#efe9e1", "#f2ede6", "#ece6de", "#f5f0ea"]


def variation(slug, n, salt=""):
    return int(hashlib.sha256((slug + salt).encode()).hexdigest(), 16) % n


METAL_MID = "#c9a33a"


def gradients(metal, stone):
    global METAL_MID
    METAL_MID = METALS[metal][1]
    m = METALS[metal]
    defs = [
        f'<linearGradient id="metal" x1="0" y1="0" x2="1" y2="1">'
        f'<stop offset="0" stop-color="{m[0]}"/><stop offset=".5" stop-color="{m[1]}"/>'
        f'<stop offset="1" stop-color="{m[2]}"/></linearGradient>'
    ]
    if stone:
        s = STONES[stone]
        defs.append(
            f'<radialGradient id="stone" cx=".35" cy=".3" r=".8">'
            f'<stop offset="0" stop-color="{s[0]}"/><stop offset=".55" stop-color="{s[1]}"/>'
            f'<stop offset="1" stop-color="{s[2]}"/></radialGradient>'
        )
    defs.append(
        '<radialGradient id="shadow" cx=".5" cy=".5" r=".5">'
        '<stop offset="0" stop-color="#000" stop-opacity=".18"/>'
        '<stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>'
    )
    return "<defs>" + "".join(defs) + "</defs>"


def gem(cx, cy, r, stone):
    if stone is None:
        return ""
    if stone == "pearl":
        return (f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="url(#stone)" stroke="#b9a98c" stroke-width="1"/>'
                f'<circle cx="{cx - r * .35:.1f}" cy="{cy - r * .35:.1f}" r="{r * .22:.1f}" fill="#fff" opacity=".8"/>')
    pts = " ".join(
        f"{cx + r * math.cos(math.pi / 4 * i + math.pi / 8):.1f},{cy + r * math.sin(math.pi / 4 * i + math.pi / 8):.1f}"
        for i in range(8))
    inner = " ".join(
        f"{cx + r * .55 * math.cos(math.pi / 4 * i + math.pi / 8):.1f},{cy + r * .55 * math.sin(math.pi / 4 * i + math.pi / 8):.1f}"
        for i in range(8))
    facets = "".join(
        f'<line x1="{cx + r * .55 * math.cos(math.pi / 4 * i + math.pi / 8):.1f}" y1="{cy + r * .55 * math.sin(math.pi / 4 * i + math.pi / 8):.1f}" '
        f'x2="{cx + r * math.cos(math.pi / 4 * i + math.pi / 8):.1f}" y2="{cy + r * math.sin(math.pi / 4 * i + math.pi / 8):.1f}"/>'
        for i in range(8))
    return (f'<polygon points="{pts}" fill="url(#stone)" stroke="#ffffff" stroke-opacity=".7" stroke-width="1.5"/>'
            f'<polygon points="{inner}" fill="none" stroke="#ffffff" stroke-opacity=".6"/>'
            f'<g stroke="#ffffff" stroke-opacity=".45">{facets}</g>'
            f'<circle cx="{cx - r * .3:.1f}" cy="{cy - r * .3:.1f}" r="{r * .12:.1f}" fill="#fff" opacity=".9"/>')


def ring(slug, stone):
    w = 8 + variation(slug, 10)
    g = gem(240, 150, 34 + variation(slug, 14, "g"), stone)
    claws = "" if stone is None else (
        '<path d="M214 170 L222 128 M266 170 L258 128" stroke="url(#metal)" stroke-width="7" stroke-linecap="round"/>')
    return (f'<ellipse cx="240" cy="400" rx="150" ry="18" fill="url(#shadow)"/>'
            f'<ellipse cx="240" cy="280" rx="120" ry="110" fill="none" stroke="url(#metal)" stroke-width="{w + 14}"/>'
            f'<ellipse cx="240" cy="280" rx="120" ry="110" fill="none" stroke="#ffffff" stroke-opacity=".35" stroke-width="3"/>'
            f'{claws}{g}')


def bracelet(slug, stone):
    beads = ""
    if stone:
        n = 5 + variation(slug, 5)
        for i in range(n):
            a = math.pi * (0.15 + 0.7 * i / max(n - 1, 1))
            beads += gem(240 + 170 * math.cos(a), 250 + 95 * math.sin(a), 16, stone)
    links = "".join(
        f'<ellipse cx="{240 + 170 * math.cos(a):.1f}" cy="{250 + 95 * math.sin(a):.1f}" rx="14" ry="9" '
        f'fill="none" stroke="url(#metal)" stroke-width="5" transform="rotate({math.degrees(a) + 90:.0f} {240 + 170 * math.cos(a):.1f} {250 + 95 * math.sin(a):.1f})"/>'
        for a in [math.pi * (1 + i / 18) for i in range(19)]) if variation(slug, 2) else (
        '<ellipse cx="240" cy="250" rx="170" ry="95" fill="none" stroke="url(#metal)" stroke-width="26"/>'
        '<ellipse cx="240" cy="250" rx="170" ry="95" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="4"/>')
    return (f'<ellipse cx="240" cy="390" rx="190" ry="20" fill="url(#shadow)"/>'
            f'<ellipse cx="240" cy="250" rx="170" ry="95" fill="none" stroke="url(#metal)" stroke-width="8"/>'
            f'{links}{beads}')


def necklace(slug, stone):
    drop = 330 + variation(slug, 40)
    chain = f'<path d="M70 70 Q240 {drop + 60} 410 70" fill="none" stroke="url(#metal)" stroke-width="5"/>'
    # The lowest point of the chain's curve, where the pendant hangs.
    bottom = (70 + drop + 60) / 2
    pend_y = bottom + 44
    chain += f'<circle cx="240" cy="{bottom + 6:.0f}" r="7" fill="none" stroke="{METAL_MID}" stroke-width="3"/>'
    shape = variation(slug, 3)
    if shape == 0:
        pendant = f'<circle cx="240" cy="{pend_y}" r="34" fill="url(#metal)"/>' + gem(240, pend_y, 14, stone)
    elif shape == 1:
        pendant = (f'<polygon points="240,{pend_y - 40} 252,{pend_y - 8} 285,{pend_y - 8} 258,{pend_y + 10} '
                   f'268,{pend_y + 42} 240,{pend_y + 22} 212,{pend_y + 42} 222,{pend_y + 10} 195,{pend_y - 8} 228,{pend_y - 8}" '
                   f'fill="url(#metal)"/>' + gem(240, pend_y + 2, 11, stone))
    else:
        pendant = gem(240, pend_y + 10, 28, stone) if stone else (
            f'<rect x="200" y="{pend_y - 8}" width="80" height="16" rx="6" fill="url(#metal)"/>')
    return f'<ellipse cx="240" cy="440" rx="160" ry="14" fill="url(#shadow)"/>{chain}{pendant}'


def earrings(slug, stone):
    out = '<ellipse cx="240" cy="420" rx="170" ry="16" fill="url(#shadow)"/>'
    style = variation(slug, 3)
    for cx in (160, 320):
        if style == 0:  # hoops
            out += f'<circle cx="{cx}" cy="240" r="70" fill="none" stroke="url(#metal)" stroke-width="14"/>'
            out += gem(cx, 310, 14, stone) if stone else ""
        elif style == 1:  # drops
            out += f'<circle cx="{cx}" cy="150" r="14" fill="url(#metal)"/>'
            # A gradient cannot paint a zero-width line: use the metal's own colour.
            out += f'<line x1="{cx}" y1="164" x2="{cx}" y2="250" stroke="{METAL_MID}" stroke-width="5"/>'
            out += gem(cx, 285, 34, stone) if stone else f'<circle cx="{cx}" cy="285" r="30" fill="url(#metal)"/>'
        else:  # studs
            out += f'<circle cx="{cx}" cy="240" r="46" fill="url(#metal)"/>'
            out += gem(cx, 240, 30, stone) if stone else f'<circle cx="{cx}" cy="240" r="30" fill="none" stroke="#fff" stroke-opacity=".5" stroke-width="3"/>'
    return out


def detail(slug, stone):
    body = gem(240, 240, 120, stone) if stone else (
        '<circle cx="240" cy="240" r="150" fill="none" stroke="url(#metal)" stroke-width="60"/>'
        '<circle cx="240" cy="240" r="150" fill="none" stroke="#fff" stroke-opacity=".4" stroke-width="6"/>')
    return body


DRAW = {"rings": ring, "bracelets": bracelet, "necklaces": necklace, "earrings": earrings}


def svg(title, bg, defs, body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 480" width="480" height="480" role="img">'
            f'<title>{title}</title>{defs}<rect width="480" height="480" fill="{bg}"/>{body}</svg>\n')


def main():
    catalogue = tomllib.loads((ROOT / "server" / "demo" / "catalogue.toml").read_text())
    (OUT / "products").mkdir(parents=True, exist_ok=True)
    (OUT / "collections").mkdir(parents=True, exist_ok=True)
    by_collection = {}
    for p in catalogue["products"]:
        metal = next((m for m in p["materials"] if m in METALS), "yellow-gold")
        stone = next((m for m in p["materials"] if m in STONES), None)
        bg = BACKGROUNDS[variation(p["slug"], len(BACKGROUNDS), "bg")]
        defs = gradients(metal, stone)
        name = p["name"]["en"].replace("&", "&amp;")
        (OUT / "products" / f'{p["slug"]}.svg').write_text(
            svg(name, bg, defs, DRAW[p["category"]](p["slug"], stone)))
        (OUT / "products" / f'{p["slug"]}-detail.svg').write_text(
            svg(f"{name}, detail", bg, defs, detail(p["slug"], stone)))
        by_collection.setdefault(p["collection"], (metal, stone, p))
    for c in catalogue["collections"]:
        metal, stone, p = by_collection[c["slug"]]
        defs = gradients(metal, stone)
        body = DRAW[p["category"]](p["slug"], stone)
        label = (f'<text x="240" y="455" text-anchor="middle" font-family="Georgia, serif" font-size="30" '
                 f'fill="#3b3127">{c["name"]["en"]}</text>')
        (OUT / "collections" / f'{c["slug"]}.svg').write_text(svg(c["name"]["en"], "#e9e1d6", defs, body + label))
    print(f'drew {2 * len(catalogue["products"])} product pictures and {len(catalogue["collections"])} covers')


if __name__ == "__main__":
    main()
