"""Theme files no page uses are not published.

mkdocs-material copies its whole ``assets/`` tree into every language's site: its JavaScript
bundle, the search worker, lunr in twenty languages and source maps. Our theme loads none of
them (see theme/main.html), so they would only be dead weight on the server and in every
download of the site. A file under ``assets/javascripts/``, or any ``.map`` file under
``assets/``, that no page links to or loads is removed.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from core.files import tree_files


# Every link that can reach a prunable file has one of these in its URL.
PRUNABLE_MENTIONS = ("javascripts/", ".map")


def _prunable(rel: str) -> bool:
    parts = rel.split("/")
    if "assets" not in parts:
        return False
    below = "/".join(parts[parts.index("assets") + 1 :])
    return below.startswith("javascripts/") or rel.endswith(".map")


def prune_theme_assets(site_dir: Path, referenced: set[str]) -> list[str]:
    """Remove theme scripts and source maps not in ``referenced``; returns what went (sorted).

    ``referenced`` is what the pages load or link to (core/finish/linkcheck.py ``SiteLinks``).
    """
    removed = [rel for rel in tree_files(site_dir) if _prunable(rel) and rel not in referenced]
    for rel in removed:
        (site_dir / rel).unlink()
    for folder in sorted(
        {site_dir / posixpath.dirname(r) for r in removed}, key=lambda p: -len(p.parts)
    ):
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed
