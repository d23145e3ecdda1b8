"""Building the search indexes of a build: each language's from the search cache when its
pages did not change, else in worker processes beside the finish stage (core/pipeline.py)."""

from __future__ import annotations

import shutil
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from core import incremental, languages, search
from core.finish import pagescan
from core.pagefields import PageFields
from core import workers
from core.search import synonyms
from core.search.index import index_path
from core.search.parts import discard_staged, parts_dir, swap_in, write_parts
from core.section import Item
from core.site import Site
from core.staging import StagedPage

# One language's index to build: its cache, where it goes, and the arguments of _index_job but
# the last (light pages, lang, rendered pages, labels, memo file, page scans, synonyms).
_Args = tuple[list[StagedPage], str, Path, dict[str, str], Path, list[Path], synonyms.Synonyms]
_Job = tuple[incremental.SearchCache, Path, _Args]


class SearchIndexes:
    """Each language's search index: from the cache when its pages did not change, else built.

    Built indexes read the rendered pages from the render cache (the same HTML, never touched
    by the finish stage), so on a large site they are built in other processes while the finish
    stage goes on; :meth:`wait` puts them in place. ``defer`` (the preview) puts the last index
    built in place at once and leaves the real one to :meth:`after_publish`.
    """

    def __init__(
        self,
        site: Site,
        pages: dict[str, list[StagedPage]],
        rendered: dict[str, Path],
        site_dir: Path,
        out: Path,
        defer: bool = False,
        scans: dict[str, list[Path]] | None = None,
        parallel_from: int = 100,
    ):
        """``scans``: per language, the files of what the render read of the pages it wrote
        (core/finish/pagescan.py); a deferred index, built once they are gone, reads pages.
        With ``parallel_from`` pages or more, the indexes are built in worker processes."""
        self.todo: list[_Job] = []
        self.later: list[_Job] = []
        self.futures: list[Future[None]] = []
        self.pool: ProcessPoolExecutor | None = None
        items = _items_by_page(site)
        views = {
            lang: [_search_view(site, items, p) for p in pages[lang]]
            for lang in languages.LANGUAGES
        }
        for lang in languages.LANGUAGES:
            if not pages[lang]:
                continue
            light = views[lang] + _untranslated_items(views, lang)
            labels = {t.key: search.section_label(t, lang) for t in site.types}
            target = site_dir / languages.prefix(lang) / index_path(lang)
            words = synonyms.load(site.vocabularies, lang)
            cached = incremental.SearchCache(
                incremental.cache_root(out) / "search",
                lang,
                light,
                labels,
                rendered[lang],
                words.groups,
            )
            # A target that holds the cached index has its parts beside it: a built index is
            # cached only once its parts are in place (wait, after_publish), and a cached one
            # is put in place only after its parts (_restore).
            if cached.in_place(target) and parts_dir(target).is_dir():
                continue
            if cached.file.is_file():
                _restore(cached.file, target)
                continue
            job = (
                cached,
                target,
                (
                    light,
                    lang,
                    rendered[lang],
                    labels,
                    cached.memo_file,
                    (scans or {}).get(lang, []),
                    words,
                ),
            )
            if defer and target.is_file() and parts_dir(target).is_dir():
                # An update in place: the served tree's index stays until the new one is built.
                self.later.append((cached, target, (*job[2][:5], [], words)))
            elif defer and (latest := cached.latest()) is not None:
                _restore(latest, target)
                self.later.append((cached, target, (*job[2][:5], [], words)))
            else:
                self.todo.append(job)
        if sum(len(job[2][0]) for job in self.todo) >= parallel_from:
            self.pool = workers.pool(len(self.todo))
            self.futures = [self.pool.submit(_index_job, *job[2], job[1]) for job in self.todo]

    def wait(self) -> None:
        """Every index not deferred is in place (and in the cache) when this returns."""
        if self.pool is not None:
            for future in self.futures:
                future.result()
        else:
            for _, target, args in self.todo:
                _index_job(*args, target)
        for cached, target, _ in self.todo:
            cached.save(target)

    def close(self) -> None:
        """Stop the workers (a failed build must not leave them running)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def after_publish(self, out: Path) -> None:
        """The preview: build the deferred indexes into the published tree."""
        for cached, _, args in self.later:
            target = out / languages.prefix(args[1]) / index_path(args[1])
            _index_job(*args, target)
            cached.save(target)


def _restore(index_file: Path, target: Path) -> None:
    """A cached index at ``target``, its parts first: a failure in between leaves the new parts
    beside an index that is not the cached one, which the next build puts in place again."""
    write_parts(index_file, parts_dir(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(index_file, target)


def _items_by_page(site: Site) -> dict[tuple[str, str], Item]:
    """(lang, doc path) -> the item whose own page that is (``Site.doc_path``), for every
    item but a section's landing (a cover or entry page that introduces and lists the
    section is an overview, whatever file it comes from)."""
    landings = {
        (lang, landing.doc_path)
        for lang in languages.LANGUAGES
        for s in site.sections
        if (landing := s.landing(site, lang)) is not None
    }
    found: dict[tuple[str, str], Item] = {}
    for item in site.all_items():
        for lang in item.versions:
            doc = site.doc_path(item, lang)
            if doc is None:  # no page of its own (a quote, shown where it is placed)
                continue
            if (lang, doc) not in landings:
                found[(lang, doc)] = item
    return found


def _search_view(site: Site, items: dict[tuple[str, str], Item], page: StagedPage) -> StagedPage:
    """What the index reads of a page, without body and source (cheap to hand to a worker),
    with its item's keywords (after the page's own) and whether it is an item's own page.

    The one ranking rule (core/search/index.py ITEM_BOOST) is decided here, for every section
    alike: the page an item's section stages for it is that item's page; every other page
    (listings, overviews, landings, printable extras) is not.
    """
    item = items.get((page.lang, page.doc_path))
    keywords = tuple(item.versions[page.lang].values.get("keywords") or ()) if item else ()
    # A generated page may bring keywords of its own (the Kompas instruments overview).
    return replace(
        page,
        body="",
        source=None,
        fields=PageFields(),
        search_keywords=page.search_keywords + keywords,
        search_item=item is not None,
    )


def _untranslated_items(views: dict[str, list[StagedPage]], lang: str) -> list[StagedPage]:
    """Item pages of the other languages that ``lang`` has no version of: its index finds them
    by title and keywords, and the results say which language they are in."""
    have = {p.key for p in views[lang]}
    return [
        p
        for other in languages.LANGUAGES
        if other != lang
        for p in views[other]
        if p.search_item and p.searchable and p.key not in have
    ]


def _index_job(
    light: list[StagedPage],
    lang: str,
    rendered: Path,
    labels: dict[str, str],
    memo_file: Path,
    scans: list[Path],
    words: synonyms.Synonyms,
    target: Path,
) -> None:
    """Build one language's index from the rendered pages in ``rendered`` into ``target``.

    ``memo_file`` keeps the pages' texts and terms for the next build (core/search/memo.py);
    ``scans`` hold the texts of the pages the render read already (core/finish/pagescan.py);
    ``words`` are the language's synonyms (core/search/synonyms.py).
    """
    parts = parts_dir(target)
    try:
        built = search.write_index(
            light, lang, rendered, labels, memo_file, pagescan.texts(scans), words, parts
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(built, target)
        # The parts (what the browser fetches, core/search/parts.py) last: a failure in
        # between leaves an index the search cache does not hold (it is saved after this),
        # which the next build makes again.
        swap_in(parts)
    finally:
        discard_staged(parts)  # after a failure: nothing half-made left in the served tree
