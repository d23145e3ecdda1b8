"""Worker processes: the one place a build starts them, and how they start (forkserver).

Image encoding, share cards and icons (``run``, ``start``: jobs fed a chunk at a time,
counted per kind; tests count, never time) and the search indexes (``pool``) run here. A cold
build with many photos is bound by the encoders, so jobs go to a process pool; a warm build
has no jobs and starts no pool at all. Jobs can also run beside other work, filling the cores
it leaves idle (:class:`Pending`). The render's shares (core/shares.py) and the preview's one
worker (core/build.py) keep their own pools, started with :func:`context`.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import Counter, deque
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import forkserver
from typing import Callable, Sequence

# Files made by this process's builds' jobs, by kind ("variants", "cards", "icons").
COUNTS: Counter = Counter()

# forkserver, not fork: `build.py serve` builds from a watcher thread, and forking a process
# with threads can copy a held lock into the child and hang it. The server imports the main
# module (build.py: every section) and the pipeline (ProperDocs, Pillow, lunr, lxml) once; every
# worker is a fork of it that shares those pages. Without "__main__" here each worker ran
# build.py again to find the functions it is sent: 0.4 s of imports per worker, and a build
# starts eight of them. The server imports the renderer's adapter (core/adapters/mkdocs/), which
# installs ProperDocs' import hook (`import mkdocs` gets ProperDocs): the workers inherit it with
# the server's memory (tests/test_properdocs.py checks a worker).
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(
    [
        "__main__",
        "core.adapters.mkdocs",
        "core.pipeline",
        "core.images.registry",
        "core.images.cards",
        "core.images.icons",
    ]
)


def context():
    """The process context for any parallel stage of a build (see above why forkserver)."""
    return _CONTEXT


def pool(max_workers: int) -> ProcessPoolExecutor:
    """A pool of ``max_workers`` processes forked from the server (see above); the caller
    shuts it down."""
    return ProcessPoolExecutor(max_workers=max_workers, mp_context=_CONTEXT)


def start_server() -> None:
    """Start the fork server now, if it is not running: it imports the pipeline on another
    core while this process loads the content, instead of when the first workers are needed."""
    forkserver.ensure_running()


def run(kind: str, function: Callable[..., int], jobs: Sequence[tuple]) -> None:
    """Call ``function(*args)`` for every job, on every core when there is more than one.

    ``function`` returns how many files it encoded; the total is added to ``COUNTS[kind]``.
    """
    start(kind, function, jobs).wait()


# Jobs go to workers in chunks (a share card takes a few ms: one at a time, the sending would
# cost a noticeable share of that), of at most this many, so a paused queue (Pending.widen)
# lets the render have the cores within a fraction of a second.
CHUNK = 50


def start(
    kind: str, function: Callable[..., int], jobs: Sequence[tuple], width: int | None = None
) -> "Pending":
    """Start ``function(*args)`` for every job in worker processes, at most ``width`` at once
    (default: one per core), and return at once; :meth:`Pending.wait` collects them.

    One job, or one core, runs in this process when :meth:`Pending.wait` is called.
    """
    cores = os.cpu_count() or 1
    if len(jobs) < 2 or cores < 2:
        return Pending(kind, function, [list(jobs)], 0, pool=None)
    size = max(1, min(CHUNK, len(jobs) // (cores * 8)))
    chunks = [list(jobs[i : i + size]) for i in range(0, len(jobs), size)]
    return Pending(kind, function, chunks, cores if width is None else width, pool=pool(cores))


class Pending:
    """Encoding jobs fed to worker processes a chunk at a time, at most ``width`` at once.

    A build starts its share cards while it stages the Markdown, when one core would be idle
    (width 1), pauses them while the render takes every core (width 0: running chunks
    finish, no new one starts), and lets them have every core afterwards (:meth:`wait`).
    """

    def __init__(
        self,
        kind: str,
        function: Callable[..., int],
        chunks: list[list[tuple]],
        width: int,
        pool: ProcessPoolExecutor | None,
    ):
        self.kind, self._function, self._pool = kind, function, pool
        self._chunks, self._width = deque(chunks), width
        self._futures: list[Future[int]] = []
        self._changed = threading.Condition()
        self._feeder: threading.Thread | None = None
        if pool is not None:
            self._feeder = threading.Thread(target=self._feed, name=f"feed-{kind}", daemon=True)
            self._feeder.start()

    def _feed(self) -> None:
        assert self._pool is not None, "the feeder runs only with a pool (__init__)"
        with self._changed:
            while self._chunks:
                if sum(not f.done() for f in self._futures) < self._width:
                    future = self._pool.submit(_run_chunk, self._function, self._chunks.popleft())
                    future.add_done_callback(self._notify)
                    self._futures.append(future)
                else:
                    self._changed.wait()

    def _notify(self, _future=None) -> None:
        with self._changed:
            self._changed.notify_all()

    def widen(self, width: int) -> None:
        """Let at most ``width`` chunks run at once from now on (0: start none)."""
        with self._changed:
            self._width = width
            self._changed.notify_all()

    def wait(self) -> None:
        """Run every job to the end on every core (raising the first job's error); count the
        files."""
        try:
            if self._pool is None:
                COUNTS[self.kind] += sum(
                    self._function(*args) for chunk in self._chunks for args in chunk
                )
                self._chunks.clear()
                return
            self.widen(os.cpu_count() or 1)
            assert self._feeder is not None, "a pool has a feeder (__init__)"
            self._feeder.join()
            COUNTS[self.kind] += sum(future.result() for future in self._futures)
        finally:
            self.close()

    def close(self) -> None:
        """Stop: chunks not started are dropped and the workers end (a failed build must not
        leave them running)."""
        with self._changed:
            self._chunks.clear()
            self._changed.notify_all()
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _run_chunk(function: Callable[..., int], chunk: list[tuple]) -> int:
    return sum(function(*args) for args in chunk)
