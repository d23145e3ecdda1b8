"""Synonyms: words that mean the same to visitors, from ``content/vocabularies/synonyms.yml``.

The file has the shape of every vocabulary (``key: {nl: ..., en: ...}``), so the one
vocabulary loader (core/site.py) reads and checks it like the others; each label here is a
comma-separated list of words or phrases that mean the same in that language::

    loverboy:
      nl: loverboy, pooierboy, lover boy
      en: loverboy, lover boy, pimp

Applied when the index is built, never when a visitor searches: a page field that holds one
phrase of a group also gets the index terms of the group's other phrases (made by the same
lunr pipeline, core/search/languages.py). The index stays exactly what lunr would build for
the page's text with those phrases added, so lunr.js's query pipeline needs no synonym list of
its own and Python and the browser stay term-for-term identical; the visitor downloads no
extra file, and a query for any phrase of a group finds the pages that use another.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import _
from core import languages
from core.errors import Problems
from core.fieldtypes import Vocabulary
from core.search.languages import joined_index_terms

VOCABULARY = "synonyms"


def phrases(label: str) -> list[str]:
    """The phrases of one label, as the editor wrote them (commas separate them)."""
    return [part.strip() for part in label.split(",")]


@dataclass(frozen=True)
class Synonyms:
    """The synonym groups of one language, each phrase as its space-joined index terms."""

    lang: str
    groups: tuple[tuple[str, ...], ...] = ()

    def expand(self, joined: str | None) -> str | None:
        """``joined`` (a field's index terms, space-joined) plus the terms of the other phrases
        of every group one of whose phrases occurs in it (all its terms, in that order)."""
        if joined is None or not self.groups:
            return joined
        present = set(joined.split(" "))
        padded = f" {joined} "
        extra = []
        for group in self.groups:
            found = [p for p in group if _occurs(p, present, padded)]
            if found:
                extra += [p for p in group if p not in found]
        return " ".join([joined, *extra]) if extra else joined


def _occurs(phrase: str, present: set[str], padded: str) -> bool:
    # Most phrases are one word: a set lookup. Longer ones must stand together, in order.
    if " " not in phrase:
        return phrase in present
    return all(t in present for t in phrase.split(" ")) and f" {phrase} " in padded


def load(vocabularies: dict[str, Vocabulary], lang: str) -> Synonyms:
    """The synonyms of ``lang`` (none when the content has no synonym vocabulary).

    Only usable after :func:`check` found no problems (a phrase without terms is skipped).
    """
    vocabulary = vocabularies.get(VOCABULARY)
    if vocabulary is None:
        return Synonyms(lang)
    groups = []
    for labels in vocabulary.terms.values():
        terms = [joined_index_terms(p, lang) for p in phrases(labels[lang])]
        group = tuple(dict.fromkeys(t for t in terms if t))  # once each, in the editor's order
        if len(group) > 1:
            groups.append(group)
    return Synonyms(lang, tuple(groups))


def check(vocabularies: dict[str, Vocabulary], problems: Problems) -> None:
    """Report every phrase the search could never find, and phrases in two groups.

    The vocabulary loader has checked the shape already (a label per language).
    """
    vocabulary = vocabularies.get(VOCABULARY)
    if vocabulary is None:
        return
    path = vocabulary.path or f"vocabularies/{VOCABULARY}.yml"
    for lang in languages.LANGUAGES:
        seen: dict[str, str] = {}  # terms of a phrase -> the group it is in
        for key, labels in vocabulary.terms.items():
            line = vocabulary.lines.get((key, lang)) or vocabulary.lines.get((key,))
            for phrase in phrases(labels[lang]):
                if not phrase:
                    problems.add(
                        path,
                        line,
                        _(
                            "term '{key}': the {lang} label has an empty "
                            "synonym: expected words separated by single "
                            "commas, got '{label}'",
                            key=key,
                            lang=lang,
                            label=labels[lang],
                        ),
                    )
                    continue
                terms = joined_index_terms(phrase, lang)
                if not terms:
                    problems.add(
                        path,
                        line,
                        _(
                            "term '{key}': the {lang} synonym '{phrase}' is "
                            "never searched for (only common words like 'de' "
                            "or 'the', which the search skips): expected a "
                            "word people search for",
                            key=key,
                            lang=lang,
                            phrase=phrase,
                        ),
                    )
                    continue
                other = seen.setdefault(terms, key)
                if other != key:
                    problems.add(
                        path,
                        line,
                        _(
                            "term '{key}': the {lang} synonym '{phrase}' is "
                            "also in term '{other}' (line {other_line}): put "
                            "it in one group only, or merge the two",
                            key=key,
                            lang=lang,
                            phrase=phrase,
                            other=other,
                            other_line=vocabulary.lines.get((other, lang)),
                        ),
                    )
