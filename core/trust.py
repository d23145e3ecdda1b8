"""The trust boundary: editor Markdown rendered as the renderer renders it, then checked.

Every body (and every field that allows Markdown) is converted with exactly the Markdown
configuration the renderer uses for the site (the ``markdown_extensions`` of ``mkdocs.yml`` plus
the extensions it always adds, core/adapters/), and the HTML that comes out is checked against the allow-list
of core/htmlpolicy.py with a browser-grade parser. What the renderer and a browser see is what
is checked, so no disagreement between a regular expression and the renderer can hide a
``<script>``.

A violation is traced back to its source line by rendering growing prefixes of the text: the
line that first makes the violation appear is the line to change (for a reference-style image,
the definition that gives it its address). Markdown is block-structured, so this is the block's
last line that completes the construct; a bisection keeps it to a handful of renders.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from importlib.metadata import version
from collections.abc import Set
from pathlib import Path
from typing import Any

import markdown

from core import caches
from core.caches import REMEMBERED
from core.adapters import MARKDOWN_BUILTINS
from core.errors import Problems
from core.htmlpolicy import EDITOR, Policy, Violation, violations
from core.context import read_config

ROOT = Path(__file__).resolve().parents[1]
CONFIG_FILE = ROOT / "mkdocs.yml"
# Texts that passed, by digest, kept between runs: rendering every body again costs about
# 1.5 ms per body (2 s at 1,000 items), on every check and build. Keyed by everything the
# verdict depends on (see :func:`_fingerprint`); ``$SITE_TRUST_CACHE`` or ``.cache/trust/``.
CACHE_ENV = "SITE_TRUST_CACHE"
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


@functools.lru_cache(maxsize=4)
def _extensions(config_file: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    names: list[str] = list(MARKDOWN_BUILTINS)  # the renderer adds these to every site
    configs: dict[str, dict[str, Any]] = {}
    for entry in read_config(config_file).get("markdown_extensions") or []:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            configs[name] = dict(options or {})
        else:
            name = entry
        if name not in names:
            names.append(name)
    return names, configs


@functools.lru_cache(maxsize=4)
def _renderer(config_file: Path) -> markdown.Markdown:
    names, configs = _extensions(config_file)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def render(text: str, config_file: Path = CONFIG_FILE) -> str:
    """``text`` as HTML, rendered with the site's own Markdown configuration."""
    renderer = _renderer(config_file)
    renderer.reset()
    return renderer.convert(text)


@functools.lru_cache(maxsize=REMEMBERED)
def _violations_of(text: str, config_file: Path, policy: Policy) -> tuple[Violation, ...]:
    return tuple(violations(render(text, config_file), policy))


@functools.lru_cache(maxsize=4)
def _fingerprint(config_file: Path) -> str:
    """What a verdict depends on: the Markdown configuration, the renderer's and the parser's
    versions, and the code of the policy, this module and the project's own extension."""
    digest = hashlib.sha256(f"{caches.TRUST.tag}\n{_extensions(config_file)!r}".encode())
    for package in ("Markdown", "html5lib"):
        digest.update(f"{package}=={version(package)}\n".encode())
    for code in ("core/htmlpolicy.py", "core/trust.py", "longread/pullquote.py"):
        digest.update((ROOT / code).read_bytes())
    return digest.hexdigest()


class _PassedCache:
    """Digests of texts that passed the editors' policy, one per line in a file per
    fingerprint; appended line by line, so concurrent builds at worst repeat a check."""

    def __init__(self):
        self.known: dict[Path, set[str]] = {}
        # The file per cache folder and configuration: asked for every body of every load,
        # making its path each time was a tenth of loading a large site.
        self._files: dict[tuple[str | None, Path, str], Path] = {}

    def file(self, config_file: Path) -> Path:
        key = (os.environ.get(CACHE_ENV), config_file, _fingerprint(config_file))
        found = self._files.get(key)
        if found is None:
            # Beside the site project's configuration, never inside an installed package.
            folder = Path(key[0] or config_file.parent / ".cache" / "trust")
            found = self._files[key] = folder / f"{key[2]}.txt"
        return found

    def passed(self, config_file: Path) -> set[str]:
        path = self.file(config_file)
        if path not in self.known:
            try:
                lines = path.read_text(encoding="ascii").split("\n")
            except (OSError, UnicodeDecodeError):
                lines = []
            self.known[path] = {line for line in lines if _DIGEST.match(line)}
        return self.known[path]

    def add(self, config_file: Path, digest: str) -> None:
        self.passed(config_file).add(digest)
        path = self.file(config_file)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="ascii") as out:
                out.write(digest + "\n")
        except OSError:
            pass  # a cache that cannot be written only costs time


_PASSED = _PassedCache()


def check_markdown(
    text: str, config_file: Path = CONFIG_FILE, policy: Policy = EDITOR
) -> list[tuple[int, Violation]]:
    """Every violation of ``text`` rendered, with the 0-based line of ``text`` it comes from."""
    digest = hashlib.sha256(f"{policy.name}\n{text}".encode()).hexdigest()
    if digest in _PASSED.passed(config_file):
        return []
    found = _violations_of(text, config_file, policy)
    if not found:
        _PASSED.add(config_file, digest)
        return []
    lines = text.split("\n")
    located: list[tuple[int, Violation]] = []
    seen: dict[Violation, int] = {}
    for violation in found:
        nth = seen.get(violation, 0) + 1  # the same construct twice: the 2nd is on a later line
        seen[violation] = nth
        located.append((_first_line(lines, violation, nth, config_file, policy), violation))
    return located


def _first_line(
    lines: list[str], violation: Violation, nth: int, config_file: Path, policy: Policy
) -> int:
    """The smallest line index whose prefix already renders ``violation`` ``nth`` times."""
    low, high = 0, len(lines) - 1
    while low < high:
        middle = (low + high) // 2
        prefix = "\n".join(lines[: middle + 1])
        if _violations_of(prefix, config_file, policy).count(violation) >= nth:
            high = middle
        else:
            low = middle + 1
    return low


def check_body(
    rel: str,
    body: str,
    body_line: int,
    problems: Problems,
    known_lines: Set[int] = frozenset(),
    config_file: Path = CONFIG_FILE,
) -> None:
    """Report what the rendered ``body`` (starting at line ``body_line`` of ``rel``) holds
    outside the allow-list, each as ``PATH:LINE``; lines in ``known_lines`` already carry a
    friendlier message of the Markdown scanner (core/body_checks.py) and are not repeated."""
    for offset, violation in check_markdown(body, config_file):
        line = body_line + offset
        if line not in known_lines:
            problems.add(rel, line, str(violation))
