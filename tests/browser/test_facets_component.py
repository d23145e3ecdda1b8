"""The filter component as the Academy will use it: tiles grouped by audience, an offer in
several groups counted once, a one-option facet ("free only"). Built from a test section."""

from __future__ import annotations

import functools
import threading

import pytest

from toolkit import cli
from core import facets
from core.schema import Boolean, Choice, Field, ListOf, Schema, Text
from core.section import Section
from core.staging import StagedPage
from core.urls import doc_link
from tests.browser.conftest import QuietServer, _QuietHandler, run_axe
from tests.conftest import run_cli

pytestmark = pytest.mark.browser

AUDIENCES = (
    "police:\n  nl: Politie\n  en: Police\nmunicipality:\n  nl: Gemeente\n  en: Municipality\n"
)
OFFERS = {  # slug: (audiences, free)
    "webinar": (["police", "municipality"], True),
    "training": (["police"], False),
    "factsheet": (["municipality"], True),
}


class CatalogueSection(Section):
    key = "course"
    folder = "courses"
    schema = Schema(
        "course",
        (
            Field("title", Text(), "title", required=True, translatable=True),
            Field(
                "audiences",
                ListOf(Choice(vocabulary="audiences"), min_items=1),
                "for whom",
                required=True,
            ),
            Field("free", Boolean(), "free or not", default=False),
        ),
    )

    def doc_path(self, item, lang):
        return f"courses/{item.slug}.md"

    def generate(self, site, lang):
        if lang != "nl":
            return
        items = sorted(site.items[self.key].values(), key=lambda i: i.slug)
        vocabulary = site.vocabularies["audiences"]

        def entry(item):
            v = item.versions["nl"].values
            return facets.Entry(
                item.slug,
                {"audience": tuple(v["audiences"]), "price": ("free",) if v["free"] else ()},
                v["title"],
                f"### [{v['title']}]({doc_link('courses/index.md', self.doc_path(item, 'nl'))})",
            )

        groups = [
            facets.Group(
                vocabulary.label(a, "nl"),
                a,
                tuple(entry(i) for i in items if a in i.versions["nl"].values["audiences"]),
                facet="audience",
                value=a,
            )
            for a in vocabulary.terms
        ]
        facet_list = [
            facets.Facet(
                "audience",
                "Voor wie",
                tuple(facets.Option(a, vocabulary.label(a, "nl")) for a in vocabulary.terms),
            ),
            facets.Facet("price", "Kosten", (facets.Option("free", "Alleen gratis"),)),
        ]
        entries = [e for g in groups for e in g.entries]
        yield StagedPage(
            "course:index",
            "nl",
            "courses/index.md",
            "Cursussen",
            "Alle cursussen.",
            facets.form(facet_list, entries, facets.TEXTS["nl"]) + facets.grouped_results(groups),
            fields=facets.PAGE_FIELDS,
        )
        for item in items:
            yield StagedPage(
                f"course:{item.slug}",
                "nl",
                self.doc_path(item, "nl"),
                item.versions["nl"].values["title"],
                "Een cursus.",
                "Tekst.",
                source=item.versions["nl"].source,
            )


@pytest.fixture
def catalogue(content, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "SECTIONS", [*cli.SECTIONS, CatalogueSection()])
    content.write("vocabularies/audiences.yml", AUDIENCES)
    for slug, (audiences, free) in OFFERS.items():
        content.write(
            f"courses/{slug}.md",
            f"---\ntitle: {slug.title()}\naudiences: "
            f"[{', '.join(audiences)}]\nfree: {str(free).lower()}"
            f"\n---\n\nTekst.\n",
        )
    out = tmp_path / "site"
    result = run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    server = QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/courses/"
    server.shutdown()


def visible(page) -> list[tuple[str, str]]:
    """(group, entry) pairs on screen."""
    return [
        tuple(pair)
        for pair in page.eval_on_selector_all(
            "[data-facets-entry]",
            """els => els
        .filter(e => e.offsetParent !== null)
        .map(e => [e.closest('[data-facets-group]').querySelector('h2').id, e.dataset.facetsEntry])""",
        )
    ]


def test_grouped_entries_count_once_and_empty_groups_hide(context, catalogue):
    page = context.new_page()
    page.goto(catalogue)
    status = page.locator("[data-facets-status]")
    assert status.text_content() == "3 van 3 getoond"  # the webinar is in two groups
    assert page.locator("label[for=f-price-free] [data-facets-count]").text_content() == "2"
    page.check("#f-price-free")
    assert sorted(visible(page)) == [
        ("municipality", "factsheet"),
        ("municipality", "webinar"),
        ("police", "webinar"),
    ]
    assert status.text_content() == "2 van 3 getoond"
    page.fill("#f-q", "fact")
    page.wait_for_function(
        "() => document.querySelector('[data-facets-status]').textContent.startsWith('1 ')"
    )
    assert visible(page) == [("municipality", "factsheet")]
    assert page.is_hidden("[data-facets-group]:has(h2#police)")
    assert page.is_disabled("#f-audience-police")
    page.wait_for_function("() => location.search === '?q=fact&price=free'")
    assert run_axe(page) == []


def test_a_group_standing_for_an_option_hides_when_another_is_ticked(context, catalogue):
    page = context.new_page()
    page.goto(catalogue + "?audience=police")
    page.wait_for_function(
        "() => document.querySelector('[data-facets-status]').textContent.startsWith('2 ')"
    )
    # The webinar is for both audiences, yet only the police group is left.
    assert sorted(visible(page)) == [("police", "training"), ("police", "webinar")]
    page.check("#f-audience-municipality")
    page.wait_for_function(
        "() => document.querySelector('[data-facets-status]').textContent.startsWith('3 ')"
    )
    assert sorted(visible(page)) == [
        ("municipality", "factsheet"),
        ("municipality", "webinar"),
        ("police", "training"),
        ("police", "webinar"),
    ]
