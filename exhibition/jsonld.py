"""schema.org ExhibitionEvent data per stop, for search engines and calendar apps.

The dict goes into the page's front matter (``jsonld``); theme/main.html writes it as a
``<script type="application/ld+json">`` data block with Jinja's HTML-safe ``tojson``.
"""

from __future__ import annotations

from exhibition.model import Stop
from exhibition.texts import t

SCHEMA = "https://schema.org/"


def event_status(stop: Stop) -> str:
    """EventScheduled, EventCancelled, EventPostponed, or EventRescheduled when the new dates
    are known (schema.org: EventPostponed is for 'no new date has been set')."""
    if stop.status == "cancelled":
        return SCHEMA + "EventCancelled"
    if stop.rescheduled:
        return SCHEMA + "EventRescheduled"
    if stop.status == "postponed":
        return SCHEMA + "EventPostponed"
    return SCHEMA + "EventScheduled"


def exhibition_event(
    stop: Stop, lang: str, page_url: str, tour_url: str, site_url: str, organizer: str
) -> dict:
    """The ExhibitionEvent of one stop; URLs absolute, dates ISO 8601 text."""
    address = {"@type": "PostalAddress", "addressLocality": stop.city, "addressCountry": "NL"}
    if stop.address:
        address["streetAddress"] = stop.address
    data = {
        "@context": "https://schema.org",
        "@type": "ExhibitionEvent",
        "name": f"{t(lang, 'exhibition')}: {stop.city}",
        "url": page_url,
        "inLanguage": lang,
        "startDate": stop.start.isoformat(),
        "endDate": stop.end.isoformat(),
        "eventStatus": event_status(stop),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "isAccessibleForFree": True,
        "location": {"@type": "Place", "name": stop.venue, "address": address},
        "organizer": {"@type": "Organization", "name": organizer, "url": site_url},
        "superEvent": {"@type": "ExhibitionEvent", "name": t(lang, "exhibition"), "url": tour_url},
    }
    if stop.rescheduled:
        data["previousStartDate"] = stop.first_day.isoformat()
    return data
