"""Renderers behind the port (core/port.py). The site's is MkDocs with Material (mkdocs/)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.port import Renderer


def default_renderer() -> Renderer:
    """The site's renderer: ProperDocs (MkDocs 1.6) with mkdocs-material."""
    from core.adapters.mkdocs import MkDocsRenderer  # imported only by a build that renders

    return MkDocsRenderer()
