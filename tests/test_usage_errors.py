"""Usage errors: one line, exit status 2, never a traceback, and nothing written or built."""

from __future__ import annotations

import os
import socket
import subprocess
import time

import pytest

from toolkit import cli
from tests.conftest import ROOT, run_cli

TODAY = "2026-11-23"


def _one_line(result, command: str) -> str:
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith(f"build.py {command}: ")
    return lines[0]


@pytest.mark.parametrize("command", ["build", "check", "serve", "lint"])
def test_a_content_folder_that_does_not_exist_is_named(command, tmp_path):
    missing = tmp_path / "inhoud"
    args = [command, "--content", missing]
    if command in ("build", "serve"):
        args += ["--out", tmp_path / "site"]
    line = _one_line(run_cli(*args), command)
    assert line == (
        f"build.py {command}: --content {missing}: does not exist; expected the "
        f"folder of the content files"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_content_path_that_is_a_file_is_refused(tmp_path):
    file = tmp_path / "index.md"
    file.write_text("# Welkom\n")
    line = _one_line(run_cli("build", "--content", file, "--out", tmp_path / "site"), "build")
    assert line.endswith(": is not a folder; expected the folder of the content files")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.md"]


@pytest.mark.parametrize("port", ["99999", "65536", "-1", "acht", "80.5"])
def test_a_bad_port_is_one_line(port, tmp_path, content):
    line = _one_line(
        run_cli("serve", "--port", port, "--content", content.root, "--out", tmp_path / "preview"),
        "serve",
    )
    assert line == (
        f"build.py serve: argument --port: expected a port number from 1 to 65535 "
        f"(0: any free port), got '{port}' (see build.py serve --help)"
    )
    assert not (tmp_path / "preview").exists()


def test_port_0_and_the_highest_port_are_accepted():
    assert cli._parser().parse_args(["serve", "--port", "0"]).port == 0
    assert cli._parser().parse_args(["serve", "--port", "65535"]).port == 65535


def test_a_busy_port_is_refused_before_anything_is_built(tmp_path, content):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = run_cli(
            "serve", "--port", port, "--content", content.root, "--out", tmp_path / "preview"
        )
        elapsed = time.monotonic() - started
    line = _one_line(result, "serve")
    assert line == (
        f"build.py serve: cannot listen on 127.0.0.1:{port}: Address already in use; "
        f"is another preview running? Choose another --port"
    )
    # Nothing built: no preview folder, no cache beside it, and no time spent on a build.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]
    assert elapsed < 5


def test_other_argument_mistakes_are_one_line_too():
    line = _one_line(run_cli("build", "--today", "2026-13-01"), "build")
    assert line == (
        "build.py build: argument --today: expected a date YYYY-MM-DD, got "
        "'2026-13-01' (see build.py build --help)"
    )
    result = run_cli("frobnicate")
    assert result.code == 2 and len(result.err.splitlines()) == 1
    assert result.err.startswith("build.py: argument COMMAND: invalid choice: 'frobnicate'")


def test_dev_demo_on_a_busy_port_says_so_in_one_line_and_builds_nothing():
    """``./dev demo PORT`` takes the port before its one build: a busy port costs no build."""
    preview = ROOT / ".preview"
    before = preview.stat().st_mtime_ns if preview.exists() else None
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        result = subprocess.run(
            [str(ROOT / "dev"), "demo", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "CI": "1"},
        )
        elapsed = time.monotonic() - started
    assert result.returncode == 2, result.stderr
    # The demo is a Dutch site (extra.editor_language: nl): `./dev demo` answers in Dutch.
    assert result.stderr == (
        f"build.py serve: kan niet luisteren op 127.0.0.1:{port}: Address "
        f"already in use; draait er al een voorbeeld? Kies een andere "
        f"--port\n"
    )
    assert result.stdout == ""
    # Nothing built: the preview folder is as it was (a build swaps in a new one), and no
    # build's time was spent (the set-up is a check of installed packages).
    assert (preview.stat().st_mtime_ns if preview.exists() else None) == before
    assert elapsed < 60
