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
- the baseline: plain ``mkdocs build`` with mkdocs-material on the same staged Markdown pages
  with the same navigation (both languages), and its peak memory;
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
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bench.corpus import make_corpus  # noqa: E402
from core.search.index import index_path  # noqa: E402

TODAY = "2026-11-23"
INDEXED = "serve: search index updated"  # what serve prints once a fast update's index is in
# Runs a command, then prints its wall time and the peak memory of its process tree: of the
# largest single process (VmHWM, the kernel's own high-water mark) and of all its processes at
# once (the sum of their Pss, sampled from /proc every 20 ms: memory a process shares with
# others, such as the pages a forked worker still shares with its parent, is counted once
# over all of them, not once per process as a sum of VmRSS would). The measuring process is a
# child subreaper, so workers whose parent exits first (multiprocessing's forkserver) stay in
# the tree; ``ru_maxrss`` alone missed them.
_MEASURE = """
import ctypes, json, os, subprocess, sys, threading, time
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
peak = {"one": 0, "all": 0}
done = threading.Event()

def status(pid):
    fields = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                name, _, value = line.partition(":")
                fields[name] = value.split()
    except OSError:
        pass
    return fields

def tree(pid):
    # pid and its descendants (every thread's children): walking down the tree is cheap
    found, todo = [], [pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return found

def pss(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def sample():
    me = os.getpid()
    while not done.is_set():
        total = 0
        for pid in tree(me)[1:]:
            fields = status(pid)
            peak["one"] = max(peak["one"], int(fields.get("VmHWM", ["0"])[0]))
            total += pss(pid)
        peak["all"] = max(peak["all"], total)
        done.wait(0.02)

thread = threading.Thread(target=sample, daemon=True)
thread.start()
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
done.set()
thread.join()
if code.returncode:
    sys.stderr.write(code.stderr[-3000:])
    sys.exit(code.returncode)
print(json.dumps({"s": seconds, "kb": peak["one"], "kb_all": peak["all"]}))
"""
PAGES = {"home": "", "story": None, "Academy catalogue": "academy/",
         "Kompas matrix": "kompas/matrix/"}


def measured(command: list[str], env: dict | None = None) -> dict:
    """Wall seconds and peak memory (KB) of ``command`` in a fresh process."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, **(env or {})})
    if result.returncode:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr}")
    return json.loads(result.stdout)


def our_build(content: Path, out: Path, cache: Path) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content),
            "--out", str(out), "--today", TODAY]


def cache_env(cache: Path) -> dict:
    return {"SITE_IMAGE_CACHE": str(cache / "images")}


# ---- the baseline -------------------------------------------------------------------------

def stage_baseline(content: Path, out: Path) -> list[Path]:
    """Our staged Markdown of both languages, with a stock mkdocs-material config for each."""
    import build as cli
    from core import languages
    from core.pipeline import _generate_pages, _link_language_versions, _render_nav
    from core.site import load_site
    from core.staging import write_docs
    from datetime import date as date_
    site, problems = load_site(content, cli.SECTIONS, date_.fromisoformat(TODAY))
    problems.raise_if_any()
    pages = {lang: _generate_pages(site, lang) for lang in languages.LANGUAGES}
    _link_language_versions(pages, "https://mensenhandel.example.org/")
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    configs = []
    for lang in languages.LANGUAGES:
        docs = out / "docs" / lang
        shutil.rmtree(docs, ignore_errors=True)
        write_docs(pages[lang], site, docs)
        config = {"site_name": ours["site_name"], "site_url": ours["site_url"] + languages.prefix(lang),
                  "docs_dir": str(docs), "site_dir": str(out / "site" / languages.prefix(lang)),
                  "use_directory_urls": True,
                  "theme": {"name": "material", "language": lang, "font": False,
                            "features": ours["theme"]["features"]},
                  "markdown_extensions": ours["markdown_extensions"], "plugins": [],
                  "validation": ours["validation"], "nav": _render_nav(pages[lang])}
        path = out / f"mkdocs-{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        configs.append(path)
    return configs


def baseline_command(configs: list[Path]) -> list[str]:
    build = " && ".join(f"{sys.executable} -m mkdocs build -q -f {c}" for c in configs)
    return ["sh", "-c", build]


# ---- edit-to-preview ----------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _story(content: Path) -> Path:
    stories = sorted((content / "longread" / "stories").glob("*-s0*.md")) or \
        sorted(p for p in (content / "longread" / "stories").glob("*.md") if ".en." not in p.name)
    return stories[len(stories) // 2]


def _wait(predicate, timeout: float = 300, step: float = 0.005) -> float:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if predicate():
            return time.perf_counter()
        time.sleep(step)
    raise SystemExit("timed out waiting for the preview")


def _contains(path: Path, text: str) -> bool:
    try:
        return text in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def edit_to_preview(content: Path, out: Path, cache: Path, runs: int) -> dict:
    """Seconds from saving a story to its page being rewritten, and to every listing updated."""
    port = _free_port()
    log = open(out.parent / "serve.log", "w")
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port),
                                "--content", str(content), "--out", str(out)],
                               stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                               env={**os.environ, **cache_env(cache)})
    story = _story(content)
    page_times, listing_times, index_times = [], [], []
    index_file = out / index_path("nl")
    try:
        _wait(lambda: "serve: http" in (out.parent / "serve.log").read_text(), timeout=900, step=0.2)
        title = yaml.safe_load(story.read_text(encoding="utf-8").split("---", 2)[1])["title"]
        listings = [p for p in out.rglob("*.html") if _contains(p, title)]
        own = [p for p in listings if _contains(p, "<h1")
               and re.search(r"<h1[^>]*>\s*" + re.escape(title), p.read_text(encoding="utf-8"))]
        page = own[0]
        log_file = out.parent / "serve.log"
        for run in range(runs):
            # One edit on an idle server: wait until the previous rebuild (and the search index
            # the preview writes after the pages) is done.
            done = log_file.read_text().count("serve: site rebuilt")
            indexed = log_file.read_text().count(INDEXED)
            time.sleep(1.0)
            new_title = f"{title} bewerkt {run}"
            marker = f"Bewerkte alinea {run} voor de preview."
            text = story.read_text(encoding="utf-8").replace(f"title: {title}", f"title: {new_title}", 1)
            text = text.rstrip("\n") + f"\n\n{marker}\n"
            start = time.perf_counter()
            story.write_text(text, encoding="utf-8")
            page_times.append(_wait(lambda: _contains(page, marker)) - start)
            listing_times.append(_wait(lambda: all(_contains(p, new_title) for p in listings)) - start)
            # The search index follows in the background; the next edit waits for it.
            index_times.append(_wait(lambda: log_file.read_text().count(INDEXED) > indexed,
                                     timeout=900, step=0.01) - start)
            if not _contains(index_file, new_title):
                raise SystemExit(f"the search index {index_file} lacks the new title {new_title!r}")
            title = new_title
            _wait(lambda: log_file.read_text().count("serve: site rebuilt") > done, timeout=900, step=0.2)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
    return {"page_s": statistics.median(page_times), "listings_s": statistics.median(listing_times),
            "index_s": statistics.median(index_times),
            "listings": len(listings)}


# ---- page weight --------------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_weights(site: Path, story_url: str) -> dict:
    """Bytes (gzip -6, as a server would send) Chromium fetches for each page: without/with images."""
    from playwright.sync_api import sync_playwright
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    weights = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 args=["--no-sandbox", "--disable-gpu"])
            for name, path in PAGES.items():
                path = story_url if path is None else path
                context = browser.new_context(viewport={"width": 412, "height": 915})
                page = context.new_page()
                responses = []
                page.on("response", lambda r: responses.append(r))
                page.goto(base + path, wait_until="networkidle")
                text = images = 0
                files = []
                for response in responses:
                    if response.status >= 300:
                        continue
                    size = len(gzip.compress(response.body(), 6, mtime=0))
                    if response.request.resource_type == "image" or \
                            response.headers.get("content-type", "").startswith("image/"):
                        images += size
                    else:
                        text += size
                        files.append(response.url[len(base):] or "/")
                weights[name] = {"url": "/" + path, "no_images": text, "with_images": text + images,
                                 "files": files}
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return weights


# ---- one corpus ---------------------------------------------------------------------------

def run_size(size: str, root: Path, runs: int, builds_only: bool = False,
             preview_runs: int | None = None) -> dict:
    work = root / size
    work.mkdir(parents=True, exist_ok=True)
    content = make_corpus(size if size == "demo" else int(size), work / "content")
    items = sum(1 for p in content.rglob("*.md") if not p.name.endswith(".en.md"))
    cache, out = work / "cache", work / "site"
    print(f"[{size}] {items} items", file=sys.stderr, flush=True)
    if ONLY == "preview":
        return {"size": size, "items": items,
                "preview": preview_only(content, work, cache, out, preview_runs or runs)}

    runs_of: dict[str, list[dict]] = {kind: [] for kind, _ in KINDS}
    configs = stage_baseline(content, work / "baseline")
    story = _story(content)
    original = story.read_text(encoding="utf-8")
    build = our_build(content, out, cache)
    for run in range(runs):
        # The baseline and ours alternate, so background load hits both alike.
        runs_of["baseline"].append(measured(baseline_command(configs)))
        # Cold: nothing cached anywhere (the first build on a new machine).
        for path in (cache, work / ".site.cache", out):
            shutil.rmtree(path, ignore_errors=True)
        runs_of["cold"].append(measured(build, cache_env(cache)))
        runs_of["nochange"].append(measured(build, cache_env(cache)))
        # Full render: every page rendered, indexed and checked again, as after a change to
        # the theme, the code or mkdocs.yml; image variants and share cards (keyed by their
        # content) come from the image cache.
        for path in (work / ".site.cache", out):
            shutil.rmtree(path)
        runs_of["full"].append(measured(build, cache_env(cache)))
        # CI: an empty --out, the caches of the previous build kept, one story changed.
        story.write_text(original + f"\nEen kleine wijziging {run}.\n", encoding="utf-8")
        shutil.rmtree(out)
        runs_of["ci"].append(measured(build, cache_env(cache)))
        story.write_text(original, encoding="utf-8")
        print(f"[{size}] run {run + 1}: " + ", ".join(
            f"{kind} {runs_of[kind][-1]['s']:.2f} s" for kind, _ in KINDS), file=sys.stderr, flush=True)
    measured(our_build(content, out, cache), cache_env(cache))
    html_pages = sum(1 for _ in out.rglob("index.html"))
    story_url = next(p.parent.relative_to(out).as_posix() + "/" for p in out.rglob("index.html")
                     if _contains(p, "<h1") and
                     re.search(r"<h1[^>]*>\s*" + re.escape(yaml.safe_load(original.split("---", 2)[1])["title"]),
                               p.read_text(encoding="utf-8")))
    weights, preview = {}, None
    if not builds_only:
        weights = page_weights(out, story_url)
        # An editor's preview keeps its cache between sessions: start from the build's.
        shutil.rmtree(work / ".preview.cache", ignore_errors=True)
        shutil.copytree(work / ".site.cache", work / ".preview.cache")
        (work / ".preview.cache" / "stamp.json").unlink(missing_ok=True)
        preview = edit_to_preview(content, work / "preview", cache, preview_runs or runs)
        story.write_text(original, encoding="utf-8")

    return {"size": size, "items": items, "html_pages": html_pages, "preview": preview,
            "weights": weights, "runs": runs_of}


# The builds measured, in the report's order: (key, what it is).
KINDS = [("baseline", "baseline: plain mkdocs-material"),
         ("cold", "ours cold: nothing cached"),
         ("full", "ours full render: image cache kept"),
         ("ci", "ours CI: caches kept, 1 story changed"),
         ("nochange", "ours no-change rebuild")]


ONLY = None  # "preview": measure only edit-to-preview (--only preview)


def preview_only(content: Path, work: Path, cache: Path, out: Path, runs: int) -> dict:
    """Edit-to-preview alone, starting (as the full run does) from the cache of a build."""
    story = _story(content)
    original = story.read_text(encoding="utf-8")
    if not (work / ".site.cache").is_dir():
        measured(our_build(content, out, cache), cache_env(cache))
    shutil.rmtree(work / ".preview.cache", ignore_errors=True)
    shutil.copytree(work / ".site.cache", work / ".preview.cache")
    (work / ".preview.cache" / "stamp.json").unlink(missing_ok=True)
    try:
        return edit_to_preview(content, work / "preview", cache, runs)
    finally:
        story.write_text(original, encoding="utf-8")


# ---- the report ---------------------------------------------------------------------------

def _median(row: dict, kind: str, key: str) -> float:
    """The median of ``key`` over the runs of one build kind (``kb_all`` falls back to ``kb``
    in results saved before it was measured)."""
    return statistics.median(r.get(key, r["kb"]) for r in row["runs"][kind])


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def report(rows: list[dict], command: str, load: str = "") -> str:
    """The Markdown report of ``rows`` (one per corpus)."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    ours = [kind for kind, _ in KINDS if kind not in ("baseline", "nochange")]
    label = dict(KINDS)
    lines = [
        "# Build benchmark results", "",
        f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- machine: {os.cpu_count()} cores ({cpu}), {mem:,} MB RAM, {platform.platform()}, "
        f"Python {platform.python_version()}" + (f"; {load}" if load else ""),
        f"- command: `{command}`",
        "- every figure is the median over the runs; within a run the baseline and our builds "
        "alternate, so background load hits both alike", "",
        "## Build time", "",
        "| corpus | items | HTML pages | " + " | ".join(label[k] for k, _ in KINDS) + " | "
        + " | ".join(f"{k} / baseline" for k in ours) + " |",
        "| --- | ---: | ---: | " + " | ".join("---:" for _ in KINDS) + " | " + " | ".join("---:" for _ in ours) + " |"]
    for r in rows:
        base = _median(r, "baseline", "s")
        lines.append(f"| {r['size']} | {r['items']:,} | {r['html_pages']:,} | "
                     + " | ".join(_seconds(_median(r, k, "s")) for k, _ in KINDS) + " | "
                     + " | ".join(f"{_median(r, k, 's') / base:.2f}×" for k in ours) + " |")
    lines += ["", "## Peak memory (MB)", "",
              "Sampled from /proc every 20 ms over the whole process tree: **largest** is the "
              "largest single process's high-water mark (VmHWM); **all** is every process of the "
              "build at once (the sum of their Pss: memory shared between processes, such as a "
              "forked worker's pages still shared with its parent, counted once).", "",
              "| corpus | " + " | ".join(f"{label[k]}: largest / all" for k, _ in KINDS if k != "nochange")
              + " | " + " | ".join(f"{k} / baseline: largest, all" for k in ours) + " |",
              "| --- | " + " | ".join("---:" for k, _ in KINDS if k != "nochange") + " | "
              + " | ".join("---:" for _ in ours) + " |"]
    for r in rows:
        one = {k: _median(r, k, "kb") / 1024 for k, _ in KINDS}
        every = {k: _median(r, k, "kb_all") / 1024 for k, _ in KINDS}
        lines.append(f"| {r['size']} | " + " | ".join(f"{one[k]:.0f} / {every[k]:.0f}" for k, _ in KINDS if k != "nochange")
                     + " | " + " | ".join(f"{one[k] / one['baseline']:.2f}×, {every[k] / every['baseline']:.2f}×"
                                          for k in ours) + " |")
    lines += ["", "## Cost per item", "",
              "Time and memory divided by the number of items: flat columns mean cost grows linearly.", "",
              "| corpus | items | " + " | ".join(f"{k} ms/item" for k, _ in KINDS if k != "nochange")
              + " | " + " | ".join(f"{k} KB/item (all)" for k, _ in KINDS if k != "nochange") + " |",
              "| --- | ---: | " + " | ".join("---:" for k, _ in KINDS if k != "nochange") + " | "
              + " | ".join("---:" for k, _ in KINDS if k != "nochange") + " |"]
    for r in rows:
        n = r["items"]
        lines.append(f"| {r['size']} | {n:,} | "
                     + " | ".join(f"{1000 * _median(r, k, 's') / n:.1f}" for k, _ in KINDS if k != "nochange") + " | "
                     + " | ".join(f"{_median(r, k, 'kb_all') / n:.0f}" for k, _ in KINDS if k != "nochange") + " |")
    lines += ["", "## Edit-to-preview under `build.py serve` (medians)", "",
              "| corpus | saved story → its page written | → every listing of its title updated (pages) | → search index updated |",
              "| --- | ---: | ---: | ---: |"]
    for r in (r for r in rows if r["preview"]):
        p = r["preview"]
        index = f"{p['index_s']:.2f} s" if "index_s" in p else "not measured"
        lines.append(f"| {r['size']} | {p['page_s']:.2f} s | {p['listings_s']:.2f} s ({p['listings']}) | {index} |")
    lines += ["", "## Page weight in Chromium (gzip -6 of every response, as a server would send)", "",
              "| corpus | page | without images | with images | files (without images) |",
              "| --- | --- | ---: | ---: | --- |"]
    for r in rows:
        for name, w in r["weights"].items():
            lines.append(f"| {r['size']} | {name} (`{w['url']}`) | {w['no_images'] / 1024:.1f} KB | "
                         f"{w['with_images'] / 1024:.1f} KB | {len(w['files'])} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="demo,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "build")
    parser.add_argument("--results", type=Path, default=None,
                        help="write the Markdown report here (default: print it)")
    parser.add_argument("--preview-runs", type=int, default=None,
                        help="edits measured under serve (default: --runs); the first edit after "
                             "serve starts loads templates and modules, so take at least 3")
    parser.add_argument("--builds-only", action="store_true",
                        help="only the build times and memory: no edit-to-preview, no page weight")
    parser.add_argument("--only", choices=["preview"], default=None,
                        help="measure only this step (edit-to-preview) and print its figures")
    parser.add_argument("--report-from", type=Path, nargs="+", default=None,
                        help="measure nothing: one report from the results.json of earlier runs")
    args = parser.parse_args()
    command = "python -m bench.build " + " ".join(sys.argv[1:])
    rows = []
    if args.report_from:
        for file in args.report_from:
            saved = json.loads(file.read_text(encoding="utf-8"))
            rows += saved["rows"] if isinstance(saved, dict) else saved
        commands = sorted({s["command"] for f in args.report_from
                           if isinstance(s := json.loads(f.read_text(encoding="utf-8")), dict)})
        loads = sorted({s.get("load", "") for f in args.report_from
                        if isinstance(s := json.loads(f.read_text(encoding="utf-8")), dict)} - {""})
        text = report(rows, "` and `".join(commands) or command, "; ".join(loads))  # quoted
        if args.results:
            write_results(args.results, text)
        print(text, flush=True)
        return
    if args.only:
        global ONLY
        ONLY = args.only
        for size in args.sizes.split(","):
            row = run_size(size, args.out, args.runs, preview_runs=args.preview_runs)
            preview = row["preview"]
            print(f"[{size}] edit-to-preview (median of {args.preview_runs or args.runs}): page {preview['page_s']:.2f} s, "
                  f"every listing {preview['listings_s']:.2f} s ({preview['listings']} pages), "
                  f"search index {preview['index_s']:.2f} s",
                  flush=True)
        return
    started = os.getloadavg()[0]
    for size in args.sizes.split(","):
        rows.append(run_size(size, args.out, args.runs, args.builds_only, args.preview_runs))
        load = _load_note(started, os.getloadavg()[0])
        (args.out / "results.json").write_text(
            json.dumps({"command": command, "load": load, "rows": rows}, indent=1), encoding="utf-8")
        text = report(rows, command, load)
        if args.results:
            write_results(args.results, text)
        print(text, flush=True)


def _load_note(start: float, end: float) -> str:
    return f"load average (1 min) {start:.2f} when the run started, {end:.2f} when it ended"


BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def write_results(path: Path, text: str) -> None:
    """Put the report between the markers of ``path`` (keeping what is around them), or make
    ``path`` the report alone."""
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        text = f"{head}{BEGIN}\n{text}{END}{rest.split(END, 1)[1]}"
    else:
        text = f"{BEGIN}\n{text}{END}\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
