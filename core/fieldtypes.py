"""The field types of content schemas: what a value must be, and the message when it is not.

Each type converts a front-matter value or raises :class:`Invalid` saying what was expected and
what was found. Lists and groups of fields live in ``core/schema.py`` with the schemas.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from core import slugs
from core.errors import Problems
from core.i18n import L_, Lazy, N_, _, L_or, translate
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
    """Base of all field types. ``expected`` reads well after 'expected'; ``markdown`` says
    that generators render the value as Markdown (so it is checked like a body), where any
    other text is data, escaped where it reaches a page."""

    expected: str | Lazy = "a value"  # a msgid (translated where shown) or an L_(...)
    markdown = False

    def check(self, value: Any, ctx: Context, location: tuple) -> Any:
        """Return the converted value or raise :class:`Invalid`."""
        raise NotImplementedError

    def placeholder(self) -> str:
        """What ``build.py new`` writes for a required field of this type (left empty to fill)."""
        return ""

    def _fail(self, value: Any, extra: str = "") -> Invalid:
        return Invalid(
            _(
                "expected {expected}, got {found}",
                expected=translate(self.expected),
                found=type_name(value),
            )
            + extra
        )


# What no field's text may hold: control characters (a lone CR starts a new line of an .ics
# file in lenient readers; XML, and so the Atom feed, cannot hold C0 controls at all: lxml
# raises) and what cannot be encoded (lone surrogates) or is no XML character (U+FFFE, U+FFFF).
# Tab and newline are ordinary whitespace.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class Text(FieldType):
    """A line or paragraph of plain text.

    ``<`` and ``>`` are refused: field values end up in titles, meta tags and generated pages,
    where HTML would be rendered as HTML (a title must never be able to open a ``<script>``).
    """

    def __init__(self, max_length: int | None = None):
        self.max_length = max_length
        self.expected = (
            L_("text of at most {count} characters", count=max_length) if max_length else "text"
        )

    def _stripped(self, value) -> str:
        """The value as text, stripped, of an allowed length (shared with MarkdownText)."""
        if not isinstance(value, str):
            raise self._fail(value)
        value = value.strip()
        control = _CONTROL.search(value)
        if control:  # YAML writes them as escapes ("\u0001", "\r"); no text needs one
            raise Invalid(
                _(
                    "expected {expected} without control characters, got the character {code}",
                    expected=translate(self.expected),
                    code=f"U+{ord(control.group(0)):04X}",
                )
            )
        if not value:
            raise Invalid(
                _("expected {expected}, got empty text", expected=translate(self.expected))
            )
        if self.max_length and len(value) > self.max_length:
            raise Invalid(
                _(
                    "expected {expected}, got {count} characters",
                    expected=translate(self.expected),
                    count=len(value),
                )
            )
        return value

    def check(self, value, ctx, location):
        value = self._stripped(value)
        if "<" in value or ">" in value:
            raise Invalid(
                _(
                    "expected {expected} without '<' or '>' (HTML is not allowed in "
                    "fields), got {found}",
                    expected=translate(self.expected),
                    found=type_name(value),
                )
            )
        return value


class MarkdownText(Text):
    """A short text in Markdown (emphasis, links), for a field that a generator renders as
    Markdown rather than as plain text (which :func:`core.staging.md_text` escapes).

    The value goes through the same trust boundary as a body (core/trust.py): rendered with
    the site's Markdown configuration and checked against the allow-list; the field reference
    says "Markdown" for it.
    """

    markdown = True

    def __init__(self, max_length: int | None = None):
        super().__init__(max_length)
        self.expected = (
            L_("Markdown text of at most {count} characters", count=max_length)
            if max_length
            else N_("Markdown text")
        )

    def check(self, value, ctx, location):
        value = self._stripped(value)
        from core.trust import check_markdown  # the renderer's configuration, read on first use

        found = [violation for _, violation in check_markdown(value)]
        if found:
            raise Invalid("; ".join(str(v) for v in found))
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
        self.expected = N_("a whole number")
        if minimum is not None and maximum is not None:
            self.expected = L_(
                "a whole number from {minimum} to {maximum}", minimum=minimum, maximum=maximum
            )
        elif minimum is not None:
            self.expected = L_("a whole number of at least {minimum}", minimum=minimum)

    def check(self, value, ctx, location):
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(value)
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
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
            raise Invalid(
                _(
                    "expected {expected}, got {found}, which is not a day in the calendar",
                    expected=translate(self.expected),
                    found=repr(value),
                )
            ) from None


class Url(FieldType):
    """An external web address (http or https; ``schemes`` may add mailto and tel).

    Parsed, not only matched: a value holding what no address can (``"``, ``<``, ``>``, a
    backslash, spaces or control characters) is refused, since it would close the attribute
    or the Markdown link it is written into; so is any scheme outside ``schemes``.
    """

    _FORBIDDEN = re.compile(r'[\x00-\x20\x7f"<>\\`]')

    def __init__(self, schemes: tuple[str, ...] = ("https", "http")):
        self.schemes = schemes
        web = [s for s in schemes if s in ("https", "http")]
        self.expected = L_(
            "a web address starting with {prefixes}",
            prefixes=L_or([f"{s}://" for s in web] + [f"{s}:" for s in schemes if s not in web]),
        )

    def check(self, value, ctx, location):
        if not isinstance(value, str):
            raise self._fail(value)
        text = value.strip()
        bad = self._FORBIDDEN.search(text)
        if bad:
            raise Invalid(
                _(
                    "expected {expected}, got an address holding {found}, which no "
                    "web address contains (write spaces as %20)",
                    expected=translate(self.expected),
                    found=repr(bad.group(0)),
                )
            )
        try:
            parts = urlsplit(text)
        except ValueError:
            raise self._fail(value) from None
        scheme = parts.scheme.lower()
        if scheme not in self.schemes or (
            scheme in ("http", "https")
            and (not parts.hostname or text[len(scheme) + 1 : len(scheme) + 3] != "//")
        ):
            raise self._fail(value)
        return text


class Phone(FieldType):
    """A phone number as visitors dial it: digits, spaces and hyphens, optionally a leading +
    (``0800-2000``, ``112``, ``+31 20 123 45 67``). :meth:`tel` makes the ``tel:`` link."""

    expected = "a phone number of digits, spaces and hyphens (like 0800-2000 or 112)"
    # ASCII digits only: \d also matches other scripts' digits (U+0661, U+FF11), which a
    # phone may not dial from a tel: link.
    _SHAPE = re.compile(r"\+?[0-9][0-9 -]*[0-9]")

    def check(self, value, ctx, location):
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # YAML reads 112 as a number
        if not isinstance(value, str) or not self._SHAPE.fullmatch(value.strip()):
            raise self._fail(value)
        return value.strip()

    @staticmethod
    def tel(number: str) -> str:
        """The ``tel:`` address of a checked number: its digits, and a leading + if any."""
        return "tel:" + ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


class Choice(FieldType):
    """One value from a vocabulary (``content/vocabularies/NAME.yml``) or a fixed list."""

    def __init__(self, vocabulary: str | None = None, values: tuple[str, ...] = ()):
        self.vocabulary, self.values = vocabulary, values
        self.expected = (
            L_("a value from the vocabulary '{vocabulary}'", vocabulary=vocabulary)
            if vocabulary
            else L_("one of {values}", values=", ".join(values))
        )

    def allowed(self, ctx: Context) -> list[str]:
        if self.vocabulary:
            vocabulary = ctx.vocabularies.get(self.vocabulary)
            return list(vocabulary.terms) if vocabulary else []
        return list(self.values)

    def check(self, value, ctx, location):
        vocabulary = ctx.vocabularies.get(self.vocabulary) if self.vocabulary else None
        if (
            vocabulary is not None
            and isinstance(value, str)
            and (vocabulary.unreadable or value in vocabulary.bad_terms)
        ):
            return value  # the vocabulary's own problem is reported there: one mistake, one message
        allowed = self.allowed(ctx)
        if not allowed and self.vocabulary:
            raise Invalid(
                _(
                    "expected a value from content/vocabularies/{vocabulary}.yml, "
                    "which has no usable terms, got {found}",
                    vocabulary=self.vocabulary,
                    found=type_name(value),
                )
            )
        if not isinstance(value, str) or value not in allowed:
            hint = closest_hint(value, allowed)
            where = f" (content/vocabularies/{self.vocabulary}.yml)" if self.vocabulary else ""
            raise Invalid(
                _(
                    "expected one of {values}, got {found}",
                    values=", ".join(allowed) + where,
                    found=type_name(value),
                )
                + hint
            )
        return value


class Ref(FieldType):
    """The slug of an item in another section (its file name without .md); checked after loading."""

    def __init__(self, section: str):
        self.section = section
        self.expected = L_(
            "the name of a {section} item (its file name without .md)", section=section
        )

    def check(self, value, ctx, location):
        if not isinstance(value, str) or not Slug.pattern.match(value):
            raise self._fail(value)
        ctx.references.append(
            Reference(self.section, value, ctx.source.rel, ctx.line(location), _dotted(location))
        )
        return value


class ContentPath(FieldType):
    """A file inside the content directory, written relative to the Markdown file."""

    def __init__(self, suffixes: tuple[str, ...], what: str = N_("file")):
        self.suffixes, self.what = suffixes, what
        self.expected = L_(
            "the path of an existing {what} ({suffixes})",
            what=L_(what),
            suffixes=", ".join(suffixes),
        )

    def check(self, value, ctx, location):
        if not isinstance(value, str) or not value.strip():
            raise self._fail(value)
        resolved, error = resolve_content_path(ctx.content_dir, ctx.source.rel, value.strip())
        if error:
            raise Invalid(error)
        if PurePosixPath(resolved).suffix.lower() not in self.suffixes:
            raise self._fail(value)
        return resolved


def leaves_content(target: str) -> str:
    """The message of a path that leaves the content directory (callers tell it apart)."""
    return _("path {path} leaves the content directory", path=repr(target))


def resolve_content_path(content_dir: Path, from_rel: str, target: str) -> tuple[str, str | None]:
    """Resolve ``target`` (relative to the file ``from_rel``) to a content-relative POSIX path.

    Returns ``(path, None)`` or ``("", message)`` when it leaves the content dir or is missing.
    """
    # Plain string work (asked for every link of every page: pathlib took seconds at 5,000
    # items); empty and "." parts drop out as in a PurePosixPath.
    joined = target if target.startswith("/") else posixpath.dirname(from_rel) + "/" + target
    parts: list[str] = []
    for part in joined.split("/"):
        if part == "..":
            if not parts:
                return "", leaves_content(target)
            parts.pop()
        elif part and part != ".":
            parts.append(part)
    resolved = "/".join(parts)
    if any(part.startswith(".") for part in parts):  # never walked, never published
        return "", _(
            "file {path} does not exist (looked for {resolved}; hidden files are not content)",
            path=repr(target),
            resolved=resolved,
        )
    full = os.path.join(content_dir, resolved)
    # A path that is there but not a regular file (a pipe, a link out of the content folder)
    # is reported once, at its own path, by core/contentfiles.py: not again as missing here.
    if not os.path.isfile(full) and (not os.path.lexists(full) or os.path.isdir(full)):
        return "", _(
            "file {path} does not exist (looked for {resolved})",
            path=repr(target),
            resolved=resolved,
        )
    return resolved, None


class _Reported(Invalid):
    """Problems inside a list or group were already reported with their own lines."""

    def __init__(self):
        super().__init__("")


def _dotted(location: tuple) -> str:
    """``("events", 1, "date")`` -> ``events[2].date`` (items counted from 1, as editors do)."""
    text = ""
    for part in location:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def closest_hint(value: Any, candidates: list[str]) -> str:
    """`` (did you mean 'NAME'?)`` for the candidate closest to ``value``, or nothing: the one
    hint of a value that names no term, item or section (file links have their own, which
    weighs the folder: core/body_checks.py)."""
    if not isinstance(value, str):
        return ""
    match = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    return _(" (did you mean '{match}'?)", match=match[0]) if match else ""


# --- vocabularies ----------------------------------------------------------------------------


@dataclass
class Vocabulary:
    """A list of allowed values with a label per language (``content/vocabularies/NAME.yml``)."""

    name: str
    terms: dict[str, dict[str, str]]  # key -> {"nl": label, "en": label}
    # A file that could not be read, and terms without usable labels: reported at the file, so
    # fields that use them are not reported again (the build stops before anything uses them).
    unreadable: bool = False
    bad_terms: frozenset[str] = frozenset()
    # (key,) and (key, lang) -> the line they stand on in the file, for checks made after
    # loading (core/search/synonyms.py reads its labels as word lists).
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    path: str = ""  # the file, relative to the content dir

    def label(self, key: str, lang: str) -> str:
        """The label of ``key`` in ``lang``."""
        return self.terms[key][lang]

    def slug(self, key: str, lang: str) -> str:
        """The web name of ``key`` in ``lang``: its label, slugified ('Zorg en opvang' ->
        'zorg-en-opvang'). Addresses and filter values use it, so a Dutch page shows Dutch
        ones; the loader makes sure it is unique and not empty within the vocabulary."""
        return slugs.slugify(self.terms[key][lang])
