"""Regenerate the golden test's expected tree: ``./dev golden`` (then review the diff).

The expected tree holds the built pages and sitemap of ``tests/golden/content``; the theme's
static assets (``assets/``) are left out so that the golden files stay readable.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "content"
EXPECTED = HERE / "expected"
TODAY = "2026-11-23"


def built_tree(out: Path) -> dict[str, bytes]:
    """Build the golden content into ``out`` and return the files that the golden test compares."""
    from toolkit import cli

    code = cli.main(["build", "--content", str(CONTENT), "--out", str(out), "--today", TODAY])
    if code != 0:
        raise SystemExit(f"the golden content did not build (exit {code})")
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and "assets" not in p.relative_to(out).parts
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        files = built_tree(Path(scratch) / "site")
    shutil.rmtree(EXPECTED, ignore_errors=True)
    for rel, data in files.items():
        target = EXPECTED / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(
        f"wrote {len(files)} files to {EXPECTED.relative_to(Path.cwd())}; review with git diff",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
