"""The lunr text pipelines per site language, identical to lunr.js 2.3.9 + lunr-languages 1.22.

lunr.js reads the pipeline of a serialized index by name, so each function here is registered
under the name lunr.js uses ("trimmer-nl", "stemmer" ...) and must do exactly what the browser
does: tests/test_search_pipeline.py stems every word of the demo content both ways.

English follows lunr.js's own trimmer and stemmer (core/search/english.py), which differ
from lunr.py's. Why not ``lunr.languages`` for Dutch: it downloads NLTK stop words at run time (nothing may be
downloaded) and its Dutch trimmer keeps only the letters of the stop words, dropping q, x and y
("quiz", "fax" and "index" would never match). Dutch here uses lunr-languages' own word
characters and stop words (core/search/stopwords_nl.py) and the classic Snowball Dutch stemmer,
the algorithm lunr-languages' stemmer is generated from: ``snowballstemmer`` 3 calls it
``dutch_porter`` (its ``dutch`` is a newer algorithm that stems differently from the browser).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

import snowballstemmer
from lunr.pipeline import Pipeline
from lunr.stop_word_filter import generate_stop_word_filter, stop_word_filter as english_stop_words
from lunr.token import Token
from lunr.tokenizer import SEPARATOR_CHARS

from core.search import english
from core.search.stopwords_nl import STOP_WORDS_NL

# lunr.nl.wordCharacters, with the digits lunr.trimmerSupport.generateTrimmer adds.
_NL_WORD_CHARACTERS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c"
    "\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b"
    "\u2132\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7\ua7f7-\ua7ff"
    "\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
    "0-9"
)
_NL_START = re.compile(f"^[^{_NL_WORD_CHARACTERS}]+")
_NL_END = re.compile(f"[^{_NL_WORD_CHARACTERS}]+$")
_DUTCH = snowballstemmer.stemmer("dutch_porter")
# A site has a few thousand distinct words and stems them hundreds of thousands of times: the
# pure-Python stemmers are the slowest part of the index build, so remember each word's stem.
_stem_nl = functools.lru_cache(maxsize=None)(_DUTCH.stemWord)
_stem_en = functools.lru_cache(maxsize=None)(english.porter_stem)


def _trimmer_nl(token: Token, i=None, tokens=None) -> Token:
    return token.update(lambda s, metadata=None: _NL_END.sub("", _NL_START.sub("", s)))


def _stemmer_nl(token: Token, i=None, tokens=None) -> Token:
    return token.update(lambda s, metadata=None: _stem_nl(s))


def _trimmer_en(token: Token, i=None, tokens=None) -> Token:
    return token.update(lambda s, metadata=None: english.trim(s))


def _stemmer_en(token: Token, i=None, tokens=None) -> Token:
    return token.update(lambda s, metadata=None: _stem_en(s))


# Registered by lunr.py under "stopWordFilter-nl", the name lunr-languages uses.
_stop_words_nl = generate_stop_word_filter(STOP_WORDS_NL, language="nl")

# The names lunr.js knows these functions by (lunr-languages registers the same names).
Pipeline.register_function(_trimmer_nl, "trimmer-nl")
Pipeline.register_function(_stemmer_nl, "stemmer-nl")
# lunr.py has registered its own (different) "trimmer" and "stemmer"; lunr.js loads an English
# index's search pipeline as ["stemmer"], so ours takes that name in serialized indexes.
Pipeline.registered_functions["stemmer"] = _stemmer_en
# lunr.py names a pipeline function by its `label` attribute (one a type checker does not know
# functions to have).
setattr(_stemmer_en, "label", "stemmer")
Pipeline.register_function(_trimmer_en, "trimmer-en-lunrjs")


@dataclass(frozen=True)
class LanguagePipelines:
    """What lunr.js + lunr-languages use for one language: indexing and query pipelines."""

    index: tuple[Callable, ...]
    search: tuple[Callable, ...]


PIPELINES = {
    # lunr.js's defaults (lunr()): English needs no lunr-languages file.
    "en": LanguagePipelines(
        index=(_trimmer_en, english_stop_words, _stemmer_en), search=(_stemmer_en,)
    ),
    # lunr.nl: the search pipeline trims too (lunr-languages 1.22).
    "nl": LanguagePipelines(
        index=(_trimmer_nl, _stop_words_nl, _stemmer_nl), search=(_trimmer_nl, _stemmer_nl)
    ),
}


@functools.lru_cache(maxsize=None)
def _index_pipeline(lang: str) -> Pipeline:
    pipeline = Pipeline()
    pipeline.add(*PIPELINES[lang].index)
    return pipeline


# lunr's tokenizer (lunr.tokenizer.Tokenizer) lowercases the text and cuts it at these
# characters; a word is what lies between two of them. Each becomes a space by its own
# str.replace: str.translate goes through a table lookup per character once a text holds
# one non-ASCII letter (most Dutch texts do), four times slower.
_SEPARATORS = [c for c in SEPARATOR_CHARS if c != " "]


def _spaced(text: str) -> str:
    for separator in _SEPARATORS:
        text = text.replace(separator, " ")
    return text


def index_terms(text: str, lang: str) -> list[str]:
    """The terms lunr stores for ``text`` in ``lang`` (tokenizer + index pipeline)."""
    joined = joined_index_terms(text, lang)
    return [] if joined is None else joined.split(" ")


def joined_index_terms(text: str, lang: str) -> str | None:
    """:func:`index_terms` joined by spaces (core.search.builder.join_terms), ``None`` for none.

    Every step of the pipeline takes one token at a time and looks at nothing but its text, so
    a word always gives the same terms: each distinct word goes through lunr's own pipeline
    once (:func:`_word_terms`) and every later occurrence is a lookup, done by C loops
    (replace, split, map, join). lunr.py's tokenizer and pipeline make a token object per
    word and call each step per word; a site has a few thousand distinct words and millions
    of occurrences, so that was most of an index build.
    """
    words = _spaced(text.lower()).split(" ")
    fragments = _FRAGMENTS[lang]
    for word in set(words).difference(fragments):
        fragments[word] = "".join(term + " " for term in _word_terms(word, lang))
    joined = "".join(map(fragments.__getitem__, words))
    return joined[:-1] if joined else None


# word -> its terms, each followed by a space, per language, for the life of the process
# ("" between two separators is no word: no terms).
_FRAGMENTS: dict[str, dict[str, str]] = {"nl": {"": ""}, "en": {"": ""}}


def _word_terms(word: str, lang: str) -> list[str]:
    """The terms lunr's index pipeline makes of one token: none, or one (more, were a step
    to split it)."""
    return [str(t) for t in _index_pipeline(lang).run([Token(word)])]
