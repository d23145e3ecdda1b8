"""Pull quotes: a Markdown extension so editors write them as a plain quote with a speaker line.

An editor writes a blockquote whose last paragraph starts with a dash and a space::

    > Ik zag het pas toen ik terugkeek in het dossier.
    >
    > — Mirjam, zorgcoördinator (samengesteld personage)

(``—``, ``–`` or ``--`` all work). It becomes an accessible figure::

    <figure class="pullquote">
      <blockquote><p>Ik zag het pas ...</p></blockquote>
      <figcaption>Mirjam, zorgcoördinator (samengesteld personage)</figcaption>
    </figure>

A blockquote without such a last line stays an ordinary blockquote. Registered in mkdocs.yml
as ``longread.pullquote``, so it works in every section's bodies, not only in stories.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from core.markdown_scan import ATTRIBUTION  # one pattern for this syntax and lint's near miss


class PullQuoteProcessor(Treeprocessor):
    """Turns ``blockquote`` + trailing '— who' paragraph into ``figure`` + ``figcaption``."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "blockquote":
                    figure = self._figure(child)
                    if figure is not None:
                        parent.remove(child)
                        parent.insert(index, figure)

    def _figure(self, quote: etree.Element) -> etree.Element | None:
        paragraphs = list(quote)
        if len(paragraphs) < 2 or paragraphs[-1].tag != "p":
            return None
        last = paragraphs[-1]
        if last.text is None or not ATTRIBUTION.match(last.text):
            return None
        quote.remove(last)
        figure = etree.Element("figure", {"class": "pullquote"})
        figure.append(quote)
        caption = etree.SubElement(figure, "figcaption")
        caption.text = ATTRIBUTION.sub("", last.text, count=1)
        for node in last:  # inline markup in the speaker line (emphasis, a link) stays
            caption.append(node)
        figure.tail = quote.tail
        quote.tail = None
        return figure


class PullQuoteExtension(Extension):
    """The Markdown extension MkDocs loads by the name ``longread.pullquote``."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (priority 20), so the speaker line's text is final.
        md.treeprocessors.register(PullQuoteProcessor(md), "pullquote", 5)


def makeExtension(**kwargs) -> PullQuoteExtension:  # noqa: N802 (Markdown's entry-point name)
    """Entry point Python-Markdown calls for ``markdown_extensions: [longread.pullquote]``."""
    return PullQuoteExtension(**kwargs)
