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
from core.schema import Slug
from core.section import ContentType, Section, content_types


class ScaffoldError(UsageError):
    """The file cannot be made (unknown type, bad slug, file exists): a usage error."""


def find_section(sections: list[Section], type_name: str) -> ContentType:
    """The content type called ``type_name`` among those of ``sections``."""
    for kind in content_types(sections):
        if type_name in (kind.schema.type_name, kind.key):
            return kind
    known = ", ".join(t.schema.type_name for t in content_types(sections))
    raise ScaffoldError(f"unknown content type {type_name!r}; known types: {known}")


def scaffold(content_dir: Path, section: ContentType, slug: str | None) -> Path:
    """Write ``content/<folder>/<slug>.md`` and return its path.

    A type with a single file (``section.single_file``) takes that name; ``slug`` may then be
    left out.
    """
    type_name = section.schema.type_name
    if section.single_file and slug in (None, section.single_file):
        slug = section.single_file
    elif section.single_file:
        raise ScaffoldError(f"a {type_name} is always the one file {section.folder}/"
                            f"{section.single_file}.md; leave out the name or write "
                            f"'{section.single_file}'")
    if slug is None:
        raise ScaffoldError(f"expected a file name after the type, like "
                            f"'.venv/bin/python build.py new {type_name} my-name'")
    if not Slug.pattern.match(slug):
        raise ScaffoldError(f"expected a name of lower-case letters, digits and hyphens, got {slug!r}")
    path = content_dir / section.folder / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    lines = ["---", f"# A new {type_name}: fill in every required field, then run "
                    f"'.venv/bin/python build.py check'. Every field: handbook/nl/velden/{type_name}.md "
                    f"or handbook/en/fields/{type_name}.md"]
    for f in section.schema.fields:
        if f.translation_only:
            continue
        if f.required:
            lines.append(f"{f.name}:   # required: {f.help} ({f.type.expected})")
        else:
            lines.append(f"# {f.name}:   # optional: {f.help} ({f.type.expected})")
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
        where = (f"the one file content/{section.folder}/{section.single_file}.md"
                 if section.single_file else f"content/{section.folder}/NAME.md")
        required = ", ".join(f.name for f in schema.fields if f.required and not f.translation_only)
        text = [f"{schema.type_name}  ({where})"]
        text += textwrap.wrap(schema.description, 92, initial_indent="    ",
                              subsequent_indent="    ")
        text.append(f"    required: {required}")
        blocks.append("\n".join(text))
    return "\n\n".join(blocks) + "\n"
