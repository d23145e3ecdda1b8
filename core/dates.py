"""Dates as people write them, in the site's languages (Babel's CLDR data, not our own lists)."""

from __future__ import annotations

import functools
from datetime import date

from babel.dates import format_date


@functools.lru_cache(maxsize=None)  # Babel is slow per call and pages repeat their dates
def day(value: date, lang: str) -> str:
    """A day written out: '16 oktober 2020' / '16 October 2020'."""
    return format_date(value, "d MMMM y", locale=lang)
