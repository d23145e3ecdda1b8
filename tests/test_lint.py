"""``build.py lint``: warnings for hard Dutch text, long sentences and large images; never fails."""

from __future__ import annotations

import shlex
import subprocess
import sys

import yaml

from core.advice.lint import MAX_IMAGE_BYTES
from core.advice.readability import read, sentences, syllables
from tests.conftest import ROOT, run_cli

EASY = " ".join(["Wij helpen mensen. Bel ons als je iets ziet. Wij luisteren goed."] * 10)
HARD = " ".join(
    [
        "De gemeentelijke coördinatiestructuur inzake mensenhandelbestrijding "
        "vereist interdisciplinaire samenwerkingsovereenkomsten."
    ]
    * 15
)
LONG = (
    "Wie in een gemeente werkt en merkt dat een bewoner misschien wordt uitgebuit, belt "
    "het liefst eerst een collega die weet wat er kan en wie er verder moet helpen daarbij."
)


def _page(body: str) -> str:
    return f"---\ntitle: Test\nsummary: Een test.\n---\n\n{body}\n"


def test_syllables_and_the_flesch_douma_score():
    assert [syllables(w) for w in ("mensenhandel", "zorgcoördinator", "bel", "ogen")] == [
        4,
        6,
        1,
        2,
    ]
    reading = read("Wij helpen mensen.\n\nBel ons.")
    assert (reading.words, reading.sentences, reading.syllables) == (5, 2, 7)
    assert round(reading.score, 2) == round(206.84 - 0.93 * 5 / 2 - 77 * 7 / 5, 2)


def test_sentences_keep_their_lines_and_skip_code_tables_and_markup():
    body = (
        "# Kop\n\nEen [link](x.md) hier.\nTweede zin\nloopt door.\n\n"
        "```\ncode telt niet.\n```\n\n| a | b |\n\n- punt een\n- punt twee\n"
    )
    assert [(s.line, s.words) for s in sentences(body)] == [
        (1, 1),
        (3, 3),
        (4, 4),
        (13, 2),
        (14, 2),
    ]


def test_hard_text_and_long_sentences_warn_with_their_lines(content):
    content.write("pages/makkelijk.md", _page(EASY))
    content.write("pages/moeilijk.md", _page(HARD))
    content.write("pages/lang.md", _page("Korte zin.\n" + LONG))
    content.write("pages/moeilijk.en.md", _page(HARD))  # English files are not scored
    result = run_cli("lint", "--content", content.root)
    assert result.code == 0
    score = int(read(HARD).score)
    assert result.out.splitlines() == [
        "pages/lang.md:7: warning: a sentence of 31 words (aim for at most 25): split it in two",
        f"pages/moeilijk.md:6: warning: the text reads harder than language level B1 "
        f"(Flesch–Douma {score}, aim for 50 or more): use shorter sentences and shorter, "
        f"common words",
    ]
    assert result.err == "2 warnings; advice only, nothing is refused.\n"


def test_large_images_warn_and_files_can_be_picked(content):
    big = content.write_bytes("images/groot.jpg", b"\0" * (MAX_IMAGE_BYTES + 1))
    content.write_bytes("images/klein.jpg", b"\0" * 1000)
    content.write("pages/moeilijk.md", _page(HARD))
    result = run_cli("lint", "--content", content.root, big)
    assert result.code == 0
    assert result.out.splitlines() == [
        "images/groot.jpg: warning: the image is 2.0 MB (aim for at most 2 MB): save it "
        "smaller, about 2400 pixels wide is plenty"
    ]


def test_a_quote_with_its_speaker_glued_to_the_text_gets_a_warning(content):
    content.write(
        "pages/bijna.md",
        _page(
            "> Ik zag het pas toen ik terugkeek.\n> — Mirjam, zorgcoördinator\n\n"
            "Tekst.\n\n> Niemand vroeg ernaar.\n-- Sanne, handhaver\n"
        ),
    )
    content.write("pages/bijna.en.md", _page("> Nobody asked.\n> – Sanne, enforcement officer\n"))
    content.write(
        "pages/echt.md",
        _page(
            "> Ik zag het pas toen ik terugkeek.\n>\n> — Mirjam, zorgcoördinator\n\n"
            "> Een gewoon citaat.\n> Over twee regels.\n\n```\n> code\n> — geen citaat\n```\n"
        ),
    )
    result = run_cli("lint", "--content", content.root)
    assert result.code == 0
    advice = (
        "looks like the speaker line of a pull quote, but it is glued to the quote's "
        "text and shows as part of it: put a line with only '>' above it"
    )
    assert result.out.splitlines() == [
        f"pages/bijna.en.md:7: warning: '– Sanne, enforcement officer' {advice}",
        f"pages/bijna.md:7: warning: '— Mirjam, zorgcoördinator' {advice}",
        f"pages/bijna.md:12: warning: '-- Sanne, handhaver' {advice}",
    ]


def test_the_demo_content_lints_without_failing():
    result = run_cli("lint", "--content", ROOT / "content")
    assert result.code == 0
    assert all(": warning: " in line for line in result.out.splitlines())


def test_pre_commit_hooks_run_the_projects_commands():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert set(hooks) == {"content-check", "content-advice", "ruff-check", "ruff-format"}
    assert hooks["content-check"]["pass_filenames"] is False
    # The code hooks: the venv's pinned ruff on the commit's Python files (nothing downloaded).
    for name in ("ruff-check", "ruff-format"):
        hook = hooks.pop(name)
        command = shlex.split(hook["entry"])
        assert hook["language"] == "system" and hook["types"] == ["python"]
        assert command[0] == ".venv/bin/ruff"
        done = subprocess.run(
            [str(ROOT / command[0]), *command[1:], "core/i18n.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    for hook in hooks.values():
        assert hook["language"] == "system" and hook["files"].startswith("^")
        command = shlex.split(hook["entry"])
        assert command[0] == ".venv/bin/python"
        files = [] if hook.get("pass_filenames") is False else ["content/pages/index.md"]
        done = subprocess.run(
            [sys.executable, *command[1:], *files],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
