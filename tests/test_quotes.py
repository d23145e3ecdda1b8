"""Quotes placed on any page with '[[quote: slug]]': the rules (exact messages, all in one run),
the pull quote they become in both languages, and hostile text that stays text."""

from __future__ import annotations

import html
import re

import pytest
import html5lib

from core.htmlpolicy import GENERATED, violations
from core.trust import render
from tests.conftest import ROOT, assert_refused, build, html_of

LEVERS = """\
---
text: Het belangrijkste is dat ik mijn vertrouwen weer terugkrijg.
speaker: Jill
kind: victim
anonymised: true
consent: true
language: nl
---
"""

LEVERS_EN = """\
---
text: The most important thing is that I get my trust back.
---
"""

PROFESSOR = """\
---
text: Onderzoek hoort ten dienste te staan van de praktijk.
speaker: Conny Rijken
kind: professional
role: hoogleraar
organisation: Tilburg Law School
consent: true
language: nl
---
"""

ABOUT = """\
---
title: Over ons
summary: Wie we zijn.
---

Eerste alinea.

[[quote: jill]]

Tweede alinea.

[[quote: rijken]]
"""

ABOUT_EN = """\
---
title: About us
summary: Who we are.
---

First paragraph.

[[quote: jill]]

[[quote: rijken]]
"""


@pytest.fixture
def quotes(content):
    content.write("quotes/jill.md", LEVERS)
    content.write("quotes/jill.en.md", LEVERS_EN)
    content.write("quotes/rijken.md", PROFESSOR)
    content.write("pages/over-ons.md", ABOUT)
    content.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\nHello.\n")
    content.write("pages/over-ons.en.md", ABOUT_EN)
    return content


def _parse(page: str):
    return html5lib.parse(page, namespaceHTMLElements=False)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _pull_quotes(page: str) -> list:
    return [f for f in _parse(page).iter("figure") if f.get("class") == "pullquote"]


def _figures(page: str) -> list[tuple[str, str, str | None]]:
    """(quote text, caption, lang of the quote's paragraph) of each pull quote on a page."""
    return [
        (
            _text(f.find("blockquote")),
            _text(f.find("figcaption")),
            f.find("blockquote/p").get("lang"),
        )
        for f in _pull_quotes(page)
    ]


def test_placed_quotes_become_pull_quotes_in_both_languages(quotes, tmp_path):
    out = build(quotes, tmp_path / "site")
    assert _figures(html_of(out, "over-ons")) == [
        (
            "Het belangrijkste is dat ik mijn vertrouwen weer terugkrijg.",
            "Jill (gefingeerde naam)",
            None,
        ),
        (
            "Onderzoek hoort ten dienste te staan van de praktijk.",
            "Conny Rijken, hoogleraar, Tilburg Law School",
            None,
        ),
    ]
    # English: the translated words; an untranslated quote keeps its Dutch words, marked so
    # screen readers read them as Dutch (WCAG 3.1.2).
    assert _figures(html_of(out, "en/over-ons")) == [
        ("The most important thing is that I get my trust back.", "Jill (name changed)", None),
        (
            "Onderzoek hoort ten dienste te staan van de praktijk.",
            "Conny Rijken, hoogleraar, Tilburg Law School",
            "nl",
        ),
    ]
    assert "[[quote" not in html_of(out, "over-ons") + html_of(out, "en/over-ons")


def test_a_quote_in_code_stays_as_written_for_the_handbook(quotes, tmp_path):
    quotes.write(
        "pages/syntax.md",
        "---\ntitle: Syntax\nsummary: Hoe.\n---\n\nSchrijf:\n\n```\n[[quote: bestaat-niet]]\n```\n",
    )
    out = build(quotes, tmp_path / "site")
    assert "[[quote: bestaat-niet]]" in _text(_parse(html_of(out, "syntax")).find(".//pre"))


def test_every_quote_problem_in_one_run_with_its_line(quotes):
    quotes.write(
        "pages/over-ons.md",
        ABOUT.replace("[[quote: jill]]", "[[quote: jil]]").replace(
            "[[quote: rijken]]", "[[citaat: rijken]]"
        ),
    )
    quotes.write("quotes/geen-toestemming.md", PROFESSOR.replace("consent: true", "consent: false"))
    quotes.write("quotes/niet-geanonimiseerd.md", LEVERS.replace("anonymised: true\n", ""))
    quotes.write(
        "quotes/volledige-naam.md", LEVERS.replace("speaker: Jill", "speaker: Jill de Vries")
    )
    quotes.write("quotes/onwaar.md", LEVERS.replace("anonymised: true", "anonymised: false"))
    assert_refused(
        quotes.root,
        [
            "pages/over-ons.md:8: '[[quote: jil]]': no quote named 'jil' (expected a file "
            "quotes/jil.md) (did you mean 'jill'?)",
            "pages/over-ons.md:12: '[[citaat: rijken]]': expected one of '[[quote: ...]]', got "
            "'citaat', which cannot be placed on a page",
            "quotes/geen-toestemming.md:7: field 'consent': expected true (a quote is published only "
            "with the speaker's consent), got false",
            "quotes/niet-geanonimiseerd.md:4: field 'anonymised': expected true because kind is "
            "'victim' (a victim's quote is published only once names, places and details that could "
            "identify anyone are changed), got nothing",
            "quotes/onwaar.md:5: field 'anonymised': expected true because kind is 'victim' (a "
            "victim's quote is published only once names, places and details that could identify "
            "anyone are changed), got false",
            "quotes/volledige-naam.md:3: field 'speaker': expected only an invented first name (one "
            "word, like 'Sara') because kind is 'victim', got 'Jill de Vries'",
        ],
    )


def test_html_in_a_quote_field_is_refused_at_its_line(quotes):
    quotes.write(
        "quotes/rijken.md",
        PROFESSOR.replace("text: Onderzoek", "text: <script>alert(1)</script> Onderzoek"),
    )
    assert_refused(
        quotes.root,
        [
            "quotes/rijken.md:2: field 'text': expected text of at most 700 characters without '<' "
            "or '>' (HTML is not allowed in fields), got text '<script>alert(1)</script> Onderzoek "
            "hoort ten dienste te ...'"
        ],
    )


HOSTILE = {
    "text": "Klik [hier](javascript:alert(1)) of ![x](https://evil.example/x.png) "
    '{: onclick="alert(2)" } javascript:alert(3) &lt;script&gt;alert(4)&lt;/script&gt; '
    "`code` *nadruk* https://evil.example/ [^1] \\\\ |a|b|",
    "speaker": "[Jan](javascript:alert(5)){: onmouseover=alert(6) }",
    "role": "onerror=alert(7) &#x3C;img src=x&#x3E;",
    "organisation": "{: .evil onfocus=alert(8) } ~~~ : # kop",
}


def _hostile_quote() -> str:
    lines = [f"{name}: '{value}'" for name, value in HOSTILE.items()]
    return "---\n" + "\n".join(lines) + "\nkind: professional\nconsent: true\nlanguage: nl\n---\n"


def test_hostile_quote_text_reaches_the_page_as_text_only(quotes, tmp_path):
    """Field values are data: whatever Markdown, attribute lists, entities or schemes they
    hold, the page shows them as written and nothing in the quote can run or load."""
    quotes.write("quotes/rijken.md", _hostile_quote())
    out = build(quotes, tmp_path / "site")  # the build's own content check passed too
    page = html_of(out, "over-ons")
    figure = _pull_quotes(page)[1]
    assert _text(figure.find("blockquote")) == " ".join(HOSTILE["text"].split())
    assert _text(figure.find("figcaption")) == ", ".join(
        HOSTILE[k] for k in ("speaker", "role", "organisation")
    )
    for element in figure.iter():
        assert element.tag in ("figure", "blockquote", "p", "figcaption"), element.tag
        assert all(
            not name.startswith("on") and name not in ("href", "src", "style")
            for name in element.attrib
        ), element.attrib
        assert element is figure or "class" not in element.attrib
    # The theme's own script files are the only scripts on the page.
    scripts = [s for s in _parse(page).iter("script") if s.get("type") != "application/ld+json"]
    assert scripts and all(
        s.get("src", "").startswith(("../assets/", "../../assets/")) for s in scripts
    ), [s.attrib for s in scripts]


def test_the_embed_escapes_even_what_the_schema_refuses():
    """A second wall: if '<script>' ever got past the schema, the placed quote is still text."""
    import quotes as quotes_package
    from core.section import Item, Version
    from core.source import SourceFile
    from core.yamlfile import YamlDocument

    values = {
        "text": '<script>alert(1)</script><img src=x onerror="alert(2)">',
        "speaker": "<b onclick=alert(3)>Jan</b>",
        "kind": "professional",
        "role": None,
        "organisation": None,
        "consent": True,
        "language": "nl",
        "anonymised": None,
    }
    source = SourceFile("quotes/x.md", "x", "nl", YamlDocument(values), 1, "", 10)
    item = Item("quotes", "x", source, {"nl": Version("nl", values, "", source)})
    rendered = render(quotes_package.SECTION.embed(None, item, "nl"))
    assert violations(rendered, GENERATED) == []
    tree = _parse(rendered)
    assert [e.tag for e in tree.find("body").iter()] == [
        "body",
        "div",
        "figure",
        "blockquote",
        "p",
        "figcaption",
    ]
    assert _text(tree.find(".//blockquote")) == values["text"]
    assert _text(tree.find(".//figcaption")) == values["speaker"]


def test_the_demo_places_every_seed_quote_with_its_attribution(demo_site):
    expected = [
        (
            "open-je-ogen",
            "Raymond Venema en Heleen Driessen, ketenregisseur en zorgcoördinator "
            "mensenhandel, regio Gooi en Vechtstreek",
        ),
        (
            "over-ons",
            "Sanne de Vries, consulent aanpak mensenhandel, Coördinatiecentrum tegen mensenhandel",
        ),
        (
            "over-ons",
            "Joep Pattijn, programmadirecteur Vreemdelingenzaken en "
            "Migratiecriminaliteit, Nationale Politie",
        ),
        ("partners/la-strada-international", "Suzanne Hoff, La Strada International"),
        (
            "academy/aanbod/rapport-signalering-registratie-jeugdhulp",
            "Conny Rijken, hoogleraar Mensenhandel en Globalisering, Tilburg Law School, "
            "Department Criminal Law",
        ),
        ("longread", "Jill (gefingeerde naam)"),
        ("en/longread", "Jill (name changed)"),
    ]
    for path, caption in expected:
        captions = [c for _, c, _ in _figures(html_of(demo_site, path))]
        assert caption in captions, (path, captions)
    quotes_dir = ROOT / "content" / "quotes"
    speakers = {
        re.search(r"^speaker: (.*)$", p.read_text(encoding="utf-8"), re.M).group(1)
        for p in quotes_dir.glob("*.md")
        if p.name.count(".") == 1
    }
    placed = "".join(p.read_text(encoding="utf-8") for p in demo_site.rglob("index.html"))
    for speaker in speakers:  # every quote of the demo is on a Dutch and an English page
        assert placed.count(f"<figcaption>{html.escape(speaker, quote=False)}") >= 2, speaker
