"""The image pipeline's settings: variant widths, encoder quality, limits, cache location.

Every value that changes the bytes of a variant is part of :data:`FINGERPRINT`, which is part
of every cache key: change a setting and every image is made again, never served stale. A change
of the code that the settings do not show is a cache's version (core/caches.py).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import PIL

from core import caches

ROOT = Path(__file__).resolve().parents[2]

# Widths of the responsive variants in CSS pixels; a source is never scaled up, so a narrow
# source gets its own width as the largest variant.
WIDTHS = (480, 960, 1600)
# Lossy quality: a 1600-pixel photo stays well under 200 KB (see bench/images.py).
WEBP = {"quality": 72, "method": 4}
JPEG = {"quality": 75, "optimize": True, "progressive": True}
PNG = {"optimize": True}
# Pillow refuses anything larger outright; we refuse it with an editor's message first.
# 100 megapixels is well above any camera's default mode and far below what exhausts memory.
MAX_PIXELS = 100_000_000
# `sizes` when the caller gives none: the theme's content column (about 37rem beside the sidebars).
DEFAULT_SIZES = "(min-width: 60em) 37rem, 100vw"
# Where variants, share cards and icons published by earlier builds are kept.
CACHE_ENV = "SITE_IMAGE_CACHE"
_SETTINGS = {"widths": WIDTHS, "webp": WEBP, "jpeg": JPEG, "png": PNG, "pillow": PIL.__version__}
# The settings as one text, in the keys of share cards and icons.
FINGERPRINT = json.dumps(_SETTINGS, sort_keys=True)


def variant_fingerprint() -> str:
    """The settings and the variant cache's version (core/caches.py) as one text: part of a
    variant's key, which names the published file too (``name-<key>``), so a new version also
    gives browsers new files."""
    return json.dumps({**_SETTINGS, "version": caches.IMAGE_VARIANTS.version}, sort_keys=True)


def cache_dir() -> Path:
    """The image cache: ``$SITE_IMAGE_CACHE`` if set, else ``.cache/images/`` in the repository."""
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else ROOT / ".cache" / "images"


def place(entry_file: Path, destination: Path) -> None:
    """Publish a file of the cache at ``destination``: a hard link where the file system allows.

    Cache entries are written once (beside, then renamed) and published files are never
    written in place, so both names can share one file; linking costs nothing per byte.
    """
    destination.unlink(missing_ok=True)
    try:
        os.link(entry_file, destination)
    except OSError:  # another file system, or links not supported: copy
        shutil.copyfile(entry_file, destination)
