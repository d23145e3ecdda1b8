"""The layout as a visitor meets it (issue 20): no page wider than a phone, the skip link to the
heading, a visible focus ring, each language on its own pages, and a 404 page per language."""

from __future__ import annotations

import pytest

from tests.browser.conftest import tab_to

pytestmark = pytest.mark.browser

# One page of each kind, in both languages.
PAGE_KINDS = [
    "",
    "en/",
    "longread/",
    "longread/het-leek-op-liefde/",
    "kompas/",
    "kompas/instrumenten/apv/",
    "kompas/matrix/",
    "academy/",
    "partners/",
    "open-je-ogen/",
    "privacy/",
    "zoeken/",
    "en/academy/",
    "en/kompas/forms/",
    "nieuws/",
    "nieuws/kennismiddag-seksueel-geweld/",
    "en/news/archive/2024/",
]


@pytest.mark.parametrize("width", [320, 390, 768])
def test_no_page_is_wider_than_the_screen(browser, base_url, site_paths, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    too_wide = {}
    try:
        for path in site_paths + ["404.html", "en/404.html"]:
            page.goto(base_url + path, wait_until="domcontentloaded")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide[path] = scroll_width
    finally:
        context.close()
    assert not too_wide, too_wide


def test_skip_link_on_every_page_targets_the_heading(context, base_url, site_paths):
    page = context.new_page()
    for path in site_paths + ["404.html", "en/404.html"]:
        page.goto(base_url + path, wait_until="domcontentloaded")
        skip = page.locator("a.md-skip")
        assert skip.count() == 1, path
        target = skip.get_attribute("href")
        assert target.startswith("#"), (path, target)
        tag = page.evaluate(
            "id => { const e = document.getElementById(id); "
            "return e && e.tagName + ' ' + !!e.closest('main'); }",
            target[1:],
        )
        assert tag == "H1 true", (path, target, tag)


def test_skip_link_moves_keyboard_past_the_header(context, base_url):
    page = context.new_page()
    page.goto(base_url + "academy/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "md-skip"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # The next stop is inside the content (the breadcrumbs come before the heading in the
    # DOM, so the first control after the heading): not the header or the menu.
    assert page.evaluate("!!document.activeElement.closest('article')"), page.evaluate(
        "document.activeElement.outerHTML"
    )


def _focus_ring(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e);
        const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
        const li = e.closest('li');  // a card whose whole surface is the link shows it there
        const card = li && getComputedStyle(li).outlineStyle !== 'none'
                     && parseFloat(getComputedStyle(li).outlineWidth) >= 1;
        return {ring: ring || !!card, html: e.outerHTML.slice(0, 120)};
    }""")


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_every_focusable_element_shows_a_focus_ring(context, base_url, path):
    page = context.new_page()
    page.goto(base_url + path)
    seen, missing = 0, []
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break
        if page.evaluate("!!document.activeElement.closest('footer.md-footer')") and seen > 20:
            break  # the footer's links are checked on the other pages' first pass
        result = _focus_ring(page)
        seen += 1
        if not result["ring"]:
            missing.append(result["html"])
    assert seen > 3
    assert not missing, missing


def test_story_gate_summary_shows_a_focus_ring(context, base_url):
    page = context.new_page()
    page.goto(base_url + "longread/het-leek-op-liefde/")
    tab_to(page, "summary")
    assert _focus_ring(page)["ring"]


# Sentences of the other language that the theme or the build once put in a page.
ENGLISH_ON_DUTCH = [
    "This page is not available in English",
    "Go to the English home page",
    "Published by",
    "Demo site, built",
]
DUTCH_ON_ENGLISH = [
    "Deze pagina is nog niet",
    "Een uitgave van",
    "Demo-site, gebouwd",
    "Demo-site gebouwd",
    "Ga naar inhoud",
    "Vorige",
    "Volgende",
]


def _text_outside_other_language(page) -> str:
    """The page's visible text, without elements marked as another language than the page."""
    return page.evaluate("""() => {
        const lang = document.documentElement.lang;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const parts = [];
        while (walker.nextNode()) {
            const el = walker.currentNode.parentElement;
            const marked = el.closest('[lang]');
            if (marked && marked.lang !== lang) continue;
            if (el.closest('script, style, [hidden]')) continue;
            if (getComputedStyle(el).display === 'none') continue;
            parts.push(walker.currentNode.textContent);
        }
        return parts.join(' ');
    }""")


def test_no_page_shows_a_sentence_in_the_other_language(context, base_url, site_paths):
    page = context.new_page()
    found = {}
    for path in site_paths + ["404.html", "en/404.html"]:
        page.goto(base_url + path, wait_until="domcontentloaded")
        text = _text_outside_other_language(page)
        english = path.startswith("en/")
        assert page.evaluate("document.documentElement.lang") == ("en" if english else "nl")
        wrong = [s for s in (DUTCH_ON_ENGLISH if english else ENGLISH_ON_DUTCH) if s in text]
        if wrong:
            found[path] = wrong
    assert not found, found


def test_untranslated_page_switch_explains_on_the_other_home(context, base_url):
    page = context.new_page()
    page.goto(base_url + "partners/arq/")  # a partner page in Dutch only
    assert "not available" not in page.locator("main").inner_text()
    page.locator("#lang-switch").click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/#not-translated")
    notice = page.locator("#not-translated")
    assert notice.is_visible()
    assert "not available in English yet" in notice.inner_text()
    page.goto(base_url + "en/")
    assert not page.locator("#not-translated").is_visible()


def test_menu_and_home_tiles_in_the_same_order_in_both_languages(context, base_url):
    page = context.new_page()
    orders = {}
    for lang, home in (("nl", ""), ("en", "en/")):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(base_url + home)
        menu = page.eval_on_selector_all(
            ".site-menu__link", "els => els.map(e => e.getAttribute('href'))"
        )
        tiles = page.eval_on_selector_all(
            "ul.tiles h3 a", "els => els.map(e => e.getAttribute('href'))"
        )
        footer = page.eval_on_selector_all(
            ".site-links a", "els => els.map(e => e.getAttribute('href'))"
        )
        orders[lang] = (menu, tiles, footer)
    nl, en = orders["nl"], orders["en"]
    # Sections whose address has a word of each language: compared by their English word.
    same = {"nieuws": "news", "publicaties": "publications", "hulp-en-melden": "help"}
    section = lambda hrefs: [same.get(s, s) for s in (h.strip("./").split("/")[0] for h in hrefs)]
    assert section(nl[1]) == section(en[1]) and len(nl[1]) >= 4
    assert len(nl[0]) == len(en[0]) and len(nl[2]) == len(en[2])
    assert section(nl[0])[:5] == section(en[0])[:5]


def test_no_docs_chrome_and_breadcrumbs_on_every_page_but_home(context, base_url, site_paths):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    problems = {}
    for path in site_paths:
        page.goto(base_url + path, wait_until="domcontentloaded")
        visible_sidebars = page.eval_on_selector_all(
            ".md-sidebar", "els => els.filter(e => e.offsetParent !== null).length"
        )
        pager = page.locator(".md-footer__link").count()
        crumbs = page.locator("nav.breadcrumbs").count()
        home = path in ("", "en/")
        if visible_sidebars or pager or crumbs != (0 if home else 1):
            problems[path] = (visible_sidebars, pager, crumbs)
    assert not problems, problems


def test_site_name_fits_at_320_in_both_languages(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    try:
        for home in ("", "en/"):
            page.goto(base_url + home)
            title = page.locator(".site-title")
            box = title.bounding_box()
            assert box["x"] + box["width"] <= 320
            name = page.evaluate("""() => [...document.querySelectorAll('.site-title__name')]
                .filter(e => getComputedStyle(e).display !== 'none' && e.offsetWidth > 1)
                .map(e => [e.textContent.trim(), e.scrollWidth <= e.clientWidth])""")
            assert name and all(fits for _, fits in name), name
            assert len(name[0][0]) >= 15, name  # a name, not "S…"
            for control in ("#quick-exit", "#lang-switch", "#site-search-q"):
                assert page.locator(control).is_visible(), (home, control)
    finally:
        context.close()


@pytest.mark.parametrize(
    "path, lang, heading",
    [
        ("404.html", "nl", "Deze pagina bestaat niet"),
        ("en/404.html", "en", "This page does not exist"),
    ],
)
def test_not_found_page_per_language_offers_a_way_on(context, base_url, path, lang, heading):
    page = context.new_page()
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("h1").inner_text() == heading
    home = page.locator("main a", has_text="home" if lang == "en" else "startpagina")
    assert home.count() == 1
    assert page.locator("main form[role=search] input[name=q]").count() == 1
    assert page.locator("aside.help-block").count() == 1
    home.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/") == (base_url + ("en" if lang == "en" else "")).rstrip("/")


def test_logo_has_a_meaningful_text_alternative(context, base_url):
    page = context.new_page()
    page.goto(base_url)
    alt = page.locator(".md-header img").first.get_attribute("alt")
    assert alt and alt.lower() != "logo" and "Samen tegen mensenhandel" in alt


def test_story_warning_comes_before_lead_and_hero_and_list_marks_it(context, base_url):
    page = context.new_page()
    page.goto(base_url + "longread/het-leek-op-liefde/")
    order = page.evaluate("""() => ['.content-warning', '.story-lead', '.story-hero']
        .map(s => document.querySelector(s).getBoundingClientRect().top)""")
    assert order == sorted(order)
    page.goto(base_url + "longread/")
    card = page.locator("article.story-card", has=page.locator("a[href*='het-leek-op-liefde']"))
    assert card.locator(".story-card__warning").count() == 1


def test_filter_forms_have_a_submit_control(context, base_url):
    page = context.new_page()
    for path in ("academy/", "partners/", "en/academy/"):
        page.goto(base_url + path)
        assert page.locator("form.facets button[type=submit]").count() == 1, path


def test_home_routes_each_audience_to_its_task(context, base_url):
    page = context.new_page()
    page.goto(base_url)
    assert page.locator("h1").inner_text() != "Welkom"
    tasks = page.locator(".home-tasks__link")
    labels = tasks.all_inner_texts()
    assert labels[:3] == [
        "Ik maak me zorgen om iemand",
        "Ik werk bij een gemeente",
        "Ik zoek een training",
    ]
    tasks.nth(1).click()
    page.wait_for_load_state()
    assert page.url.endswith("/kompas/")


@pytest.mark.parametrize("path", ["academy/", "partners/"])
def test_filters_fold_on_a_phone_and_say_how_many_are_ticked(browser, base_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(base_url + path)
        fold = page.locator("details[data-facets-fold]")
        assert fold.get_attribute("open") is None
        first = page.locator("[data-facets-entry]").first.bounding_box()
        assert first["y"] < 2 * 844, first  # was 2.3-2.5 screens down with every option open
        page.locator("summary.facets__fold-summary").click()
        page.locator("fieldset[data-facet] input[type=checkbox]:not([disabled])").first.check()
        assert page.locator("[data-facets-active]").inner_text() in ("(1 actief)", "(1 active)")
    finally:
        context.close()


def test_kompas_pages_carry_the_guides_own_navigation(context, base_url):
    page = context.new_page()
    page.goto(base_url + "kompas/instrumenten/apv/")
    nav = page.locator("nav.guide-nav")
    labels = nav.locator("a").all_inner_texts()
    assert labels[:4] == ["Kompas", "Wat?", "Hoe?", "Met wie?"]
    assert nav.locator("a[aria-current]").inner_text() == "Hoe?"  # an instrument: "how"
    nav.locator("a", has_text="Met wie?").click()
    page.wait_for_load_state()
    assert page.url.endswith("/kompas/rollen/")
    assert page.locator("nav.guide-nav a[aria-current=page]").inner_text() == "Met wie?"


def test_home_shows_the_latest_stories_marked_where_dutch_only(context, base_url):
    page = context.new_page()
    page.goto(base_url + "en/")
    heading = page.locator("h2", has_text="Latest stories")
    assert heading.count() == 1
    cards = page.locator("h2:has-text('Latest stories') + ul.tiles > li")
    assert cards.count() == 3
    for text in cards.all_inner_texts():
        assert "(in Dutch)" in text or "Dutch" not in text


def test_home_shows_what_the_exhibition_shows_now_regrouped_by_the_visitors_date(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    try:
        # The demo is built on 2026-11-23; a visitor on 2027-06-01 sees every dated stop as
        # past; only the postponed stop still waiting for new dates stays under "coming".
        page.clock.install(time="2027-06-01T12:00:00")
        page.goto(base_url)
        calendar = page.locator("[data-calendar]")
        assert calendar.locator("[data-group]").count() == 2  # now and coming, no past
        assert calendar.locator("[data-stop]:visible:not([data-awaiting])").count() == 0
        assert calendar.locator("[data-group=coming] [data-stop][data-awaiting]").is_visible()
        assert calendar.locator("[data-group=now] [data-empty]").is_visible()
    finally:
        context.close()
    page = browser.new_page()
    try:
        page.clock.install(time="2026-11-23T12:00:00")
        page.goto(base_url)
        assert page.locator("[data-calendar] [data-group=now] [data-stop]:visible").count() >= 1
    finally:
        page.close()
