"""Content for the exhibition tests: a landing text and stops written inside each test."""

from __future__ import annotations

LANDING = """\
---
title: Open je Ogen
summary: De reizende tentoonstelling.
calendar_title: Agenda
calendar_summary: Waar de tentoonstelling staat.
---

Over de tentoonstelling.
"""

LANDING_EN = """\
---
title: Open je Ogen
summary: The travelling exhibition.
calendar_title: Calendar
calendar_summary: Where the exhibition is.
---

About the exhibition.
"""


def stop(
    first: str = "2026-11-09",
    last: str = "2026-12-04",
    extra: str = "",
    city: str = "Utrecht",
    body: str = "Notities.\n",
) -> str:
    """A stop file; ``extra`` adds front-matter lines after last_day (line 6 onwards)."""
    return (
        f"---\ncity: {city}\nvenue: Bibliotheek {city}\nfirst_day: {first}\n"
        f"last_day: {last}\n{extra}---\n\n{body}"
    )


def with_exhibition(content, english: bool = False, **stops: str):
    """Write the landing text (and its translation) and the given stops (slug=text)."""
    content.write("exhibition/landing/index.md", LANDING)
    if english:
        content.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\nHome.\n")
        content.write("exhibition/landing/index.en.md", LANDING_EN)
    for slug, text in stops.items():
        content.write(f"exhibition/stops/{slug.replace('_', '-')}.md", text)
    return content
