"""The editor's handbook: its field references are generated from the schemas, its links hold."""

from __future__ import annotations

import re
import shutil

import pytest

from toolkit import cli
from core.fieldref import handbook_files
from core.markdown_scan import blank_code
from core.section import content_types
from tests.conftest import ROOT, run_cli

HANDBOOK = ROOT / "handbook"
_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_handbook_field_references_match_the_schemas():
    expected = handbook_files(cli.SECTIONS)
    for rel, text in expected.items():
        path = ROOT / rel
        assert path.is_file(), f"{rel} is missing: run `python build.py fields --write`"
        assert path.read_text(encoding="utf-8") == text, (
            f"{rel} is out of date: run `python build.py fields --write`"
        )
    generated = {
        p.relative_to(ROOT).as_posix()
        for folder in ("nl/velden", "en/fields")
        for p in (HANDBOOK / folder).glob("*.md")
    }
    assert generated == set(expected), "a reference of a type that no longer exists"


def test_every_type_has_a_reference_in_both_languages():
    for kind in content_types(cli.SECTIONS):
        name = kind.schema.type_name
        assert (HANDBOOK / "nl" / "velden" / f"{name}.md").is_file()
        assert (HANDBOOK / "en" / "fields" / f"{name}.md").is_file()


def test_handbook_links_resolve_and_the_readme_links_to_it():
    pages = sorted(HANDBOOK.rglob("*.md"))
    assert len(pages) > 2 * len(
        content_types(cli.SECTIONS)
    )  # the written chapters besides the references
    for page in pages:
        for target in _LINK.findall(blank_code(page.read_text(encoding="utf-8"))):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            assert (page.parent / target).exists(), (
                f"{page.relative_to(ROOT)}: broken link {target}"
            )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "handbook/nl/README.md" in readme and "handbook/en/README.md" in readme


_EXAMPLE = re.compile(r"^( *)<!-- example: (\S+) -->\n\1```markdown\n(.*?)^\1```", re.M | re.S)


def _examples(lang: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for page in sorted((HANDBOOK / lang).glob("*.md")):
        for indent, rel, block in _EXAMPLE.findall(page.read_text(encoding="utf-8")):
            found[rel] = "\n".join(line[len(indent) :] for line in block.splitlines()) + "\n"
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_handbook_examples_pass_check_and_the_walkthrough_mistake_reads_as_written(lang, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    examples = _examples(lang)
    assert len(examples) == 9
    for rel, text in examples.items():
        (content / rel).write_text(text, encoding="utf-8")
    result = run_cli("check", "--content", content)
    assert result.code == 0, result.err
    # The offer walkthrough's deliberate mistake gives the message the handbook quotes.
    offer = content / "academy/e-learning-voorbeeld.md"
    offer.write_text(
        offer.read_text(encoding="utf-8").replace("format: online", "format: onlien"),
        encoding="utf-8",
    )
    message = run_cli("check", "--content", content).lines
    assert message == [
        "academy/e-learning-voorbeeld.md:9: field 'format': expected one of online, "
        "on-site, blended (content/vocabularies/offer-formats.yml), got text "
        "'onlien' (did you mean 'online'?)"
    ]
    assert message[0] in (
        HANDBOOK / lang / ("beginnen.md" if lang == "nl" else "getting-started.md")
    ).read_text(encoding="utf-8")


def test_fields_prints_the_reference_in_dutch_or_english():
    dutch = run_cli("fields", "--lang", "nl")
    assert dutch.code == 0, dutch.err
    lines = dutch.out.splitlines()
    # The Dutch reference names each type by its Dutch name (the catalogue's; `new` takes both).
    assert "### `pagina` — `content/pages/NAAM.md`" in lines
    assert "### `verhaal` — `content/longread/stories/NAAM.md`" in lines
    header = "| veld | verplicht | soort waarde | per taal | wat het is |"
    assert lines.count(header) == len(content_types(cli.SECTIONS))
    assert "| field | required |" not in dutch.out
    english = run_cli("fields")
    assert english.out == run_cli("fields", "--lang", "en").out
    assert "### `page` — `content/pages/NAME.md`" in english.out.splitlines()
    assert "| veld |" not in english.out
    # What `fields` prints in English is the README's block.
    assert english.out in (ROOT / "README.md").read_text(encoding="utf-8")
    wrong = run_cli("fields", "--lang", "de")
    assert wrong.code == 2 and len(wrong.err.splitlines()) == 1
