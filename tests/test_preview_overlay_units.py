"""The preview overlay's pieces: status, content types of files, the WSGI wrapper, and that a
published build never carries it."""

from __future__ import annotations

import json

from toolkit import cli
from core.errors import BuildError, ContentError, Problem
from core.preview.app import TAGS, inject, wrap
from core.preview.status import PreviewStatus, type_of


def test_type_of_a_file_is_its_sections_type_with_the_longest_folder():
    assert type_of("academy/e-learning.md", cli.SECTIONS) == "offer"
    assert type_of("exhibition/stops/utrecht-2026.en.md", cli.SECTIONS) == "stop"
    assert type_of("exhibition/landing/index.md", cli.SECTIONS) == "exhibition-landing"
    assert type_of("vocabularies/regions.yml", cli.SECTIONS) is None


def test_status_lists_every_problem_with_its_type_and_clears_on_success():
    status = PreviewStatus(cli.SECTIONS)
    assert json.loads(status.to_json())["ok"] is True
    assert json.loads(status.to_json())["problems"] == []
    status.failed(
        ContentError(
            [
                Problem("academy/x.md", 3, "field 'cost': expected ..."),
                Problem("vocabularies/regions.yml", 1, "bad term"),
            ]
        )
    )
    assert json.loads(status.to_json())["ok"] is False
    assert json.loads(status.to_json())["problems"] == [
        {
            "path": "academy/x.md",
            "line": 3,
            "message": "field 'cost': expected ...",
            "type": "offer",
        },
        {"path": "vocabularies/regions.yml", "line": 1, "message": "bad term", "type": None},
    ]
    status.failed(BuildError("MkDocs could not render the nl site"))
    assert json.loads(status.to_json())["problems"] == [
        {"path": None, "line": None, "message": "MkDocs could not render the nl site", "type": None}
    ]
    status.succeeded()
    assert status.ok


def _call(app, path):
    seen = {}

    def start_response(code, headers, exc_info=None):
        seen["code"], seen["headers"] = code, dict(headers)

    body = b"".join(app({"PATH_INFO": path}, start_response))
    return seen["code"], seen["headers"], body


def test_wrapper_adds_the_overlay_to_html_only_and_answers_its_own_routes():
    def site(environ, start_response):
        if environ["PATH_INFO"].endswith(".css"):
            start_response("200 OK", [("Content-Type", "text/css"), ("Content-Length", "3")])
            return [b"a{}"]
        page = b"<html><body><p>hi</p></body></html>"
        start_response(
            "200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(page)))]
        )
        return [page]

    status = PreviewStatus(cli.SECTIONS)
    app = wrap(site, status)
    code, headers, body = _call(app, "/")
    assert body == b"<html><body><p>hi</p>" + TAGS + b"</body></html>"
    assert headers["Content-Length"] == str(len(body))
    assert _call(app, "/assets/site.css")[2] == b"a{}"
    answer = json.loads(_call(app, "/_preview/status.json")[2])
    assert (answer["ok"], answer["problems"], answer["lang"]) == (True, [], "en")
    assert b"showModal" in _call(app, "/_preview/overlay.js")[2]
    code, headers, body = _call(app, "/_preview/fields/offer/")
    assert code == "200 OK" and b"<code>provider</code>" in body
    assert _call(app, "/_preview/fields/nothing/")[0] == "404 Not Found"
    assert inject(b"no body tag") == b"no body tag" + TAGS


def test_a_published_build_never_carries_the_overlay(demo_site):
    for page in demo_site.rglob("*.html"):
        assert "_preview" not in page.read_text(encoding="utf-8"), page
    assert not list(demo_site.rglob("overlay.*"))
