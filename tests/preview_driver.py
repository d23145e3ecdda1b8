"""The build driver as ``serve`` keeps it (core/build.py), over a copy of the demo content (the
``demo`` fixture, tests/conftest.py): the helpers of the tests of the update in place
(test_serve_fast.py), its search index (test_serve_index.py) and its change set
(test_build_changes.py)."""

from __future__ import annotations

from datetime import date

from toolkit import cli
from core.build import SiteBuild

TODAY = date(2026, 11, 23)
STORY = "longread/stories/de-huisarts.md"
TITLE = "Wat de huisarts kan zien"


def driver(demo, today=TODAY, out: str = "preview", **options) -> SiteBuild:
    """The driver as ``serve`` makes it (``index_later`` as asked)."""
    return SiteBuild(
        demo / "content",
        demo / out,
        today,
        demo / "mkdocs.yml",
        cli.SECTIONS,
        preview=True,
        keep_state=True,
        **options,
    )


def started(demo) -> SiteBuild:
    """The driver after its first (whole) build."""
    build = driver(demo)
    build.run()
    assert build.last == "full"
    return build


def edit(demo, rel: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the content file ``rel`` (which must hold it)."""
    path = demo / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def full_preview(demo, name: str):
    """A fresh full preview build of the same content, with a cache of its own."""
    out = demo / name
    SiteBuild(demo / "content", out, TODAY, demo / "mkdocs.yml", cli.SECTIONS, preview=True).run()
    return out
