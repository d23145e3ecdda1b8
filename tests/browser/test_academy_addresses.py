"""The Academy's filters carried in links stay on this site whatever the address the page was
opened at: a page opened as ``//host/academy/...`` (servers that merge slashes answer it, and
so does the test server) once wrote its path back as ``//host/...``, an address on ``host``."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_the_back_link_stays_on_the_site_opened_with_a_double_slash(context, base_url):
    page = context.new_page()
    page.goto(base_url + "/academy/aanbod/kompas-aanpak-mensenhandel/?cost=gratis")
    assert urlsplit(page.url).path.startswith("//academy/")  # the address as the visitor has it
    back = page.locator("a[data-academy-back]")
    resolved = back.evaluate("a => a.href")  # where a click goes
    assert urlsplit(resolved).netloc == urlsplit(base_url).netloc
    assert urlsplit(resolved).query == "cost=gratis"


def test_an_offer_link_carries_the_filters_and_stays_on_the_site(context, base_url):
    page = context.new_page()
    page.goto(base_url + "/academy/?cost=gratis")
    link = page.locator("[data-facets-entry]:visible h3 a:not([hreflang])").first
    link.dispatch_event("auxclick")  # what opening it in a new tab does, without leaving
    resolved = link.evaluate("a => a.href")
    assert urlsplit(resolved).netloc == urlsplit(base_url).netloc
    assert urlsplit(resolved).query == "cost=gratis"
