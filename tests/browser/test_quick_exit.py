"""The quick-exit button leaves the site: by click, by Shift x3, without JS; never while typing."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

EXIT_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text())["extra"]["quick_exit"]["url"]


@pytest.fixture
def neutral(context):
    """Stand in for the neutral site inside the browser: nothing leaves this machine."""
    visits: list[str] = []

    def fulfil(route):
        visits.append(route.request.url)
        route.fulfill(
            status=200,
            content_type="text/html",
            body="<!doctype html><title>Weer</title><p>Het weer",
        )

    context.route(re.compile(r"^https?://(?!127\.0\.0\.1).*"), fulfil)
    return visits


def test_click_leaves_for_the_neutral_site_and_back_does_not_return(context, base_url, neutral):
    page = context.new_page()
    page.goto(base_url + "over-ons/")
    page.click("#quick-exit")
    page.wait_for_url(EXIT_URL + "**")
    assert neutral == [EXIT_URL]
    page.go_back()
    assert "over-ons" not in page.url  # location.replace took the page out of the history


def test_click_hides_the_page_at_once(context, base_url, neutral):
    page = context.new_page()
    page.goto(base_url)
    # Click and look in the same task, before the navigation can start.
    hidden = page.evaluate("""() => {
        document.getElementById('quick-exit').click();
        return getComputedStyle(document.documentElement).display === 'none'; }""")
    assert hidden


def test_three_shift_presses_leave(context, base_url, neutral):
    page = context.new_page()
    page.goto(base_url + "en/about/")
    page.locator("main").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL + "**")


def test_two_shift_presses_or_a_slow_third_do_not_leave(context, base_url, neutral):
    page = context.new_page()
    page.goto(base_url)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(2100)
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == base_url and neutral == []


def test_shift_while_typing_in_a_field_does_not_leave(context, base_url, neutral):
    page = context.new_page()
    page.goto(base_url)
    page.evaluate("""() => { const input = document.createElement('input');
        input.id = 'typing'; input.setAttribute('aria-label', 'test');
        document.querySelector('main').prepend(input); }""")
    page.focus("#typing")
    page.keyboard.type("Den Bosch")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == base_url and neutral == []


def test_keyboard_reaches_and_activates_the_button(context, base_url, neutral):
    page = context.new_page()
    page.goto(base_url)
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "quick-exit":
            break
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    page.keyboard.press("Enter")
    page.wait_for_url(EXIT_URL + "**")


def test_without_javascript_the_plain_link_leaves(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    visits: list[str] = []
    context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1).*"),
        lambda route: (
            visits.append(route.request.url),
            route.fulfill(status=200, content_type="text/html", body="weer"),
        ),
    )
    page = context.new_page()
    page.goto(base_url + "veiligheid/")
    page.click("#quick-exit")
    page.wait_for_url(EXIT_URL + "**")
    assert visits == [EXIT_URL]
    context.close()
