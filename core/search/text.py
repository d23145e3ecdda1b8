"""The searchable text of a rendered page: its headings and its body, read from the HTML.

Reading the rendered article (not the Markdown) means generated listings, tiles and tables are
searched as visitors see them, whatever section produced them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from lxml import etree

from core.builthtml import parse_built

_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_SKIP = {
    "script",
    "style",
    "template",
    "h1",  # h1 is the title, indexed on its own
    "nav",
}  # the theme's navigation in the article: breadcrumbs, guide, tasks, toc
_SKIP_CLASSES = {"untranslated"}  # notices the theme adds, not the page's content
_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "div", "br", "blockquote", "figcaption", "tr"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area"}


@dataclass(frozen=True)
class PageText:
    """Text of one page, split into the fields the index weighs differently."""

    headings: str
    body: str


_FIRST_ARTICLE = etree.XPath("(//article)[1]")


def _squash(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def page_text(html: bytes | str) -> PageText:
    """The headings (h2-h6) and body text of the page's first ``<article>``.

    Read with lxml (core/builthtml.py). Block
    elements and line breaks separate words; text in scripts, styles, templates, the ``h1``
    (indexed as the title) and the theme's notices is left out.
    """
    data = html.encode("utf-8") if isinstance(html, str) else html
    return text_of(parse_built(data, "a page for the search index"))


def text_of(root) -> PageText:
    """:func:`page_text` of a page's element tree (``None``: an empty page)."""
    found = cast("list[etree._Element]", _FIRST_ARTICLE(root)) if root is not None else []
    if not found:
        return PageText(headings="", body="")
    article = found[0]
    headings: list[str] = []
    body: list[str] = []
    skip = heading = 0  # open elements whose text is left out / that are headings
    for event, element in etree.iterwalk(article, events=("start", "end", "comment", "pi")):
        tag = element.tag
        if element is article:
            if event == "start" and element.text:
                body.append(element.text)
            continue
        if event in ("comment", "pi"):  # their own text is not content; what follows them is
            if element.tail and not skip:
                (headings if heading else body).append(element.tail)
            continue
        if event == "start":
            if tag in _VOID:
                if tag == "br":
                    body.append(" ")
                continue
            if skip or tag in _SKIP or set((element.get("class") or "").split()) & _SKIP_CLASSES:
                skip += 1
            elif heading or tag in _HEADINGS:
                heading += 1
            if tag in _BLOCKS or tag in _HEADINGS:
                body.append(" ")
            if element.text and not skip:
                (headings if heading else body).append(element.text)
            continue
        if tag not in _VOID:
            if skip:
                skip -= 1
            elif heading:
                heading -= 1
                if not heading:
                    headings.append(" ")  # one heading's words never run into the next's
            if tag in _BLOCKS:
                body.append(" ")
        if element.tail and not skip:  # text after the element, in its parent
            (headings if heading else body).append(element.tail)
    return PageText(headings=_squash(headings), body=_squash(body))
