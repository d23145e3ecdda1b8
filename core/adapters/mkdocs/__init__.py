"""The MkDocs adapter: the only code that knows ProperDocs/MkDocs and mkdocs-material.

- render.py: one :class:`core.port.RenderJob` rendered by a MkDocs build (strict), with the
  plugins that render a share of the pages, scan what is written, guard the content and put
  our page fields (core/pagefields.py) into Material's words; the template patches (compiled
  templates kept, the installed theme's files listed once, Material's hashed asset names);
- prune.py: Material's scripts and source maps that no page loads, removed;
- serve.py: MkDocs' live-reload server, with the preview's overlay and guard.

The rest of the toolkit talks to :class:`MkDocsRenderer` through the port only.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from properdocs.structure.files import File

from core.adapters import RENDERER_PACKAGES
from core.adapters.mkdocs import prune
from core.adapters.mkdocs.render import render_language
from core.context import BuildContext
from core.finish.pagescan import Scans
from core.port import RenderJob


class MkDocsRenderer:
    """:class:`core.port.Renderer` with ProperDocs and mkdocs-material (picklable: render
    workers receive it with their jobs)."""

    asset_mentions = prune.PRUNABLE_MENTIONS

    def render(self, job: RenderJob) -> Scans:
        """See :func:`core.adapters.mkdocs.render.render_language`."""
        return render_language(job)

    def page_file(self, doc_path: str, context: BuildContext) -> str:
        """Where MkDocs writes the page of ``doc_path`` (its own rule, with or without
        directory URLs)."""
        return File(doc_path, "", "", context.config.get("use_directory_urls", True)).dest_uri

    def prune_assets(self, site_dir: Path, referenced: set[str]) -> list[str]:
        """See :func:`core.adapters.mkdocs.prune.prune_theme_assets`."""
        return prune.prune_theme_assets(site_dir, referenced)

    def describe(self) -> str:
        """The installed renderer, for ``--version``: ``ProperDocs 1.6.7, mkdocs-material 9.8.2``."""
        return ", ".join(f"{name} {metadata.version(name)}" for name in RENDERER_PACKAGES[:2])
