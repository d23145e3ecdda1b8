#!/usr/bin/env python3
"""Search benchmark: our prebuilt lunr index against Pagefind and mkdocs-material's search.

    .venv/bin/python bench/search.py [--sizes demo,1000,5000] [--runs 5] [--out bench/out/search]

For each corpus size (bench/corpus.py), on the same pages: index bytes (raw and gzip) per
language, index build time, and in Chromium the bytes a visitor downloads before the first
result (ours: the head fetched at focus and the body shards of the words typed; Pagefind:
pagefind-entry.json, pagefind.js, its wasm, the language's meta, index chunks and the fragments
of the results shown) and the time from the first keystroke to the first result shown (cold
cache, median of --runs). Prints a Markdown table. Pagefind is the npm package (package.json,
`npm ci`: its binary comes in @pagefind/linux-x64), run with `npx pagefind`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from datetime import date
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from toolkit import cli  # noqa: E402
from core import languages  # noqa: E402
from core.generate import link_language_versions, section_pages  # noqa: E402
from core.pipeline import render_nav  # noqa: E402
from core.search.index import build_index, collect_docs  # noqa: E402
from core.search.parts import parts_dir, write_parts  # noqa: E402
from core.search import section_label  # noqa: E402
from core.site import load_site  # noqa: E402
from core.stagecache import StageCache  # noqa: E402

TODAY = date(2026, 11, 23)
QUERIES = {"nl": ("over-ons/", "gemeenten"), "en": ("en/about/", "municipalities")}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# ---- corpora -------------------------------------------------------------------------------


def make_content(size: str, out: Path) -> Path:
    """The demo content, or the demo plus ``size`` synthetic items (bench/corpus.py)."""
    from bench.corpus import make_corpus

    return make_corpus(size if size == "demo" else int(size), out / "content")


def build_ours(content: Path, out: Path) -> Path:
    site = out / "ours"
    code = cli.main(
        ["build", "--content", str(content), "--out", str(site), "--today", TODAY.isoformat()]
    )
    if code != 0:
        raise SystemExit("our build failed")
    return site


def time_our_index(content: Path, site_dir: Path) -> float:
    """Seconds to read the rendered pages, build both languages' lunr indexes and split them
    into the parts the browser fetches (core/search/parts.py), best of 3."""
    site, problems = load_site(content, cli.SECTIONS, TODAY)
    pages = {lang: section_pages(site, lang) for lang in languages.LANGUAGES}
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for lang in languages.LANGUAGES:
            labels = {t.key: section_label(t, lang) for t in site.types}
            data = build_index(
                collect_docs(pages[lang], site_dir / languages.prefix(lang), labels), lang
            )
            scratch = site_dir.parent / "index-timing" / f"{lang}.json"
            scratch.parent.mkdir(exist_ok=True)
            scratch.write_text(
                json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
            )
            write_parts(scratch)
        best = min(best, time.perf_counter() - start)
    return best


def build_pagefind(site: Path, out: Path) -> tuple[Path, float]:
    """Pagefind on a copy of our built site, indexing the same <article> our index reads."""
    target = out / "pagefind-site"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target)
    start = time.perf_counter()
    subprocess.run(
        [
            "npx",
            "--no-install",
            "pagefind",
            "--site",
            str(target),
            "--output-path",
            str(target / "pagefind"),
            "--root-selector",
            "article",
            "--exclude-selectors",
            ".untranslated",
            "--quiet",
        ],
        check=True,
        cwd=ROOT,
    )
    elapsed = time.perf_counter() - start
    # A bare page with Pagefind's own UI, per language (Pagefind picks the index by <html lang>).
    for lang, prefix in (("nl", ""), ("en", "en/")):
        (target / prefix / "pagefind-bench.html").write_text(
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>bench</title>'
            f'<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script>'
            f'</head><body><div id="search"></div><script>window.addEventListener("DOMContentLoaded",'
            f'()=>new PagefindUI({{element:"#search",showImages:false}}))</script></body></html>',
            encoding="utf-8",
        )
    return target, elapsed


def build_material(content: Path, out: Path) -> tuple[Path, float]:
    """The same staged pages, with our navigation, rendered by stock mkdocs-material with its
    search plugin."""
    import properdocs.replacement  # noqa: F401  (Material's search plugin imports `mkdocs`)
    from properdocs.commands.build import build as mkdocs_build
    from properdocs.config import load_config
    import logging

    logging.getLogger("properdocs").setLevel(logging.ERROR)
    site, problems = load_site(content, cli.SECTIONS, TODAY)
    pages = {lang: section_pages(site, lang) for lang in languages.LANGUAGES}
    link_language_versions(pages, "https://mensenhandel.example.org/")
    target = out / "material-site"
    shutil.rmtree(target, ignore_errors=True)
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    seconds = 0.0
    for lang in languages.LANGUAGES:
        docs = out / "material-docs" / lang
        shutil.rmtree(docs, ignore_errors=True)
        StageCache().stage(site, pages[lang]).write(site, docs)
        timings = {}
        for plugins in ([], [{"search": {"lang": lang}}]):
            # Our explicit navigation (section landings), not Material's automatic one: with
            # every page in the menu, rendering 5,000 pages takes hours and measures the menu.
            config = {
                "site_name": "bench",
                "docs_dir": str(docs),
                "use_directory_urls": True,
                "nav": [{e.title: e.doc_path} for e in render_nav(pages[lang])],
                "site_dir": str(target / languages.prefix(lang)),
                "theme": {"name": "material", "language": lang, "font": False},
                "markdown_extensions": ours["markdown_extensions"],
                "plugins": plugins,
            }
            cfg = out / "material.yml"
            cfg.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
            start = time.perf_counter()
            mkdocs_build(load_config(str(cfg)))
            timings[bool(plugins)] = time.perf_counter() - start
        seconds += max(0.0, timings[True] - timings[False])  # what the search plugin adds
    return target, seconds


# ---- measuring -----------------------------------------------------------------------------


def sizes(path: Path) -> tuple[int, int]:
    """(raw, gzip) bytes; Pagefind's data files are gzip already: (unpacked, as stored)."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        return len(gzip.decompress(data)), len(data)
    return len(data), len(gzip.compress(data, 9, mtime=0))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# Installed in every page: time of the first keydown, and of the first result in the DOM.
_PROBE = """
window.__bench = {focus: null, key: null, result: null};
document.addEventListener('focusin', () => { if (window.__bench.focus === null) window.__bench.focus = performance.now(); }, true);
document.addEventListener('keydown', () => { if (window.__bench.key === null) window.__bench.key = performance.now(); }, true);
new MutationObserver(() => {
  if (window.__bench.result === null && window.__bench.key !== null && document.querySelector(%s))
    window.__bench.result = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


def measure(
    browser,
    base: str,
    directory: Path,
    path: str,
    input_sel: str,
    result_sel: str,
    query: str,
    search_urls: str,
    runs: int,
) -> dict:
    """Median first-keystroke-to-first-result time and the search bytes (raw, gzip) in Chromium."""
    times, from_focus, transfers = [], [], []
    for _ in range(runs):
        # bypass_csp: only so that the probe can poll (Playwright compiles its predicate in the
        # page); the search code runs under the site's own policy otherwise unchanged.
        context = browser.new_context(bypass_csp=True)
        context.add_init_script(_PROBE % json.dumps(result_sel))
        page = context.new_page()
        urls: list[str] = []
        page.on("requestfinished", lambda r: urls.append(r.url))
        page.goto(base + path, wait_until="load")
        page.wait_for_timeout(
            500
        )  # let eager loaders (Material's worker) finish, as a visitor's would
        page.click(input_sel)
        page.keyboard.type(query)
        page.wait_for_function("window.__bench.result !== null", timeout=30000)
        page.wait_for_timeout(300)
        bench = page.evaluate("window.__bench")
        times.append(bench["result"] - bench["key"])
        from_focus.append(
            bench["result"] - (bench["focus"] if bench["focus"] is not None else bench["key"])
        )
        raw = gz = 0
        for url in set(urls):
            rel = url.split("/", 3)[3].split("?")[0]
            if not re.search(search_urls, rel):
                continue
            file = directory / rel
            if file.is_dir() or not file.exists():
                file = file / "index.html"
            if file.exists():
                r, g = sizes(file)
                raw, gz = raw + r, gz + g
        transfers.append((raw, gz))
        context.close()
    return {
        "ms": statistics.median(times),
        "focus_ms": statistics.median(from_focus),
        "raw": transfers[-1][0],
        "gzip": transfers[-1][1],
    }


def run_size(size: str, out_root: Path, runs: int, browser, material: bool = True) -> list[dict]:
    out = out_root / size
    out.mkdir(parents=True, exist_ok=True)
    content = make_content(size, out)
    start = time.perf_counter()
    ours = build_ours(content, out)
    full_build = time.perf_counter() - start
    index_seconds = time_our_index(content, ours)
    pf_site, pf_seconds = build_pagefind(ours, out)
    mat_site, mat_seconds = build_material(content, out) if material else (None, 0.0)
    n_pages = len(list((ours).rglob("index.html")))
    rows = []
    for lang in ("nl", "en"):
        path, query = QUERIES[lang]
        prefix = languages.prefix(lang)
        # What the browser may fetch: the head and every body shard (the whole index,
        # search/<lang>.json, stays for tools and is never fetched).
        parts = [
            p for p in sorted(parts_dir(ours / prefix / "search" / f"{lang}.json").rglob("*.json"))
        ]
        ours_index = tuple(sum(x) for x in zip(*(sizes(p) for p in parts)))
        ours_head = sizes(parts_dir(ours / prefix / "search" / f"{lang}.json") / "head.json")
        whole = sizes(ours / prefix / "search" / f"{lang}.json")
        pf_files = [
            p
            for p in (pf_site / "pagefind").rglob("*")
            if p.is_file()
            and (p.name.startswith(f"{lang}_") or p.name.startswith(f"pagefind.{lang}_"))
        ]
        pf_index = [sum(x) for x in zip(*(sizes(p) for p in pf_files))] if pf_files else [0, 0]
        mat_index = sizes(mat_site / prefix / "search" / "search_index.json") if material else None
        server_o, base_o = serve(ours)
        server_p, base_p = serve(pf_site)
        server_m, base_m = serve(mat_site if material else out)
        try:
            m_ours = measure(
                browser,
                base_o,
                ours,
                path,
                "#site-search-q",
                "#site-search-listbox [role=option]",
                query,
                r"(search/|assets/vendor/|search-query\.js)",
                runs,
            )
            # Pagefind's own search code and data; not its UI's script and styles (ours
            # counts no UI code either: search.js is on every page).
            m_pf = measure(
                browser,
                base_p,
                pf_site,
                prefix + "pagefind-bench.html",
                ".pagefind-ui__search-input",
                ".pagefind-ui__result",
                query,
                r"^pagefind/(?!pagefind-ui)",
                runs,
            )
            m_mat = (
                None
                if not material
                else measure(
                    browser,
                    base_m,
                    mat_site,
                    path,
                    "label.md-search__icon, .md-search__input",
                    ".md-search-result__item",
                    query,
                    r"(search/search_index\.json|javascripts/(workers|lunr)/)",
                    runs,
                )
            )
        finally:
            for s in (server_o, server_p, server_m):
                s.shutdown()
        rows += [
            {
                "size": size,
                "pages": n_pages,
                "lang": lang,
                "engine": "ours (lunr, head + shards)",
                "index": ours_index,
                "first": ours_head,
                "whole": whole,
                "build_s": index_seconds,
                **m_ours,
            },
            {
                "size": size,
                "pages": n_pages,
                "lang": lang,
                "engine": f"Pagefind {pagefind_version()}",
                "index": tuple(pf_index),
                "build_s": pf_seconds,
                **m_pf,
            },
        ] + (
            [
                {
                    "size": size,
                    "pages": n_pages,
                    "lang": lang,
                    "engine": f"mkdocs-material {metadata.version('mkdocs-material')} search",
                    "index": mat_index,
                    "build_s": mat_seconds,
                    **m_mat,
                }
            ]
            if material
            else []
        )
    print(f"# {size}: our full build {full_build:.1f} s", file=sys.stderr)
    return rows


def pagefind_version() -> str:
    """The Pagefind of package.json (node_modules), as its CLI reports it."""
    done = subprocess.run(
        ["npx", "--no-install", "pagefind", "--version"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout.split()[-1]


def table(rows: list[dict]) -> str:
    lines = [
        "| corpus | lang | engine | index raw | index gzip | first fetch gzip | index build s | bytes before first result raw | bytes before first result gzip | first keystroke → first result ms | focus → first result ms |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        first = f"{r['first'][1]:,}" if r.get("first") else ""
        lines.append(
            f"| {r['size']} ({r['pages']} html) | {r['lang']} | {r['engine']} | {r['index'][0]:,} | "
            f"{r['index'][1]:,} | {first} | {r['build_s']:.2f} | {r['raw']:,} | {r['gzip']:,} | {r['ms']:.0f} | "
            f"{r.get('focus_ms', float('nan')):.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="demo")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--no-material",
        action="store_true",
        help="leave out stock mkdocs-material (two more renders of every page)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "search")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        for size in args.sizes.split(","):
            rows += run_size(size, args.out, args.runs, browser, not args.no_material)
            print(table(rows), flush=True)
        browser.close()
    (args.out / "results.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
