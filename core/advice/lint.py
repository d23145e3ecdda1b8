"""``build.py lint``: warnings an editor should weigh, printed as ``PATH:LINE: warning: ...``.

Nothing here stops a build or a commit: hard text and heavy images are sometimes right. Checked:
Dutch pages that read harder than language level B1 (Flesch–Douma, see ``readability.py``),
sentences that are too long to follow, quotes written almost as a pull quote (the speaker line
glued to the text, ``quotes.py``), and source images so large that they slow down the
repository and the build.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from core.i18n import _
from core import languages
from core.advice.quotes import glued_speakers
from core.advice.readability import read, sentences
from core.contentfiles import ContentFiles
from core.errors import Problem, Problems
from core.images.inspect import SUFFIXES
from core.source import SourceFile, load_markdown, split_name

MIN_SCORE = 50  # Flesch–Douma below this is 'fairly hard' or worse; B1 text scores about 60+
MIN_WORDS = 100  # shorter texts give no reliable score
MAX_SENTENCE_WORDS = 25  # B1 advice: sentences of 15 to 20 words, rarely more than 25
MAX_IMAGE_BYTES = (
    2 * 1024 * 1024
)  # the build scales photos down; a source above this is a raw camera file


def lint(content_dir: Path, only: list[Path] | None = None) -> list[Problem]:
    """Every warning for the content, or only for the files ``only`` (pre-commit passes them)."""
    wanted = {p.resolve() for p in only} if only else None
    warnings = Problems()
    # The one walk `check` makes: what it refuses (links out, pipes, devices) is its business.
    for file in ContentFiles(content_dir, Problems()).files:
        path, rel = file.path, file.rel
        if wanted is not None and path.resolve() not in wanted:
            continue
        if path.suffix == ".md":
            source = load_markdown(path, rel, Problems())  # unreadable files are check's business
            if source is None:
                continue
            _lint_quotes(source, warnings)
            if split_name(PurePosixPath(rel))[1] == languages.DEFAULT:
                _lint_text(source, warnings)
        elif path.suffix.lower() in SUFFIXES:
            _lint_image(path, rel, warnings)
    return warnings.sorted()


def _lint_quotes(source: SourceFile, warnings: Problems) -> None:
    for glued in glued_speakers(source.body):
        warnings.add(
            source.rel,
            source.body_line + glued.line,
            _(
                "warning: {text} looks like the speaker line of a pull quote, but it is "
                "glued to the quote's text and shows as part of it: put a line with only "
                "'>' above it",
                text=repr(glued.text),
            ),
        )


def _lint_text(source: SourceFile, warnings: Problems) -> None:
    rel = source.rel
    reading = read(source.body)
    first = source.body_line
    found = sentences(source.body)
    if reading.words >= MIN_WORDS and reading.score < MIN_SCORE:
        warnings.add(
            rel,
            first + found[0].line - 1,
            _(
                "warning: the text reads harder than language level B1 (Flesch–Douma "
                "{score}, aim for {minimum} or more): use shorter sentences and shorter, "
                "common words",
                score=int(reading.score),
                minimum=MIN_SCORE,
            ),
        )
    for sentence in found:
        if sentence.words > MAX_SENTENCE_WORDS:
            warnings.add(
                rel,
                first + sentence.line - 1,
                _(
                    "warning: a sentence of {count} words (aim for at most {maximum}): "
                    "split it in two",
                    count=sentence.words,
                    maximum=MAX_SENTENCE_WORDS,
                ),
            )


def _lint_image(path: Path, rel: str, warnings: Problems) -> None:
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        warnings.add(
            rel,
            None,
            _(
                "warning: the image is {size} MB (aim for at most {maximum} "
                "MB): save it smaller, about 2400 pixels wide is plenty",
                size=f"{size / 1024 / 1024:.1f}",
                maximum=MAX_IMAGE_BYTES // 1024 // 1024,
            ),
        )
