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
    summary: str
    location: str
    status: str
    details: str  # the description's first lines: the venue (and who a lesson is for)
    opening_hours: str | None
    shown_status: str | None
    url: str | None

    @classmethod
    def of(cls, stop: Stop, lang: str, url: str | None) -> "_EventData":
        # A stop shown in Dutch in the English calendar: its Dutch free text is left out
        # rather than shown in the wrong language (the venue is a name).
        hours = stop.opening_hours if stop.lang == lang else None
        return cls(
            uid(stop),
            stop.start,
            stop.end,
            f"{t(lang, 'exhibition_ics')}: {stop.city}",
            location(stop),
            ics_status(stop),
            stop.venue,
            hours,
            stop.shown_status,
            url,
        )

    @classmethod
    def programme(cls, stop: Stop, lang: str, url: str | None) -> tuple["_EventData", ...]:
        """The stop's side programme, one event per activity (a guest lesson is its own
        appointment, on its own day); none for an untranslated stop in another language."""
        if stop.lang != lang:
            return ()
        events = []
        for n, entry in enumerate(sorted(stop.side_programme, key=lambda e: (e.date, e.what))):
            details = [
                x
                for x in (
                    entry.for_whom and f"{t(lang, 'programme_for')}: {entry.for_whom}",
                    entry.by_whom and f"{t(lang, 'programme_by')}: {entry.by_whom}",
                )
                if x
            ]
            events.append(
                cls(
                    f"open-je-ogen-{stop.slug}-programme-{n + 1}@stop",
                    entry.date,
                    entry.date,
                    f"{entry.what} ({stop.city})",
                    location(stop),
                    ics_status(stop),
                    "\n".join([stop.venue, *details]),
                    None,
                    None,
                    url,
                )
            )
        return tuple(events)


def event(stop: Stop, lang: str, today: date, url: str | None = None) -> Event:
    """One all-day event spanning the stop's (actual) dates."""
    return ical.event(_all_day(_EventData.of(stop, lang, url), lang), today)


def _all_day(data: _EventData, lang: str) -> ical.AllDayEvent:
    description = [data.details]
    if data.opening_hours:
        description.append(f"{t(lang, 'hours')}: {data.opening_hours}")
    if data.shown_status:  # a rescheduled stop is held on the dates of this event: no status
        description.append(t(lang, "status_" + data.shown_status))
    # TRANSPARENT: a visit is possible any day, so the stop does not block time.
    return ical.AllDayEvent(
        uid=data.uid,
        start=data.start,
        end=data.end,
        summary=data.summary,
        location=data.location,
        status=data.status,
        description="\n".join(description),
        url=data.url,
        transparent=True,
    )


def calendar(
    stops: list[Stop],
    lang: str,
    today: date,
    name: str,
    urls: dict[str, str] | None = None,
    cancelled: bool = True,
) -> bytes:
    """A VCALENDAR with an event per stop and per side-programme activity, in a stable order;
    ``urls``: slug -> page URL. ``cancelled=False`` leaves out the stops that do not take
    place (the tour's calendar); a stop's own calendar keeps them, marked CANCELLED, so a
    subscriber's copy is updated rather than left standing."""
    ordered = sorted(stops, key=lambda s: (s.start, s.slug))
    events: list[ical.AllDayEvent] = []
    for stop in ordered:
        if not cancelled and ics_status(stop) == "CANCELLED":
            continue
        url = (urls or {}).get(stop.slug)
        events += [
            _all_day(data, lang)
            for data in (_EventData.of(stop, lang, url), *_EventData.programme(stop, lang, url))
        ]
    return ical.calendar(tuple(events), today, name, PRODID)
