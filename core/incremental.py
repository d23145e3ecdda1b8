"""Skip work whose inputs did not change: the no-change stamp and the per-language render cache.

Both live in a cache directory beside ``--out`` (``.site.cache`` for ``site``), so a test's
``tmp_path`` build gets its own, and deleting it only costs time, never correctness.

- The **stamp** is a hash of every input of a build (content files, mkdocs.yml, the theme, the
  code of the core and the sections, the installed renderer versions, the date and options).
  When it equals the stamp of the build that made ``--out``, and ``--out`` is still that tree,
  there is nothing to do.
- The **render cache** keeps, per language, the staged Markdown and MkDocs' output of the last
  build. Staged files whose bytes did not change keep their time stamp, so MkDocs' ``dirty``
  build renders only the pages that changed. Everything a page's template sees besides its own
  Markdown (configuration, navigation, ``extra``, theme, versions, date) is in the cache's key:
  when the key changes, the cache is emptied and every page is rendered again.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import shutil
import sys
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Iterable

from core import caches
from core.adapters import RENDERER_PACKAGES
from core.urls import url_of

# Packages whose version changes the built bytes: the renderer's and ours.
PACKAGES = (
    *RENDERER_PACKAGES,
    "Markdown",
    "Jinja2",
    "lunr",
    "Pillow",
    "PyYAML",
    "Pygments",
    "babel",
    "snowballstemmer",
    "icalendar",
)


def cache_root(out: Path) -> Path:
    """The build cache of ``out``: a sibling directory ``.<name>.cache``."""
    return out.parent / f".{out.name.lstrip('.')}.cache"


def digest_files(paths: Iterable[Path], hasher=None, base: Path | None = None):
    """Add the names and bytes of ``paths`` (files, or directories walked in order) to a hash."""
    hasher = hasher or hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            hasher.update(str(file.relative_to(base) if base else file).encode() + b"\0")
            hasher.update(hashlib.sha256(file.read_bytes()).digest() if file.exists() else b"-")
    return hasher


def code_paths(sections) -> list[Path]:
    """The source of the core and of every section's package (their code makes the pages)."""
    core = Path(__file__).resolve().parent
    paths = {core}
    for section in sections:
        module = sys.modules.get(type(section).__module__)
        file = getattr(module, "__file__", None) if module is not None else None
        if file:
            package = Path(file).resolve().parent
            paths.add(package if package != core.parent else Path(file).resolve())
    return sorted(paths)


def versions() -> dict[str, str]:
    """Installed versions of the renderer packages."""
    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "-"
    return found


def input_stamp(
    content_dir: Path, config_file: Path, theme_dir: Path, sections, options: dict
) -> str:
    """The hash of everything a build reads."""
    hasher = hashlib.sha256(
        json.dumps(
            {
                "v": caches.STAMP.tag,
                "options": options,
                "python": sys.version,
                "code": code_and_theme(theme_dir, sections),
            },
            sort_keys=True,
        ).encode()
    )
    digest_files([content_dir], hasher, base=content_dir)
    digest_files([config_file], hasher)
    return hasher.hexdigest()


def _tree_id(out: Path) -> str:
    """Identifies the tree at ``out``: a published tree is a new directory (new inode)."""
    stat = out.stat()
    return f"{stat.st_dev}:{stat.st_ino}:{stat.st_mtime_ns}"


def _saved_stamp(out: Path) -> dict:
    """The stamp file of ``out``'s cache, or ``{}``."""
    file = cache_root(out) / "stamp.json"
    if not out.is_dir() or not file.is_file():
        return {}
    try:
        saved = json.loads(file.read_text(encoding="utf-8"))
    except ValueError:
        return {}
    return saved if isinstance(saved, dict) else {}


def unchanged(out: Path, stamp: str) -> bool:
    """Whether ``out`` is the tree a build with this stamp made."""
    saved = _saved_stamp(out)
    return saved.get("stamp") == stamp and saved.get("tree") == _tree_id(out)


def published_here(out: Path) -> bool:
    """Whether the stamp names ``out`` as the tree a build published (device, inode and time:
    a folder made again under the same name does not match). Recognises trees published
    before builds marked them (core/outdir.py)."""
    saved = _saved_stamp(out)
    return saved.get("tree") is not None and saved.get("tree") == _tree_id(out)


def save_stamp(out: Path, stamp: str) -> None:
    """Remember that ``out`` was made from the inputs ``stamp``."""
    root = cache_root(out)
    root.mkdir(parents=True, exist_ok=True)
    (root / "stamp.json").write_text(
        json.dumps({"stamp": stamp, "tree": _tree_id(out)}), encoding="utf-8"
    )


def forget_stamp(out: Path) -> None:
    """Before a build starts: a failed build must never leave a stamp that says 'done'.

    Which tree the last build published is kept (:func:`published_here`): a failed build
    leaves that tree in place, and it stays recognisable."""
    file = cache_root(out) / "stamp.json"
    tree = _saved_stamp(out).get("tree")
    if tree is None:
        file.unlink(missing_ok=True)
    else:
        file.write_text(json.dumps({"tree": tree}), encoding="utf-8")


# ---- the render cache ---------------------------------------------------------------------


class RenderCache:
    """One language's staged docs and rendered site from the last build, under ``root``."""

    def __init__(self, root: Path, key: str):
        self.root = root
        self.docs = root / "docs"
        self.site = root / "site"
        self.key = key
        self._key_file = root / "key"
        current = self._key_file.read_text(encoding="utf-8") if self._key_file.is_file() else None
        if current != key:
            self.clear()
        # Until rendering succeeds the cache has no key: a crash or a failed build empties it.
        self._key_file.unlink(missing_ok=True)

    @property
    def warm(self) -> bool:
        """Whether a rendered site is there to update (else everything is rendered)."""
        return (self.site / "index.html").is_file() or any(self.site.glob("*/index.html"))

    def clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        self.docs.mkdir(parents=True, exist_ok=True)
        self.site.mkdir(parents=True, exist_ok=True)

    def sync(self, staged: Path) -> list[str]:
        """Make the cached docs equal ``staged``, touching only changed files; returns the
        docs-relative paths of the files written (new or changed), in order.

        A staged page that disappeared also loses its rendered page. Changed files are moved
        out of ``staged``, not copied: creating a file costs ~0.6 ms on the 2-core CI machine
        (a rename ~0.03 ms), and a full render wrote every staged doc twice (0.9 s at 1,000
        items, 3.5 s at 5,000).
        """
        new = {p.relative_to(staged).as_posix() for p in staged.rglob("*") if p.is_file()}
        old = {p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*") if p.is_file()}
        changed = []
        for rel in sorted(old - new):
            (self.docs / rel).unlink()
            _prune(self.docs / rel, self.docs)
            output = self.site / (url_of(rel) + "index.html" if rel.endswith(".md") else rel)
            output.unlink(missing_ok=True)
            _prune(output, self.site)
        for rel in sorted(new):
            source, target = staged / rel, self.docs / rel
            if target.is_file() and target.read_bytes() == source.read_bytes():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            changed.append(rel)
        return changed

    def done(self) -> None:
        """Rendering succeeded: the cache is valid for its key."""
        self._key_file.write_text(self.key, encoding="utf-8")


def _prune(removed: Path, root: Path) -> None:
    """Remove the directories a removed file leaves empty, up to ``root``."""
    folder = removed.parent
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def render_key(config: dict, nav, extra, lang: str, inputs: str, today: date) -> str:
    """Everything besides a page's own Markdown that its rendered HTML depends on.

    ``inputs`` is :func:`code_and_theme`: the theme, the code (Markdown extensions live in the
    sections) and the renderer versions; ``today`` the build date (the renderer's dates).
    """
    return hashlib.sha256(
        json.dumps(
            {
                "v": [caches.RENDER.tag, caches.STAGED_TEXT.tag],
                "config": config,
                "nav": nav,
                "extra": extra,
                "lang": lang,
                "date": today.isoformat(),
                "inputs": inputs,
            },
            sort_keys=True,
            default=str,
        ).encode()
    ).hexdigest()


def code_and_theme(theme_dir: Path, sections) -> str:
    """The hash of the theme, the code and the renderer versions."""
    hasher = hashlib.sha256(json.dumps(versions(), sort_keys=True).encode())
    return digest_files([theme_dir, *code_paths(sections)], hasher).hexdigest()


class SearchCache:
    """A language's search index, reused while its pages' data and rendered HTML are the same."""

    def __init__(
        self, root: Path, lang: str, pages, labels: dict, lang_root: Path, synonyms: tuple = ()
    ):
        """``pages`` may hold other languages' pages (indexed by title and keywords only);
        ``synonyms``: the language's synonym groups (core/search/synonyms.py)."""
        order = sorted(pages, key=lambda p: (p.lang, p.doc_path))
        hasher = hashlib.sha256(
            json.dumps(
                {
                    "v": caches.SEARCH_INDEX.tag,
                    "lang": lang,
                    "labels": labels,
                    "code": _search_code(),
                    "synonyms": synonyms,
                    "pages": [
                        [
                            p.key,
                            p.lang,
                            p.doc_path,
                            p.title,
                            p.description,
                            p.searchable,
                            list(p.search_tags),
                            list(p.search_keywords),
                            p.search_item,
                        ]
                        for p in order
                    ],
                },
                sort_keys=True,
            ).encode()
        )
        for page in order:
            if page.searchable and page.lang == lang:
                hasher.update((lang_root / url_of(page.doc_path) / "index.html").read_bytes())
        self.file = root / f"{lang}-{hasher.hexdigest()}.json"
        self.root, self.lang = root, lang
        # Page texts and terms of the last index build (core/search/memo.py).
        self.memo_file = root / f"memo-{lang}.json"

    def in_place(self, target: Path) -> bool:
        """Whether ``target`` holds the cached index already (an update in place of the served
        tree, where a language whose pages did not change keeps its index)."""
        return (
            self.file.is_file()
            and target.is_file()
            and filecmp.cmp(self.file, target, shallow=False)
        )

    def latest(self) -> Path | None:
        """The last index built for this language, whatever its pages (``None``: none)."""
        found = sorted(self.root.glob(f"{self.lang}-*.json"))
        return found[0] if found else None

    def save(self, built: Path) -> None:
        """Keep the index just built (only the latest per language)."""
        self.root.mkdir(parents=True, exist_ok=True)
        for old in self.root.glob(f"{self.lang}-*.json"):
            old.unlink()
        shutil.copyfile(built, self.file)


def _search_code() -> str:
    return digest_files([Path(__file__).resolve().parent / "search"]).hexdigest()
