"""The partner section: its content errors (exact messages), back-links from any section, pages."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from toolkit import cli
from core.schema import Field, Ref, Schema, Text
from core.section import Section
from core.site import load_site
from core.staging import StagedPage
from tests.conftest import ROOT, assert_refused, run_cli

SOM = """\
---
name: Strategisch Overleg Mensenhandel
abbreviation: SOM
kind: consultation-structure
sector: care
scope: national
roles: chair
summary: Landelijk overleg.
---

Tekst.
"""

ZCO = """\
---
name: Zorgcoördinatorenoverleg
kind: consultation-structure
sector: care
scope: national
roles: chair
relations:
  - partner: strategisch-overleg-mensenhandel
    relation: feeds
summary: Overleg van zorgcoördinatoren.
---

Tekst.
"""


class OfferSection(Section):
    """Stands in for any other section (Academy, Kompas) that names a partner."""

    key = "course"  # not "offer": the Academy registers that key
    folder = "offers"
    schema = Schema(
        "course",
        (
            Field("title", Text(), "the title", required=True, translatable=True),
            Field("provider", Ref("partner"), "who offers it", required=True),
        ),
    )

    def doc_path(self, item, lang):
        return f"offers/{item.slug}.md"

    def generate(self, site, lang):
        for item in site.items[self.key].values():
            if lang in item.versions:
                yield StagedPage(
                    f"course:{item.slug}",
                    lang,
                    self.doc_path(item, lang),
                    item.versions[lang].values["title"],
                    "An offer.",
                    item.versions[lang].body,
                    source=item.versions[lang].source,
                )


@pytest.fixture(autouse=True)
def with_offers(monkeypatch):
    monkeypatch.setattr(cli, "SECTIONS", [*cli.SECTIONS, OfferSection()])


@pytest.fixture
def partners(content):
    """A content tree with the real vocabularies and two valid partners."""
    for path in (ROOT / "content" / "vocabularies").glob("partner-*.yml"):
        content.write(f"vocabularies/{path.name}", path.read_text(encoding="utf-8"))
    content.write("partners/strategisch-overleg-mensenhandel.md", SOM)
    content.write("partners/zorgcoordinatorenoverleg.md", ZCO)
    content.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\nHello.\n")
    return content


CASES = {
    "disbanded without a date": (
        {"partners/task-force.md": SOM.replace("roles: chair", "roles: member\nstatus: disbanded")},
        [
            "partners/task-force.md:8: field 'disbanded': expected the day it was disbanded "
            "(YYYY-MM-DD) because status is 'disbanded', got nothing"
        ],
    ),
    "a date while active": (
        {
            "partners/task-force.md": SOM.replace(
                "roles: chair", "roles: member\ndisbanded: 2024-12-31"
            )
        },
        [
            "partners/task-force.md:8: field 'disbanded': expected no date because status is "
            "'active', got 2024-12-31; set 'status: disbanded' or remove the date"
        ],
    ),
    "unknown status": (
        {"partners/task-force.md": SOM.replace("roles: chair", "roles: chair\nstatus: opgeheven")},
        [
            "partners/task-force.md:8: field 'status': expected one of active, disbanded, got text "
            "'opgeheven'"
        ],
    ),
    "relation to a partner that does not exist": (
        {
            "partners/zorgcoordinatorenoverleg.md": ZCO.replace(
                "partner: strategisch-overleg-mensenhandel", "partner: strategisch-overleg"
            )
        },
        [
            "partners/zorgcoordinatorenoverleg.md:8: field 'relations[1].partner': no partner item "
            "named 'strategisch-overleg' (expected a file partners/strategisch-overleg.md) "
            "(did you mean 'strategisch-overleg-mensenhandel'?)"
        ],
    ),
    "relation to itself": (
        {
            "partners/zorgcoordinatorenoverleg.md": ZCO.replace(
                "partner: strategisch-overleg-mensenhandel", "partner: zorgcoordinatorenoverleg"
            )
        },
        [
            "partners/zorgcoordinatorenoverleg.md:8: field 'relations[1].partner': expected another "
            "partner, got 'zorgcoordinatorenoverleg', the partner itself"
        ],
    ),
    "the same relation twice": (
        {
            "partners/zorgcoordinatorenoverleg.md": ZCO.replace(
                "    relation: feeds\n",
                "    relation: feeds\n  - partner: strategisch-overleg-mensenhandel\n"
                "    relation: feeds\n",
            )
        },
        [
            "partners/zorgcoordinatorenoverleg.md:10: field 'relations[2]': the relation 'feeds' "
            "to 'strategisch-overleg-mensenhandel' is listed twice; remove one"
        ],
    ),
    "unknown relation": (
        {"partners/zorgcoordinatorenoverleg.md": ZCO.replace("relation: feeds", "relation: voedt")},
        [
            "partners/zorgcoordinatorenoverleg.md:9: field 'relations[1].relation': expected one of "
            "feeds, member-of, takes-part-in, chaired-by, part-of, contributes-to, works-with "
            "(content/vocabularies/partner-relations.yml), got text 'voedt'"
        ],
    ),
    "unknown role with a suggestion": (
        {"partners/zorgcoordinatorenoverleg.md": ZCO.replace("roles: chair", "roles: [chairs]")},
        [
            "partners/zorgcoordinatorenoverleg.md:6: field 'roles[1]': expected one of chair, member, "
            "agenda-member, co-founder, partner (content/vocabularies/partner-roles.yml), got text "
            "'chairs' (did you mean 'chair'?)"
        ],
    ),
    "bad website": (
        {
            "partners/zorgcoordinatorenoverleg.md": ZCO.replace(
                "roles: chair", "roles: chair\nwebsite: www.zco.nl"
            )
        },
        [
            "partners/zorgcoordinatorenoverleg.md:7: field 'website': expected a web address "
            "starting with https:// or http://, got text 'www.zco.nl'"
        ],
    ),
    "a reserved file name": (
        {"partners/a-z.md": SOM},
        ["partners/a-z.md: the name 'a-z' is used by the partner index itself: rename the file"],
    ),
    "another section names a partner that does not exist": (
        {
            "offers/webinar.md": "---\ntitle: Webinar\nprovider: zorgcoordinatorenoverlg\n---\n\nTekst.\n"
        },
        [
            "offers/webinar.md:3: field 'provider': no partner item named 'zorgcoordinatorenoverlg' "
            "(expected a file partners/zorgcoordinatorenoverlg.md) (did you mean "
            "'zorgcoordinatorenoverleg'?)"
        ],
    ),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_bad_partner_content_is_reported_exactly(partners, files, expected):
    for rel, text in files.items():
        partners.write(rel, text)
    assert_refused(partners.root, expected)


def test_partner_pages_relations_both_ways_back_links_and_json_ld(partners, tmp_path):
    partners.write(
        "partners/strategisch-overleg-mensenhandel.md",
        SOM.replace(
            "roles: chair",
            "roles: chair\nwebsite: https://som.example.org/\nsame_as:\n"
            "  - https://nl.wikipedia.org/wiki/SOM",
        ),
    )
    partners.write(
        "offers/webinar.md",
        "---\ntitle: Webinar meldcode\nprovider: strategisch-overleg-mensenhandel\n---\n\nTekst.\n",
    )
    partners.write(
        "offers/training.md",
        "---\ntitle: Training\nprovider: zorgcoordinatorenoverleg\n---\n\nTekst.\n",
    )
    out = tmp_path / "site"
    result = run_cli("build", "--content", partners.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err

    som = (out / "partners/strategisch-overleg-mensenhandel/index.html").read_text()
    # The incoming relation, written in the other partner's file.
    assert re.search(
        r'<li><a href="\.\./zorgcoordinatorenoverleg/">Zorgcoördinatorenoverleg</a> '
        r"voedt Strategisch Overleg Mensenhandel \(SOM\)</li>",
        som,
    )
    # The back-link from another section, found without that section knowing about partners.
    assert '<a href="../../offers/webinar/">Webinar meldcode</a>' in som
    assert "Training" not in som
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', som).group(1)
    )
    assert data == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Strategisch Overleg Mensenhandel",
        "alternateName": "SOM",
        "description": "Landelijk overleg.",
        "url": "https://som.example.org/",
        "sameAs": ["https://nl.wikipedia.org/wiki/SOM"],
    }
    zco = (out / "partners/zorgcoordinatorenoverleg/index.html").read_text()
    assert re.search(
        r"<li>Zorgcoördinatorenoverleg voedt <a href=\"\.\./strategisch-overleg-"
        r"mensenhandel/\">Strategisch Overleg Mensenhandel \(SOM\)</a></li>",
        zco,
    )
    assert '<a href="../../offers/training/">Training</a>' in zco
    # The overviews: A–Z, one page per kind in each language, the index with its filters.
    assert (out / "partners/a-z/index.html").is_file()
    # Each language names the kind in its own words: in the address and the filter value.
    assert (out / "partners/soort/overlegstructuur/index.html").is_file()
    assert (out / "en/partners/kind/consultation-structure/index.html").is_file()
    assert not (out / "partners/soort/consultation-structure").exists()
    index = (out / "partners/index.html").read_text()
    assert index.count("data-facets-entry=") == 2
    assert 'name="kind" value="overlegstructuur"' in index
    assert index.count('data-facet-kind="overlegstructuur"') == 2
    assert 'name="status" value="actief"' in index and 'value="active"' not in index
    en_index = (out / "en/partners/index.html").read_text()
    assert 'name="kind" value="consultation-structure"' in en_index
    assert '<script src="../assets/filters.js"></script>' in index


def test_references_to_lists_referring_items_once(partners):
    partners.write(
        "offers/webinar.md",
        "---\ntitle: Webinar\nprovider: zorgcoordinatorenoverleg\n---\n\nTekst.\n",
    )
    partners.write(
        "offers/cursus.md",
        "---\ntitle: Cursus\nprovider: zorgcoordinatorenoverleg\n---\n\nTekst.\n",
    )
    site, problems = load_site(partners.root, cli.SECTIONS, date(2026, 11, 23))
    assert not problems
    assert [
        (i.section, i.slug) for i in site.references_to("partner", "zorgcoordinatorenoverleg")
    ] == [("course", "cursus"), ("course", "webinar")]
    assert [
        (i.section, i.slug)
        for i in site.references_to("partner", "strategisch-overleg-mensenhandel")
    ] == [("partner", "zorgcoordinatorenoverleg")]
    assert site.references_to("partner", "nobody") == []


def test_demo_content_has_the_partners_the_issue_asks_for():
    folder = ROOT / "content" / "partners"
    originals = [p for p in folder.glob("*.md") if not p.name.endswith(".en.md")]
    translations = list(folder.glob("*.en.md"))
    assert len(originals) >= 20 and len(translations) >= 5
