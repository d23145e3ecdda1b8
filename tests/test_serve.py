"""`build.py serve`: the preview is served on localhost and rebuilt when content changes."""

from __future__ import annotations

import socket
import threading
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
    pid: int
    output: str = ""


@contextmanager
def serving(content, tmp_path):
    """Run ``build.py serve`` on ``content`` at a free port of 127.0.0.1 for a ``with`` block."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
         "--content", str(content.root), "--out", str(tmp_path / "preview")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    preview = Preview(f"http://127.0.0.1:{port}/", process.pid)
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


def test_the_watcher_rests_during_a_build_and_then_reports_what_changed(tmp_path):
    """core/serve.py's observer takes no look at the files while a build runs (a look at a
    thousand files took the interpreter lock from the build), and a save made meanwhile is
    reported once the build is over."""
    from watchdog.events import FileSystemEventHandler
    from core.serve import _RestingObserver
    (tmp_path / "page.md").write_text("een", encoding="utf-8")
    idle, seen = threading.Event(), []
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: seen.append(event) if not event.is_directory else None
    observer = _RestingObserver(idle, 0.05)
    observer.schedule(handler, str(tmp_path), recursive=True)
    idle.set()
    observer.start()
    try:
        time.sleep(0.3)  # a first look is taken
        idle.clear()  # a build begins
        time.sleep(0.2)
        (tmp_path / "page.md").write_text("twee", encoding="utf-8")
        time.sleep(0.5)
        assert seen == []  # no look during the build
        idle.set()  # the build is over
        deadline = time.monotonic() + 5
        while not seen and time.monotonic() < deadline:
            time.sleep(0.01)
        assert any(e.src_path.endswith("page.md") for e in seen)
    finally:
        observer.stop()
        observer.join()
