"""The renderer port: what the pipeline asks of a renderer, in the pipeline's own words.

A renderer turns one language's staged Markdown (front matter from core/pagefields.py, then the
body) into HTML pages. The site's renderer is ProperDocs/MkDocs with Material
(core/adapters/mkdocs/, the only code that knows them); tests prove the port with a second one
that uses Jinja2 and Python-Markdown alone (tests/adapters/minimal.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from core import languages
from core.context import BuildContext
from core.finish.pagescan import Scans


@dataclass(frozen=True)
class NavEntry:
    """One entry of the main navigation: a page's title and its doc path."""

    title: str
    doc_path: str


@dataclass(frozen=True)
class RenderJob:
    """Render one language's docs (or a share of them) into a site folder."""

    context: BuildContext
    lang: str
    docs_dir: Path  # the staged Markdown of every page of the language
    site_dir: Path  # where the HTML goes (the language's root)
    nav: tuple[NavEntry, ...]  # the main navigation, in order
    extra: dict[str, Any]  # texts and links the theme shows on every page (pipeline._render_extra)
    # Keep ``site_dir`` and render only pages whose Markdown is newer than their HTML.
    dirty: bool = False
    # Render exactly these doc paths (as a dirty build), beside other jobs that render the
    # rest of the language at the same time; ``None``: every page (or every changed one).
    only: frozenset[str] | None = None
    primary: bool = True  # write the theme's files and pages (404.html); one job per language
    scan: bool = True  # return what the finish stage reads of each page (core/finish/pagescan.py)

    @property
    def site_url(self) -> str:
        """The language's published address (the site's, plus ``en/`` for English)."""
        return self.context.site_url + languages.prefix(self.lang)


class Renderer(Protocol):
    """What the pipeline needs of a renderer."""

    def render(self, job: RenderJob) -> Scans:
        """Render ``job``; raise :class:`core.errors.BuildError` with every warning on failure."""
        ...

    def page_file(self, doc_path: str, context: BuildContext) -> str:
        """Where the page of ``doc_path`` is written, relative to the language's site dir."""
        ...

    def prune_assets(self, site_dir: Path, referenced: set[str]) -> list[str]:
        """Remove the renderer's own files that no page uses; returns them (site-relative).
        ``referenced`` holds every link of the site that mentions :attr:`asset_mentions`."""
        ...

    @property
    def asset_mentions(self) -> tuple[str, ...]:
        """What every link that can reach a prunable file has in its URL."""
        ...

    def describe(self) -> str:
        """The renderer and its version, for ``--version``."""
        ...
