"""Declared schemas for content files: one mechanism for every section.

A section lists its fields once (name, type, required, default, help, translatable). The same
declaration validates files, builds the field reference in the README, and scaffolds new files
(`build.py new`). Messages always name the field, what was expected and what was found.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from core.errors import Problems
from core.source import SourceFile, type_name


class Invalid(Exception):
    """A value does not fit its field type; the message says what was expected and found."""


@dataclass(frozen=True)
class Reference:
    """A not-yet-checked reference from one item to another (resolved after everything loaded)."""

    section: str
    slug: str
    path: str
    line: int
    field: str


@dataclass
class Context:
    """What field types need while checking one file."""

    source: SourceFile
    content_dir: Path
    vocabularies: dict[str, "Vocabulary"]
    problems: Problems
    references: list[Reference]

    def line(self, location: tuple) -> int:
        return self.source.line_of(location)


# --- field types -----------------------------------------------------------------------------

class FieldType:
    """Base of all field types. ``expected`` reads well after 'expected'."""

    expected = "a value"

    def check(self, value: Any, ctx: Context, location: tuple) -> Any:
        """Return the converted value or raise :class:`Invalid`."""
        raise NotImplementedError

    def placeholder(self) -> str:
        """What ``build.py new`` writes for a required field of this type (left empty to fill)."""
        return ""

    def _fail(self, value: Any, extra: str = "") -> Invalid:
        return Invalid(f"expected {self.expected}, got {type_name(value)}{extra}")


class Text(FieldType):
    """A line or paragraph of plain text.

    ``<`` and ``>`` are refused: field values end up in titles, meta tags and generated pages,
    where HTML would be rendered as HTML (a title must never be able to open a ``<script>``).
    """

    def __init__(self, max_length: int | None = None):
        self.max_length = max_length
        self.expected = "text" + (f" of at most {max_length} characters" if max_length else "")

    def check(self, value, ctx, location):
        if not isinstance(value, str):
            raise self._fail(value)
        value = value.strip()
        if not value:
            raise Invalid(f"expected {self.expected}, got empty text")
        if self.max_length and len(value) > self.max_length:
            raise Invalid(f"expected {self.expected}, got {len(value)} characters")
        if "<" in value or ">" in value:
            raise Invalid(f"expected {self.expected} without '<' or '>' (HTML is not allowed in "
                          f"fields), got {type_name(value)}")
        return value


class Slug(FieldType):
    """A URL segment: lower-case letters, digits and hyphens."""

    expected = "a URL name of lower-case letters, digits and hyphens (like 'about-us')"
    pattern = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

    def check(self, value, ctx, location):
        if not isinstance(value, str) or not self.pattern.match(value):
            raise self._fail(value)
        return value


class Integer(FieldType):
    """A whole number, optionally within bounds."""

    def __init__(self, minimum: int | None = None, maximum: int | None = None):
        self.minimum, self.maximum = minimum, maximum
        bounds = ""
        if minimum is not None and maximum is not None:
            bounds = f" from {minimum} to {maximum}"
        elif minimum is not None:
            bounds = f" of at least {minimum}"
        self.expected = "a whole number" + bounds

    def check(self, value, ctx, location):
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(value)
        if (self.minimum is not None and value < self.minimum) or (
                self.maximum is not None and value > self.maximum):
            raise self._fail(value)
        return value


class Boolean(FieldType):
    """true or false."""

    expected = "true or false"

    def check(self, value, ctx, location):
        if not isinstance(value, bool):
            raise self._fail(value)
        return value


class Date(FieldType):
    """A calendar date written YYYY-MM-DD; impossible days are refused."""

    expected = "a date written YYYY-MM-DD"

    def check(self, value, ctx, location):
        if isinstance(value, int) and not isinstance(value, bool):
            raise self._fail(value)
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise self._fail(value)
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise Invalid(f"expected {self.expected}, got {value!r}, which is not a day "
                          f"in the calendar") from None


class Url(FieldType):
    """An external web address (http or https)."""

    expected = "a web address starting with https:// or http://"
    pattern = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

    def check(self, value, ctx, location):
        if not isinstance(value, str) or not self.pattern.match(value.strip()):
            raise self._fail(value)
        return value.strip()


class Choice(FieldType):
    """One value from a vocabulary (``content/vocabularies/NAME.yml``) or a fixed list."""

    def __init__(self, vocabulary: str | None = None, values: tuple[str, ...] = ()):
        self.vocabulary, self.values = vocabulary, values
        self.expected = (f"a value from the vocabulary '{vocabulary}'" if vocabulary
                         else "one of " + ", ".join(values))

    def allowed(self, ctx: Context) -> list[str]:
        if self.vocabulary:
            vocabulary = ctx.vocabularies.get(self.vocabulary)
            return list(vocabulary.terms) if vocabulary else []
        return list(self.values)

    def check(self, value, ctx, location):
        allowed = self.allowed(ctx)
        if not allowed and self.vocabulary:
            raise Invalid(f"expected a value from content/vocabularies/{self.vocabulary}.yml, "
                          f"which has no usable terms, got {type_name(value)}")
        if not isinstance(value, str) or value not in allowed:
            hint = _closest(value, allowed)
            where = (f" (content/vocabularies/{self.vocabulary}.yml)" if self.vocabulary else "")
            raise Invalid(f"expected one of {', '.join(allowed)}{where}, got {type_name(value)}{hint}")
        return value


class Ref(FieldType):
    """The slug of an item in another section (its file name without .md); checked after loading."""

    def __init__(self, section: str):
        self.section = section
        self.expected = f"the name of a {section} item (its file name without .md)"

    def check(self, value, ctx, location):
        if not isinstance(value, str) or not Slug.pattern.match(value):
            raise self._fail(value)
        ctx.references.append(Reference(self.section, value, ctx.source.rel, ctx.line(location),
                                        _dotted(location)))
        return value


class ListOf(FieldType):
    """A list whose every item has the same type."""

    def __init__(self, item: FieldType, min_items: int = 0, unique: bool = True):
        self.item, self.min_items, self.unique = item, min_items, unique
        self.expected = f"a list of {item.expected}"

    def check(self, value, ctx, location):
        if isinstance(value, str) and not isinstance(self.item, Group):
            value = [value]  # one value where a list is expected is a list of one
        if not isinstance(value, list):
            raise self._fail(value)
        if len(value) < self.min_items:
            raise Invalid(f"expected at least {self.min_items} item(s), got {len(value)}")
        result, failed = [], False
        for index, entry in enumerate(value):
            try:
                result.append(self.item.check(entry, ctx, location + (index,)))
            except _Reported:
                failed = True
            except Invalid as exc:
                failed = True
                ctx.problems.add(ctx.source.rel, ctx.line(location + (index,)),
                                 f"field '{_dotted(location + (index,))}': {exc}")
        if self.unique and not failed:
            seen = set()
            for index, entry in enumerate(result):
                if not isinstance(entry, (str, int, dt.date)):
                    continue
                if entry in seen:
                    failed = True
                    ctx.problems.add(ctx.source.rel, ctx.line(location + (index,)),
                                     f"field '{_dotted(location + (index,))}': {entry!s} is "
                                     f"listed twice")
                seen.add(entry)
        if failed:
            raise _Reported()
        return result


class Group(FieldType):
    """A nested group of fields (for example one entry of a side programme)."""

    def __init__(self, *fields: "Field"):
        self.fields = fields
        self.expected = "a group of fields (" + ", ".join(f.name for f in fields) + ")"

    def check(self, value, ctx, location):
        if not isinstance(value, dict):
            raise self._fail(value)
        values, ok = _check_fields(self.fields, value, ctx, location, translation=False)
        if not ok:
            raise _Reported()
        return values


class ContentPath(FieldType):
    """A file inside the content directory, written relative to the Markdown file."""

    def __init__(self, suffixes: tuple[str, ...], what: str = "file"):
        self.suffixes, self.what = suffixes, what
        self.expected = f"the path of an existing {what} ({', '.join(suffixes)})"

    def check(self, value, ctx, location):
        if not isinstance(value, str) or not value.strip():
            raise self._fail(value)
        resolved, error = resolve_content_path(ctx.content_dir, ctx.source.rel, value.strip())
        if error:
            raise Invalid(error)
        if PurePosixPath(resolved).suffix.lower() not in self.suffixes:
            raise self._fail(value)
        return resolved


def resolve_content_path(content_dir: Path, from_rel: str, target: str) -> tuple[str, str | None]:
    """Resolve ``target`` (relative to the file ``from_rel``) to a content-relative POSIX path.

    Returns ``(path, None)`` or ``("", message)`` when it leaves the content dir or is missing.
    """
    if target.startswith("/"):
        joined = PurePosixPath(target.lstrip("/"))
    else:
        joined = PurePosixPath(from_rel).parent / target
    parts: list[str] = []
    for part in joined.parts:
        if part == "..":
            if not parts:
                return "", f"path {target!r} leaves the content directory"
            parts.pop()
        elif part != ".":
            parts.append(part)
    resolved = "/".join(parts)
    if not (content_dir / resolved).is_file():
        return "", f"file {target!r} does not exist (looked for {resolved})"
    return resolved, None


class _Reported(Invalid):
    """Problems inside a list or group were already reported with their own lines."""

    def __init__(self):
        super().__init__("")


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
            ctx.problems.add(ctx.source.rel, ctx.source.body_line,
                             "expected text after the front matter, got nothing")
            ok = False
        return values if ok else None


def _check_fields(fields, data: dict, ctx: Context, location: tuple, translation: bool):
    values: dict[str, Any] = {}
    ok = True
    known = {f.name: f for f in fields}
    path = ctx.source.rel
    for key in data:
        if key not in known:
            ok = False
            hint = _closest(str(key), list(known))
            ctx.problems.add(path, ctx.line(location + (key,)),
                             f"unknown field '{_dotted(location + (key,))}'{hint or ''}; "
                             f"known fields: {', '.join(known)}")
    for f in fields:
        where = location + (f.name,)
        if translation and not f.translatable and not f.translation_only:
            if f.name in data:
                ok = False
                ctx.problems.add(path, ctx.line(where),
                                 f"field '{f.name}' is the same in every language: set it in the "
                                 f"original file, not in the translation")
            continue
        if not translation and f.translation_only:
            if f.name in data:
                ok = False
                ctx.problems.add(path, ctx.line(where),
                                 f"field '{f.name}' belongs in a translation file (NAME.en.md) only")
            continue
        value = data.get(f.name)
        if value is None:
            if f.required:
                ok = False
                state = "has no value" if f.name in data else "is missing"
                line = ctx.line(where) if f.name in data else (
                    ctx.line(location) if location else ctx.source.front_line)
                ctx.problems.add(path, line,
                                 f"required field '{_dotted(where)}' {state}: expected "
                                 f"{f.type.expected} ({f.help})")
            else:
                values[f.name] = f.default
            continue
        try:
            values[f.name] = f.type.check(value, ctx, where)
        except _Reported:
            ok = False
        except Invalid as exc:
            ok = False
            ctx.problems.add(path, ctx.line(where), f"field '{_dotted(where)}': {exc}")
    return values, ok


def _dotted(location: tuple) -> str:
    """``("events", 1, "date")`` -> ``events[2].date`` (items counted from 1, as editors do)."""
    text = ""
    for part in location:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _closest(value: Any, candidates: list[str]) -> str:
    if not isinstance(value, str):
        return ""
    match = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


# --- vocabularies ----------------------------------------------------------------------------

@dataclass
class Vocabulary:
    """A list of allowed values with a label per language (``content/vocabularies/NAME.yml``)."""

    name: str
    terms: dict[str, dict[str, str]]  # key -> {"nl": label, "en": label}

    def label(self, key: str, lang: str) -> str:
        """The label of ``key`` in ``lang``."""
        return self.terms[key][lang]
