"""In Chromium: a built page runs only the script files the theme ships, and an inline script
in the output fails the build (the policy never allow-lists it)."""

from __future__ import annotations

import functools
import shutil
import threading
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from core.errors import BuildError
from tests.browser.conftest import QuietServer, _QuietHandler
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.browser

# Every hostile text calls this; a dialog in the browser means injected code ran.
HOSTILE = [
    "{: onclick=alert(1) }",
    "![x](https://e.vl/x.png){: onerror=alert(1) }",
    "[k](javascript:alert(1))",
    "&#106;avascript:alert(1)",
]
PARTNER = """\
---
name: {text}
kind: ketenpartner
sector: opsporing
scope: nationaal
roles: [lid]
website: https://www.example.org/
summary: {text}
---

Tekst met een [link](https://example.org/).
"""
VOCABULARIES = {
    "partner-kinds": "ketenpartner: {nl: Ketenpartner, en: Chain partner}\n",
    "partner-sectors": "opsporing: {nl: Opsporing, en: Enforcement}\n",
    "partner-scopes": "nationaal: {nl: Nationaal, en: National}\n",
    "partner-roles": "lid: {nl: Lid, en: Member}\n",
    "partner-relations": "voedt: {nl: voedt, en: feeds}\n",
}
RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def _serve(directory: Path):
    server = QuietServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _shipped_scripts(site: Path) -> set[str]:
    """The script files of the built site that come from the theme: Material's bundle and
    the project's theme/assets (by name, as the theme ships them)."""
    ours = {p.name for p in (ROOT / "theme").rglob("*.js")}
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.js")
        if p.name in ours or "assets/javascripts/" in p.relative_to(site).as_posix()
    }


@pytest.fixture
def hostile_site(content, tmp_path) -> Path:
    for name, text in VOCABULARIES.items():
        content.write(f"vocabularies/{name}.yml", text)
    for index, text in enumerate(HOSTILE):
        quoted = "'" + text.replace("'", "''") + "'"  # YAML single-quoted: data, as written
        content.write(f"partners/p{index}.md", PARTNER.format(text=quoted))
    out = tmp_path / "site"
    result = run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    return out


def test_pages_with_hostile_fields_run_only_the_theme_s_script_files(browser, hostile_site):
    """The policy is bypassed here on purpose: were anything injected, it would run (and
    open a dialog); every script the page fetches is one the theme ships."""
    server, base = _serve(hostile_site)
    shipped = _shipped_scripts(hostile_site)
    try:
        context = browser.new_context(bypass_csp=True)
        dialogs, scripts, hosts = [], [], set()
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on(
            "request",
            lambda r: (
                hosts.add(urlsplit(r.url).netloc),
                scripts.append(urlsplit(r.url).path.lstrip("/"))
                if r.resource_type == "script"
                else None,
            ),
        )
        paths = ["partners/", "partners/a-z/", "en/partners/"] + [
            f"partners/p{i}/" for i in range(len(HOSTILE))
        ]
        for path in paths:
            page.goto(base + path, wait_until="networkidle")
            # Handlers, were there any, would fire now; addresses as the browser reads them.
            protocols = page.evaluate("""() => {
                for (const e of document.querySelectorAll('article *'))
                    for (const type of ['mouseover', 'error', 'focus', 'load', 'toggle'])
                        e.dispatchEvent(new Event(type));
                return [...document.querySelectorAll('article a[href]')].map(a => a.protocol);
            }""")
            assert set(protocols) <= {"http:", "https:", "mailto:", "tel:"}, (path, protocols)
        context.close()
    finally:
        server.shutdown()
    assert dialogs == []
    assert hosts == {urlsplit(base).netloc}
    assert scripts and set(scripts) <= shipped, set(scripts) - shipped


def test_an_inline_script_put_into_a_built_page_is_blocked_and_fails_the_build(
    browser, demo_site, tmp_path
):
    """The policy carries no hash of anything found: an inline script added to a built page
    does not run in Chromium, and the finish stage's check refuses such a page."""
    from core.finish.security import check_no_inline_code

    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    page_file = site / "over-ons" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(
        html.replace("</body>", "<script>window.__ran = 1</script></body>", 1), encoding="utf-8"
    )
    server, base = _serve(site)
    try:
        context = browser.new_context()
        context.add_init_script(RECORD)
        page = context.new_page()
        page.goto(base + "over-ons/", wait_until="networkidle")
        assert page.evaluate("window.__ran") is None
        assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
        context.close()
    finally:
        server.shutdown()
    with pytest.raises(
        BuildError, match=r"over-ons/index.html: an inline <script> \('window.__ran = 1'\)"
    ):
        check_no_inline_code({"over-ons/index.html": page_file.read_bytes()})


def test_a_template_that_makes_an_inline_script_fails_the_build(content, tmp_path):
    """A theme override that writes an inline script: the build fails and publishes nothing."""
    from toolkit.cli import SECTIONS
    from core.build import SiteBuild

    project = tmp_path / "project"
    shutil.copytree(ROOT / "theme", project / "theme")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    main = project / "theme" / "main.html"
    main.write_text(
        main.read_text(encoding="utf-8").replace(
            "{% block scripts %}", "{% block scripts %}\n  <script>window.__ran = 1</script>", 1
        ),
        encoding="utf-8",
    )
    out = tmp_path / "site"
    with pytest.raises(BuildError, match=r"index.html: an inline <script> \('window.__ran = 1'\)"):
        SiteBuild(content.root, out, date(2026, 11, 23), project / "mkdocs.yml", SECTIONS).run()
    assert not out.exists()
