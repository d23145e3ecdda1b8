"""Progress of a build, one line per stage, for a person watching a terminal.

The stages log through the standard ``logging`` module under ``stm.progress``; the command
line decides who sees it (``configure``): nothing in CI or with ``-q``, a line per stage on a
terminal, and with ``-v`` each stage's time as well. The build itself never prints.
"""

from __future__ import annotations

import logging
import sys
import time

log = logging.getLogger("stm.progress")


def configure(quiet: bool, verbose: bool) -> None:
    """Show progress on standard error unless ``quiet``; ``verbose`` adds each stage's time."""
    log.handlers.clear()
    log.propagate = False
    if quiet and not verbose:
        log.setLevel(logging.WARNING)
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.DEBUG if verbose else logging.INFO)


class Steps:
    """The stages of one run, said as they start: ``start`` ends the stage before it (whose
    time ``-v`` shows), ``done`` the last. Marks between the lines of the build script, so
    the script keeps its shape."""

    def __init__(self) -> None:
        self._name: str | None = None
        self._start = 0.0

    def start(self, name: str) -> None:
        """Stage ``name`` begins (and the one before it is over)."""
        self.done()
        log.info("%s ...", name)
        self._name, self._start = name, time.perf_counter()

    def done(self) -> None:
        """The current stage is over."""
        if self._name is not None:
            log.debug("  %s: %.2f s", self._name, time.perf_counter() - self._start)
            self._name = None
