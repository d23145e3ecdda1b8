"""The preview server's front door: only requests for this preview, with paths a file can have.

- **Host.** A page on any website can make the visitor's browser send requests to
  ``127.0.0.1:PORT`` under its own name, once its DNS name points there (DNS rebinding); the
  browser then lets that page read the answers. The preview answers only requests whose
  ``Host`` names the preview itself (``127.0.0.1``, ``localhost``, the address it listens on,
  with its port); any other name gets ``421 Misdirected Request``.
- **Paths.** A path with a NUL or another control character, bytes that are not UTF-8, a
  ``.`` or ``..`` segment, a backslash, or more than :data:`MAX_PATH` characters names no file of the site: ``400`` at
  once. MkDocs' server answered a NUL with a 500 and a traceback (``open`` raises
  ``ValueError`` for it).
"""

from __future__ import annotations

import ipaddress
from typing import Callable, Iterable

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]
MAX_PATH = 1024  # characters; the site's longest page path is far shorter


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The ``Host`` header values that name a preview listening on ``host``:``port``."""
    names = {"127.0.0.1", "localhost", _bracketed(host)}
    return frozenset(
        {f"{name}:{port}" for name in names} | (names if port == 80 else set())
    )  # browsers leave out port 80


def guard(app: WSGIApp, hosts: frozenset[str]) -> WSGIApp:
    """``app`` behind the checks above: it sees only requests for ``hosts`` with plain paths."""

    def guarded_app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("HTTP_HOST", "").lower() not in hosts:
            return _refuse(
                start_response,
                "421 Misdirected Request",
                b"This preview answers only for 127.0.0.1 and localhost.\n",
            )
        if not plain_path(environ.get("PATH_INFO", "")):
            return _refuse(start_response, "400 Bad Request", b"Bad request path.\n")
        return app(environ, start_response)

    return guarded_app


def plain_path(path: str) -> bool:
    """Whether ``path`` (the decoded ``PATH_INFO``) can name a file of the served site."""
    if not path.startswith("/") or len(path) > MAX_PATH or "\\" in path:
        return False
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in path):
        return False
    try:  # WSGI hands the path over as bytes in Latin-1; the site's names are UTF-8
        path.encode("latin-1").decode("utf-8")
    except UnicodeError:  # MkDocs dropped such bytes: '/%ff/' served the home page
        return False
    return not any(segment in (".", "..") for segment in path.split("/"))


def _bracketed(host: str) -> str:
    """An IPv6 address as a ``Host`` header writes it: ``[::1]``."""
    try:
        if isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address):
            return f"[{host}]"
    except ValueError:
        pass
    return host.lower()


def _refuse(start_response: Callable, status: str, body: bytes) -> list[bytes]:
    start_response(
        status,
        [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
        ],
    )
    return [body]
