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
def serving(content, tmp_path, lang: str = "en"):
    """Run ``build.py serve`` on ``content`` at a free port of 127.0.0.1 for a ``with`` block
    (its messages in ``lang``: English, as the tests were written, unless a test asks)."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "serve",
            "--lang",
            lang,
            "--port",
            str(port),
            "--content",
            str(content.root),
            "--out",
            str(tmp_path / "preview"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
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
        content.write(
            "pages/index.md",
            (content.root / "pages/index.md")
            .read_text()
            .replace("Welkom op de site.", "Nieuwe welkomsttekst."),
        )
        _wait_for(url, "Nieuwe welkomsttekst.")
        # A broken edit keeps the last good page online.
        content.write("pages/index.md", "---\ntitle: [kapot\n---\n\nKapotte tekst.\n")
        time.sleep(3)
        assert "Nieuwe welkomsttekst." in _wait_for(url, "Nieuwe welkomsttekst.")
    assert "pages/index.md:2: invalid YAML" in preview.output


def test_the_watcher_rests_during_a_build_and_then_reports_what_changed(tmp_path):
    """core/adapters/mkdocs/serve.py's observer takes no look at the files while a build runs (a look at a
    thousand files took the interpreter lock from the build), and a save made meanwhile is
    reported once the build is over."""
    from watchdog.events import FileSystemEventHandler
    from core.adapters.mkdocs.serve import _RestingObserver

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


def _ask(url: str, path: str, host: str | None = None) -> tuple[int, bytes]:
    """GET ``path`` exactly as written (no normalising), with ``Host: host``."""
    import http.client
    from urllib.parse import urlsplit

    address = urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", address.netloc if host is None else host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_the_preview_answers_only_its_own_host_and_refuses_odd_paths(content, tmp_path):
    """DNS rebinding: a page of another site, its name pointed at 127.0.0.1, must not read
    the preview; odd paths get 4xx from the preview, never a 500 and a traceback."""
    with serving(content, tmp_path) as preview:
        _wait_for(preview.url, "Welkom op de site.")
        port = preview.url.rsplit(":", 1)[1].strip("/")
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
            status, body = _ask(preview.url, "/", host)
            assert status == 200 and b"Welkom op de site." in body, host
        for host in (
            f"attacker.example:{port}",
            "attacker.example",
            f"127.0.0.1:{int(port) + 1}",
            f"localhost.attacker.example:{port}",
            "",
        ):
            status, body = _ask(preview.url, "/", host)
            assert status == 421 and b"Welkom" not in body, host
        assert _ask(preview.url, "/_preview/status.json", "evil.example")[0] == 421
        for path in (
            "/%00",
            "/index.html%00",
            "/veiligheid/%00/",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/../../etc/passwd",
            "/a/./b",
            "/%0d%0aSet-Cookie:x",
            "/a\\b",
            "/%ff%fe/",
            "/" + "a" * 2000,
        ):
            status, body = _ask(preview.url, path)
            assert status == 400, (path, status)
        assert _ask(preview.url, "/nergens/")[0] == 404
        # Long, but plain (a name longer than the file system allows among them): no such page.
        assert _ask(preview.url, "/" + "c" * 900)[0] == 404
        assert _ask(preview.url, "/" + "b" * 300 + "/")[0] == 404
    assert "Traceback" not in preview.output
    assert "500" not in preview.output


def test_the_request_guard_alone():
    from core.preview.guard import allowed_hosts, guard, plain_path

    assert allowed_hosts("127.0.0.1", 8000) == {"127.0.0.1:8000", "localhost:8000"}
    assert allowed_hosts("::1", 8000) == {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"}
    assert "localhost" in allowed_hosts("127.0.0.1", 80)  # browsers leave out port 80
    seen = []
    app = guard(
        lambda environ, start: seen.append(environ["PATH_INFO"]) or [b"ok"],
        allowed_hosts("127.0.0.1", 8000),
    )
    codes = []
    start = lambda status, headers: codes.append(status)  # noqa: E731
    assert app({"HTTP_HOST": "localhost:8000", "PATH_INFO": "/en/"}, start) == [b"ok"]
    app({"HTTP_HOST": "evil.example:8000", "PATH_INFO": "/"}, start)
    app({"PATH_INFO": "/"}, start)  # no Host at all (HTTP/1.0)
    app({"HTTP_HOST": "localhost:8000", "PATH_INFO": "/a\x00b"}, start)
    assert seen == ["/en/"]
    assert codes == ["421 Misdirected Request", "421 Misdirected Request", "400 Bad Request"]
    assert plain_path("/over-ons/") and plain_path("/assets/site.css")
    assert plain_path("/\xc3\xa9/")  # "/é/" as WSGI hands it over (UTF-8 bytes as Latin-1)
    assert not any(
        plain_path(p) for p in ("", "x", "/..", "/a/../b", "/./", "/a\x7f", "/a\tb", "/\xff/")
    )
