"""Shared test helpers: content trees built inside each test, and the CLI run in-process."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from toolkit import cli

ROOT = Path(__file__).resolve().parents[1]

HOME = """\
---
title: Welkom
summary: De startpagina.
nav_order: 1
---

Welkom op de site.
"""
SAFETY = """\
---
title: Veilig surfen
summary: Wat de knop doet.
in_footer: true
---

Over de knop.
"""


class ContentTree:
    """A content directory made inside the test; starts valid (home and safety page)."""

    def __init__(self, root: Path):
        self.root = root
        self.write("pages/index.md", HOME)
        self.write("pages/veiligheid.md", SAFETY)

    def write(self, rel: str, text: str) -> Path:
        """Write a file (text is dedented) and return its path."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def write_bytes(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        """The problem lines (the summary line left out)."""
        return [l for l in self.err.splitlines() if "problem" not in l or ":" in l.split(" ")[0]]


def run_cli(*args: str) -> Result:
    """Run ``build.py`` in-process and capture its exit code and output.

    The demo's mkdocs.yml answers editors in Dutch; tests that assert the English texts
    (most of them, written before the catalogue) get ``--lang en`` unless they give a language.
    """
    argv = [str(a) for a in args]
    if argv and not argv[0].startswith("-") and not any(a.startswith("--lang") for a in argv):
        argv[1:1] = ["--lang", "en"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code
    return Result(code, out.getvalue(), err.getvalue())


def build(content, out):
    """Build the ``content`` tree into ``out`` at the tests' fixed date; it must succeed."""
    result = run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    return out


def html_of(out, path: str) -> str:
    """The built page at ``path`` (a directory URL relative to the site root)."""
    return (out / path / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def demo(tmp_path):
    """A copy of the demo content, with its own mkdocs.yml and theme (so a test may edit them);
    tests/preview_driver.py runs the build driver over it as ``serve`` does."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo site (content/), built once per test session at a fixed date."""
    out = tmp_path_factory.mktemp("demo") / "site"
    result = run_cli("build", "--content", ROOT / "content", "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    return out


def _session_folder(tmp_path_factory, name: str, variable: str):
    """A fresh folder for the test session in the environment variable ``variable``, put
    back as it was afterwards (the caches that must never be the repository's own)."""
    folder = tmp_path_factory.mktemp(name)
    previous = os.environ.get(variable)
    os.environ[variable] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop(variable, None)
    else:
        os.environ[variable] = previous


@pytest.fixture(scope="session", autouse=True)
def trust_cache(tmp_path_factory) -> Path:
    """The trust boundary's cache of texts that passed (core/trust.py), per test session."""
    yield from _session_folder(tmp_path_factory, "trust-cache", "SITE_TRUST_CACHE")


@pytest.fixture(scope="session", autouse=True)
def image_cache(tmp_path_factory) -> Path:
    """One image cache for the test session, never the repository's own ``.cache/``."""
    yield from _session_folder(tmp_path_factory, "image-cache", "SITE_IMAGE_CACHE")


@pytest.fixture
def content(tmp_path) -> ContentTree:
    return ContentTree(tmp_path / "content")


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` with its bytes, for comparing trees."""
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def published_site(out: Path) -> Path:
    """A stand-in for a site an earlier build published at ``out`` (it carries the build's
    mark, so a build may replace it: core/outdir.py)."""
    from core.outdir import mark

    out.mkdir(parents=True)
    (out / "index.html").write_text("the previously published site")
    mark(out)
    return out


def assert_refused(content_root: Path, expected: list[str], today: str = "2026-11-23") -> None:
    """Build ``content_root`` over a previously published site and require exactly the problem
    lines ``expected``, exit status 1, no traceback, the old site untouched and nothing left
    beside it; ``check`` must report the same problems without writing anything."""
    parent = Path(tempfile.mkdtemp(prefix="refused-"))
    try:
        out = published_site(parent / "site")
        before = snapshot(out)

        result = run_cli("build", "--content", content_root, "--out", out, "--today", today)

        assert result.code == 1, result.err
        assert result.err.splitlines()[:-1] == expected
        assert "Traceback" not in result.err
        assert snapshot(out) == before
        assert [p.name for p in parent.iterdir()] == ["site"]  # no leftovers beside it
        checked = run_cli("check", "--content", content_root, "--today", today)
        assert checked.code == 1 and checked.err == result.err
    finally:
        shutil.rmtree(parent)
