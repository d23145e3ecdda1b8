"""Where a build may publish: ``--out`` (and the preview's folder) is checked before anything
is written, because publishing replaces that folder as a whole.

A build marks every tree it publishes with the file :data:`MARK`, and replaces only a folder
that carries the mark, is empty, or does not exist yet. Everything else is refused with one
line (:class:`~core.errors.UsageError`, exit status 2) before a single file is touched: a
file, the content folder or a folder around or inside it, the project folder or any folder
around it (the repository root among them), a repository, the home folder, ``/``, a folder
that cannot be written, and any other folder with files in it.

Trees published before the mark existed are recognised once by the build's own stamp in the
cache beside them (core/incremental.py ``published_here``); the next build marks them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from core.i18n import N_, _
from core import incremental
from core.errors import UsageError

MARK = ".mensenhandel-site"
# Plain text, the same bytes in every build (the site stays byte-identical). It is served as
# a text file like robots.txt; it says nothing about the content.
MARK_TEXT = (
    "This folder was published by build.py of the mensenhandel site toolkit.\n"
    "A build replaces it as a whole: keep no other files here.\n"
)

_PROJECT = Path(__file__).resolve().parents[1]  # where build.py and the code live
_ADVICE = N_("choose an empty or new folder, like site/")


def check_out(out: Path, content_dir: Path, project_dir: Path, option: str = "--out") -> None:
    """Raise :class:`UsageError` unless a build may replace ``out`` with a new site.

    ``project_dir`` is the folder of the build's ``mkdocs.yml``; the code's own folder counts
    as a project folder too. Reads only: nothing is created, changed or deleted here, except
    a probe folder made and removed again to see that ``out``'s parent can be written.
    """
    out, content = out.resolve(), content_dir.resolve()
    said = f"{option} {out}"

    def refuse(why: str) -> UsageError:
        return UsageError(f"{said}: {why}")  # `why` comes translated

    if out == Path(out.anchor):
        raise refuse(_("is the root of the file system; {advice}", advice=_(_ADVICE)))
    if out.exists() and not out.is_dir():
        raise refuse(_("is a file, not a folder; {advice}", advice=_(_ADVICE)))
    if out == content:
        raise refuse(
            _(
                "is the content folder (--content); the site would replace it; {advice}",
                advice=_(_ADVICE),
            )
        )
    if out in content.parents:
        raise refuse(
            _("contains the content folder {content}; {advice}", content=content, advice=_(_ADVICE))
        )
    if content in out.parents:
        raise refuse(
            _(
                "lies inside the content folder {content}; {advice}",
                content=content,
                advice=_(_ADVICE),
            )
        )
    for project in sorted({project_dir.resolve(), _PROJECT}):
        if out == project:
            raise refuse(
                _(
                    "is the project folder (where build.py and mkdocs.yml live); {advice}",
                    advice=_(_ADVICE),
                )
            )
        if out in project.parents:
            raise refuse(
                _(
                    "contains the project folder {project}; {advice}",
                    project=project,
                    advice=_(_ADVICE),
                )
            )
    if (out / ".git").exists() or ".git" in out.parts:
        raise refuse(
            _("is a Git repository or lies inside one's .git folder; {advice}", advice=_(_ADVICE))
        )
    home = _home()
    if out == home:
        raise refuse(_("is the home folder; {advice}", advice=_(_ADVICE)))
    if home is not None and out in home.parents:
        raise refuse(_("contains the home folder {home}; {advice}", home=home, advice=_(_ADVICE)))
    _check_writable(out, refuse)
    if out.is_dir() and any(out.iterdir()) and not is_published_site(out):
        raise refuse(
            _(
                "holds files that no build published (it has no {mark}), and a build "
                "replaces the whole folder; {advice}, or delete this one yourself if it "
                "is an old build",
                mark=MARK,
                advice=_(_ADVICE),
            )
        )


def is_published_site(out: Path) -> bool:
    """Whether ``out`` is a tree a build published: it carries the mark, or (a tree from
    before the mark) the build's stamp in the cache names this very directory."""
    return (out / MARK).is_file() or incremental.published_here(out)


def mark(tree: Path) -> None:
    """Mark ``tree`` as published by a build, so that the next build may replace it."""
    (tree / MARK).write_text(MARK_TEXT, encoding="utf-8")


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except RuntimeError:  # no HOME and no password entry: there is no home folder to protect
        return None


def _check_writable(out: Path, refuse) -> None:
    """Refuse an ``out`` whose parent cannot be made or written.

    The build works beside ``out`` (a scratch folder, its cache) and renames it, so the
    parent must take new entries. Permission bits do not tell for root, a read-only mount or
    ``/proc``; making (and removing) a probe folder does.
    """
    existing = out.parent
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise refuse(_("cannot be made: {existing} is a file", existing=existing))
    try:
        probe = tempfile.mkdtemp(prefix=f".{out.name}.probe-", dir=existing)
    except OSError as exc:
        raise refuse(
            _(
                "cannot be written: no folder can be made in {existing} ({reason})",
                existing=existing,
                reason=exc.strerror or exc,
            )
        ) from None
    os.rmdir(probe)
