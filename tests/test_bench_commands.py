"""The benchmark commands of bench/README.md and bench/RESULTS.md start: each answers ``--help``
with its usage (a module whose ``main`` is never called exits 0 having measured nothing)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("module", ["bench.build", "bench.images", "bench.search", "bench.stages"])
def test_each_benchmark_command_answers_help(module):
    done = subprocess.run(
        [sys.executable, "-m", module, "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:"), done.stdout
