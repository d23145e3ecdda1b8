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

from core.search.builder import TermsBuilder
from core.search.languages import PIPELINES
from core.search.memo import Memo
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


def collect_docs(pages: list[StagedPage], lang_root: Path, labels: dict[str, str],
                 memo: Memo | None = None) -> list[SearchDoc]:
    """The searchable pages of one language, text read from their rendered HTML, in URL order.

    ``memo`` remembers each page's text by its HTML between builds (core/search/memo.py).
    """
    memo = memo or Memo(pages[0].lang if pages else "")
    docs = []
    # Sections that share a label (the Kompas's five types) share one filter value: the first key.
    facet_of = {}
    for key, label in labels.items():
        facet_of.setdefault(label, key)
    for page in sorted(pages, key=lambda p: p.doc_path):
        if not page.searchable:
            continue
        url = url_of(page.doc_path)
        text = memo.page_text((lang_root / url / "index.html").read_bytes())
        section = page.key.split(":", 1)[0]
        docs.append(SearchDoc(url=url, title=page.title,
                              section_key=facet_of.get(labels.get(section, section), section),
                              section_label=labels.get(section, section),
                              summary=page.description, tags=tuple(page.search_tags),
                              headings=text.headings, body=text.body))
    return docs


def build_index(docs: list[SearchDoc], lang: str, memo: Memo | None = None) -> dict:
    """The ``search/<lang>.json`` object: lunr index plus what results show.

    ``memo`` remembers the terms of each text between builds (core/search/memo.py).
    """
    rows = [{"title": d.title, "tags": " ".join(d.tags), "headings": d.headings,
             "section": d.section_label, "body": d.body} for d in docs]
    # A field no page fills would still cost bytes for every term: leave it out.
    fields = [(name, boost) for name, boost in FIELDS if any(row[name] for row in rows)]
    return {
        "lang": lang,
        "index": _lunr_index(rows, fields, lang, memo or Memo(lang)),
        "docs": {str(ref): {"title": d.title, "url": d.url, "section": d.section_label,
                            "facet": d.section_key, "summary": d.summary}
                 for ref, d in enumerate(docs)},
    }


def _lunr_index(rows: list[dict], fields: list[tuple[str, int]], lang: str, memo: Memo) -> dict:
    """The serialized lunr index of ``rows``; the builder's term counts are freed first."""
    builder = TermsBuilder()  # the index pipeline runs in memo.terms
    builder.search_pipeline.add(*PIPELINES[lang].search)
    builder.ref("ref")
    for name, boost in fields:
        builder.field(name, boost=boost)
    for ref, row in enumerate(rows):
        builder.add_terms(str(ref), {name: memo.joined_terms(row[name]) for name, _ in fields})
    index = builder.build()
    del builder  # its per-page term frequencies are in the field vectors now
    return index.serialize()


def write_index(pages: list[StagedPage], lang: str, lang_root: Path, labels: dict[str, str],
                memo_file: Path | None = None) -> Path:
    """Write ``search/<lang>.json`` under ``lang_root`` (compact, stable bytes).

    ``memo_file`` keeps page texts and terms for the next build (core/search/memo.py).
    """
    memo = Memo(lang, memo_file)
    data = build_index(collect_docs(pages, lang_root, labels, memo), lang, memo)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    del data  # the index as objects is several times the size of its text
    memo.save()
    del memo
    target = lang_root / index_path(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
