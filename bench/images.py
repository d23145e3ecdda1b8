"""Image pipeline budgets: variant weight of a camera photo, cold and warm processing times.

    .venv/bin/python -m bench.images [--photos 200] [--size 3000x2000]

1. A 6000×4000 synthetic camera JPEG (gradients, shapes, sensor noise, saved at quality 92 like a
   camera) must give a largest variant under 200 KB (WebP and JPEG fallback).
2. Cold (empty cache) and warm (same cache, fresh process state) processing times for the demo
   images in content/images/ and for N synthetic photos: checking every file (the validate
   stage) plus publishing its variants (the finish stage), as a build does.

Numbers are printed, never asserted in a test (timings depend on the machine); the weight budget
makes the script exit 1 when broken. Everything is written under bench/out/ (gitignored).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out" / "images"
BUDGET = 200 * 1024


def camera_photo(width: int, height: int, seed: int, grain: float = 0.06) -> Image.Image:
    """A synthetic photo with what makes real ones heavy: edges, textured ground, sensor noise.

    The sky stays smooth and the lower half gets foliage-like texture, as in an outdoor photo;
    ``grain`` is the share of per-pixel sensor noise (0.06 is a clean daylight photo).
    """
    rng = random.Random(seed)
    sky = Image.linear_gradient("L").resize((width, height))
    base = Image.merge(
        "RGB",
        (
            sky.point(lambda v: 40 + v // 2),
            sky.point(lambda v: 70 + v // 3),
            sky.point(lambda v: 140 - v // 3),
        ),
    )
    draw = ImageDraw.Draw(base)
    for _ in range(60):  # buildings, trees, objects: hard edges at every scale
        x, y = rng.randrange(width), rng.randrange(height // 3, height)
        w, h = rng.randrange(width // 40, width // 6), rng.randrange(height // 30, height // 3)
        colour = tuple(rng.randrange(30, 220) for _ in range(3))
        (draw.rectangle if rng.random() < 0.6 else draw.ellipse)((x, y, x + w, y + h), fill=colour)
    base = base.filter(ImageFilter.GaussianBlur(1.2))  # a lens is never perfectly sharp
    texture = (
        Image.effect_noise((width // 6, height // 6), 64)
        .resize((width, height), Image.Resampling.BICUBIC)
        .convert("RGB")
    )
    ground = sky.point(lambda v: 0 if v < 128 else min(255, (v - 128) * 2) * 30 // 100)
    base = Image.composite(texture, base, ground)
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    return Image.blend(base, noise, grain)


def corpus_photo(bases: list[Image.Image], index: int) -> Image.Image:
    """Photo ``index`` of the corpus: a base photo with its own shapes, so every file differs."""
    rng = random.Random(index)
    image = bases[index % len(bases)].copy()
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        size = rng.randrange(image.width // 30, image.width // 8)
        draw.ellipse((x, y, x + size, y + size), fill=tuple(rng.randrange(256) for _ in range(3)))
    return image


def save_photo(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=92)


def budget(name: str = "camera", grain: float = 0.06, enforce: bool = True) -> bool:
    """The weight of the largest variant of a 6000×4000 camera JPEG."""
    from core.images.encode import encode_variants
    from core.images.inspect import inspect_image

    path = OUT / "camera" / f"{name}-6000x4000.jpg"
    if not path.exists():
        save_photo(camera_photo(6000, 4000, 1, grain), path)
    source = inspect_image(path, f"images/{path.name}")
    start = time.perf_counter()
    files = encode_variants(str(path), source)
    seconds = time.perf_counter() - start
    width = source.sizes()[-1][0]
    ok = True
    print(f"{name} JPEG 6000×4000, {path.stat().st_size / 1e6:.1f} MB, encoded in {seconds:.2f} s:")
    for name in sorted(files, key=lambda n: (int(n.rsplit("-", 1)[1].split(".")[0]), n)):
        size = len(files[name])
        largest = name.rsplit("-", 1)[1].startswith(f"{width}.")
        verdict = (
            ""
            if not largest or not enforce
            else "  within budget"
            if size < BUDGET
            else f"  OVER BUDGET ({BUDGET // 1024} KB)"
        )
        ok &= not enforce or not largest or size < BUDGET
        print(f"  {name.rsplit('-', 1)[1]:>10}  {size / 1024:7.1f} KB{verdict}")
    return ok


def process(content: Path, rels: list[str]) -> float:
    """Seconds to check and publish ``rels`` as a fresh build process would."""
    from core.images import inspect
    from core.images.registry import ImageSet

    inspect._memo.clear()  # a new build starts with no memory of the last one
    site_dir = OUT / "site"
    shutil.rmtree(site_dir, ignore_errors=True)
    start = time.perf_counter()
    images = ImageSet(content)
    problems = [message for rel in rels if (message := images.check(rel))]
    if problems:
        raise SystemExit("\n".join(problems))
    for rel in rels:
        images.use(rel)
    images.publish(site_dir)
    return time.perf_counter() - start


def cold_and_warm(label: str, content: Path, rels: list[str]) -> None:
    from core import workers

    cache = OUT / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    os.environ["SITE_IMAGE_CACHE"] = str(cache)
    before = workers.COUNTS["variants"]
    cold = process(content, rels)
    encoded = workers.COUNTS["variants"] - before
    warm = process(content, rels)
    again = workers.COUNTS["variants"] - before - encoded
    weight = sum((content / r).stat().st_size for r in rels) / 1e6
    print(
        f"{label}: {len(rels)} images, {weight:.1f} MB: cold {cold:.2f} s ({encoded} files "
        f"encoded on {os.cpu_count()} cores), warm {warm:.2f} s ({again} encoded)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=200, help="synthetic photos (default 200)")
    parser.add_argument("--size", default="3000x2000", help="their size (default 3000x2000)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    ok = budget()
    budget("grainy", grain=0.2, enforce=False)  # high-ISO noise everywhere: for information
    content = ROOT / "content"
    demo = sorted(
        p.relative_to(content).as_posix() for p in (content / "images").glob("*") if p.is_file()
    )
    cold_and_warm("demo images", content, demo)
    corpus = OUT / f"corpus-{args.photos}-{args.size}"
    rels = [f"images/photo-{i:03d}.jpg" for i in range(args.photos)]
    if not all((corpus / rel).exists() for rel in rels):
        started = time.perf_counter()
        bases = [camera_photo(width, height, 100 + seed) for seed in range(8)]
        for i, rel in enumerate(rels):
            save_photo(corpus_photo(bases, i), corpus / rel)
        print(
            f"(made {args.photos} synthetic {args.size} photos in "
            f"{time.perf_counter() - started:.0f} s)"
        )
    cold_and_warm(f"synthetic photos {args.size}", corpus, rels)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
