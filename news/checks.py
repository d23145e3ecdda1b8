"""Checks across a news item's fields that the schema cannot make on one field alone."""

from __future__ import annotations

from typing import Iterable

from core.section import Item
from news import paths


def check_item(item: Item) -> Iterable[tuple[str, int | None, str]]:
    """Event days exactly for events, in order; names the section's own pages use."""
    version = item.versions["nl"]
    values, source = version.values, version.source
    if item.slug in paths.RESERVED:
        yield (source.rel, None, f"the name '{item.slug}' is used by the news section's own "
                                 f"pages: rename the file")
    if values["kind"] == "event":
        for name in ("start", "end"):
            if values.get(name) is None:
                yield (source.rel, source.line_of(("kind",)),
                       f"field '{name}': expected the {'first' if name == 'start' else 'last'} "
                       f"day of the event (YYYY-MM-DD) because kind is 'event', got nothing")
        start, end = values.get("start"), values.get("end")
        if start is not None and end is not None and end < start:
            yield (source.rel, source.line_of(("end",)),
                   f"field 'end': expected a day on or after start ({start.isoformat()}), "
                   f"got {end.isoformat()}")
    else:
        for name in ("start", "end"):
            if values.get(name) is not None:
                yield (source.rel, source.line_of((name,)),
                       f"field '{name}': expected no date because kind is "
                       f"'{values['kind']}', got {values[name].isoformat()}; set 'kind: event' "
                       f"or remove the date")
