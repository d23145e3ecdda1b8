"""The Academy's "Back to the Academy (with filters)" in Chromium: the catalogue's filters go
along to an offer page (in its address only) and come back with the back link."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import run_axe
from tests.browser.facet_checks import shown

pytestmark = pytest.mark.browser


def _stores(page) -> dict:
    return page.evaluate(
        "() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"
    )


@pytest.mark.parametrize(
    "start, filters, offer_folder",
    [
        ("academy/", {"audience": "gemeenten", "cost": "gratis"}, "/academy/aanbod/"),
        ("en/academy/", {"cost": "free"}, "/en/academy/offers/"),
    ],
)
def test_back_to_the_academy_keeps_the_filters(context, base_url, start, filters, offer_folder):
    page = context.new_page()
    page.goto(base_url + start)
    for name, value in filters.items():
        page.check(f"form[data-facets] input[name={name}][value={value}]")
    filtered = shown(page)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {name: [value] for name, value in filters.items()}
    # Follow the first offer shown in the page's language (by keyboard).
    link = page.locator("[data-facets-entry]:visible h3 a:not([hreflang])").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: offer_folder in url)
    assert parse_qs(urlsplit(page.url).query) == query
    back = page.locator("a[data-academy-back]")
    back.click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/" + start)
    assert parse_qs(urlsplit(page.url).query) == query
    for name, value in filters.items():
        assert page.is_checked(f"form[data-facets] input[name={name}][value={value}]")
    assert shown(page) == filtered
    assert _stores(page) == {"local": [], "session": []}  # nothing stored on the way
    assert run_axe(page) == []


def test_an_untranslated_offer_gets_no_filters_of_the_other_language(context, base_url):
    page = context.new_page()
    page.goto(base_url + "en/academy/?cost=free")
    page.locator("[data-facets-entry]:visible h3 a[hreflang=nl]").first.click()
    page.wait_for_url(lambda url: "/academy/aanbod/" in url)
    assert urlsplit(page.url).query == ""


def test_back_without_filters_is_the_plain_catalogue(context, base_url):
    page = context.new_page()
    page.goto(base_url + "academy/aanbod/kompas-aanpak-mensenhandel/")
    assert page.locator("a[data-academy-back]").get_attribute("href") == "../../"
    # The Kompas offer leads to this site's Kompas, not to another site.
    more = page.locator("dt:text-is('Meer informatie') + dd a")
    assert more.get_attribute("href") == "../../../kompas/"
    more.click()
    assert urlsplit(page.url).path == "/kompas/"
