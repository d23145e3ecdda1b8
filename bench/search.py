#!/usr/bin/env python3
"""Search benchmark: our prebuilt lunr index against Pagefind and mkdocs-material's search.

    .venv/bin/python bench/search.py [--sizes demo,1000,5000] [--runs 5] [--out bench/out/search]

For each corpus size, on the same pages: index bytes (raw and gzip) per language, index build
time, and in Chromium the bytes a visitor downloads for search and the time from the first
keystroke to the first result shown (cold cache, median of --runs). Prints a Markdown table.
Needs `pip install -r bench/requirements.txt` (Pagefind from PyPI, its binary inside the package).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import random
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
from core.pipeline import _generate_pages, _link_language_versions, _render_nav  # noqa: E402
from core.search.index import build_index, collect_docs  # noqa: E402
from core.search import section_label  # noqa: E402
from core.site import load_site  # noqa: E402
from core.staging import write_docs  # noqa: E402

TODAY = date(2026, 11, 23)
QUERIES = {"nl": ("over-ons/", "gemeenten"), "en": ("en/about/", "municipalities")}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# ---- corpora -------------------------------------------------------------------------------

def make_content(size: str, out: Path) -> Path:
    """The demo content, plus ``size`` synthetic pages (nl and en) written from the seed texts."""
    content = out / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(ROOT / "content", content)
    if size == "demo":
        return content
    seeds = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
                     if p.exists()) if (ROOT.parent / "shared" / "seeds").exists() else ""
    if not seeds:
        seeds = " ".join(p.read_text(encoding="utf-8") for p in (Path("/work/shared/seeds")).glob("*.txt"))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", seeds) if 40 < len(s.strip()) < 300
                 and not s.strip().startswith(("#", "-", "|", "*"))]
    rng = random.Random(1)
    english = (ROOT / "content" / "pages" / "over-ons.en.md").read_text(encoding="utf-8").split("---", 2)[2]
    en_sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", english) if len(s.strip()) > 40]
    for i in range(int(size)):
        words = rng.choice(sentences).split()
        title = " ".join(words[:6]).strip(".,:;")[:70] or f"Pagina {i}"
        body = "\n\n".join(" ".join(rng.choice(sentences) for _ in range(5)) for _ in range(6))
        (content / "pages" / f"synth-{i:05d}.md").write_text(
            f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsummary: {json.dumps(rng.choice(sentences)[:190], ensure_ascii=False)}\n---\n\n{body}\n",
            encoding="utf-8")
        en_body = "\n\n".join(" ".join(rng.choice(en_sentences) for _ in range(5)) for _ in range(6))
        (content / "pages" / f"synth-{i:05d}.en.md").write_text(
            f"---\ntitle: Synthetic page {i}\nsummary: {json.dumps(rng.choice(en_sentences)[:190])}\nslug: synthetic-{i:05d}\n---\n\n{en_body}\n",
            encoding="utf-8")
    return content


def build_ours(content: Path, out: Path) -> Path:
    site = out / "ours"
    code = cli.main(["build", "--content", str(content), "--out", str(site), "--today", TODAY.isoformat()])
    if code != 0:
        raise SystemExit("our build failed")
    return site


def time_our_index(content: Path, site_dir: Path) -> float:
    """Seconds to read the rendered pages and build both languages' lunr indexes (best of 3)."""
    site, problems = load_site(content, cli.SECTIONS, TODAY)
    pages = {lang: _generate_pages(site, lang) for lang in languages.LANGUAGES}
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for lang in languages.LANGUAGES:
            labels = {s.key: section_label(s, lang) for s in site.sections}
            json.dumps(build_index(collect_docs(pages[lang], site_dir / languages.prefix(lang), labels), lang),
                       ensure_ascii=False, separators=(",", ":"))
        best = min(best, time.perf_counter() - start)
    return best


def build_pagefind(site: Path, out: Path) -> tuple[Path, float]:
    """Pagefind on a copy of our built site, indexing the same <article> our index reads."""
    target = out / "pagefind-site"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(target), "--root-selector", "article",
                    "--exclude-selectors", ".untranslated", "--quiet"], check=True)
    elapsed = time.perf_counter() - start
    # A bare page with Pagefind's own UI, per language (Pagefind picks the index by <html lang>).
    for lang, prefix in (("nl", ""), ("en", "en/")):
        (target / prefix / "pagefind-bench.html").write_text(
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>bench</title>'
            f'<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script>'
            f'</head><body><div id="search"></div><script>window.addEventListener("DOMContentLoaded",'
            f'()=>new PagefindUI({{element:"#search",showImages:false}}))</script></body></html>', encoding="utf-8")
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
    pages = {lang: _generate_pages(site, lang) for lang in languages.LANGUAGES}
    _link_language_versions(pages, "https://mensenhandel.example.org/")
    target = out / "material-site"
    shutil.rmtree(target, ignore_errors=True)
    ours = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    seconds = 0.0
    for lang in languages.LANGUAGES:
        docs = out / "material-docs" / lang
        shutil.rmtree(docs, ignore_errors=True)
        write_docs(pages[lang], site, docs)
        timings = {}
        for plugins in ([], [{"search": {"lang": lang}}]):
            # Our explicit navigation (section landings), not Material's automatic one: with
            # every page in the menu, rendering 5,000 pages takes hours and measures the menu.
            config = {"site_name": "bench", "docs_dir": str(docs), "use_directory_urls": True,
                      "nav": _render_nav(pages[lang]),
                      "site_dir": str(target / languages.prefix(lang)),
                      "theme": {"name": "material", "language": lang, "font": False},
                      "markdown_extensions": ours["markdown_extensions"], "plugins": plugins}
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
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
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


def measure(browser, base: str, directory: Path, path: str, input_sel: str, result_sel: str,
            query: str, search_urls: str, runs: int) -> dict:
    """Median first-keystroke-to-first-result time and the search bytes (raw, gzip) in Chromium."""
    times, from_focus, transfers = [], [], []
    for _ in range(runs):
        context = browser.new_context()
        context.add_init_script(_PROBE % json.dumps(result_sel))
        page = context.new_page()
        urls: list[str] = []
        page.on("requestfinished", lambda r: urls.append(r.url))
        page.goto(base + path, wait_until="load")
        page.wait_for_timeout(500)  # let eager loaders (Material's worker) finish, as a visitor's would
        page.click(input_sel)
        page.keyboard.type(query)
        page.wait_for_function("window.__bench.result !== null", timeout=30000)
        page.wait_for_timeout(300)
        bench = page.evaluate("window.__bench")
        times.append(bench["result"] - bench["key"])
        from_focus.append(bench["result"] - (bench["focus"] if bench["focus"] is not None else bench["key"]))
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
    return {"ms": statistics.median(times), "focus_ms": statistics.median(from_focus), "raw": transfers[-1][0], "gzip": transfers[-1][1]}


def run_size(size: str, out_root: Path, runs: int, browser) -> list[dict]:
    out = out_root / size
    out.mkdir(parents=True, exist_ok=True)
    content = make_content(size, out)
    start = time.perf_counter()
    ours = build_ours(content, out)
    full_build = time.perf_counter() - start
    index_seconds = time_our_index(content, ours)
    pf_site, pf_seconds = build_pagefind(ours, out)
    mat_site, mat_seconds = build_material(content, out)
    n_pages = len(list((ours).rglob("index.html")))
    rows = []
    for lang in ("nl", "en"):
        path, query = QUERIES[lang]
        prefix = languages.prefix(lang)
        ours_index = sizes(ours / prefix / "search" / f"{lang}.json")
        pf_files = [p for p in (pf_site / "pagefind").rglob("*") if p.is_file()
                    and (p.name.startswith(f"{lang}_") or p.name.startswith(f"pagefind.{lang}_"))]
        pf_index = [sum(x) for x in zip(*(sizes(p) for p in pf_files))] if pf_files else [0, 0]
        mat_index = sizes(mat_site / prefix / "search" / "search_index.json")
        server_o, base_o = serve(ours)
        server_p, base_p = serve(pf_site)
        server_m, base_m = serve(mat_site)
        try:
            m_ours = measure(browser, base_o, ours, path, "#site-search-q", "#site-search-listbox [role=option]",
                             query, r"(search/|assets/vendor/|search-query\.js)", runs)
            m_pf = measure(browser, base_p, pf_site, prefix + "pagefind-bench.html", ".pagefind-ui__search-input",
                           ".pagefind-ui__result", query, r"^pagefind/", runs)
            m_mat = measure(browser, base_m, mat_site, path, "label.md-search__icon, .md-search__input",
                            ".md-search-result__item", query,
                            r"(search/search_index\.json|javascripts/(workers|lunr)/)", runs)
        finally:
            for s in (server_o, server_p, server_m):
                s.shutdown()
        rows += [
            {"size": size, "pages": n_pages, "lang": lang, "engine": "ours (lunr, prebuilt)",
             "index": ours_index, "build_s": index_seconds, **m_ours},
            {"size": size, "pages": n_pages, "lang": lang, "engine": "Pagefind 1.5.2",
             "index": tuple(pf_index), "build_s": pf_seconds, **m_pf},
            {"size": size, "pages": n_pages, "lang": lang, "engine": f"mkdocs-material {metadata.version('mkdocs-material')} search",
             "index": mat_index, "build_s": mat_seconds, **m_mat},
        ]
    print(f"# {size}: our full build {full_build:.1f} s", file=sys.stderr)
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| corpus | lang | engine | index raw | index gzip | index build s | search bytes raw | search bytes gzip | first keystroke → first result ms | focus → first result ms |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['size']} ({r['pages']} html) | {r['lang']} | {r['engine']} | {r['index'][0]:,} | "
                     f"{r['index'][1]:,} | {r['build_s']:.2f} | {r['raw']:,} | {r['gzip']:,} | {r['ms']:.0f} | "
                     f"{r.get('focus_ms', float('nan')):.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="demo")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "search")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for size in args.sizes.split(","):
            rows += run_size(size, args.out, args.runs, browser)
            print(table(rows), flush=True)
        browser.close()
    (args.out / "results.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
