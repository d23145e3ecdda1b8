"""Page weight: the compressed bytes Chromium fetches for a page, without and with images."""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import threading
from pathlib import Path

# The pages weighed: name -> path in the site (None: the story the benchmark edits).
PAGES = {
    "home": "",
    "story": None,
    "Academy catalogue": "academy/",
    "Kompas matrix": "kompas/matrix/",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_weights(site: Path, story_url: str) -> dict:
    """Bytes (gzip -6, as a server would send) Chromium fetches for each page: without/with images."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    weights = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"]
            )
            for name, path in PAGES.items():
                path = story_url if path is None else path
                context = browser.new_context(viewport={"width": 412, "height": 915})
                page = context.new_page()
                responses = []
                page.on("response", lambda r: responses.append(r))
                page.goto(base + path, wait_until="networkidle")
                text = images = 0
                files = []
                for response in responses:
                    if response.status >= 300:
                        continue
                    size = len(gzip.compress(response.body(), 6, mtime=0))
                    if response.request.resource_type == "image" or response.headers.get(
                        "content-type", ""
                    ).startswith("image/"):
                        images += size
                    else:
                        text += size
                        files.append(response.url[len(base) :] or "/")
                weights[name] = {
                    "url": "/" + path,
                    "no_images": text,
                    "with_images": text + images,
                    "files": files,
                }
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return weights
