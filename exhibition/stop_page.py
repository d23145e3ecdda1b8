"""The page of one stop: when, where and how to get there, status, side programme, notes."""

from __future__ import annotations


from core.images import picture
from core.pagefields import PageFields
from core.staging import StagedPage
from core.urls import doc_link, site_url_of
from exhibition import jsonld, paths
from exhibition.listing import esc, feed_link, region_label
from exhibition.model import Stop, Tour
from exhibition.texts import days, t, weekday


def _status(stop: Stop, tour: Tour, lang: str, doc: str) -> str:
    """What happened to a cancelled or postponed stop, in words (never hidden).

    A rescheduled stop gets no status badge: it is held on its new dates, which the page
    shows; the note says when it was first planned."""
    status = stop.shown_status
    badge = (
        f'<strong class="stop-status stop-status--{stop.status}">'
        f"{t(lang, 'status_' + status)}</strong> "
        if status
        else ""
    )
    if stop.status == "cancelled":
        text = t(lang, "cancelled_note")
    elif stop.rescheduled:
        text = t(
            lang,
            "rescheduled",
            old=days(stop.first_day, stop.last_day, lang),
            new=days(stop.start, stop.end, lang),
        )
    elif stop.moved_to:
        other = tour.get(stop.moved_to)
        assert other is not None, "moved_to is a reference to a stop, checked when loading"
        label = esc(t(lang, "stop_title", city=other.city, venue=other.venue))
        if other.lang == lang:
            link = f"[{label}]({doc_link(doc, paths.stop(lang, other.slug))})"
        else:  # the other stop has no page in this language
            link = label
        before, _, after = t(lang, "moved", link="\0").partition("\0")
        return f'<p class="stop-notice" markdown="1">{badge}{esc(before)}{link}{esc(after)}</p>'
    else:
        text = (
            t(lang, "postponed_unknown")
            + " "
            + t(lang, "first_planned", dates=days(stop.first_day, stop.last_day, lang))
        )
    return f'<p class="stop-notice" markdown="1">{badge}{esc(text)}</p>'


def _programme(stop: Stop, lang: str) -> str:
    heads = [
        t(lang, k) for k in ("programme_date", "programme_what", "programme_for", "programme_by")
    ]
    rows = ["| " + " | ".join(heads) + " |", "| --- | --- | --- | --- |"]
    for entry in sorted(stop.side_programme, key=lambda e: e.date):
        cells = [weekday(entry.date, lang), entry.what, entry.for_whom or "–", entry.by_whom or "–"]
        rows.append("| " + " | ".join(esc(c) for c in cells) + " |")
    return f"## {t(lang, 'programme')}\n\n" + "\n".join(rows) + "\n"


def stop_page(site, stop: Stop, tour: Tour, lang: str) -> StagedPage:
    """The staged page of ``stop`` in ``lang`` (its own language version)."""
    doc = paths.stop(lang, stop.slug)
    dates = days(stop.start, stop.end, lang)
    title = t(lang, "stop_title", city=stop.city, venue=stop.venue)
    parts = []
    if stop.status != "planned":
        parts.append(_status(stop, tour, lang, doc))
    when = t(lang, "when_unknown", dates=dates) if stop.awaiting_dates else dates
    parts.append(f"## {t(lang, 'when')}\n\n{esc(when)}")
    where = [esc(stop.venue)]
    if stop.address:
        where.append(esc(stop.address))
    elif stop.city not in stop.venue:
        where.append(esc(stop.city))
    how = f"## {t(lang, 'how')}\n\n" + "  \n".join(where)
    if stop.region:
        how += f"\n\n{t(lang, 'region')}: {esc(region_label(site, stop.region, lang))}"
    if stop.opening_hours:
        how += f"\n\n{t(lang, 'hours')}: {esc(stop.opening_hours)}"
    how += f"\n\n{t(lang, 'free')}"
    parts.append(how)
    if stop.image:
        parts.append(picture(site, stop.image, stop.image_alt or "", lang, doc))
    if stop.body.strip():
        parts.append(stop.body.strip())
    if stop.side_programme:
        parts.append(_programme(stop, lang))
    parts.append(feed_link(lang, doc, paths.stop_feed(lang, stop.slug), t(lang, "subscribe_stop")))
    parts.append(
        f"- [{t(lang, 'to_calendar')}]({doc_link(doc, paths.calendar(lang))})\n"
        f"- [{t(lang, 'to_landing')}]({doc_link(doc, paths.landing(lang))})"
    )
    url = site.site_url + site_url_of(lang, doc) if site.site_url else ""
    tour_url = site.site_url + site_url_of(lang, paths.landing(lang)) if site.site_url else ""
    organizer = site.publisher(lang).get("publisher", "")  # extra.site, one place
    fields = PageFields(
        jsonld=jsonld.exhibition_event(stop, lang, url, tour_url, site.site_url, organizer)
    )
    return StagedPage(
        key=f"stop:{stop.slug}",
        lang=lang,
        doc_path=doc,
        title=title,
        description=t(lang, "stop_summary", venue=stop.venue, city=stop.city, dates=dates),
        body="\n\n".join(parts) + "\n",
        source=stop.source,
        fields=fields,
    )
