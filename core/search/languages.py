"""The lunr text pipelines per site language, identical to lunr.js 2.3.9 + lunr-languages 1.22.

lunr.js reads the pipeline of a serialized index by name, so each function here is registered
under the name lunr.js uses ("trimmer-nl", "stemmer" ...) and must do exactly what the browser
does: tests/test_search_pipeline.py stems every word of the demo content both ways.

English follows lunr.js's own trimmer and stemmer (core/search/english.py), which differ
from lunr.py's. Why not ``lunr.languages`` for Dutch: it downloads NLTK stop words at run time (nothing may be
downloaded) and its Dutch trimmer keeps only the letters of the stop words, dropping q, x and y
("quiz", "fax" and "index" would never match). Dutch here uses lunr-languages' own word
characters and stop words (core/search/stopwords_nl.py) and the classic Snowball Dutch stemmer
(``snowballstemmer`` 2.2, generated from the same algorithm as lunr-languages' stemmer).
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
from lunr.tokenizer import Tokenizer

from core.search import english
from core.search.stopwords_nl import STOP_WORDS_NL

# lunr.nl.wordCharacters, with the digits lunr.trimmerSupport.generateTrimmer adds.
_NL_WORD_CHARACTERS = (
    "A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C"
    "\u1D62-\u1D65\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A\u212B"
    "\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF"
    "\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A" "0-9")
_NL_START = re.compile(f"^[^{_NL_WORD_CHARACTERS}]+")
_NL_END = re.compile(f"[^{_NL_WORD_CHARACTERS}]+$")
_DUTCH = snowballstemmer.stemmer("dutch")
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
_stemmer_en.label = "stemmer"
Pipeline.register_function(_trimmer_en, "trimmer-en-lunrjs")


@dataclass(frozen=True)
class LanguagePipelines:
    """What lunr.js + lunr-languages use for one language: indexing and query pipelines."""

    index: tuple[Callable, ...]
    search: tuple[Callable, ...]


PIPELINES = {
    # lunr.js's defaults (lunr()): English needs no lunr-languages file.
    "en": LanguagePipelines(index=(_trimmer_en, english_stop_words, _stemmer_en),
                            search=(_stemmer_en,)),
    # lunr.nl: the search pipeline trims too (lunr-languages 1.22).
    "nl": LanguagePipelines(index=(_trimmer_nl, _stop_words_nl, _stemmer_nl),
                            search=(_trimmer_nl, _stemmer_nl)),
}


@functools.lru_cache(maxsize=None)
def _index_pipeline(lang: str) -> Pipeline:
    pipeline = Pipeline()
    pipeline.add(*PIPELINES[lang].index)
    return pipeline


# Texts longer than this are tokenized in pieces (see index_terms).
PIECE_CHARS = 20_000
_SPACE = re.compile(r"\s")


def index_terms(text: str, lang: str) -> list[str]:
    """The terms lunr stores for ``text`` in ``lang`` (tokenizer + index pipeline).

    A long text goes through in pieces cut at white space, which gives the same terms (the
    tokenizer splits at white space, and every pipeline step takes one token at a time): a
    listing page of tens of thousands of words otherwise holds a token object with its own
    metadata per word at once, tens of megabytes at the peak of the index build.
    """
    pipeline = _index_pipeline(lang)
    terms: list[str] = []
    start = 0
    while start < len(text):
        cut = _SPACE.search(text, start + PIECE_CHARS) if len(text) - start > PIECE_CHARS else None
        end = cut.start() if cut else len(text)
        terms.extend(str(t) for t in pipeline.run(Tokenizer(text[start:end])))
        start = end
    return terms
