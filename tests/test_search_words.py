"""Site search: the words that find a page besides its own (synonyms of the site's
vocabulary, an editor's keywords), and the one ranking rule that puts an item's page above the
overviews that list it. The index contract and its agreement with lunr.js are tests/test_search.py.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from toolkit import cli
from tests.conftest import ROOT, run_cli
from tests.test_search import _lunr_own_index

SYNONYMS = """\
# Words that mean the same.
loverboy:
  nl: loverboy, pooierboy, lover boy
  en: loverboy, lover boy, pimp
"""


def _synonyms(lang: str, text: str = SYNONYMS):
    from core.errors import Problems
    from core.fieldtypes import Vocabulary
    from core.search import synonyms
    import yaml

    data = yaml.safe_load(text)
    vocabulary = Vocabulary("synonyms", {k: v for k, v in data.items()})
    problems = Problems()
    synonyms.check({"synonyms": vocabulary}, problems)
    assert not problems
    return synonyms.load({"synonyms": vocabulary}, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_synonyms_are_added_as_lunr_would_index_the_words_themselves(lang):
    # Added at build time as terms: the index must be what lunr.py's own builder makes of the
    # same text with the other words of the group written after it (so lunr.js, which stems a
    # query the same way, finds the page by any of them).
    from core.search.index import SearchDoc, build_index

    docs = [
        SearchDoc(
            url=f"p{i}/",
            title=f"Pagina {i}",
            section_key="pages",
            section_label="Info",
            summary="",
            tags=("Bibob",),
            headings="Kop",
            body=f"Een verhaal over een loverboy {i}.",
            item=i == 1,
        )
        for i in range(3)
    ]
    added = {"nl": " pooierboy lover boy", "en": " lover boy pimp"}[lang]
    built = build_index(docs, lang, synonyms=_synonyms(lang))["index"]
    assert built == json.loads(json.dumps(_lunr_own_index(docs, lang, {"body": added})))


def test_a_phrase_of_a_group_is_found_only_as_a_whole():
    words = _synonyms("nl")
    assert words.groups == (("loverboy", "pooierboy", "lover boy"),)
    assert words.expand("lover boy kwam") == "lover boy kwam loverboy pooierboy"
    assert words.expand("boy lover") == "boy lover"  # both words, not the phrase
    assert words.expand("pooierboy") == "pooierboy loverboy lover boy"
    assert words.expand(None) is None


def test_synonym_mistakes_are_reported_with_their_line(content):
    content.write(
        "vocabularies/synonyms.yml",
        """\
        loverboy:
          nl: loverboy, pooierboy
          en: loverboy, , pimp
        lidwoord:
          nl: de, het
          en: article
        pooier:
          nl: pooier, pooierboy
          en: pimp
        """,
    )
    content.write("pages/index.md", "---\ntitle: Home\nsummary: Iets.\n---\n\nTekst.\n")
    result = run_cli("check", "--content", content.root)
    assert result.code == 1
    assert result.err.splitlines()[:-1] == [
        "vocabularies/synonyms.yml:3: term 'loverboy': the en label has an empty synonym: "
        "expected words separated by single commas, got 'loverboy, , pimp'",
        "vocabularies/synonyms.yml:5: term 'lidwoord': the nl synonym 'de' is never searched "
        "for (only common words like 'de' or 'the', which the search skips): expected a word "
        "people search for",
        "vocabularies/synonyms.yml:5: term 'lidwoord': the nl synonym 'het' is never searched "
        "for (only common words like 'de' or 'the', which the search skips): expected a word "
        "people search for",
        "vocabularies/synonyms.yml:8: term 'pooier': the nl synonym 'pooierboy' is also in "
        "term 'loverboy' (line 2): put it in one group only, or merge the two",
        "vocabularies/synonyms.yml:9: term 'pooier': the en synonym 'pimp' is also in term "
        "'loverboy' (line 3): put it in one group only, or merge the two",
    ]


def test_keywords_are_found_like_the_title_and_item_pages_rank_above_overviews():
    from core.search.index import SearchDoc, build_index
    from lunr.index import Index

    listing = SearchDoc(
        url="verhalen/",
        title="Verhalen",
        section_key="story",
        section_label="Longread",
        summary="",
        tags=(),
        headings="",
        body="Het leek op liefde. Over een loverboy. Loverboys en hun slachtoffers.",
    )
    story = SearchDoc(
        url="verhalen/liefde/",
        title="Het leek op liefde",
        section_key="story",
        section_label="Longread",
        summary="",
        tags=(),
        headings="",
        body="Sara ontmoette een jongen.",
        keywords=("loverboy",),
        item=True,
    )
    index = Index.load(build_index([listing, story], "nl")["index"])
    assert [r["ref"] for r in index.search("loverboy")] == ["1", "0"]
    assert [r["ref"] for r in index.search("liefde")] == ["1", "0"]


def test_one_rule_tells_item_pages_from_overviews_for_every_section():
    # The page a section stages for an item is that item's page (ranked ITEM_BOOST higher);
    # listings, landings (a cover or entry page, even from its own file) and extras are not.
    from core.context import read_config
    from core.generate import generate
    from core.search.jobs import _items_by_page, _search_view
    from core.site import load_site

    site, problems = load_site(ROOT / "content", cli.SECTIONS, date(2026, 11, 23))
    assert not problems
    pages, _ = generate(site, read_config(cli.CONFIG))
    items = _items_by_page(site)
    views = {p.doc_path: _search_view(site, items, p) for p in pages["nl"]}
    for path in [
        "longread/het-leek-op-liefde.md",
        "kompas/instrumenten/bibob.md",
        "academy/aanbod/toolkit-huisartsen.md",
        "partners/politie.md",
        "open-je-ogen/locatie/groningen-2027.md",
        "over-ons.md",
    ]:
        assert views[path].search_item, path
    for path in [
        "longread/index.md",
        "open-je-ogen/index.md",
        "kompas/instrumenten/index.md",
        "academy/onderwijs.md",
        "partners/soort/ngo.md",
        "open-je-ogen/archief/2020.md",
        "kompas/kaarten.md",
    ]:
        assert not views[path].search_item, path
    assert views["longread/het-leek-op-liefde.md"].search_keywords == ("loverboy", "grooming")
