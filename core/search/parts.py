"""The index as the browser fetches it: a small first part, and the rest split by term.

``search/<lang>.json`` (the contract: a whole serialized lunr index plus ``docs``) stays the
full index, for tools and tests. A visitor's browser never fetches it: at 1,000 pages it is
over a megabyte compressed, almost all of it the body field. Instead, from the same file:

- ``search/<lang>/head.json``: the fields of :data:`HEAD_FIELDS` (title with the editor's
  keywords, tags), ``docs``, the search pipeline, and the list of shards. Fetched when the
  search box gets focus; it alone finds every page by its title and keywords.
- ``search/<lang>/shards/<hex>.json``: the other fields (headings, section, body) of the terms
  that start with the same :data:`KEY_LENGTH` letters (``<hex>`` is that prefix in UTF-8, as
  hex: safe in any URL and file system). Fetched for the words of a query (search-query.js
  ``Shards``).

Each part holds, per term, lunr's term number and per field the (page, score) pairs of that
term: exactly the entries of lunr's inverted index and field vectors for it. Pages come in
ascending order, each as its distance from the one before (the first from 0): a title word of
every page is then a run of 1s, and the head compresses to about half. lunr scores a
page by the dot product of the query vector with the page's field vectors, which only reads
the entries of the query's own terms, so an index made of the head and the shards of the
query's terms gives each page the same score as the full index (tests/test_search_relevance.py
asks every query through the parts). What differs: a typo in the first letters of a word that
occurs only outside titles and keywords is not forgiven unless it is a letter left out or two
letters swapped (lunr's edit distance is asked over the terms loaded).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from pathlib import Path

# Terms are grouped by their first letters: three keeps a shard a few KB at 5,000 pages while
# a word being typed needs one shard once it has three letters (fewer letters: only the exact
# term's shard is fetched; titles and keywords still complete from two letters, in the head).
KEY_LENGTH = 3
SHARDS = "shards"  # the folder of the shards
# The fields in the head: what weighs most and is short. Headings were in it at first, but on
# a site of 1,000 pages they were half of its bytes (every page has several), and the head
# grows with the site while a shard is fetched for a query's words only.
HEAD_FIELDS = ("title", "tags")


def parts_dir(index_file: Path) -> Path:
    """Where the parts of ``search/<lang>.json`` go: ``search/<lang>/``."""
    return index_file.with_suffix("")


def shard_name(key: str) -> str:
    """The file name of the shard of the terms starting with ``key``."""
    return key.encode("utf-8").hex() + ".json"


def _gaps(terms: dict[str, list]) -> dict[str, list]:
    """``terms`` with each field's pages as the gap from the page before (see the docstring)."""
    for _, fields in terms.values():
        for pairs in fields.values():
            previous = 0
            for i in range(0, len(pairs), 2):
                pairs[i], previous = pairs[i] - previous, pairs[i]
    return terms


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class Parts:
    """The head and the shards of one index, collected from its field vectors as they go by
    (core/search/index.py feeds them while it writes the whole index, so the index is never
    read back from its file), staged beside ``target`` (the parts folder, :func:`parts_dir`)
    by :meth:`stage` and put in place by :func:`swap_in`."""

    def __init__(self, postings: Mapping[str, dict], target: Path):
        """``postings``: lunr's inverted index, term -> posting (with the term's number)."""
        self.term_of = {posting["_index"]: term for term, posting in postings.items()}
        self.target = target
        self.head: dict[str, list] = {}
        self.shards: dict[str, dict[str, list]] = {}

    def add(self, field_ref: str, elements: list) -> None:
        """One field vector: ``field/ref`` and lunr's [term number, score, ...]."""
        field, ref = field_ref.split("/", 1)
        ref_number = int(ref)
        in_head = field in HEAD_FIELDS
        for i in range(0, len(elements), 2):
            term = self.term_of[elements[i]]
            if not in_head and not term:
                continue  # "" (from a lone "..."): no query reaches it, and it has no prefix
            terms = self.head if in_head else self.shards.setdefault(term[:KEY_LENGTH], {})
            entry = terms.get(term)
            if entry is None:
                entry = terms[term] = [elements[i], {}]
            entry[1].setdefault(field, []).extend((ref_number, elements[i + 1]))

    def stage(self, lang: str, index: dict, docs: dict) -> None:
        """Write the parts into a folder beside :attr:`target`, for :func:`swap_in`; ``index``
        holds lunr's ``version``, ``fields`` and ``pipeline``."""
        partial = _partial(self.target)
        shutil.rmtree(partial, ignore_errors=True)
        (partial / SHARDS).mkdir(parents=True)
        (partial / "head.json").write_text(
            _dump(
                {
                    "lang": lang,
                    "version": index["version"],
                    "fields": index["fields"],
                    "pipeline": index["pipeline"],
                    "docs": docs,
                    "terms": _gaps(self.head),
                    "keyLength": KEY_LENGTH,
                    "shards": " ".join(sorted(self.shards)),
                }
            ),
            encoding="utf-8",
        )
        for key, terms in self.shards.items():
            (partial / SHARDS / shard_name(key)).write_text(
                _dump({"terms": _gaps(terms)}), encoding="utf-8"
            )


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


def discard_staged(target: Path) -> None:
    """Remove parts staged for ``target`` and not put in place (a build that failed)."""
    shutil.rmtree(_partial(target), ignore_errors=True)


def swap_in(target: Path) -> Path:
    """Put the parts staged for ``target`` in place, replacing that folder (made here) whole.

    A built index goes in place first and its parts after it (core/search/jobs.py)."""
    if target.exists():
        shutil.rmtree(target)  # the parts of an earlier build, written here
    _partial(target).replace(target)
    return target


def write_parts(index_file: Path, into: Path | None = None) -> Path:
    """Write the head and the shards of ``index_file`` (see the module docstring) into
    ``into`` (default: its :func:`parts_dir`), replacing that folder (made here) whole."""
    data = json.loads(index_file.read_text(encoding="utf-8"))
    index = data["index"]
    parts = Parts(dict(index.pop("invertedIndex")), into or parts_dir(index_file))
    for field_ref, elements in index.pop("fieldVectors"):
        parts.add(field_ref, elements)
    parts.stage(data["lang"], index, data["docs"])
    return swap_in(parts.target)
