"""Calendar files (.ics) of all-day events, made with the icalendar library: one writer for
every section (the exhibition's tour and stops, the news section's events).

All-day events: DTSTART;VALUE=DATE and an exclusive DTEND (the day after the last day), as
RFC 5545 wants. A section gives each event a UID that depends only on the item's file name,
so calendars that subscribed update the event instead of doubling it. DTSTAMP is the build's
--today, never the clock.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event


@dataclass(frozen=True)
class AllDayEvent:
    """What one event shows, and nothing else (so equal data means an equal event)."""

    uid: str
    start: date
    end: date  # the last day (inclusive)
    summary: str
    location: str | None = None
    status: str = "CONFIRMED"  # CONFIRMED, TENTATIVE or CANCELLED
    description: str | None = None
    url: str | None = None
    # TRANSPARENT: the event does not block time (an exhibition can be visited any day).
    transparent: bool = False


def event(data: AllDayEvent, today: date) -> Event:
    """One all-day VEVENT spanning ``data.start`` to ``data.end``."""
    ev = Event()
    ev.add("uid", data.uid)
    ev.add("dtstamp", datetime(today.year, today.month, today.day, tzinfo=timezone.utc))
    ev.add("dtstart", data.start)
    ev.add("dtend", data.end + timedelta(days=1))
    ev.add("summary", data.summary)
    if data.location:
        ev.add("location", data.location)
    ev.add("status", data.status)
    if data.description:
        ev.add("description", data.description)
    if data.url:
        ev.add("url", data.url)
    if data.transparent:
        ev.add("transp", "TRANSPARENT")
    return ev


# icalendar takes about a millisecond an event to serialize, and a site has many calendars in
# each language that the preview makes again on every edit. The same events give the same
# bytes, so each calendar is remembered by its events.
@functools.lru_cache(maxsize=4096)
def calendar(events: tuple[AllDayEvent, ...], today: date, name: str, prodid: str) -> bytes:
    """A VCALENDAR with ``events`` in the order given."""
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for data in events:
        cal.add_component(event(data, today))
    return cal.to_ical()
