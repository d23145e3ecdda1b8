"""`build.py serve`: the preview is served on localhost and rebuilt when content changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass

from tests.conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
                if text in last:
                    return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never contained {text!r}; last response:\n{last[:500]}")


@dataclass
class Preview:
    """A running ``build.py serve``: its address, and once stopped everything it printed."""

    url: str
    output: str = ""


@contextmanager
def serving(content, tmp_path):
    """Run ``build.py serve`` on ``content`` at a free port of 127.0.0.1 for a ``with`` block."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
         "--content", str(content.root), "--out", str(tmp_path / "preview")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    preview = Preview(f"http://127.0.0.1:{port}/")
    try:
        yield preview
    finally:
        process.terminate()
        preview.output, _ = process.communicate(timeout=20)


def test_serve_rebuilds_on_content_change_and_keeps_the_last_good_site(content, tmp_path):
    with serving(content, tmp_path) as preview:
        url = preview.url
        _wait_for(url, "Welkom op de site.")
        content.write("pages/index.md", (content.root / "pages/index.md").read_text()
                      .replace("Welkom op de site.", "Nieuwe welkomsttekst."))
        _wait_for(url, "Nieuwe welkomsttekst.")
        # A broken edit keeps the last good page online.
        content.write("pages/index.md", "---\ntitle: [kapot\n---\n\nKapotte tekst.\n")
        time.sleep(3)
        assert "Nieuwe welkomsttekst." in _wait_for(url, "Nieuwe welkomsttekst.")
    assert "pages/index.md:2: invalid YAML" in preview.output
