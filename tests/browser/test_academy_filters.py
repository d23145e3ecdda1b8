"""The Academy catalogue in Chromium: every filter and the combinations show exactly the offers
the content files say, with counts, disabled empty options, URL state (share, reload, Back),
keyboard-only use, and every tile (grouped) without JavaScript."""

from __future__ import annotations

import pytest
import yaml

from core import facets
from core.slugs import slugify
from tests.browser.conftest import run_axe, tab_to
from tests.browser.facet_checks import FacetOracle, query_of, shown
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CONTENT = ROOT / "content"


def _front(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _listed(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else (value,)


def _partner_name(slug: str) -> str:
    front = _front(CONTENT / "partners" / f"{slug}.md")
    return (
        f"{front['name']} ({front['abbreviation']})" if front.get("abbreviation") else front["name"]
    )


def _web_names(vocabulary: str, lang: str) -> dict[str, str]:
    """Vocabulary key -> the filter value a page in ``lang`` uses (its label's web name)."""
    terms = yaml.safe_load(
        (CONTENT / f"vocabularies/offer-{vocabulary}.yml").read_text(encoding="utf-8")
    )
    return {key: slugify(labels[lang]) for key, labels in terms.items()}


def _content_entries(lang: str = "nl") -> list[facets.Entry]:
    """The offers as the content files describe them (read here, independently of the build),
    with the filter values of a page in ``lang``: Dutch values on Dutch pages."""
    kinds = yaml.safe_load((CONTENT / "vocabularies/offer-kinds.yml").read_text(encoding="utf-8"))
    names = {v: _web_names(v, lang) for v in ("audiences", "kinds", "languages", "formats")}
    free = {"nl": "gratis", "en": "free"}[lang]
    entries = []
    for path in sorted((CONTENT / "academy").glob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        front = _front(path)
        values = {
            "audience": tuple(names["audiences"][a] for a in _listed(front["audiences"])),
            "kind": (names["kinds"][front["kind"]],),
            "cost": (free,) if front["cost"] == "free" else (),
            "language": tuple(names["languages"][c] for c in _listed(front["languages"])),
            "format": (names["formats"][front["format"]],),
        }
        text = " ".join(
            [
                front["title"],
                front["summary"],
                _partner_name(front["provider"]),
                *(_partner_name(p) for p in front.get("developed_with", [])),
                kinds[front["kind"]]["nl"],
            ]
        )
        entries.append(facets.Entry(path.stem, values, text, ""))
    return entries


ENTRIES = _content_entries()
# The catalogue's groups: one per chain partner with offers, standing for that audience option.
GROUPS = [
    facets.Group(
        a,
        f"voor-{a}",
        tuple(e for e in ENTRIES if a in e.values["audience"]),
        facet="audience",
        value=a,
    )
    for a in sorted({a for e in ENTRIES for a in e.values["audience"]})
]
OPTIONS = sorted(
    {(name, value) for e in ENTRIES for name, values in e.values.items() for value in values}
)
ORACLE = FacetOracle(ENTRIES, none_text="Niets", options=OPTIONS)
EXPECTED_EN = FacetOracle(_content_entries("en"), none_text="Nothing").expected
expected, assert_consistent = ORACLE.expected, ORACLE.assert_consistent


def visible_groups(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "[data-facets-group]",
            "els => els.filter(e => !e.hidden).map(e => e.querySelector('h2').id)",
        )
    )


def expected_groups(selected: dict[str, set[str]], query: str = "") -> set[str]:
    return {g.anchor for g in GROUPS if facets.group_shown(g, selected, query)}


def test_police_and_free_show_exactly_the_free_offers_for_police(context, base_url):
    page = context.new_page()
    page.goto(base_url + "academy/")
    assert_consistent(page, {})
    page.check("#f-audience-politie")
    assert_consistent(page, {"audience": {"politie"}})
    page.check("#f-cost-gratis")
    selected = {"audience": {"politie"}, "cost": {"gratis"}}
    assert_consistent(page, selected)
    want = expected(selected)
    # The demo content has free and paid offers for the police: the filter really narrows.
    assert 2 <= len(want) < len(expected({"audience": {"politie"}}))
    assert query_of(page) == {"audience": ["politie"], "cost": ["gratis"]}
    status = page.locator("[data-facets-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content() == f"{len(want)} van {len(ENTRIES)} onderdelen getoond"
    # Only the police group is left (an offer for several partners shows under police).
    assert visible_groups(page) == expected_groups(selected) == {"voor-politie"}
    assert run_axe(page) == []

    # The URL is shareable: a fresh page opened with it shows the same.
    shared = page.url
    other = context.new_page()
    other.goto(shared)
    assert_consistent(other, selected)
    assert other.is_checked("#f-audience-politie") and other.is_checked("#f-cost-gratis")


def test_every_option_alone(context, base_url):
    page = context.new_page()
    page.goto(base_url + "academy/")
    assert_consistent(page, {})
    for name, value in OPTIONS:
        page.check(f"#f-{name}-{value}")
        assert_consistent(page, {name: {value}})
        page.uncheck(f"#f-{name}-{value}")
        assert_consistent(page, {})


COMBINATIONS = [
    {"audience": {"politie", "opvang"}},  # OR within a facet
    {"audience": {"zorg-en-huisartsen"}, "kind": {"training"}},
    {"audience": {"zorg-en-huisartsen"}, "kind": {"webinar", "toolkit"}, "cost": {"gratis"}},
    {"language": {"engels"}, "format": {"online"}},
    {"kind": {"factsheet"}, "language": {"engels"}, "audience": {"veilig-thuis"}},
    {"format": {"op-locatie"}, "cost": {"gratis"}},
]


@pytest.mark.parametrize(
    "selected",
    COMBINATIONS,
    ids=[
        "&".join(f"{k}={'+'.join(sorted(v))}" for k, v in sorted(c.items())) for c in COMBINATIONS
    ],
)
def test_combinations(context, base_url, selected):
    page = context.new_page()
    page.goto(base_url + "academy/")
    done: dict[str, set[str]] = {}
    for name in sorted(selected):
        for value in sorted(selected[name]):
            # Ticked in this order, each option still has offers (empty ones are disabled).
            page.check(f"#f-{name}-{value}")
            done.setdefault(name, set()).add(value)
            assert_consistent(page, done)
    assert expected(selected)
    # Groups without a visible tile disappear, and so do other audiences' groups.
    assert visible_groups(page) == expected_groups(selected)


def test_text_filter_with_facets_and_nothing_found(context, base_url):
    page = context.new_page()
    page.goto(base_url + "academy/")
    page.fill("#f-q", "huisartsen")
    assert_consistent(page, {}, "huisartsen")
    page.check("#f-cost-gratis")
    assert_consistent(page, {"cost": {"gratis"}}, "huisartsen")
    assert query_of(page) == {"cost": ["gratis"], "q": ["huisartsen"]}
    page.fill("#f-q", "fairwork")  # the provider and co-developers are found too
    assert_consistent(page, {"cost": {"gratis"}}, "fairwork")
    page.fill("#f-q", "zzzz")
    assert_consistent(page, {"cost": {"gratis"}}, "zzzz")
    assert visible_groups(page) == set()


def test_url_state_survives_reload_and_back_undoes(context, base_url):
    page = context.new_page()
    page.goto(base_url + "academy/?kind=e-learning&language=engels")
    selected = {"kind": {"e-learning"}, "language": {"engels"}}
    assert_consistent(page, selected)
    assert page.is_checked("#f-kind-e-learning") and page.is_checked("#f-language-engels")
    page.check("#f-audience-politie")
    more = {**selected, "audience": {"politie"}}
    assert_consistent(page, more)
    assert query_of(page) == {
        "kind": ["e-learning"],
        "language": ["engels"],
        "audience": ["politie"],
    }
    ORACLE.assert_reload_and_back(page, selected, more, "#f-audience-politie")
    assert query_of(page) == {"kind": ["e-learning"], "language": ["engels"]}
    ORACLE.assert_reset(page)


def test_keyboard_only(context, base_url):
    page = context.new_page()
    page.goto(base_url + "academy/")
    page.wait_for_selector("form[data-facets]:not([hidden])")

    tab_to(page, "#f-audience-politie")
    page.keyboard.press("Space")
    tab_to(page, "#f-cost-gratis")
    page.keyboard.press("Space")
    selected = {"audience": {"politie"}, "cost": {"gratis"}}
    assert_consistent(page, selected)
    assert page.evaluate("() => document.activeElement.id") == "f-cost-gratis"
    assert query_of(page) == {"audience": ["politie"], "cost": ["gratis"]}
    want = expected(selected)
    for _ in range(150):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.getAttribute('href') || ''")
        if href.startswith("aanbod/") and href.strip("/").split("/")[-1] in want:
            break
    else:
        raise AssertionError("no result link reached by Tab")
    page.keyboard.press("Enter")
    # The offer's address carries the filters along, for its back link (academy.js).
    page.wait_for_url(f"**/academy/{href}?audience=politie&cost=gratis")


def test_without_javascript_every_tile_is_shown_grouped(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "academy/?audience=politie&cost=gratis")
        assert not page.is_visible("form[data-facets]")
        assert shown(page) == {e.id for e in ENTRIES}
        # Every audience with offers has its group, and every tile sits in each of its groups.
        groups = page.eval_on_selector_all(
            "[data-facets-group]",
            """els => els.map(g =>
            [g.querySelector('h2').id, Array.from(g.querySelectorAll('[data-facets-entry]'))
             .map(e => e.dataset.facetsEntry).sort()])""",
        )
        audiences = sorted({a for e in ENTRIES for a in e.values["audience"]})
        assert sorted(group for group, _ in groups) == [f"voor-{a}" for a in audiences]
        for group, ids in groups:
            audience = group.removeprefix("voor-")
            assert ids == sorted(e.id for e in ENTRIES if audience in e.values["audience"])
        # The group headings link to pre-built pages per chain partner.
        page.click("#voor-politie a")
        page.wait_for_url("**/academy/politie/")
        assert shown(page) == expected({"audience": {"politie"}})
    finally:
        context.close()


def test_english_catalogue_filters_too(context, base_url):
    page = context.new_page()
    page.goto(base_url + "en/academy/?audience=police&cost=free")
    want = EXPECTED_EN({"audience": {"police"}, "cost": {"free"}})
    page.wait_for_function(
        "n => document.querySelector('[data-facets-status]').textContent.startsWith(n + ' of')",
        arg=len(want),
    )
    assert shown(page) == want
    assert (
        page.locator("[data-facets-status]").text_content()
        == f"{len(want)} of {len(ENTRIES)} offers shown"
    )
    assert run_axe(page) == []
