"""Stage finish: one prebuilt lunr index per language, ``search/<lang>.json`` at the language root.

Contract (DESIGN.md): ``index`` is a serialized lunr index that lunr.js 2.3.9 with
lunr-languages loads with ``lunr.Index.load``; ``docs`` maps each ref to ``title``, ``url``
(relative to the language root), ``section`` (the section's label) and ``summary``; ``facet``
adds the section's key for the search page's filter. Every staged page of every section is
indexed unless it says ``searchable=False``, so a new section needs no change here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lunr.builder import Builder
from lunr.field_ref import FieldRef

from core.search.languages import PIPELINES
from core.search.text import page_text
from core.staging import StagedPage, url_of

INDEX_DIR = "search"
# Where a word counts most: in the title, then in tags and headings, then anywhere.
FIELDS = (("title", 10), ("tags", 5), ("headings", 3), ("section", 2), ("body", 1))


@dataclass(frozen=True)
class SearchDoc:
    """One page as the index sees it."""

    url: str
    title: str
    section_key: str
    section_label: str
    summary: str
    tags: tuple[str, ...]
    headings: str
    body: str


def index_path(lang: str) -> str:
    """The index file of ``lang``, relative to that language's root."""
    return f"{INDEX_DIR}/{lang}.json"


def collect_docs(pages: list[StagedPage], lang_root: Path, labels: dict[str, str]) -> list[SearchDoc]:
    """The searchable pages of one language, text read from their rendered HTML, in URL order."""
    docs = []
    # Sections that share a label (the Kompas's five types) share one filter value: the first key.
    facet_of = {}
    for key, label in labels.items():
        facet_of.setdefault(label, key)
    for page in sorted(pages, key=lambda p: p.doc_path):
        if not page.searchable:
            continue
        url = url_of(page.doc_path)
        text = page_text((lang_root / url / "index.html").read_text(encoding="utf-8"))
        section = page.key.split(":", 1)[0]
        docs.append(SearchDoc(url=url, title=page.title,
                              section_key=facet_of.get(labels.get(section, section), section),
                              section_label=labels.get(section, section),
                              summary=page.description, tags=tuple(page.search_tags),
                              headings=text.headings, body=text.body))
    return docs


# The metadata of every (term, field, page) posting: none is kept (no metadata whitelist), so
# all postings can share one empty dict. It serializes as the same ``{}``.
_NO_METADATA: dict = {}


class _Builder(Builder):
    """lunr's builder, smaller: the serialized index is the same, byte for byte (issue 10).

    lunr gives every posting an empty ``defaultdict`` of its own (about 200 bytes, and a large
    site has hundreds of thousands of postings) and builds a token set, a trie of every term
    with an object per node, which only searching in Python uses and the serialized index
    does not hold."""

    def add(self, doc, attributes=None):
        assert not self.metadata_whitelist  # postings then have no metadata to hold
        super().add(doc, attributes)
        ref = str(doc[self._ref])
        for field in self._fields:
            for term in self.field_term_frequencies[str(FieldRef(ref, field))]:
                self.inverted_index[term][field][ref] = _NO_METADATA

    def _create_token_set(self):
        self.token_set = None


def build_index(docs: list[SearchDoc], lang: str) -> dict:
    """The ``search/<lang>.json`` object: lunr index plus what results show."""
    rows = [{"title": d.title, "tags": " ".join(d.tags), "headings": d.headings,
             "section": d.section_label, "body": d.body} for d in docs]
    # A field no page fills would still cost bytes for every term: leave it out.
    fields = [(name, boost) for name, boost in FIELDS if any(row[name] for row in rows)]
    return {
        "lang": lang,
        "index": _lunr_index(rows, fields, lang),
        "docs": {str(ref): {"title": d.title, "url": d.url, "section": d.section_label,
                            "facet": d.section_key, "summary": d.summary}
                 for ref, d in enumerate(docs)},
    }


def _lunr_index(rows: list[dict], fields: list[tuple[str, int]], lang: str) -> dict:
    """The serialized lunr index of ``rows``; the builder's term counts are freed first."""
    builder = _Builder()
    pipelines = PIPELINES[lang]
    builder.pipeline.add(*pipelines.index)
    builder.search_pipeline.add(*pipelines.search)
    builder.ref("ref")
    for name, boost in fields:
        builder.field(name, boost=boost)
    for ref, row in enumerate(rows):
        builder.add({"ref": str(ref), **{name: row[name] for name, _ in fields}})
    index = builder.build()
    del builder  # its per-page term frequencies are in the field vectors now
    return index.serialize()


def write_index(pages: list[StagedPage], lang: str, lang_root: Path, labels: dict[str, str]) -> Path:
    """Write ``search/<lang>.json`` under ``lang_root`` (compact, stable bytes)."""
    data = build_index(collect_docs(pages, lang_root, labels), lang)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    del data  # the index as objects is several times the size of its text
    target = lang_root / index_path(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
