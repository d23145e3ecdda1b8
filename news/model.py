"""The typed model of a news item, and the news of one language with its queries."""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt

from core.source import SourceFile


@dataclass(frozen=True)
class NewsItem:
    """One language version of a news item or event."""

    slug: str
    lang: str
    title: str
    date: dt.date
    kind: str  # news or event
    place: str | None
    start: dt.date | None  # events only (news/checks.py)
    end: dt.date | None
    partners: tuple[str, ...]
    forms: tuple[str, ...]
    summary: str
    body: str
    source: SourceFile

    @property
    def is_event(self) -> bool:
        """Whether it takes place on given days (and so belongs in the calendar file)."""
        return self.kind == "event" and self.start is not None and self.end is not None


class Newsroom:
    """The items one language shows, newest first (then by file name, for a stable order)."""

    def __init__(self, items: list[NewsItem]):
        self.items = sorted(items, key=lambda i: (-i.date.toordinal(), i.slug))

    def latest(self, count: int) -> list[NewsItem]:
        """The ``count`` newest items."""
        return self.items[:count]

    def years(self) -> list[int]:
        """Every year with items, newest first."""
        return sorted({i.date.year for i in self.items}, reverse=True)

    def in_year(self, year: int) -> list[NewsItem]:
        """The items of ``year``, newest first."""
        return [i for i in self.items if i.date.year == year]

    def events(self) -> list[NewsItem]:
        """The events, by their first day."""
        return sorted((i for i in self.items if i.is_event), key=lambda i: (i.start, i.slug))
