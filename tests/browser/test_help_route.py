"""The help route in a real browser: from a deep page to the number for your situation within
two activations, keyboard only, with and without JavaScript; axe-clean; fits a 390 px phone."""

from __future__ import annotations

import pytest

from tests.browser.conftest import run_axe, tab_to

pytestmark = pytest.mark.browser

DEEP = {"nl": "open-je-ogen/locatie/utrecht-2026/", "en": "en/open-je-ogen/venue/utrecht-2026/"}
ROUTE = {"nl": "hulp-en-melden/", "en": "en/help/"}


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_from_a_deep_page_to_veilig_thuis_by_keyboard_in_two_activations(
    browser, base_url, lang, javascript
):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=javascript
    )
    try:
        page = context.new_page()
        assert page.goto(base_url + DEEP[lang]).status == 200
        assert page.locator("#quick-exit").is_visible()
        # Activation 1: the help block's link to every situation.
        tab_to(page, ".help-block__all a")
        page.keyboard.press("Enter")
        page.wait_for_url(base_url + ROUTE[lang])
        # Activation 2 would dial: the focused link is Veilig Thuis's number, on screen.
        tab_to(page, "article a[href='tel:08002000']")
        focused = page.locator("article a[href='tel:08002000']")
        assert focused.is_visible()
        section_text = page.locator("#huiselijk-geweld").inner_text()
        assert ("geweld thuis" if lang == "nl" else "violence at home") in section_text
        assert page.locator("#quick-exit").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_route_page_is_axe_clean_and_fits_a_phone(browser, base_url, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(base_url + ROUTE[lang], wait_until="networkidle")
        assert run_axe(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # A thumb-sized call link.
        box = page.locator("article a.help-call").first.bounding_box()
        assert box and box["height"] >= 24
    finally:
        context.close()
