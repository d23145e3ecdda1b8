"""The one error type for bad content, and the collector that gathers every problem of a run."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content, reported as ``PATH:LINE: message``.

    ``path`` is relative to the content directory (POSIX separators); ``line`` is 1-based, or
    ``None`` where the problem has no line (a file that cannot be read at all).
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Problems:
    """Collects problems across all stages so that one run reports all of them."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int | None, message: str) -> None:
        """Record one problem."""
        self.items.append(Problem(path, line, message))

    def extend(self, other: "Problems") -> None:
        """Take over every problem of ``other``."""
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        """Problems in file order, each reported once."""
        return sorted(set(self.items), key=lambda p: (p.path, p.line or 0, p.message))

    def raise_if_any(self) -> None:
        """Stop the build when anything was collected (after the whole stage ran)."""
        if self.items:
            raise ContentError(self.sorted())


class ContentError(Exception):
    """The build stops because the content has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class BuildError(Exception):
    """The build failed for a reason that is not the editor's content (renderer, file system)."""


class UsageError(Exception):
    """The command was asked for something it must not or cannot do (a dangerous ``--out``,
    a missing ``--content``, a busy port): one line, exit status 2, nothing written."""
