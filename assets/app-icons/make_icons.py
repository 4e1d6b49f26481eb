"""Draws the app's icons (run once by hand; the PNGs beside this file are committed):
`.venv/bin/python assets/app-icons/make_icons.py`. A white diary page with a trend line on the app's
seed colour; the maskable versions keep the page inside the central safe zone (80 %)."""

from pathlib import Path

from PIL import Image, ImageDraw

SEED = (0x2E, 0x6B, 0x5E)  # diary.ui.theme.SEED
HERE = Path(__file__).resolve().parent


def draw(size: int, *, maskable: bool) -> Image.Image:
    scale = 4  # draw large, then shrink: smooth edges without anti-aliasing support in ImageDraw
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, big, big), fill=SEED)
    else:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.22, fill=SEED)
    page = 0.56 if maskable else 0.64  # the page's side, as a share of the icon
    left, top = big * (1 - page * 0.82) / 2, big * (1 - page) / 2
    right, bottom = big - left, big - top
    pen.rounded_rectangle((left, top, right, bottom), radius=big * 0.05, fill="white")
    width = right - left
    line = max(2, int(big * 0.028))
    for row in (0.16, 0.29):
        y = top + (bottom - top) * row
        pen.line((left + width * 0.16, y, right - width * (0.16 if row < 0.2 else 0.38), y), fill=(0xB8, 0xCC, 0xC6), width=line)
    points = [(0.14, 0.80), (0.32, 0.62), (0.48, 0.72), (0.66, 0.48), (0.86, 0.55)]
    trend = [(left + width * x, top + (bottom - top) * y) for x, y in points]
    pen.line(trend, fill=SEED, width=int(line * 1.6), joint="curve")
    for x, y in trend:
        r = line * 1.5
        pen.ellipse((x - r, y - r, x + r, y + r), fill=SEED)
    return image.resize((size, size), Image.LANCZOS)


if __name__ == "__main__":
    for size in (192, 512):
        draw(size, maskable=False).save(HERE / f"icon-{size}.png", optimize=True)
        draw(size, maskable=True).save(HERE / f"icon-maskable-{size}.png", optimize=True)
    draw(180, maskable=True).convert("RGB").save(HERE / "apple-touch-icon.png", optimize=True)
    draw(32, maskable=False).save(HERE / "favicon.png", optimize=True)
