"""Stage publish: swap the finished tree into place so that visitors never see half a site.

The new site is built in a sibling directory of ``--out`` (same file system), then the old tree
is renamed away and the new one renamed in. A failed build never touches ``--out``.

Only what the build made is ever deleted: its own scratch directory (a fresh ``mkdtemp``), and
the old tree once it is moved into that directory. Whether ``--out`` may be replaced at all
was decided before the build began (core/outdir.py ``check_out``).
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from core.outdir import mark


@contextmanager
def work_dir(out: Path) -> Iterator[Path]:
    """A scratch directory beside ``out``, removed afterwards whatever happens."""
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    try:
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def publish(finished: Path, out: Path) -> None:
    """Mark ``finished`` as a published site and replace ``out`` by it with two renames.

    ``finished`` lies in the build's scratch directory; the old tree is moved into a new
    folder beside it and removed from there, so no name outside the scratch directory is
    ever deleted (a fixed name beside ``out`` could hold someone else's files).
    """
    mark(finished)
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix="old-", dir=finished.parent))
        out.rename(old / out.name)
    finished.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
