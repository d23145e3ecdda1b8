"""Run encoding jobs on every core, and count what was encoded (tests count, never time).

A cold build with many photos is bound by the encoders, so jobs go to a process pool; a warm
build has no jobs and starts no pool at all.
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing import forkserver
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence

# Files encoded by this process's builds, by kind ("variants", "cards", "icons").
COUNTS: Counter = Counter()

# forkserver, not fork: `build.py serve` builds from a watcher thread, and forking a process
# with threads can copy a held lock into the child and hang it. The server imports the main
# module (build.py: every section) and the pipeline (MkDocs, Pillow, lunr, lxml) once; every
# worker is a fork of it that shares those pages. Without "__main__" here each worker ran
# build.py again to find the functions it is sent: 0.4 s of imports per worker, and a build
# starts eight of them.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["__main__", "core.pipeline", "core.images.registry",
                                 "core.images.cards", "core.images.icons"])


def context():
    """The process context for any parallel stage of a build (see above why forkserver)."""
    return _CONTEXT


def start_server() -> None:
    """Start the fork server now, if it is not running: it imports the pipeline on another
    core while this process loads the content, instead of when the first workers are needed."""
    forkserver.ensure_running()


def run(kind: str, function: Callable[..., int], jobs: Sequence[tuple]) -> None:
    """Call ``function(*args)`` for every job, in parallel when there is more than one.

    ``function`` returns how many files it encoded; the total is added to ``COUNTS[kind]``.
    """
    if not jobs:
        return
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers == 1:
        results = [function(*args) for args in jobs]
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_CONTEXT) as pool:
            # Jobs in chunks: a share card takes ~10 ms, so sending each on its own to a worker
            # and back would cost a noticeable share of that; eight chunks per worker still
            # balance the load.
            chunk = max(1, len(jobs) // (workers * 8))
            results = list(pool.map(function, *zip(*jobs), chunksize=chunk))
    COUNTS[kind] += sum(results)
