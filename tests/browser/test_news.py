"""The news pages in Chromium: axe finds nothing at phone and desktop width, nothing is wider
than a phone, and a reader app finds the Atom feed from the news page's head and can read it."""

from __future__ import annotations

import feedparser
import pytest

from tests.browser.conftest import run_axe

pytestmark = pytest.mark.browser

NEWS_PAGES = [
    "nieuws/",
    "en/news/",
    "nieuws/kennismiddag-seksueel-geweld/",
    "en/news/gaatw-conferentie-thailand/",
    "nieuws/archief/",
    "en/news/archive/2024/",
    "",
    "en/",
]  # the home pages show the latest items


@pytest.mark.parametrize("width", [390, 1280])
def test_news_pages_pass_axe_and_fit_the_screen(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {}
    for path in NEWS_PAGES:
        response = page.goto(base_url + path)
        assert response is not None and response.status == 200, path
        violations = run_axe(page)
        if violations:
            problems[f"/{path} axe"] = violations
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            problems[f"/{path} width"] = wide
    context.close()
    assert problems == {}


@pytest.mark.parametrize("path, lang", [("nieuws/", "nl"), ("en/news/", "en")])
def test_reader_app_discovers_the_feed_from_the_head(context, base_url, path, lang):
    page = context.new_page()
    page.goto(base_url + path)
    link = page.locator('head link[rel="alternate"][type="application/atom+xml"]')
    assert link.count() == 1
    href = page.evaluate("document.querySelector('link[type=\"application/atom+xml\"]').href")
    response = page.request.get(href)
    assert response.ok
    feed = feedparser.parse(response.body())
    assert not feed.bozo and feed.feed.language == lang
    # Each entry's title is a link on the page the feed belongs to.
    titles = page.locator("main h2 a").all_text_contents()
    assert [e.title for e in feed.entries] == titles[: len(feed.entries)]
