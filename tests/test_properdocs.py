"""The renderer is ProperDocs, in this process and in the forked workers that render in
parallel, even for code written for MkDocs (Material's plugins import ``mkdocs``); and warnings
logged under MkDocs' logger name still fail the strict build."""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from importlib import metadata
from pathlib import Path

import pytest

import core.adapters.mkdocs  # noqa: F401  (installs ProperDocs' import hook, as builds do)
from core.adapters.mkdocs import MkDocsRenderer
from core.context import BuildContext
from core.errors import BuildError
from core.port import NavEntry, RenderJob
from core import workers


def _renderer_modules() -> dict:
    """Which package `import mkdocs` and Material's plugin code get here, and every loaded
    module that comes from the abandoned `mkdocs` distribution (installed because Material
    still requires it)."""
    import material.plugins.search.plugin as material_search
    import mkdocs.plugins
    import properdocs.plugins

    try:
        legacy = Path(metadata.distribution("mkdocs").locate_file("mkdocs")).resolve()
    except metadata.PackageNotFoundError:
        legacy = None
    loaded = sorted(
        name
        for name, module in list(sys.modules.items())
        if legacy
        and getattr(module, "__file__", None)
        and Path(module.__file__).resolve().is_relative_to(legacy)
    )
    return {
        "mkdocs": mkdocs.plugins.__name__,
        "material plugin base": material_search.BasePlugin is properdocs.plugins.BasePlugin,
        "legacy modules": loaded,
    }


EXPECTED = {"mkdocs": "properdocs.plugins", "material plugin base": True, "legacy modules": []}


def test_mkdocs_imports_get_properdocs_in_this_process():
    assert _renderer_modules() == EXPECTED


def test_mkdocs_imports_get_properdocs_in_a_render_worker():
    # The render and encoding workers fork from core/workers.py's server, not from here.
    with ProcessPoolExecutor(max_workers=1, mp_context=workers.context()) as pool:
        assert pool.submit(_renderer_modules).result(timeout=120) == EXPECTED


def _render(tmp_path: Path, base: dict, docs: Path) -> None:
    context = BuildContext(
        config_file=tmp_path / "mkdocs.yml",
        config=base,
        today=date(2026, 12, 3),
        renderer=MkDocsRenderer(),
    )
    MkDocsRenderer().render(
        RenderJob(
            context=context,
            lang="nl",
            docs_dir=docs,
            site_dir=tmp_path / "site",
            extra={},
            nav=(NavEntry("Start", "index.md"),),
        )
    )


def test_a_warning_under_the_mkdocs_logger_name_fails_the_strict_render(tmp_path):
    # A plugin or hook written for MkDocs logs as "mkdocs.*"; ProperDocs counts "properdocs".
    hook = tmp_path / "legacy_hook.py"
    hook.write_text(
        "import logging\n\n"
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    logging.getLogger('mkdocs.plugins.legacy').warning("
        "'legacy plugin: %s looks wrong', page.file.src_uri)\n"
        "    return markdown\n"
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Start\n")
    base = {
        "site_name": "t",
        "site_url": "https://example.org/",
        "theme": {"name": "material", "font": False},
        "hooks": [str(hook)],
        "plugins": [],
    }
    with pytest.raises(BuildError) as error:
        _render(tmp_path, base, docs)
    assert str(error.value) == (
        "MkDocs could not render the nl site:\n  legacy plugin: index.md looks wrong"
    )


def test_the_same_render_without_the_warning_succeeds(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Start\n")
    base = {
        "site_name": "t",
        "site_url": "https://example.org/",
        "theme": {"name": "material", "font": False},
        "plugins": [],
    }
    _render(tmp_path, base, docs)
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f"ProperDocs {metadata.version('properdocs')}" in page  # the generator tag


def test_the_render_cache_is_keyed_on_the_installed_properdocs_and_material():
    # A renderer upgrade must render every page again (core/incremental.py).
    from core import incremental

    found = incremental.versions()
    assert found["properdocs"] == metadata.version("properdocs")
    assert found["mkdocs-material"] == metadata.version("mkdocs-material")
    assert found["snowballstemmer"] == metadata.version("snowballstemmer")
