"""Calendar files (.ics) of the tour and of each stop, made with the icalendar library.

All-day events: DTSTART;VALUE=DATE and an exclusive DTEND (the day after the last day), as
RFC 5545 wants. The UID depends only on the stop's file name, so calendars that subscribed
update the event instead of doubling it. DTSTAMP is the build's --today, never the clock.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event

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


def event(stop: Stop, lang: str, today: date, url: str | None = None) -> Event:
    """One all-day event spanning the stop's (actual) dates."""
    ev = Event()
    ev.add("uid", uid(stop))
    ev.add("dtstamp", datetime(today.year, today.month, today.day, tzinfo=timezone.utc))
    ev.add("dtstart", stop.start)
    ev.add("dtend", stop.end + timedelta(days=1))
    ev.add("summary", f"{t(lang, 'exhibition_ics')}: {stop.city}")
    ev.add("location", location(stop))
    ev.add("status", ics_status(stop))
    description = [stop.venue]
    if stop.opening_hours:
        description.append(f"{t(lang, 'hours')}: {stop.opening_hours}")
    if stop.status != "planned":
        description.append(t(lang, "status_" + stop.status))
    ev.add("description", "\n".join(description))
    if url:
        ev.add("url", url)
    ev.add("transp", "TRANSPARENT")  # a visit is possible any day: it does not block time
    return ev


def calendar(stops: list[Stop], lang: str, today: date, name: str,
             urls: dict[str, str] | None = None) -> bytes:
    """A VCALENDAR with one event per stop, in a stable order; ``urls``: slug -> page URL."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for stop in sorted(stops, key=lambda s: (s.start, s.slug)):
        cal.add_component(event(stop, lang, today, (urls or {}).get(stop.slug)))
    return cal.to_ical()
