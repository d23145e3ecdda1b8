"""README's folder map ("How it works") names every top folder of the repository once, and
only folders and files that exist."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT


def _map_rows() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("| folder | what lives there |", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", table, flags=re.M)


def test_the_folder_map_has_one_row_per_top_folder_and_names_nothing_missing():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    top = {
        path.split("/", 1)[0] + "/" for path in tracked if "/" in path and not path.startswith(".")
    }
    rows = _map_rows()
    assert len(rows) == len(set(rows)), "a row appears twice"
    assert top <= set(rows), f"no row for {sorted(top - set(rows))}"
    assert [row for row in rows if not (ROOT / row).exists()] == []
