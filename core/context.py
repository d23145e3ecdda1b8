"""The build context: what every stage of one build reads, settled once before any stage runs.

The configuration file is read once here (not again by each stage), the build date is a value
(not ``SOURCE_DATE_EPOCH`` set in the environment and read back), and whether the build is a
preview or a publish is said once. The renderer (core/port.py) is chosen here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from core.adapters import DEFAULT_RENDERER, default_renderer
from core.errors import BuildError
from core.i18n import _

if TYPE_CHECKING:
    from core.port import Renderer


def read_config(config_file: Path) -> dict[str, Any]:
    """The site's configuration as written in its file (``mkdocs.yml``); a file that is not
    YAML (half saved while ``serve`` runs) is a :class:`BuildError` saying where."""
    try:
        return yaml.safe_load(config_file.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise BuildError(
            _(
                "{path}:{line}: not valid YAML: {problem}",
                path=config_file,
                line=line,
                problem=exc.problem,
            )
        ) from None


def publisher(config_file: Path, lang: str) -> dict[str, str]:
    """The site's name, its publisher and the publisher's contact in ``lang``: ``extra.site``
    of the configuration, the one place they live (the footer, the help route's own advice,
    the news feed's author and the exhibition's organiser all read them here)."""
    extra = read_config(config_file).get("extra") or {}
    return (extra.get("site") or {}).get(lang) or {}


@dataclass(frozen=True)
class BuildContext:
    """One build's settings: configuration (read once), date, mode and renderer."""

    config_file: Path
    config: dict[str, Any] = field(hash=False, compare=False)
    today: date
    preview: bool = False  # the preview (``serve``) rather than a site to publish
    # None: the site's own (MkDocs), imported when a stage first asks for it (render_with).
    renderer: Renderer | None = field(default=None, compare=False)

    @classmethod
    def load(
        cls, config_file: Path, today: date, preview: bool = False, renderer: Renderer | None = None
    ) -> BuildContext:
        """Read ``config_file`` once; ``renderer`` defaults to the site's renderer (MkDocs)."""
        return cls(
            config_file=config_file,
            config=read_config(config_file),
            today=today,
            preview=preview,
            renderer=renderer,
        )

    @property
    def site_url(self) -> str:
        """The published address, ending in '/' (just '/' when the configuration has none)."""
        return (self.config.get("site_url") or "").rstrip("/") + "/"

    @property
    def theme_dir(self) -> Path:
        """The project's theme folder (templates and assets)."""
        return self.config_file.parent / self.config["theme"]["custom_dir"]

    def render_with(self) -> Renderer:
        """The renderer: the one given to :meth:`load`, else the site's own, imported only
        now (a build that finds nothing to do, and ``check``, never import it)."""
        if self.renderer is not None:
            return self.renderer
        return default_renderer()

    @property
    def renderer_name(self) -> str:
        """Which renderer makes the pages, for the cache keys, known without importing it."""
        if self.renderer is not None:
            return type(self.renderer).__name__
        return DEFAULT_RENDERER
