"""One reading of a rendered page for everything the finish stage asks of it.

The link check wants a page's ids and links, the search index its text; both read the page
with lxml, which is most of what they cost. The render scans every page it writes, in the
render's own processes (core/adapters/mkdocs/render.py): one parse on every core, not two in the finish
stage. Pages the render did not write this time (the render cache kept them) are read by
the link check and the search index themselves, through their caches.

Scans travel as files (one per render share, in the build's scratch dir): the process that
needs a part reads it, so the link entries never pass through the search workers nor the
texts through the main process.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable

from core.builthtml import parse_built
from core.finish.linkcheck import cache_entry
from core.search.text import text_of

# page hash -> (link check's cache entry, [headings, body] of the search memo)
Scans = dict[str, tuple[str, list[str]]]


def scan_page(data: bytes, name: str) -> tuple[str, tuple[str, list[str]]]:
    """The hash of a built page's bytes, and what the link check and the search index read
    of it (``name`` for the message when the page cannot be read)."""
    root = parse_built(data, name)
    text = text_of(root)
    return hashlib.sha256(data).hexdigest(), (cache_entry(root), [text.headings, text.body])


def save(scans: Scans, stem: Path) -> Path:
    """Write ``scans`` as two files beside ``stem``, the links and the texts (each reader
    loads only its own); returns ``stem``, what :func:`link_entries` and :func:`texts` take."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    for part, suffix in ((0, ".links.json"), (1, ".texts.json")):
        stem.with_suffix(suffix).write_text(
            json.dumps({key: scan[part] for key, scan in scans.items()}, ensure_ascii=False),
            encoding="utf-8",
        )
    return stem


def link_entries(stems: Iterable[Path]) -> dict[str, str]:
    """The link check's cache entries of the pages scanned into ``stems`` (:func:`save`),
    by page hash (core.finish.linkcheck.SiteLinks)."""
    return {key: entry for stem in stems for key, entry in _load(stem, ".links.json").items()}


def texts(stems: Iterable[Path]) -> dict[str, list[str]]:
    """The search memo's texts of the pages scanned into ``stems`` (:func:`save`), by page
    hash (core.search.memo.Memo)."""
    return {key: text for stem in stems for key, text in _load(stem, ".texts.json").items()}


def _load(stem: Path, suffix: str) -> dict:
    return json.loads(stem.with_suffix(suffix).read_text(encoding="utf-8"))
