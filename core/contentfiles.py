"""The one door to the content dir: which files may be read, found in one walk, read safely.

Content may come from an editor's account that was taken over. A file is only read when it is
a regular file whose real place is inside the content folder and whose size is within its
kind's limit; everything else is refused by its path, from ``lstat``/``stat`` alone, so a
link to ``/proc/self/environ`` never reaches a message, a FIFO never blocks the build and
``/dev/zero`` is never read. Messages name the path and what it is, never its bytes.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from core.errors import Problems
from core.i18n import N_, _, translate

MAX_TEXT_BYTES = 1_000_000  # a Markdown or YAML file; the longest story is ~30 KB
MAX_IMAGE_BYTES = 50_000_000  # above any camera's JPEG; core/images refuses > 100 megapixels too
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
_TEXT_SUFFIXES = (".md", ".yml", ".yaml")
# A file name becomes a web address (the item's slug): what survives in every URL unchanged.
_WEB_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_KINDS = (
    (stat.S_ISFIFO, N_("a named pipe (FIFO)")),
    (stat.S_ISSOCK, N_("a socket")),
    (stat.S_ISCHR, N_("a character device")),
    (stat.S_ISBLK, N_("a block device")),
    (stat.S_ISDIR, N_("a folder")),
)


class Refused(Exception):
    """A content path that is not read; the message is for the editor and names no bytes."""


def limit_of(rel: str) -> int | None:
    """The size limit of a content file by its name (``None``: no limit of its own)."""
    suffix = PurePosixPath(rel).suffix.lower()
    if suffix in _TEXT_SUFFIXES:
        return MAX_TEXT_BYTES
    if suffix in IMAGE_SUFFIXES:
        return MAX_IMAGE_BYTES
    return None


def refusal(root: Path, rel: str, walked: bool = False) -> str | None:
    """Why the content file ``rel`` under ``root`` may not be read, or ``None`` when it may.

    Looks at the path only (``lstat``, ``realpath``, ``stat``): nothing is opened.
    ``walked``: ``rel`` was found by :class:`ContentFiles`' walk, which never enters a linked
    folder, so only a link itself can lead out of the content folder and the real place is
    worked out for links alone (for every file it was a sixth of loading a large site).
    :func:`read_bytes` checks the real place of every file again when it opens it.
    """
    path = os.path.join(root, rel)
    try:
        info = os.lstat(path)
    except OSError:
        return _("the file does not exist")
    if (not walked or stat.S_ISLNK(info.st_mode)) and not _inside(
        os.path.realpath(path), _real(str(root))
    ):
        return _(
            "the file is a link to a place outside the content folder: put the file "
            "itself in the content folder"
        )
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(path)
        except OSError:
            return _("the file is a link that points at nothing: remove it or put the file there")
    for test, kind in _KINDS:
        if test(info.st_mode):
            return _(
                "expected a regular file, got {kind}: remove it from the content folder",
                kind=translate(kind),
            )
    if not stat.S_ISREG(info.st_mode):  # pragma: no cover - every other kind is listed above
        return _("expected a regular file: remove it from the content folder")
    limit = limit_of(rel)
    if limit is not None and info.st_size > limit:
        return _(
            "the file is too large: expected at most {limit}, got {size}; split it or "
            "make it smaller",
            limit=_size(limit),
            size=_size(info.st_size),
        )
    return None


def read_bytes(path: Path, rel: str) -> bytes:
    """The bytes of the content file ``rel`` at ``path``; raises :class:`Refused` instead.

    Callers find their files through :class:`ContentFiles` (or ask :func:`refusal`), which
    looked at the path without opening it. Here the real place is checked once more, the open
    does not block (a FIFO put there since), the opened file must be a regular one, and at most
    the kind's limit is read: a file that changed in between is no risk either.
    """
    root = path
    for _part in PurePosixPath(rel).parts:
        root = root.parent
    if not _inside(os.path.realpath(path), _real(str(root))):
        raise Refused(refusal(root, rel) or _("the file is outside the content folder"))
    limit = limit_of(rel)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(_("expected a regular file: remove it from the content folder"))
        if limit is not None and info.st_size > limit:
            raise Refused(
                _(
                    "the file is too large: expected at most {limit}, got {size}; "
                    "split it or make it smaller",
                    limit=_size(limit),
                    size=_size(info.st_size),
                )
            )
        data = file.read() if limit is None else file.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise Refused(_("the file is too large: expected at most {limit}", limit=_size(limit)))
    return data


def web_name_advice(rel: str, stem: str) -> str | None:
    """Advice to rename a Markdown file whose name cannot become a web address, else ``None``."""
    if _WEB_NAME.match(stem):
        return None
    bad = sorted({char for char in stem if not re.match(r"[a-z0-9._-]", char)})
    shown = ", ".join(_("a space") if char == " " else repr(char) for char in bad) or repr(stem[:1])
    suggestion = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-._") or "page"
    name = PurePosixPath(rel).name
    return _(
        "the file name {name} cannot become a web address: expected lower-case letters, "
        "digits, '-', '_' and '.', starting with a letter or digit, got {shown}; rename the "
        "file to '{suggestion}'",
        name=repr(name),
        shown=shown,
        suggestion=name.replace(stem, suggestion, 1),
    )


@dataclass(frozen=True)
class ContentFile:
    """A file of the content dir that may be read: its POSIX path relative to the dir, and path."""

    rel: str
    path: Path


class ContentFiles:
    """Every file of a content dir, found in one walk; every refused path reported once.

    Hidden files and folders (``.git``, ``.DS_Store``) are left out. A link to a folder is not
    followed (its files would appear twice, or come from outside): it is reported.
    """

    def __init__(self, root: Path, problems: Problems):
        self.root = root
        self.files: list[ContentFile] = []
        self.refused: dict[str, str] = {}  # rel -> the message, reported already
        prefix = len(str(root)) + 1
        for folder, dirs, names in os.walk(root):
            base = folder[prefix:].replace(os.sep, "/")
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in list(dirs):
                rel = f"{base}/{name}" if base else name
                if os.path.islink(os.path.join(folder, name)):
                    dirs.remove(name)
                    self._refuse(
                        rel,
                        "a link to a folder is not followed: move the files "
                        "into the content folder and remove the link",
                        problems,
                    )
            for name in sorted(names):
                if name.startswith("."):
                    if name.lower().endswith(".md"):  # meant as a page, but would vanish unseen
                        rel = f"{base}/{name}" if base else name
                        self._refuse(
                            rel,
                            _(
                                "a hidden file (its name starts with a dot) is not "
                                "published: rename it to '{name}'",
                                name=name.lstrip("."),
                            ),
                            problems,
                        )
                    continue
                rel = f"{base}/{name}" if base else name
                problem = refusal(root, rel, walked=True)
                if problem:
                    self._refuse(rel, problem, problems)
                else:
                    self.files.append(ContentFile(rel, Path(folder) / name))
        self.files.sort(key=lambda f: f.rel)
        self._rels = [f.rel for f in self.files]

    def _refuse(self, rel: str, message: str, problems: Problems) -> None:
        self.refused[rel] = message
        problems.add(rel, None, message)

    def under(self, folder: str, recursive: bool = True) -> list[ContentFile]:
        """The readable files in ``folder`` (relative to the content dir), sorted by path."""
        prefix = folder.rstrip("/") + "/"
        # The files are sorted by path: those under ``folder`` are one run of them.
        start = bisect.bisect_left(self._rels, prefix)
        end = bisect.bisect_left(self._rels, prefix[:-1] + chr(ord("/") + 1), start)
        return [f for f in self.files[start:end] if recursive or "/" not in f.rel[len(prefix) :]]


@functools.lru_cache(maxsize=16)
def _real(root: str) -> str:
    """The content dir's real path (asked for every file; the dir does not move during a run)."""
    return os.path.realpath(root)


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB"
    return f"{count / 1000:.0f} KB" if count >= 1000 else f"{count} bytes"
