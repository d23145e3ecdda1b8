"""Quality gates on the built site: valid HTML, links that resolve, security headers, robots."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from core.finish.linkcheck import check_site_links
from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITE_URL = "https://mensenhandel.example.org/"


def test_every_page_is_valid_html(demo_site):
    java = shutil.which("java")
    assert java and VNU.exists(), "java and npm vnu-jar are installed by ./dev test"
    pages = sorted(str(p) for p in demo_site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert messages == [], "\n".join(
        f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages
    )
    assert len(pages) >= 14


def test_the_demo_site_has_no_broken_links(demo_site):
    assert check_site_links(demo_site, SITE_URL) == []


def _tree(tmp_path, files: dict[str, str]):
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    return tmp_path


def test_link_check_finds_broken_pages_anchors_assets_and_unsafe_schemes(tmp_path):
    site = _tree(
        tmp_path,
        {
            "index.html": '<a href="over/">ok</a><a href="over/#wie">ok</a><a href="weg/">x</a>'
            '<a href="over/#niemand">x</a><link href="assets/a.css" rel="stylesheet">'
            '<img src="img/x.png" srcset="img/x.png 1x, img/y.png 2x" alt="">'
            '<a href="javascript:alert(1)">x</a><a href="https://elders.example/">ok</a>'
            f'<link rel="canonical" href="{SITE_URL}">'
            f'<link rel="alternate" href="{SITE_URL}en/">',
            "over/index.html": '<h2 id="wie">Wie</h2><a href="../">terug</a><a href="#wie">ok</a>',
            "img/x.png": "",
        },
    )
    assert check_site_links(site, SITE_URL) == [
        "index.html: <a> 'weg/': no such page or file",
        "index.html: <a> 'over/#niemand': no element with id 'niemand' on that page",
        "index.html: <link> 'assets/a.css': no such page or file",
        "index.html: <img> 'img/y.png': no such page or file",
        "index.html: <a> 'javascript:alert(1)': 'javascript:' links are not allowed",
        f"index.html: <link> '{SITE_URL}en/': no such page or file",
    ]


def test_headers_file_nginx_snippet_and_meta_policy_agree(demo_site):
    headers = dict(
        line.strip().split(": ", 1)
        for line in (demo_site / "_headers").read_text().splitlines()[1:]
    )
    nginx = dict(
        re.findall(
            r'add_header ([\w-]+) "([^"]*)" always;', (ROOT / "deploy" / "nginx.conf").read_text()
        )
    )
    assert headers == nginx
    csp = headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    home = (demo_site / "index.html").read_text()
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', home)
    assert meta and meta.group(1) == csp.replace("; frame-ancestors 'none'", "")
    assert home.index("Content-Security-Policy") < home.index("<script")


def test_robots_and_404_pages_in_both_languages(demo_site):
    assert (demo_site / "robots.txt").read_text() == (
        f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"
    )
    assert '<html lang="nl"' in (demo_site / "404.html").read_text()
    assert '<html lang="en"' in (demo_site / "en" / "404.html").read_text()


@pytest.mark.parametrize("page", ["index.html", "en/about/index.html"])
def test_canonical_urls(demo_site, page):
    html = (demo_site / page).read_text()
    expected = SITE_URL + page.removesuffix("index.html")
    assert f'<link rel="canonical" href="{expected}">' in html


def test_link_check_and_search_read_a_deeply_nested_page(tmp_path):
    """libxml2 stops at 256 nested elements unless told not to: the page would be read as
    empty, its broken links unseen and its text missing from search."""
    from core.search.text import page_text

    deep = (
        "<article>"
        + "<div>" * 300
        + '<a href="weg/">link</a> diepe tekst'
        + "</div>" * 300
        + "</article>"
    )
    site = _tree(tmp_path, {"index.html": deep})
    assert check_site_links(site, SITE_URL) == ["index.html: <a> 'weg/': no such page or file"]
    assert page_text(deep).body == "link diepe tekst"


def test_links_that_climb_to_the_root_are_checked_from_every_depth(tmp_path):
    """Links resolved once per page depth (check_pages) still resolve from each page's place."""
    site = _tree(
        tmp_path,
        {
            "index.html": '<a href="a/">a</a><a href="?q=1">zoek</a><a href="#top">top</a><a href="x/">x</a>',
            "a/index.html": '<a href="../">home</a><a href="../b/">b</a><a href="../x/">x</a><a href="c/">c</a>',
            "b/index.html": '<a href="../">home</a><a href="../a/">a</a><a href="c/">c</a>',
            "a/c/index.html": '<a href="../../b/">b</a><a href="../../../weg/">weg</a>',
            "x/index.html": '<a href="../a/c/">c</a>',
        },
    )
    assert check_site_links(site, SITE_URL) == [
        "a/c/index.html: <a> '../../../weg/': no such page or file",  # browsers stop at the root
        "b/index.html: <a> 'c/': no such page or file",
    ]


def test_an_inline_script_fails_the_build_instead_of_getting_a_hash(tmp_path):
    """The policy never allow-lists what it finds: script-src 'self' only."""
    from core.errors import BuildError
    from core.finish.security import apply_security

    head = '<html><head><meta charset="utf-8"><title>t</title></head><body>'
    site = _tree(
        tmp_path,
        {
            "index.html": head
            + '<script type="application/ld+json">{"a": 1}</script></body></html>',
            "a/index.html": head + "<script>var x = 1;</script></body></html>",
            "b/index.html": head + '<script src="../x.js"></script></body></html>',
        },
    )
    with pytest.raises(BuildError, match=r"a/index.html: an inline <script> \('var x = 1;'\)"):
        apply_security(site)
    plain = _tree(tmp_path / "plain", {"index.html": head + "</body></html>"})
    assert "sha256-" not in apply_security(plain)
    assert (plain / "index.html").read_text().count("script-src 'self';") == 1
