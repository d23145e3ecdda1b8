"""The editor's handbook: its field references are generated from the schemas, its links hold."""

from __future__ import annotations

import re

import build as cli
from core.fieldref import handbook_files
from tests.conftest import ROOT

HANDBOOK = ROOT / "handbook"
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_handbook_field_references_match_the_schemas():
    expected = handbook_files(cli.SECTIONS)
    for rel, text in expected.items():
        path = ROOT / rel
        assert path.is_file(), f"{rel} is missing: run `python build.py fields --write`"
        assert path.read_text(encoding="utf-8") == text, (
            f"{rel} is out of date: run `python build.py fields --write`")
    generated = {p.relative_to(ROOT).as_posix() for folder in ("nl/velden", "en/fields")
                 for p in (HANDBOOK / folder).glob("*.md")}
    assert generated == set(expected), "a reference of a type that no longer exists"


def test_every_type_has_a_reference_in_both_languages():
    for section in cli.SECTIONS:
        name = section.schema.type_name
        assert (HANDBOOK / "nl" / "velden" / f"{name}.md").is_file()
        assert (HANDBOOK / "en" / "fields" / f"{name}.md").is_file()


def test_handbook_links_resolve_and_the_readme_links_to_it():
    pages = sorted(HANDBOOK.rglob("*.md"))
    assert len(pages) > 2 * len(cli.SECTIONS)  # the written chapters besides the references
    for page in pages:
        for target in _LINK.findall(page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            assert (page.parent / target).exists(), f"{page.relative_to(ROOT)}: broken link {target}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "handbook/nl/README.md" in readme and "handbook/en/README.md" in readme
