"""How easy a Dutch text is to read: the Flesch–Douma score, with syllables from Pyphen.

Douma (1960) adapted Flesch's reading ease to Dutch:

    score = 206.84 - 0.93 * (words per sentence) - 77 * (syllables per word)

Higher is easier: below 30 very hard, 30-45 hard, 45-60 fairly hard, 60-70 normal, 70-80
fairly easy, above 80 easy. Text at language level B1 usually scores 60 or more. Syllables are
counted with Pyphen's Dutch hyphenation dictionary (the one LibreOffice uses), which splits
compounds the way Dutch readers do, checked against a count of vowel groups; the formula itself is two lines, so it is
written here rather than taken from a package that pulls in a whole NLP toolkit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from core.markdown_scan import blank_code

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ATTRS = re.compile(r"\{:?[^{}]*\}")
_TAG = re.compile(r"<[^>]+>")
_MARKER = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+|—\s*|–\s*|--\s*)+")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the text with the line it starts on (in the Markdown body)."""

    line: int
    words: int
    syllables: int


@dataclass(frozen=True)
class Reading:
    """The figures of one text: its score and its longest sentence."""

    words: int
    sentences: int
    syllables: int
    longest: Sentence | None

    @property
    def score(self) -> float:
        """The Flesch–Douma reading ease (higher is easier)."""
        if not self.words or not self.sentences:
            return 100.0
        return 206.84 - 0.93 * self.words / self.sentences - 77 * self.syllables / self.words


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


_VOWELS = re.compile(r"[aeiouyáéíóúàèâêîôû]+|[ëïöüä][aeiouy]*")


def syllables(word: str) -> int:
    """The number of syllables of a Dutch word.

    Hyphenation splits 'functi-o-na-ris' right but never leaves one letter alone ('ogen',
    'eten'); counting vowel groups (with diaeresis starting a new one: 'co-ör-di-na-tor')
    gets those right. The larger of the two counts is the better guess.
    """
    lower = word.lower()
    return max(len(_dictionary().positions(lower)) + 1, len(_VOWELS.findall(lower)), 1)


def sentences(body: str) -> list[Sentence]:
    """The sentences of a Markdown body, each with the line it starts on.

    A heading, a list item or a quote line starts a new unit, and a unit that ends without
    punctuation ends a sentence, as a reader sees it. Code and tables are not prose.
    """
    found: list[Sentence] = []
    pending: list[tuple[int, str]] = []  # (line, text) of the current unit

    def close() -> None:
        text, lines = "", []
        for number, part in pending:
            text += part + " "
            lines += [number] * (len(part) + 1)
        position = 0
        for piece in _SENTENCE_END.split(text):
            start = text.index(piece, position) if piece else position
            position = start + len(piece)
            words = _WORD.findall(piece)
            if words:
                first = start + len(piece) - len(piece.lstrip())
                found.append(
                    Sentence(
                        lines[min(first, len(lines) - 1)],
                        len(words),
                        sum(syllables(w) for w in words),
                    )
                )
        pending.clear()

    for number, line in enumerate(blank_code(body).split("\n"), 1):
        if line.lstrip().startswith("|") or not line.strip():
            close()
            continue
        if _MARKER.match(line):
            close()
        text = _TAG.sub(" ", _ATTRS.sub(" ", _LINK.sub(r"\1", _IMAGE.sub(" ", line))))
        text = _MARKER.sub("", text).replace("*", "").replace("_", " ").strip()
        if text:
            pending.append((number, text))
        if line.lstrip().startswith("#"):  # a heading is a unit of its own
            close()
    close()
    return found


def read(body: str) -> Reading:
    """The reading figures of a Markdown body."""
    found = sentences(body)
    return Reading(
        sum(s.words for s in found),
        len(found),
        sum(s.syllables for s in found),
        max(found, key=lambda s: (s.words, -s.line), default=None),
    )
