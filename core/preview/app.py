"""The preview server's own routes and the overlay tags, around MkDocs' live-reload WSGI app.

``/_preview/status.json`` says how the last build went, ``/_preview/overlay.js|.css`` show it
over the page, ``/_preview/fields/TYPE/`` is the field reference the overlay links to. Every
HTML page the preview serves gets the two overlay tags before ``</body>``. Nothing here is
written into the built site, so a published build can never carry the overlay.
"""

from __future__ import annotations

import html
import re
from importlib import resources
from typing import Callable, Iterable

import markdown

from core.fieldref import handbook_path, type_reference
from core.i18n import _, current
from core.preview.status import PreviewStatus
from core.section import content_types

PREFIX = "/_preview/"
TAGS = (
    b'<link rel="stylesheet" href="/_preview/overlay.css">'
    b'<script src="/_preview/overlay.js" defer></script>'
)
_ASSETS = {
    "overlay.js": "application/javascript; charset=utf-8",
    "overlay.css": "text/css; charset=utf-8",
}
_FIELDS = re.compile(r"fields/([a-z0-9-]+)/?")

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


def inject(page: bytes) -> bytes:
    """``page`` with the overlay's stylesheet and script before its last ``</body>``."""
    end = page.rfind(b"</body>")
    return page + TAGS if end < 0 else page[:end] + TAGS + page[end:]


def wrap(app: WSGIApp, status: PreviewStatus) -> WSGIApp:
    """A WSGI app that answers ``/_preview/...`` itself and adds the overlay to ``app``'s pages."""

    def preview_app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith(PREFIX):
            return _own_route(path[len(PREFIX) :], status, start_response)
        captured: dict = {}

        def capture(code, headers, exc_info=None):
            captured["code"], captured["headers"] = code, headers
            return lambda data: None  # MkDocs' app returns its body, it never calls write()

        body = app(environ, capture)
        headers = captured["headers"]
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        if not content_type.startswith("text/html"):
            start_response(captured["code"], headers)
            return body
        try:
            page = inject(b"".join(body))
        finally:
            getattr(body, "close", lambda: None)()
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(captured["code"], headers + [("Content-Length", str(len(page)))])
        return [page]

    return preview_app


def _own_route(name: str, status: PreviewStatus, start_response: Callable) -> list[bytes]:
    if name == "status.json":
        return _respond(start_response, "application/json; charset=utf-8", status.to_json())
    if name in _ASSETS:
        data = resources.files(__package__).joinpath(name).read_bytes()
        return _respond(start_response, _ASSETS[name], data)
    match = _FIELDS.fullmatch(name)
    section = next(
        (
            s
            for s in content_types(status.sections)
            if match and s.schema.type_name == match.group(1)
        ),
        None,
    )
    if section is None:
        return _respond(start_response, "text/plain; charset=utf-8", b"not found", "404 Not Found")
    return _respond(start_response, "text/html; charset=utf-8", _fields_page(section))


def _fields_page(section) -> bytes:
    """The field reference of one type, in the editor's language, as a small standalone page."""
    lang = current()
    text = type_reference(section, lang).split("\n", 1)[1]  # without the 'generated' comment
    body = markdown.markdown(text, extensions=["tables"])
    title = _("Field reference: {type}", type=section.schema.type_name)
    also = html.escape(_("Also in the repository: {english} and {dutch}.")).format(
        english=f"<code>{handbook_path(section, 'en')}</code>",
        dutch=f'<code lang="nl">{handbook_path(section, "nl")}</code>',
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title>"
        f'<link rel="stylesheet" href="/_preview/overlay.css"></head>'
        f'<body class="preview-fields"><main>{body}<p>{also}</p>'
        f"</main></body></html>"
    ).encode("utf-8")


def _respond(
    start_response: Callable, content_type: str, data: bytes, code: str = "200 OK"
) -> list[bytes]:
    start_response(
        code,
        [
            ("Content-Type", content_type),
            ("Content-Length", str(len(data))),
            ("Cache-Control", "no-store"),
        ],
    )
    return [data]
