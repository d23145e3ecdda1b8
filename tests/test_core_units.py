"""Unit tests of the core's building blocks: YAML with lines, Markdown scanning, URLs."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from core.markdown_scan import blank_code, find_html, find_links, heading_ids
from core.urls import relative_url, url_of
from core.yamlfile import YamlSyntaxError, parse_yaml


def test_yaml_keeps_the_line_of_every_value_including_nested_ones():
    document = parse_yaml(
        "title: A\nitems:\n  - date: 2026-01-02\n    what: B\n  - x\n", first_line=2
    )
    assert document.data == {"title": "A", "items": [{"date": "2026-01-02", "what": "B"}, "x"]}
    assert document.lines[("title",)] == 2
    assert document.lines[("items", 0, "what")] == 5
    assert document.line_of(("items", 1, "missing"), 1) == 6


def test_yaml_leaves_dates_as_text_and_knows_only_true_and_false():
    data = parse_yaml("a: 2020-02-30\nb: no\nc: true\nd: off\n").data
    assert data == {"a": "2020-02-30", "b": "no", "c": True, "d": "off"}


def test_yaml_reports_duplicate_keys_and_syntax_errors_with_lines():
    assert parse_yaml("a: 1\nb: 2\na: 3\n").duplicates == [(3, "a", 1)]
    with pytest.raises(YamlSyntaxError) as error:
        parse_yaml("a: 1\nb: : :\n", first_line=2)
    assert error.value.line == 3


def test_code_is_blanked_but_lines_and_positions_stay():
    body = "a `[x](y.md)` b\n```\n<script>\n```\nc"
    blanked = blank_code(body)
    assert len(blanked) == len(body) and blanked.count("\n") == body.count("\n")
    assert "script" not in blanked and "y.md" not in blanked


def test_links_images_references_and_autolinks_are_found_with_lines():
    body = '![foto](../images/a.jpg)\n\n[t](b.md#c "titel") <https://x.nl>\n\n[r]: <d.md>\n'
    found = [(l.target, l.is_image, l.line) for l in find_links(body)]
    assert found == [
        ("../images/a.jpg", True, 0),
        ("b.md#c", False, 2),
        ("https://x.nl", False, 2),
        ("d.md", False, 4),
    ]


def test_code_is_blanked_in_every_form_and_plain_text_is_left_as_it_is():
    for body in (
        "    code first\ntext",
        "text\n\n    indented code",
        "a\n~~~\n[x](y.md)\n~~~",
        "`[x](y.md)`",
    ):
        blanked = blank_code(body)
        assert "y.md" not in blanked and "code" not in blanked and len(blanked) == len(body), body
    plain = "Geen code hier.\n  twee spaties [x](y.md)\n<div>\n   drie</div>"
    assert blank_code(plain) is plain


def test_link_lines_in_a_long_page_are_counted_right():
    body = "".join(f"regel {n} [link {n}](pagina-{n}.md)\n" + ("\n" * (n % 3)) for n in range(2000))
    lines = body.split("\n")
    for link in find_links(body):
        assert f"]({link.target})" in lines[link.line]


def test_autolinks_and_angle_link_targets_are_not_mistaken_for_html():
    assert find_html("<https://x.nl> [a](<b c.md>) <abbr title=t>A</abbr>") == [
        find_html("<abbr title=t>A</abbr>")[0]
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Bewustwordingsbijeenkomsten (samen met KNMG)",
        "Wat nu: de aanpak",
        "Zie [de site](https://x.nl) hier",
        "Het **vet** en `code` deel",
        "Café & co",
        "A_b *c*",
        "Kop {.klein}",
        "Over `<b>` tags",
        "\"Aanhalingstekens\" en 'meer'",
        "1. Eerst",
        "Vraag?!",
    ],
)
def test_a_heading_gets_the_id_markdown_gives_it(title):
    rendered = markdown.Markdown(extensions=["toc", "attr_list"]).convert(f"## {title}")
    assert heading_ids(f"## {title}") == {re.search(r' id="([^"]*)"', rendered).group(1)}


def test_heading_ids_follow_the_renderers_slugs():
    assert heading_ids("## Wat doet de knop?\n## Wat doet de knop?\n### Eigen {#eigen}\n") == {
        "wat-doet-de-knop",
        "wat-doet-de-knop_1",
        "eigen",
    }


@pytest.mark.parametrize(
    "from_lang, from_doc, to_lang, to_doc, expected",
    [
        ("nl", "index.md", "en", "index.md", "en/"),
        ("nl", "over-ons.md", "en", "about.md", "../en/about/"),
        ("en", "about.md", "nl", "over-ons.md", "../../over-ons/"),
        ("en", "index.md", "nl", "index.md", "../"),
        ("nl", "kompas/index.md", "nl", "kompas/apv.md", "apv/"),
    ],
)
def test_relative_urls_between_languages(from_lang, from_doc, to_lang, to_doc, expected):
    assert relative_url(from_lang, from_doc, to_lang, to_doc) == expected


def test_directory_urls():
    assert (url_of("index.md"), url_of("a.md"), url_of("k/index.md")) == ("", "a/", "k/")


def test_staging_relpath_agrees_with_posixpath_for_site_paths():
    """doc_link and relative_url use a relpath that never asks for the working directory."""
    import posixpath
    import random
    from core.urls import _relpath

    parts = ["a", "b", "academy", "en", "x.md", "index.md", "", "."]
    rng = random.Random(10)
    for _ in range(20000):
        path, start = (
            "/".join(rng.choice(parts) for _ in range(rng.randint(0, 4))).lstrip("/") or "."
            for _ in range(2)
        )
        assert _relpath(path, start) == posixpath.relpath(path, start), (path, start)


def test_content_paths_resolve_as_pure_posix_paths_do(tmp_path):
    """resolve_content_path works on strings; it must resolve as the PurePosixPath version did."""
    from pathlib import PurePosixPath
    from core.fieldtypes import resolve_content_path

    for rel in ("images/a.jpg", "pages/b.md", "x.md", "longread/stories/c.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")

    def by_pathlib(from_rel, target):
        joined = (
            PurePosixPath(target.lstrip("/"))
            if target.startswith("/")
            else PurePosixPath(from_rel).parent / target
        )
        parts = []
        for part in joined.parts:
            if part == "..":
                if not parts:
                    return None
                parts.pop()
            elif part != ".":
                parts.append(part)
        return "/".join(parts) if (tmp_path / "/".join(parts)).is_file() else ""

    for from_rel in ("pages/b.md", "x.md", "longread/stories/c.md"):
        for target in (
            "../images/a.jpg",
            "../../images/a.jpg",
            "./b.md",
            "b.md",
            "/x.md",
            "//x.md",
            "../pages//b.md",
            "../../../x.md",
            "c.md",
            ".",
            "..",
            "../images/",
            "",
            "../images/./a.jpg",
            "/images/../x.md",
            "../x.md/",
            "a/../../x.md",
        ):
            resolved, error = resolve_content_path(tmp_path, from_rel, target)
            expected = by_pathlib(from_rel, target)
            if expected is None:
                assert error == f"path {target!r} leaves the content directory", (from_rel, target)
            elif expected == "":
                assert resolved == "" and "does not exist" in error, (from_rel, target)
            else:
                assert (resolved, error) == (expected, None), (from_rel, target)


def test_the_image_package_and_the_url_helpers_stand_without_the_staging_module():
    # staging imports core/images to write <picture> HTML; were core/images to import staging
    # back (as it did for the URL helpers), the two would again only load in one order.
    import subprocess
    import sys

    code = (
        "import sys, core.images, core.urls; "
        "print(sorted(m for m in sys.modules if m in ('core.staging', 'core.site')))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert found.stdout.strip() == "[]"
