"""Where a build's wall time goes: one build with the time of each stage printed.

    .venv/bin/python -m bench.stages --content DIR --out DIR [--today YYYY-MM-DD]

Wraps the pipeline's stage functions with a timer (nothing in the build changes) and prints
each stage's wall time as it ends, in the order they ran, with this process's resident
memory then and its peak so far (MB), then the total. Stages in other processes (render
shares, search indexes) show as the time this process waits for them. Used for the profiles in bench/RESULTS.md; ``python -m cProfile`` gives the detail.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit import cli  # noqa: E402
from core import pipeline, shares  # noqa: E402
from core.build import SiteBuild  # noqa: E402
from core.stagecache import StagedDocs  # noqa: E402
from core.finish import linkcheck  # noqa: E402
from core.search.jobs import SearchIndexes  # noqa: E402
from core.images import registry  # noqa: E402
from core.adapters.mkdocs import MkDocsRenderer  # noqa: E402

_START = time.perf_counter()


def _memory() -> str:
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return "  ".join(f"{int(fields[name].split()[0]) // 1024:4d} MB" for name in ("VmRSS", "VmHWM"))


def _timed(owner, name: str, label: str) -> None:
    function = getattr(owner, name)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            now = time.perf_counter()
            print(
                f"{now - _START:7.2f} s  {now - start:6.2f} s  {_memory()}  {label}",
                file=sys.stderr,
                flush=True,
            )

    setattr(owner, name, wrapper)


STAGES = [
    (pipeline.incremental, "input_stamp", "input stamp (hash of every input)"),
    (pipeline, "load_site", "load + validate + model"),
    (pipeline, "generate", "generate pages and share cards' texts"),
    (pipeline, "stage_language", "stage Markdown (one language)"),
    (StagedDocs, "write", "write the staged Markdown (one language)"),
    (shares, "render_shares", "render (all languages, in shares on every core)"),
    (shares, "render_job", "render (one language, in this process)"),
    (registry.ImageSet, "publish", "images: variants"),
    (pipeline, "publish_cards", "share cards"),
    (pipeline, "publish_icons", "icons"),
    (SearchIndexes, "__init__", "search indexes: start (or restore)"),
    (pipeline, "_write_extra_files", "sections' extra files (.ics, ...)"),
    (pipeline, "write_sitemap", "sitemap"),
    (linkcheck.SiteLinks, "__init__", "link check: read every page"),
    (MkDocsRenderer, "prune_assets", "prune unused theme files"),
    (linkcheck.SiteLinks, "problems", "link check: resolve every link"),
    (pipeline, "apply_security", "security policy into every page"),
    (SearchIndexes, "wait", "search indexes: wait for them"),
    (pipeline, "publish", "publish (swap)"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 23))
    args = parser.parse_args()
    for owner, name, label in STAGES:
        _timed(owner, name, label)
    print(f"{time.perf_counter() - _START:7.2f} s  imports", file=sys.stderr, flush=True)
    SiteBuild(
        args.content.resolve(), args.out.resolve(), args.today, cli.CONFIG, cli.SECTIONS
    ).run()
    print(f"{time.perf_counter() - _START:7.2f} s  total", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
