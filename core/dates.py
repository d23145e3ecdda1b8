"""Dates as people write them, in the site's languages (Babel's CLDR data, not our own lists)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date


def day(value: date, lang: str) -> str:
    """A day written out: '16 oktober 2020' / '16 October 2020'."""
    return format_date(value, "d MMMM y", locale=lang)
