"""The benchmark's Markdown report (bench/build.py): machine, date, command and tables, put
between the ``bench:begin`` / ``bench:end`` lines of bench/RESULTS.md."""

from __future__ import annotations

import os
import platform
import statistics
from datetime import datetime, timezone
from pathlib import Path

# The builds measured, in the report's order: (key, what it is).
KINDS = [
    ("baseline", "baseline: plain mkdocs-material"),
    ("hugo", "Hugo: minimal layout"),
    ("cold", "ours cold: nothing cached"),
    ("full", "ours full render: image cache kept"),
    ("ci", "ours CI: caches kept, 1 story changed"),
    ("nochange", "ours no-change rebuild"),
]


# Builds of other generators, measured beside ours: no ratios of ours to them but the two below.
OTHERS = ("baseline", "hugo", "nochange")


def _median(row: dict, kind: str, key: str) -> float:
    """The median of ``key`` over the runs of one build kind (``kb_all`` falls back to ``kb``
    in results saved before it was measured); NaN for a kind that was not measured (Hugo, in
    results saved before it was)."""
    runs = row["runs"].get(kind) or []
    return statistics.median(r.get(key, r["kb"]) for r in runs) if runs else float("nan")


def _seconds(value: float) -> str:
    if value != value:  # NaN: not measured
        return "not measured"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def report(rows: list[dict], command: str, load: str = "") -> str:
    """The Markdown report of ``rows`` (one per corpus)."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        (
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    ours = [kind for kind, _ in KINDS if kind not in OTHERS]
    label = dict(KINDS)
    lines = [
        "# Build benchmark results",
        "",
        f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- machine: {os.cpu_count()} cores ({cpu}), {mem:,} MB RAM, {platform.platform()}, "
        f"Python {platform.python_version()}" + (f"; {load}" if load else ""),
        f"- command: `{command}`",
        "- every figure is the median over the runs; within a run the baseline and our builds "
        "alternate, so background load hits both alike",
        "",
        "## Build time",
        "",
        "| corpus | items | HTML pages | "
        + " | ".join(label[k] for k, _ in KINDS)
        + " | "
        + " | ".join(f"{k} / baseline" for k in ours)
        + " | baseline / Hugo | cold / Hugo |",
        "| --- | ---: | ---: | "
        + " | ".join("---:" for _ in KINDS)
        + " | "
        + " | ".join("---:" for _ in ours)
        + " | ---: | ---: |",
    ]
    for r in rows:
        base = _median(r, "baseline", "s")
        lines.append(
            f"| {r['size']} | {r['items']:,} | {r['html_pages']:,} | "
            + " | ".join(_seconds(_median(r, k, "s")) for k, _ in KINDS)
            + " | "
            + " | ".join(f"{_median(r, k, 's') / base:.2f}×" for k in ours)
            + " | "
            + " | ".join(
                f"{_median(r, k, 's') / _median(r, 'hugo', 's'):.1f}×" for k in ("baseline", "cold")
            )
            + " |"
        )
    lines += [
        "",
        "## Peak memory (MB)",
        "",
        "Sampled from /proc every 20 ms over the whole process tree: **largest** is the "
        "largest single process's high-water mark (VmHWM); **all** is every process of the "
        "build at once (the sum of their Pss: memory shared between processes, such as a "
        "forked worker's pages still shared with its parent, counted once).",
        "",
        "| corpus | "
        + " | ".join(f"{label[k]}: largest / all" for k, _ in KINDS if k != "nochange")
        + " | "
        + " | ".join(f"{k} / baseline: largest, all" for k in ours)
        + " |",
        "| --- | "
        + " | ".join("---:" for k, _ in KINDS if k != "nochange")
        + " | "
        + " | ".join("---:" for _ in ours)
        + " |",
    ]
    for r in rows:
        one = {k: _median(r, k, "kb") / 1024 for k, _ in KINDS}
        every = {k: _median(r, k, "kb_all") / 1024 for k, _ in KINDS}
        lines.append(
            f"| {r['size']} | "
            + " | ".join(f"{one[k]:.0f} / {every[k]:.0f}" for k, _ in KINDS if k != "nochange")
            + " | "
            + " | ".join(
                f"{one[k] / one['baseline']:.2f}×, {every[k] / every['baseline']:.2f}×"
                for k in ours
            )
            + " |"
        )
    lines += [
        "",
        "## Cost per item",
        "",
        "Time and memory divided by the number of items: flat columns mean cost grows linearly.",
        "",
        "| corpus | items | "
        + " | ".join(f"{k} ms/item" for k, _ in KINDS if k != "nochange")
        + " | "
        + " | ".join(f"{k} KB/item (all)" for k, _ in KINDS if k != "nochange")
        + " |",
        "| --- | ---: | "
        + " | ".join("---:" for k, _ in KINDS if k != "nochange")
        + " | "
        + " | ".join("---:" for k, _ in KINDS if k != "nochange")
        + " |",
    ]
    for r in rows:
        n = r["items"]
        lines.append(
            f"| {r['size']} | {n:,} | "
            + " | ".join(
                f"{1000 * _median(r, k, 's') / n:.1f}" for k, _ in KINDS if k != "nochange"
            )
            + " | "
            + " | ".join(f"{_median(r, k, 'kb_all') / n:.0f}" for k, _ in KINDS if k != "nochange")
            + " |"
        )
    lines += [
        "",
        "## Edit-to-preview under `build.py serve` (medians)",
        "",
        "| corpus | saved story → its page written | → every listing of its title updated (pages) | → search index updated |",
        "| --- | ---: | ---: | ---: |",
    ]
    for r in (r for r in rows if r["preview"]):
        p = r["preview"]
        index = f"{p['index_s']:.2f} s" if "index_s" in p else "not measured"
        lines.append(
            f"| {r['size']} | {p['page_s']:.2f} s | {p['listings_s']:.2f} s ({p['listings']}) | {index} |"
        )
    lines += [
        "",
        "## Page weight in Chromium (gzip -6 of every response, as a server would send)",
        "",
        "| corpus | page | without images | with images | files (without images) |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for r in rows:
        for name, w in r["weights"].items():
            lines.append(
                f"| {r['size']} | {name} (`{w['url']}`) | {w['no_images'] / 1024:.1f} KB | "
                f"{w['with_images'] / 1024:.1f} KB | {len(w['files'])} |"
            )
    return "\n".join(lines) + "\n"


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
