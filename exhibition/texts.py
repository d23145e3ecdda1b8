"""Fixed texts and address words of the exhibition pages, in both site languages.

The texts editors change (titles, introduction) live in content/exhibition/landing/; these are
the labels around them.
"""

from __future__ import annotations

import functools
from datetime import date

from babel.dates import format_date, format_interval

from core.dates import day
from core.languages import translator

ROOT = "open-je-ogen"  # the exhibition's name, the same address in both languages

PATHS = {
    "nl": {
        "calendar": "agenda",
        "city": "plaats",
        "region": "regio",
        "archive": "archief",
        "stop": "locatie",
        "feed": "agenda.ics",
    },
    "en": {
        "calendar": "calendar",
        "city": "city",
        "region": "region",
        "archive": "archive",
        "stop": "venue",
        "feed": "calendar.ics",
    },
}

TEXTS = {
    "nl": {
        "now": "Nu te zien",
        "coming": "Binnenkort",
        "past": "Geweest",
        "to_calendar_all": "Alle data en plaatsen",
        "empty_now": "Op dit moment is de tentoonstelling nergens te zien.",
        "empty_coming": "Er zijn nog geen nieuwe locaties gepland.",
        "empty_past": "Nog geen eerdere locaties.",
        # On the calendar of one town or region: about that place, not the whole tour.
        "empty_now_in": "In {what} is de tentoonstelling nu niet te zien.",
        "empty_coming_in": "In {what} is nog niets gepland.",
        "empty_past_in": "In {what} was de tentoonstelling nog niet.",
        "elsewhere": "Bekijk alle plaatsen",
        "grouped_on": "Ingedeeld op {date}.",
        "grouped_on_js": "Ingedeeld op vandaag, {date}.",
        "status_planned": "Gepland",
        "status_cancelled": "Afgelast",
        "status_postponed": "Uitgesteld",
        "status_postponed_unknown": "Uitgesteld, nieuwe datum volgt",
        "rescheduled": "Verschoven van {old} naar {new}.",
        "moved": "In plaats daarvan komt de tentoonstelling naar {link}.",
        "postponed_unknown": "De nieuwe data zijn nog niet bekend.",
        "first_planned": "Eerst gepland: {dates}.",
        "when_unknown": "Nieuwe datum volgt (eerst gepland: {dates})",
        "cancelled_note": "Deze locatie gaat niet door.",
        "filter": "Filter op plaats of regio",
        "filter_all": "Alle plaatsen",
        "filter_city": "Plaats",
        "filter_region": "Regio",
        "filter_count": "{n} locaties in {what}.",
        "filter_count_all": "Alle {n} locaties.",
        "in_place": "Open je Ogen in {what}",
        "in_place_summary": "Waar en wanneer de tentoonstelling in {what} staat.",
        "archive": "Archief per jaar",
        "archive_summary": "Alle locaties van de tentoonstelling, per jaar.",
        "archive_year": "Open je Ogen in {year}",
        "archive_year_summary": "Waar de tentoonstelling in {year} stond of staat.",
        "subscribe": "Zet alle data in je agenda (.ics)",
        "subscribe_stop": "Zet deze locatie in je agenda (.ics)",
        "feed_title": "Open je Ogen: alle locaties",
        "to_calendar": "Naar de agenda",
        "to_archive": "Archief per jaar",
        "to_landing": "Over de tentoonstelling",
        "when": "Wanneer",
        "where": "Waar",
        "how": "Zo kom je er",
        "hours": "Openingstijden",
        "credit": "Beeld: {credit}",
        "status": "Status",
        "region": "Regio",
        "programme": "Randprogramma",
        "programme_date": "Datum",
        "programme_what": "Wat",
        "programme_for": "Voor wie",
        "programme_by": "Door wie",
        "free": "De toegang is gratis.",
        "stop_title": "{city}: {venue}",
        "stop_summary": "Open je Ogen in {venue}, {city}: {dates}.",
        "dutch_only": "(in het Nederlands)",
        "exhibition": "Open je Ogen voor mensenhandel",
        "exhibition_ics": "Fototentoonstelling Open je Ogen voor mensenhandel",
        "years": "Jaren",
        "book": "Tentoonstelling boeken",
        "gallery": "Foto's van de tentoonstelling",
    },
    "en": {
        "now": "Now showing",
        "coming": "Coming",
        "past": "Past",
        "to_calendar_all": "All dates and places",
        "empty_now": "The exhibition is not on show anywhere right now.",
        "empty_coming": "No new venues are planned yet.",
        "empty_past": "No earlier venues yet.",
        "empty_now_in": "The exhibition is not on show in {what} right now.",
        "empty_coming_in": "Nothing is planned in {what} yet.",
        "empty_past_in": "The exhibition has not been in {what} yet.",
        "elsewhere": "See all places",
        "grouped_on": "Grouped as of {date}.",
        "grouped_on_js": "Grouped as of today, {date}.",
        "status_planned": "Planned",
        "status_cancelled": "Cancelled",
        "status_postponed": "Postponed",
        "status_postponed_unknown": "Postponed, new date to follow",
        "rescheduled": "Moved from {old} to {new}.",
        "moved": "The exhibition goes to {link} instead.",
        "postponed_unknown": "The new dates are not known yet.",
        "first_planned": "First planned: {dates}.",
        "when_unknown": "New date to follow (first planned: {dates})",
        "cancelled_note": "This stop will not take place.",
        "filter": "Filter by town or region",
        "filter_all": "All towns",
        "filter_city": "Town",
        "filter_region": "Region",
        "filter_count": "{n} venues in {what}.",
        "filter_count_all": "All {n} venues.",
        "in_place": "Open je Ogen in {what}",
        "in_place_summary": "Where and when the exhibition is on in {what}.",
        "archive": "Archive by year",
        "archive_summary": "Every venue of the exhibition, by year.",
        "archive_year": "Open je Ogen in {year}",
        "archive_year_summary": "Where the exhibition was or is on show in {year}.",
        "subscribe": "Add all dates to your calendar (.ics)",
        "subscribe_stop": "Add this venue to your calendar (.ics)",
        "feed_title": "Open je Ogen: all venues",
        "to_calendar": "To the calendar",
        "to_archive": "Archive by year",
        "to_landing": "About the exhibition",
        "when": "When",
        "where": "Where",
        "how": "How to get there",
        "hours": "Opening hours",
        "credit": "Image: {credit}",
        "status": "Status",
        "region": "Region",
        "programme": "Side programme",
        "programme_date": "Date",
        "programme_what": "What",
        "programme_for": "For whom",
        "programme_by": "By whom",
        "free": "Admission is free.",
        "stop_title": "{city}: {venue}",
        "stop_summary": "Open je Ogen at {venue}, {city}: {dates}.",
        "dutch_only": "(in Dutch)",
        "exhibition": "Open je Ogen (Open your eyes to human trafficking)",
        "exhibition_ics": "Photo exhibition Open je Ogen (Open your eyes to human trafficking)",
        "years": "Years",
        "book": "Booking the exhibition",
        "gallery": "Photos of the exhibition",
    },
}


t = translator(TEXTS)


# Babel works out a pattern for every call; a site repeats the same few dates on many pages.
@functools.lru_cache(maxsize=None)
def weekday(value: date, lang: str) -> str:
    """A day with its weekday: 'vrijdag 16 oktober 2020'."""
    return format_date(value, "EEEE d MMMM y", locale=lang)


@functools.lru_cache(maxsize=None)
def days(first: date, last: date, lang: str) -> str:
    """A date range the way the language writes it: '16 okt – 13 nov 2020'."""
    if first == last:
        return day(first, lang)
    return format_interval(first, last, "yMMMMd", locale=lang)
