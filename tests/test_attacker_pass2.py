"""What the attacker's pass over quotes, the help route, news, publications and the academy
found, each kept from coming back: an address field that became an off-site image or an
attribute list in the Markdown it was written into, and control characters in a text field that
ended the build in a traceback (the Atom feed) or started a new line of an .ics file."""

from __future__ import annotations

import html5lib
import pytest

from tests.conftest import ROOT, assert_refused, build, run_cli

# Every character an address may hold that Markdown reads: the rest of the value would have
# become an image from another host and an event handler.
HOSTILE_URL = "https://example.org/a)![x](https://evil.example/p.png){:onclick=alert(1)}("

HELP = """\
---
title: Je bent in direct gevaar
label: In direct gevaar
order: 1
organisation: Voorbeeldlijn
website: "{url}"
in_block: true
---

Tekst.
"""

PUBLICATION = """\
---
title: Verslag van een schriftelijk overleg
date: 2022-11-30
kind: verslag
link: "{url}"
summary: Vragen en antwoorden.
---

Wat het is.
"""


def _document(path):
    return html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)


def _links_and_resources(path):
    """(hrefs of <a>, every src, every on* attribute) of a built page, as the browser parses it."""
    hrefs, sources, handlers = [], [], []
    for element in _document(path).iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name == "href" and element.tag == "a":
                hrefs.append(value)
            if name in ("src", "srcset"):
                sources.append(value)
            if name.lower().startswith("on"):
                handlers.append((element.tag, name, value))
    return hrefs, sources, handlers


def _publications(content):
    for path in (ROOT / "content" / "vocabularies").glob("*.yml"):
        content.write(f"vocabularies/{path.name}", path.read_text(encoding="utf-8"))
    content.write("publications/verslag.md", PUBLICATION.format(url=HOSTILE_URL))


@pytest.mark.parametrize(
    "setup, page",
    [
        (
            lambda c: c.write("help/direct-gevaar.md", HELP.format(url=HOSTILE_URL)),
            "hulp-en-melden/index.html",
        ),
        (
            lambda c: c.write("help/direct-gevaar.md", HELP.format(url=HOSTILE_URL)),
            "hulp-en-melden/direct-gevaar/index.html",
        ),
        (_publications, "publicaties/verslag/index.html"),
    ],
)
def test_an_address_field_is_one_link_to_the_whole_address(content, tmp_path, setup, page):
    setup(content)
    out = build(content, tmp_path / "site")
    hrefs, sources, handlers = _links_and_resources(out / page)
    assert HOSTILE_URL in hrefs
    assert [s for s in sources if "evil.example" in s] == []
    assert handlers == []
    assert not any(h.startswith("https://example.org/a") and h != HOSTILE_URL for h in hrefs)


def test_the_help_block_links_the_whole_address_as_text(content, tmp_path):
    content.write("help/direct-gevaar.md", HELP.format(url=HOSTILE_URL))
    out = build(content, tmp_path / "site")
    aside = _document(out / "index.html").find(".//aside[@class='help-block']")
    assert [a.get("href") for a in aside.iter("a")][0] == HOSTILE_URL
    assert list(aside.iter("img")) == []


@pytest.mark.parametrize(
    "escape, shown",
    [("\\u0001", "U+0001"), ("\\r", "U+000D"), ("\\x7f", "U+007F"), ("\\uffff", "U+FFFF")],
)
def test_control_characters_in_a_text_field_are_refused_with_their_line(content, escape, shown):
    content.write(
        "news/congres.md",
        f"""\
        ---
        title: Congres
        date: 2025-03-01
        kind: event
        place: "Utrecht{escape}LOCATION:elders"
        start: 2025-03-10
        end: 2025-03-11
        summary: "Een congres{escape}."
        ---

        Tekst.
        """,
    )
    assert_refused(
        content.root,
        [
            f"news/congres.md:5: field 'place': expected text of at most 120 characters without "
            f"control characters, got the character {shown}",
            f"news/congres.md:8: field 'summary': expected text of at most 300 characters without "
            f"control characters, got the character {shown}",
        ],
    )


def test_tabs_and_newlines_in_a_text_field_still_build(content, tmp_path):
    content.write(
        "news/congres.md",
        """\
        ---
        title: "Congres\\tin Utrecht"
        date: 2025-03-01
        kind: event
        place: "Utrecht\\nen online"
        start: 2025-03-10
        end: 2025-03-11
        summary: Een congres.
        ---

        Tekst.
        """,
    )
    out = build(content, tmp_path / "site")
    calendar = (out / "nieuws" / "agenda.ics").read_bytes()
    assert b"LOCATION:Utrecht\\nen online\r\n" in calendar


def test_a_phone_in_another_scripts_digits_is_refused(content):
    # U+FF10.. and U+0660..: Python's \d took them; a tel: link of them may not dial.
    content.write(
        "help/direct-gevaar.md",
        HELP.format(url="https://example.org/").replace(
            "website:", 'phone: "\uff10\uff18\uff10\uff10-\uff12\uff10\uff10\uff10"\nwebsite:'
        ),
    )
    content.write(
        "help/anoniem.md",
        HELP.format(url="https://example.org/")
        .replace("website:", 'phone: "\u0661\u0661\u0662"\nwebsite:')
        .replace("order: 1", "order: 2"),
    )
    result = run_cli("check", "--content", content.root)
    assert result.code == 1
    assert [line.split(": field")[0] for line in result.lines] == [
        "help/anoniem.md:6",
        "help/direct-gevaar.md:6",
    ]
    assert all("field 'phone': expected a phone number" in line for line in result.lines)
