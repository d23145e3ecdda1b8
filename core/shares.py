"""Stage render on every core: the changed pages cut into one share per worker process.

MkDocs renders one page after another, on one core. A build with much to render cuts the
changed pages of all languages, in order, into one run per core of about equal Markdown; each
worker process renders its run, one or two languages' shares, as a MkDocs dirty build that
writes only those pages (``RenderJob.only``), all into the same render cache. The bytes are
those one process rendering everything writes (tests/test_incremental.py compares).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from core.finish import pagescan
from core.incremental import RenderCache
from core.port import RenderJob
from core.workers import context

# At most this many render processes, however many cores there are.
RENDER_WORKERS = 4
# What a page costs to render besides its Markdown (the theme's templates), in bytes of Markdown.
_PAGE_COST = 2000


@dataclass
class LanguageRender:
    """One language's render: its job, its render cache and the docs that changed since the
    cache's last build (the job renders those; with none given, every page)."""

    job: RenderJob
    cache: RenderCache
    changed: list[str]


def workers() -> int:
    """How many processes a large render uses: one per core, at most :data:`RENDER_WORKERS`."""
    return min(os.cpu_count() or 1, RENDER_WORKERS)


def render_shares(todo: list[LanguageRender], count: int, scans: Path) -> list[tuple[str, Path]]:
    """Render the changed docs of every language in ``count`` worker processes at once.

    Returns, per rendered share, its language and the file its page scans went to (under
    ``scans``, core/finish/pagescan.py).
    """
    runs = cut_runs(
        [
            (index, doc, (language.job.docs_dir / doc).stat().st_size + _PAGE_COST)
            for index, language in enumerate(todo)
            for doc in language.changed
            if doc.endswith(".md")
        ],
        count,
    )
    primary: dict[int, int] = {}  # language -> the run that copies its theme files
    for number, run in enumerate(runs):
        for index in run:
            primary.setdefault(index, number)
    units = [
        [
            replace(todo[index].job, only=frozenset(docs), primary=primary[index] == number)
            for index, docs in run.items()
        ]
        for number, run in enumerate(runs)
    ]
    # Every share in a worker, none in the calling process: it holds the site's model and
    # pages, and MkDocs keeps every page it renders in memory until its build ends, so a share
    # rendered there would put both in one process (the build's largest, 150 MB instead of
    # 110 MB at 1,000 items).
    with ProcessPoolExecutor(max_workers=len(units), mp_context=context()) as pool:
        futures = [
            pool.submit(render_units, run, scans / str(number)) for number, run in enumerate(units)
        ]
        return [found for future in futures for found in future.result()]


def cut_runs(weighted: list[tuple[int, str, int]], count: int) -> list[dict[int, list[str]]]:
    """``weighted`` (language, doc, weight) cut in order into ``count`` runs of about equal
    weight; each run maps a language to its docs. No run is empty."""
    total = sum(weight for _, _, weight in weighted) or 1
    runs: list[dict[int, list[str]]] = [{}]
    done = 0
    for index, doc, weight in weighted:
        if done >= total * len(runs) / count and len(runs) < count:
            runs.append({})
        runs[-1].setdefault(index, []).append(doc)
        done += weight
    return runs


def render_units(units: list[RenderJob], scans: Path) -> list[tuple[str, Path]]:
    """Render each job, one after another; returns each job's language and the file its page
    scans went to, under ``scans``."""
    return [(job.lang, pagescan.save(render_job(job), scans / job.lang)) for job in units]


def render_job(job: RenderJob) -> pagescan.Scans:
    """Render one job with the build's renderer (the one place the pipeline calls it)."""
    return job.context.render_with().render(job)
