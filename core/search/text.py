"""The searchable text of a rendered page: its headings and its body, read from the HTML.

Reading the rendered article (not the Markdown) means generated listings, tiles and tables are
searched as visitors see them, whatever section produced them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_SKIP = {"script", "style", "template", "h1"}  # h1 is the title, indexed on its own
_SKIP_CLASSES = {"untranslated"}  # notices the theme adds, not the page's content
_BLOCKS = {"p", "li", "dt", "dd", "td", "th", "div", "br", "blockquote", "figcaption", "tr"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area"}


@dataclass(frozen=True)
class PageText:
    """Text of one page, split into the fields the index weighs differently."""

    headings: str
    body: str


class _ArticleText(HTMLParser):
    """Collects the text inside the first ``<article>``; headings apart from the rest."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the article (0: outside)
        self.skip_depth = 0  # > 0 while inside an element whose text is not indexed
        self.heading_depth = 0
        self.done = False
        self.headings: list[str] = []
        self.body: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if self.depth == 0:
            if tag == "article":
                self.depth = 1
            return
        if tag in _VOID:
            if tag == "br":
                self._space()
            return
        self.depth += 1
        classes = set((dict(attrs).get("class") or "").split())
        if self.skip_depth or tag in _SKIP or classes & _SKIP_CLASSES:
            self.skip_depth += 1
        elif self.heading_depth or tag in _HEADINGS:
            self.heading_depth += 1
        if tag in _BLOCKS or tag in _HEADINGS:
            self._space()

    def handle_endtag(self, tag):
        if self.done or self.depth == 0 or tag in _VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            self.done = True
            return
        if self.skip_depth:
            self.skip_depth -= 1
        elif self.heading_depth:
            self.heading_depth -= 1
            if not self.heading_depth:
                self.headings.append("\n")
        if tag in _BLOCKS:
            self._space()

    def handle_data(self, data):
        if self.done or self.depth == 0 or self.skip_depth:
            return
        (self.headings if self.heading_depth else self.body).append(data)

    def _space(self):
        self.body.append(" ")


def _squash(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def page_text(html: str) -> PageText:
    """The headings (h2-h6) and body text of the page's article."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return PageText(headings=_squash([h if h != "\n" else " " for h in parser.headings]),
                    body=_squash(parser.body))
