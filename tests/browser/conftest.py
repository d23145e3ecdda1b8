"""Real headless Chromium (Debian's build, driven by Playwright) against the built demo site."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import ROOT

SITE_URL = "https://mensenhandel.example.org/"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A static server for the browser tests that prints nothing.

    Chromium drops connections it no longer needs (a page left mid-load): the default server
    prints a BrokenPipe traceback to stderr from its thread, which lands in whatever output
    another test is capturing at that moment (a test of exact error messages failed so)."""

    def handle_error(self, request, client_address):
        pass


@pytest.fixture(scope="session")
def base_url(demo_site):
    """The demo site served on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(demo_site))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def site_paths(demo_site) -> list[str]:
    """Every page path of the sitemap (both languages), relative to the site root."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [
        u.findtext("s:loc", namespaces=ns)
        for u in ET.parse(demo_site / "sitemap.xml").findall("s:url", ns)
    ]
    return [urlsplit(loc).path.lstrip("/") for loc in locs]


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is not installed (./dev test installs it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


def tab_to(page, selector: str, limit: int = 200) -> None:
    """Press Tab until the element matching ``selector`` has focus (as a keyboard user would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"Tab never reached {selector}")


def run_axe(page) -> list[dict]:
    """axe-core's violations on the current page for WCAG 2.0/2.1/2.2 A and AA."""
    # Evaluated through DevTools rather than a <script> tag: the page's own CSP forbids inline
    # scripts, and the tests keep that policy enforced.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("""async () => {
        const result = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
        return result.violations.map(v => ({id: v.id, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
    }""")
