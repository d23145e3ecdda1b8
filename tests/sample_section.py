"""A small section used only by the tests: it exercises vocabularies, references, dates and lists
through the same core a real section uses (and shows that adding one never edits the core)."""

from __future__ import annotations

from core.schema import Choice, Date, Field, Group, ListOf, Ref, Schema, Text, Url
from core.section import Landing, Section
from core.staging import StagedPage

SCHEMA = Schema(
    type_name="note",
    description="A test note.",
    fields=(
        Field("title", Text(max_length=80), "the title", required=True, translatable=True),
        Field("kind", Choice(vocabulary="kinds"), "what kind of note", required=True),
        Field("page", Ref("pages"), "a page this note belongs to"),
        Field("date", Date(), "when", required=True),
        Field("link", Url(), "more information"),
        Field("tags", ListOf(Text()), "free tags", default=[]),
        Field(
            "events",
            ListOf(
                Group(
                    Field("date", Date(), "day", required=True),
                    Field("what", Text(), "what happens", required=True),
                )
            ),
            "what happens when",
            default=[],
        ),
    ),
)


class NotesSection(Section):
    key = "note"
    folder = "notes"
    schema = SCHEMA

    def doc_path(self, item, lang):
        return f"notes/{item.slug}.md"

    def landing(self, site, lang):
        return Landing("Notes", "All notes.", "notes/index.md", 5)

    def generate(self, site, lang):
        notes = site.models_of(self.key, lang)
        listing = "\n".join(f"- [{n.values['title']}]({n.source.stem}.md)" for n in notes)
        yield StagedPage(
            "note:index",
            lang,
            "notes/index.md",
            "Notes",
            "All notes.",
            listing or "None yet.",
            nav_order=5,
        )
        for note in notes:
            yield StagedPage(
                f"note:{note.source.stem}",
                lang,
                f"notes/{note.source.stem}.md",
                note.values["title"],
                note.values["title"],
                note.body,
                source=note.source,
            )


SECTION = NotesSection()
