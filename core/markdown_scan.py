"""Find links, images, headings and raw HTML in an editor's Markdown, with their lines.

Code is blanked out first (fenced blocks and inline code, keeping every newline), so a link or
tag shown as an example inside code is neither checked nor rewritten.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown

from core.caches import REMEMBERED

# The speaker line of a pull quote (longread/pullquote.py, a Markdown extension of every
# section's bodies): an em dash, en dash or two hyphens, then a space. Also read by lint.
ATTRIBUTION = re.compile(r"^\s*(?:—|–|--)\s+")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
# [text](target "title") and ![alt](target); the target may be wrapped in <>.
_INLINE_LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
# ``[^1]: text`` is a footnote (footnotes extension), not a link definition.
_REFERENCE_DEF = re.compile(r"^ {0,3}\[(?!\^)([^\]]+)\]:\s*(<[^>\n]*>|\S+)", re.M)
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
# An attr_list block right after an inline image: ![](x.jpg){: .decorative}
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")


def blank_code(body: str) -> str:
    """``body`` with code replaced by spaces; positions and line breaks stay where they were."""
    if (
        "`" not in body
        and "~~~" not in body
        and "\n    " not in body
        and not body.startswith("    ")
    ):
        return body  # no fence, no indented line, no inline code: nothing to blank
    out: list[str] = []
    fence: str | None = None
    for line in body.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            out.append(" " * len(line))
        elif fence is not None:
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = None
            out.append(" " * len(line))
        elif line.startswith("    ") and (not out or not out[-1].strip()):
            out.append(" " * len(line))  # an indented code block after a blank line
        else:
            out.append(line)
    text = "\n".join(out)
    return _INLINE_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


class _Lines:
    """The 0-based line of any position in ``text``, by a search among its line breaks (counting
    the breaks before each of a long generated page's thousands of links took quadratic time)."""

    def __init__(self, text: str):
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def at(self, index: int) -> int:
        return bisect.bisect_left(self.breaks, index)


@dataclass(frozen=True)
class Link:
    """A link or image target found in Markdown; ``start``/``end`` delimit the target text."""

    target: str
    is_image: bool
    line: int  # 0-based line within the body
    start: int
    end: int
    text: str
    outer_start: int = -1  # the whole construct, e.g. ``![alt](x.jpg){: .decorative}``
    outer_end: int = -1
    attrs: str | None = None  # the attr_list block after an image, without braces and colon


# The scans below are pure functions of a body, and the build asks them about the same bodies
# in several stages (validate, generate, stage), and the preview again on every edit: their
# results are remembered (core/caches.py REMEMBERED).


def find_links(body: str) -> list[Link]:
    """Every inline link, image, autolink and reference definition in ``body``."""
    return list(_find_links(body))


@functools.lru_cache(maxsize=REMEMBERED)
def _find_links(body: str) -> tuple[Link, ...]:
    text = blank_code(body)
    line_at = _Lines(text).at
    links: list[Link] = []
    for match in _INLINE_LINK.finditer(text):
        start, end = match.span(3)
        target = match.group(3)
        if target.startswith("<") and target.endswith(">"):
            target, start, end = target[1:-1], start + 1, end - 1
        is_image, outer_end, attrs = bool(match.group(1)), match.end(), None
        if is_image:
            block = _ATTR_LIST.match(text, outer_end)
            if block:
                attrs, outer_end = block.group(1).strip(), block.end()
        links.append(
            Link(
                target,
                is_image,
                line_at(start),
                start,
                end,
                match.group(2),
                match.start(),
                outer_end,
                attrs,
            )
        )
    for match in _REFERENCE_DEF.finditer(text):
        start, end = match.span(2)
        target = match.group(2)
        if target.startswith("<") and target.endswith(">"):
            target, start, end = target[1:-1], start + 1, end - 1
        links.append(
            Link(
                target,
                False,
                line_at(start),
                start,
                end,
                match.group(1),
                match.start(),
                match.end(),
            )
        )
    for match in _AUTOLINK.finditer(text):
        start, end = match.start() + 1, match.end() - 1
        links.append(
            Link(
                match.group(0)[1:-1],
                False,
                line_at(start),
                start,
                end,
                "",
                match.start(),
                match.end(),
            )
        )
    return tuple(sorted(links, key=lambda link: link.start))


@dataclass(frozen=True)
class Tag:
    """A raw HTML start tag (or comment/processing instruction) found in Markdown."""

    name: str
    attrs: tuple[tuple[str, str | None], ...]
    line: int  # 0-based line within the body


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(Tag(tag, tuple(attrs), self.getpos()[0] - 1))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_pi(self, data):
        self.tags.append(Tag("?", (), self.getpos()[0] - 1))

    def unknown_decl(self, data):
        self.tags.append(Tag("!", (), self.getpos()[0] - 1))


def find_html(body: str) -> list[Tag]:
    """Raw HTML start tags in ``body`` (outside code; autolinks are not tags)."""
    text = _AUTOLINK.sub(lambda m: " " * len(m.group(0)), blank_code(body))
    chars = list(text)
    for link in find_links(body):  # link targets written as <target> are not tags either
        if link.start and chars[link.start - 1] == "<":
            chars[link.start - 1 : link.end + 1] = " " * (link.end - link.start + 2)
    text = "".join(chars)
    collector = _TagCollector()
    collector.feed(text)
    collector.close()
    return collector.tags


@dataclass(frozen=True)
class Heading:
    """A heading of an editor's body: its level (1-6), its text as written and its ``id``."""

    level: int
    text: str
    id: str


def headings(body: str) -> list[Heading]:
    """The headings of ``body`` in order, with the ``id`` each gets when rendered.

    Ids are the toc extension's (from the rendered heading, ``_1`` for repeats) or attr_list's
    ``{#id}``.
    """
    return list(_headings(body))


@functools.lru_cache(maxsize=REMEMBERED)
def _headings(body: str) -> tuple[Heading, ...]:
    found: list[Heading] = []
    ids: set[str] = set()
    for match in _HEADING.finditer(blank_code(body)):  # no "headings" inside code blocks
        title = body[match.start(2) : match.end(2)]  # with its code spans, which shape the id
        explicit = _ATTR_ID.search(title)
        if explicit:
            ids.add(explicit.group(1))
            found.append(
                Heading(len(match.group(1)), title[: explicit.start()].strip(), explicit.group(1))
            )
            continue
        base = _rendered_id(title)
        candidate, n = base, 0
        while candidate in ids:
            n += 1
            candidate = f"{base}_{n}"
        ids.add(candidate)
        found.append(Heading(len(match.group(1)), title.strip(), candidate))
    return tuple(found)


# Renders one heading at a time to learn the id the toc extension gives it: the id comes from
# the heading's rendered text (links, emphasis and code spans resolved), which no regex matches
# reliably ("(samen met KNMG)" stays in it, a link's URL does not).
_ONE_HEADING = markdown.Markdown(extensions=["toc", "attr_list"])
_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]*)"')


@functools.lru_cache(maxsize=REMEMBERED)
def _rendered_id(title: str) -> str:
    _ONE_HEADING.reset()
    match = _ID.search(_ONE_HEADING.convert("# " + title.strip()))
    return html.unescape(match.group(1)) if match else ""


def heading_ids(body: str) -> set[str]:
    """The ``id`` every heading of ``body`` gets when rendered (toc's slugify, attr_list ids)."""
    return {heading.id for heading in headings(body)}
