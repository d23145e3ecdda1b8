"""Remembered work of the index build: page text by HTML hash, terms by text hash.

Reading a rendered page (core/search/text.py) and running text through lunr's tokenizer and
language pipeline are the two slow steps of an index build, and both are pure functions of
their input. Between builds their results are kept in one JSON file per language, so a build
after a one-page change reads and tokenizes one page, not all of them. The file also records
the search code and the versions of the packages that shape the terms: when either changes it
starts empty. Only entries used by the last build are written back, so it never grows stale.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

from core import caches
from core.search.languages import joined_index_terms
from core.search.text import PageText, page_text

# Packages whose version changes what the two functions return.
_PACKAGES = ("lunr", "snowballstemmer", "lxml")


def _fingerprint() -> str:
    """The search code and the versions of the packages it stems and tokenizes with."""
    hasher = hashlib.sha256()
    for file in sorted(Path(__file__).resolve().parent.glob("*.py")):
        hasher.update(file.name.encode() + b"\0" + file.read_bytes())
    for name in _PACKAGES:
        hasher.update(f"{name}={metadata.version(name)}".encode())
    return hasher.hexdigest()


def _key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Memo:
    """Page texts and terms of one language; ``file=None`` remembers nothing between builds."""

    def __init__(
        self, lang: str, file: Path | None = None, scanned: dict[str, list[str]] | None = None
    ):
        """``scanned``: texts of pages read already (HTML hash -> [headings, body]), from the
        render (core/finish/pagescan.py)."""
        self.lang, self.file = lang, file
        self._fingerprint = _fingerprint() if file else ""
        self._old_texts: dict[str, list[str]] = {}
        self._old_terms: dict[str, str | None] = {}  # None: a text without terms
        if file and file.is_file():
            try:
                saved = json.loads(file.read_text(encoding="utf-8"))
            except ValueError:
                saved = {}  # a damaged cache only costs time
            if (
                isinstance(saved, dict)
                and saved.get("fingerprint") == self._fingerprint
                and saved.get("lang") == lang
                and saved.get("format") == caches.SEARCH_MEMO.tag
            ):
                self._old_texts, self._old_terms = saved["texts"], saved["terms"]
        self._old_texts.update(scanned or {})
        self._texts: dict[str, list[str]] = {}
        self._terms: dict[str, str | None] = {}

    def page_text(self, html: bytes) -> PageText:
        """:func:`core.search.text.page_text` of a rendered page's bytes."""
        key = _key(html)
        found = self._texts.get(key) or self._old_texts.get(key)
        if found is None:
            text = page_text(html)
            found = [text.headings, text.body]
        self._texts[key] = found
        return PageText(headings=found[0], body=found[1])

    def terms(self, text: str) -> list[str]:
        """The terms lunr stores for ``text`` (:func:`core.search.languages.index_terms`)."""
        found = self.joined_terms(text)
        return [] if found is None else found.split(" ")

    def joined_terms(self, text: str) -> str | None:
        """:meth:`terms` as one string (:func:`core.search.builder.join_terms`), as kept here."""
        if not text:
            return None
        key = _key(text.encode("utf-8"))
        if key in self._terms:
            found = self._terms[key]
        elif key in self._old_terms:
            found = self._terms[key] = self._old_terms[key]
        else:
            # Kept as one string (terms hold no spaces): a list of strings per page would
            # make the remembered terms of a large site several times larger in memory.
            found = self._terms[key] = joined_index_terms(text, self.lang)
        return found

    def save(self) -> None:
        """Keep what this build used for the next one (nothing when there is no file)."""
        if not self.file:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "fingerprint": self._fingerprint,
            "lang": self.lang,
            "format": caches.SEARCH_MEMO.tag,
            "texts": self._texts,
            "terms": self._terms,
        }
        temporary = self.file.with_suffix(".tmp")
        with temporary.open("w", encoding="utf-8") as stream:  # in pieces: no second copy in memory
            json.dump(data, stream, ensure_ascii=False, separators=(",", ":"))
        temporary.replace(self.file)
