"""Draw the app's icons into diary/assets/ (run on purpose: `.venv/bin/python tools/make_icons.py`).

A page with lines and a tick on the app's seed colour (diary/ui/theme.py), made with Pillow (matplotlib's
own dependency) so no drawing program is needed. Written: icon.png (the source `flet build` turns into
every platform's icons), favicon.png, and the web app's icons/ (served in place of Flet's defaults).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ASSETS = Path(__file__).resolve().parent.parent / "diary" / "assets"
SEED, PAGE, INK = (0x2E, 0x6B, 0x5E), (0xFF, 0xFF, 0xFF), (0x2E, 0x6B, 0x5E)


def draw(size: int, *, maskable: bool = False) -> Image.Image:
    """The icon at `size` px; maskable icons keep their drawing inside the central 80% safe zone."""
    scale = 4  # draw large, then shrink: smooth edges without antialiasing support in ImageDraw
    s = size * scale
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, s, s), fill=SEED)
    else:
        pen.rounded_rectangle((0, 0, s - 1, s - 1), radius=s * 0.22, fill=SEED)
    inset = s * (0.27 if maskable else 0.2)
    left, top, right, bottom = inset, inset * 0.92, s - inset, s - inset * 0.92
    pen.rounded_rectangle((left, top, right, bottom), radius=s * 0.05, fill=PAGE)
    line = max(scale, int(s * 0.035))
    for i in range(3):
        y = top + (bottom - top) * (0.24 + 0.16 * i)
        pen.line((left + (right - left) * 0.16, y, right - (right - left) * (0.16 if i < 2 else 0.45), y),
                 fill=INK, width=line)
    w, h = right - left, bottom - top
    tick = [(left + w * 0.55, top + h * 0.74), (left + w * 0.66, top + h * 0.84), (left + w * 0.86, top + h * 0.6)]
    pen.line(tick, fill=INK, width=int(line * 1.4), joint="curve")
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    (ASSETS / "icons").mkdir(parents=True, exist_ok=True)
    draw(512).save(ASSETS / "icon.png")
    draw(64).save(ASSETS / "favicon.png")
    for size in (192, 512):
        draw(size).save(ASSETS / "icons" / f"icon-{size}.png")
        draw(size, maskable=True).save(ASSETS / "icons" / f"icon-maskable-{size}.png")
    draw(192, maskable=True).save(ASSETS / "icons" / "apple-touch-icon-192.png")
    print(f"wrote the icons to {ASSETS}")


if __name__ == "__main__":
    main()
