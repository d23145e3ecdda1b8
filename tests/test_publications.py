"""Publications and parliamentary documents: the list per language filterable by year and
kind, a page per document, back-links from partner pages, and the content errors."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
import yaml

from core import facets
from tests.conftest import ROOT, assert_refused, build, html_of, run_cli

CONTENT = ROOT / "content"
KINDS = yaml.safe_load((CONTENT / "vocabularies" / "publication-kinds.yml").read_text("utf-8"))

PARTNER = """\
---
name: Ministerie van Justitie en Veiligheid
kind: government
sector: justice
scope: national
roles: partner
summary: Het ministerie.
---

Tekst.
"""

DOCUMENT = """\
---
title: Verslag van een schriftelijk overleg
date: 2022-11-30
kind: verslag
kamerstuk: 28638-210
link: https://zoek.officielebekendmakingen.nl/kst-28638-210.html
related_partners:
  - ministerie-van-justitie-en-veiligheid
summary: Vragen en antwoorden over een nieuw wetsartikel.
---

Wat het is.
"""


@pytest.fixture
def publications(content):
    for path in (CONTENT / "vocabularies").glob("*.yml"):
        if path.name.startswith(("partner-", "publication-")):
            content.write(f"vocabularies/{path.name}", path.read_text(encoding="utf-8"))
    content.write("partners/ministerie-van-justitie-en-veiligheid.md", PARTNER)
    content.write("publications/verslag.md", DOCUMENT)
    return content


def _parse(page: str):
    return html5lib.parse(page, namespaceHTMLElements=False)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def _demo_documents() -> dict[str, dict]:
    """The demo's documents as their files say: slug -> front matter (dates as dates)."""
    return {
        p.stem: _front(p)
        for p in sorted((CONTENT / "publications").glob("*.md"))
        if p.name.count(".") == 1
    }


def _entries(page: str) -> list[facets.Entry]:
    """The list's entries as the filter script reads them: their data attributes."""
    found = []
    for li in _parse(page).iter("li"):
        if li.get("data-facets-entry"):
            values = {
                name[len("data-facet-") :]: tuple(value.split())
                for name, value in li.attrib.items()
                if name.startswith("data-facet-")
            }
            found.append(
                facets.Entry(li.get("data-facets-entry"), values, li.get("data-facets-text"), "")
            )
    return found


def test_the_demo_lists_the_six_documents_of_2022_in_both_languages(demo_site):
    documents = _demo_documents()
    assert len(documents) == 6 and {d["date"].year for d in documents.values()} == {2022}
    for path, lang in (("publicaties", "nl"), ("en/publications", "en")):
        page = html_of(demo_site, path)
        entries = _entries(page)
        # Newest first, each once, each with its year and its kind's web name in this language.
        newest_first = sorted(documents, key=lambda s: (-documents[s]["date"].toordinal(), s))
        assert [e.id for e in entries] == newest_first
        for entry in entries:
            front = documents[entry.id]
            assert entry.values["year"] == ("2022",)
            label = KINDS[front["kind"]][lang]
            assert entry.values["kind"] == (re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-"),)
        # The filter: ticking a kind leaves exactly the documents of that kind (counted from
        # the content files, not from the page).
        questions = KINDS["kamervragen"][lang]
        tree = _parse(page)
        box = next(
            i
            for i in tree.iter("input")
            if i.get("name") == "kind"
            and _text(tree.find(f".//label[@for='{i.get('id')}']")).startswith(questions)
        )
        shown = [e.id for e in entries if facets.matches(e, {"kind": {box.get("value")}})]
        assert shown == [s for s in newest_first if documents[s]["kind"] == "kamervragen"]
        assert len(shown) == 2
        years = [i.get("value") for i in tree.iter("input") if i.get("name") == "year"]
        assert years == ["2022"]
        # Without the script the form stays hidden and the list is all there, by year.
        form = next(f for f in tree.iter("form") if "data-facets" in f.attrib)
        assert "hidden" in form.attrib
        assert [_text(h) for h in tree.iter("h2") if h.get("id", "").endswith("2022")] == ["2022"]


def test_a_document_page_has_its_facts_and_links_back(demo_site):
    page = html_of(demo_site, "publicaties/2022-11-verslag-modernisering-strafbaarstelling")
    text = _text(_parse(page).find(".//article"))
    assert "Kamerstuk 28638-210" in text and "30 november 2022" in text and "Verslag" in text
    links = {a.get("href") for a in _parse(page).iter("a")}
    assert "https://zoek.officielebekendmakingen.nl/kst-28638-210.html" in links
    assert "../../partners/ministerie-van-justitie-en-veiligheid/" in links
    assert "../" in links  # back to the list
    english = html_of(demo_site, "en/publications/2022-11-verslag-modernisering-strafbaarstelling")
    text = _text(_parse(english).find(".//article"))
    assert "Parliamentary paper 28638-210" in text and "30 November 2022" in text


def test_partner_pages_link_to_their_documents(demo_site):
    documents = _demo_documents()
    for path, lang, prefix in (
        ("partners/ministerie-van-justitie-en-veiligheid", "nl", "../../publicaties/"),
    ):
        links = {a.get("href") for a in _parse(html_of(demo_site, path)).iter("a")}
        expected = {
            f"{prefix}{slug}/"
            for slug, front in documents.items()
            if "ministerie-van-justitie-en-veiligheid" in front["related_partners"]
        }
        assert expected and expected <= links, sorted(expected - links)


def test_a_small_tree_builds_its_list_detail_page_and_back_link(publications, tmp_path):
    publications.write(
        "publications/verslag.en.md",
        "---\ntitle: Report of a written "
        "consultation\nsummary: Questions and answers on a new provision.\n---\n\n"
        "What it is.\n",
    )
    publications.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\nHello.\n")
    out = build(publications, tmp_path / "site")
    assert [e.id for e in _entries(html_of(out, "publicaties"))] == ["verslag"]
    assert [e.id for e in _entries(html_of(out, "en/publications"))] == ["verslag"]
    partner = _parse(html_of(out, "partners/ministerie-van-justitie-en-veiligheid"))
    assert "../../publicaties/verslag/" in {a.get("href") for a in partner.iter("a")}


def test_every_publication_problem_in_one_run_with_its_line(publications):
    publications.write("publications/kind.md", DOCUMENT.replace("kind: verslag", "kind: verslagen"))
    publications.write("publications/datum.md", DOCUMENT.replace("2022-11-30", "2022-02-30"))
    publications.write(
        "publications/partner.md",
        DOCUMENT.replace("  - ministerie-van-justitie-en-veiligheid", "  - ministerie-justitie"),
    )
    publications.write(
        "publications/link.md", DOCUMENT.replace("link: https://", "link: javascript://")
    )
    publications.write("publications/index.md", DOCUMENT)
    assert_refused(
        publications.root,
        [
            "publications/datum.md:3: field 'date': expected a date written YYYY-MM-DD, got "
            "'2022-02-30', which is not a day in the calendar",
            "publications/index.md: the name 'index' is used by the list of publications itself: "
            "rename the file",
            "publications/kind.md:4: field 'kind': expected one of kamervragen, commissiedebat, "
            "brief-regering, reactie, verslag (content/vocabularies/publication-kinds.yml), got "
            "text 'verslagen' (did you mean 'verslag'?)",
            "publications/link.md:6: field 'link': expected a web address starting with https:// "
            "or http://, got text 'javascript://zoek.officielebekendmakingen.nl/kst-28638-21...'",
            "publications/partner.md:8: field 'related_partners[1]': no partner item named "
            "'ministerie-justitie' (expected a file partners/ministerie-justitie.md) (did you mean "
            "'ministerie-van-justitie-en-veiligheid'?)",
        ],
    )


def test_new_publications_makes_a_file_check_refuses_until_filled(publications):
    result = run_cli("new", "publications", "brief-2023", "--content", publications.root)
    assert result.code == 0, result.err
    made = publications.root / "publications" / "brief-2023.md"
    assert made.is_file() and "kamerstuk" in made.read_text(encoding="utf-8")
    assert run_cli("check", "--content", publications.root).code == 1
