"""The Kompas: exact messages for bad references, matrix cells from the content files, pages
that link both ways, and a labour-exploitation page with every instrument, basis and partner."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from tests.conftest import ROOT, assert_refused, run_cli

PARTNER = """\
---
name: Nationale Politie
kind: chain-partner
sector: police-enforcement
scope: national
roles: partner
summary: De politie.
---

Tekst.
"""
FORM = """\
---
title: Arbeidsuitbuiting
summary: Werken onder dwang.
signals:
  - Lange dagen.
---

Tekst.
"""
ROLE = """\
---
title: Burgemeester
summary: Openbare orde.
responsibilities:
  - Sluit panden.
---

Tekst.
"""
INSTRUMENT = """\
---
title: Sluiten van panden
summary: De burgemeester sluit een pand.
forms: [arbeidsuitbuiting]
roles: [burgemeester]
partners: [politie]
legal_basis: Artikel 174a Gemeentewet
level: advanced
steps:
  - Verzamel informatie.
---

Tekst.
"""
THEME = """\
---
title: Beleid
summary: Beleid op papier.
basic: [Er is beleid.]
advanced: [Er is een actieplan.]
---

Tekst.
"""
FACTSHEET = """\
---
title: Factsheet
summary: Aanbevelingen.
starting: [Begin.]
advanced: [Ga door.]
---

Tekst.
"""


@pytest.fixture
def kompas(content):
    """A small valid Kompas with the real partner vocabularies and one partner."""
    for path in (ROOT / "content" / "vocabularies").glob("partner-*.yml"):
        content.write(f"vocabularies/{path.name}", path.read_text(encoding="utf-8"))
    content.write("partners/politie.md", PARTNER)
    content.write("kompas/form/arbeidsuitbuiting.md", FORM)
    content.write("kompas/role/burgemeester.md", ROLE)
    content.write("kompas/instrument/sluiting-panden.md", INSTRUMENT)
    content.write("kompas/theme/beleid.md", THEME)
    content.write("kompas/factsheet/index.md", FACTSHEET)
    return content


CASES = {
    "an instrument naming a form that does not exist": (
        {
            "kompas/instrument/sluiting-panden.md": INSTRUMENT.replace(
                "forms: [arbeidsuitbuiting]", "forms: [arbeidsuitbuitng]"
            )
        },
        [
            "kompas/instrument/sluiting-panden.md:4: field 'forms[1]': no form item named "
            "'arbeidsuitbuitng' (expected a file kompas/form/arbeidsuitbuitng.md) "
            "(did you mean 'arbeidsuitbuiting'?)"
        ],
    ),
    "an instrument naming a partner that does not exist": (
        {
            "kompas/instrument/sluiting-panden.md": INSTRUMENT.replace(
                "partners: [politie]", "partners:\n  - politie\n  - polite"
            )
        },
        [
            "kompas/instrument/sluiting-panden.md:8: field 'partners[2]': no partner item named "
            "'polite' (expected a file partners/polite.md) (did you mean 'politie'?)"
        ],
    ),
    "an instrument naming a role that does not exist": (
        {
            "kompas/instrument/sluiting-panden.md": INSTRUMENT.replace(
                "roles: [burgemeester]", "roles: [burgemeestr]"
            )
        },
        [
            "kompas/instrument/sluiting-panden.md:5: field 'roles[1]': no role item named "
            "'burgemeestr' (expected a file kompas/role/burgemeestr.md) "
            "(did you mean 'burgemeester'?)"
        ],
    ),
    "an instrument at an unknown level": (
        {
            "kompas/instrument/sluiting-panden.md": INSTRUMENT.replace(
                "level: advanced", "level: gevorderd"
            )
        },
        [
            "kompas/instrument/sluiting-panden.md:8: field 'level': expected one of basic, "
            "advanced, got text 'gevorderd'"
        ],
    ),
    "an instrument without forms": (
        {
            "kompas/instrument/sluiting-panden.md": INSTRUMENT.replace(
                "forms: [arbeidsuitbuiting]\n", ""
            )
        },
        [
            "kompas/instrument/sluiting-panden.md:1: required field 'forms' is missing: expected "
            "a list of the name of a form item (its file name without .md) (the forms of "
            "trafficking it helps against (file names in kompas/form/))"
        ],
    ),
    "a form file named index": (
        {"kompas/form/index.md": FORM},
        [
            "kompas/form/index.md: the name 'index' is used by the form overview itself: "
            "rename the file"
        ],
    ),
    "a factsheet under another name": (
        {"kompas/factsheet/factsheet.md": FACTSHEET},
        [
            "kompas/factsheet/factsheet.md: expected the factsheet in kompas/factsheet/index.md, "
            "got kompas/factsheet/factsheet.md; rename the file"
        ],
    ),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_bad_kompas_content_is_reported_exactly(kompas, files, expected):
    for rel, text in files.items():
        kompas.write(rel, text)
    assert_refused(kompas.root, expected)


def test_a_small_kompas_builds_with_links_both_ways(kompas, tmp_path):
    out = tmp_path / "site"
    result = run_cli("build", "--content", kompas.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    form = (out / "kompas/vormen/arbeidsuitbuiting/index.html").read_text(encoding="utf-8")
    assert 'href="../../instrumenten/sluiting-panden/"' in form
    assert "Artikel 174a Gemeentewet" in form
    instrument = (out / "kompas/instrumenten/sluiting-panden/index.html").read_text("utf-8")
    assert 'href="../../vormen/arbeidsuitbuiting/"' in instrument
    assert 'href="../../rollen/burgemeester/"' in instrument
    assert 'href="../../../partners/politie/"' in instrument
    partner = (out / "partners/politie/index.html").read_text(encoding="utf-8")
    assert 'href="../../kompas/instrumenten/sluiting-panden/"' in partner  # the back-link


def test_an_instrument_text_with_an_image_and_a_link_works_on_the_cards_page_too(kompas, tmp_path):
    # The cards page gathers every instrument's text: its links and images must work from there.
    kompas.write_bytes(
        "images/pand.png", (ROOT / "tests/golden/content/images/vlak.png").read_bytes()
    )
    kompas.write(
        "kompas/instrument/sluiting-panden.md",
        INSTRUMENT.rstrip("\n")
        + (
            "\n\n![Een gesloten pand](../../images/pand.png)\n\n"
            "Zie ook [arbeidsuitbuiting](../form/arbeidsuitbuiting.md).\n"
        ),
    )
    out = tmp_path / "site"
    result = run_cli("build", "--content", kompas.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    for page, up in (
        ("kompas/kaarten", "../../"),
        ("kompas/instrumenten/sluiting-panden", "../../../"),
    ):
        html = (out / page / "index.html").read_text(encoding="utf-8")
        assert f'srcset="{up}images/pand-' in html and 'alt="Een gesloten pand"' in html, page
    cards = (out / "kompas/kaarten/index.html").read_text(encoding="utf-8")
    assert '<a href="../vormen/arbeidsuitbuiting/">arbeidsuitbuiting</a>' in cards


# --- the demo site --------------------------------------------------------------------------


def _front(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _content(kind: str) -> dict[str, dict]:
    folder = ROOT / "content" / "kompas" / kind
    return {p.stem: _front(p) for p in sorted(folder.glob("*.md")) if p.name.count(".") == 1}


class _Cells(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells: dict[tuple[str, str], str] = {}
        self.row_headers = self.col_headers = 0
        self.caption = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and "data-instrument" in a:
            self.cells[(a["data-instrument"], a["data-form"])] = a["data-applies"]
        if tag == "th":
            self.row_headers += a.get("scope") == "row"
            self.col_headers += a.get("scope") == "col"
        self.caption |= tag == "caption"


def test_matrix_cells_agree_with_the_content_files(demo_site):
    parser = _Cells()
    parser.feed((demo_site / "kompas/matrix/index.html").read_text(encoding="utf-8"))
    instruments, forms = _content("instrument"), _content("form")
    expected = {
        (i, f): "yes" if f in front["forms"] else "no"
        for i, front in instruments.items()
        for f in forms
    }
    assert parser.cells == expected
    assert parser.row_headers == len(instruments)
    assert parser.col_headers == len(forms) + 1  # the corner names the instrument column
    assert parser.caption


def test_labour_exploitation_lists_every_instrument_with_basis_and_partners(demo_site):
    """The done-when: every instrument against labour exploitation, its legal basis, partners."""
    page = (demo_site / "kompas/vormen/arbeidsuitbuiting/index.html").read_text(encoding="utf-8")
    instruments = {
        slug: front
        for slug, front in _content("instrument").items()
        if "arbeidsuitbuiting" in front["forms"]
    }
    assert len(instruments) >= 5
    listed = re.findall(r'<li data-instrument="([a-z0-9-]+)">(.*?)</li>', page, re.S)
    assert {slug for slug, _ in listed} == set(instruments)
    for slug, html in listed:
        front = instruments[slug]
        assert front["legal_basis"] in html.replace("&amp;", "&"), slug
        for partner in front.get("partners", []):
            assert f'href="../../../partners/{partner}/"' in html, (slug, partner)
    assert "https://mensenhandel.example.org/kompas/vormen/arbeidsuitbuiting/" in page


def test_demo_kompas_has_what_the_issue_asks_for(demo_site):
    assert len(_content("form")) == 4
    assert len(_content("instrument")) >= 8
    assert len(_content("role")) >= 6
    themes = _content("theme")
    assert len(themes) == 5 and all(t["basic"] and t["advanced"] for t in themes.values())
    assert (demo_site / "kompas/factsheet/index.html").is_file()
    assert (demo_site / "en/kompas/index.html").is_file()
    for slug in _content("form"):
        assert (demo_site / f"en/kompas/forms/{slug}/index.html").is_file()


def test_kompas_items_list_the_stories_that_name_them(demo_site):
    """Back-links come from the core (core/backlinks.py): the Kompas never asks the Longread."""
    page = (demo_site / "kompas/instrumenten/bibob/index.html").read_text(encoding="utf-8")
    elsewhere = page.split('id="elders-op-deze-site"', 1)[1].split("</div>", 1)[0]
    assert '<a href="../../../longread/de-handhaver/">Wat een kamer je vertelt</a>' in elsewhere
