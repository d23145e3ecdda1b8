"""Reading built pages: libxml2's HTML parser (lxml), set up once for every reader.

The link check and the search index read every built page; lxml does that four times faster
than ``html.parser``. It differs from ``html.parser`` where our pages never go: a
``<textarea>``'s markup is text, links inside ``<title>`` are not elements, and of two equal
attributes the first counts. ``huge_tree`` lifts libxml2's limit of 256 nested elements, past
which it would stop reading a page without a word; any other error that stops it is reported.
"""

from __future__ import annotations

from lxml import etree

from core.errors import BuildError

_PARSER = etree.HTMLParser(encoding="utf-8", huge_tree=True)


def parse_built(data: bytes, name: str):
    """The element tree of the built page ``name`` (its bytes), or ``None`` when it is empty."""
    if not data.strip():
        return None
    root = etree.fromstring(data, _PARSER)
    fatal = [e for e in _PARSER.error_log if e.level >= etree.ErrorLevels.FATAL]
    if fatal:
        raise BuildError(f"{name}: the built page could not be read: {fatal[0].message}")
    return root
