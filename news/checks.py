"""Checks across a news item's fields that the schema cannot make on one field alone."""

from __future__ import annotations

from typing import Iterable

from core.i18n import _

from core.section import Item
from news import paths


def check_item(item: Item) -> Iterable[tuple[str, int | None, str]]:
    """Event days exactly for events, in order; names the section's own pages use."""
    version = item.versions["nl"]
    values, source = version.values, version.source
    if item.slug in paths.RESERVED:
        yield (
            source.rel,
            None,
            _(
                "the name '{slug}' is used by the news section's own pages: rename the file",
                slug=item.slug,
            ),
        )
    if values["kind"] == "event":
        for name in ("start", "end"):
            if values.get(name) is None:
                yield (
                    source.rel,
                    source.line_of(("kind",)),
                    _(
                        "field 'start': expected the first day of the event (YYYY-MM-DD) "
                        "because kind is 'event', got nothing"
                    )
                    if name == "start"
                    else _(
                        "field 'end': expected the last day of the event (YYYY-MM-DD) "
                        "because kind is 'event', got nothing"
                    ),
                )
        start, end = values.get("start"), values.get("end")
        if start is not None and end is not None and end < start:
            yield (
                source.rel,
                source.line_of(("end",)),
                _(
                    "field 'end': expected a day on or after start ({start}), got {end}",
                    start=start.isoformat(),
                    end=end.isoformat(),
                ),
            )
    else:
        for name in ("start", "end"):
            if values.get(name) is not None:
                yield (
                    source.rel,
                    source.line_of((name,)),
                    _(
                        "field '{name}': expected no date because kind is '{kind}', got {value}; set 'kind: event' or remove the date",
                        name=name,
                        kind=values["kind"],
                        value=values[name].isoformat(),
                    ),
                )
