"""The fixed texts of the news pages, feed and calendar file, in both languages."""

from __future__ import annotations

from core.languages import translator

TEXTS = {
    "nl": {
        "title": "Nieuws en agenda",
        "summary": "Nieuws over de aanpak van mensenhandel en bijeenkomsten waar we aan meedoen.",
        "intro": "Hier lees je wat er speelt: nieuws, bijeenkomsten, webinars en congressen. "
        "Het nieuwste staat bovenaan.",
        "latest": "Laatste nieuws",
        "all_news": "Al het nieuws",
        "archive": "Archief",
        "archive_summary": "Al het nieuws en alle bijeenkomsten, per jaar.",
        "archive_year": "Nieuws uit {year}",
        "archive_year_summary": "Het nieuws en de bijeenkomsten van {year}, het nieuwste eerst.",
        "by_year": "Per jaar",
        "to_index": "Terug naar het nieuws",
        "to_archive": "Naar het archief",
        "kind_news": "Nieuws",
        "kind_event": "Bijeenkomst",
        "when": "Wanneer",
        "where": "Waar",
        "published": "Gepubliceerd",
        "related_partners": "Partners",
        "related_forms": "Vormen van mensenhandel in het Kompas",
        "related": "Meer hierover",
        "feed": "Volg het nieuws in je feedlezer (Atom)",
        "feed_title": "Nieuws — Samen tegen mensenhandel",
        "calendar": "Zet de bijeenkomsten in je agenda (.ics)",
        "calendar_title": "Bijeenkomsten — Samen tegen mensenhandel",
        "dutch_only": "(Nederlands)",
        "count": "{n} berichten",
        "count_one": "1 bericht",
    },
    "en": {
        "title": "News and events",
        "summary": "News on the fight against human trafficking and the meetings we take part in.",
        "intro": "What is going on: news, meetings, webinars and conferences. The newest is "
        "at the top.",
        "latest": "Latest news",
        "all_news": "All news",
        "archive": "Archive",
        "archive_summary": "All news and events, by year.",
        "archive_year": "News from {year}",
        "archive_year_summary": "The news and events of {year}, newest first.",
        "by_year": "By year",
        "to_index": "Back to the news",
        "to_archive": "To the archive",
        "kind_news": "News",
        "kind_event": "Event",
        "when": "When",
        "where": "Where",
        "published": "Published",
        "related_partners": "Partners",
        "related_forms": "Forms of trafficking in the Kompas",
        "related": "More on this",
        "feed": "Follow the news in your feed reader (Atom)",
        "feed_title": "News — Together against human trafficking",
        "calendar": "Add the events to your calendar (.ics)",
        "calendar_title": "Events — Together against human trafficking",
        "dutch_only": "(in Dutch)",
        "count": "{n} items",
        "count_one": "1 item",
    },
}

t = translator(TEXTS)
