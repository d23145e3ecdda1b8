"""``build.py new TYPE SLUG``: a new content file pre-filled from the type's schema.

Required fields are written empty, so ``check`` refuses the file until the editor fills them;
optional fields are listed as comments. Each field carries its help text as a comment.
"""

from __future__ import annotations

from pathlib import Path

from core.schema import Group, ListOf, Slug
from core.section import Section


class ScaffoldError(Exception):
    """The file cannot be made (unknown type, bad slug, file exists)."""


def find_section(sections: list[Section], type_name: str) -> Section:
    """The section whose content type is called ``type_name``."""
    for section in sections:
        if type_name in (section.schema.type_name, section.key):
            return section
    known = ", ".join(s.schema.type_name for s in sections)
    raise ScaffoldError(f"unknown content type {type_name!r}; known types: {known}")


def scaffold(content_dir: Path, section: Section, slug: str) -> Path:
    """Write ``content/<folder>/<slug>.md`` and return its path."""
    if not Slug.pattern.match(slug):
        raise ScaffoldError(f"expected a name of lower-case letters, digits and hyphens, got {slug!r}")
    path = content_dir / section.folder / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    lines = ["---"]
    for f in section.schema.fields:
        if f.translation_only:
            continue
        if f.required:
            value = "" if not isinstance(f.type, (ListOf, Group)) else ""
            lines.append(f"{f.name}: {value}".rstrip() + f"   # required: {f.help} ({f.type.expected})")
        else:
            lines.append(f"# {f.name}:   # optional: {f.help} ({f.type.expected})")
    lines.append("---")
    lines.append("")
    lines.append("Schrijf hier de tekst in Markdown. / Write the text here in Markdown.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
