"""``build.py new`` for every content type: refused by ``check`` until filled, then accepted.

The test fills a new file from its type's schema alone: a sample value per field type, the
first term of a vocabulary, the first existing item for a reference, an existing image for a
path. A type whose own rules need more than that would show up here as a failure.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path, PurePosixPath

import pytest
import yaml

from toolkit import cli
from academy.schema import Cost
from core.body_checks import PLACEHOLDER
from core.scaffold import type_label
from core.section import content_types
from core.schema import (
    Boolean,
    Choice,
    ContentPath,
    Date,
    Group,
    Integer,
    ListOf,
    Ref,
    Slug,
    Text,
    Url,
)
from tests.conftest import ROOT, run_cli

TYPES = [t.schema.type_name for t in content_types(cli.SECTIONS)]
# Section rules beyond the schema that the samples meet only with an optional field set: the
# first story kind is 'victim', and a victim's story is published only once anonymised.
EXTRA = {"story": "anonymised: true"}
# Required fields whose sample must be a particular value: a quote is published only with
# the speaker's consent.
SAMPLES = {("quote", "consent"): True}


def _sample(field_type, name: str, content: Path, new_file: Path, index: int = 0):
    """A valid value of ``field_type`` for a file at ``new_file``."""
    if isinstance(field_type, ListOf):
        return [
            _sample(field_type.item, name, content, new_file, i)
            for i in range(max(1, field_type.min_items))
        ]
    if isinstance(field_type, Group):
        return {
            f.name: _sample(f.type, f.name, content, new_file)
            for f in field_type.fields
            if f.required
        }
    if isinstance(field_type, Text):
        return f"Voorbeeld {name} {index + 1}"[: field_type.max_length or 100]
    if isinstance(field_type, Slug):
        return "voorbeeld"
    if isinstance(field_type, Integer):
        return max(field_type.minimum or 1, min(99, field_type.maximum or 99))
    if isinstance(field_type, Boolean):
        return False
    if isinstance(field_type, Date):
        return "2026-12-01"
    if isinstance(field_type, Url):
        return "https://example.org/"
    if isinstance(field_type, Choice):
        if field_type.vocabulary:
            terms = yaml.safe_load(
                (content / "vocabularies" / f"{field_type.vocabulary}.yml").read_text(
                    encoding="utf-8"
                )
            )
            return list(terms)[index % len(terms)]
        return field_type.values[index % len(field_type.values)]
    if isinstance(field_type, Ref):
        folder = content / cli.find_section(cli.SECTIONS, field_type.section).folder
        slugs = sorted(
            p.stem for p in folder.glob("*.md") if "." not in p.stem and p.stem != "index"
        )
        return slugs[index % len(slugs)]
    if isinstance(field_type, ContentPath):
        image = sorted(
            p for p in (content / "images").rglob("*") if p.suffix.lower() in field_type.suffixes
        )[0]
        depth = len(new_file.relative_to(content).parts) - 1
        return "../" * depth + image.relative_to(content).as_posix()
    if isinstance(field_type, Cost):  # the academy's own field type
        return "free"
    raise AssertionError(f"no sample value for {type(field_type).__name__}")


def _fill(path: Path, section, content: Path) -> None:
    """Give every empty required field a value and replace the placeholder text."""
    text = path.read_text(encoding="utf-8")
    for f in section.schema.fields:
        if f.required and not f.translation_only:
            sample = SAMPLES.get(
                (section.schema.type_name, f.name), _sample(f.type, f.name, content, path)
            )
            value = yaml.safe_dump(
                {f.name: sample}, allow_unicode=True, default_flow_style=True, width=10_000
            )
            text = re.sub(rf"^{f.name}:[^\n]*$", value.strip()[1:-1], text, count=1, flags=re.M)
    if section.schema.type_name in EXTRA:
        text = text.replace("---\n", "---\n" + EXTRA[section.schema.type_name] + "\n", 1)
    path.write_text(
        text.replace(PLACEHOLDER, "Een korte tekst in eenvoudige taal."), encoding="utf-8"
    )


@pytest.fixture
def demo_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.mark.parametrize("type_name", TYPES)
def test_new_file_is_refused_until_filled_then_passes_check(type_name, demo_copy):
    section = cli.find_section(cli.SECTIONS, type_name)
    if section.single_file:  # the demo has this type's one file: start it anew
        (demo_copy / section.folder / f"{section.single_file}.md").unlink()
    made = (
        run_cli("new", type_name, "nieuw-bestand", "--content", demo_copy)
        if not section.single_file
        else run_cli("new", type_name, "--content", demo_copy)
    )
    assert made.code == 0, made.err
    path = Path(made.out.strip())
    rel = PurePosixPath(path.relative_to(demo_copy).as_posix())

    refused = run_cli("check", "--content", demo_copy)
    assert refused.code == 1
    required = [f for f in section.schema.fields if f.required and not f.translation_only]
    lines = path.read_text(encoding="utf-8").splitlines()
    for f in required:
        line = next(i for i, l in enumerate(lines, 1) if l.startswith(f"{f.name}:"))
        assert (
            f"{rel}:{line}: required field '{f.name}' has no value: expected "
            f"{f.type.expected} ({f.help})"
        ) in refused.lines
    # Only the new file is wrong (and its translation, which lacks a valid original for now).
    translation = f"{rel.with_suffix('')}.en.md"
    assert all(l.startswith((f"{rel}:", translation)) for l in refused.lines), refused.err

    _fill(path, section, demo_copy)
    accepted = run_cli("check", "--content", demo_copy)
    assert accepted.code == 0, path.read_text(encoding="utf-8") + accepted.err


def test_placeholder_text_is_refused_with_its_line(content):
    made = run_cli("new", "page", "over-ons", "--content", content.root)
    path = Path(made.out.strip())
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("title:", "title: Over ons", 1)
        .replace("summary:", "summary: Wie wij zijn.", 1),
        encoding="utf-8",
    )
    result = run_cli("check", "--content", content.root)
    line = path.read_text(encoding="utf-8").splitlines().index(PLACEHOLDER) + 1
    assert result.lines == [
        f"pages/over-ons.md:{line}: expected your own text after the front "
        f"matter, got the placeholder sentence of 'build.py new': replace it "
        f"(or delete it where the text is optional)"
    ]


def test_new_list_describes_every_type():
    result = run_cli("new", "--list")
    assert result.code == 0
    for section in content_types(cli.SECTIONS):
        assert f"{section.schema.type_name}" in result.out  # then its Dutch name, if another
        required = ", ".join(
            f.name for f in section.schema.fields if f.required and not f.translation_only
        )
        assert f"    required: {required}\n" in result.out
    assert "offer (aanbod)  (content/academy/NAME.md)\n" in result.out
    assert "factsheet  (the one file content/kompas/factsheet/index.md)\n" in result.out


@pytest.mark.parametrize(
    "args, message",
    [
        (
            (),
            "build.py new: expected a content type and a file name, like 'python build.py new "
            "offer e-learning-signalen' (see --list)",
        ),
        (
            ("offer",),
            "build.py new: expected a file name after the type, like '.venv/bin/python build.py "
            "new offer my-name'",
        ),
        (
            ("factsheet", "extra"),
            "build.py new: a factsheet is always the one file "
            "kompas/factsheet/index.md; leave out the name or write 'index'",
        ),
        (
            ("onbekend", "x"),
            "build.py new: unknown content type 'onbekend'; known types: "
            + ", ".join(type_label(t) for t in content_types(cli.SECTIONS)),
        ),
    ],
)
def test_new_usage_errors(args, message, content):
    result = run_cli("new", *args, "--content", content.root)
    assert result.code == 2
    assert result.err.strip() == message
