"""The Atom feed (RFC 4287) of the news in one language, written by the feedgen library.

Deterministic: every date in it is an item's own date (the feed's ``updated`` is the newest
item's), never the clock, and the entries keep the news page's order (newest first). The ids
are the pages' permanent addresses, so a reader app that follows the feed sees an edited item
as the same entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from feedgen.feed import FeedGenerator


@dataclass(frozen=True)
class Entry:
    """One entry: what a reader app shows of an item, and where the item's page is."""

    url: str  # the page's absolute address; also the entry's id
    title: str
    day: date
    summary: str


def _moment(day: date) -> datetime:
    """Midnight UTC of a day (Atom dates are date-times)."""
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def feed(
    entries: list[Entry], lang: str, title: str, author: str, page_url: str, feed_url: str
) -> bytes:
    """The feed's XML: ``entries`` in the order given (newest first), linked to the news page."""
    generator = FeedGenerator()
    generator.id(feed_url)
    generator.title(title)
    generator.author({"name": author})
    generator.link(href=page_url, rel="alternate", type="text/html")
    generator.link(href=feed_url, rel="self", type="application/atom+xml")
    generator.language(lang)
    generator.generator("Samen tegen mensenhandel site toolkit")  # not the library's version
    generator.updated(_moment(max((e.day for e in entries), default=date(2000, 1, 1))))
    for entry in entries:
        item = generator.add_entry(order="append")
        item.id(entry.url)
        item.title(entry.title)
        item.link(href=entry.url, rel="alternate", type="text/html")
        item.published(_moment(entry.day))
        item.updated(_moment(entry.day))
        item.summary(entry.summary)
    return generator.atom_str(pretty=True)
