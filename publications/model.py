"""The typed model of a publication."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.source import SourceFile


@dataclass(frozen=True)
class Publication:
    """One language version of a publication or parliamentary document."""

    slug: str
    lang: str
    title: str
    date: date
    kind: str
    kamerstuk: str | None
    link: str | None
    related_partners: tuple[str, ...]
    summary: str
    body: str
    source: SourceFile
