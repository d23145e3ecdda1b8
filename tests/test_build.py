"""Whole builds: the demo site, both languages, determinism, and failure leaving --out untouched."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

import core.shares
from core.errors import BuildError
from tests.conftest import ROOT, run_cli, snapshot

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def demo(demo_site):
    return demo_site


def _page(site, url_path):
    return (site / url_path / "index.html").read_text(encoding="utf-8")


def test_sitemap_lists_every_page_of_both_languages_with_alternates(demo):
    tree = ET.parse(demo / "sitemap.xml")
    locs = [u.findtext("s:loc", namespaces=SITEMAP_NS) for u in tree.findall("s:url", SITEMAP_NS)]
    assert "https://mensenhandel.example.org/" in locs
    assert "https://mensenhandel.example.org/en/about/" in locs
    html_pages = {p.parent.relative_to(demo).as_posix() for p in demo.rglob("index.html")}
    listed = {
        loc.removeprefix("https://mensenhandel.example.org/").rstrip("/") or "." for loc in locs
    }
    assert listed == html_pages
    about = next(
        u
        for u in tree.findall("s:url", SITEMAP_NS)
        if u.findtext("s:loc", namespaces=SITEMAP_NS).endswith("/en/about/")
    )
    alternates = {l.get("hreflang"): l.get("href") for l in about.findall("x:link", SITEMAP_NS)}
    assert alternates == {
        "nl": "https://mensenhandel.example.org/over-ons/",
        "en": "https://mensenhandel.example.org/en/about/",
    }
    assert not list(demo.glob("en/sitemap.xml*")) and not (demo / "sitemap.xml.gz").exists()


def test_each_language_has_its_lang_hreflang_and_locale(demo):
    dutch, english = _page(demo, "over-ons"), _page(demo, "en/about")
    assert '<html lang="nl"' in dutch and '<html lang="en"' in english
    for html in (dutch, english):
        assert (
            '<link rel="alternate" hreflang="nl" href="https://mensenhandel.example.org/over-ons/">'
            in html
        )
        assert (
            '<link rel="alternate" hreflang="en" href="https://mensenhandel.example.org/en/about/">'
            in html
        )
    assert '<meta property="og:locale" content="nl_NL">' in dutch
    assert '<meta property="og:locale" content="en_GB">' in english


def test_language_switch_goes_to_the_same_page_in_the_other_language(demo):
    assert re.search(r'<a [^>]*href="\.\./en/about/"[^>]*hreflang="en"', _page(demo, "over-ons"))
    assert re.search(
        r'<a [^>]*href="\.\./\.\./over-ons/"[^>]*hreflang="nl"', _page(demo, "en/about")
    )


def test_untranslated_page_links_to_the_notice_on_the_other_home(tmp_path, content):
    content.write(
        "pages/alleen-nl.md",
        "---\ntitle: Alleen Nederlands\nsummary: Niet vertaald.\nnav_order: 4\n---\n\nTekst.\n",
    )
    content.write("pages/index.en.md", "---\ntitle: Welcome\nsummary: Home.\n---\n\nHello.\n")
    out = tmp_path / "site"
    assert run_cli("build", "--content", content.root, "--out", out).code == 0
    html = _page(out, "alleen-nl")
    assert re.search(r'<a [^>]*href="\.\./en/#not-translated"[^>]*hreflang="en"', html)
    # The notice speaks English on the English home, never on the Dutch page.
    assert "not available in English" not in html
    assert re.search(
        r'id="not-translated"[^>]*>The page you came from is not available in '
        r"English yet",
        _page(out, "en"),
    )
    assert "Alleen Nederlands" not in _page(out, "en")  # not in the English navigation
    assert "Alleen Nederlands" in _page(out, ".")


def test_detail_pages_stay_out_of_the_sidebar_but_landings_are_in_it(tmp_path, content):
    content.write(
        "pages/los.md", "---\ntitle: Losse pagina\nsummary: Niet in het menu.\n---\n\nTekst.\n"
    )
    out = tmp_path / "site"
    assert run_cli("build", "--content", content.root, "--out", out).code == 0
    home = _page(out, ".")
    assert "Losse pagina" not in home
    assert (out / "los" / "index.html").exists()


def test_same_content_and_date_give_a_byte_identical_site(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        result = run_cli(
            "build", "--content", ROOT / "content", "--out", out, "--today", "2026-11-23"
        )
        assert result.code == 0, result.err
    assert snapshot(first) == snapshot(second)


def test_a_failing_render_leaves_the_published_site_untouched(tmp_path, content, monkeypatch):
    out = tmp_path / "site"
    assert run_cli("build", "--content", content.root, "--out", out).code == 0
    before = snapshot(out)

    def broken(job):
        job.site_dir.mkdir(parents=True, exist_ok=True)
        (job.site_dir / "half.html").write_text("half a page")
        raise BuildError("MkDocs could not render the nl site:\n  boom")

    monkeypatch.setattr(core.shares, "render_job", broken)
    # A change, or the build has nothing to do (core/incremental.py).
    content.write("pages/index.md", (content.root / "pages/index.md").read_text() + "\nMeer.\n")
    result = run_cli("build", "--content", content.root, "--out", out)
    assert result.code == 1
    assert result.err == "build failed: MkDocs could not render the nl site:\n  boom\n"
    assert snapshot(out) == before
    # No scratch tree is left; the build cache beside --out holds no half-rendered page.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.cache", "content", "site"]
    assert not list((tmp_path / ".site.cache").rglob("half.html"))
