"""Favicon and touch icons, all made from one square source image (``theme/assets/icon.png``).

Replace that file to rebrand; every size is made from it (and cached by its bytes).
"""

from __future__ import annotations

import hashlib
import io
import shutil
import tempfile
from pathlib import Path

from PIL import Image

from core import caches, workers
from core.images import settings

# Published at the site root: browsers and phones look for some of these there by default.
ICONS = {
    "favicon-32.png": 32,
    "apple-touch-icon.png": 180,
    "icon-192.png": 192,
    "icon-512.png": 512,
}
FAVICON_ICO = "favicon.ico"


def icon_links(base: str) -> list[dict[str, str]]:
    """``<link>`` attributes for the icons, ``base`` being the page's relative URL of the root."""
    return [
        {"rel": "icon", "type": "image/png", "sizes": "32x32", "href": f"{base}favicon-32.png"},
        {"rel": "icon", "type": "image/png", "sizes": "192x192", "href": f"{base}icon-192.png"},
        {"rel": "apple-touch-icon", "sizes": "180x180", "href": f"{base}apple-touch-icon.png"},
    ]


def publish_icons(source: Path, site_dir: Path) -> None:
    """Write every icon into ``site_dir``, making them only when ``source`` changed."""
    key = hashlib.sha256(
        f"{caches.ICONS.tag}\n{settings.FINGERPRINT}\n".encode() + source.read_bytes()
    ).hexdigest()
    entry = settings.cache_dir() / "icons" / key
    if not entry.is_dir():
        workers.run("icons", _make_icons, [(str(source), str(entry))])
    for name in (*ICONS, FAVICON_ICO):
        settings.place(entry / name, site_dir / name)


def _make_icons(source: str, entry: str) -> int:
    with Image.open(source, formats=("PNG",)) as im:  # the theme's icon.png only
        square = _pixels(im)
    files = {}
    for name, size in ICONS.items():
        files[name] = _png(square.resize((size, size), Image.Resampling.LANCZOS))
    buffer = io.BytesIO()
    square.resize((48, 48), Image.Resampling.LANCZOS).save(
        buffer, "ICO", sizes=[(16, 16), (32, 32), (48, 48)]
    )
    files[FAVICON_ICO] = buffer.getvalue()
    target = Path(entry)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    for name, data in files.items():
        (scratch / name).write_bytes(data)
    try:
        scratch.rename(target)  # whole or not at all
    except OSError:  # another build made it meanwhile: same key, same bytes
        shutil.rmtree(scratch, ignore_errors=True)
    return len(files)


def _pixels(im: Image.Image) -> Image.Image:
    rgb = im.convert("RGB")  # opaque: iOS paints transparent corners black
    side = min(rgb.size)
    left, top = (rgb.width - side) // 2, (rgb.height - side) // 2
    clean = Image.new("RGB", (side, side))
    clean.paste(rgb.crop((left, top, left + side, top + side)))
    return clean


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
