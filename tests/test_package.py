"""The toolkit as a package: licence and notices, the installed `stm` command, help, version
and progress lines."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import zipfile
import pytest

from toolkit import cli
import toolkit
from tests.conftest import ROOT, ContentTree, run_cli

VENDORED = ["theme/assets/vendor", "core/images/fonts"]
PACKAGES = [
    "toolkit",
    "core",
    "academy",
    "exhibition",
    "kompas",
    "longread",
    "pages",
    "partners",
    "news",
    "publications",
    "quotes",
    "helproute",
]


def test_licence_is_the_eupl_and_every_vendored_file_has_its_notice():
    assert (
        (ROOT / "LICENSE.md")
        .read_text(encoding="utf-8")
        .startswith("# EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    )
    notices = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    for folder in VENDORED:
        for path in sorted((ROOT / folder).iterdir()):
            if path.suffix in (".js", ".css", ".ttf", ".woff2"):
                shown = path.relative_to(ROOT).as_posix()
                assert shown in notices or f"{folder}/" in notices, f"{shown}: no notice"
    assert "MOZILLA PUBLIC LICENSE" in notices and "Oliver Nightingale" in notices


def test_every_option_of_every_command_has_a_help_line():
    parser = cli._parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = [
        f"{name} {'/'.join(action.option_strings) or action.dest}"
        for name, sub in commands.choices.items()
        for action in sub._actions
        if not action.help
    ]
    assert missing == []
    assert set(commands.choices) == {"build", "check", "serve", "new", "lint", "fields"}


def test_version_names_the_toolkit_and_the_renderer(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["--version"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"build.py {toolkit.__version__} (properdocs ")
    assert "mkdocs-material 9." in out


def test_progress_lines_only_when_asked_and_times_with_v(tmp_path):
    tree = ContentTree(tmp_path / "content")
    quiet = run_cli("check", "--content", tree.root)  # not a terminal: no progress
    assert quiet.code == 0 and quiet.err == "content is valid\n"
    verbose = run_cli("check", "-v", "--content", tree.root)
    lines = verbose.err.splitlines()
    assert lines[0] == "load and check the content ..."
    assert lines[1].startswith("  load and check the content: ") and lines[1].endswith(" s")
    assert lines[-1] == "content is valid"
    assert run_cli("check", "-q", "--content", tree.root).err == "content is valid\n"


def test_the_wheel_installs_the_stm_command_that_checks_a_site_project(tmp_path):
    """Built with the pinned setuptools, installed without its dependencies (they are this
    venv's), run as the `stm` command from inside a site project."""
    source = tmp_path / "source"  # a copy: setuptools writes its build files into the tree
    source.mkdir()
    for name in (
        "pyproject.toml",
        "README.md",
        "LICENSE.md",
        "THIRD_PARTY_NOTICES.md",
        "requirements.txt",
    ):
        shutil.copy(ROOT / name, source / name)
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(wheels),
            str(source),
        ],
        check=True,
        cwd=tmp_path,
    )
    wheel = next(wheels.glob("stm_sitekit-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next(
            archive.read(n).decode() for n in names if n.endswith("entry_points.txt")
        )
    assert "stm = toolkit.cli:run" in entry_points
    assert "core/images/fonts/DejaVuSans.ttf" in names and "core/preview/overlay.js" in names
    assert "core/locale/nl/LC_MESSAGES/messages.po" in names
    assert any(n.endswith("licenses/LICENSE.md") for n in names)
    assert any(n.endswith("licenses/THIRD_PARTY_NOTICES.md") for n in names)
    target = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    project = tmp_path / "project"  # a site project: its config, theme and content
    project.mkdir()
    for name in ("mkdocs.yml", "theme"):
        (project / name).symlink_to(ROOT / name)
    ContentTree(project / "content")
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [str(target / "bin" / "stm"), "check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # In Dutch: the site's mkdocs.yml says editor_language: nl, and the wheel carries the .po.
    assert (result.returncode, result.stderr) == (0, "de inhoud is in orde\n")
    version = subprocess.run(
        [str(target / "bin" / "stm"), "--version"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert version.stdout.startswith(f"stm {toolkit.__version__} (")
    assert not (target / "content").exists()  # the package carries code, not a site
