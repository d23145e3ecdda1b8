"""The typed models of the exhibition: its stops, their side programme, and the tour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core import slugs
from core.source import SourceFile

GROUPS = ("now", "coming", "past")


@dataclass(frozen=True)
class ProgrammeEntry:
    """One activity around a stop, such as a guest lesson."""

    date: date
    what: str
    for_whom: str | None
    by_whom: str | None


@dataclass(frozen=True)
class Stop:
    """One language version of a stop of the travelling exhibition."""

    slug: str
    lang: str
    city: str
    venue: str
    address: str | None
    region: str | None  # a key of content/vocabularies/regions.yml
    first_day: date
    last_day: date
    status: str  # planned, cancelled or postponed
    new_first_day: date | None
    new_last_day: date | None
    moved_to: str | None  # slug of the stop that replaces this one
    opening_hours: str | None
    side_programme: tuple[ProgrammeEntry, ...]
    image: str | None  # content-relative path
    image_alt: str | None
    body: str
    source: SourceFile

    @property
    def rescheduled(self) -> bool:
        """Postponed to known new dates (the stop then takes place on those)."""
        return self.status == "postponed" and self.new_first_day is not None

    @property
    def awaiting_dates(self) -> bool:
        """Postponed with neither new dates nor a replacing stop: it is still to come, on a
        day not known yet, whatever day it is now (never 'past')."""
        return self.status == "postponed" and not self.rescheduled and not self.moved_to

    @property
    def shown_status(self) -> str | None:
        """The status a visitor reads beside the stop: ``None`` when it goes or went ahead
        as shown (planned, or rescheduled: the dates shown are the ones it is held on)."""
        if self.status == "planned" or self.rescheduled:
            return None
        return "postponed_unknown" if self.awaiting_dates else self.status

    @property
    def start(self) -> date:
        """The first day the stop actually runs (the new one when rescheduled)."""
        # exhibition/checks.py gives a postponed stop both new days or neither.
        if self.rescheduled and self.new_first_day is not None:
            return self.new_first_day
        return self.first_day

    @property
    def end(self) -> date:
        """The last day the stop actually runs (the new one when rescheduled)."""
        if self.rescheduled and self.new_last_day is not None:
            return self.new_last_day
        return self.last_day

    @property
    def city_key(self) -> str:
        """The city as a URL name, for the filter pages."""
        return slugify(self.city)

    def group(self, today: date) -> str:
        """``now``, ``coming`` or ``past`` as seen on ``today`` (the browser does the same)."""
        if self.awaiting_dates or today < self.start:
            return "coming"
        if today > self.end:
            return "past"
        return "now"


@dataclass(frozen=True)
class Landing:
    """One language version of the exhibition's entry texts."""

    lang: str
    title: str
    summary: str
    calendar_title: str
    calendar_summary: str
    contact: str | None
    body: str
    source: SourceFile
    photo: str | None = None  # content-relative path
    photo_alt: str | None = None
    photo_credit: str | None = None
    gallery: tuple["GalleryPhoto", ...] = ()


@dataclass(frozen=True)
class GalleryPhoto:
    """One photo of the exhibition's gallery."""

    image: str  # content-relative path
    alt: str
    credit: str | None


class Tour:
    """Every stop shown in one language, with the queries the pages need."""

    def __init__(self, stops: list[Stop]):
        self.stops = sorted(stops, key=lambda s: (s.start, s.end, s.slug))

    def grouped(self, today: date) -> dict[str, list[Stop]]:
        """The stops per group; coming and now soonest first (stops awaiting new dates last),
        past most recent first."""
        groups: dict[str, list[Stop]] = {g: [] for g in GROUPS}
        for stop in self.stops:
            groups[stop.group(today)].append(stop)
        groups["past"].reverse()
        groups["coming"].sort(key=lambda s: s.awaiting_dates)  # stable: dates order kept
        return groups

    def years(self) -> list[int]:
        """Every year in which a stop starts, in order."""
        return sorted({s.start.year for s in self.stops})

    def in_year(self, year: int) -> list[Stop]:
        """The stops that start in ``year``."""
        return [s for s in self.stops if s.start.year == year]

    def cities(self) -> dict[str, str]:
        """City URL name -> city name, sorted by name."""
        return dict(sorted({s.city_key: s.city for s in self.stops}.items(), key=lambda kv: kv[1]))

    def regions(self) -> list[str]:
        """The region keys in use, sorted."""
        return sorted({s.region for s in self.stops if s.region})

    def where(self, city: str | None = None, region: str | None = None) -> "Tour":
        """The stops in one city or region."""
        return Tour(
            [
                s
                for s in self.stops
                if (city is None or s.city_key == city) and (region is None or s.region == region)
            ]
        )

    def get(self, slug: str) -> Stop | None:
        """The stop ``slug``, if shown in this language."""
        return next((s for s in self.stops if s.slug == slug), None)


def slugify(text: str) -> str:
    """'’s-Hertogenbosch' -> 's-hertogenbosch': a town's web name (core.slugs), never empty."""
    return slugs.slugify(text) or "plaats"
