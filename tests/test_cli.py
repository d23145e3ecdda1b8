"""The command line: usage errors, `new` from the schema, `check`, and the generated field reference."""

from __future__ import annotations

from toolkit import cli
from core.body_checks import PLACEHOLDER
from core.fieldref import END, START, field_reference
from core.scaffold import type_label
from core.section import content_types
from tests.conftest import ROOT, run_cli


def test_usage_errors_exit_2():
    assert run_cli("build", "--today", "2026-13-01").code == 2
    assert run_cli("frobnicate").code == 2
    assert run_cli().code == 2


def test_check_of_valid_content_succeeds_and_writes_nothing(content):
    before = sorted(p for p in content.root.rglob("*"))
    result = run_cli("check", "--content", content.root)
    assert (result.code, result.err) == (0, "content is valid\n")
    assert sorted(p for p in content.root.rglob("*")) == before


def test_new_writes_a_file_from_the_schema_that_check_refuses_until_filled(content):
    result = run_cli("new", "page", "over-ons", "--content", content.root)
    assert result.code == 0
    path = content.root / "pages" / "over-ons.md"
    assert result.out.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "---\n# A new page: fill in every required field, then run '.venv/bin/python "
        "build.py check'. Every field: handbook/nl/velden/page.md or "
        "handbook/en/fields/page.md\ntitle:   # required: the page title"
    )
    assert "# nav_order:   # optional: place in the main navigation" in text
    assert "slug" not in text  # translation-only fields are not offered in the original

    refused = run_cli("check", "--content", content.root)
    assert refused.code == 1
    assert refused.err.splitlines()[:2] == [
        "pages/over-ons.md:3: required field 'title' has no value: expected text of at most 80 "
        "characters (the page title, shown as its heading and in the browser tab)",
        "pages/over-ons.md:4: required field 'summary' has no value: expected text of at most 200 "
        "characters (one sentence on what the page offers; shown in search engines and on tiles)",
    ]

    path.write_text(
        text.replace("title:", "title: Over ons", 1)
        .replace("summary:", "summary: Wie wij zijn.", 1)
        .replace(PLACEHOLDER, "Wie wij zijn."),
        encoding="utf-8",
    )
    assert run_cli("check", "--content", content.root).code == 0


def test_new_refuses_unknown_types_bad_names_and_existing_files(content):
    unknown = run_cli("new", "storie", "x", "--content", content.root)
    known = ", ".join(type_label(t) for t in content_types(cli.SECTIONS))  # grows with every type
    assert known.startswith("page (pagina), partner, stop (locatie)")
    assert (unknown.code, unknown.err) == (
        2,
        f"build.py new: unknown content type 'storie'; known types: {known}\n",
    )
    assert run_cli("new", "page", "Over Ons", "--content", content.root).code == 2
    existing = run_cli("new", "page", "veiligheid", "--content", content.root)
    assert existing.code == 2 and "already exists" in existing.err


def test_readme_field_reference_is_generated_from_the_schemas():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(START, 1)[1].split(END, 1)[0]
    assert block.strip() == field_reference(cli.SECTIONS).strip(), (
        "README.md's field reference is stale: run `python build.py fields --write`"
    )
    assert "| `title` | yes | text of at most 80 characters | yes |" in block
