"""Every kind of bad content gives its exact `PATH:LINE: message`, exit 1, and an untouched --out."""

from __future__ import annotations

import pytest

from toolkit import cli
from tests import sample_section
from tests.conftest import assert_refused, run_cli

KINDS = """\
training:
  nl: Training
  en: Training
factsheet:
  nl: Factsheet
  en: Factsheet
"""

NOTE = """\
---
title: Een notitie
kind: training
date: 2026-03-01
---

Tekst.
"""


@pytest.fixture(autouse=True)
def with_notes(monkeypatch):
    monkeypatch.setattr(cli, "SECTIONS", [*cli.SECTIONS, sample_section.SECTION])


def page(front: str, body: str = "Tekst.\n") -> str:
    return f"---\n{front}---\n\n{body}"


CASES = {
    "invalid YAML": (
        {"pages/a.md": page("title: Over ons\nsummary: [niet gesloten\nnav_order: 2\n")},
        [
            "pages/a.md:4: invalid YAML: while parsing a flow sequence, expected ',' or ']', "
            "but got ':'"
        ],
    ),
    "front matter not closed": (
        {"pages/a.md": "---\ntitle: Over ons\nsummary: Iets.\n\nTekst.\n"},
        ["pages/a.md:1: front matter is not closed: expected a second '---' line after the fields"],
    ),
    "missing required field": (
        {"pages/a.md": page("title: Over ons\n")},
        [
            "pages/a.md:1: required field 'summary' is missing: expected text of at most 200 "
            "characters (one sentence on what the page offers; shown in search engines and on tiles)"
        ],
    ),
    "required field left empty": (
        {"pages/a.md": page("title: Over ons\nsummary:\n")},
        [
            "pages/a.md:3: required field 'summary' has no value: expected text of at most 200 "
            "characters (one sentence on what the page offers; shown in search engines and on tiles)"
        ],
    ),
    "wrong type": (
        {"pages/a.md": page("title: Over ons\nsummary: Iets.\nnav_order: twee\n")},
        ["pages/a.md:4: field 'nav_order': expected a whole number of at least 1, got text 'twee'"],
    ),
    "unknown field with a suggestion": (
        {"pages/a.md": page("titel: Over ons\ntitle: Over ons\nsummary: Iets.\n")},
        [
            "pages/a.md:2: unknown field 'titel' (did you mean 'title'?); known fields: title, "
            "summary, slug, nav_order, in_footer, keywords"
        ],
    ),
    "value not in the vocabulary": (
        {
            "vocabularies/kinds.yml": KINDS,
            "notes/a.md": NOTE.replace("kind: training", "kind: webinar"),
        },
        [
            "notes/a.md:3: field 'kind': expected one of training, factsheet "
            "(content/vocabularies/kinds.yml), got text 'webinar'"
        ],
    ),
    "reference to nothing": (
        {
            "vocabularies/kinds.yml": KINDS,
            "notes/a.md": NOTE.replace("kind: training", "kind: training\npage: veiligheidd"),
        },
        [
            "notes/a.md:4: field 'page': no pages item named 'veiligheidd' (expected a file "
            "pages/veiligheidd.md) (did you mean 'veiligheid'?)"
        ],
    ),
    "two items with the same name": (
        {"vocabularies/kinds.yml": KINDS, "notes/2025/a.md": NOTE, "notes/2026/a.md": NOTE},
        [
            "notes/2026/a.md: two note items have the name 'a': notes/2025/a.md and "
            "notes/2026/a.md; rename one file"
        ],
    ),
    "two pages at one address": (
        {
            "pages/over-ons.en.md": page("title: About\nsummary: Who.\nslug: about\n"),
            "pages/over-ons.md": page("title: Over ons\nsummary: Wie.\n"),
            "pages/wie.md": page("title: Wie\nsummary: Wie.\n"),
            "pages/wie.en.md": page("title: Who\nsummary: Who.\nslug: about\n"),
            "pages/index.en.md": page("title: Home\nsummary: Home.\n"),
        },
        [
            "pages/wie.en.md:4: two pages would be published at the same address '/en/about/': "
            "pages/over-ons.en.md and pages/wie.en.md; change the file name or slug of one"
        ],
    ),
    "impossible date": (
        {"vocabularies/kinds.yml": KINDS, "notes/a.md": NOTE.replace("2026-03-01", "2020-02-30")},
        [
            "notes/a.md:4: field 'date': expected a date written YYYY-MM-DD, got '2020-02-30', "
            "which is not a day in the calendar"
        ],
    ),
    "error inside a list": (
        {
            "vocabularies/kinds.yml": KINDS,
            "notes/a.md": NOTE.replace(
                "date: 2026-03-01",
                "date: 2026-03-01\nevents:\n"
                "  - date: 2026-03-02\n    what: Gastles\n  - date: morgen\n",
            ),
        },
        [
            "notes/a.md:8: field 'events[2].date': expected a date written YYYY-MM-DD, got text 'morgen'",
            "notes/a.md:8: required field 'events[2].what' is missing: expected text (what happens)",
        ],
    ),
    "not UTF-8": (
        {"pages/a.md": b"---\ntitle: Caf\xe9\nsummary: Iets.\n---\n\nTekst.\n"},
        ["pages/a.md:2: file is not valid UTF-8: byte 0xe9 at position 14; save the file as UTF-8"],
    ),
    "empty file": (
        {"pages/a.md": ""},
        ["pages/a.md: file is empty: expected front matter between '---' lines, then text"],
    ),
    "no front matter": (
        {"pages/a.md": "# Over ons\n\nTekst.\n"},
        [
            "pages/a.md:1: expected front matter starting with '---' on the first line, got '# Over ons'"
        ],
    ),
    "field given twice": (
        {"pages/a.md": page("title: Over ons\nsummary: Iets.\ntitle: Wie\n")},
        ["pages/a.md:4: field 'title' is given twice (first on line 2)"],
    ),
    "link to a page that does not exist": (
        {"pages/a.md": page("title: A\nsummary: B.\n", "Zie [privacy](privacyy.md).\n")},
        [
            "pages/a.md:6: link to a page that does not exist: 'privacyy.md' "
            "(looked for pages/privacyy.md)"
        ],
    ),
    "link to a page that does not exist, with the closest page": (
        {
            "pages/a.md": page("title: A\nsummary: B.\n", "Zie [privacy](privacy.md).\n"),
            "pages/privacy-verklaring.md": page("title: Privacy\nsummary: Wat we bewaren.\n"),
        },
        [
            "pages/a.md:6: link to a page that does not exist: 'privacy.md' (looked for "
            "pages/privacy.md) (did you mean 'privacy-verklaring.md'?)"
        ],
    ),
    "image that does not exist, with the closest image as the link to write": (
        {
            "pages/a.md": page("title: A\nsummary: B.\n", "![Het strand](../images/strnd.jpg)\n"),
            "images/zee/strand.jpg": b"\xff\xd8\xff",
            "images/zee/strand.md.txt": "geen afbeelding",
        },
        [
            "pages/a.md:6: image '../images/strnd.jpg' does not exist (looked for images/strnd.jpg) "
            "(did you mean '../images/zee/strand.jpg'?)"
        ],
    ),
    "link to a missing anchor": (
        {"pages/a.md": page("title: A\nsummary: B.\n", "Zie [knop](veiligheid.md#de-knop).\n")},
        ["pages/a.md:6: link to 'veiligheid.md#de-knop': no heading with that anchor on that page"],
    ),
    "image that does not exist": (
        {
            "pages/a.md": page(
                "title: A\nsummary: B.\n", "Tekst.\n\n![Een foto](../images/foto.jpg)\n"
            )
        },
        ["pages/a.md:8: image '../images/foto.jpg' does not exist (looked for images/foto.jpg)"],
    ),
    "image without alt text": (
        {
            "pages/a.md": page("title: A\nsummary: B.\n", "![](../images/foto.png)\n"),
            "images/foto.png": b"\x89PNG\r\n\x1a\n",
        },
        [
            "pages/a.md:6: image '../images/foto.png' has no alt text: describe the image between "
            "the brackets, ![like this](../images/foto.png); only a purely decorative image may go "
            "without, marked ![](../images/foto.png){: .decorative}"
        ],
    ),
    "path that leaves the content dir": (
        {"pages/a.md": page("title: A\nsummary: B.\n", "Zie [geheim](../../geheim.md).\n")},
        ["pages/a.md:6: link: path '../../geheim.md' leaves the content directory"],
    ),
    "translation without original": (
        {"pages/wie.en.md": page("title: Who\nsummary: Who.\n")},
        ["pages/wie.en.md: translation without an original: expected pages/wie.md beside it"],
    ),
    "link to a page with problems: only that page's problem": (
        {
            "pages/a.md": page("title: A\nsummary: B.\n", "Zie [wie](wie.md#kop).\n"),
            "pages/wie.md": page("title: Wie\n", "## Kop\n"),
        },
        [
            "pages/wie.md:1: required field 'summary' is missing: expected text of at most 200 "
            "characters (one sentence on what the page offers; shown in search engines and on "
            "tiles)"
        ],
    ),
    "translation of an original with problems: only the original's problem": (
        {
            "pages/wie.md": page("title: Wie\n"),
            "pages/wie.en.md": page("title: Who\nsummary: Who.\n"),
        },
        [
            "pages/wie.md:1: required field 'summary' is missing: expected text of at most 200 "
            "characters (one sentence on what the page offers; shown in search engines and on "
            "tiles)"
        ],
    ),
    "link to the translation of an original with problems: only the original's problem": (
        {
            "pages/wie.md": page("title: Wie\n"),
            "pages/wie.en.md": page("title: Who\nsummary: Who.\n"),
            "pages/index.en.md": page("title: Home\nsummary: Home.\n", "See [who](wie.en.md).\n"),
        },
        [
            "pages/wie.md:1: required field 'summary' is missing: expected text of at most 200 "
            "characters (one sentence on what the page offers; shown in search engines and on "
            "tiles)"
        ],
    ),
    "language-neutral field in a translation": (
        {
            "pages/a.md": page("title: A\nsummary: B.\n"),
            "pages/a.en.md": page("title: A\nsummary: B.\nnav_order: 3\n"),
        },
        [
            "pages/a.en.md:4: field 'nav_order' is the same in every language: set it in the "
            "original file, not in the translation"
        ],
    ),
    "vocabulary without labels: one message, at the vocabulary": (
        {"vocabularies/kinds.yml": "training:\n  nl: Training\n", "notes/a.md": NOTE},
        [
            "vocabularies/kinds.yml:1: term 'training': expected labels for nl and en (like "
            "'{nl: ..., en: ...}'), got a group of fields"
        ],
    ),
    "a value that no vocabulary term has, beside a term without labels": (
        {
            "vocabularies/kinds.yml": "training:\n  nl: Training\n",
            "notes/a.md": NOTE.replace("kind: training", "kind: webinar"),
        },
        [
            "notes/a.md:3: field 'kind': expected a value from content/vocabularies/kinds.yml, "
            "which has no usable terms, got text 'webinar'",
            "vocabularies/kinds.yml:1: term 'training': expected labels for nl and en (like "
            "'{nl: ..., en: ...}'), got a group of fields",
        ],
    ),
    "two labels of a vocabulary with one web name: at the second, the term left out": (
        {
            "vocabularies/kinds.yml": KINDS + "training-2:\n  nl: Training!\n  en: Course\n",
            "notes/a.md": NOTE.replace("kind: training", "kind: training-2"),
        },
        [
            "vocabularies/kinds.yml:8: term 'training-2': its nl label 'Training!' gives the web "
            "name 'training', the same as term 'training' (line 2): expected labels that differ in "
            "more than capitals, accents and punctuation"
        ],
    ),
    "a vocabulary label without a letter or digit has no web name": (
        {"vocabularies/kinds.yml": KINDS + "dash:\n  nl: Streep\n  en: '--'\n", "notes/a.md": NOTE},
        [
            "vocabularies/kinds.yml:9: term 'dash': expected a en label with a letter or digit (it "
            "gives the term's web address), got '--'"
        ],
    ),
    "invalid YAML in a vocabulary: one message, at the vocabulary": (
        {
            "vocabularies/kinds.yml": KINDS.replace("factsheet:", "factsheet: [", 1),
            "notes/a.md": NOTE,
        },
        [
            "vocabularies/kinds.yml:6: invalid YAML: while parsing a flow sequence, expected ',' "
            "or ']', but got ':'"
        ],
    ),
    "HTML in a text field": (
        {"pages/a.md": page("title: Over ons</title><script>alert(1)</script>\nsummary: B.\n")},
        [
            "pages/a.md:2: field 'title': expected text of at most 80 characters without '<' or '>' "
            "(HTML is not allowed in fields), got text 'Over ons</title><script>alert(1)</script>'"
        ],
    ),
    "several problems in one run": (
        {
            "pages/a.md": page("title: 12\nsummary: Iets.\n"),
            "pages/b.md": page("title: B\nsummary: Iets.\nnav_order: -1\n"),
        },
        [
            "pages/a.md:2: field 'title': expected text of at most 80 characters, got number 12",
            "pages/b.md:4: field 'nav_order': expected a whole number of at least 1, got number -1",
        ],
    ),
}

UNSAFE = {
    "script": (
        "<script>alert(1)</script>",
        "unsafe HTML: <script> is not allowed in content; allowed tags: abbr, br, figcaption, "
        "figure, kbd, mark, q, small, span, sub, sup",
    ),
    "iframe": (
        '<iframe src="https://example.org/embed"></iframe>',
        "unsafe HTML: <iframe> is not allowed in content; allowed tags: abbr, br, figcaption, "
        "figure, kbd, mark, q, small, span, sub, sup",
    ),
    "style": (
        "<style>body{display:none}</style>",
        "unsafe HTML: <style> is not allowed in content; allowed tags: abbr, br, figcaption, "
        "figure, kbd, mark, q, small, span, sub, sup",
    ),
    "form": (
        '<form action="https://example.org"></form>',
        "unsafe HTML: <form> is not allowed in content; allowed tags: abbr, br, figcaption, "
        "figure, kbd, mark, q, small, span, sub, sup",
    ),
    "event attribute": (
        '<abbr title="x" onmouseover="steal()">X</abbr>',
        "unsafe HTML: event attribute 'onmouseover' on <abbr> is not allowed",
    ),
    "style attribute": (
        '<span style="position:fixed">X</span>',
        "unsafe HTML: attribute 'style' on <span> is not allowed; allowed: lang",
    ),
    "javascript link": (
        "[klik](javascript:alert(1))",
        "unsafe link: 'javascript:' addresses are not allowed (allowed: http, https, "
        "mailto, tel), got 'javascript:alert(1)'",
    ),
    "data link": (
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
        "unsafe link: 'data:' addresses are not allowed (allowed: http, https, mailto, "
        "tel), got 'data:text/html;base64,PHNjcmlwdD4='",
    ),
    "javascript in a reference link": (
        "[klik][x]\n\n[x]: JavaScript:alert(1)",
        "unsafe link: 'javascript:' addresses are not allowed "
        "(allowed: http, https, mailto, tel), got 'JavaScript:alert(1)'",
    ),
}
for name, (markdown, message) in UNSAFE.items():
    line = 6 + markdown.count("\n") if "reference" in name else 6
    CASES[f"unsafe: {name}"] = (
        {"pages/a.md": page("title: A\nsummary: B.\n", f"{markdown}\n")},
        [f"pages/a.md:{line}: {message}"],
    )


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_bad_content_is_reported_exactly_and_publishes_nothing(content, files, expected):
    for rel, data in files.items():
        (content.write_bytes if isinstance(data, bytes) else content.write)(rel, data)
    assert_refused(content.root, expected)


def test_windows_line_endings_and_byte_order_mark_are_accepted(content, tmp_path):
    content.write_bytes(
        "pages/a.md",
        "\ufeff---\r\ntitle: Café\r\nsummary: Iets.\r\n---\r\n\r\n"
        "Tekst met [link](veiligheid.md).\r\n".encode("utf-8"),
    )
    result = run_cli(
        "build", "--content", content.root, "--out", tmp_path / "site", "--today", "2026-11-23"
    )
    assert result.code == 0, result.err
    html = (tmp_path / "site" / "a" / "index.html").read_text(encoding="utf-8")
    assert "Café" in html and 'href="../veiligheid/"' in html


def test_code_examples_are_neither_checked_nor_rewritten(content, tmp_path):
    content.write(
        "pages/a.md",
        page(
            "title: A\nsummary: B.\n",
            "Gebruik nooit `<script>` of `[dit](nergens.md)` in tekst:\n\n"
            "```html\n<iframe src=x></iframe>\n```\n",
        ),
    )
    result = run_cli(
        "build", "--content", content.root, "--out", tmp_path / "site", "--today", "2026-11-23"
    )
    assert result.code == 0, result.err
    html = (tmp_path / "site" / "a" / "index.html").read_text(encoding="utf-8")
    assert "&lt;iframe src=x&gt;&lt;/iframe&gt;" in html and "<iframe" not in html


def test_allowed_inline_html_is_rendered(content, tmp_path):
    content.write(
        "pages/a.md",
        page(
            "title: A\nsummary: B.\n",
            'De <abbr title="Algemene plaatselijke verordening">APV</abbr> en CO<sub>2</sub>.\n',
        ),
    )
    result = run_cli(
        "build", "--content", content.root, "--out", tmp_path / "site", "--today", "2026-11-23"
    )
    assert result.code == 0, result.err
    html = (tmp_path / "site" / "a" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Algemene plaatselijke verordening">APV</abbr>' in html
