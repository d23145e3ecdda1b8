"""The Open je Ogen calendar in Chromium: re-grouped with the visitor's date, filtered in place,
and still grouped by the build without JavaScript. The demo is built with --today 2026-11-23."""

from __future__ import annotations

import pytest

from tests.browser.conftest import run_axe

pytestmark = pytest.mark.browser

CALENDAR = "open-je-ogen/agenda/"


def fake_date(context, iso: str) -> None:
    """Make the page's ``new Date()`` (without arguments) return noon on ``iso``, local time."""
    year, month, day = (int(part) for part in iso.split("-"))
    context.add_init_script(f"""(() => {{
        const Real = Date;
        const fixed = new Real({year}, {month - 1}, {day}, 12, 0, 0).getTime();
        class Fake extends Real {{
            constructor(...args) {{ super(...(args.length ? args : [fixed])); }}
            static now() {{ return fixed; }}
        }}
        globalThis.Date = Fake;
    }})();""")


def groups(page) -> dict[str, list[str]]:
    """Stop links per group, in the order shown."""
    return page.evaluate("""() => Object.fromEntries(
        [...document.querySelectorAll('[data-group]')].map(g => [g.dataset.group,
            [...g.querySelectorAll('[data-stop]:not([hidden]) a')].map(
                a => a.getAttribute('href').split('/').filter(Boolean).pop())]))""")


def empty_shown(page) -> dict[str, bool]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-group]')]
        .map(g => [g.dataset.group, !g.querySelector('[data-empty]').hidden]))""")


@pytest.mark.parametrize(
    "visitor_date, utrecht, groningen",
    [
        ("2026-11-08", "coming", "coming"),  # the day before Utrecht's first day
        ("2026-11-09", "now", "coming"),  # its first day
        ("2026-12-04", "now", "coming"),  # its last day
        ("2026-12-05", "past", "coming"),  # the day after
        ("2027-01-20", "past", "now"),  # weeks after the build: Groningen is on now
    ],
)
def test_calendar_regroups_with_the_visitors_date(
    context, base_url, visitor_date, utrecht, groningen
):
    fake_date(context, visitor_date)
    page = context.new_page()
    page.goto(base_url + CALENDAR)
    found = groups(page)
    where = {slug: group for group, slugs in found.items() for slug in slugs}
    assert where["utrecht-2026"] == utrecht
    assert where["groningen-2027"] == groningen
    assert where["loon-op-zand-2020"] == "past"
    # Past is most recent first; coming soonest first.
    assert found["past"][0] == ("utrecht-2026" if utrecht == "past" else "zwolle-2026")
    assert found["coming"] == sorted(found["coming"], key=lambda s: s[-4:])
    assert empty_shown(page)["now"] == (utrecht != "now" and groningen != "now")
    assert page.get_attribute("[data-calendar]", "data-today") == visitor_date
    assert "2026" in page.text_content("[data-calendar-asof]") or "2027" in page.text_content(
        "[data-calendar-asof]"
    )


def test_without_javascript_the_build_grouping_stands(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + CALENDAR)
        now = page.locator('[data-group="now"] [data-stop] a').all_text_contents()
        past = page.locator('[data-group="past"] [data-stop] a').all_text_contents()
        assert now == ["Utrecht: Voorbeeldbibliotheek Utrecht"]
        assert "Loon op Zand: Gemeentehuis Loon op Zand" in past
        # The filter is plain links to real pages.
        page.click('a[data-filter-kind="city"][data-filter-value="den-bosch"]')
        # The click returns once the page has committed, maybe before it is all parsed.
        page.wait_for_url("**/" + CALENDAR + "plaats/den-bosch/")
        assert page.url.endswith(CALENDAR + "plaats/den-bosch/")
        assert page.locator("[data-stop]").count() == 1
    finally:
        context.close()


def test_filter_works_in_place_and_announces_the_result(context, base_url):
    fake_date(context, "2026-11-23")
    page = context.new_page()
    page.goto(base_url + CALENDAR)
    page.click('a[data-filter-kind="city"][data-filter-value="amsterdam"]')
    assert (
        page.url == base_url + CALENDAR + "?plaats=amsterdam"
    )  # no page load, kept in the address
    found = groups(page)
    assert sorted(s for slugs in found.values() for s in slugs) == [
        "amsterdam-2020",
        "amsterdam-voorjaar-2020",
    ]
    assert page.text_content("[data-filter-status]") == "2 locaties in Amsterdam."
    assert page.get_attribute('a[data-filter-value="amsterdam"]', "aria-current") == "true"
    assert empty_shown(page) == {"now": True, "coming": True, "past": False}
    assert page.locator("[data-stop]:visible").count() == 2
    # Keyboard: the region links are reachable and work with Enter.
    page.focus('a[data-filter-kind="region"][data-filter-value="gooi-en-vechtstreek"]')
    page.keyboard.press("Enter")
    assert len(groups(page)["past"]) == 3
    page.click('a[data-filter-kind="all"]')
    assert page.text_content("[data-filter-status]") == "Alle 11 locaties."
    assert run_axe(page) == []
