"""Lighthouse (npm, on Debian's Chromium): accessibility, best practices and SEO at 100.

Performance is recorded in the report but not asserted: speed is measured in bench/, never as
a pass/fail threshold in tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run"
)
# The key pages of each section, added as the sections arrive.
PAGES = [
    "",
    "veiligheid/",
    "en/about/",
    "academy/",
    "kompas/matrix/",
    "open-je-ogen/agenda/",
    "longread/het-leek-op-liefde/",
    "zoeken/",
]


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores(base_url, path, tmp_path):
    report = tmp_path / "report.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            base_url + path,
            "--quiet",
            f"--chrome-flags={FLAGS}",
            "--only-categories=accessibility,best-practices,seo,performance",
            "--output=json",
            f"--output-path={report}",
        ],
        check=True,
        timeout=180,
        env={
            "CHROME_PATH": shutil.which("chromium"),
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
        },
    )
    result = json.loads(report.read_text())
    scores = {name: category["score"] for name, category in result["categories"].items()}
    failing = [
        f"{ref['id']}: {result['audits'][ref['id']]['title']}"
        for name in ("accessibility", "best-practices", "seo")
        for ref in result["categories"][name]["auditRefs"]
        if ref["weight"] and (result["audits"][ref["id"]]["score"] or 0) < 1
    ]
    assert (scores["accessibility"], scores["best-practices"], scores["seo"]) == (1, 1, 1), failing
    print(f"lighthouse /{path}: performance {scores['performance']:.2f}")
