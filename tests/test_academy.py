"""The Academy section: its content errors (exact messages), `new offer`, and its pages."""

from __future__ import annotations

import json
import re

import pytest

from core.body_checks import PLACEHOLDER
from tests.conftest import ROOT, assert_refused, run_cli

FAIRWORK = """\
---
name: FairWork
kind: ngo
sector: labour
scope: national
roles: partner
website: https://www.fairwork.nu/
summary: Ngo tegen uitbuiting.
---

Tekst.
"""

KNMG = FAIRWORK.replace(
    "name: FairWork",
    "name: Koninklijke Nederlandsche Maatschappij tot "
    "bevordering der Geneeskunst\nabbreviation: KNMG",
).replace("website: https://www.fairwork.nu/\n", "")

WEBINAR = """\
---
title: Webinar meldcode
kind: webinar
audiences: [zorg, politie]
provider: knmg
developed_with: [fairwork]
cost: free
languages: [nl, en]
format: online
link: https://www.knmg.nl/
summary: Over de meldcode.
---

Tekst over het webinar.
"""

TRAINING = """\
---
title: Training huisartsen
kind: training
audiences: zorg
provider: fairwork
cost: 95
accreditation:
  by: ABC1
  points: 3
duration: 3 uur
languages: nl
format: on-site
summary: Een training.
---

Tekst over de training.
"""

AUDIENCES = (
    "gemeenten, politie, arbeidsinspectie, openbaar-ministerie, zorg, jeugdzorg, "
    "veilig-thuis, opvang, onderwijs, advocatuur"
)


@pytest.fixture
def academy(content):
    """A content tree with the real vocabularies, two partners and two valid offers."""
    for path in (ROOT / "content" / "vocabularies").glob("*.yml"):
        content.write(f"vocabularies/{path.name}", path.read_text(encoding="utf-8"))
    content.write("partners/fairwork.md", FAIRWORK)
    content.write("partners/knmg.md", KNMG)
    content.write("academy/webinar-meldcode.md", WEBINAR)
    content.write("academy/training-huisartsen.md", TRAINING)
    content.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\nHello.\n")
    return content


CASES = {
    "unknown audience with a suggestion": (
        WEBINAR.replace("[zorg, politie]", "[zorg, polite]"),
        [
            "academy/x.md:4: field 'audiences[2]': expected one of "
            + AUDIENCES
            + " (content/vocabularies/offer-audiences.yml), got text 'polite' (did you mean "
            "'politie'?)"
        ],
    ),
    "no audience": (
        WEBINAR.replace("[zorg, politie]", "[]"),
        ["academy/x.md:4: field 'audiences': expected at least 1 item(s), got 0"],
    ),
    "provider not in the partner index, with a suggestion": (
        WEBINAR.replace("provider: knmg", "provider: fairwrok"),
        [
            "academy/x.md:5: field 'provider': no partner item named 'fairwrok' (expected a file "
            "partners/fairwrok.md) (did you mean 'fairwork'?)"
        ],
    ),
    "co-developer not in the partner index": (
        WEBINAR.replace("[fairwork]", "[fair-work-nl]"),
        [
            "academy/x.md:6: field 'developed_with[1]': no partner item named 'fair-work-nl' "
            "(expected a file partners/fair-work-nl.md) (did you mean 'fairwork'?)"
        ],
    ),
    "the provider also listed as co-developer": (
        WEBINAR.replace("[fairwork]", "[fairwork, knmg]"),
        [
            "academy/x.md:6: field 'developed_with[2]': expected partners other than the "
            "provider, got 'knmg', the provider itself"
        ],
    ),
    "bad URL": (
        WEBINAR.replace("https://www.knmg.nl/", "www.knmg.nl"),
        [
            "academy/x.md:10: field 'link': expected a web address starting with https:// or "
            "http://, got text 'www.knmg.nl'"
        ],
    ),
    "a price in words": (
        WEBINAR.replace("cost: free", "cost: gratis"),
        [
            "academy/x.md:7: field 'cost': expected 'free' or a price in euros above 0, like 95 "
            "or 49.50, got text 'gratis'"
        ],
    ),
    "a price of 0": (
        WEBINAR.replace("cost: free", "cost: 0"),
        [
            "academy/x.md:7: field 'cost': expected 'free' or a price in euros above 0, like 95 "
            "or 49.50, got number 0 (write 'free' for an offer without cost)"
        ],
    ),
    "a negative price": (
        WEBINAR.replace("cost: free", "cost: -20"),
        [
            "academy/x.md:7: field 'cost': expected 'free' or a price in euros above 0, like 95 "
            "or 49.50, got number -20"
        ],
    ),
    "a price with three decimals": (
        WEBINAR.replace("cost: free", "cost: 12.345"),
        [
            "academy/x.md:7: field 'cost': expected 'free' or a price in euros above 0, like 95 "
            "or 49.50, got number 12.345"
        ],
    ),
    "no cost": (
        WEBINAR.replace("cost: free\n", ""),
        [
            "academy/x.md:1: required field 'cost' is missing: expected 'free' or a price in "
            "euros above 0, like 95 or 49.50 ('free', or the price in euros)"
        ],
    ),
    "accreditation without points": (
        TRAINING.replace("  points: 3\n", ""),
        [
            "academy/x.md:7: required field 'accreditation.points' is missing: expected a whole "
            "number of at least 1 (the number of accreditation points)"
        ],
    ),
    "unknown kind and format": (
        WEBINAR.replace("kind: webinar", "kind: cursus").replace("format: online", "format: live"),
        [
            "academy/x.md:3: field 'kind': expected one of e-learning, training, webinar, meeting, "
            "factsheet, toolkit, guide, report (content/vocabularies/offer-kinds.yml), got text "
            "'cursus'",
            "academy/x.md:9: field 'format': expected one of online, on-site, blended "
            "(content/vocabularies/offer-formats.yml), got text 'live' (did you mean 'online'?)",
        ],
    ),
    "a session with neither place nor online, and one ending before it starts": (
        TRAINING.replace(
            "format: on-site",
            "format: on-site\nsessions:\n  - date: 2027-02-11\n"
            "  - date: 2027-03-18\n    end: 2027-03-17\n    place: Zwolle",
        ),
        [
            "academy/x.md:14: field 'sessions[1]': expected a place or online: true (one of the "
            "two), got neither",
            "academy/x.md:16: field 'sessions[2].end': expected a day on or after the date "
            "2027-03-18, got 2027-03-17",
        ],
    ),
    "a session both in a place and online": (
        TRAINING.replace(
            "format: on-site",
            "format: on-site\nsessions:\n  - date: 2027-02-11\n"
            "    place: Utrecht\n    online: true",
        ),
        [
            "academy/x.md:14: field 'sessions[1]': expected a place or online: true (one of the "
            "two), got both"
        ],
    ),
    "a session on a day not in the calendar": (
        TRAINING.replace(
            "format: on-site",
            "format: on-site\nsessions:\n  - date: 2027-02-30\n    place: Utrecht",
        ),
        [
            "academy/x.md:14: field 'sessions[1].date': expected a date written YYYY-MM-DD, got "
            "'2027-02-30', which is not a day in the calendar"
        ],
    ),
    "a page this site does not have": (
        WEBINAR.replace("link: https://www.knmg.nl/", "page: /kompass/"),
        [
            "academy/x.md:10: field 'page': expected the address of a page of this site, like "
            "'/kompas/', got '/kompass/', which no page has"
        ],
    ),
    "an image without its alt text": (
        WEBINAR.replace("format: online", "format: online\nimage: ../images/foto.png"),
        [
            "academy/x.md:10: field 'image_alt': expected what the picture shows (text), because "
            "'image' is given, got nothing"
        ],
    ),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_bad_offer_content_is_reported_exactly(academy, text, expected):
    academy.write_bytes(
        "images/foto.png", (ROOT / "tests/golden/content/images/vlak.png").read_bytes()
    )
    academy.write("academy/x.md", text)
    assert_refused(academy.root, expected)


def test_new_offer_is_refused_until_filled_then_accepted(academy):
    result = run_cli("new", "offer", "e-learning-nieuw", "--content", academy.root)
    assert result.code == 0, result.err
    path = academy.root / "academy" / "e-learning-nieuw.md"
    assert result.out.strip() == str(path)

    refused = run_cli("check", "--content", academy.root)
    assert refused.code == 1
    fields = [
        re.search(r"required field '(\w+)'", line).group(1)
        for line in refused.lines
        if "required field" in line
    ]
    assert fields == [
        "title",
        "kind",
        "audiences",
        "provider",
        "cost",
        "languages",
        "format",
        "summary",
    ]

    filled = path.read_text(encoding="utf-8")
    for name, value in {
        "title": "Nieuwe e-learning",
        "kind": "e-learning",
        "audiences": "[politie]",
        "provider": "knmg",
        "cost": "free",
        "languages": "nl",
        "format": "online",
        "summary": "Nieuw.",
    }.items():
        filled = re.sub(rf"^{name}:", f"{name}: {value}", filled, count=1, flags=re.M)
    path.write_text(filled.replace(PLACEHOLDER, "Wat je leert."), encoding="utf-8")
    accepted = run_cli("check", "--content", academy.root)
    assert accepted.code == 0, accepted.err


def _jsonld(html: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )


def test_catalogue_groups_pages_per_audience_and_offer_pages(academy, tmp_path):
    academy.write(
        "academy/webinar-meldcode.en.md",
        "---\ntitle: Webinar reporting code\nsummary: On the code.\n---\n\nText.\n",
    )
    out = tmp_path / "site"
    result = run_cli("build", "--content", academy.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err

    catalogue = (out / "academy/index.html").read_text(encoding="utf-8")
    # Groups in the vocabulary's order, only for audiences with offers; the webinar is in two.
    # Anchors, pages and filter values are named in the page's language (the labels).
    assert re.findall(r'<h2 id="(voor-[a-z-]+)">', catalogue) == [
        "voor-politie",
        "voor-zorg-en-huisartsen",
    ]
    assert catalogue.count('data-facets-entry="webinar-meldcode"') == 2
    assert '<a href="politie/">Politie</a>' in catalogue
    assert "2 van 2 onderdelen getoond" in catalogue
    assert 'id="f-cost-gratis"' in catalogue and "Alleen gratis" in catalogue
    assert 'name="audience" value="zorg-en-huisartsen"' in catalogue
    assert 'name="language" value="engels"' in catalogue
    assert 'src="../assets/filters.js"' in catalogue

    police = (out / "academy/politie/index.html").read_text(encoding="utf-8")
    assert re.findall(r'data-facets-entry="([a-z-]+)"', police) == ["webinar-meldcode"]

    webinar = (out / "academy/aanbod/webinar-meldcode/index.html").read_text(encoding="utf-8")
    assert '<a href="../../../partners/knmg/">' in webinar
    assert '<a href="../../../partners/fairwork/">FairWork</a>' in webinar
    course = _jsonld(webinar)
    assert course["@type"] == "Course"
    assert course["provider"] == {
        "@type": "Organization",
        "name": "Koninklijke Nederlandsche Maatschappij tot bevordering der Geneeskunst (KNMG)",
    }
    assert course["inLanguage"] == ["nl", "en"]
    assert course["offers"]["price"] == 0 and course["isAccessibleForFree"] is True
    assert course["hasCourseInstance"] == {"@type": "CourseInstance", "courseMode": "online"}

    training = (out / "academy/aanbod/training-huisartsen/index.html").read_text(encoding="utf-8")
    assert "<dd>€ 95,00</dd>" in training and "<dd>3 punten bij ABC1</dd>" in training
    course = _jsonld(training)
    assert course["offers"] == {
        "@type": "Offer",
        "category": "Paid",
        "price": 95.0,
        "priceCurrency": "EUR",
    }
    assert course["hasCourseInstance"]["courseMode"] == "onsite"
    assert course["provider"]["url"] == "https://www.fairwork.nu/"

    # English: the translated offer in English, the other one linked to its Dutch page.
    english = (out / "en/academy/index.html").read_text(encoding="utf-8")
    assert '<a href="offers/webinar-meldcode/">Webinar reporting code</a>' in english
    assert (
        '<a href="../../academy/aanbod/training-huisartsen/" hreflang="nl" lang="nl">'
        "Training huisartsen</a> (in Dutch)"
    ) in english
    assert '<p lang="nl">Een training.</p>' in english
    assert re.findall(r'<h2 id="(for-[a-z-]+)">', english) == [
        "for-police",
        "for-healthcare-and-gps",
    ]
    assert 'name="cost" value="free"' in english and 'value="gratis"' not in english
    assert (out / "en/academy/police/index.html").is_file()
    assert not (out / "en/academy/politie").exists()
    assert (out / "en/academy/offers/webinar-meldcode/index.html").is_file()
    assert not (out / "en/academy/offers/training-huisartsen").exists()

    # The partner page links back to the offers that name it.
    fairwork = (out / "partners/fairwork/index.html").read_text(encoding="utf-8")
    assert "Mensenhandel Academy" in fairwork
    assert '<a href="../../academy/aanbod/training-huisartsen/">Training huisartsen</a>' in fairwork


def test_sessions_registration_and_a_page_on_this_site(academy, tmp_path):
    """Sessions and the registration link on the offer page and in its JSON-LD; an offer's
    ``page`` links the site's own page, in English to the English page."""
    academy.write(
        "academy/training-huisartsen.md",
        TRAINING.replace(
            "format: on-site",
            "format: on-site\nregistration: https://aanmelden.example.org/t\n"
            "sessions:\n  - date: 2027-03-18\n    online: true\n"
            "  - date: 2026-10-01\n    end: 2026-10-02\n    place: Zwolle",
        ),
    )
    academy.write(
        "academy/webinar-meldcode.md",
        WEBINAR.replace("link: https://www.knmg.nl/", "page: /partners/fairwork"),
    )
    academy.write(
        "partners/fairwork.en.md", "---\nname: FairWork\nsummary: An NGO.\n---\n\nText.\n"
    )
    out = tmp_path / "site"
    result = run_cli("build", "--content", academy.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    training = (out / "academy/aanbod/training-huisartsen/index.html").read_text(encoding="utf-8")
    # In date order, the past one marked as such.
    assert (
        "<dt>Data</dt>\n<dd>1 oktober 2026 – 2 oktober 2026, Zwolle (geweest)<br>"
        "18 maart 2027, online</dd>"
    ) in training
    assert (
        '<dt>Aanmelden</dt>\n<dd><a href="https://aanmelden.example.org/t">Meld je aan</a> '
        "(externe website)</dd>"
    ) in training
    course = _jsonld(training)
    assert course["hasCourseInstance"] == [
        {
            "@type": "CourseInstance",
            "courseMode": "onsite",
            "startDate": "2026-10-01",
            "endDate": "2026-10-02",
            "location": {"@type": "Place", "name": "Zwolle"},
        },
        {
            "@type": "CourseInstance",
            "courseMode": "online",
            "startDate": "2027-03-18",
            "endDate": "2027-03-18",
            "location": {"@type": "VirtualLocation"},
        },
    ]
    assert course["offers"]["url"] == "https://aanmelden.example.org/t"
    webinar = (out / "academy/aanbod/webinar-meldcode/index.html").read_text(encoding="utf-8")
    assert (
        '<dt>Meer informatie</dt>\n<dd><a href="../../../partners/fairwork/">FairWork</a></dd>'
        in webinar
    )
    assert "knmg.nl" not in webinar
    # The back link is marked for academy.js, which gives it the catalogue's filters.
    assert re.search(r'<a data-academy-back="" href="../../">Terug naar', webinar)
    assert 'src="../../../assets/academy.js"' in webinar
