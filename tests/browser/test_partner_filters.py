"""The partner index in Chromium: filters show exactly what the content files say, with counts,
disabled empty options, URL state (reload, Back), keyboard-only use, and everything without JS."""

from __future__ import annotations

import pytest
import yaml

from core import facets
from core.slugs import slugify
from tests.browser.conftest import run_axe, tab_to
from tests.browser.facet_checks import FacetOracle, options, query_of, shown
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

FACETS = ("kind", "sector", "scope", "role", "status")


def _web_names(lang: str) -> dict[str, dict[str, str]]:
    """Per facet: vocabulary key -> the filter value a page in ``lang`` uses (its label's web
    name: Dutch values on Dutch pages), read from the vocabulary files."""
    names = {}
    for facet, vocabulary in (
        ("kind", "partner-kinds"),
        ("sector", "partner-sectors"),
        ("scope", "partner-scopes"),
        ("role", "partner-roles"),
    ):
        terms = yaml.safe_load(
            (ROOT / "content" / "vocabularies" / f"{vocabulary}.yml").read_text(encoding="utf-8")
        )
        names[facet] = {key: slugify(labels[lang]) for key, labels in terms.items()}
    names["status"] = {
        "nl": {"active": "actief", "disbanded": "opgeheven"},
        "en": {"active": "active", "disbanded": "disbanded"},
    }[lang]
    return names


def _content_entries(lang: str = "nl") -> list[facets.Entry]:
    """The partners as the content files describe them (read here, independently of the build),
    with the filter values of a page in ``lang``."""
    names = _web_names(lang)
    entries = []
    for path in sorted((ROOT / "content" / "partners").glob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        roles = front["roles"] if isinstance(front["roles"], list) else [front["roles"]]
        keys = {
            "kind": (front["kind"],),
            "sector": (front["sector"],),
            "scope": (front["scope"],),
            "role": tuple(roles),
            "status": (front.get("status", "active"),),
        }
        values = {facet: tuple(names[facet][k] for k in ks) for facet, ks in keys.items()}
        text = " ".join(
            [
                front["name"],
                front.get("abbreviation", ""),
                *front.get("former_names", []),
                front["summary"],
            ]
        )
        entries.append(facets.Entry(path.stem, values, text, ""))
    return entries


ENTRIES = _content_entries()
ORACLE = FacetOracle(ENTRIES, none_text="Geen")
EXPECTED_EN = FacetOracle(_content_entries("en"), none_text="Nothing").expected
expected, assert_consistent = ORACLE.expected, ORACLE.assert_consistent


def test_consultation_structure_and_chair_show_exactly_those(context, base_url):
    page = context.new_page()
    page.goto(base_url + "partners/")
    assert_consistent(page, {})
    page.check("#f-kind-overlegstructuur")
    assert_consistent(page, {"kind": {"overlegstructuur"}})
    page.check("#f-role-voorzitter")
    selected = {"kind": {"overlegstructuur"}, "role": {"voorzitter"}}
    assert_consistent(page, selected)
    assert len(expected(selected)) >= 3
    assert any(disabled for _, disabled, _ in options(page).values())
    assert query_of(page) == {"kind": ["overlegstructuur"], "role": ["voorzitter"]}
    status = page.locator("[data-facets-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content() == f"{len(expected(selected))} van {len(ENTRIES)} partners getoond"
    assert run_axe(page) == []

    # Open one and see who takes part in it.
    page.click("a[href='nla-zorgoverleg/']")
    page.wait_for_url("**/partners/nla-zorgoverleg/")
    connections = page.locator("h2#verbindingen + ul").inner_text()
    for partner in ("Nederlandse Arbeidsinspectie (NLA)", "FairWork"):
        assert f"{partner} neemt deel aan NLA-Zorgoverleg" in connections


def test_or_within_a_facet_text_filter_and_groups(context, base_url):
    page = context.new_page()
    page.goto(base_url + "partners/")
    page.check("#f-kind-ngo")
    page.check("#f-kind-internationaal-netwerk")
    assert_consistent(page, {"kind": {"ngo", "internationaal-netwerk"}})
    # Groups without a visible entry disappear.
    visible_groups = page.eval_on_selector_all(
        "[data-facets-group]",
        "els => els.filter(e => !e.hidden).map(e => e.querySelector('h2').id)",
    )
    assert visible_groups == ["kind-internationaal-netwerk", "kind-ngo"]
    page.fill("#f-q", "iszw")  # a former name
    page.uncheck("#f-kind-ngo")
    page.uncheck("#f-kind-internationaal-netwerk")
    assert_consistent(page, {}, "iszw")
    assert shown(page) == {"nederlandse-arbeidsinspectie"}
    page.fill("#f-q", "zzzz")
    assert_consistent(page, {}, "zzzz")


def test_url_state_survives_reload_and_back_undoes(context, base_url):
    page = context.new_page()
    page.goto(base_url + "partners/?scope=europees&status=actief")
    selected = {"scope": {"europees"}, "status": {"actief"}}
    assert_consistent(page, selected)
    assert page.is_checked("#f-scope-europees") and page.is_checked("#f-status-actief")
    page.check("#f-role-lid")
    more = {**selected, "role": {"lid"}}
    assert_consistent(page, more)
    ORACLE.assert_reload_and_back(page, selected, more, "#f-role-lid")
    assert query_of(page) == {"scope": ["europees"], "status": ["actief"]}
    ORACLE.assert_reset(page)


def test_keyboard_only(context, base_url):
    page = context.new_page()
    page.goto(base_url + "partners/")
    page.wait_for_selector("form[data-facets]:not([hidden])")

    tab_to(page, "#f-q")
    page.keyboard.type("overleg")
    tab_to(page, "#f-role-voorzitter")
    page.keyboard.press("Space")
    assert_consistent(page, {"role": {"voorzitter"}}, "overleg")
    assert page.evaluate("() => document.activeElement.id") == "f-role-voorzitter"
    # Disabled options are skipped; the first result link is reachable.
    first = sorted(expected({"role": {"voorzitter"}}, "overleg"))
    for _ in range(100):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.getAttribute('href') || ''")
        if href.rstrip("/") in first:
            break
    else:
        raise AssertionError("no result link reached by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/partners/{href}")


def test_without_javascript_every_partner_is_listed(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "partners/?kind=ngo")
        assert not page.is_visible("form[data-facets]")
        assert shown(page) == {e.id for e in ENTRIES}
        # The grouped views are plain pages.
        page.click("a[href='soort/overlegstructuur/']")
        # The click returns once the page has committed, maybe before it is all parsed.
        page.wait_for_url("**/partners/soort/overlegstructuur/")
        assert shown(page) == expected({"kind": {"overlegstructuur"}})
    finally:
        context.close()


def test_english_index_filters_too(context, base_url):
    page = context.new_page()
    page.goto(base_url + "en/partners/?kind=consultation-structure&role=chair")
    want = EXPECTED_EN({"kind": {"consultation-structure"}, "role": {"chair"}})
    page.wait_for_function(
        "n => document.querySelector('[data-facets-status]').textContent.startsWith(n + ' of')",
        arg=len(want),
    )
    assert shown(page) == want
    assert run_axe(page) == []
