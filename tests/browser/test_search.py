"""Site search in Chromium: Dutch word forms, the filter, ?q= links, keyboard, odd input, axe,
typos forgiven, the zero-result page, untranslated items in English, and browser history."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import run_axe
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

ODD_INPUT = ["a:b", "*", "~", "+-", '"', "title:veiligheid", "mensen~2", "^", "\\", "((", "-"]


def _watch(page) -> None:
    """From now on, note what the header's search box held each time its status line was written.

    search.js looks each keystroke's text up asynchronously (index parts are fetched) and shows
    it only if the box still holds that text, so while a word is typed the status line and the
    listbox can already show an earlier prefix's results ("pr" while "privacy" is typed) until
    the whole word's parts arrive. The box's value when the line is written (in the same task)
    says which text it is about; ``_wait_count`` waits for the line of the text typed."""
    page.evaluate("""() => {
        window.__statusFor = null;
        if (window.__statusWatch) return;
        const box = document.getElementById('site-search-q');
        window.__statusWatch = new MutationObserver(() => { window.__statusFor = box.value; });
        window.__statusWatch.observe(document.getElementById('site-search-status'),
            {childList: true, characterData: true, subtree: true});
    }""")


def _type(page, text: str, selector: str = "#site-search-q") -> None:
    page.fill(selector, "")
    _watch(page)
    page.type(selector, text)


def _options(page) -> list[str]:
    page.wait_for_function("document.getElementById('site-search').hasAttribute('data-results')")
    return page.eval_on_selector_all(
        "#site-search-listbox [role=option] .search-result__title",
        "els => els.map(e => e.textContent)",
    )


def _wait_count(page, text: str):
    """Wait until the status line shows the results of ``text`` itself, not of a prefix typed on
    the way (``_watch`` must have been called before typing)."""
    page.wait_for_function(
        """q => document.getElementById('site-search-q').value === q
               && document.getElementById('site-search-status').textContent !== ''
               && window.__statusFor === q""",
        arg=text,
    )


def test_index_loads_only_once_the_visitor_turns_to_search_and_only_its_language(context, base_url):
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "en/about/")
    page.wait_for_timeout(200)
    assert not [u for u in requests if "search/" in u or "lunr" in u]
    page.focus("#site-search-q")
    _watch(page)
    page.keyboard.type("traf")
    _wait_count(page, "traf")
    # The head of the English index, then body shards of what was typed, among them that of
    # "tra" (core/search/parts.py): all of the English index, none of the Dutch one.
    fetched = [u for u in requests if u.endswith(".json")]
    assert fetched[0] == base_url + "en/search/en/head.json"
    assert base_url + "en/search/en/shards/747261.json" in fetched
    assert all(u.startswith(base_url + "en/search/en/shards/") for u in fetched[1:])
    assert not [u for u in requests if "lunr.nl" in u]  # English needs no Dutch stemmer


def test_the_first_fetch_is_the_small_head_and_a_body_only_word_fetches_its_shard(
    context, base_url, demo_site
):
    # "buikpijn" stands in the body of a page only: no title, keyword or heading has it, so the
    # head cannot find it and the shard of "bui" must be fetched and merged.
    head = json.loads((demo_site / "search" / "nl" / "head.json").read_text(encoding="utf-8"))
    full = json.loads((demo_site / "search" / "nl.json").read_text(encoding="utf-8"))
    postings = dict(full["index"]["invertedIndex"])
    assert "buikpijn" not in head["terms"] and postings["buikpijn"]["body"]
    titles = {full["docs"][ref]["title"] for ref in postings["buikpijn"]["body"]}
    assert (demo_site / "search" / "nl" / "head.json").stat().st_size * 2 < (
        demo_site / "search" / "nl.json"
    ).stat().st_size
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "over-ons/")
    page.focus("#site-search-q")
    page.wait_for_function("() => window.SiteSearchQuery !== undefined")
    page.wait_for_timeout(300)
    assert [u for u in requests if u.endswith(".json")] == [base_url + "search/nl/head.json"]
    _watch(page)
    page.keyboard.type("buikpijn")
    _wait_count(page, "buikpijn")
    assert titles <= set(_options(page))
    fetched = [u for u in requests if u.endswith(".json")]
    assert fetched[0] == base_url + "search/nl/head.json"
    assert base_url + "search/nl/shards/627569.json" in fetched  # "bui" in UTF-8, as hex
    assert base_url + "search/nl.json" not in fetched  # never the whole index
    assert all(u.startswith(base_url) for u in requests), requests


def test_an_inflected_dutch_form_finds_the_page_with_another_form(context, base_url):
    page = context.new_page()
    page.goto(base_url + "over-ons/")
    _type(page, "gemeente ")  # the titles say "gemeenten"
    _wait_count(page, "gemeente ")
    titles = _options(page)
    assert any(
        "gemeenten" in title.lower() and "gemeente " not in title.lower() + " " for title in titles
    ), titles
    marks = page.eval_on_selector_all(
        "#site-search-listbox mark", "els => els.map(e => e.textContent)"
    )
    assert any(m.lower().startswith("gemeente") for m in marks)


def _title(path: Path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["title"]


@pytest.mark.parametrize("query", ["huisartsen", "huisarts"])
def test_on_a_phone_either_form_finds_the_gp_training_and_the_gp_story(browser, base_url, query):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    try:
        page = context.new_page()
        page.goto(base_url)
        page.tap("#site-search-q")
        _watch(page)
        page.keyboard.type(query)
        _wait_count(page, query)
        titles = _options(page)
        assert _title(ROOT / "content/longread/stories/de-huisarts.md") in titles, titles
        assert _title(ROOT / "content/academy/training-huisartsen-geaccrediteerd.md") in titles, (
            titles
        )
    finally:
        context.close()


def test_keyboard_slash_arrows_enter_and_escape(context, base_url):
    page = context.new_page()
    page.goto(base_url)
    page.locator("main").click()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    _watch(page)
    page.keyboard.type("privacy")
    _wait_count(page, "privacy")
    assert page.get_attribute("#site-search-q", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    first = page.get_attribute("#site-search-q", "aria-activedescendant")
    assert first == "site-search-option-0"
    assert page.get_attribute("#" + first, "aria-selected") == "true"
    page.keyboard.press("Escape")
    assert page.get_attribute("#site-search-q", "aria-expanded") == "false"
    assert page.is_hidden("#site-search-listbox")
    page.keyboard.press("ArrowDown")
    page.wait_for_selector("#site-search-listbox [role=option]")
    page.keyboard.press("ArrowDown")
    title = page.text_content("#site-search-option-0 .search-result__title")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.wait_for_function(
        "t => document.querySelector('h1') && document.querySelector('h1').textContent === t",
        arg=title,
    )


def test_enter_without_a_choice_opens_the_search_page_with_q(context, base_url):
    page = context.new_page()
    page.goto(base_url + "over-ons/")
    page.focus("#site-search-q")
    page.keyboard.type("uitbuiting")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/zoeken/\?q=uitbuiting$"))
    page.wait_for_selector("#search-page-results li")
    assert page.input_value("#search-page-q") == "uitbuiting"
    assert "Over ons" in page.text_content("#search-page-results")


def test_search_page_reads_q_and_filters_by_section(context, base_url):
    page = context.new_page()
    page.goto(base_url + "zoeken/?q=mensenhandel&section=pages")
    page.wait_for_selector("#search-page-results li")
    assert page.input_value("#search-page-section") == "pages"
    assert page.is_hidden("#search-nojs")
    count = page.locator("#search-page-results li").count()
    assert count > 0
    page.goto(base_url + "zoeken/?q=mensenhandel&section=nothing-here")
    page.wait_for_function("document.getElementById('search-page-status').textContent !== ''")
    assert page.input_value("#search-page-section") == ""  # unknown section: all sections
    # Changing the filter updates the link (?section=) so results can be shared.
    page.select_option("#search-page-section", "pages")
    page.wait_for_url(re.compile(r".*section=pages.*"))


def test_odd_input_gives_results_or_no_results_never_an_error(context, base_url):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base_url)
    for text in ODD_INPUT:
        _type(page, text)
        _wait_count(page, text)
        status = page.text_content("#site-search-status")
        assert re.fullmatch(
            r"(Resultaten voor: .+\. )?(Geen resultaten|1 resultaat|\d+ resultaten)", status
        ), (text, status)
    page.goto(base_url + "zoeken/?q=" + "%22%20a%3Ab%20*%20~")
    # The page writes "Zoeken…" at once and its outcome once the lookup is done: wait for that,
    # so that an error in the lookup would be among the errors.
    page.wait_for_function("""() => {
        const s = document.getElementById('search-page-status').textContent;
        return s !== ''
            && s !== document.getElementById('site-search').getAttribute('data-text-loading');
    }""")
    assert errors == []


def test_shift_while_typing_in_the_search_box_does_not_quick_exit(context, base_url):
    page = context.new_page()
    page.goto(base_url)
    page.focus("#site-search-q")
    page.keyboard.type("Den Bosch")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == base_url


def test_without_javascript_the_search_page_explains_and_links_on(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "zoeken/?q=gemeenten")
    assert page.is_visible("#search-nojs")
    assert page.locator("#search-nojs a").count() >= 1
    page.goto(base_url)
    page.fill("#site-search-q", "gemeenten")
    page.press("#site-search-q", "Enter")
    page.wait_for_url(re.compile(r".*/zoeken/\?q=gemeenten$"))
    context.close()


@pytest.mark.parametrize("path", ["zoeken/?q=mensenhandel", "en/search/?q=trafficking"])
def test_axe_clean_on_the_search_page_and_with_results_open(context, base_url, path):
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_selector("#search-page-results li")
    page.focus("#site-search-q")
    _watch(page)
    typed = "veilig" if path.startswith("zoeken") else "safe"
    page.keyboard.type(typed)
    # The index is loaded already: a prefix's options show while the word's parts still load,
    # and the word's own results then replace them (and the highlighted option).
    _wait_count(page, typed)
    page.wait_for_selector("#site-search-listbox [role=option]")
    page.keyboard.press("ArrowDown")
    assert run_axe(page) == []


def test_results_link_within_this_site_from_the_404_page(context, base_url):
    page = context.new_page()
    page.goto(base_url + "bestaat/niet/")  # the server answers 404 with its own page
    if "site-search" not in page.content():
        page.goto(base_url + "404.html")
    page.focus("#site-search-q")
    _watch(page)
    page.keyboard.type("privacy")
    _wait_count(page, "privacy")
    page.wait_for_selector("#site-search-listbox [role=option]")
    page.keyboard.press("ArrowDown")
    start = page.url
    page.keyboard.press("Enter")
    # Enter only sets location.href: the 404 page (on this site too) stays until the result's
    # page has committed, so wait for that rather than read the old address.
    page.wait_for_url(lambda url: url != start)
    assert page.url.startswith(base_url)


def _page_done(page):
    # A selector, not a JavaScript predicate: the site's security policy forbids eval, which
    # Playwright's polling of a predicate can need.
    page.wait_for_selector("#search-page[data-results]", state="attached")


def test_a_typo_on_the_search_page_still_finds_the_pages_and_says_what_it_searched_for(
    context, base_url
):
    page = context.new_page()
    page.goto(base_url + "zoeken/?q=arbeidsuitbuting")
    _page_done(page)
    status = page.text_content("#search-page-status")
    assert status.startswith("Resultaten voor: arbeidsuitbuiting."), status
    first = page.text_content("#search-page-results li:first-child .search-result__title")
    assert first == _title(ROOT / "content/kompas/form/arbeidsuitbuiting.md")
    assert page.is_hidden("#search-page-empty")


def test_a_typo_in_the_search_box_still_offers_the_page(context, base_url):
    page = context.new_page()
    page.goto(base_url + "over-ons/")
    _type(page, "bibop")
    _wait_count(page, "bibop")
    assert _options(page)[0] == _title(ROOT / "content/kompas/instrument/bibob.md")
    assert page.text_content("#site-search-status").startswith("Resultaten voor: bibob.")


def test_nothing_found_offers_a_suggestion_the_overviews_and_help_never_a_dead_end(
    context, base_url
):
    page = context.new_page()
    page.goto(base_url + "zoeken/")
    history = page.evaluate("history.length")
    page.fill("#search-page-q", "loverbio")
    _page_done(page)
    assert page.get_attribute("#search-page", "data-results") == "0"
    assert page.is_visible("#search-page-empty")
    suggestion = page.locator("#search-page-suggestion-link")
    assert suggestion.is_visible() and suggestion.text_content().startswith("loverboy")
    overviews = page.eval_on_selector_all(
        "#search-page-empty li a", "els => els.map(e => e.textContent)"
    )
    assert {"Kompas", "Partners", "Open je Ogen"} <= set(overviews), overviews
    help_link = page.locator("#search-page-empty a[href='#help-title']")
    assert help_link.is_visible() and page.is_visible("#help-title")
    assert run_axe(page) == []
    # The suggestion searches in place: results, the address says so, no new history entry.
    suggestion.click()
    page.wait_for_selector("#search-page-results li")
    assert page.is_hidden("#search-page-empty")
    titles = page.eval_on_selector_all(
        "#search-page-results .search-result__title", "els => els.map(e => e.textContent)"
    )
    assert _title(ROOT / "content/longread/stories/het-leek-op-liefde.md") in titles[:3], titles
    assert "q=loverboy" in page.url
    assert page.evaluate("history.length") == history


def test_english_finds_a_dutch_only_item_and_says_it_is_in_dutch(context, base_url):
    page = context.new_page()
    page.goto(base_url + "en/")
    # An Academy offer with no English version (the Kompas, once the example, is English now).
    _type(page, "asielopvang")
    _wait_count(page, "asielopvang")
    option = page.locator("#site-search-listbox [role=option]", has_text="asielopvang").first
    title = option.locator(".search-result__title")
    assert title.text_content() == _title(ROOT / "content/academy/e-learning-asielopvang.md")
    assert title.get_attribute("lang") == "nl"
    assert option.locator(".search-result__language").text_content().strip() == "(in Dutch)"
    option.click()
    page.wait_for_url(base_url + "academy/aanbod/e-learning-asielopvang/")


def test_typing_adds_no_entries_to_the_browser_history(context, base_url):
    page = context.new_page()
    page.goto(base_url + "zoeken/")
    start = page.evaluate("history.length")
    for text in ["m", "me", "mensenhandel", "mensenhandel gemeente"]:
        _type(page, text)
        _wait_count(page, text)
    for text in ["uit", "uitbuiting"]:
        page.fill("#search-page-q", text)
        page.wait_for_url(re.compile(rf".*\?q={text}$"))
    assert page.evaluate("history.length") == start
