"""Theme files no page uses are not published.

mkdocs-material copies its whole ``assets/`` tree into every language's site: its JavaScript
bundle, the search worker, lunr in twenty languages and source maps. Our theme loads none of
them (see theme/main.html), so they would only be dead weight on the server and in every
download of the site. A file under ``assets/javascripts/``, or any ``.map`` file under
``assets/``, that no page links to (``src``/``href``) is removed.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

_REFERENCE = re.compile(r"""\s(?:src|href)\s*=\s*["']([^"'#?]+)""")


def _prunable(rel: str) -> bool:
    parts = rel.split("/")
    if "assets" not in parts:
        return False
    below = "/".join(parts[parts.index("assets") + 1:])
    return below.startswith("javascripts/") or rel.endswith(".map")


def prune_theme_assets(site_dir: Path) -> list[str]:
    """Remove unreferenced theme scripts and source maps; returns what was removed (sorted)."""
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    candidates = [f for f in files if _prunable(f)]
    if not candidates:
        return []
    used: set[str] = set()
    for rel in files:
        if rel.endswith(".html"):
            folder = posixpath.dirname(rel)
            for url in _REFERENCE.findall((site_dir / rel).read_text(encoding="utf-8")):
                if ":" not in url.split("/")[0]:
                    used.add(posixpath.normpath(posixpath.join(folder, url)).lstrip("/"))
    removed = [f for f in candidates if f not in used]
    for rel in removed:
        (site_dir / rel).unlink()
    for folder in sorted({site_dir / posixpath.dirname(r) for r in removed}, key=lambda p: -len(p.parts)):
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed
