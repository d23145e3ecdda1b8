"""Calendar files (.ics) of the tour and of each stop, written by core/ical.py.

The UID depends only on the stop's file name, so calendars that subscribed update the event
instead of doubling it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from icalendar import Event

from core import ical
from exhibition.model import Stop
from exhibition.texts import t

PRODID = "-//Samen tegen mensenhandel//Open je Ogen//NL"


def uid(stop: Stop) -> str:
    """The event's identity: the same in every build and in both languages."""
    return f"open-je-ogen-{stop.slug}@stop"


def ics_status(stop: Stop) -> str:
    """CONFIRMED, CANCELLED, or TENTATIVE for a postponed stop whose new dates are unknown.

    A stop postponed to another stop is CANCELLED here: that other stop is its own event.
    """
    if stop.status == "cancelled" or (stop.status == "postponed" and stop.moved_to):
        return "CANCELLED"
    if stop.status == "postponed" and not stop.rescheduled:
        return "TENTATIVE"
    return "CONFIRMED"


def location(stop: Stop) -> str:
    """Venue, address and city as one line of text."""
    parts = [stop.venue] + ([stop.address] if stop.address else [])
    if not stop.address or stop.city not in stop.address:
        parts.append(stop.city)
    return ", ".join(parts)


@dataclass(frozen=True)
class _EventData:
    """What a stop's event shows: the values :func:`event` reads, and nothing else (so equal
    data means an equal event, whatever else of the stop changed)."""

    uid: str
    start: date
    end: date
    city: str
    location: str
    status: str
    venue: str
    opening_hours: str | None
    stop_status: str
    url: str | None

    @classmethod
    def of(cls, stop: Stop, url: str | None) -> "_EventData":
        return cls(uid(stop), stop.start, stop.end, stop.city, location(stop), ics_status(stop),
                   stop.venue, stop.opening_hours, stop.status, url)


def event(stop: Stop, lang: str, today: date, url: str | None = None) -> Event:
    """One all-day event spanning the stop's (actual) dates."""
    return ical.event(_all_day(_EventData.of(stop, url), lang), today)


def _all_day(data: _EventData, lang: str) -> ical.AllDayEvent:
    description = [data.venue]
    if data.opening_hours:
        description.append(f"{t(lang, 'hours')}: {data.opening_hours}")
    if data.stop_status != "planned":
        description.append(t(lang, "status_" + data.stop_status))
    # TRANSPARENT: a visit is possible any day, so the stop does not block time.
    return ical.AllDayEvent(uid=data.uid, start=data.start, end=data.end,
                            summary=f"{t(lang, 'exhibition_ics')}: {data.city}",
                            location=data.location, status=data.status,
                            description="\n".join(description), url=data.url, transparent=True)


def calendar(stops: list[Stop], lang: str, today: date, name: str,
             urls: dict[str, str] | None = None) -> bytes:
    """A VCALENDAR with one event per stop, in a stable order; ``urls``: slug -> page URL."""
    ordered = sorted(stops, key=lambda s: (s.start, s.slug))
    events = tuple(_all_day(_EventData.of(s, (urls or {}).get(s.slug)), lang) for s in ordered)
    return ical.calendar(events, today, name, PRODID)
