"""The preview's fast path: after an edit of a few content files, update the served tree in place.

``build.py serve`` keeps one :class:`PreviewSession`. Its first build (and any build it cannot
do quickly) is the full pipeline (core/pipeline.py ``build``), unchanged. The session then keeps
what that build staged: every page's Markdown, the share cards, the sitemap, the files sections
publish, and the ids and links of every served page. When only Markdown/YAML files under the
content dir changed since then, the session

1. loads and validates the whole content again (the same checks, the same messages), parsing
   only the edited files (core/site.py ``ParseMemo``); every check across files runs again,
   since an edit can break a reference in any other file,
2. generates every page in memory and compares its Markdown with the last build's: the pages
   whose text changed are exactly the pages that depend on the edit (listings, backlinks,
   the language switch, the other language's page),
3. renders only those with MkDocs' dirty build in the render cache (strict, as the full build),
4. checks the links of the changed pages (and of every page linking to an ``id`` a changed page
   no longer has), and only then
5. writes the changed pages, cards, sitemap, section files and ``_headers`` into the served tree,
   and brings the search index up to date afterwards (as the full preview does); under
   ``serve`` in a thread, so the browser reloads as soon as the pages are written.

Anything else falls back to the full pipeline: the theme, mkdocs.yml, code or date changed, a
file was added or removed, is not Markdown/YAML or is published as it is (linked from a page), the set of pages, the navigation, the theme's
``extra`` or the images a page uses changed, or the last build failed while rendering. A build
that fails on content (or on the link check of the pages it rendered) keeps the state of the
last good one, so the fix is fast again.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

from core import contentfiles, embeds, incremental, languages
from core import pipeline
from core.i18n import _
from core.errors import BuildError, ContentError, Problems
from core.files import tree_files
from core.finish.linkcheck import check_pages, load_parse_cache, parse_page, parsed_page
from core.finish.security import check_no_inline_code, write_headers
from core.finish.sitemap import write_sitemap
from core import workers
from core.images.cards import publish_cards
from core.context import BuildContext
from core.shares import render_job
from core.search.jobs import SearchIndexes
from core.section import Section
from core.site import ParseMemo, Site, load_site
from core.staging import IMAGE_SUFFIXES, StagedPage, staged_text

CONTENT_SUFFIXES = (".md", ".yml", ".yaml")
# The staged text of a page the render cache holds in a version the served tree does not (a
# fast update that failed its link check): equal to no page's text, so it is rendered again.
_STALE = "\0stale"


class Fallback(Exception):
    """The change is not one the fast path handles: build everything."""


@dataclass
class _State:
    """What the last successful build made, as the fast path compares and updates it."""

    files: dict[str, tuple[int, int, str]]  # content rel -> (mtime_ns, size, sha256)
    inputs: str  # config, theme, code and date
    docs: dict[str, dict[str, str]]  # lang -> doc path -> staged Markdown
    used: dict[str, set[str]]  # lang -> content files the pages use
    render_keys: dict[str, str]  # lang -> render cache key (config, nav, extra, theme, code)
    images: frozenset[str]
    cards: dict[str, object]  # card path -> Card
    sitemap: list[dict]
    extra_files: dict[str, bytes]
    pages: dict = field(default_factory=dict)  # served page rel -> parsed ids and links
    served: set[str] = field(default_factory=set)  # every file of the served tree


class PreviewSession:
    """The preview's builds: the full pipeline first, then in-place updates where possible."""

    def __init__(
        self,
        content_dir: Path,
        out: Path,
        today: date | Callable[[], date],
        config_file: Path,
        sections: list[Section],
        index_later: bool = False,
    ):
        """``today`` is the build date, or a function giving it (``serve`` passes
        ``date.today``, so a preview left running past midnight shows the new day).

        ``index_later`` (``serve``): a fast update returns once its pages are written, so the
        live-reload server reloads the browser then, and the search index (seconds on a large
        site) is brought up to date in a thread; the next build waits for it (:meth:`wait`).
        """
        self.content_dir, self.out = content_dir, out
        self._today = today if callable(today) else (lambda: today)
        self.today = self._today()
        self.config_file, self.sections = config_file, sections
        self._code_cache: str | None = None
        self._build_context: BuildContext | None = None
        self.state: _State | None = None
        self.staging = _StageCache()
        self.memo = ParseMemo()  # parsed content files, by their bytes
        self.last = "none"  # "full", "fast" or "unchanged": what the last build did (tests, bench)
        self.timings: dict[str, float] = {}  # the phases of the last fast update, in seconds
        self.index_later = index_later
        self._indexing: threading.Thread | None = None
        self._pool: ProcessPoolExecutor | None = None

    # ---- entry point ---------------------------------------------------------------------

    def build(self) -> None:
        """Bring the served tree up to date with the content (raises the build's errors)."""
        self.wait()
        self.today = self._today()  # a new day changes the inputs: a full build
        if self.state is not None:
            try:
                if self._fast():
                    return
            except Fallback as why:
                print(_("serve: full build ({reason})", reason=why), file=sys.stderr, flush=True)
        self._full()

    def wait(self) -> None:
        """Wait until the search index of the last fast update is written (``index_later``)."""
        if self._indexing is not None:
            self._indexing.join()
            self._indexing = None

    # ---- the full path -------------------------------------------------------------------

    def _full(self) -> None:
        last_good, self.state = self.state, None
        self._code_cache = None  # the theme or code may be what changed
        self._build_context = None  # and so may the configuration
        files = _scan(self.content_dir, {})
        inputs = self._inputs()
        recorded = []
        try:
            site = pipeline.build(
                self.content_dir,
                self.out,
                self.today,
                self.config_file,
                self.sections,
                preview=True,
                staged=lambda *args: recorded.append(args),
            )
        except ContentError:
            # The pipeline stops on content problems before it writes anything (the served
            # tree and the render cache are still those of the last good build): keep that
            # build's state, so the fix takes the fast path when it can (a reverted image, a
            # removed stray file) instead of a second full build.
            self.state = last_good
            raise
        if site is None:  # nothing changed since the tree was built: stage it in memory once
            site, problems = load_site(
                self.content_dir, self.sections, self.today, self.memo, self.config_file
            )
            problems.raise_if_any()
            pages, cards = pipeline.generate(site, self._context().config)
            recorded.append((site, pages, cards))
        else:  # the pipeline parsed the files: parse them once more into the memo
            load_site(self.content_dir, self.sections, self.today, self.memo, self.config_file)
        self.last = "full"
        site, pages, cards = recorded[0]
        self.state = self._record(files, inputs, site, pages, cards)
        self._index_served(self.state)

    def _record(self, files, inputs, site: Site, pages, cards) -> _State:
        context = self._context()
        docs, used, keys = {}, {}, {}
        for lang in languages.LANGUAGES:
            docs[lang], used[lang] = self.staging.stage(site, pages[lang])
            keys[lang] = self._render_key(context, site, pages, lang) if pages[lang] else ""
        return _State(
            files=files,
            inputs=inputs,
            docs=docs,
            used=used,
            render_keys=keys,
            images=site.images.used | _images_in(used),
            cards={c.path: c for c in cards},
            sitemap=pipeline.sitemap_entries(pages, site.site_url),
            extra_files=_extra_files(site),
        )

    def _index_served(self, state: _State) -> None:
        """Parse every served page once (ids and links) for the fast link check."""
        parsed = load_parse_cache(incremental.cache_root(self.out) / "links.json")
        for rel in tree_files(self.out):
            state.served.add(rel)
            if rel.endswith(".html"):
                data = (self.out / rel).read_bytes()
                state.pages[rel] = parsed_page(data, parsed, name=rel)

    # ---- the fast path -------------------------------------------------------------------

    def _fast(self) -> bool:
        """Update the served tree in place; ``False`` when nothing changed at all."""
        state = self.state
        assert state is not None, "the fast path updates a served tree"  # update() checks it
        clock = _Clock()
        if self._inputs() != state.inputs:
            raise Fallback(_("the theme, mkdocs.yml, the code or the date changed"))
        files = _scan(self.content_dir, state.files)
        if set(files) != set(state.files):
            raise Fallback(_("a content file was added or removed"))
        changed = sorted(rel for rel in files if files[rel][2] != state.files[rel][2])
        if not changed:
            state.files = files
            self.last = "unchanged"
            return True
        if any(not rel.endswith(CONTENT_SUFFIXES) for rel in changed):
            raise Fallback(_("a file other than Markdown or YAML changed"))
        if set(changed) & set().union(*state.used.values()):
            raise Fallback(_("a file the pages link to changed"))  # published as it is: copy it
        clock.lap("scan")
        incremental.forget_stamp(self.out)
        # Load and validate everything: the same checks and messages as the full build. Nothing
        # is written before this succeeds, so the state stays that of the served tree.
        site, problems = load_site(
            self.content_dir, self.sections, self.today, self.memo, self.config_file
        )
        problems.raise_if_any()
        clock.lap("load")
        context = self._context()
        pages, cards = pipeline.generate(site, context.config)
        clock.lap("generate")
        changes: dict[str, dict[str, str]] = {}
        for lang in languages.LANGUAGES:
            docs, used = self.staging.stage(site, pages[lang])
            if set(docs) != set(state.docs[lang]):
                raise Fallback(_("pages were added or removed"))
            if used != state.used[lang]:
                raise Fallback(_("the files the pages link to changed"))
            key = self._render_key(context, site, pages, lang) if pages[lang] else ""
            if key != state.render_keys[lang]:
                raise Fallback(_("the navigation or the theme's texts changed"))
            changes[lang] = {
                doc: text for doc, text in docs.items() if text != state.docs[lang][doc]
            }
        # Shown images, and linked ones (the full build's staging marks those as used too).
        if (
            site.images.used | self.staging.images(site, pages) | _images_in(state.used)
            != state.images
        ):
            raise Fallback(_("the images the pages show changed"))
        clock.lap("stage")
        # From here on the render cache changes: a failure while rendering means a full build
        # next time (the cache lost its key, core/incremental.py RenderCache).
        self.state = None
        written = self._render(context, site, pages, changes)
        clock.lap("render")
        try:
            served = self._check_links(state, written, site.site_url)
        except BuildError:
            # The render cache holds the changed pages, the served tree the last good ones:
            # keep the state and mark those pages stale, so that the fix renders them again
            # on the fast path (whatever its text) and serves the same bytes as a full build.
            for lang, docs in changes.items():
                state.docs[lang].update(dict.fromkeys(docs, _STALE))
            self.state = state
            raise
        clock.lap("links")
        self._write(state, site, pages, cards, written, served)
        clock.lap("write")
        for lang, docs in changes.items():
            state.docs[lang].update(docs)
        state.files = files
        self.state = state
        self.last = "fast"
        self.timings = clock.laps
        print(
            _(
                "serve: fast update of {count} pages in {seconds} s ({stages})",
                count=sum(map(len, changes.values())),
                seconds=f"{clock.total():.2f}",
                stages=clock,
            ),
            file=sys.stderr,
            flush=True,
        )
        # Then, as the full preview does, the search index (the last one is served meanwhile).
        if self.index_later:
            self._indexing = threading.Thread(
                target=self._index, args=(site, pages), name="search-index", daemon=True
            )
            self._indexing.start()
        else:
            self._index(site, pages)
        return True

    def _index(self, site: Site, pages) -> None:
        """The search index of a fast update; then the tree is complete (its stamp is saved)."""
        try:
            pipeline_indexes(site, pages, self.out)
        except Exception as exc:  # in the serve thread nobody else would hear of it
            if not self.index_later:
                raise
            # The stamp is not saved: the next start of ``serve`` builds everything again.
            print(
                _("serve: the search index could not be updated: {reason}", reason=exc),
                file=sys.stderr,
                flush=True,
            )
            return
        incremental.save_stamp(self.out, self._stamp())
        if self.index_later:
            print(_("serve: search index updated"), file=sys.stderr, flush=True)

    def _render(self, context: BuildContext, site: Site, pages, changes) -> dict[str, bytes]:
        """Render the changed pages in the render cache; returns served rel -> new bytes."""
        renders = []
        for lang, docs in changes.items():
            if not docs:
                continue
            cache = incremental.RenderCache(
                incremental.cache_root(self.out) / "render" / lang,
                self._render_key(context, site, pages, lang),
            )
            if not cache.warm:
                raise Fallback(_("the render cache is empty"))
            # What a dirty build can write: the changed pages, and the theme's pages at the
            # root (404.html); static files are rewritten only when newer, and a theme or
            # linked-file change never takes this path. Looking only there saves listing a tree
            # of thousands of files twice.
            renderer = context.render_with()
            candidates = [renderer.page_file(doc, context) for doc in docs]
            before = _mtimes(cache.site, candidates)
            for doc, text in docs.items():
                (cache.docs / doc).write_text(text, encoding="utf-8")
            job = replace(
                pipeline.render_job(
                    context, site, pages, lang, cache, self._code_and_theme(context.theme_dir)
                ),
                dirty=True,
                scan=False,
            )
            renders.append((lang, cache, candidates, before, job))
        # An edit often changes pages of both languages (an English listing shows a Dutch
        # story's title): the second language renders in the session's worker meanwhile.
        others = [self._worker().submit(render_job, job) for *_rest, job in renders[1:]]
        try:
            for *_rest, job in renders[:1]:
                render_job(job)
        finally:
            for future in others:
                future.result()
        written: dict[str, bytes] = {}
        for lang, cache, candidates, before, _job in renders:
            cache.done()
            after = _mtimes(cache.site, candidates)
            prefix = languages.prefix(lang)
            for rel, stamp in after.items():
                # MkDocs' own sitemaps never reach the served tree: the finish stage's does.
                if before.get(rel) != stamp and not rel.rpartition("/")[2].startswith(
                    "sitemap.xml"
                ):
                    written[prefix + rel] = (cache.site / rel).read_bytes()
        return written

    def _worker(self) -> ProcessPoolExecutor:
        """One worker process for the session's renders, started at the first that needs it
        (it keeps MkDocs imported and the templates compiled between edits)."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=workers.context())
        return self._pool

    def close(self) -> None:
        """Stop the session's worker process (and wait for a search index being written)."""
        self.wait()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def _check_links(self, state: _State, written: dict[str, bytes], site_url: str) -> dict:
        """The link check of the full build, limited to what the changed pages affect."""
        pages = dict(state.pages)
        html = set()
        for rel, data in written.items():
            if rel not in state.served:
                raise Fallback(_("the render wrote a new file {file}", file=rel))
            if rel.endswith(".html"):
                pages[rel] = parse_page(data, rel)
                html.add(rel)
        # The links of the changed pages, and every link to an id a changed page no longer has
        # (the set of files is the same, so no other link can break).
        lost = set().union(*(state.pages[rel].ids - pages[rel].ids for rel in html))
        check = set(html)
        if lost:
            check |= {
                rel
                for rel, found in pages.items()
                if any(
                    "#" in url and unquote(url.partition("#")[2]) in lost
                    for _tag, url in found.links
                )
            }
        broken = check_pages(pages, state.served, site_url, check)
        if broken:
            raise BuildError(
                "broken links in the built site:\n" + "\n".join(f"  {b}" for b in broken)
            )
        return pages

    def _write(self, state: _State, site: Site, pages, cards, written, parsed) -> None:
        """Put the new files into the served tree and remember them."""
        out = self.out
        # What the render wrote, before anything is served: the full build's check that no
        # page holds code the policy would have to allow (the server adds its script later).
        check_no_inline_code({rel: data for rel, data in written.items() if rel.endswith(".html")})
        for rel, data in sorted(written.items()):
            (out / rel).write_bytes(data)
            if rel.endswith(".html"):
                state.pages[rel] = parsed[rel]
        new_cards = {c.path: c for c in cards}
        icon = pipeline._icon_source(self.config_file, self._context().config)
        for path, card in sorted(new_cards.items()):
            if state.cards.get(path) != card:
                publish_cards([card], icon, out)  # one at a time: no worker processes
        state.cards = new_cards
        sitemap = pipeline.sitemap_entries(pages, site.site_url)
        if sitemap != state.sitemap:
            write_sitemap(out, sitemap)
            state.sitemap = sitemap
        extra = _extra_files(site)
        for rel in sorted(set(state.extra_files) - set(extra)):
            (out / rel).unlink(missing_ok=True)
            state.served.discard(rel)
        for rel, data in sorted(extra.items()):
            if state.extra_files.get(rel) != data:
                (out / rel).parent.mkdir(parents=True, exist_ok=True)
                (out / rel).write_bytes(data)
                state.served.add(rel)
        state.extra_files = extra
        write_headers(out)

    # ---- inputs --------------------------------------------------------------------------

    def _inputs(self) -> str:
        theme_dir = self._context().theme_dir
        hasher = hashlib.sha256(incremental.code_and_theme(theme_dir, self.sections).encode())
        hasher.update(self.config_file.read_bytes())
        hasher.update(self.today.isoformat().encode())
        return hasher.hexdigest()

    def _context(self) -> BuildContext:
        """This build's context (the configuration is read again: a changed one is a new
        input, which takes the full build)."""
        if self._build_context is None or self._build_context.today != self.today:
            self._build_context = BuildContext.load(self.config_file, self.today, preview=True)
        return self._build_context

    def _render_key(self, context: BuildContext, site: Site, pages, lang: str) -> str:
        return pipeline.render_key(
            context, site, pages, lang, self._code_and_theme(context.theme_dir)
        )

    def _code_and_theme(self, theme_dir: Path) -> str:
        # The same value until the next full build (any theme or code change takes one).
        if self._code_cache is None:
            self._code_cache = incremental.code_and_theme(theme_dir, self.sections)
        return self._code_cache

    def _stamp(self) -> str:
        return pipeline.build_stamp(self._context(), self.content_dir, self.sections)


def pipeline_indexes(site: Site, pages, out: Path) -> None:
    """The search index of each language, from the render cache, into the served tree.

    The last index stays in place until the new one is written (as in the full preview).
    """
    rendered = {
        lang: incremental.cache_root(out) / "render" / lang / "site"
        for lang in languages.LANGUAGES
        if pages[lang]
    }
    indexes = SearchIndexes(
        site, pages, rendered, out, out, defer=True, parallel_from=pipeline.PARALLEL_MIN_PAGES
    )
    try:
        indexes.wait()
    finally:
        indexes.close()
    indexes.after_publish(out)


class _StageCache:
    """Each page's staged Markdown, reused while the page's own data is the same.

    What else a page's text depends on (the addresses of the items it links to, the images it
    shows) changes only with a file added or removed, a slug changed (a page moves) or an
    image changed, and each of those makes the fast path fall back to the full build.
    The images each page shows are kept with it: the images the full build would publish are
    those the load and generate stages use, plus these, plus the linked ones.
    """

    def __init__(self):
        self.entries: dict[tuple[str, str], tuple[tuple, str, set[str], frozenset[str]]] = {}

    def stage(self, site: Site, pages: list[StagedPage]) -> tuple[dict[str, str], set[str]]:
        """Every page's staged text by doc path, and the content files they use."""
        docs, used = {}, set()
        for page in pages:
            # Quotes placed with '[[quote: slug]]' are part of the text: an edited quote
            # stages every page that places it again.
            key = (_page_key(page), embeds.placed(site, page.body, page.lang))
            entry = self.entries.get((page.lang, page.doc_path))
            if entry is None or entry[0] != key:
                with site.images.recording() as shown:
                    text, files = staged_text(page, site)
                entry = self.entries[(page.lang, page.doc_path)] = (
                    key,
                    text,
                    files,
                    frozenset(shown),
                )
            docs[page.doc_path] = entry[1]
            used |= entry[2]
        return docs, used

    def images(self, site: Site, pages) -> frozenset[str]:
        """The images staging ``pages`` shows (the entries of the last :meth:`stage`)."""
        return frozenset(
            rel
            for lang in languages.LANGUAGES
            for page in pages[lang]
            for rel in self.entries[(page.lang, page.doc_path)][3]
        )


def _page_key(page: StagedPage) -> tuple:
    """All of a page's own data that its staged text is made from (compared by value; every
    generate makes new pages, and nothing changes a page once it is staged)."""
    return (
        page.title,
        page.description,
        page.body,
        page.fields,
        page.source.rel if page.source else None,
    )


def _images_in(used: dict[str, set[str]]) -> frozenset[str]:
    return frozenset(
        rel for files in used.values() for rel in files if rel.lower().endswith(IMAGE_SUFFIXES)
    )


def _extra_files(site: Site) -> dict[str, bytes]:
    return {rel: data for section in site.sections for rel, data in section.extra_files(site)}


def _mtimes(root: Path, pages: list[str]) -> dict[str, int]:
    """Modification times of ``pages`` and of the files at ``root``'s top (absent: none)."""
    stamps = {entry.name: entry.stat().st_mtime_ns for entry in os.scandir(root) if entry.is_file()}
    for rel in pages:
        try:
            stamps[rel] = os.stat(root / rel).st_mtime_ns
        except FileNotFoundError:
            pass
    return stamps


def _scan(content_dir: Path, known: dict) -> dict[str, tuple[int, int, str]]:
    """Every content file with its time stamp, size and hash (hashing only what looks changed).

    The files are those the build reads (core/contentfiles.py): what it refuses (a pipe, a link
    out of the content folder) is stamped by its path only, never opened; the build says why.
    """
    files = contentfiles.ContentFiles(content_dir, Problems())
    found = {}
    for rel in files.refused:
        stat = os.lstat(content_dir / rel)
        found[rel] = (stat.st_mtime_ns, stat.st_size, "refused")
    for file in files.files:
        stat = file.path.stat()
        old = known.get(file.rel)
        if old is not None and old[0] == stat.st_mtime_ns and old[1] == stat.st_size:
            found[file.rel] = old
        else:
            found[file.rel] = (
                stat.st_mtime_ns,
                stat.st_size,
                hashlib.sha256(file.path.read_bytes()).hexdigest(),
            )
    return dict(sorted(found.items()))


class _Clock:
    """Seconds per phase of a fast update (printed by ``serve``, read by the benchmark)."""

    def __init__(self):
        self.start = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self.last
        self.last = now

    def total(self) -> float:
        return self.last - self.start

    def __str__(self) -> str:
        return ", ".join(f"{name} {seconds:.2f}" for name, seconds in self.laps.items())
