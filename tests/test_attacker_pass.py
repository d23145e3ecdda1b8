"""What a second attacker's pass over the trust boundary found, each kept from coming back:
a quote in a summary that became a refresh <meta>, attachments that publish code on the site's
own address, YAML that ended in a traceback or slipped past the number limit, pages that
vanished unseen, and an address form that reaches another host."""

from __future__ import annotations

import html5lib
import pytest

from core.finish.security import inline_code_of
from core.htmlpolicy import url_problem
from tests.conftest import ContentTree, run_cli


def _parse(path):
    return html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)


def test_a_quote_in_a_summary_stays_inside_the_description(tmp_path):
    tree = ContentTree(tmp_path / "content")
    summary = '0;url=https://evil.example/" http-equiv="refresh'
    tree.write(
        "pages/over-ons.md", f"---\ntitle: Over \"ons\"\nsummary: '{summary}'\n---\n\nTekst.\n"
    )
    out = tmp_path / "site"
    result = run_cli("build", "--content", tree.root, "--out", out, "--today", "2026-12-03")
    assert result.code == 0, result.err
    page = _parse(out / "over-ons" / "index.html")
    metas = [dict(m.attrib) for m in page.iter("meta") if m.get("name") == "description"]
    assert metas == [{"name": "description", "content": summary}]
    assert [
        m.attrib for m in page.iter("meta") if m.get("http-equiv", "").lower() == "refresh"
    ] == []
    assert page.find(".//title").text.startswith('Over "ons" - ')


@pytest.mark.parametrize(
    "name",
    [
        "bijlage.html",
        "bijlage.HTM",
        "bijlage.xhtml",
        "bijlage.svg",
        "bijlage.js",
        "bijlage.css",
        "bijlage",
    ],
)
def test_attachments_that_could_run_code_are_refused(tmp_path, name):
    tree = ContentTree(tmp_path / "content")
    tree.write(f"pages/{name}", "<script>alert(1)</script>")
    tree.write(
        "pages/colofon.md", f"---\ntitle: Colofon\nsummary: s\n---\n\nZie [de bijlage]({name}).\n"
    )
    result = run_cli("check", "--content", tree.root)
    suffix = "." + name.rpartition(".")[2].lower() if "." in name else "(nothing)"
    assert result.code == 1
    assert result.lines == [
        f"pages/colofon.md:6: link to {name!r}: files ending in '{suffix}' are not published "
        f"(they could run code on this site); expected a page (.md), an image (.jpg, .jpeg, "
        f".png, .webp, .gif) or a document (.pdf, .odt, .ods, .odp, .docx, .xlsx, .pptx, "
        f".csv, .txt)"
    ]


def test_a_document_attachment_is_published(tmp_path):
    tree = ContentTree(tmp_path / "content")
    tree.write("pages/folder.pdf", "%PDF-1.4\n")
    tree.write(
        "pages/colofon.md", "---\ntitle: Colofon\nsummary: s\n---\n\nZie [de folder](folder.pdf).\n"
    )
    out = tmp_path / "site"
    assert run_cli("build", "--content", tree.root, "--out", out, "--today", "2026-12-03").code == 0
    assert (out / "pages" / "folder.pdf").read_text() == "%PDF-1.4\n" or any(
        p.read_text() == "%PDF-1.4\n" for p in out.rglob("folder.pdf")
    )


@pytest.mark.parametrize(
    "front, expected",
    [
        (
            b"title: T\x00\nsummary: s\n",
            "pages/p.md:2: invalid YAML: the character U+0000 is not allowed in YAML; remove it",
        ),
        (
            b"title: T\nsummary: s\nnav_order: 0x" + b"f" * 4000 + b"\n",
            "pages/p.md:4: number too long: expected at most 30 digits, got 4001; put the value in "
            "quotes if it is text",
        ),
        (
            b"title: T\nsummary: s\nnav_order: -0x" + b"f" * 4000 + b"\n",
            "pages/p.md:4: number too long: expected at most 30 digits, got 4001; put the value in "
            "quotes if it is text",
        ),
    ],
)
def test_yaml_that_ended_in_a_traceback_is_one_line(tmp_path, front, expected):
    tree = ContentTree(tmp_path / "content")
    tree.write_bytes("pages/p.md", b"---\n" + front + b"---\n\nTekst.\n")
    result = run_cli("check", "--content", tree.root)
    assert (result.code, result.lines) == (1, [expected])
    assert "Traceback" not in result.err


def test_pages_that_would_vanish_are_reported(tmp_path):
    tree = ContentTree(tmp_path / "content")
    page = "---\ntitle: T\nsummary: s\n---\n\nTekst.\n"
    tree.write("pages/.verborgen.md", page)
    tree.write("pages/groot.MD", page)
    result = run_cli("check", "--content", tree.root)
    assert result.code == 1
    assert result.lines == [
        "pages/.verborgen.md: a hidden file (its name starts with a dot) is not published: "
        "rename it to 'verborgen.md'",
        "pages/groot.MD: expected a Markdown file ending in .md, got '.MD': rename the file",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "//evil.example/x.png",
        "\\\\evil.example/x.png",
        "/\\evil.example/x.png",
        "\\/evil.example/x.png",
    ],
)
def test_every_form_of_another_host_is_another_host(url):
    assert url_problem(url, resource=True) is not None
    assert url_problem(url, resource=False) is not None


def test_the_output_check_refuses_a_refresh_or_a_base():
    page = (
        b'<!doctype html><html><head><meta charset="utf-8">'
        b'<meta http-equiv="refresh" content="0;url=https://evil.example/">'
        b'<base href="https://evil.example/"></head><body><p>x</p></body></html>'
    )
    found = inline_code_of(page, "x.html")
    assert len(found) == 2
    assert found[0].startswith("a <meta> that changes where the page goes")
    assert found[1].startswith("a <base> that changes where the page goes")
