"""``build.py new TYPE SLUG``: a new content file pre-filled from the type's schema.

Required fields are written empty, so ``check`` refuses the file until the editor fills them;
optional fields are listed as comments. Each field carries its help text as a comment.
``build.py new --list`` describes every type from the same schemas.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from core.body_checks import PLACEHOLDER
from core.errors import UsageError
from core.i18n import TYPE_CONTEXT, _, current, pgettext, translate
from core.schema import Slug
from core.section import ContentType, Section, content_types


class ScaffoldError(UsageError):
    """The file cannot be made (unknown type, bad slug, file exists): a usage error."""


def dutch_name(kind: ContentType) -> str:
    """The Dutch name of a content type (``verhaal`` for ``story``), from the catalogue; the
    English one where it has none."""
    return pgettext(TYPE_CONTEXT, kind.schema.type_name, "nl")


def type_label(kind: ContentType) -> str:
    """The type's name for the editor: ``story (verhaal)`` in English, ``verhaal (story)`` in
    Dutch; one name where both are the same."""
    english, dutch = kind.schema.type_name, dutch_name(kind)
    if english == dutch:
        return english
    return f"{dutch} ({english})" if current() == "nl" else f"{english} ({dutch})"


def find_section(sections: list[Section], type_name: str) -> ContentType:
    """The content type called ``type_name`` (its English or Dutch name) among those of
    ``sections``."""
    for kind in content_types(sections):
        if type_name in (kind.schema.type_name, kind.key, dutch_name(kind)):
            return kind
    known = ", ".join(type_label(t) for t in content_types(sections))
    raise ScaffoldError(
        _("unknown content type {name}; known types: {known}", name=repr(type_name), known=known)
    )


def scaffold(content_dir: Path, section: ContentType, slug: str | None) -> Path:
    """Write ``content/<folder>/<slug>.md`` and return its path.

    A type with a single file (``section.single_file``) takes that name; ``slug`` may then be
    left out.
    """
    type_name = section.schema.type_name
    local_name = dutch_name(section) if current() == "nl" else type_name
    if section.single_file and slug in (None, section.single_file):
        slug = section.single_file
    elif section.single_file:
        raise ScaffoldError(
            _(
                "a {type} is always the one file {folder}/{name}.md; leave out "
                "the name or write '{name}'",
                type=local_name,
                folder=section.folder,
                name=section.single_file,
            )
        )
    if slug is None:
        raise ScaffoldError(
            _(
                "expected a file name after the type, like '.venv/bin/python "
                "build.py new {type} my-name'",
                type=local_name,
            )
        )
    if not Slug.pattern.match(slug):
        raise ScaffoldError(
            _(
                "expected a name of lower-case letters, digits and hyphens, got {found}",
                found=repr(slug),
            )
        )
    path = content_dir / section.folder / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(_("{path} already exists", path=path))
    lines = [
        "---",
        "# "
        + _(
            "A new {type}: fill in every required field, then run "
            "'.venv/bin/python build.py check'. Every field: "
            "handbook/nl/velden/{name}.md or handbook/en/fields/{name}.md",
            type=local_name,
            name=type_name,
        ),
    ]
    for f in section.schema.fields:
        if f.translation_only:
            continue
        if f.required:
            lines.append(
                f"{f.name}:   # "
                + _(
                    "required: {help} ({expected})",
                    help=translate(f.help),
                    expected=translate(f.type.expected),
                )
            )
        else:
            lines.append(
                f"# {f.name}:   # "
                + _(
                    "optional: {help} ({expected})",
                    help=translate(f.help),
                    expected=translate(f.type.expected),
                )
            )
    lines.append("---")
    lines.append("")
    lines.append(PLACEHOLDER)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def describe(sections: list[Section]) -> str:
    """``build.py new --list``: every type with its folder, what it is and its required fields."""
    blocks = []
    for section in content_types(sections):
        schema = section.schema
        where = (
            _(
                "the one file content/{folder}/{name}.md",
                folder=section.folder,
                name=section.single_file,
            )
            if section.single_file
            else _("content/{folder}/NAME.md", folder=section.folder)
        )
        required = ", ".join(f.name for f in schema.fields if f.required and not f.translation_only)
        text = [f"{type_label(section)}  ({where})"]
        text += textwrap.wrap(
            translate(schema.description), 92, initial_indent="    ", subsequent_indent="    "
        )
        text.append("    " + _("required: {fields}", fields=required))
        blocks.append("\n".join(text))
    return "\n\n".join(blocks) + "\n"
