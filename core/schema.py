"""Declared schemas for content files: one mechanism for every section.

A section lists its fields once (name, type, required, default, help, translatable). The same
declaration validates files, builds the field reference in the README, and scaffolds new files
(`build.py new`). Messages always name the field, what was expected and what was found.
The scalar field types are in ``core/fieldtypes.py`` and are imported from here by sections.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.i18n import L_, N_, _, translate
from core.fieldtypes import (  # noqa: F401  (sections import every field type from here)
    Boolean,
    Choice,
    ContentPath,
    Context,
    Date,
    FieldType,
    Integer,
    Invalid,
    MarkdownText,
    Phone,
    Reference,
    Ref,
    Slug,
    Text,
    Url,
    Vocabulary,
    closest_hint,
    _dotted,
    _Reported,
    resolve_content_path,
)


class ListOf(FieldType):
    """A list whose every item has the same type."""

    def __init__(self, item: FieldType, min_items: int = 0, unique: bool = True):
        self.item, self.min_items, self.unique = item, min_items, unique
        self.expected = L_("a list of {expected}", expected=L_(item.expected))

    def check(self, value, ctx, location):
        if isinstance(value, str) and not isinstance(self.item, Group):
            value = [value]  # one value where a list is expected is a list of one
        if not isinstance(value, list):
            raise self._fail(value)
        if len(value) < self.min_items:
            raise Invalid(
                _(
                    "expected at least {minimum} item(s), got {count}",
                    minimum=self.min_items,
                    count=len(value),
                )
            )
        result, failed = [], False
        for index, entry in enumerate(value):
            try:
                result.append(self.item.check(entry, ctx, location + (index,)))
            except _Reported:
                failed = True
            except Invalid as exc:
                failed = True
                ctx.problems.add(
                    ctx.source.rel,
                    ctx.line(location + (index,)),
                    _(
                        "field '{field}': {problem}",
                        field=_dotted(location + (index,)),
                        problem=exc,
                    ),
                )
        if self.unique and not failed:
            seen = set()
            for index, entry in enumerate(result):
                if not isinstance(entry, (str, int, dt.date)):
                    continue
                if entry in seen:
                    failed = True
                    ctx.problems.add(
                        ctx.source.rel,
                        ctx.line(location + (index,)),
                        _(
                            "field '{field}': {value} is listed twice",
                            field=_dotted(location + (index,)),
                            value=entry,
                        ),
                    )
                seen.add(entry)
        if failed:
            raise _Reported()
        return result


class Group(FieldType):
    """A nested group of fields (for example one entry of a side programme)."""

    def __init__(self, *fields: "Field"):
        self.fields = fields
        self.expected = L_("a group of fields ({names})", names=", ".join(f.name for f in fields))

    def check(self, value, ctx, location):
        if not isinstance(value, dict):
            raise self._fail(value)
        values, ok = _check_fields(self.fields, value, ctx, location, translation=False)
        if not ok:
            raise _Reported()
        return values


# --- fields and schemas ----------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One front-matter field of a content type."""

    name: str
    type: FieldType
    help: str
    required: bool = False
    default: Any = None
    translatable: bool = False  # may (and, if required, must) be given again in NAME.en.md
    translation_only: bool = False  # only allowed in a translation file (e.g. an English slug)


@dataclass
class Schema:
    """The fields of one content type, plus whether the Markdown body may be empty."""

    type_name: str
    fields: tuple[Field, ...]
    body_required: bool = True
    description: str = ""

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def validate(self, ctx: Context, translation: bool) -> dict[str, Any] | None:
        """Check a file's front matter; report every problem; ``None`` if anything failed."""
        values, ok = _check_fields(self.fields, ctx.source.front.data, ctx, (), translation)
        if self.body_required and not ctx.source.body.strip():
            ctx.problems.add(
                ctx.source.rel,
                ctx.source.body_line,
                _("expected text after the front matter, got nothing"),
            )
            ok = False
        return values if ok else None


def keywords_field() -> Field:
    """The ``keywords`` field every content type has: words people search for that the text
    may not use (the site search indexes them with the weight of the title; pages never show
    them). Per language: a translation gives its own (else it keeps the original's)."""
    return Field(
        "keywords",
        ListOf(Text(max_length=60)),
        "words people may search for that "
        "the text does not use, like 'loverboy' or 'GP' (found by the site search, "
        "never shown)",
        default=[],
        translatable=True,
    )


def _check_fields(fields, data: dict, ctx: Context, location: tuple, translation: bool):
    values: dict[str, Any] = {}
    ok = True
    known = {f.name: f for f in fields}
    path = ctx.source.rel
    for key in data:
        if key not in known:
            ok = False
            hint = closest_hint(str(key), list(known))
            ctx.problems.add(
                path,
                ctx.line(location + (key,)),
                _(
                    "unknown field '{field}'{hint}; known fields: {known}",
                    field=_dotted(location + (key,)),
                    hint=hint or "",
                    known=", ".join(known),
                ),
            )
    for f in fields:
        where = location + (f.name,)
        if translation and not f.translatable and not f.translation_only:
            if f.name in data:
                ok = False
                ctx.problems.add(
                    path,
                    ctx.line(where),
                    _(
                        "field '{field}' is the same in every language: set it in the "
                        "original file, not in the translation",
                        field=f.name,
                    ),
                )
            continue
        if not translation and f.translation_only:
            if f.name in data:
                ok = False
                ctx.problems.add(
                    path,
                    ctx.line(where),
                    _(
                        "field '{field}' belongs in a translation file (NAME.en.md) only",
                        field=f.name,
                    ),
                )
            continue
        value = data.get(f.name)
        if value is None:
            if f.required:
                ok = False
                line = (
                    ctx.line(where)
                    if f.name in data
                    else (ctx.line(location) if location else ctx.source.front_line)
                )
                message = (
                    N_("required field '{field}' has no value: expected {expected} ({help})")
                    if f.name in data
                    else N_("required field '{field}' is missing: expected {expected} ({help})")
                )
                ctx.problems.add(
                    path,
                    line,
                    _(
                        message,
                        field=_dotted(where),
                        expected=translate(f.type.expected),
                        help=translate(f.help),
                    ),
                )
            else:
                values[f.name] = f.default
            continue
        try:
            values[f.name] = f.type.check(value, ctx, where)
        except _Reported:
            ok = False
        except Invalid as exc:
            ok = False
            ctx.problems.add(
                path,
                ctx.line(where),
                _("field '{field}': {problem}", field=_dotted(where), problem=exc),
            )
    return values, ok
