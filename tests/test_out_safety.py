"""`--out` is safe: a build replaces only a folder it published (its mark), an empty folder or
a new one; every other target is refused with one line and exit 2, and left byte-identical."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core import publish as publish_module
from core.outdir import MARK, MARK_TEXT
from tests.conftest import ROOT, published_site, run_cli

TODAY = "2026-11-23"


def _state(path: Path) -> dict[str, object]:
    """Everything at ``path``: each file's bytes, each folder and link, by relative path."""
    if not path.exists():
        return {}
    if not path.is_dir():
        return {".": path.read_bytes()}
    state: dict[str, object] = {".": "dir"}
    for folder, dirs, files in os.walk(path):
        for name in dirs + files:
            full = Path(folder) / name
            rel = full.relative_to(path).as_posix()
            if full.is_symlink():
                state[rel] = ("link", os.readlink(full))
            elif full.is_dir():
                state[rel] = "dir"
            else:
                state[rel] = full.read_bytes()
    return state


def _shallow(path: Path) -> dict[str, object]:
    """A folder too large to hash (``/``, the project): its entries, and the time of each of
    its files (folders' times change as others work in them, as /tmp's does)."""
    return {
        entry.name: entry.stat(follow_symlinks=False).st_mtime_ns
        if entry.is_file(follow_symlinks=False)
        else "-"
        for entry in os.scandir(path)
    }


def _refused(result, out: Path, why: str) -> None:
    assert result.code == 2, result.err
    assert result.out == ""
    assert result.err == f"build.py build: --out {out}: {why}\n"


ADVICE = "choose an empty or new folder, like site/"


def _dangerous(tmp_path: Path, content, monkeypatch) -> dict[str, tuple[Path, str]]:
    """Each dangerous target (made in ``tmp_path``) and the reason it is refused."""
    (tmp_path / "notes.txt").write_text("a file, not a folder\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / "README.md").write_text("# Someone's repository\n")
    (repo / ".git" / "objects").mkdir()
    other = tmp_path / "documents"
    other.mkdir()
    (other / "letter.txt").write_text("Dear ...\n")
    (other / "sub").mkdir()
    (other / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    home = tmp_path / "users" / "editor"
    home.mkdir(parents=True)  # empty: refused for being the home folder, not for its files
    monkeypatch.setenv("HOME", str(home))
    c = content.root
    return {
        "a file": (tmp_path / "notes.txt", f"is a file, not a folder; {ADVICE}"),
        "the content folder": (
            c,
            f"is the content folder (--content); the site would replace it; {ADVICE}",
        ),
        "a folder inside the content": (
            c / "pages",
            f"lies inside the content folder {c}; {ADVICE}",
        ),
        "a new folder inside the content": (
            c / "site",
            f"lies inside the content folder {c}; {ADVICE}",
        ),
        "the content's parent": (tmp_path, f"contains the content folder {c}; {ADVICE}"),
        "a repository": (repo, f"is a Git repository or lies inside one's .git folder; {ADVICE}"),
        "inside a .git folder": (
            repo / ".git" / "objects",
            f"is a Git repository or lies inside one's .git folder; {ADVICE}",
        ),
        "the home folder": (home, f"is the home folder; {ADVICE}"),
        "around the home folder": (home.parent, f"contains the home folder {home}; {ADVICE}"),
        "a folder no build made": (
            other,
            f"holds files that no build published (it has no "
            f"{MARK}), and a build replaces the whole folder; "
            f"{ADVICE}, or delete this one yourself if it is an old "
            f"build",
        ),
        "under a file": (
            tmp_path / "notes.txt" / "site",
            f"cannot be made: {tmp_path / 'notes.txt'} is a file",
        ),
    }


CASES = [
    "a file",
    "the content folder",
    "a folder inside the content",
    "a new folder inside the content",
    "the content's parent",
    "a repository",
    "inside a .git folder",
    "the home folder",
    "around the home folder",
    "a folder no build made",
    "under a file",
]


@pytest.mark.parametrize("case", CASES)
def test_a_dangerous_out_is_refused_and_left_byte_identical(case, tmp_path, content, monkeypatch):
    out, why = _dangerous(tmp_path, content, monkeypatch)[case]
    before = _state(tmp_path)  # the target, the content and everything beside them
    result = run_cli("build", "--content", content.root, "--out", out, "--today", TODAY)
    _refused(result, out, why)
    assert _state(tmp_path) == before


@pytest.mark.parametrize(
    "target, why",
    [
        (Path("/"), f"is the root of the file system; {ADVICE}"),
        (ROOT, f"is the project folder (where build.py and mkdocs.yml live); {ADVICE}"),
        (ROOT.parent, f"contains the project folder {ROOT}; {ADVICE}"),
        (
            Path("/proc/site"),
            "cannot be written: no folder can be made in /proc (No such file or directory)",
        ),
    ],
    ids=["root", "project", "around the project", "unwritable"],
)
def test_the_root_the_project_and_unwritable_places_are_refused(target, why, content):
    # Too large to hash: nothing in them or beside them may appear, go or change.
    watched = {target, target.parent} - {Path("/proc")} if target.exists() else set()
    before = {folder: _shallow(folder) for folder in watched}
    result = run_cli("build", "--content", content.root, "--out", target, "--today", TODAY)
    _refused(result, target, why)
    assert {folder: _shallow(folder) for folder in watched} == before
    assert target.exists() == (target != Path("/proc/site"))


def test_the_preview_folder_is_checked_the_same_way_before_the_port_or_a_build(tmp_path, content):
    other = tmp_path / "documents"
    other.mkdir()
    (other / "letter.txt").write_text("Dear ...\n")
    before = _state(tmp_path)
    for out in (content.root, other):
        result = run_cli("serve", "--content", content.root, "--out", out, "--port", "1")
        assert result.code == 2, result.err
        assert result.err.startswith(f"build.py serve: --out {out}: ")
        assert len(result.err.splitlines()) == 1
    assert _state(tmp_path) == before


def _build(content, out: Path):
    return run_cli("build", "--content", content.root, "--out", out, "--today", TODAY)


def test_a_marked_earlier_build_is_replaced_and_the_new_tree_marked(tmp_path, content):
    out = tmp_path / "site"
    assert _build(content, out).code == 0
    assert (out / MARK).read_text(encoding="utf-8") == MARK_TEXT
    content.write(
        "pages/index.md",
        (content.root / "pages/index.md")
        .read_text()
        .replace("Welkom op de site.", "Nieuwe tekst."),
    )
    assert _build(content, out).code == 0
    assert "Nieuwe tekst." in (out / "index.html").read_text(encoding="utf-8")
    assert (out / MARK).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.cache", "content", "site"]


def test_a_stand_in_for_an_earlier_build_with_the_mark_is_replaced(tmp_path, content):
    out = published_site(tmp_path / "site")
    assert _build(content, out).code == 0
    assert "Welkom op de site." in (out / "index.html").read_text(encoding="utf-8")


def test_an_empty_folder_and_a_new_one_are_accepted(tmp_path, content):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _build(content, empty).code == 0
    assert (empty / "index.html").is_file() and (empty / MARK).is_file()
    new = tmp_path / "deep" / "er" / "site"
    assert _build(content, new).code == 0
    assert (new / "index.html").is_file() and (new / MARK).is_file()


def test_a_tree_published_before_the_mark_is_recognised_by_the_build_stamp(
    tmp_path, content, monkeypatch
):
    """Sites built before builds marked them: the stamp the build kept beside them in its
    cache names that very folder, so the next build replaces it (and marks it)."""
    out = tmp_path / "site"
    with monkeypatch.context() as unmarked:
        unmarked.setattr(publish_module, "mark", lambda tree: None)  # the build of before
        assert _build(content, out).code == 0
    assert not (out / MARK).exists()
    # A failed build in between keeps it recognisable (the stamp keeps which tree it names).
    good = (content.root / "pages/index.md").read_text()
    content.write("pages/index.md", "---\ntitle: [kapot\n---\n")
    assert _build(content, out).code == 1
    content.write("pages/index.md", good.replace("Welkom op de site.", "Nieuwe tekst."))
    assert _build(content, out).code == 0
    assert "Nieuwe tekst." in (out / "index.html").read_text(encoding="utf-8")
    assert (out / MARK).is_file()


def test_an_old_unmarked_tree_without_its_stamp_is_refused_with_advice(
    tmp_path, content, monkeypatch
):
    out = tmp_path / "site"
    with monkeypatch.context() as unmarked:
        unmarked.setattr(publish_module, "mark", lambda tree: None)
        assert _build(content, out).code == 0
    (tmp_path / ".site.cache" / "stamp.json").unlink()  # the cache was deleted meanwhile
    before = _state(out)
    result = _build(content, out)
    assert result.code == 2
    assert "or delete this one yourself if it is an old build" in result.err
    assert _state(out) == before


def test_a_folder_beside_out_named_like_the_old_work_folders_is_never_removed(tmp_path, content):
    """Publishing moved the old tree to a fixed name beside --out (``.site.old-site``) and
    removed whatever held that name; now the old tree goes into the build's own scratch."""
    mine = tmp_path / ".site.old-site"
    mine.mkdir()
    (mine / "keep.txt").write_text("mine\n")
    out = tmp_path / "site"
    assert _build(content, out).code == 0
    content.write("pages/index.md", (content.root / "pages/index.md").read_text() + "\nMeer.\n")
    assert _build(content, out).code == 0  # replaces the first tree
    assert (mine / "keep.txt").read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".site.cache",
        ".site.old-site",
        "content",
        "site",
    ]
