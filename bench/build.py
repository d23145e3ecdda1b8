"""Build benchmark: our build against plain MkDocs + mkdocs-material on the same pages.

    .venv/bin/python -m bench.build [--sizes demo,1000,5000] [--runs 3] [--out bench/out/build]
                                    [--results bench/RESULTS.md] [--builds-only]
                                    [--preview-runs 3] [--only preview]
    .venv/bin/python -m bench.build --report-from OUT/results.json [...] --results bench/RESULTS.md

For each corpus (bench/corpus.py: the demo content plus N synthetic items over every content
type), in the same run, medians over --runs:

- our full build: cold (empty --out, nothing cached), full render (every page rendered again,
  as after a theme or code change: only the image cache kept) and as CI runs it (empty --out,
  caches kept from the previous commit, one content file changed), with the peak memory of
  each;
- the baseline: plain ``properdocs build`` (MkDocs 1.6) with mkdocs-material on the same
  staged Markdown pages with the same navigation (both languages), and its peak memory;
- the no-change rebuild (the same command again);
- edit-to-preview under ``build.py serve``: from saving one changed story to its rebuilt page
  being written, to every page that listed its old title showing the new one, and to the
  search index holding the new title (medians over --preview-runs edits);
- the compressed transfer size of the home page, a story, the Academy catalogue and the Kompas
  matrix as Chromium loads them, without and with images.

Writes a Markdown report (machine, date, command, tables) to --results: between the lines
``<!-- bench:begin -->`` and ``<!-- bench:end -->`` when the file has them (the analysis
around them stays), else the whole file.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bench.corpus import make_corpus  # noqa: E402
from bench.hugo import hugo_command, stage_hugo  # noqa: E402
from bench.peak import measured  # noqa: E402
from bench.preview import edit_to_preview, own_page, story as edited_story, title_of  # noqa: E402
from bench.report import KINDS, report, write_results  # noqa: E402
from bench.weight import page_weights  # noqa: E402

TODAY = "2026-11-23"


def our_build(content: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        str(ROOT / "build.py"),
        "build",
        "--content",
        str(content),
        "--out",
        str(out),
        "--today",
        TODAY,
    ]


def cache_env(cache: Path) -> dict:
    return {"SITE_IMAGE_CACHE": str(cache / "images")}


# ---- the baseline -------------------------------------------------------------------------


def stage_baseline(content: Path, out: Path) -> list[Path]:
    """Our staged Markdown of both languages, with a stock mkdocs-material config for each."""
    from toolkit import cli
    from core import languages
    from core.generate import link_language_versions, section_pages
    from core.pipeline import render_nav
    from core.site import load_site
    from core.stagecache import StageCache
    from datetime import date as date_

    site, problems = load_site(content, cli.SECTIONS, date_.fromisoformat(TODAY))
    problems.raise_if_any()
    pages = {lang: section_pages(site, lang) for lang in languages.LANGUAGES}
    link_language_versions(pages, "https://mensenhandel.example.org/")
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    configs = []
    for lang in languages.LANGUAGES:
        docs = out / "docs" / lang
        shutil.rmtree(docs, ignore_errors=True)
        StageCache().stage(site, pages[lang]).write(site, docs)
        config = {
            "site_name": ours["site_name"],
            "site_url": ours["site_url"] + languages.prefix(lang),
            "docs_dir": str(docs),
            "site_dir": str(out / "site" / languages.prefix(lang)),
            "use_directory_urls": True,
            "theme": {
                "name": "material",
                "language": lang,
                "font": False,
                "features": ours["theme"]["features"],
            },
            "markdown_extensions": ours["markdown_extensions"],
            "plugins": [],
            "validation": ours["validation"],
            "nav": [{e.title: e.doc_path} for e in render_nav(pages[lang])],
        }
        path = out / f"mkdocs-{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        configs.append(path)
    return configs


def baseline_docs(out: Path) -> dict[str, Path]:
    """The staged docs dir of each language that ``stage_baseline`` wrote under ``out``."""
    from core import languages

    return {lang: out / "docs" / lang for lang in languages.LANGUAGES}


def baseline_command(configs: list[Path]) -> list[str]:
    build = " && ".join(f"{sys.executable} -m properdocs build -q -f {c}" for c in configs)
    return ["sh", "-c", build]


# ---- one corpus ---------------------------------------------------------------------------


def corpus(size: str, root: Path) -> tuple[Path, Path, int]:
    """The corpus of ``size`` under ``root``: its work folder, its content and its item count."""
    work = root / size
    work.mkdir(parents=True, exist_ok=True)
    content = make_corpus(size if size == "demo" else int(size), work / "content")
    items = sum(1 for p in content.rglob("*.md") if not p.name.endswith(".en.md"))
    print(f"[{size}] {items} items", file=sys.stderr, flush=True)
    return work, content, items


def run_size(
    size: str, root: Path, runs: int, builds_only: bool = False, preview_runs: int | None = None
) -> dict:
    """Every measurement of one corpus: the builds ``runs`` times each, then the page weights
    and edit-to-preview (unless ``builds_only``)."""
    work, content, items = corpus(size, root)
    cache, out = work / "cache", work / "site"
    runs_of: dict[str, list[dict]] = {kind: [] for kind, _ in KINDS}
    configs = stage_baseline(content, work / "baseline")
    hugo = hugo_command(stage_hugo(baseline_docs(work / "baseline"), work / "hugo"))
    story = edited_story(content)
    original = story.read_text(encoding="utf-8")
    build, env = our_build(content, out), cache_env(cache)
    for run in range(runs):
        # The baseline and ours alternate, so background load hits both alike.
        runs_of["baseline"].append(measured(baseline_command(configs)))
        runs_of["hugo"].append(measured(hugo))
        # Cold: nothing cached anywhere (the first build on a new machine).
        for path in (cache, work / ".site.cache", out):
            shutil.rmtree(path, ignore_errors=True)
        runs_of["cold"].append(measured(build, env))
        runs_of["nochange"].append(measured(build, env))
        # Full render: every page rendered, indexed and checked again, as after a change to
        # the theme, the code or mkdocs.yml; image variants and share cards (keyed by their
        # content) come from the image cache.
        for path in (work / ".site.cache", out):
            shutil.rmtree(path)
        runs_of["full"].append(measured(build, env))
        # CI: an empty --out, the caches of the previous build kept, one story changed.
        story.write_text(original + f"\nEen kleine wijziging {run}.\n", encoding="utf-8")
        shutil.rmtree(out)
        runs_of["ci"].append(measured(build, env))
        story.write_text(original, encoding="utf-8")
        print(
            f"[{size}] run {run + 1}: "
            + ", ".join(f"{kind} {runs_of[kind][-1]['s']:.2f} s" for kind, _ in KINDS),
            file=sys.stderr,
            flush=True,
        )
    measured(build, env)
    html_pages = sum(1 for _ in out.rglob("index.html"))
    weights, preview = {}, None
    if not builds_only:
        story_url = own_page(out, title_of(story)).parent.relative_to(out).as_posix() + "/"
        weights = page_weights(out, story_url)
        preview = preview_from_build(content, work, preview_runs or runs)
    return {
        "size": size,
        "items": items,
        "html_pages": html_pages,
        "preview": preview,
        "weights": weights,
        "runs": runs_of,
    }


def preview_from_build(content: Path, work: Path, runs: int) -> dict:
    """Edit-to-preview, starting from the cache of a build (an editor's preview keeps its
    cache between sessions); builds first if the corpus has not been built."""
    story = edited_story(content)
    original = story.read_text(encoding="utf-8")
    cache = work / "cache"
    if not (work / ".site.cache").is_dir():
        measured(our_build(content, work / "site"), cache_env(cache))
    shutil.rmtree(work / ".preview.cache", ignore_errors=True)
    shutil.copytree(work / ".site.cache", work / ".preview.cache")
    (work / ".preview.cache" / "stamp.json").unlink(missing_ok=True)
    try:
        return edit_to_preview(content, work / "preview", cache_env(cache), runs)
    finally:
        story.write_text(original, encoding="utf-8")


# ---- the command --------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="demo,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "build")
    parser.add_argument(
        "--results",
        type=Path,
        default=None,
        help="write the Markdown report here (default: print it)",
    )
    parser.add_argument(
        "--preview-runs",
        type=int,
        default=None,
        help="edits measured under serve (default: --runs); the first edit after "
        "serve starts loads templates and modules, so take at least 3",
    )
    parser.add_argument(
        "--builds-only",
        action="store_true",
        help="only the build times and memory: no edit-to-preview, no page weight",
    )
    parser.add_argument(
        "--only",
        choices=["preview"],
        default=None,
        help="measure only this step (edit-to-preview) and print its figures",
    )
    parser.add_argument(
        "--report-from",
        type=Path,
        nargs="+",
        default=None,
        help="measure nothing: one report from the results.json of earlier runs",
    )
    args = parser.parse_args()
    command = "python -m bench.build " + " ".join(sys.argv[1:])
    rows = []
    if args.report_from:
        saved = [json.loads(file.read_text(encoding="utf-8")) for file in args.report_from]
        # A results.json is {"command", "load", "rows"}; older ones were the rows alone.
        for runs in saved:
            rows += runs["rows"] if isinstance(runs, dict) else runs
        commands = sorted({runs["command"] for runs in saved if isinstance(runs, dict)})
        loads = sorted({runs.get("load", "") for runs in saved if isinstance(runs, dict)} - {""})
        text = report(rows, "` and `".join(commands) or command, "; ".join(loads))  # quoted
        if args.results:
            write_results(args.results, text)
        print(text, flush=True)
        return
    if args.only:  # "preview": edit-to-preview alone, from the cache of a build
        compile_our_code()
        for size in args.sizes.split(","):
            work, content, _ = corpus(size, args.out)
            preview = preview_from_build(content, work, args.preview_runs or args.runs)
            print(
                f"[{size}] edit-to-preview (median of {args.preview_runs or args.runs}): page {preview['page_s']:.2f} s, "
                f"every listing {preview['listings_s']:.2f} s ({preview['listings']} pages), "
                f"search index {preview['index_s']:.2f} s",
                flush=True,
            )
        return
    compile_our_code()
    started = os.getloadavg()[0]
    for size in args.sizes.split(","):
        rows.append(run_size(size, args.out, args.runs, args.builds_only, args.preview_runs))
        load = _load_note(started, os.getloadavg()[0])
        (args.out / "results.json").write_text(
            json.dumps({"command": command, "load": load, "rows": rows}, indent=1), encoding="utf-8"
        )
        text = report(rows, command, load)
        if args.results:
            write_results(args.results, text)
        print(text, flush=True)


def compile_our_code() -> None:
    """Our modules as bytecode, as pip leaves the baseline's installed packages: a no-change
    rebuild is mostly Python starting and importing, and where PYTHONDONTWRITEBYTECODE is set
    (some CI images, and the machine these figures come from) Python would otherwise compile
    our code again on every run, which a user's Python does once."""
    compileall.compile_dir(ROOT, quiet=1, rx=re.compile(r"/(\.venv|node_modules|\.git|bench/out)/"))


def _load_note(start: float, end: float) -> str:
    return f"load average (1 min) {start:.2f} when the run started, {end:.2f} when it ended"


if __name__ == "__main__":
    main()
