"""The trust boundary against hostile content: injection vectors in bodies and fields.

Each vector is put into a content file and run through ``check`` (most) and ``build`` (a
representative batch): it is refused with the file and line where it stands, or the built
pages carry nothing outside the allow-list, read with the same HTML5 parser a browser follows.
"""

from __future__ import annotations

import re

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from core.htmlpolicy import EDITOR, GENERATED, violations
from core.trust import check_markdown, render
from tests.conftest import run_cli

FRONT = "---\ntitle: Aanval\nsummary: Een pagina.\n---\n\n"
BODY_LINE = 6  # the first body line of a file written as FRONT + body

# (name, body, 0-based line of the body where the hostile construct stands)
BODY_VECTORS = [
    ("script", "<script>alert(1)</script>\n", 0),
    (
        "script-after-lone-backtick",
        "Een ` losse backtick.\n\nTekst\n\n<script>alert(1)</script>\n",
        4,
    ),
    ("unclosed-fence", "Tekst\n\n```\ncode\n\n<script>alert(1)</script>\n", 5),
    ("fence-indented-1", " ```\n<script>alert(1)</script>\n ```\n", 1),
    ("fence-indented-3", "   ~~~\n<img src=x onerror=alert(1)>\n   ~~~\n", 1),
    ("list-continuation", "- punt\n\n    <script>alert(1)</script>\n", 2),
    ("comment-abrupt", "Tekst\n\n<!--> <script>alert(1)</script> -->\n", 2),
    ("comment-abrupt-dash", "Tekst\n\n<!---> <img src=x onerror=alert(1)> -->\n", 2),
    ("attr-list-onclick-paragraph", 'Een alinea\n{: onclick="alert(1)" }\n', 1),
    ("attr-list-style-heading", '## Kop {: style="position:fixed" }\n', 0),
    # a fenced block is complete (and reported) at its closing line
    ("attr-list-onclick-fence-line", "```{: onclick=alert(1) }\ncode\n```\n", 2),
    ("attr-list-href", 'Alinea\n{: href="javascript:alert(1)" }\n', 1),
    ("attr-list-class", "Alinea\n{: .md-dialog }\n", 1),
    (
        "reference-image-other-host",
        "Zie ![foto][a]\n\nTekst\n\n[a]: https://evil.example/x.png\n",
        4,
    ),
    ("inline-image-other-host", "![foto](https://evil.example/x.png)\n", 0),
    ("protocol-relative-image", "![foto](//evil.example/x.png)\n", 0),
    ("javascript-nested-parens", "[klik](javascript:alert((1)))\n", 0),
    ("reference-in-blockquote", "> [klik][x]\n>\n> [x]: javascript:alert(1)\n", 2),
    ("reference-in-list-item", "- [klik][x]\n\n    [x]: javascript:alert(1)\n", 2),
    ("entity-scheme", '<a href="&#106;avascript:alert(1)">x</a>\n', 0),
    ("entity-scheme-hex", '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>\n', 0),
    ("entity-scheme-no-semicolon", '<a href="&#106avascript:alert(1)">x</a>\n', 0),
    ("tab-in-scheme", '<a href="jav&#x09;ascript:alert(1)">x</a>\n', 0),
    ("newline-in-scheme", '<a href="java\nscript:alert(1)">x</a>\n', 1),
    ("leading-space-scheme", '<a href=" javascript:alert(1)">x</a>\n', 0),
    ("upper-case-scheme", "[x](JaVaScRiPt:alert(1))\n", 0),
    ("vbscript", "[x](vbscript:msgbox(1))\n", 0),
    ("data-link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n", 0),
    ("autolink-javascript", "<javascript:alert(1)>\n", 0),
    ("svg-onload", "<svg onload=alert(1)>\n", 0),
    ("svg-script", "<svg><script>alert(1)</script></svg>\n", 0),
    ("math-mutation", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n", 0),
    ("noscript-mutation", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">\n', 0),
    ("cdata", '<svg><![CDATA[><image xlink:href="]]><img src=x onerror=alert(1)>">]]></svg>\n', 0),
    ("iframe", '<iframe src="https://evil.example/"></iframe>\n', 0),
    ("iframe-srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>\n', 0),
    ("object", '<object data="https://evil.example/x.swf"></object>\n', 0),
    ("embed", '<embed src="https://evil.example/x.swf">\n', 0),
    ("base", '<base href="https://evil.example/">\n', 0),
    ("form", '<form action="https://evil.example/"><input name=p></form>\n', 0),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n', 0),
    ("link-stylesheet", '<link rel=stylesheet href="https://evil.example/x.css">\n', 0),
    ("style-element", "<style>body{background:url(https://evil.example/)}</style>\n", 0),
    ("span-style", '<span style="background:url(https://evil.example/)">x</span>\n', 0),
    ("span-onmouseover", '<span onmouseover="alert(1)">x</span>\n', 0),
    ("img-onerror", "<img src=x onerror=alert(1)>\n", 0),
    ("img-other-host-html", '<img src="https://evil.example/pixel.gif" alt="">\n', 0),
    ("body-onload", "<body onload=alert(1)>\n", 0),
    ("details-ontoggle", "<details open ontoggle=alert(1)>\n", 0),
    ("video-poster", '<video poster="https://evil.example/x.png"></video>\n', 0),
    ("audio-src", '<audio src="https://evil.example/x.mp3"></audio>\n', 0),
    ("input-autofocus", "<input autofocus onfocus=alert(1)>\n", 0),
    ("template", "<template><script>alert(1)</script></template>\n", 0),
    ("textarea-breakout", "<textarea></textarea><script>alert(1)</script>\n", 0),
    ("title-breakout", "<title></title><img src=x onerror=alert(1)>\n", 0),
    ("md-in-html-div", '<div markdown="1" onclick="alert(1)">\n\nTekst\n\n</div>\n', 0),
    ("abbr-onclick", '<abbr title="x" onclick="alert(1)">X</abbr>\n', 0),
    ("a-target", '<a href="https://example.org" target="_blank">x</a>\n', 0),
    ("footnote-javascript", "Tekst[^1]\n\n[^1]: [klik](javascript:alert(1))\n", 2),
    ("table-cell-script", "| a |\n|---|\n| <script>alert(1)</script> |\n", 2),
    ("heading-attr-id-onclick", "## Kop {#kop onclick=alert(1)}\n", 0),
    ("theme-id-clobbering", "Tekst\n\n## Menu {#__drawer}\n", 2),
    ("image-attr-onerror", "![foto](../images/x.png){: onerror=alert(1) }\n", 0),
    ("def-list-script", "Term\n:   <script>alert(1)</script>\n", 1),
    ("unquoted-attr-breakout", "<span title=x onclick=alert(1)>x</span>\n", 0),
]


@pytest.mark.parametrize("name,body,line", BODY_VECTORS, ids=[v[0] for v in BODY_VECTORS])
def test_check_refuses_each_body_vector_at_its_line(content, name, body, line):
    content.write("pages/aanval.md", FRONT + body)
    result = run_cli("check", "--content", content.root)
    assert result.code == 1, result.err
    assert "Traceback" not in result.err
    lines = [l for l in result.err.splitlines() if l.startswith("pages/aanval.md:")]
    assert lines, result.err
    assert any(l.startswith(f"pages/aanval.md:{BODY_LINE + line}: ") for l in lines), (
        f"expected a problem at line {BODY_LINE + line}:\n{result.err}"
    )


def test_safe_markdown_passes_the_boundary():
    body = (
        "# Kop\n\nGewone *tekst* met [een link](https://example.org), "
        "[mail](mailto:a@b.nl), [bel](tel:112) en ![](../images/x.png){: .decorative}\n\n"
        "| a | b |\n|:-|-:|\n| 1 | 2 |\n\nVoetnoot[^1]\n\n[^1]: noot\n\n"
        '> citaat\n>\n> — iemand\n\n<abbr title="Openbaar Ministerie">OM</abbr>\n\n'
        "    <script>in een codeblok is het tekst</script>\n\n`<script>` ook\n"
    )
    assert check_markdown(body) == []
    assert "<script>" not in render(body).replace("&lt;script&gt;", "")


# --- fields ------------------------------------------------------------------------------

PARTNER = """\
---
name: {name}
kind: ketenpartner
sector: {sector}
scope: nationaal
roles: [lid]
website: {website}
summary: {summary}
---

Tekst.
"""
OFFER = """\
---
title: {title}
kind: e-learning
audiences: [gemeenten]
provider: politie
cost: free
languages: [nl]
format: online
link: {link}
summary: {summary}
---

Wat je leert.
"""
VOCABULARIES = {
    "partner-kinds": "ketenpartner: {nl: Ketenpartner, en: Chain partner}\n",
    "partner-sectors": "opsporing: {nl: Opsporing, en: Enforcement}\n",
    "partner-scopes": "nationaal: {nl: Nationaal, en: National}\n",
    "partner-roles": "lid: {nl: Lid, en: Member}\n",
    "partner-relations": "voedt: {nl: voedt, en: feeds}\n",
    "offer-kinds": "e-learning: {nl: E-learning, en: E-learning}\n",
    "offer-audiences": "gemeenten: {nl: Gemeenten, en: Municipalities}\n",
    "offer-languages": "nl: {nl: Nederlands, en: Dutch}\n",
    "offer-formats": "online: {nl: Online, en: Online}\n",
}


def _sections(content, partner: dict, offer: dict | None = None) -> None:
    for name, text in VOCABULARIES.items():
        content.write(f"vocabularies/{name}.yml", text)
    values = {
        "name": "Politie",
        "sector": "opsporing",
        "website": "https://www.politie.nl/",
        "summary": "De politie.",
    }
    content.write("partners/politie.md", PARTNER.format(**{**values, **partner}))
    if offer is not None:
        values = {
            "title": "Signalen herkennen",
            "link": "https://example.org/cursus",
            "summary": "Een cursus.",
        }
        content.write("academy/signalen.md", OFFER.format(**{**values, **offer}))


URL_VECTORS = [
    "'https://example.org/\"><script>alert(1)</script>'",
    "'javascript:alert(1)'",
    "'https://example.org/ onmouseover=alert(1)'",
    "'data:text/html,<script>alert(1)</script>'",
    "'https://exa\tmple.org/'",
    "'https://example.org/`x`'",
    "'//evil.example/'",
    "'ftp://example.org/'",
]


@pytest.mark.parametrize("value", URL_VECTORS)
def test_url_fields_refuse_what_no_address_holds(content, value):
    _sections(content, {"website": value}, {"link": value})
    result = run_cli("check", "--content", content.root)
    assert result.code == 1, result.err
    assert any(
        l.startswith("partners/politie.md:7: field 'website': expected a web address")
        for l in result.err.splitlines()
    ), result.err
    assert any(
        l.startswith("academy/signalen.md:9: field 'link': expected a web address")
        for l in result.err.splitlines()
    ), result.err


# Plain-text fields holding Markdown or attribute lists: data, shown as written. Each must
# build, and no built page may carry anything outside the allow-list.
TEXT_VECTORS = [
    "'![x](https://evil.example/pixel.png)'",
    "'{: onclick=\"alert(1)\" }'",
    "'[klik](javascript:alert(1))'",
    "'# Kop [x]: javascript:alert(1)'",
    "'&#106;avascript: ~~~ `code` *nadruk* | a | b |'",
    "'Tekst {: .md-dialog style=\"x\" } ![][r]'",
    "'- lijst 1. lijst + punt'",
    "': term ~~~'",
]


def _page_violations(out) -> list[str]:
    """What any built page's article holds outside the generated-page allow-list."""
    found = []
    for page in sorted(out.rglob("*.html")):
        document = html5lib.parse(
            page.read_text(encoding="utf-8"), treebuilder="etree", namespaceHTMLElements=False
        )
        for article in document.iter("article"):
            inner = "".join(html5lib.serialize(child, tree="etree") for child in article)
            found += [f"{page.relative_to(out)}: {v}" for v in violations(inner, GENERATED)]
        for element in document.iter():
            if isinstance(element.tag, str):
                found += [
                    f"{page.relative_to(out)}: {name} on <{element.tag}>"
                    for name in element.attrib
                    if str(name).lower().startswith("on")
                ]
                if (
                    element.tag == "script"
                    and "src" not in element.attrib
                    and element.get("type") not in ("application/ld+json", "application/json")
                ):
                    found.append(f"{page.relative_to(out)}: inline script")
    return found


def test_text_fields_are_data_on_every_page(content, tmp_path):
    """Every hostile text batched into few builds: the partner's name and summary reach its
    page, the listings and A-Z in both languages; the offer's title and summary its own."""
    for index, value in enumerate(TEXT_VECTORS):
        partner = PARTNER.format(
            name=value, sector="opsporing", website="https://a.nl/", summary=value
        )
        content.write(f"partners/p{index}.md", partner)
    _sections(content, {}, {"title": TEXT_VECTORS[0], "summary": TEXT_VECTORS[1]})
    out = tmp_path / "site"
    result = run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    assert _page_violations(out) == []
    listing = (out / "partners" / "index.html").read_text(encoding="utf-8")
    document = html5lib.parse(listing, treebuilder="etree", namespaceHTMLElements=False)
    addresses = [
        value
        for element in document.iter()
        if isinstance(element.tag, str)
        for name, value in element.attrib.items()
        if name in ("href", "src", "srcset")
    ]
    assert addresses and not any("evil.example" in a or "javascript:" in a for a in addresses)
    assert "{: onclick=" in listing.replace("&quot;", '"')  # shown as written


def test_built_pages_of_safe_vectors_stay_inside_the_allow_list(content, tmp_path):
    """Code and comments that merely show hostile text build, and publish it as text."""
    content.write(
        "pages/code.md",
        FRONT + "```html\n<script>alert(1)</script>\n```\n\n"
        "`<img src=x onerror=alert(1)>`\n\n    <svg onload=alert(1)>\n\n"
        "<!-- <script>alert(1)</script> -->\n\nMet een voetnoot.[^1]\n\n"
        "[^1]: De noot, geen link.\n",
    )
    out = tmp_path / "site"
    result = run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    assert _page_violations(out) == []


def test_injected_inline_script_in_the_output_fails_the_build(tmp_path):
    from core.errors import BuildError
    from core.finish.security import apply_security

    head = '<html><head><meta charset="utf-8"><title>t</title></head><body>'
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        head + '<script src="x.js"></script><script type="application/ld+json">{}</script>'
    )
    (tmp_path / "a" / "index.html").write_text(head + "<script>alert(1)</script>")
    with pytest.raises(BuildError) as caught:
        apply_security(tmp_path)
    assert "a/index.html: an inline <script> ('alert(1)')" in str(caught.value)
    assert "sha256" not in str(caught.value)


def test_content_check_of_the_render_names_the_source_file():
    from core.errors import BuildError
    from core.finish.contentguard import check_page_content

    with pytest.raises(BuildError) as caught:
        check_page_content('<p onclick="x">a</p>', "pages/a.md", "a/index.html")
    assert "pages/a.md: unsafe HTML: the event attribute onclick='x' on <p>" in str(caught.value)
    check_page_content(
        '<form class="facets" data-facets hidden><input type="search"></form>',
        "pages/a.md",
        "a/index.html",
    )


def test_url_type_parses_addresses():
    from core.schema import Invalid, Url

    url = Url()
    assert url.check(" https://example.org/a?b=c#d ", None, ()) == "https://example.org/a?b=c#d"
    for value in (
        'https://x.nl/"><script>',
        "https://x.nl/\x00",
        "https://",
        "https:/x.nl",
        "mailto:a@b.nl",
        "tel:112",
        "javascript://x.nl/%0aalert(1)",
    ):
        with pytest.raises(Invalid):
            url.check(value, None, ())
    assert Url(schemes=("https", "http", "mailto", "tel")).check("tel:112", None, ()) == "tel:112"


def test_a_markdown_field_goes_through_the_boundary_and_says_so():
    from core.schema import Invalid, MarkdownText, Text

    field = MarkdownText(max_length=200)
    assert field.markdown and not Text().markdown
    assert str(field.expected) == "Markdown text of at most 200 characters"  # the field reference
    assert field.check("Zie *dit* en [dat](https://example.org).", None, ()).startswith("Zie")
    for value in (
        "[x](javascript:alert(1))",
        "Alinea\n{: onclick=alert(1) }",
        "![foto](https://evil.example/x.png)",
        "<b onmouseover=alert(1)>x</b>",
    ):
        with pytest.raises(Invalid, match="unsafe HTML"):
            field.check(value, None, ())


def test_vocabulary_labels_are_plain_names(content):
    content.write(
        "vocabularies/partner-kinds.yml",
        "ketenpartner:\n  nl: Ketenpartner\n  en: '[x](javascript:alert(1))'\n"
        "netwerk:\n  nl: '<img src=x onerror=alert(1)>'\n  en: Network\n",
    )
    result = run_cli("check", "--content", content.root)
    assert result.code == 1
    assert result.lines[:2] == [
        "vocabularies/partner-kinds.yml:3: term 'ketenpartner': expected a plain-text en label "
        "without any of < > [ ] { } ` \\ | (markup is not read in labels), got "
        "'[x](javascript:alert(1))'",
        "vocabularies/partner-kinds.yml:5: term 'netwerk': expected a plain-text nl label "
        "without any of < > [ ] { } ` \\ | (markup is not read in labels), got "
        "'<img src=x onerror=alert(1)>'",
    ]


# --- property-based -----------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "tekst",
        "*nadruk*",
        "`code`",
        "[link](https://example.org)",
        "![](../images/x.png){: .decorative}",
        "\n\n",
        "\n",
        "- ",
        "> ",
        "```",
        "    ",
        "## ",
        "{: .decorative}",
        '<abbr title="a">A</abbr>',
        "[^1]",
        "[^1]: noot",
        "|",
        "&amp;",
        "<!--",
        "-->",
        "`",
    ]
)
_VECTORS = st.sampled_from([body for _, body, _ in BODY_VECTORS])


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.one_of(_WORDS, _VECTORS), min_size=1, max_size=12))
def test_mixed_markdown_is_refused_at_a_line_or_renders_inside_the_allow_list(parts):
    text = " ".join(parts)
    located = check_markdown(text)
    lines = text.split("\n")
    if located:
        for line, _ in located:
            assert 0 <= line < len(lines)
    else:  # an independent look at what passed: nothing that runs, styles or loads
        document = html5lib.parseFragment(
            render(text), treebuilder="etree", namespaceHTMLElements=False
        )
        for element in document.iter():
            if not isinstance(element.tag, str) or element is document:
                continue
            assert element.tag in EDITOR.elements, element.tag
            for name, value in element.attrib.items():
                assert not name.startswith("on") and name != "style", name
                if name in ("href", "src"):
                    assert not re.match(r"\s*[a-z][a-z0-9+.-]*:", value, re.I) or (
                        name == "href"
                        and value.split(":")[0].strip().lower()
                        in ("http", "https", "mailto", "tel")
                    ), value


# --- every text field of every section ------------------------------------------------------

# Hostile plain text of every length a field allows (no '<' or '>': fields refuse them).
HOSTILE_TEXTS = sorted(
    [
        "{: onclick=alert(1)}",
        "![x](https://e.vl/x.png)",
        "[k](javascript:alert(1)) *x*",
        '![x][r] {: style="x" } [r]: https://evil.example/x.png',
        "# Kop ![x](https://evil.example/pixel.png){: onerror=alert(1) } [k](javascript:alert(1))",
    ],
    key=len,
    reverse=True,
)


def _hostile(field_type) -> object | None:
    """A hostile value for a plain-text field type (or a list of them), ``None`` for others."""
    from core.schema import ListOf, Text

    if isinstance(field_type, ListOf) and isinstance(field_type.item, Text):
        return [_hostile(field_type.item)]
    if isinstance(field_type, Text):
        limit = field_type.max_length or 10_000
        return next(text for text in HOSTILE_TEXTS if len(text) <= limit)
    return None


def _poison(path, schema) -> int:
    """Put hostile text into every plain-text field of the file at ``path``; how many."""
    import yaml
    from core.schema import Group, ListOf

    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    count = 0

    def fill(fields, values: dict) -> None:
        nonlocal count
        for f in fields:
            hostile = _hostile(f.type)
            if hostile is not None and f.name in values:
                values[f.name] = hostile
                count += 1
            inner = f.type.item if isinstance(f.type, ListOf) else f.type
            if isinstance(inner, Group) and f.name in values:
                for entry in (
                    values[f.name] if isinstance(values[f.name], list) else [values[f.name]]
                ):
                    fill(inner.fields, entry)

    fill(schema.fields, data)
    path.write_text(
        "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body, encoding="utf-8"
    )
    return count


def test_every_text_field_of_every_section_is_data(tmp_path):
    """The demo content with hostile text in every plain-text field of two files per section
    (and their translations' fields): it builds, and no built page carries an element,
    attribute or address outside the allow-list (each page parsed as a browser parses it)."""
    import shutil
    from core.section import content_types
    from toolkit.cli import SECTIONS
    from tests.conftest import ROOT

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    poisoned = 0
    for section in content_types(SECTIONS):
        files = sorted(p for p in (content / section.folder).rglob("*.md"))
        originals = [p for p in files if not p.name.endswith(".en.md")][:2]
        translations = [p for p in files if p.name.endswith(".en.md")][:1]
        for path in originals + translations:
            poisoned += _poison(path, section.schema)
    assert poisoned > 40
    out = tmp_path / "site"
    result = run_cli("build", "--content", content, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    assert _page_violations(out) == []
