"""Stage 1, load: read a content file into front matter (with line numbers) and a Markdown body.

Accepted quirks: a UTF-8 byte-order mark and Windows line endings. Refused, each with its own
message: bytes that are not UTF-8, an empty file, front matter that is missing or not closed,
invalid YAML, front matter that is not a mapping, and a key given twice. Only a regular file
inside the content folder within its size limit is read at all (core/contentfiles.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from core.i18n import _, ngettext
from core import contentfiles, languages
from core.errors import Problems
from core.yamlfile import YamlDocument, YamlSyntaxError, parse_yaml

FENCE = "---"


@dataclass
class SourceFile:
    """One Markdown content file after loading.

    ``rel`` is the POSIX path relative to the content dir, ``stem`` the file name without the
    language suffix and ``.md`` (the item's slug), ``lang`` the language of this file.
    """

    rel: str
    stem: str
    lang: str
    front: YamlDocument
    front_line: int  # line of the opening fence
    body: str
    body_line: int  # line in the file where ``body`` starts

    def line_of(self, location: tuple) -> int:
        """Line of a front-matter value, falling back to the opening fence."""
        return self.front.line_of(location, self.front_line)


def split_name(path: PurePosixPath) -> tuple[str, str]:
    """``over-ons.en.md`` -> (``over-ons``, ``en``); ``over-ons.md`` -> (``over-ons``, ``nl``)."""
    name = path.name[: -len(".md")]
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix in languages.LANGUAGES and suffix != languages.DEFAULT:
        return stem, suffix
    return name, languages.DEFAULT


def read_text(path: Path, rel: str, problems: Problems, raw: bytes | None = None) -> str | None:
    """Read a UTF-8 text file, normalising BOM and line endings; report what makes it unreadable.

    ``raw``: its bytes, read already through ``contentfiles.read_bytes`` (the parse memo
    compares them first), so the text parsed is the text compared."""
    if raw is None:
        try:
            raw = contentfiles.read_bytes(path, rel)
        except contentfiles.Refused as refused:
            problems.add(rel, None, str(refused))
            return None
    # From here on the file is a regular file inside the content folder, within its size limit:
    # messages may quote it (the editor's own text). The UTF-8 message names one byte only.
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(
            rel,
            line,
            _(
                "file is not valid UTF-8: byte 0x{byte} at position "
                "{position}; save the file as UTF-8",
                byte=f"{raw[exc.start]:02x}",
                position=exc.start,
            ),
        )
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text


def load_markdown(path: Path, rel: str, problems: Problems) -> SourceFile | None:
    """Load one Markdown file with YAML front matter; ``None`` (and problems) if it cannot be read."""
    source, front_ok = load_markdown_parts(path, rel, problems)
    return source if front_ok else None


def load_markdown_parts(
    path: Path, rel: str, problems: Problems, raw: bytes | None = None
) -> tuple[SourceFile | None, bool]:
    """Like :func:`load_markdown`, but keeps the body of a file whose front matter is wrong.

    Returns ``(source, front_ok)``: ``source`` is ``None`` when no body can be told apart (the
    file is unreadable or its front matter has no fences); when ``front_ok`` is false its
    ``front`` holds no fields, and the body can still be checked, so that one run reports the
    body's problems too. ``raw``: as for :func:`read_text`.
    """
    text = read_text(path, rel, problems, raw)
    if text is None:
        return None, False
    if not text.strip():
        problems.add(
            rel, None, _("file is empty: expected front matter between '---' lines, then text")
        )
        return None, False
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        problems.add(
            rel,
            1,
            _(
                "expected front matter starting with '---' on the first line, got {found}",
                found=repr(lines[0][:40]),
            ),
        )
        return None, False
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "..."))
    except StopIteration:
        problems.add(
            rel, 1, _("front matter is not closed: expected a second '---' line after the fields")
        )
        return None, False
    stem, lang = split_name(PurePosixPath(rel))
    body, body_line = "\n".join(lines[end + 1 :]), end + 2
    front_ok = True
    try:
        front = parse_yaml("\n".join(lines[1:end]), first_line=2)
    except YamlSyntaxError as exc:
        problems.add(rel, exc.line, exc.message)
        front, front_ok = YamlDocument({}), False
    if front.data is None:
        front.data = {}
    if not isinstance(front.data, dict):
        problems.add(
            rel,
            2,
            _(
                "front matter must be fields of the form 'name: value', got {found}",
                found=type_name(front.data),
            ),
        )
        front, front_ok = YamlDocument({}), False
    for line, key, first in front.duplicates:
        problems.add(
            rel,
            line,
            _("field '{field}' is given twice (first on line {first})", field=key, first=first),
        )
    return SourceFile(
        rel=rel, stem=stem, lang=lang, front=front, front_line=1, body=body, body_line=body_line
    ), front_ok


def load_yaml_file(path: Path, rel: str, problems: Problems) -> YamlDocument | None:
    """Load a plain YAML file (vocabularies); ``None`` (and problems) if it cannot be read."""
    text = read_text(path, rel, problems)
    if text is None:
        return None
    if not text.strip():
        problems.add(rel, None, _("file is empty: expected YAML"))
        return None
    try:
        document = parse_yaml(text)
    except YamlSyntaxError as exc:
        problems.add(rel, exc.line, exc.message)
        return None
    for line, key, first in document.duplicates:
        problems.add(
            rel, line, _("key '{key}' is given twice (first on line {first})", key=key, first=first)
        )
    return document


def type_name(value: object) -> str:
    """How a YAML value's type is named in messages for editors."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("yes/no value {value}", value=str(value).lower())
    if isinstance(value, int):
        # Python refuses to print an int of over 4,300 digits (the parser stops such numbers
        # first; this keeps a message from ever becoming a traceback).
        return (
            _("number {value}", value=value)
            if value.bit_length() < 1000
            else _("a number hundreds of digits long")
        )
    if isinstance(value, float):
        return _("number {value}", value=value)
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return _("text {value}", value=repr(short))
    if isinstance(value, list):
        return ngettext("a list of {count} item", "a list of {count} items", len(value))
    if isinstance(value, dict):
        return _("a group of fields")
    return type(value).__name__
