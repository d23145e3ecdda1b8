"""Stage publish: swap the finished tree into place so that visitors never see half a site.

The new site is built in a sibling directory of ``--out`` (same file system), then the old tree
is renamed away and the new one renamed in. A failed build never touches ``--out``.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


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
    """Replace ``out`` by ``finished`` with two renames."""
    old = None
    if out.exists():
        old = out.parent / f".{out.name}.old-{finished.name}"
        if old.exists():  # left by a build that was stopped between the two renames
            shutil.rmtree(old)
        out.rename(old)
    finished.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
