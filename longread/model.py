"""The typed model of a story and of the cover text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.source import SourceFile


@dataclass(frozen=True)
class Story:
    """One language version of a story."""

    slug: str
    lang: str
    title: str
    lead: str
    kind: str
    role: str | None
    anonymised: bool
    order: int
    date: date
    hero: str
    hero_alt: str
    hero_credit: str
    content_warning: str | None
    related_partners: tuple[str, ...]
    related_instruments: tuple[str, ...]
    related_forms: tuple[str, ...]
    minutes: int  # reading time, from the text
    body: str
    source: SourceFile


@dataclass(frozen=True)
class Cover:
    """The Longread's cover text in one language."""

    lang: str
    title: str
    summary: str
    body: str
    source: SourceFile
    credits: str | None = None  # who made the Longread, shown on the cover
