"""Edit-to-preview: under ``build.py serve``, the time from saving a changed story to its page,
every page listing its title, and the search index being updated (bench/build.py runs it)."""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from core.search.index import index_path

ROOT = Path(__file__).resolve().parents[1]
REBUILT = "serve: site rebuilt"  # what serve prints after every build, fast or full
INDEXED = "serve: search index updated"  # what serve prints once a fast update's index is in


def story(content: Path) -> Path:
    """The story the benchmark edits: the middle one of the synthetic ones (else the demo's)."""
    stories = sorted((content / "longread" / "stories").glob("*-s0*.md")) or sorted(
        p for p in (content / "longread" / "stories").glob("*.md") if ".en." not in p.name
    )
    return stories[len(stories) // 2]


def title_of(story_file: Path) -> str:
    return yaml.safe_load(story_file.read_text(encoding="utf-8").split("---", 2)[1])["title"]


def own_page(site: Path, title: str) -> Path:
    """The page of ``site`` whose heading is ``title``."""
    heading = re.compile(r"<h1[^>]*>\s*" + re.escape(title))
    return next(
        p
        for p in site.rglob("*.html")
        if contains(p, "<h1") and heading.search(p.read_text(encoding="utf-8"))
    )


def contains(path: Path, text: str) -> bool:
    try:
        return text in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def edit_to_preview(content: Path, out: Path, env: dict, runs: int) -> dict:
    """Median seconds from saving a story to its page being rewritten, to every listing of its
    title updated and to the search index holding the new title, over ``runs`` edits."""
    port = _free_port()
    log_file = out.parent / "serve.log"
    log = open(log_file, "w")
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "serve",
            "--port",
            str(port),
            "--content",
            str(content),
            "--out",
            str(out),
            "--lang",  # the lines below are matched in English (the demo's editors read Dutch)
            "en",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        env={**os.environ, **env},
    )
    edited = story(content)
    page_times, listing_times, index_times = [], [], []
    index_file = out / index_path("nl")
    try:
        _wait(lambda: "serve: http" in log_file.read_text(), timeout=900, step=0.2)
        title = title_of(edited)
        listings = [p for p in out.rglob("*.html") if contains(p, title)]
        page = own_page(out, title)
        for run in range(runs):
            # One edit on an idle server: wait until the previous rebuild (and the search index
            # the preview writes after the pages) is done.
            done = log_file.read_text().count(REBUILT)
            indexed = log_file.read_text().count(INDEXED)
            time.sleep(1.0)
            new_title = f"{title} bewerkt {run}"
            marker = f"Bewerkte alinea {run} voor de preview."
            text = edited.read_text(encoding="utf-8").replace(
                f"title: {title}", f"title: {new_title}", 1
            )
            text = text.rstrip("\n") + f"\n\n{marker}\n"
            start = time.perf_counter()
            # Saved as most editors save: the whole new file put in place at once (a write in
            # place can be seen half-written by the watcher's look, which times the failure).
            draft = content.parent / "draft.md"  # outside the watched folder, same file system
            draft.write_text(text, encoding="utf-8")
            os.replace(draft, edited)
            page_times.append(_wait(lambda: contains(page, marker)) - start)
            listing_times.append(
                _wait(lambda: all(contains(p, new_title) for p in listings)) - start
            )
            # The search index follows in the background; the next edit waits for it.
            index_times.append(
                _wait(lambda: log_file.read_text().count(INDEXED) > indexed, timeout=900, step=0.01)
                - start
            )
            if not contains(index_file, new_title):
                raise SystemExit(f"the search index {index_file} lacks the new title {new_title!r}")
            title = new_title
            _wait(lambda: log_file.read_text().count(REBUILT) > done, timeout=900, step=0.2)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
    return {
        "page_s": statistics.median(page_times),
        "listings_s": statistics.median(listing_times),
        "index_s": statistics.median(index_times),
        "listings": len(listings),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, timeout: float = 300, step: float = 0.005) -> float:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if predicate():
            return time.perf_counter()
        time.sleep(step)
    raise SystemExit("timed out waiting for the preview")
