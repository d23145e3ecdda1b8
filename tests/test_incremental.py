"""Incremental builds (core/incremental.py): never stale, same bytes as a cold build."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from toolkit import cli
from core import pipeline, shares
from core.build import SiteBuild
from core.incremental import cache_root
from tests.conftest import ROOT

TODAY = date(2026, 11, 23)
PAGE = """\
---
title: Over ons
summary: Wie we zijn.
nav_order: 2
---

{text}
"""


@pytest.fixture
def setup(content, tmp_path):
    """A copy of mkdocs.yml and the theme, so a test can change them."""
    config = tmp_path / "config" / "mkdocs.yml"
    config.parent.mkdir()
    shutil.copyfile(ROOT / "mkdocs.yml", config)
    shutil.copytree(ROOT / "theme", config.parent / "theme")
    content.write("pages/over-ons.md", PAGE.format(text="Eerste tekst."))
    return content, config


def _build(content, config, out: Path):
    """A publish build; ``None`` when nothing changed since the build that made ``out``."""
    outcome = SiteBuild(content.root, out, TODAY, config, cli.SECTIONS).run()
    return None if outcome == "unchanged" else outcome


def _tree(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def _page(out: Path, rel: str) -> str:
    return (out / rel).read_text(encoding="utf-8")


def test_no_change_skips_and_any_changed_input_rebuilds(setup, tmp_path):
    content, config = setup
    out = tmp_path / "site"
    assert _build(content, config, out) is not None
    assert _build(content, config, out) is None  # nothing changed: nothing done
    content.write("pages/over-ons.md", PAGE.format(text="Tweede tekst."))
    assert _build(content, config, out) is not None
    assert "Tweede tekst." in _page(out, "over-ons/index.html")
    # The theme changes every page.
    css = config.parent / "theme" / "assets" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* nieuw */\n", encoding="utf-8")
    assert _build(content, config, out) is not None
    assert "/* nieuw */" in _page(out, "assets/site.css")
    # So does mkdocs.yml (the site's Dutch name lives in extra.site.nl).
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      name: Samen tegen mensenhandel", "      name: Een andere naam"
        ),
        encoding="utf-8",
    )
    assert _build(content, config, out) is not None
    assert "Een andere naam" in _page(out, "over-ons/index.html")
    # A tree that is not the one the stamp describes is rebuilt.
    shutil.rmtree(out)
    assert _build(content, config, out) is not None
    assert (out / "index.html").is_file()


def test_a_failed_build_leaves_no_stamp(setup, tmp_path):
    content, config = setup
    out = tmp_path / "site"
    _build(content, config, out)
    good = PAGE.format(text="Eerste tekst.")
    content.write("pages/over-ons.md", "---\ntitle: [kapot\n---\n")
    with pytest.raises(Exception):
        _build(content, config, out)
    content.write("pages/over-ons.md", good)  # back to what --out holds: still built again
    assert _build(content, config, out) is not None


def test_incremental_output_equals_a_cold_build(setup, tmp_path):
    content, config = setup
    warm = tmp_path / "warm"
    _build(content, config, warm)
    # Edit a page, add one, remove it again: the render cache follows every step.
    content.write("pages/over-ons.md", PAGE.format(text="Gewijzigde tekst."))
    extra = content.write(
        "pages/nieuw.md", "---\ntitle: Nieuw\nsummary: Een nieuwe pagina.\n---\n\nNieuw.\n"
    )
    _build(content, config, warm)
    assert "Gewijzigde tekst." in _page(warm, "over-ons/index.html")
    assert (warm / "nieuw" / "index.html").is_file()
    extra.unlink()
    _build(content, config, warm)
    assert not (warm / "nieuw").exists()
    assert not (cache_root(warm) / "render" / "nl" / "site" / "nieuw" / "index.html").exists()
    cold = tmp_path / "cold"
    _build(content, config, cold)
    assert _tree(warm) == _tree(cold)


@pytest.mark.parametrize("workers", [2, 3])
def test_the_render_in_shares_gives_the_same_bytes(setup, tmp_path, monkeypatch, workers):
    """Cut into shares over several processes (a language split between two of them, one
    share copying the theme's files), the render writes exactly what one process writes."""
    content, config = setup
    content.write(
        "pages/over-ons.en.md", "---\ntitle: About us\nsummary: Who we are.\n---\n\nFirst text.\n"
    )
    content.write(
        "pages/index.en.md", "---\ntitle: Welcome\nsummary: The home page.\n---\n\nWelcome.\n"
    )
    for n in range(6):
        content.write(
            f"pages/extra-{n}.md",
            f"---\ntitle: Extra {n}\nsummary: Een pagina.\n---\n\nTekst {n}.\n",
        )
    sequential = tmp_path / "sequential"
    _build(content, config, sequential)
    runs = []
    original = shares.cut_runs
    monkeypatch.setattr(shares, "cut_runs", lambda *args: runs.append(original(*args)) or runs[-1])
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_PAGES", 0)
    monkeypatch.setattr(shares, "RENDER_WORKERS", workers)
    monkeypatch.setattr(shares.os, "cpu_count", lambda: workers)
    shared = tmp_path / "shared"
    _build(content, config, shared)
    assert (shared / "en" / "index.html").is_file()
    assert _tree(sequential) == _tree(shared)
    # As many shares as workers, Dutch split between at least two of them.
    (cut,) = runs
    assert len(cut) == workers and sum(0 in run for run in cut) >= 2


def test_shares_are_cut_in_order_into_runs_of_about_equal_weight():
    cut = shares.cut_runs
    weighted = [(0, f"{n}.md", 10) for n in range(6)] + [(1, f"{n}.md", 10) for n in range(2)]
    assert cut(weighted, 2) == [
        {0: ["0.md", "1.md", "2.md", "3.md"]},
        {0: ["4.md", "5.md"], 1: ["0.md", "1.md"]},
    ]
    assert cut(weighted, 1) == [{0: [f"{n}.md" for n in range(6)], 1: ["0.md", "1.md"]}]
    # One heavy page: the runs after it take the rest; no run is ever empty.
    assert cut([(0, "big.md", 100), (0, "a.md", 1), (0, "b.md", 1)], 3) == [
        {0: ["big.md"]},
        {0: ["a.md"]},
        {0: ["b.md"]},
    ]
    assert cut([(0, "a.md", 1)], 4) == [{0: ["a.md"]}]


def test_the_preview_shows_the_edit_in_the_page_its_listings_and_then_the_search_index(
    content, tmp_path
):
    content.write("pages/over-ons.md", PAGE.format(text="Eerste tekst."))
    out = tmp_path / "preview"
    SiteBuild(content.root, out, TODAY, cli.CONFIG, cli.SECTIONS, preview=True).run()
    content.write(
        "pages/over-ons.md",
        PAGE.format(text="Tweede tekst.").replace("Over ons", "Over ons bewerkt"),
    )
    SiteBuild(content.root, out, TODAY, cli.CONFIG, cli.SECTIONS, preview=True).run()
    assert "Tweede tekst." in _page(out, "over-ons/index.html")
    assert "Over ons bewerkt" in _page(out, "index.html")  # the navigation of every page
    assert "Over ons bewerkt" in _page(out, "search/nl.json")
    assert "Eerste tekst" not in _page(out, "search/nl.json")


def test_the_link_check_cache_never_hides_a_new_broken_link(tmp_path):
    from core.finish.linkcheck import check_site_links

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/">a</a>', encoding="utf-8")
    (site / "a" / "index.html").write_text(
        '<h2 id="x">x</h2><a href="../#top">top</a>', encoding="utf-8"
    )
    cache = tmp_path / "links.json"
    assert check_site_links(site, "https://example.org/", cache) == []
    (site / "index.html").write_text('<a href="a/#y">a</a>', encoding="utf-8")
    assert check_site_links(site, "https://example.org/", cache) == [
        "index.html: <a> 'a/#y': no element with id 'y' on that page"
    ]
    (site / "index.html").write_text('<a href="a/#x">a</a>', encoding="utf-8")
    (site / "a" / "index.html").unlink()
    assert check_site_links(site, "https://example.org/", cache) == [
        "index.html: <a> 'a/#x': no such page or file"
    ]


def test_a_link_check_cache_in_another_format_is_only_a_slower_check(tmp_path):
    import hashlib
    import json
    from core.finish.linkcheck import check_site_links

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<a href="a/">a</a>', encoding="utf-8")
    key = hashlib.sha256((site / "index.html").read_bytes()).hexdigest()
    cache = tmp_path / "links.json"
    cache.write_text(json.dumps({key: [[], []]}), encoding="utf-8")  # an older build's entry
    assert check_site_links(site, "https://example.org/", cache) == [
        "index.html: <a> 'a/': no such page or file"
    ]


def test_unused_theme_scripts_and_source_maps_are_not_published(tmp_path):
    from core.finish.linkcheck import SiteLinks
    from core.adapters.mkdocs.prune import PRUNABLE_MENTIONS, prune_theme_assets

    site = tmp_path / "site"
    for rel in (
        "assets/javascripts/bundle.js",
        "assets/javascripts/lunr/min/lunr.nl.min.js",
        "assets/javascripts/used.js",
        "assets/stylesheets/main.css",
        "assets/stylesheets/main.css.map",
        "assets/site.js",
        "en/assets/javascripts/bundle.js",
    ):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("x", encoding="utf-8")
    (site / "a").mkdir()
    (site / "a" / "index.html").write_text(
        '<link rel="stylesheet" href="../assets/stylesheets/main.css">'
        '<script src="../assets/javascripts/used.js"></script>',
        encoding="utf-8",
    )
    assert prune_theme_assets(
        site, SiteLinks(site, "https://example.org/").referenced(PRUNABLE_MENTIONS)
    ) == [
        "assets/javascripts/bundle.js",
        "assets/javascripts/lunr/min/lunr.nl.min.js",
        "assets/stylesheets/main.css.map",
        "en/assets/javascripts/bundle.js",
    ]
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "a/index.html",
        "assets/javascripts/used.js",
        "assets/site.js",
        "assets/stylesheets/main.css",
    ]
    assert not (site / "assets" / "javascripts" / "lunr").exists()


def test_a_build_stopped_between_the_two_renames_does_not_block_the_next(content, tmp_path):
    from core.publish import publish

    out = tmp_path / "site"
    out.mkdir()
    (tmp_path / ".site.old-site" / "x").mkdir(parents=True)  # what a killed build leaves
    finished = tmp_path / "new" / "site"
    finished.mkdir(parents=True)
    (finished / "index.html").write_text("nieuw", encoding="utf-8")
    publish(finished, out)
    assert (out / "index.html").read_text(encoding="utf-8") == "nieuw"


@pytest.mark.parametrize("shares", [False, True])
def test_a_broken_link_a_template_makes_fails_the_build_when_the_render_reads_the_pages(
    setup, tmp_path, monkeypatch, shares
):
    """The link check takes what the render read of each page it wrote (core/finish/
    pagescan.py), rendered here or in shares: a bad link in them is still caught."""
    from core.errors import BuildError

    content, config = setup
    if shares:
        monkeypatch.setattr(pipeline, "PARALLEL_MIN_PAGES", 0)
    main = config.parent / "theme" / "main.html"
    main.write_text(
        main.read_text(encoding="utf-8").replace(
            "{% block content %}", '{% block content %}<a href="nergens/">weg</a>', 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as failed:
        _build(content, config, tmp_path / "site")
    assert "broken links in the built site" in str(failed.value)
    assert "over-ons/index.html: <a> 'nergens/': no such page or file" in str(failed.value)


def test_a_page_scan_reads_what_the_link_check_and_the_search_index_read(demo_site):
    import hashlib
    import json
    from core.finish import linkcheck, pagescan
    from core.search.text import page_text

    pages = sorted(demo_site.rglob("*.html"))
    for page in pages:
        data = page.read_bytes()
        key, (links, text) = pagescan.scan_page(data, page.name)
        assert key == hashlib.sha256(data).hexdigest()
        assert json.loads(links) == json.loads(json.dumps(linkcheck._parse(data)))
        assert text == [page_text(data).headings, page_text(data).body]
    assert len(pages) > 100
