"""Make the variants of one source image: oriented, resized, re-encoded, without metadata.

Runs in worker processes (see :mod:`core.workers`), so it takes and returns plain values.
Privacy: a new image is built from the pixels alone, so nothing of the camera file (EXIF with
GPS, XMP, comments, maker notes, ICC) can travel along into a published file.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from core.images import settings
from core.images.inspect import ACCEPTED, SourceImage


def encode_variants(path: str, source: SourceImage) -> dict[str, bytes]:
    """Every variant of ``source`` (read from ``path``): cache file name (``WIDTH.EXT``) -> bytes.

    Cache names leave out the source's name: the cache is keyed on the bytes, and two files
    with the same bytes under different names share one entry.
    """
    out: dict[str, bytes] = {}
    sizes = source.sizes()
    with Image.open(path, formats=ACCEPTED) as im:
        if im.format == "JPEG":  # decode at the smallest scale that is still large enough
            largest = sizes[-1]
            rotated = im.getexif().get(0x0112) in (5, 6, 7, 8)
            im.draft("RGB", largest[::-1] if rotated else largest)
        im.seek(0)  # an animation publishes its first frame
        image = _pixels(im)
    current = image
    for width, height in reversed(sizes):  # each smaller one from the previous: faster, as sharp
        if current.size != (width, height):
            current = current.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        stem = str(width)
        out[f"{stem}.webp"] = _save(current, "WEBP", settings.WEBP)
        if source.fallback == "png":
            out[f"{stem}.png"] = _save(current, "PNG", settings.PNG)
        else:
            out[f"{stem}.jpg"] = _save(current.convert("RGB"), "JPEG", settings.JPEG)
    return out


def _pixels(im: Image.Image) -> Image.Image:
    """The displayed pixels in sRGB, as a new image that carries no metadata at all."""
    icc = im.info.get("icc_profile")
    im = ImageOps.exif_transpose(im)
    mode = "RGBA" if im.mode in ("RGBA", "LA", "PA", "P") and _has_alpha(im) else "RGB"
    if icc and im.mode in ("RGB", "RGBA", "CMYK"):
        try:  # colours as the camera meant them, then the profile itself is dropped
            converted = ImageCms.profileToProfile(
                im,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode=mode,
            )
            assert converted is not None, "a new image: only inPlace=True returns None"
            im = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unusable profile: the pixels as they are
    im = im.convert(mode)
    clean = Image.new(mode, im.size)
    clean.paste(im)
    return clean


def _has_alpha(im: Image.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info


def _save(image: Image.Image, fmt: str, options: dict) -> bytes:
    buffer = io.BytesIO()
    image.info = {}
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def encode_to_cache(path: str, source: SourceImage, entry: str) -> int:
    """Encode ``source`` into the cache entry directory ``entry``; returns the files encoded.

    The entry appears complete or not at all (written beside it, then renamed), so a build that
    is stopped half-way leaves no half entry for the next one to trust.
    """
    files = encode_variants(path, source)
    target = Path(entry)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    for name, data in files.items():
        (scratch / name).write_bytes(data)
    try:
        scratch.rename(target)
    except OSError:  # another build made it meanwhile: same key, same bytes
        shutil.rmtree(scratch, ignore_errors=True)
    return len(files)
