"""The one build driver: ``build.py build`` runs it once, ``build.py serve`` on every save.

A :class:`SiteBuild` runs the stages of core/pipeline.py with a change set: what changed in its
inputs since its last successful run.

- Its first run (and every run whose changes an update cannot take in place) is the whole
  build: load, validate, generate, stage, render what the render cache lacks, finish, and
  swap the finished tree into place (core/pipeline.py ``build``). A publish build is only this.
- A driver that keeps its state (``serve``) holds what that build made: the parsed content
  files (core/site.py ``ParseMemo``), every page's staged text (core/stagecache.py) and what
  the served tree holds (core/inplace.py ``ServedTree``). When only Markdown/YAML files of the
  content changed, it loads and validates the whole content again (parsing only the edited
  files), generates and stages every page (again only those whose own data changed), and
  updates the served tree in place: it renders, checks and writes only the pages whose text
  changed (core/inplace.py), then the search index.

Anything else is a whole build: the theme, mkdocs.yml, code or date changed, a file was added
or removed, is not Markdown/YAML or is published as it is (linked from a page), the set of
pages, the navigation, the theme's ``extra`` or the images a page uses changed, or the last
build failed while rendering. A build that fails on content (or on the link check of the pages
it rendered) keeps the state of the last good one, so the fix is fast again.
"""

from __future__ import annotations

import hashlib
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Literal

from core import incremental, inplace, pipeline, workers
from core.changes import ChangeSet, FileStamp, scan_content
from core.context import BuildContext
from core.errors import BuildError, ContentError
from core.generate import generate
from core.i18n import _
from core.port import Renderer
from core.section import Section
from core.site import ParseMemo, load_site
from core.stagecache import StageCache

# What a run did: built the whole site, updated the served tree in place, or found nothing
# changed since the last run.
Outcome = Literal["full", "fast", "unchanged"]


@dataclass
class _Kept:
    """What the driver keeps of its last successful run."""

    files: dict[str, FileStamp]
    inputs: str  # config, theme, code and date
    code: str  # the code and the theme (the render key's part of the inputs)
    tree: inplace.ServedTree


class SiteBuild:
    """Builds the site from ``content_dir`` into ``out``, again on every :meth:`run`."""

    def __init__(
        self,
        content_dir: Path,
        out: Path,
        today: date | Callable[[], date],
        config_file: Path,
        sections: list[Section],
        *,
        preview: bool = False,
        keep_state: bool = False,
        index_later: bool = False,
        renderer: Renderer | None = None,
    ):
        """``today`` is the build date, or a function giving it (``serve`` passes
        ``date.today``, so a preview left running past midnight shows the new day).

        ``preview``: the served tree of ``serve`` (no security policy inside the pages; the
        server adds its live-reload script). ``keep_state``: keep what each run made, so the
        next run updates in place what it can. ``index_later`` (``serve``): an update in place
        returns once its pages are written, so the live-reload server reloads the browser
        then, and the search index (seconds on a large site) is brought up to date in a
        thread; the next run waits for it (:meth:`wait`). ``renderer``: the site's (MkDocs,
        core/adapters/) unless another is given (tests prove the port).
        """
        self.content_dir, self.out = content_dir, out
        self._today = today if callable(today) else (lambda: today)
        self.today = self._today()
        self.config_file, self.sections = config_file, sections
        self.preview, self.keep_state, self.index_later = preview, keep_state, index_later
        self.renderer = renderer
        self._context: BuildContext | None = None
        self.kept: _Kept | None = None
        self.stage_cache = StageCache()
        self.memo = ParseMemo()  # parsed content files, by their bytes
        self.last: Outcome | None = None  # what the last run did (tests, bench)
        self.timings: dict[str, float] = {}  # the stages of the last update in place
        self._indexing: threading.Thread | None = None
        self._pool: ProcessPoolExecutor | None = None

    # ---- entry point ---------------------------------------------------------------------

    def run(self) -> Outcome:
        """Bring ``out`` up to date with the inputs (raises the build's errors)."""
        self.wait()
        self.today = self._today()  # a new day changes the inputs: a whole build
        if self._context is not None and self._context.today != self.today:
            self._context = None
        if self.kept is not None:
            clock = _Clock()
            changes = self.changes()
            clock.lap("scan")
            reason = changes.whole_build_reason(
                set().union(*(s.used for s in self.kept.tree.staged.values()))
            )
            try:
                if changes.empty:
                    self.kept.files = changes.files
                    self.last = "unchanged"
                    return self.last
                if reason is not None:
                    raise inplace.WholeBuild(reason)
                self._update_in_place(changes, clock)
                self.last = "fast"
                return self.last
            except inplace.WholeBuild as why:
                print(_("serve: full build ({reason})", reason=why), file=sys.stderr, flush=True)
        self._whole()
        return self.last or "full"

    def changes(self) -> ChangeSet:
        """The content files and inputs now, against the last successful run's."""
        known = self.kept.files if self.kept else {}
        files = scan_content(self.content_dir, known)
        return ChangeSet(
            files=files,
            changed=tuple(
                rel for rel in files if rel in known and files[rel].digest != known[rel].digest
            ),
            added_or_removed=tuple(sorted(set(files) ^ set(known))),
            inputs_changed=self.kept is None or self._inputs() != self.kept.inputs,
        )

    def wait(self) -> None:
        """Wait until the search index of the last update in place is written."""
        if self._indexing is not None:
            self._indexing.join()
            self._indexing = None

    def close(self) -> None:
        """Stop the driver's worker process (and wait for a search index being written)."""
        self.wait()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    # ---- the whole build -----------------------------------------------------------------

    def _whole(self) -> None:
        last_good, self.kept = self.kept, None
        # Every page staged afresh: what takes a whole build (a page moved, an image
        # replaced, a translation added) changes texts whose own data did not change.
        self.stage_cache = StageCache()
        self._context = None  # the configuration may be what changed
        # The inputs as they are before the build reads them: a change made meanwhile is
        # seen by the next run.
        files = scan_content(self.content_dir, {}) if self.keep_state else {}
        inputs = self._inputs() if self.keep_state else ""
        context = self.context()
        try:
            built = pipeline.build(
                context,
                self.content_dir,
                self.out,
                self.sections,
                self.memo if self.keep_state else None,
                self.stage_cache if self.keep_state else None,
            )
        except ContentError:
            # The pipeline stops on content problems before it writes anything (the served
            # tree and the render cache are still those of the last good build): keep that
            # build's state, so the fix is an update in place when it can be (a reverted
            # image, a removed stray file) instead of a second whole build.
            self.kept = last_good
            raise
        if built is None:
            self.last = "unchanged"
            if not self.keep_state:
                return
            # Nothing changed since the tree was built: stage it in memory once.
            site, problems = load_site(
                self.content_dir, self.sections, self.today, self.memo, self.config_file
            )
            problems.raise_if_any()
            pages, cards = generate(site, context.config)
            code = incremental.code_and_theme(context.theme_dir, site.sections)
            staged = pipeline.stage(context, site, pages, self.stage_cache, code)
            built = pipeline.Built(site, pages, cards, staged, code)
        else:
            self.last = "full"
        if self.keep_state:
            tree = inplace.ServedTree.after(built, self.out)
            self.kept = _Kept(files, inputs, built.inputs, tree)

    # ---- the update in place -------------------------------------------------------------

    def _update_in_place(self, changes: ChangeSet, clock: _Clock) -> None:
        kept = self.kept
        assert kept is not None, "an update in place changes a served tree"
        incremental.forget_stamp(self.out)
        # Load and validate everything: the same checks and messages as the whole build.
        # Nothing is written before this succeeds, so the state stays that of the served tree.
        site, problems = load_site(
            self.content_dir, self.sections, self.today, self.memo, self.config_file
        )
        problems.raise_if_any()
        clock.lap("load")
        context = self.context()
        pages, cards = generate(site, context.config)
        clock.lap("generate")
        staged = pipeline.stage(context, site, pages, self.stage_cache, kept.code)
        edits = inplace.changed_docs(kept.tree, site, pages, staged, self.stage_cache)
        clock.lap("stage")
        # From here on the render cache changes: a failure while rendering means a whole
        # build next time (the cache lost its key, core/incremental.py RenderCache).
        self.kept = None
        written = inplace.render_changed(
            context, site, pages, edits, self.out, kept.code, self._worker()
        )
        clock.lap("render")
        try:
            parsed = inplace.check_links(kept.tree, written, site.site_url)
        except BuildError:
            # The render cache holds the changed pages, the served tree the last good ones:
            # keep the state with those pages marked stale, so that the fix renders them
            # again in place (whatever its text) and serves the same bytes as a whole build.
            kept.tree.mark_stale(edits)
            self.kept = kept
            raise
        clock.lap("links")
        inplace.write_changes(kept.tree, context, site, pages, cards, written, parsed, self.out)
        clock.lap("write")
        for lang, docs in edits.items():
            kept.tree.staged[lang].docs.update(docs)
        kept.files = changes.files
        self.kept = kept
        self.timings = clock.laps
        print(
            _(
                "serve: fast update of {count} pages in {seconds} s ({stages})",
                count=sum(map(len, edits.values())),
                seconds=f"{clock.total():.2f}",
                stages=clock,
            ),
            file=sys.stderr,
            flush=True,
        )
        # Then, as the whole preview build does, the search index (the last one is served
        # meanwhile).
        if self.index_later:
            self._indexing = threading.Thread(
                target=self._index,
                args=(site, pages, changes.files, kept.inputs),
                name="search-index",
                daemon=True,
            )
            self._indexing.start()
        else:
            self._index(site, pages, changes.files, kept.inputs)

    def _index(self, site, pages, files: dict[str, FileStamp], inputs: str) -> None:
        """The search index of an update in place; then the tree is complete: its stamp is
        saved (so the next start of ``serve`` finds nothing to do) when the inputs are still
        those of the update (``files``, ``inputs``): a save made while the index was written
        is not in the served tree yet."""
        try:
            inplace.write_index(site, pages, self.out)
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
        # The stamp first, then the look: a save after the look leaves an older stamp behind,
        # which only costs the next start a build.
        stamp = pipeline.build_stamp(self.context(), self.content_dir, self.sections)
        if scan_content(self.content_dir, files) == files and self._inputs() == inputs:
            incremental.save_stamp(self.out, stamp)
        if self.index_later:
            print(_("serve: search index updated"), file=sys.stderr, flush=True)

    def _worker(self) -> ProcessPoolExecutor:
        """One worker process for the renders in place, started at the first that needs it
        (it keeps MkDocs imported and the templates compiled between edits)."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=workers.context())
        return self._pool

    # ---- inputs --------------------------------------------------------------------------

    def context(self) -> BuildContext:
        """This run's context: the configuration read once per run (a changed one is a new
        input, which takes the whole build), the date and the mode."""
        if self._context is None:
            self._context = BuildContext.load(
                self.config_file, self.today, self.preview, self.renderer
            )
        return self._context

    def _inputs(self) -> str:
        """The hash of what, besides the content, every page depends on."""
        theme_dir = self.context().theme_dir
        hasher = hashlib.sha256(incremental.code_and_theme(theme_dir, self.sections).encode())
        hasher.update(self.config_file.read_bytes())
        hasher.update(self.today.isoformat().encode())
        return hasher.hexdigest()


class _Clock:
    """Seconds per stage of an update in place (printed by ``serve``, read by the benchmark)."""

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
