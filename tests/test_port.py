"""The renderer port (core/port.py) is the whole contract between the pipeline and a renderer:
a second renderer that knows nothing of MkDocs (tests/adapters/minimal.py: Jinja2 and
Python-Markdown with the site's extensions) renders the golden content tree into a site that
the pipeline's own link check, security check and search index accept."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.adapters import DEFAULT_RENDERER, default_renderer
from core.build import SiteBuild
from core.context import read_config
from core.finish.linkcheck import check_site_links
from core.search.index import index_path
from tests.adapters.minimal import MinimalRenderer
from tests.conftest import ROOT
from tests.golden.update import CONTENT, EXPECTED, TODAY
from toolkit import cli


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("port") / "site"
    SiteBuild(
        CONTENT,
        out,
        date.fromisoformat(TODAY),
        cli.CONFIG,
        cli.SECTIONS,
        renderer=MinimalRenderer(),
    ).run()
    return out


def _pages(root: Path) -> set[str]:
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("index.html")
        if "assets" not in p.relative_to(root).parts
    }


def test_the_minimal_renderer_builds_every_page_the_mkdocs_renderer_builds(minimal_site):
    # The build ran the link check and the security check on these pages and passed; the
    # same pages as the golden (MkDocs) tree, in both languages.
    assert _pages(minimal_site) == _pages(EXPECTED)
    home = (minimal_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in home
    assert 'http-equiv="Content-Security-Policy"' in home  # the finish stage's, not the adapter's
    assert (minimal_site / "en" / "index.html").read_text(encoding="utf-8").count(
        '<html lang="en">'
    ) == 1


def test_its_links_resolve_in_the_link_check(minimal_site):
    site_url = read_config(cli.CONFIG)["site_url"].rstrip("/") + "/"
    assert check_site_links(minimal_site, site_url) == []
    # Links between pages were written to .md docs and made page links, as MkDocs does.
    pages = [p.read_text(encoding="utf-8") for p in minimal_site.rglob("*.html")]
    assert not any('.md"' in page or ".md#" in page for page in pages)


def test_its_pages_are_in_the_search_index(minimal_site):
    for lang, root in (("nl", minimal_site), ("en", minimal_site / "en")):
        index = json.loads((root / index_path(lang)).read_text(encoding="utf-8"))
        golden = json.loads(
            (EXPECTED / root.relative_to(minimal_site) / index_path(lang)).read_text(
                encoding="utf-8"
            )
        )
        assert set(index["docs"]) == set(golden["docs"])
        assert index["docs"] == golden["docs"]  # titles, URLs, sections, summaries
        assert index["index"]["fields"] == golden["index"]["fields"]


def test_lunr_js_loads_its_index_and_finds_the_safety_page(minimal_site):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (./dev test installs it)")
    done = subprocess.run(
        [
            node,
            str(ROOT / "tests" / "js" / "lunr_node.js"),
            "query",
            str(minimal_site / index_path("nl")),
        ],
        input=json.dumps(["veilig"]),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "veiligheid/" in json.loads(done.stdout)["veilig"]


def test_a_build_with_nothing_to_do_never_imports_the_renderer(demo_site):
    """The site's renderer is named in the cache keys without being imported (its import was
    an eighth of a build that finds nothing to do), and ``--version`` asks for it only when
    given."""
    assert type(default_renderer()).__name__ == DEFAULT_RENDERER
    probe = (
        "import sys; from toolkit import cli; "
        f"code = cli.main(['build', '--content', {str(ROOT / 'content')!r}, "
        f"'--out', {str(demo_site)!r}, '--today', '2026-11-23']); "
        "print(code, 'properdocs' in sys.modules, 'core.adapters.mkdocs' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["0", "False", "False"], done.stderr
