"""Stage finish: one prebuilt lunr index per language, ``search/<lang>.json`` at the language root.

Contract (DESIGN.md): ``index`` is a serialized lunr index that lunr.js 2.3.9 with
lunr-languages loads with ``lunr.Index.load``; ``docs`` maps each ref to ``title``, ``url``
(relative to the language root), ``section`` (the section's label) and ``summary``; ``facet``
adds the section's key for the search page's filter. Every staged page of every section is
indexed unless it says ``searchable=False``, so a new section needs no change here.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from lunr import __TARGET_JS_VERSION__

from core import languages
from core.search.builder import TermsBuilder
from core.search.languages import PIPELINES
from core.search.memo import Memo
from core.search.parts import Parts
from core.search.synonyms import Synonyms
from core.search.text import PageText
from core.staging import StagedPage
from core.urls import url_of

INDEX_DIR = "search"
# Where a word counts most: in the title or the editor's keywords, then in tags and headings,
# then anywhere. Keywords share the title's field: lunr divides a field's score by the field's
# length against its average over all pages, and most pages have no keywords, so a field of
# their own would make a keyword count less than a word deep in a body.
FIELDS = (("title", 10), ("tags", 5), ("headings", 3), ("section", 2), ("body", 1))
# The one ranking rule besides the fields: the page of an item (a story, an instrument, an
# offer, a partner, a stop, a plain page) weighs this much more than the overviews and listings
# that merely name it. Their bodies hold the titles of everything they list, so without it an
# overview often outscores the item a visitor meant.
ITEM_BOOST = 3
# Fields synonyms are added to (core/search/synonyms.py): all but the section's own name.
_EXPANDED = ("title", "tags", "headings", "body")


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
    keywords: tuple[str, ...] = ()  # the editor's ``keywords``: indexed, never shown
    item: bool = False  # the page of one item (weighs ITEM_BOOST), not an overview
    lang: str = ""  # the page's language when it is not the index's (title and keywords only)


def index_path(lang: str) -> str:
    """The index file of ``lang``, relative to that language's root."""
    return f"{INDEX_DIR}/{lang}.json"


def collect_docs(
    pages: list[StagedPage], lang_root: Path, labels: dict[str, str], memo: Memo | None = None
) -> list[SearchDoc]:
    """The searchable pages of one language, text read from their rendered HTML, in URL order.

    ``memo`` remembers each page's text by its HTML between builds (core/search/memo.py).
    """
    memo = memo or Memo(pages[0].lang if pages else "")
    docs = []
    # Sections that share a label (the Kompas's five types) share one filter value: the first key.
    facet_of: dict[str, str] = {}
    for key, label in labels.items():
        facet_of.setdefault(label, key)
    lang = memo.lang
    for page in sorted(pages, key=lambda p: (p.lang != lang, p.doc_path)):
        if not page.searchable:
            continue
        url = url_of(page.doc_path)
        if page.lang == lang or not lang:
            text = memo.page_text((lang_root / url / "index.html").read_bytes())
            foreign = ""
        else:
            # An item not translated yet: found by its title and keywords, linked in its language.
            text, foreign = PageText(headings="", body=""), page.lang
            url = "../" * languages.prefix(lang).count("/") + languages.prefix(page.lang) + url
        section = page.key.split(":", 1)[0]
        docs.append(
            SearchDoc(
                url=url,
                title=page.title,
                section_key=facet_of.get(labels.get(section, section), section),
                section_label=labels.get(section, section),
                summary=page.description,
                tags=tuple(page.search_tags),
                headings=text.headings,
                body=text.body,
                keywords=tuple(page.search_keywords),
                item=page.search_item,
                lang=foreign,
            )
        )
    return docs


def build_index(
    docs: list[SearchDoc], lang: str, memo: Memo | None = None, synonyms: Synonyms | None = None
) -> dict:
    """The ``search/<lang>.json`` object: lunr index plus what results show.

    The object :func:`write_index` writes, read back (tests and bench/search.py look into it).
    ``memo`` remembers the terms of each text between builds (core/search/memo.py);
    ``synonyms`` are added to the fields that hold one of them (core/search/synonyms.py).
    """
    stream = io.StringIO()
    _write(stream, docs, lang, memo or Memo(lang), synonyms or Synonyms(lang))
    return json.loads(stream.getvalue())


def index_rows(docs: list[SearchDoc]) -> list[dict[str, str]]:
    """The text of each field of each doc, as lunr indexes it (before synonyms)."""
    return [
        {
            "title": " ".join((d.title, *d.keywords)),
            "tags": " ".join(d.tags),
            "headings": d.headings,
            "section": d.section_label,
            "body": d.body,
        }
        for d in docs
    ]


def doc_boost(doc: SearchDoc) -> int:
    """lunr's document boost of ``doc``: the ranking rule (:data:`ITEM_BOOST`)."""
    return ITEM_BOOST if doc.item else 1


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _write(
    stream: TextIO,
    docs: list[SearchDoc],
    lang: str,
    memo: Memo,
    synonyms: Synonyms | None = None,
    parts_into: Path | None = None,
) -> None:
    """Write the index of ``docs`` as compact JSON, piece by piece, and stage its parts (what
    the browser fetches, core/search/parts.py) for the folder ``parts_into`` when given.

    The text is what ``json.dumps`` gives for ``{"lang", "index": lunr's Index.serialize(),
    "docs"}`` (tests/test_search.py compares it with lunr.py's own), but neither the serialized
    index nor the whole text is ever in memory: each field vector and posting is written and let
    go. On a site of 5,000 items those two copies were 140 MB at the peak of the index build.
    The parts are collected from the field vectors as they are written (reading the index back
    from its file cost a quarter of an index update in place).
    """
    rows = index_rows(docs)
    # A field no page fills would still cost bytes for every term: leave it out.
    fields = [(name, boost) for name, boost in FIELDS if any(row[name] for row in rows)]
    index = _lunr_index(
        rows, [doc_boost(d) for d in docs], fields, lang, memo, synonyms or Synonyms(lang)
    )
    del rows
    stream.write(
        f'{{"lang":{_dump(lang)},"index":{{"version":{_dump(__TARGET_JS_VERSION__)},'
        f'"fields":{_dump(index.fields)},"fieldVectors":['
    )
    parts = Parts(index.inverted_index, parts_into) if parts_into is not None else None
    vectors = index.field_vectors
    for n, ref in enumerate(list(vectors)):
        # lunr's Vector.serialize rounds every element to 3 places; TermsBuilder's elements
        # are term numbers and scores rounded so already, which round() gives back unchanged.
        elements = vectors.pop(ref).elements
        stream.write(("," if n else "") + _dump([ref, elements]))
        if parts is not None:
            parts.add(ref, elements)
    stream.write('],"invertedIndex":[')
    postings = index.inverted_index
    for n, term in enumerate(sorted(postings)):
        stream.write(("," if n else "") + _dump([term, postings.pop(term)]))
    pipeline = index.pipeline.serialize()
    stream.write(f'],"pipeline":{_dump(pipeline)}}},"docs":')
    shown = {
        str(ref): {
            "title": d.title,
            "url": d.url,
            "section": d.section_label,
            "facet": d.section_key,
            "summary": d.summary,
            **({"lang": d.lang} if d.lang else {}),
        }
        for ref, d in enumerate(docs)
    }
    stream.write(_dump(shown))
    stream.write("}")
    if parts is not None:
        about = {"version": __TARGET_JS_VERSION__, "fields": index.fields, "pipeline": pipeline}
        parts.stage(lang, about, shown)


def _lunr_index(
    rows: list[dict],
    boosts: list[int],
    fields: list[tuple[str, int]],
    lang: str,
    memo: Memo,
    synonyms: Synonyms,
):
    """The lunr index of ``rows`` (a ``lunr.index.Index``), each row with its document boost
    and its fields' synonyms; the builder's term counts are freed first."""
    builder = TermsBuilder()  # the index pipeline runs in memo.terms
    builder.search_pipeline.add(*PIPELINES[lang].search)
    builder.ref("ref")
    for name, boost in fields:
        builder.field(name, boost=boost)
    for ref, row in enumerate(rows):
        builder.add_terms(
            str(ref),
            {
                name: synonyms.expand(memo.joined_terms(row[name]))
                if name in _EXPANDED
                else memo.joined_terms(row[name])
                for name, _ in fields
            },
            boost=boosts[ref],
        )
    index = builder.build()
    del builder  # its per-page term frequencies are in the field vectors now
    return index


def write_index(
    pages: list[StagedPage],
    lang: str,
    lang_root: Path,
    labels: dict[str, str],
    memo_file: Path | None = None,
    texts: dict[str, list[str]] | None = None,
    synonyms: Synonyms | None = None,
    parts_into: Path | None = None,
) -> Path:
    """Write ``search/<lang>.json`` under ``lang_root`` (compact, stable bytes), and stage its
    parts for the folder ``parts_into`` when given (core/search/parts.py ``swap_in`` puts them
    in place once the index is).

    ``pages`` may hold pages of another language (items not translated yet): only their title
    and keywords are indexed. ``memo_file`` keeps page texts and terms for the next build
    (core/search/memo.py); ``texts`` are page texts read already, by HTML hash
    (core/finish/pagescan.py); ``synonyms`` come from core/search/synonyms.py.
    """
    memo = Memo(lang, memo_file, texts)
    target = lang_root / index_path(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    with partial.open("w", encoding="utf-8") as stream:
        _write(
            stream,
            collect_docs(pages, lang_root, labels, memo),
            lang,
            memo,
            synonyms or Synonyms(lang),
            parts_into,
        )
    partial.replace(target)  # whole or not at all
    memo.save()
    return target
