"""Renderers behind the port (core/port.py). The site's is MkDocs with Material (mkdocs/)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.port import Renderer

# What the rest of the toolkit knows of the site's renderer, without importing it (validation,
# ``check`` and the cache keys need it; only a build that renders imports ProperDocs):
# - the installed packages whose version changes the rendered bytes (core/incremental.py);
RENDERER_PACKAGES = ("properdocs", "mkdocs-material", "pymdown-extensions")
# - the Python-Markdown extensions MkDocs 1.6 adds to every site's ``markdown_extensions``
#   (config_options.MarkdownExtensions builtins): the trust boundary (core/trust.py) renders
#   bodies with these plus the configured ones, as the renderer does.
MARKDOWN_BUILTINS = ("toc", "tables", "fenced_code")
# - the name of the renderer's class, part of every cache key (another renderer, other bytes):
#   a build that finds nothing to do says which renderer it would use without importing it.
DEFAULT_RENDERER = "MkDocsRenderer"


def default_renderer() -> Renderer:
    """The site's renderer: ProperDocs (MkDocs 1.6) with mkdocs-material."""
    from core.adapters.mkdocs import MkDocsRenderer  # imported only by a build that renders

    return MkDocsRenderer()
