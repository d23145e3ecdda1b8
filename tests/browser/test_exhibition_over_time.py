"""The exhibition on the visitor's own clock (Playwright's page clock) in 2020, 2026 and May
2027: postponed stops without dates never 'past', rescheduled stops without the badge, the
filter that speaks of its own place and lives in the address, and 'now showing' on the home
and the landing. The demo is built with --today 2026-11-23."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.browser.conftest import run_axe
from tests.browser.test_exhibition import groups

pytestmark = pytest.mark.browser

CALENDAR = "open-je-ogen/agenda/"


def at(context, iso: str) -> None:
    """The visitor's clock stands at noon on ``iso``."""
    context.clock.set_fixed_time(datetime.fromisoformat(iso + "T12:00:00"))


def where(page) -> dict[str, str]:
    return {slug: group for group, slugs in groups(page).items() for slug in slugs}


def card_text(page, slug: str) -> str:
    return page.locator(f"[data-stop]:has(a[href$='/{slug}/'])").first.inner_text()


@pytest.mark.parametrize(
    "visitor_date, expected",
    [
        (
            "2020-03-01",
            {
                "laren-2020": "past",
                "huizen-2020": "coming",
                "utrecht-2026": "coming",
                "maastricht-2027": "coming",
            },
        ),
        ("2026-12-03", {"utrecht-2026": "now", "zwolle-2026": "past", "maastricht-2027": "coming"}),
        (
            "2027-05-15",
            {
                "groningen-2027": "past",
                "utrecht-2026": "past",
                "zwolle-2026": "past",
                "maastricht-2027": "coming",
            },
        ),
    ],
)
def test_status_on_the_visitors_day(context, base_url, visitor_date, expected):
    at(context, visitor_date)
    page = context.new_page()
    page.goto(base_url + CALENDAR)
    found = where(page)
    for slug, group in expected.items():
        assert found[slug] == group, (slug, found)
    # Postponed without dates: still to come, and says so.
    assert "Uitgesteld, nieuwe datum volgt" in card_text(page, "maastricht-2027")
    assert groups(page)["coming"][-1] == "maastricht-2027"  # after the stops with dates
    # Rescheduled: the dates it is held on, no "Uitgesteld" badge.
    zwolle = card_text(page, "zwolle-2026")
    assert "Uitgesteld" not in zwolle and "7 sep" in zwolle


def test_may_2027_shows_nothing_now_and_the_postponed_stop_coming_on_home_and_landing(
    context, base_url
):
    at(context, "2027-05-15")
    page = context.new_page()
    for path in ("", "open-je-ogen/"):
        page.goto(base_url + path)
        found = groups(page)
        assert found["now"] == [] and found["coming"] == ["maastricht-2027"], (path, found)
        assert page.locator('[data-group="now"] [data-empty]').is_visible()


@pytest.mark.parametrize(
    "path, lang", [("", "nl"), ("open-je-ogen/", "nl"), ("en/", "en"), ("en/open-je-ogen/", "en")]
)
def test_now_showing_on_the_home_and_the_landing(context, base_url, path, lang):
    at(context, "2027-01-20")
    page = context.new_page()
    page.goto(base_url + path)
    heading = page.locator("#group-now")
    assert heading.inner_text() == ("Nu te zien" if lang == "nl" else "Now showing")
    assert groups(page)["now"] == ["groningen-2027"]
    assert run_axe(page) == []


def test_a_region_without_coming_stops_says_so_about_that_region(context, base_url):
    at(context, "2026-12-03")
    page = context.new_page()
    page.goto(base_url + CALENDAR)
    assert groups(page)["coming"]  # other regions have stops coming
    page.click('a[data-filter-kind="region"][data-filter-value="utrecht"]')
    empty = page.locator('[data-group="coming"] [data-empty]')
    assert empty.is_visible()
    assert empty.inner_text() == "In Utrecht is nog niets gepland."
    page.click('a[data-filter-kind="all"]')
    assert not empty.is_visible()
    # The region's own page (without JavaScript's filter) says the same, with a way on.
    page.goto(base_url + CALENDAR + "regio/utrecht/")
    assert page.locator('[data-group="coming"] [data-empty]').inner_text() == (
        "In Utrecht is nog niets gepland. Bekijk alle plaatsen"
    )


def test_the_filter_lives_in_the_address_reload_and_back(context, base_url):
    at(context, "2026-12-03")
    page = context.new_page()
    page.goto(base_url + CALENDAR)
    everything = len(where(page))
    page.click('a[data-filter-kind="city"][data-filter-value="amsterdam"]')
    assert page.url == base_url + CALENDAR + "?plaats=amsterdam"
    page.reload()
    assert sorted(where(page)) == ["amsterdam-2020", "amsterdam-voorjaar-2020"]
    assert page.get_attribute('a[data-filter-value="amsterdam"]', "aria-current") == "true"
    page.click('a[data-filter-kind="region"][data-filter-value="gooi-en-vechtstreek"]')
    assert page.url == base_url + CALENDAR + "?regio=gooi-en-vechtstreek"
    page.go_back()
    assert page.url == base_url + CALENDAR + "?plaats=amsterdam"
    assert sorted(where(page)) == ["amsterdam-2020", "amsterdam-voorjaar-2020"]
    page.go_back()
    assert page.url == base_url + CALENDAR
    assert len(where(page)) == everything
    page.go_forward()
    assert len(where(page)) == 2


def test_an_english_address_with_a_town_opens_filtered(context, base_url):
    at(context, "2026-12-03")
    page = context.new_page()
    page.goto(base_url + "en/open-je-ogen/calendar/?city=utrecht")
    assert list(where(page)) == ["utrecht-2026"]
    assert page.locator('[data-group="coming"] [data-empty]').inner_text() == (
        "Nothing is planned in Utrecht yet."
    )
