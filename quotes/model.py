"""The typed model of a quote."""

from __future__ import annotations

from dataclasses import dataclass

from core.source import SourceFile


@dataclass(frozen=True)
class Quote:
    """One language version of a quote; ``text_lang`` is the language its words are in."""

    slug: str
    lang: str
    text: str
    text_lang: str
    speaker: str
    kind: str
    role: str | None
    organisation: str | None
    anonymised: bool
    source: SourceFile

    @property
    def caption(self) -> list[str]:
        """Who said it, as parts: speaker, role, organisation (those given)."""
        return [part for part in (self.speaker, self.role, self.organisation) if part]
