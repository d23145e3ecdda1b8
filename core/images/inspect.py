"""Check a source image before anything is written, and describe it for the HTML.

Run in the validate stage: every problem becomes one editor's message naming the file, never a
traceback. Only the header is read unless the image is new to the cache, in which case it is
decoded once (JPEG at 1/8 scale) so a damaged file is caught now, not half-way through a build.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError

from core.i18n import _
from core import contentfiles
from core.images import settings

# Pillow's own guard, so no code path can decode a bomb; ours reports it first, with a message.
Image.MAX_IMAGE_PIXELS = settings.MAX_PIXELS

# Pillow format name -> (name for editors, file name endings it may have)
FORMATS = {
    "JPEG": ("JPEG", (".jpg", ".jpeg")),
    "PNG": ("PNG", (".png",)),
    "WEBP": ("WebP", (".webp",)),
    "GIF": ("GIF", (".gif",)),
}
ACCEPTED = tuple(FORMATS)  # for Image.open(..., formats=ACCEPTED)
SUFFIXES = tuple(s for _, suffixes in FORMATS.values() for s in suffixes)
# Other formats editors export by mistake, told apart by their first bytes alone (Pillow is not
# asked: only the accepted formats' decoders may read content), for a message that says what to do.
_OTHER_FORMATS = (
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
    (b"8BPS", "PSD"),
)
_ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
_ORIENTATION = 0x0112


class ImageProblem(Exception):
    """A source image that cannot be published; the message is for the editor."""


@dataclass(frozen=True)
class SourceImage:
    """A checked source image: what the HTML needs without decoding it again."""

    rel: str  # path relative to the content dir
    digest: str  # SHA-256 of the file's bytes
    key: str  # cache key: the bytes and every setting that shapes the variants
    format: str  # Pillow's name (JPEG, PNG ...)
    width: int  # as displayed, after EXIF orientation
    height: int
    fallback: str  # "jpg" or "png": the format beside WebP for older browsers

    @property
    def name(self) -> str:
        """A URL-safe name for the variants: the file's stem and part of the cache key."""
        stem = re.sub(r"[^a-z0-9]+", "-", PurePosixPath(self.rel).stem.lower()).strip("-")
        return f"{stem or 'image'}-{self.key[:10]}"

    def sizes(self) -> list[tuple[int, int]]:
        """``(width, height)`` of every variant, smallest first; never wider than the source."""
        widths = sorted(
            {w for w in settings.WIDTHS if w < self.width} | {min(self.width, max(settings.WIDTHS))}
        )
        return [(w, max(1, round(self.height * w / self.width))) for w in widths]

    def files(self) -> list[str]:
        """The file names of every variant (WebP and fallback), as published under ``images/``."""
        return [
            f"{self.name}-{w}.{ext}" for w, _ in self.sizes() for ext in ("webp", self.fallback)
        ]


_memo: dict[tuple[str, int, int], SourceImage | ImageProblem] = {}


def inspect_image(path: Path, rel: str, decoded_before=lambda key: False) -> SourceImage:
    """Check the image at ``path`` and describe it; raise :class:`ImageProblem` if it is bad.

    ``decoded_before(key)`` says whether the cache already holds this image's variants, in
    which case it decoded fine once and is not decoded again.
    """
    problem = contentfiles.refusal(path.parents[len(PurePosixPath(rel).parts) - 1], rel)
    if problem:  # a link out of the content folder, a pipe, a device, too large: never opened
        raise ImageProblem(problem)
    stat = path.stat()
    memo_key = (str(path), stat.st_size, stat.st_mtime_ns)
    if memo_key not in _memo:
        try:
            _memo[memo_key] = _inspect(path, rel, decoded_before)
        except ImageProblem as refused:
            _memo[memo_key] = refused
    result = _memo[memo_key]
    if isinstance(result, ImageProblem):
        raise result
    return result


def _inspect(path: Path, rel: str, decoded_before) -> SourceImage:
    try:
        data = contentfiles.read_bytes(path, rel)
    except contentfiles.Refused as refused:
        raise ImageProblem(str(refused)) from None
    digest = hashlib.sha256(data).hexdigest()
    suffix = PurePosixPath(rel).suffix.lower()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only the accepted formats' decoders ever see the bytes (Pillow tries every
            # plugin it has otherwise: more parsers, more advisories).
            with Image.open(io.BytesIO(data), formats=ACCEPTED) as im:
                found = im.format
                name, endings = FORMATS.get(found or "", (str(found), ()))
                if found not in FORMATS:
                    raise ImageProblem(
                        _(
                            "the file is a {format} image, which is not "
                            "supported: save it as JPEG (photos) or PNG (graphics)",
                            format=name,
                        )
                    )
                if suffix not in endings:
                    raise ImageProblem(
                        _(
                            "the file is a {format} image but its name ends in "
                            "'{suffix}': rename it to '{name}'",
                            format=name,
                            suffix=suffix,
                            name=PurePosixPath(rel).stem + endings[0],
                        )
                    )
                width, height = im.size
                if width * height > settings.MAX_PIXELS:
                    raise _too_large()
                orientation = im.getexif().get(_ORIENTATION)
                has_alpha = im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info
                fallback = "png" if found in ("PNG", "GIF") or has_alpha else "jpg"
                key = hashlib.sha256(
                    f"{digest}\n{fallback}\n{settings.variant_fingerprint()}".encode()
                ).hexdigest()
                if not decoded_before(key):
                    if found == "JPEG":  # decoding at 1/8 scale still reads every byte
                        im.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    im.load()
    except ImageProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_large() from None
    except UnidentifiedImageError:
        other = next((name for magic, name in _OTHER_FORMATS if data.startswith(magic)), None)
        if other is None and data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
            other = "HEIC/AVIF"
        if other:
            raise ImageProblem(
                _(
                    "the file is a {format} image, which is not supported: save "
                    "it as JPEG (photos) or PNG (graphics)",
                    format=other,
                )
            ) from None
        raise ImageProblem(
            _(
                "cannot read this image: the file is damaged or not an image; "
                "expected a JPEG, PNG, WebP or GIF file"
            )
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ImageProblem(
            _(
                "the image is damaged: its data is incomplete or corrupt; export "
                "or download it again"
            )
        ) from None
    if orientation in _ROTATED:
        width, height = height, width
    return SourceImage(rel, digest, key, found, width, height, fallback)


def _too_large() -> ImageProblem:
    limit = settings.MAX_PIXELS // 1_000_000
    return ImageProblem(
        _(
            "the image is too large to decode safely: expected at most {limit} "
            "megapixels; save it smaller, for example 4000 pixels wide",
            limit=limit,
        )
    )
