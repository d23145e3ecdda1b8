"""The calendar as generated Markdown: stops grouped into now showing, coming and past.

Every stop carries its dates as ISO data attributes, so theme/assets/exhibition.js can group
the same list again with the visitor's own date; without JavaScript the build's grouping stands.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Callable

from exhibition import paths
from exhibition.model import GROUPS, Stop, Tour
from core.dates import day
from exhibition.texts import days, t

# The Markdown link with the given text to a stop's page, seen from the page being written.
LinkOf = Callable[[Stop, str], str]

# Each Markdown special character behind a backslash (a table lookup: a preview makes every
# listing again on each edit, and a regular expression with a template was ten times slower).
_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|"})


def esc(text: str) -> str:
    """Editor text made safe inside generated Markdown: no HTML, no Markdown syntax."""
    return html.escape(text, quote=False).translate(_MARKDOWN_SPECIALS)


def attr(text: str) -> str:
    """Editor text made safe inside an HTML attribute."""
    return html.escape(text, quote=True)


def status_badge(stop: Stop, lang: str) -> str:
    """The visible status of a cancelled or postponed stop (planned and rescheduled stops
    need none: the dates shown are the ones it is held on)."""
    status = stop.shown_status
    if status is None:
        return ""
    return (
        f'<strong class="stop-status stop-status--{stop.status}">'
        f"{t(lang, 'status_' + status)}</strong> "
    )


def region_label(site, key: str, lang: str) -> str:
    """The region's name in ``lang`` from content/vocabularies/regions.yml."""
    return site.vocabularies["regions"].label(key, lang)


def region_slug(site, key: str, lang: str) -> str:
    """The region's web name in ``lang`` (its address part and filter value)."""
    return site.vocabularies["regions"].slug(key, lang)


def card(stop: Stop, lang: str, site, link_of: LinkOf, heading: str = "###") -> str:
    """One stop in a list: title link, dates, region and status."""
    link = link_of(stop, esc(t(lang, "stop_title", city=stop.city, venue=stop.venue)))
    dates = days(stop.start, stop.end, lang)
    facts = [
        esc(t(lang, "first_planned", dates=dates).rstrip(".") if stop.awaiting_dates else dates)
    ]
    if stop.region:
        facts.append(esc(region_label(site, stop.region, lang)))
    data = (
        f'data-stop data-first="{stop.start.isoformat()}" data-last="{stop.end.isoformat()}" '
        f'data-city="{attr(stop.city_key)}" data-region="{attr(region_slug(site, stop.region, lang) if stop.region else "")}"'
    )
    if stop.awaiting_dates:  # the browser keeps it under "coming" on any day
        data += " data-awaiting"
    return (
        f'<li class="stop-card stop-card--{stop.status}" {data} markdown="block">\n\n'
        f"{heading} {link}\n\n"
        f"{status_badge(stop, lang)}{' · '.join(facts)}\n\n</li>"
    )


def grouped_calendar(
    tour: Tour,
    today: date,
    lang: str,
    site,
    link_of: LinkOf,
    filterable: bool = False,
    shown: tuple[str, ...] = GROUPS,
    level: int = 2,
    place: str | None = None,
    everything: str = "",
) -> str:
    """The groups (``shown``, all three by default) as of ``today``, wrapped for the
    browser's re-grouping (and, when ``filterable``, its in-place filter); group headings at
    ``level``. A stop whose group is not shown is hidden by the script.

    ``place``: the town or region this calendar is of; an empty group then says so about that
    place (not that nothing is planned anywhere) and links ``everything``, the full calendar."""
    groups = tour.grouped(today)
    flags = "data-calendar data-filterable" if filterable else "data-calendar"
    parts = [
        f'<div class="exhibition-calendar" {flags} data-today="{today.isoformat()}" '
        f'data-grouped-template="{attr(t(lang, "grouped_on_js", date="{date}"))}" '
        f'markdown="1">',
        f'<p class="calendar-asof" data-calendar-asof aria-live="polite">'
        f"{attr(t(lang, 'grouped_on', date=day(today, lang)))}</p>",
    ]
    for group in shown:
        stops = groups[group]
        hidden = " hidden" if stops else ""
        if place:
            empty = attr(t(lang, f"empty_{group}_in", what=place))
            if everything:
                empty += f' <a href="{attr(everything)}">{attr(t(lang, "elsewhere"))}</a>'
        else:
            empty = t(lang, "empty_" + group)
        # The in-place filter says the same about the place it shows ({what}).
        place_template = (
            f' data-empty-in="{attr(t(lang, f"empty_{group}_in", what="{what}"))}"'
            if filterable
            else ""
        )
        parts.append(
            f'<section class="calendar-group" data-group="{group}" '
            f'aria-labelledby="group-{group}" markdown="1">\n\n'
            f'<h{level} id="group-{group}">{t(lang, group)}</h{level}>\n'
            f'<p class="calendar-empty" data-empty{place_template}{hidden}>{empty}</p>\n'
            f'<ul class="stop-list" markdown="1">\n'
            + "\n".join(card(s, lang, site, link_of) for s in stops)
            + "\n</ul>\n\n</section>"
        )
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def plain_list(stops: list[Stop], lang: str, site, link_of: LinkOf) -> str:
    """Stops as a simple list (the archive), in the given order."""
    return (
        '<ul class="stop-list" markdown="1">\n'
        + "\n".join(card(s, lang, site, link_of, heading="##") for s in stops)
        + "\n</ul>\n"
    )


def feed_link(lang: str, from_doc: str, site_path: str, label: str) -> str:
    """A download link to a calendar file (raw HTML: MkDocs does not know the .ics files)."""
    href = paths.file_href(lang, from_doc, site_path)
    return (
        f'<p class="feed-link"><a href="{attr(href)}" type="text/calendar" download>'
        f"{attr(label)}</a></p>\n"
    )
