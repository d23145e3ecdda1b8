"""The Kompas in Chromium: instrument filters match the content files, the matrix works on a
phone, the checklist keeps its ticks across reloads without sending anything, and every card
prints on one A4 page with its address."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from playwright.sync_api import expect

from core import facets
from tests.browser.conftest import run_axe
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

KOMPAS = ROOT / "content" / "kompas"


def _fronts(kind: str) -> dict[str, dict]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])
        for p in sorted((KOMPAS / kind).glob("*.md"))
        if p.name.count(".") == 1
    }


def _entries() -> list[facets.Entry]:
    """The instruments as the content files describe them (read here, not from the build)."""
    return [
        facets.Entry(
            slug,
            {"form": tuple(f["forms"]), "role": tuple(f["roles"]), "level": (f["level"],)},
            "",
            "",
        )
        for slug, f in _fronts("instrument").items()
    ]


def _shown(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "[data-facets-entry]",
            "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.facetsEntry)",
        )
    )


def _pdf_pages(data: bytes) -> int:
    """Pages in a PDF: its /Type /Page objects (not /Pages)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", data))


def test_instrument_filters_by_form_role_and_level(context, base_url):
    page = context.new_page()
    page.goto(base_url + "kompas/instrumenten/")
    entries = _entries()
    assert _shown(page) == {e.id for e in entries}
    cases = [
        {"form": {"arbeidsuitbuiting"}},
        {"form": {"arbeidsuitbuiting"}, "level": {"basic"}},
        {"form": {"arbeidsuitbuiting"}, "level": {"basic"}, "role": {"aandachtsfunctionaris"}},
    ]
    for selected in cases:
        page.goto(base_url + "kompas/instrumenten/")
        for name, values in selected.items():
            for value in values:
                page.check(f"form[data-facets] input[name={name}][value={value}]")
        want = {e.id for e in entries if facets.matches(e, selected)}
        page.wait_for_function(
            "n => document.querySelector('[data-facets-status]').textContent.startsWith(n + ' ')",
            arg=len(want),
        )
        assert _shown(page) == want, selected
    assert run_axe(page) == []


def test_matrix_is_a_table_usable_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "kompas/matrix/")
    region = page.locator(".kompas-matrix")
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    sizes = region.evaluate("r => [r.scrollWidth, r.clientWidth]")
    assert sizes[0] > sizes[1]  # it scrolls sideways instead of squeezing the page
    box = region.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360  # the page itself does not widen
    width = page.evaluate("document.documentElement.scrollWidth")
    page.goto(base_url + "kompas/")
    assert width == page.evaluate("document.documentElement.scrollWidth")  # no wider than home
    page.goto(base_url + "kompas/matrix/")
    page.keyboard.press("Tab")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # Keyboard scrolling in Chromium is animated: wait for it to move rather than read it at once.
    page.wait_for_function(
        "() => document.querySelector('.kompas-matrix').scrollLeft > 0", timeout=5000
    )  # keyboard scrolls the focused region
    first = page.locator(".kompas-matrix th[scope=row]").first
    assert first.evaluate("e => getComputedStyle(e).position") == "sticky"
    assert first.bounding_box()["x"] >= 0  # the instrument names stay in view
    assert run_axe(page) == []
    context.close()


KEY = "kompas-checklist-v1:basic"


def _stores(page) -> dict:
    """Every key the site's origin holds in each of the browser's two storages."""
    return page.evaluate(
        "() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"
    )


def test_checklist_keeps_ticks_for_the_tab_only_and_sends_nothing(context, base_url):
    page = context.new_page()
    requests: list[str] = []
    page.goto(base_url + "kompas/zelfscan/basis/", wait_until="networkidle")
    page.on("request", lambda request: requests.append(request.url))
    boxes = page.locator(".kompas-checklist input[type=checkbox]:not([data-checklist-keep])")
    total = sum(len(f["basic"]) for f in _fronts("theme").values())
    assert boxes.count() == total
    boxes.nth(0).check()
    boxes.nth(3).check()
    page.wait_for_timeout(200)
    assert requests == []  # ticking sends nothing, anywhere
    status = page.locator("[data-checklist-status]")
    assert status.text_content().startswith(f"2 van {total}")
    # Nothing that outlives the tab: the ticks are in sessionStorage, localStorage stays empty.
    assert _stores(page) == {"local": [], "session": [KEY]}
    assert page.evaluate(f"JSON.parse(sessionStorage.getItem('{KEY}'))") == {
        "beleid-basic-1": True,
        "signalering-basic-1": True,
    }
    page.reload(wait_until="networkidle")
    assert [url for url in requests if urlsplit(url).hostname != "127.0.0.1"] == []
    assert [boxes.nth(i).is_checked() for i in range(4)] == [True, False, False, True]
    assert page.locator("[data-checklist-keep]").is_checked() is False
    assert _stores(page)["local"] == []
    assert run_axe(page) == []
    # The advanced list keeps its own state.
    page.goto(base_url + "kompas/zelfscan/gevorderd/")
    assert page.locator(".kompas-checklist input:checked").count() == 0
    # A new tab (a new session) starts empty: nothing was left on the device.
    other = context.new_page()
    other.goto(base_url + "kompas/zelfscan/basis/")
    assert other.locator(".kompas-checklist input:checked").count() == 0
    assert _stores(other) == {"local": [], "session": []}


def test_checklist_keeps_ticks_on_the_device_only_when_asked_and_forgets_them(context, base_url):
    page = context.new_page()
    page.goto(base_url + "kompas/zelfscan/basis/")
    boxes = page.locator(".kompas-checklist input[type=checkbox]:not([data-checklist-keep])")
    boxes.nth(1).check()
    page.get_by_label("Bewaar mijn vinkjes op dit apparaat").check()
    # Moved, not copied: now only in localStorage.
    assert _stores(page) == {"local": [KEY], "session": []}
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))") == {"beleid-basic-2": True}
    boxes.nth(2).check()
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))") == {
        "beleid-basic-2": True,
        "beleid-basic-3": True,
    }
    # Another tab (and so a browser restart) finds them, and knows they are kept.
    other = context.new_page()
    other.goto(base_url + "kompas/zelfscan/basis/")
    other_boxes = other.locator(".kompas-checklist input[type=checkbox]:not([data-checklist-keep])")
    assert [other_boxes.nth(i).is_checked() for i in range(3)] == [False, True, True]
    assert other.locator("[data-checklist-keep]").is_checked() is True
    assert run_axe(other) == []
    # Changing one's mind moves them back to the tab only.
    other.locator("[data-checklist-keep]").uncheck()
    assert _stores(other) == {"local": [], "session": [KEY]}
    other.locator("[data-checklist-keep]").check()
    # "Clear all ticks" asks first, then forgets everything, in both storages.
    other.click("[data-checklist-reset]")
    other.click("[data-confirm-yes]")
    # The dialog's close event, which clears (kompas.js), is a task of its own after the
    # click has hidden the dialog: wait for its result rather than read the page in between.
    expect(other.locator(".kompas-checklist input:checked")).to_have_count(0)
    assert _stores(other) == {"local": [], "session": []}
    other.reload()
    assert other.locator(".kompas-checklist input:checked").count() == 0


def test_the_privacy_page_names_exactly_what_the_site_stores(context, base_url):
    """What the privacy page says is stored is what the browser holds after using everything."""
    page = context.new_page()
    for path in ("", "zoeken/?q=mensenhandel", "kompas/", "kompas/zelfscan/basis/"):
        page.goto(base_url + path, wait_until="networkidle")
    page.locator(".kompas-checklist input[type=checkbox]").first.check()
    page.goto(base_url + "kompas/zelfscan/gevorderd/")
    page.get_by_label("Bewaar mijn vinkjes op dit apparaat").check()
    page.locator(".kompas-checklist input[type=checkbox]:not([data-checklist-keep])").first.check()
    stores = _stores(page)
    assert stores == {"local": ["kompas-checklist-v1:advanced"], "session": [KEY]}
    for privacy in ("privacy/", "en/privacy/"):
        page.goto(base_url + privacy)
        text = page.locator("article").inner_text()
        for key in stores["local"] + stores["session"]:
            assert key in text, (privacy, key)
        assert "sessionStorage" in text and "localStorage" in text
    assert page.evaluate("document.cookie") == ""


def test_checklist_without_javascript_is_a_plain_list(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "kompas/zelfscan/basis/")
    assert page.locator(".kompas-checklist li[data-check]").count() > 0
    assert page.locator(".kompas-checklist input").count() == 0
    context.close()


def test_every_card_prints_on_one_a4_page_with_its_address(context, base_url):
    page = context.new_page()
    paths = (
        [f"kompas/instrumenten/{slug}/" for slug in _fronts("instrument")]
        + [f"kompas/vormen/{slug}/" for slug in _fronts("form")]
        + [f"kompas/rollen/{slug}/" for slug in _fronts("role")]
        + [f"kompas/themas/{slug}/" for slug in _fronts("theme")]
        + ["kompas/factsheet/", "en/kompas/forms/arbeidsuitbuiting/"]
    )
    pages = {}
    for path in paths:
        page.goto(base_url + path)
        page.emulate_media(media="print")
        url = page.locator(".kompas-print-url")
        assert url.is_visible(), path
        assert url.text_content().endswith("https://mensenhandel.example.org/" + path), path
        assert page.locator(".md-header").is_hidden() and page.locator(".help-block").is_hidden()
        page.emulate_media(media="screen")
        assert url.is_hidden(), path
        page.emulate_media(media="print")  # page.pdf() would keep an emulated screen
        pages[path] = _pdf_pages(page.pdf(prefer_css_page_size=True))
    assert pages == {path: 1 for path in paths}


def test_all_cards_print_one_instrument_per_sheet(context, base_url):
    page = context.new_page()
    page.goto(base_url + "kompas/kaarten/")
    instruments = _fronts("instrument")
    cards = page.locator(".kompas-card")
    assert cards.count() == len(instruments)
    page.emulate_media(media="print")
    for index in range(cards.count()):
        slug = cards.nth(index).get_attribute("data-card")
        address = cards.nth(index).locator(".kompas-print-url").text_content()
        assert address.endswith(f"https://mensenhandel.example.org/kompas/instrumenten/{slug}/")
    assert page.locator("h1").is_hidden()  # the collection's own title stays off paper
    assert _pdf_pages(page.pdf(prefer_css_page_size=True)) == len(instruments)


def test_card_page_size_is_a4(context, base_url):
    page = context.new_page()
    page.goto(base_url + "kompas/instrumenten/apv/")
    data = page.pdf(prefer_css_page_size=True)
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert box and abs(float(box.group(1)) - 595.9) < 2 and abs(float(box.group(2)) - 842.9) < 2


def test_policy_officer_finds_prints_and_ticks_off_labour_exploitation(context, base_url):
    """The issue's done-when, as a visitor does it: Kompas home → What? → labour exploitation
    (every instrument with legal basis and partners) → print the card → basic checklist."""
    page = context.new_page()
    page.goto(base_url + "kompas/")
    # The home's tiles (the Kompas's own navigation above them has the same links).
    article = page.locator("article ul.tiles")
    article.get_by_role("link", name="Wat?", exact=True).click()
    page.locator("article").get_by_role("link", name="Arbeidsuitbuiting", exact=True).click()
    # The click returns once the new page has committed, not once it is parsed and its script
    # (kompas.js, which shows the print button) has run.
    page.wait_for_url("**/kompas/vormen/arbeidsuitbuiting/")
    assert page.url.endswith("/kompas/vormen/arbeidsuitbuiting/")
    for slug, front in _fronts("instrument").items():
        entry = page.locator(f'li[data-instrument="{slug}"]')
        if "arbeidsuitbuiting" not in front["forms"]:
            assert entry.count() == 0, slug
            continue
        assert front["legal_basis"] in entry.text_content(), slug
        links = entry.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
        assert all(f"../../../partners/{p}/" in links for p in front.get("partners", [])), slug
    assert page.get_by_role("button", name="Print deze kaart").is_visible()
    assert _pdf_pages(page.pdf(prefer_css_page_size=True)) == 1
    page.goto(base_url + "kompas/")
    article.get_by_role("link", name="Zelfscan: basisniveau", exact=True).click()
    first = page.locator(".kompas-checklist input[type=checkbox]").first
    first.focus()
    page.keyboard.press("Space")  # keyboard only
    assert first.is_checked()
    page.reload()
    assert page.locator(".kompas-checklist input[type=checkbox]").first.is_checked()
