"""Draws the demo stories' abstract hero images (no people, no places): run once, commit output.

    python -m longread.heroes content/images/longread

Soft colour fields and lines, seeded per name, so running it again gives the same pictures.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900
PALETTES = {
    "ochtendlicht": ("#f3e3c8", "#e7a86a", "#b85c38", "#5b3a29"),
    "kruispunt": ("#dfe8ec", "#7fa7b8", "#2f5d73", "#16323f"),
    "draden": ("#ece6f2", "#a991c4", "#5e4b8b", "#2b2140"),
    "wachtkamer": ("#e6efe4", "#9cc29a", "#4f7d5c", "#233d2c"),
    "dossier": ("#efe9df", "#c9b48f", "#7d6a4f", "#3a3126"),
    "stroming": ("#e3eef0", "#8cc3c7", "#2f7f86", "#0b3f44"),
}


def draw(name: str, palette: tuple[str, ...]) -> Image.Image:
    """One abstract picture: overlapping blurred discs and a few calm lines."""
    rng = random.Random(name)
    image = Image.new("RGB", (WIDTH, HEIGHT), palette[0])
    shapes = Image.new("RGB", (WIDTH, HEIGHT), palette[0])
    pen = ImageDraw.Draw(shapes)
    for _ in range(9):
        r = rng.randint(160, 420)
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        pen.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(palette[1:3]))
    image = Image.blend(image, shapes.filter(ImageFilter.GaussianBlur(90)), 0.85)
    lines = ImageDraw.Draw(image)
    for index in range(5):
        y = rng.randint(HEIGHT // 5, HEIGHT - HEIGHT // 5)
        points = [(x, y + rng.randint(-40, 40)) for x in range(-100, WIDTH + 200, 200)]
        lines.line(points, fill=palette[3], width=3 + index % 3, joint="curve")
    return image


def main(folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, palette in PALETTES.items():
        draw(name, palette).save(
            target / f"{name}.jpg", "JPEG", quality=72, optimize=True, progressive=True
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "content/images/longread")
