"""Every page of the sitemap, in both languages: no request to another host, no axe violations."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import run_axe

pytestmark = pytest.mark.browser


def test_sitemap_covers_both_languages(site_paths):
    assert "" in site_paths and "en/" in site_paths
    assert len(site_paths) >= 10


def test_no_page_requests_another_host_and_axe_finds_nothing(context, base_url, site_paths):
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    failures: dict[str, object] = {}
    for path in site_paths:
        requests.clear()
        response = page.goto(base_url + path, wait_until="networkidle")
        assert response and response.status == 200, path
        foreign = [
            url
            for url in requests
            if urlsplit(url).scheme not in ("data", "blob")
            and urlsplit(url).hostname != "127.0.0.1"
        ]
        if foreign:
            failures[f"/{path} requests"] = foreign
        violations = run_axe(page)
        if violations:
            failures[f"/{path} axe"] = violations
    assert not failures, failures


def test_every_page_has_the_quick_exit_and_help_block(context, base_url, site_paths):
    page = context.new_page()
    for path in site_paths:
        page.goto(base_url + path)
        exit_link = page.locator("#quick-exit")
        assert exit_link.is_visible(), path
        assert exit_link.get_attribute("rel") == "noreferrer"
        box = exit_link.bounding_box()
        assert box["y"] < 120 and box["height"] >= 44, (path, box)
        assert page.locator("aside.help-block, [data-help-block]").count() == 1, path
