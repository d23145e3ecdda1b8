"""Draws the exhibition's demo photo (no people, no places): run once, commit the output.

    python -m exhibition.photos content/images

A stylised gallery wall: framed rectangles of soft colour fields on a wall above a floor, with
the light falling from one side. No people, no places: the demo content shows none. Seeded by name, so running it again gives the same picture.
The real site puts a photo of the exhibition here; this one stands in for it.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900
WALL, FLOOR, FRAME = "#ece7df", "#b9ab98", "#2b2622"
# The colours inside the frames: the Open je Ogen palette of warm and cool fields.
FIELDS = ("#b85c38", "#e7a86a", "#2f5d73", "#7fa7b8", "#5e4b8b", "#4f7d5c", "#c9b48f")
# name -> the number of frames on the wall: the landing's photo, one stop's, and the landing's
# gallery (other walls of the same imagined exhibition).
PHOTOS = {
    "open-je-ogen": 5,
    "open-je-ogen-zaal": 3,
    "open-je-ogen-galerij-1": 2,
    "open-je-ogen-galerij-2": 4,
    "open-je-ogen-galerij-3": 1,
}


def _field(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    """The 'photo' inside one frame: two blurred colour fields and a horizon."""
    width, height = size
    top, bottom = rng.sample(FIELDS, 2)
    picture = Image.new("RGB", size, top)
    pen = ImageDraw.Draw(picture)
    horizon = rng.randint(height // 3, 2 * height // 3)
    pen.rectangle((0, horizon, width, height), fill=bottom)
    for _ in range(3):
        r = rng.randint(width // 8, width // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        pen.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(FIELDS))
    return picture.filter(ImageFilter.GaussianBlur(max(width, height) // 14))


def draw(name: str, frames: int) -> Image.Image:
    """A wall with ``frames`` framed pictures in a row, of varying sizes, hung on one line."""
    rng = random.Random(name)
    image = Image.new("RGB", (WIDTH, HEIGHT), WALL)
    pen = ImageDraw.Draw(image)
    floor = int(HEIGHT * 0.8)
    pen.rectangle((0, floor, WIDTH, HEIGHT), fill=FLOOR)
    pen.line((0, floor, WIDTH, floor), fill="#8f8170", width=4)
    # Light from the right: a soft gradient over wall and floor.
    shade = Image.linear_gradient("L").rotate(90).resize((WIDTH, HEIGHT))
    image = Image.composite(
        image,
        Image.new("RGB", (WIDTH, HEIGHT), "#9c948a"),
        shade.point(lambda v: 150 + v * 105 // 255),
    )
    widths = [rng.randint(170, 300) for _ in range(frames)]
    gap = (WIDTH - sum(widths)) // (frames + 1)
    x, centre = gap, int(HEIGHT * 0.42)
    for width in widths:
        height = int(width * rng.choice((0.75, 1.0, 1.3)))
        box = (x, centre - height // 2, x + width, centre + height // 2)
        shadow = Image.new("L", (WIDTH, HEIGHT), 0)
        ImageDraw.Draw(shadow).rectangle(
            (box[0] + 14, box[1] + 18, box[2] + 14, box[3] + 18), fill=110
        )
        image.paste("#5a534c", (0, 0), shadow.filter(ImageFilter.GaussianBlur(12)))
        frame = ImageDraw.Draw(image)
        frame.rectangle(box, fill=FRAME)
        mat = (box[0] + 10, box[1] + 10, box[2] - 10, box[3] - 10)
        frame.rectangle(mat, fill="#f7f4ee")
        inner = (mat[0] + 16, mat[1] + 16, mat[2] - 16, mat[3] - 16)
        image.paste(_field(rng, (inner[2] - inner[0], inner[3] - inner[1])), inner[:2])
        x += width + gap
    return image


def main(folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, frames in PHOTOS.items():
        draw(name, frames).save(
            target / f"{name}.jpg", "JPEG", quality=78, optimize=True, progressive=True
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "content/images")
