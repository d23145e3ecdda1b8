"""lunr.py's index builder, fed with terms instead of text.

``lunr.builder.Builder.add`` tokenizes and runs the language pipeline for every field of every
page, the slowest part of an index build. :class:`TermsBuilder` takes the terms that
core/search/memo.py remembers between builds and files them exactly as ``Builder.add`` would
(same order, so the same term numbers and the same serialized bytes; tests/test_search.py
compares the two). Everything after adding (vectors, serializing) is lunr.py's.

Terms travel as one space-joined string per field (:func:`join_terms`; terms hold no spaces):
the memo keeps them so, and a list would be a string object per word.
"""

from __future__ import annotations

from collections import Counter

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf as Idf
from lunr.vector import Vector


def join_terms(terms: list[str]) -> str | None:
    """``terms`` as :class:`TermsBuilder` takes them: one string, ``None`` for no terms at all
    (a lone ``...`` gives one empty term, ``""``, which is not the same)."""
    return " ".join(terms) if terms else None


def _counted(joined: str | None) -> Counter:
    # Counted in C; a Counter keeps the order of first appearance, which numbers the terms.
    return Counter(joined.split(" ")) if joined is not None else Counter()


class _Frequencies(dict):
    """Field ref -> that field's joined terms, read by lunr as term counts.

    lunr keeps a Counter per field of every page until it makes the vectors: hundreds of
    thousands of entries on a large site, the largest part of an index build's peak memory.
    The joined strings are the memo's own, so keeping them costs nothing; lunr's
    ``_create_field_vectors``, the only reader, iterates ``items()`` and gets each field
    counted again as it comes to it.
    """

    def items(self):
        for field_ref, joined in super().items():
            yield field_ref, _counted(joined)


# The metadata of every (term, field, page) posting: none is kept (no metadata whitelist), so
# all postings can share one empty dict. It serializes as the same ``{}``.
_NO_METADATA: dict = {}


class TermsBuilder(Builder):
    """A lunr Builder whose documents arrive as terms per field, and that holds less.

    lunr gives every posting an empty ``defaultdict`` of its own (about 200 bytes, and a large
    site has hundreds of thousands of postings) and builds a token set, a trie of every term
    with an object per node, which only searching in Python uses and the serialized index does
    not hold: postings here share one empty dict and no token set is made.
    """

    def __init__(self):
        super().__init__()
        self.field_term_frequencies = _Frequencies()

    def add_terms(self, ref: str, fields: dict[str, str | None], boost: float = 1) -> None:
        """Add the document ``ref`` whose fields have these terms (what ``add`` would compute),
        each field's terms joined by :func:`join_terms` (a missing field has none); ``boost``
        is lunr's document boost (``add(doc, {"boost": boost})``).

        Term positions are not recorded: like ``add`` with no ``metadata_whitelist``.
        """
        if self.metadata_whitelist:
            raise ValueError("TermsBuilder records no term metadata")
        self._documents[ref] = {"boost": boost} if boost != 1 else {}
        self.document_count += 1
        for field_name in self._fields:
            joined = fields.get(field_name)
            field_ref = str(FieldRef(ref, field_name))
            frequencies = _counted(joined)
            self.field_term_frequencies[field_ref] = joined
            self.field_lengths[field_ref] = frequencies.total()
            for term in frequencies:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][ref] = _NO_METADATA

    def _create_token_set(self):
        self.token_set = None

    def _create_field_vectors(self):
        """lunr's field vectors, each made whole instead of one insert at a time.

        ``Builder._create_field_vectors`` inserts every term into a sorted list with a binary
        search and two list inserts; the same (term number, score) pairs sorted once give the
        same elements. Scores are computed exactly as lunr computes them.
        """
        k1, b = self._k1, self._b
        postings, documents, count = self.inverted_index, self._documents, self.document_count
        # term -> (its number, its idf), made when a term is first met
        known: dict[str, tuple[int, float]] = {}
        vectors = {}
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            parsed = FieldRef.from_string(field_ref)
            field_name = parsed.field_name
            length_ratio = self.field_lengths[field_ref] / self.average_field_length[field_name]
            norm = k1 * (1 - b + b * length_ratio)  # lunr's divisor, less the term frequency
            field_boost = self._fields[field_name].boost
            doc_boost = documents[parsed.doc_ref].get("boost", 1)
            pairs = []
            for term, tf in term_frequencies.items():
                info = known.get(term)
                if info is None:
                    posting = postings[term]
                    info = known[term] = (posting["_index"], Idf(posting, count))
                score = info[1] * ((k1 + 1) * tf) / (norm + tf)
                score *= field_boost
                score *= doc_boost
                pairs.append((info[0], round(score, 3)))
            pairs.sort()
            vectors[field_ref] = Vector([value for pair in pairs for value in pair])
        self.field_vectors = vectors
