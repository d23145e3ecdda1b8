"""The Kompas self-assessment's advice and its question before clearing, and the English
Kompas, in Chromium."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import run_axe
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

KOMPAS = ROOT / "content" / "kompas"
BOXES = ".kompas-checklist input[type=checkbox]:not([data-checklist-keep])"


def _themes() -> dict[str, dict]:
    """The themes' front matter, Dutch files, in the order the checklist shows them."""
    fronts = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])
        for p in sorted((KOMPAS / "theme").glob("*.md"))
        if p.name.count(".") == 1
    }
    return dict(sorted(fronts.items(), key=lambda kv: (kv[1].get("order", 100), kv[1]["title"])))


def _advice(page) -> list[str]:
    """The point ids whose advice the visitor sees."""
    return page.eval_on_selector_all(
        "[data-advice-for]",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.adviceFor)",
    )


def _stores(page) -> dict:
    return page.evaluate(
        "() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"
    )


def test_advice_names_each_point_not_yet_met_with_what_helps(context, base_url):
    page = context.new_page()
    page.goto(base_url + "kompas/zelfscan/basis/")
    themes = _themes()
    every = [
        f"{slug}-basic-{n}" for slug, f in themes.items() for n in range(1, len(f["basic"]) + 1)
    ]
    assert _advice(page) == every  # nothing ticked: advice for every point
    page.locator(BOXES).nth(0).check()
    page.locator(BOXES).nth(2).check()
    assert _advice(page) == [every[1]] + every[3:]
    # Each item links its theme and the instruments the theme names as helping.
    slug, front = next(iter(themes.items()))
    item = page.locator(f'[data-advice-for="{slug}-basic-2"]')
    hrefs = item.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert [h.rstrip("/").split("/")[-1] for h in hrefs] == [slug] + front["helps"]
    assert item.inner_text().startswith(front["basic"][1])
    item.locator("a").first.click()
    assert page.url.endswith(f"/kompas/themas/{slug}/")
    page.go_back()
    # Ticking everything leaves no advice and says so.
    for i in range(page.locator(BOXES).count()):
        page.locator(BOXES).nth(i).check()
    assert _advice(page) == []
    assert page.locator("[data-advice-done]").is_visible()
    assert run_axe(page) == []


def test_advice_is_hidden_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "kompas/zelfscan/basis/")
    assert page.locator("[data-checklist-advice]").is_hidden()
    context.close()


def test_clearing_all_ticks_asks_first_by_keyboard_only(context, base_url):
    page = context.new_page()
    page.goto(base_url + "en/kompas/self-assessment/basic/")
    boxes = page.locator(BOXES)
    boxes.nth(0).check()
    boxes.nth(1).check()
    reset = page.locator("[data-checklist-reset]")
    reset.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog[data-checklist-confirm]")
    assert dialog.is_visible()
    assert dialog.inner_text().startswith("Clear all 2 ticks?")
    # The safe choice has focus; the rest of the page cannot be reached while it asks.
    assert page.evaluate("document.activeElement.hasAttribute('data-confirm-no')")
    assert run_axe(page) == []
    # Escape keeps the ticks and brings focus back to the button.
    page.keyboard.press("Escape")
    assert dialog.is_hidden()
    expect(reset).to_be_focused()  # the close event's task gives focus back
    assert [boxes.nth(i).is_checked() for i in range(2)] == [True, True]
    # Cancel by keyboard keeps them too.
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # on "Cancel"
    assert dialog.is_hidden()
    expect(page.locator("[data-checklist-status]")).to_contain_text("not been cleared")
    assert boxes.nth(0).is_checked()
    expect(reset).to_be_focused()
    # Asking stored nothing: the ticks are still in this tab's storage only.
    assert _stores(page) == {"local": [], "session": ["kompas-checklist-v1:basic"]}
    # Shift+Tab to "Yes" and Enter: everything is cleared.
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-confirm-yes')")
    page.keyboard.press("Enter")
    assert dialog.is_hidden()
    # The dialog's close event, which clears, is a task of its own after the dialog hides:
    # wait for its result rather than reading the page in between.
    expect(page.locator(".kompas-checklist input:checked")).to_have_count(0)
    expect(page.locator("[data-checklist-status]")).to_have_text(
        re.compile(r"^All ticks have been cleared"), use_inner_text=True
    )
    assert _stores(page) == {"local": [], "session": []}


def test_the_english_kompas_is_english(context, base_url, site_paths):
    """No English Kompas page marks anything of the Kompas as Dutch: every item is translated.

    "Elsewhere on this site" is left out: it links other sections' items (Longread stories),
    which are marked "(in Dutch)" until they are translated in their own section."""
    paths = [p for p in site_paths if p.startswith("en/kompas/")]
    assert len(paths) >= 35  # home, 4 overviews, 2 matrices, cards, 2 checklists, factsheet, items
    page = context.new_page()
    dutch = {}
    for path in paths:
        page.goto(base_url + path)
        page.evaluate("document.querySelectorAll('.kompas-elsewhere').forEach(e => e.remove())")
        text = page.locator("article.md-content__inner").inner_text()
        marked = page.locator("article.md-content__inner :is([lang=nl], [hreflang=nl])").count()
        if "(in Dutch)" in text or marked:
            dutch[path] = marked
    assert dutch == {}
    page.goto(base_url + "en/kompas/forms/arbeidsuitbuiting/")
    assert page.locator("h1").inner_text() == "Labour exploitation"
    assert run_axe(page) == []
    page.goto(base_url + "en/kompas/roles-per-form/")
    assert run_axe(page) == []


def test_a_form_page_lists_each_instrument_once(context, base_url):
    page = context.new_page()
    for path in ("kompas/vormen/arbeidsuitbuiting/", "en/kompas/forms/arbeidsuitbuiting/"):
        page.goto(base_url + path)
        hrefs = page.locator("article a").evaluate_all(
            "els => els.map(a => a.getAttribute('href'))"
        )
        instruments = [h for h in hrefs if re.search(r"/(instrumenten|instruments)/[a-z-]+/$", h)]
        assert instruments and len(instruments) == len(set(instruments)), path


def test_roles_per_form_names_the_instruments_in_each_cell(context, base_url):
    page = context.new_page()
    page.goto(base_url + "kompas/rollen-per-vorm/")
    cell = page.locator('td[data-role="burgemeester"][data-form="seksuele-uitbuiting"]')
    via = cell.get_attribute("data-instruments").split()
    assert "vergunning-seksbedrijven" in via
    assert cell.locator("a").count() == len(via)
    empty = page.locator('td[data-instruments=""]').first
    assert empty.inner_text().strip() in ("–\nnee", "–nee", "–")
    assert run_axe(page) == []
