"""Content types and the sections that generate their pages (core/section.py).

A section generates the pages of one or more content types; a content type generates nothing
itself. The one-file rule of a type (``single_file``) is the core's: every such type gets the
same message, and a section need not check it.
"""

from __future__ import annotations

import shutil

import pytest

from core.schema import Field, Schema, Text
from core.section import ContentType, Section, content_types
from core.staging import StagedPage
from toolkit import cli
from tests.conftest import ROOT, run_cli

INTRO_SCHEMA = Schema(
    type_name="notes-intro",
    description="The notes' introduction.",
    fields=(Field("title", Text(max_length=80), "the title", required=True, translatable=True),),
)
NOTE_SCHEMA = Schema(
    type_name="memo",
    description="A memo.",
    fields=(Field("title", Text(max_length=80), "the title", required=True, translatable=True),),
)


class IntroType(ContentType):
    key = "notes-intro"
    folder = "memos/intro"
    single_file = "index"
    single_file_what = "the memos' introduction"
    schema = INTRO_SCHEMA

    def doc_path(self, item, lang):
        return "memos/index.md"


class MemoSection(Section):
    """One section over two types: memos, and the one introduction its overview shows."""

    key = "memo"
    folder = "memos/items"
    schema = NOTE_SCHEMA

    def __init__(self):
        self.intro = IntroType()

    def content_types(self):
        return (self, self.intro)

    def doc_path(self, item, lang):
        return f"memos/{item.slug}.md"

    def generate(self, site, lang):
        intro = site.models_of(self.intro.key, lang)
        memos = site.models_of(self.key, lang)
        title = intro[0].values["title"] if intro else "Memos"
        yield StagedPage(
            "memo:index",
            lang,
            "memos/index.md",
            title,
            title,
            "\n".join(f"- [{m.values['title']}]({m.source.stem}.md)" for m in memos) or "None yet.",
        )
        for memo in memos:
            yield StagedPage(
                f"memo:{memo.source.stem}",
                lang,
                f"memos/{memo.source.stem}.md",
                memo.values["title"],
                memo.values["title"],
                memo.body,
                source=memo.source,
            )


@pytest.fixture
def memos(monkeypatch, content):
    monkeypatch.setattr(cli, "SECTIONS", [*cli.SECTIONS, MemoSection()])
    content.write("memos/items/eerste.md", "---\ntitle: Eerste memo\n---\n\nTekst.\n")
    return content


def test_a_section_publishes_the_pages_of_its_other_content_types(memos, tmp_path):
    memos.write("memos/intro/index.md", "---\ntitle: Alle memo's\n---\n\nInleiding.\n")
    out = tmp_path / "site"
    result = run_cli("build", "--content", memos.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    overview = (out / "memos" / "index.html").read_text(encoding="utf-8")
    assert "Alle memo&#39;s" in overview or "Alle memo's" in overview
    assert "Eerste memo" in overview
    assert (out / "memos" / "eerste" / "index.html").is_file()


def test_the_core_refuses_any_other_name_for_a_one_file_type(memos):
    memos.write("memos/intro/inleiding.md", "---\ntitle: Alle memo's\n---\n\nInleiding.\n")
    memos.write("memos/intro/inleiding.en.md", "---\ntitle: All memos\n---\n\nIntro.\n")
    result = run_cli("check", "--content", memos.root)
    assert result.code == 1
    assert result.lines == [
        "memos/intro/inleiding.en.md: expected the memos' introduction in memos/intro/index.md, "
        "got memos/intro/inleiding.en.md; rename the file",
        "memos/intro/inleiding.md: expected the memos' introduction in memos/intro/index.md, "
        "got memos/intro/inleiding.md; rename the file",
    ]


@pytest.mark.parametrize(
    "kind", [t for t in content_types(cli.SECTIONS) if t.single_file], ids=lambda t: t.key
)
def test_every_one_file_type_of_the_toolkit_gets_the_same_message(kind, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    one = content / kind.folder / f"{kind.single_file}.md"
    shutil.copyfile(one, one.with_name("tweede.md"))
    result = run_cli("check", "--content", content)
    assert result.code == 1
    assert result.lines == [
        f"{kind.folder}/tweede.md: expected {kind.single_file_what} in "
        f"{kind.folder}/{kind.single_file}.md, got {kind.folder}/tweede.md; rename the file"
    ]


def test_the_kompas_is_one_section_over_five_content_types():
    from kompas import SECTION

    assert [s.key for s in cli.SECTIONS].count("instrument") == 1
    assert [t.key for t in SECTION.content_types()] == [
        "form",
        "instrument",
        "role",
        "theme",
        "factsheet",
    ]
    # Only sections generate pages: the other types have no generate hook to forget.
    others = [t for t in SECTION.content_types() if t is not SECTION]
    assert not any(isinstance(t, Section) or hasattr(t, "generate") for t in others)
    assert [t.single_file_what for t in content_types(cli.SECTIONS) if t.single_file] == [
        "the exhibition's landing text",
        "the factsheet",
        "the Longread's cover text",
    ]
