"""PNGs of every page kind in both languages at phone and desktop width, to look at.

    python -m tests.browser.screenshots SITE_DIR OUT_DIR      (or: ./dev screenshots)

Looking is part of testing (issue 20): the browser tests assert what can be asserted; these
pictures show what a visitor sees. Serves SITE_DIR on 127.0.0.1 and writes
OUT_DIR/<width>/<page kind>.png.
"""

from __future__ import annotations

import functools
import shutil
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS, QuietServer, _QuietHandler

WIDTHS = (390, 1280)
# One page of each kind: name -> path, Dutch and English.
PAGE_KINDS = {
    "home": "",
    "home-en": "en/",
    "longread-cover": "longread/",
    "longread-cover-en": "en/longread/",
    "story": "longread/het-leek-op-liefde/",
    "story-en": "en/longread/het-leek-op-liefde/",
    "kompas": "kompas/",
    "kompas-en": "en/kompas/",
    "kompas-instrument": "kompas/instrumenten/apv/",
    "kompas-form-en": "en/kompas/forms/arbeidsuitbuiting/",
    "kompas-matrix": "kompas/matrix/",
    "academy": "academy/",
    "academy-en": "en/academy/",
    "partners": "partners/",
    "partners-en": "en/partners/",
    "publications": "publicaties/",
    "publications-en": "en/publications/",
    "publication": "publicaties/2022-11-verslag-modernisering-strafbaarstelling/",
    "about-quotes": "over-ons/",
    "about-quotes-en": "en/about/",
    "exhibition": "open-je-ogen/",
    "exhibition-en": "en/open-je-ogen/",
    "calendar": "open-je-ogen/agenda/",
    "calendar-en": "en/open-je-ogen/calendar/",
    "news": "nieuws/",
    "news-en": "en/news/",
    "news-item": "nieuws/kennismiddag-seksueel-geweld/",
    "news-item-en": "en/news/gaatw-conferentie-thailand/",
    "news-year": "nieuws/archief/2020/",
    "plain": "privacy/",
    "plain-en": "en/privacy/",
    "help": "hulp-en-melden/",
    "help-en": "en/help/",
    "search": "zoeken/",
    "search-en": "en/search/",
    "not-found": "404.html",
    "not-found-en": "en/404.html",
}


def main(site: Path, out: Path) -> int:
    """Write the screenshots; print one line per file and any page wider than its screen."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                (out / str(width)).mkdir(parents=True, exist_ok=True)
                for name, path in PAGE_KINDS.items():
                    response = page.goto(base + path, wait_until="networkidle")
                    if response is None or response.status != 200:
                        print(f"{width}/{name}: /{path} not found, skipped")
                        continue
                    target = out / str(width) / f"{name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    wide = page.evaluate("document.documentElement.scrollWidth")
                    print(f"{target}" + (f"  (page is {wide} px wide)" if wide > width else ""))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: python -m tests.browser.screenshots SITE_DIR OUT_DIR", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
