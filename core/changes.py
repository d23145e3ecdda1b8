"""What changed since the build driver's last run (core/build.py): every content file's stamp,
and the change set that decides between an update in place and the whole build.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from core import contentfiles
from core.errors import Problems
from core.i18n import _

CONTENT_SUFFIXES = (".md", ".yml", ".yaml")


@dataclass(frozen=True)
class FileStamp:
    """A content file as the driver last saw it: time stamp and size (to skip hashing an
    unchanged file) and the hash of its bytes ("refused" for one the build never opens)."""

    mtime_ns: int
    size: int
    digest: str


@dataclass(frozen=True)
class ChangeSet:
    """What changed since the driver's last successful run."""

    files: dict[str, FileStamp]  # every content file now
    changed: tuple[str, ...]  # content files whose bytes changed
    added_or_removed: tuple[str, ...]  # content files that are new or gone
    inputs_changed: bool  # mkdocs.yml, the theme, the code or the date

    @property
    def empty(self) -> bool:
        return not (self.changed or self.added_or_removed or self.inputs_changed)

    def whole_build_reason(self, linked: set[str]) -> str | None:
        """Why these changes need the whole build (``linked``: the files the pages publish as
        they are), or ``None`` when an update in place can take them."""
        if self.inputs_changed:
            return _("the theme, mkdocs.yml, the code or the date changed")
        if self.added_or_removed:
            return _("a content file was added or removed")
        if any(not rel.endswith(CONTENT_SUFFIXES) for rel in self.changed):
            return _("a file other than Markdown or YAML changed")
        if set(self.changed) & linked:
            return _("a file the pages link to changed")  # published as it is: copy it
        return None


def scan_content(content_dir: Path, known: dict[str, FileStamp]) -> dict[str, FileStamp]:
    """Every content file with its time stamp, size and hash (hashing only what looks changed).

    The files are those the build reads (core/contentfiles.py): what it refuses (a pipe, a link
    out of the content folder) is stamped by its path only, never opened; the build says why.
    """
    files = contentfiles.ContentFiles(content_dir, Problems())
    found = {}
    for rel in files.refused:
        stat = os.lstat(content_dir / rel)
        found[rel] = FileStamp(stat.st_mtime_ns, stat.st_size, "refused")
    for file in files.files:
        try:
            stat = file.path.stat()
        except FileNotFoundError:  # removed since the folder was listed (an editor's temp file)
            continue
        old = known.get(file.rel)
        if old is not None and (old.mtime_ns, old.size) == (stat.st_mtime_ns, stat.st_size):
            found[file.rel] = old
        else:
            try:
                # Through the one door (core/contentfiles.py): a file swapped since the walk
                # for a pipe or a link out of the folder is stamped "refused", never read.
                digest = hashlib.sha256(contentfiles.read_bytes(file.path, file.rel)).hexdigest()
            except contentfiles.Refused:
                digest = "refused"
            except FileNotFoundError:
                continue
            found[file.rel] = FileStamp(stat.st_mtime_ns, stat.st_size, digest)
    return dict(sorted(found.items()))
