"""Quotes written almost as a pull quote: the speaker line glued to the quote's text.

A pull quote (longread/pullquote.py) is a blockquote whose last paragraph is the speaker line,
'— who said it', after a line with only '>'. Without that empty '>' line the speaker line is
part of the quote's last paragraph: Markdown renders it as one plain quote with the name run
into the text, and nothing fails. Only ``lint`` can tell the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.markdown_scan import ATTRIBUTION, blank_code
# The speaker-line pattern is the pull-quote extension's own (core/markdown_scan.py), so the
# syntax and this near-miss warning cannot drift apart.

_QUOTE = re.compile(r"^ {0,3}>")  # a line of a blockquote (Markdown allows three spaces before)
_MARKERS = re.compile(r"^(?: {0,3}> ?)+")


@dataclass(frozen=True)
class GluedSpeaker:
    """A speaker line glued to the quote above it: its line in the body (0-based) and text."""

    line: int
    text: str


def glued_speakers(body: str) -> list[GluedSpeaker]:
    """Every quote of ``body`` whose last line is a speaker line with no empty '>' line before
    it (also written without '>', which Markdown still counts as the quote's text)."""
    found: list[GluedSpeaker] = []
    lines = blank_code(body).split("\n")
    index = 0
    while index < len(lines):
        if not _QUOTE.match(lines[index]):
            index += 1
            continue
        start = index  # a quote runs until a blank line (lines without '>' continue it)
        while index < len(lines) and lines[index].strip():
            index += 1
        texts = [_MARKERS.sub("", line, count=1).strip() for line in lines[start:index]]
        if len(texts) >= 2 and ATTRIBUTION.match(texts[-1]) and texts[-2]:
            found.append(GluedSpeaker(index - 1, texts[-1]))
    return found
