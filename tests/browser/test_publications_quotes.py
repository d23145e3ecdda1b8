"""Publications and placed quotes in Chromium: the list filters by kind and year exactly as
the content files say (with the filter in the address), works without JavaScript, and the new
pages have no axe-core violations and nothing wider than a phone."""

from __future__ import annotations

import pytest
import yaml

from core import facets
from core.slugs import slugify
from tests.browser.conftest import run_axe
from tests.browser.facet_checks import FacetOracle, query_of, shown
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CONTENT = ROOT / "content"
KINDS = yaml.safe_load((CONTENT / "vocabularies/publication-kinds.yml").read_text(encoding="utf-8"))


def _entries(lang: str) -> list[facets.Entry]:
    """The documents as the content files describe them, with the filter values of ``lang``."""
    entries = []
    for path in sorted((CONTENT / "publications").glob("*.md")):
        if path.name.count(".") != 1:
            continue
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        entries.append(
            facets.Entry(
                path.stem,
                {
                    "year": (str(front["date"].year),),
                    "kind": (slugify(KINDS[front["kind"]][lang]),),
                },
                front["title"],
                "",
            )
        )
    return entries


@pytest.mark.parametrize(
    "lang, path, none", [("nl", "publicaties/", "Niets"), ("en", "en/publications/", "Nothing")]
)
def test_kind_and_year_filters_show_exactly_the_documents_of_the_content(
    context, base_url, lang, path, none
):
    oracle = FacetOracle(_entries(lang), none_text=none)
    page = context.new_page()
    page.goto(base_url + path)
    oracle.assert_consistent(page, {})
    assert len(shown(page)) == 6
    assert run_axe(page) == []
    questions = slugify(KINDS["kamervragen"][lang])
    page.check(f"#f-kind-{questions}")
    oracle.assert_consistent(page, {"kind": {questions}})
    assert len(shown(page)) == 2
    assert query_of(page) == {"kind": [questions]}
    page.check("#f-year-2022")
    selected = {"kind": {questions}, "year": {"2022"}}
    oracle.assert_consistent(page, selected)
    assert run_axe(page) == []
    oracle.assert_reload_and_back(page, {"kind": {questions}}, selected, "#f-year-2022")
    oracle.assert_reset(page)


def test_without_javascript_every_document_shows_by_year(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "publicaties/?kind=kamervragen")
        assert not page.is_visible("form[data-facets]")
        assert shown(page) == {e.id for e in _entries("nl")}
        page.click("article p a[href='#jaar-2022']")
        assert page.evaluate("location.hash") == "#jaar-2022"
    finally:
        context.close()


PAGES = [
    "publicaties/",
    "en/publications/",
    "publicaties/2022-11-verslag-modernisering-strafbaarstelling/",
    "en/publications/2022-11-verslag-modernisering-strafbaarstelling/",
    "partners/ministerie-van-justitie-en-veiligheid/",
    "over-ons/",
    "en/about/",
    "longread/",
    "en/longread/",
    "partners/la-strada-international/",
    "en/partners/la-strada-international/",
    "academy/aanbod/rapport-signalering-registratie-jeugdhulp/",
    "open-je-ogen/",
]


@pytest.mark.parametrize("width", [390, 1280])
def test_new_pages_pass_axe_and_fit_the_screen(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        failures = {}
        for path in PAGES:
            response = page.goto(base_url + path, wait_until="networkidle")
            assert response is not None and response.status == 200, path
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width:
                failures[f"/{path} width"] = wide
            violations = run_axe(page)
            if violations:
                failures[f"/{path} axe"] = violations
        assert not failures, failures
    finally:
        context.close()
