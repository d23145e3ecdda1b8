"""Hostile content: crafted YAML and special files, each answered with one `PATH:LINE` line.

Run as an attacker with an editor's account would: the command line in a subprocess, with a
time limit and a memory limit, and a secret in its environment that no message may print.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, snapshot
from tests.test_images import photo
from tests.test_longread import story

SECRET = "hostile-test-secret-4f9a1c"
TIME_LIMIT = 20  # seconds per command (check and build of a two-page site take ~2 s)
MEMORY_LIMIT = 3 * 1024**3  # bytes of address space: an alias bomb used to take all memory

ANCHOR = "YAML anchors are not allowed, got '&{}': write the value out where it is needed"


def page(front: str, body: str = "Tekst.\n") -> str:
    return f"---\ntitle: Over ons\nsummary: Iets.\n{front}---\n\n{body}"


BOMB = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))
YAML_CASES = {
    "alias bomb": (page("l0: &l0 [lol]\n" + BOMB), f"pages/a.md:4: {ANCHOR.format('l0')}"),
    "recursive alias": (page("a: &a [*a]\n"), f"pages/a.md:4: {ANCHOR.format('a')}"),
    "alias without anchor": (
        page("nav_order: *nummer\n"),
        "pages/a.md:4: YAML aliases are not allowed, got '*nummer': write the value out in full",
    ),
    "anchor": (
        "---\ntitle: &titel Over ons\nsummary: Iets.\n---\n\nTekst.\n",
        f"pages/a.md:2: {ANCHOR.format('titel')}",
    ),
    "custom tag": (
        page("nav_order: !!python/object/apply:os.system ['echo pwned']\n"),
        "pages/a.md:4: YAML tags are not allowed, got '!!python/object/apply:os.system': "
        "remove it and write the plain value",
    ),
    "local tag": (
        page("nav_order: !nummer 3\n"),
        "pages/a.md:4: YAML tags are not allowed, got '!nummer': remove it and write the "
        "plain value",
    ),
    "10,000-deep nesting": (
        page("nav_order: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        "pages/a.md:4: values nested too deeply: expected at most 20 levels of lists and "
        "groups of fields, got more",
    ),
    "500-deep block nesting (deeper is over the size limit)": (
        page("nav_order:\n" + "".join(" " * n + "- \n" for n in range(0, 2 * 500, 2))),
        # line 4 holds the front matter's own group, each line below one level more
        "pages/a.md:24: values nested too deeply: expected at most 20 levels of lists and "
        "groups of fields, got more",
    ),
    "5,000-digit number": (
        page("nav_order: " + "9" * 5000 + "\n"),
        "pages/a.md:4: number too long: expected at most 30 digits, got 5000; put the value "
        "in quotes if it is text",
    ),
}


def _run(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """``build.py`` in a subprocess, with the secret in its environment, time- and memory-bound."""
    env = {**os.environ, "HOSTILE_SECRET": SECRET, **(env_extra or {})}

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    started = time.monotonic()
    # The messages in English, as asserted here (the demo's mkdocs.yml would answer in Dutch).
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), args[0], "--lang", "en", *args[1:]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=limit_memory,
    )
    assert time.monotonic() - started < TIME_LIMIT
    return result


def _assert_one_line(content_root, expected: str, tmp_path, build: bool = True) -> None:
    """``check`` (and ``build``) report exactly ``expected``, no traceback, nothing secret."""
    commands = [("check", "--content", str(content_root))]
    out = tmp_path / "site"
    if build:
        commands.append(
            ("build", "--content", str(content_root), "--out", str(out), "--today", "2026-11-23")
        )
    for command in commands:
        result = _run(*command)
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert result.stderr.splitlines() == [expected, "1 problem found; nothing was published."]
        assert "Traceback" not in output
        assert SECRET not in output
    assert not out.exists()  # nothing published


@pytest.mark.parametrize("front, expected", YAML_CASES.values(), ids=YAML_CASES.keys())
def test_crafted_front_matter_is_refused_in_one_line(content, tmp_path, front, expected):
    content.write_bytes("pages/a.md", front.encode())
    _assert_one_line(content.root, expected, tmp_path, build=False)


def test_crafted_vocabulary_is_refused_in_one_line(content, tmp_path):
    content.write("vocabularies/kinds.yml", "a: &a {nl: A, en: A}\nb: *a\n")
    _assert_one_line(
        content.root, f"vocabularies/kinds.yml:1: {ANCHOR.format('a')}", tmp_path, build=False
    )


def test_a_vocabulary_linked_from_outside_is_one_message(content, tmp_path):
    outside = tmp_path / "kinds.yml"
    outside.write_text(f"{SECRET}:\n  nl: A\n  en: A\n")
    (content.root / "vocabularies").mkdir()
    os.symlink(outside, content.root / "vocabularies" / "story-roles.yml")
    content.write("longread/cover/index.md", "---\ntitle: L\nsummary: L.\n---\n\nL.\n")
    content.write_bytes("images/veld.jpg", photo(1200, 600))
    content.write("longread/stories/huisarts.md", story())  # role: gp, from that vocabulary
    _assert_one_line(
        content.root, f"vocabularies/story-roles.yml: {OUTSIDE}", tmp_path, build=False
    )


def test_the_alias_bomb_costs_nothing_in_build_either(content, tmp_path):
    content.write("pages/a.md", YAML_CASES["alias bomb"][0])
    _assert_one_line(content.root, YAML_CASES["alias bomb"][1], tmp_path)


OUTSIDE = (
    "the file is a link to a place outside the content folder: put the file itself in "
    "the content folder"
)


def test_markdown_linked_to_the_environment_is_refused_without_reading_it(content, tmp_path):
    os.symlink("/proc/self/environ", content.root / "pages" / "env.md")
    _assert_one_line(content.root, f"pages/env.md: {OUTSIDE}", tmp_path)


def test_markdown_linked_to_a_file_outside_is_refused(content, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text(f"---\ntitle: {SECRET}\n---\n\n{SECRET}\n")
    os.symlink(outside, content.root / "pages" / "elders.md")
    _assert_one_line(content.root, f"pages/elders.md: {OUTSIDE}", tmp_path)


def test_a_link_inside_the_content_folder_is_fine(content, tmp_path):
    os.symlink("veiligheid.md", content.root / "pages" / "veilig.md")
    result = _run("check", "--content", str(content.root))
    assert (result.returncode, result.stderr) == (0, "content is valid\n")


def test_a_fifo_does_not_block(content, tmp_path):
    os.mkfifo(content.root / "pages" / "pijp.md")
    _assert_one_line(
        content.root,
        "pages/pijp.md: expected a regular file, got a named pipe "
        "(FIFO): remove it from the content folder",
        tmp_path,
    )


def test_a_link_to_dev_zero_is_not_read(content, tmp_path):
    os.symlink("/dev/zero", content.root / "pages" / "nul.md")
    _assert_one_line(content.root, f"pages/nul.md: {OUTSIDE}", tmp_path)


def test_a_link_to_a_folder_outside_is_not_followed(content, tmp_path):
    os.symlink("/etc", content.root / "pages" / "etc")
    _assert_one_line(
        content.root,
        "pages/etc: a link to a folder is not followed: move the "
        "files into the content folder and remove the link",
        tmp_path,
    )


def test_an_oversized_markdown_file_is_refused_unread(content, tmp_path):
    content.write("pages/groot.md", page("", "Heel lang. " * 110_000))
    _assert_one_line(
        content.root,
        "pages/groot.md: the file is too large: expected at most "
        "1.0 MB, got 1.2 MB; split it or make it smaller",
        tmp_path,
    )


def test_an_image_linked_from_outside_is_not_published(content, tmp_path):
    outside = tmp_path / "geheim.jpg"
    outside.write_bytes(photo(40, 30))
    (content.root / "images").mkdir()
    os.symlink(outside, content.root / "images" / "foto.jpg")
    content.write("pages/a.md", page("", "![Een foto](../images/foto.jpg)\n"))
    _assert_one_line(content.root, f"images/foto.jpg: {OUTSIDE}", tmp_path)


def test_an_oversized_image_is_refused_unread(content, tmp_path):
    big = content.write_bytes("images/foto.jpg", b"")
    with open(big, "wb") as file:
        file.truncate(60_000_000)  # sparse: costs no disk, but its size is over the limit
    content.write("pages/a.md", page("", "![Een foto](../images/foto.jpg)\n"))
    _assert_one_line(
        content.root,
        "images/foto.jpg: the file is too large: expected at most "
        "50.0 MB, got 60.0 MB; split it or make it smaller",
        tmp_path,
    )


def test_a_refused_file_leaves_the_published_site_untouched(content, tmp_path):
    out = tmp_path / "site"
    good = _run("build", "--content", str(content.root), "--out", str(out), "--today", "2026-11-23")
    assert good.returncode == 0, good.stderr
    before = snapshot(out)
    os.symlink("/proc/self/environ", content.root / "pages" / "env.md")
    result = _run(
        "build", "--content", str(content.root), "--out", str(out), "--today", "2026-11-23"
    )
    assert result.returncode == 1 and SECRET not in result.stdout + result.stderr
    assert snapshot(out) == before


def test_lint_and_the_preview_never_open_special_files(content):
    """The other walkers of the content folder go through the same door (core/contentfiles.py)."""
    os.mkfifo(content.root / "pages" / "pijp.md")
    os.symlink("/proc/self/environ", content.root / "pages" / "env.md")
    lint = _run("lint", "--content", str(content.root))
    assert lint.returncode == 0, lint.stderr
    assert SECRET not in lint.stdout + lint.stderr and "Traceback" not in lint.stderr
    scan = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from core.changes import scan_content; "
            "found = scan_content(Path(sys.argv[1]), {}); "
            "print(found['pages/pijp.md'].digest, found['pages/env.md'].digest)",
            str(content.root),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
    )
    assert scan.stdout.split() == ["refused", "refused"], scan.stderr
