"""Stage generate for the exhibition: landing, calendar, filters, archive, stop pages, .ics.

English shows every stop: a stop without an English version is listed with a link to its
Dutch page, marked as such, rather than left out of the tour.
"""

from __future__ import annotations

from core import languages
from core.pagefields import Feed, PageFields
from core.staging import StagedPage
from core.urls import doc_link, lang_link, site_url_of
from exhibition import ics, paths
from exhibition.listing import (
    LinkOf,
    attr,
    esc,
    feed_link,
    grouped_calendar,
    plain_list,
    region_label,
    region_slug,
)
from core.images import picture
from exhibition.model import Landing, Stop, Tour
from exhibition.stop_page import stop_page
from exhibition.texts import t


# The photo spans the content column: full width on phones, the column's width above 60em.
PHOTO_SIZES = "(min-width: 60em) 45rem, 100vw"
# Gallery photos: one a row on phones, two in the column on wider screens (exhibition.css).
GALLERY_SIZES = "(min-width: 60em) 22rem, (min-width: 30em) 50vw, 100vw"


def landing_text(site, landing_section, lang: str) -> Landing | None:
    """The editor's landing text in ``lang``, or ``None`` (then nothing is published in it)."""
    models = site.models_of(landing_section.key, lang)
    return models[0] if models else None


def tour(site, key: str, lang: str) -> Tour:
    """Every stop, in ``lang`` where translated and in Dutch otherwise."""
    translated = {s.slug: s for s in site.models_of(key, lang)}
    return Tour([translated.get(s.slug, s) for s in site.models_of(key, languages.DEFAULT)])


def link_maker(lang: str, from_doc: str) -> LinkOf:
    """Links from ``from_doc`` to stop pages: same language if it exists, else Dutch (marked)."""

    def link_of(stop: Stop, text: str) -> str:
        return lang_link(
            lang, from_doc, text, stop.lang, paths.stop(stop.lang, stop.slug), t(lang, "dutch_only")
        )

    return link_of


def pages(site, key: str, text: Landing, lang: str, nav_order: int) -> list[StagedPage]:
    """Every exhibition page in ``lang``."""
    all_stops = tour(site, key, lang)
    result = [
        _landing_page(site, text, lang, nav_order, all_stops),
        _calendar_page(site, all_stops, text, lang, None, None),
    ]
    for city, name in all_stops.cities().items():
        result.append(
            _calendar_page(
                site, all_stops.where(city=city), text, lang, "city", city, name, all_stops
            )
        )
    for region in all_stops.regions():
        result.append(
            _calendar_page(
                site,
                all_stops.where(region=region),
                text,
                lang,
                "region",
                region,
                region_label(site, region, lang),
                all_stops,
            )
        )
    result.append(_archive_page(all_stops, lang))
    result.extend(_year_page(site, all_stops, lang, year) for year in all_stops.years())
    result.extend(stop_page(site, stop, all_stops, lang) for stop in site.models_of(key, lang))
    return result


def home_calendar(site, key: str, text: Landing, lang: str) -> str:
    """What the exhibition shows now and next, for the start page (``index.md``): the
    calendar's own markup, so the browser regroups it by the visitor's date as it does there."""
    stops = tour(site, key, lang)
    calendar = grouped_calendar(
        stops,
        site.today,
        lang,
        site,
        link_maker(lang, "index.md"),
        shown=("now", "coming"),
        level=3,
    )
    return (
        f"## {esc(text.title)}\n\n{esc(text.summary)}\n\n{calendar}\n"
        f"[{t(lang, 'to_calendar_all')}]({doc_link('index.md', paths.calendar(lang))})\n"
    )


def _links(lang: str, from_doc: str, *targets: tuple[str, str]) -> str:
    return "\n".join(f"- [{t(lang, label)}]({doc_link(from_doc, doc)})" for label, doc in targets)


def _landing_page(site, text: Landing, lang: str, nav_order: int, stops: Tour) -> StagedPage:
    doc = paths.landing(lang)
    # Where the exhibition is now and goes next, regrouped by the visitor's date as on the
    # calendar (and the home page).
    now = grouped_calendar(
        stops, site.today, lang, site, link_maker(lang, doc), shown=("now", "coming")
    )
    body = (
        _photo(site, text, lang, doc)
        + text.body.rstrip()
        + "\n\n"
        + now
        + "\n"
        + _gallery(site, text, lang, doc)
    ) + _links(
        lang, doc, ("to_calendar", paths.calendar(lang)), ("to_archive", paths.archive(lang))
    )
    body += "\n\n" + feed_link(lang, doc, paths.tour_feed(lang), t(lang, "subscribe"))
    if text.contact:
        body += f"\n## {t(lang, 'book')}\n\n{esc(text.contact)}\n"
    return StagedPage(
        key="exhibition:landing",
        lang=lang,
        doc_path=doc,
        title=text.title,
        description=text.summary,
        body=body,
        source=text.source,
        nav_order=nav_order,
    )


def _filter_nav(
    site,
    tour: Tour,
    lang: str,
    doc: str,
    current: tuple[str | None, str | None],
) -> str:
    """Links to the calendar of each city and region (plain links work without JavaScript)."""

    def link(label: str, target: str, kind: str, value: str) -> str:
        # data-filter-param: the query-string word that keeps the choice in the address
        # (?plaats=utrecht), so a reload, a shared link and the back button keep it.
        param = paths.PATHS[lang].get(kind, "")
        attrs = (
            f'data-filter-kind="{kind}" data-filter-value="{attr(value)}" '
            f'data-filter-param="{param}"'
        )
        if current == (kind if value else None, value or None):
            attrs += ' aria-current="page"'
        return f"- [{esc(label)}]({doc_link(doc, target)}){{ {attrs} }}"

    everything = link(t(lang, "filter_all"), paths.calendar(lang), "all", "")
    cities = [
        link(name, paths.filtered(lang, "city", key), "city", key)
        for key, name in tour.cities().items()
    ]
    regions = [
        link(
            region_label(site, key, lang),
            paths.filtered(lang, "region", region_slug(site, key, lang)),
            "region",
            region_slug(site, key, lang),
        )
        for key in tour.regions()
    ]
    parts = [
        f'<nav class="calendar-filter" aria-label="{attr(t(lang, "filter"))}" markdown="1">',
        f'<p class="calendar-filter__title">{attr(t(lang, "filter"))}</p>\n',
        everything + "\n",
        f'<p class="calendar-filter__title">{attr(t(lang, "filter_city"))}</p>\n',
        "\n".join(cities) + "\n",
    ]
    if regions:
        parts += [
            f'<p class="calendar-filter__title">{attr(t(lang, "filter_region"))}</p>\n',
            "\n".join(regions) + "\n",
        ]
    parts.append("</nav>")
    parts.append(
        f'<p class="calendar-filter__status" data-filter-status aria-live="polite" '
        f'data-count-template="{attr(t(lang, "filter_count", n="{n}", what="{what}"))}" '
        f'data-all-template="{attr(t(lang, "filter_count_all", n="{n}"))}"></p>'
    )
    return "\n".join(parts) + "\n"


def _photo(site, text: Landing, lang: str, doc: str) -> str:
    """The exhibition's photo across the content column, with its credit, above the text."""
    if not text.photo:
        return ""
    caption = (
        f"<figcaption>{esc(t(lang, 'credit', credit=text.photo_credit))}</figcaption>"
        if text.photo_credit
        else ""
    )
    return (
        f'<figure class="exhibition-photo">'
        f"{picture(site, text.photo, text.photo_alt or '', lang, doc, sizes=PHOTO_SIZES)}"
        f"{caption}</figure>\n\n"
    )


def _gallery(site, text: Landing, lang: str, doc: str) -> str:
    """The exhibition's photos as a list of figures, each with its alt text and credit."""
    if not text.gallery:
        return ""
    items = []
    for photo in text.gallery:
        caption = (
            f"<figcaption>{esc(t(lang, 'credit', credit=photo.credit))}</figcaption>"
            if photo.credit
            else ""
        )
        items.append(
            f"<li><figure>{picture(site, photo.image, photo.alt, lang, doc, sizes=GALLERY_SIZES)}"
            f"{caption}</figure></li>"
        )
    return (
        f'<h2 id="gallery">{t(lang, "gallery")}</h2>\n\n'
        f'<ul class="exhibition-gallery">\n' + "\n".join(items) + "\n</ul>\n\n"
    )


def _calendar_page(
    site,
    stops: Tour,
    text: Landing,
    lang: str,
    kind: str | None,
    value: str | None,
    name: str = "",
    everything: Tour | None = None,
) -> StagedPage:
    """The grouped calendar: of every stop, or of one city or region."""
    everything = everything or stops
    if kind is None:
        doc, key = paths.calendar(lang), "exhibition:calendar"
        title, summary = text.calendar_title, text.calendar_summary
    else:
        # The key pairs the languages' pages; the address has the region's name per language.
        key = f"exhibition:{kind}:{value}"
        assert value is not None, "a calendar of one city or region names it"
        if kind == "region":
            value = region_slug(site, value, lang)
        doc = paths.filtered(lang, kind, value)
        title = t(lang, "in_place", what=name)
        summary = t(lang, "in_place_summary", what=name)
    body = f"{esc(summary)}\n\n" + _filter_nav(site, everything, lang, doc, (kind, value))
    # Only the full list can be filtered in place by the browser; the others are filtered.
    calendar = grouped_calendar(
        stops,
        site.today,
        lang,
        site,
        link_maker(lang, doc),
        filterable=kind is None,
        place=name or None,
        everything=paths.file_href(lang, doc, site_url_of(lang, paths.calendar(lang))) + "/"
        if kind
        else "",
    )
    body += (
        "\n" + calendar + "\n" + feed_link(lang, doc, paths.tour_feed(lang), t(lang, "subscribe"))
    )
    body += (
        "\n"
        + _links(
            lang, doc, ("to_landing", paths.landing(lang)), ("to_archive", paths.archive(lang))
        )
        + "\n"
    )
    # No table of contents: it would list the build's grouping, which the browser may change.
    feed = Feed(title=t(lang, "feed_title"), href=paths.file_href(lang, doc, paths.tour_feed(lang)))
    return StagedPage(
        key=key,
        lang=lang,
        doc_path=doc,
        title=title,
        description=summary,
        body=body,
        fields=PageFields(calendar_feed=feed, hide_toc=True),
    )


def _archive_page(stops: Tour, lang: str) -> StagedPage:
    doc = paths.archive(lang)
    lines = [
        f"- [{year}]({doc_link(doc, paths.year(lang, year))}) ({len(stops.in_year(year))})"
        for year in reversed(stops.years())
    ]
    body = (
        t(lang, "archive_summary")
        + "\n\n"
        + "\n".join(lines)
        + "\n\n"
        + _links(
            lang, doc, ("to_calendar", paths.calendar(lang)), ("to_landing", paths.landing(lang))
        )
    )
    return StagedPage(
        key="exhibition:archive",
        lang=lang,
        doc_path=doc,
        title=t(lang, "archive"),
        description=t(lang, "archive_summary"),
        body=body,
    )


def _year_page(site, stops: Tour, lang: str, year: int) -> StagedPage:
    doc = paths.year(lang, year)
    summary = t(lang, "archive_year_summary", year=year)
    body = summary + "\n\n" + plain_list(stops.in_year(year), lang, site, link_maker(lang, doc))
    body += "\n" + _links(
        lang, doc, ("to_archive", paths.archive(lang)), ("to_calendar", paths.calendar(lang))
    )
    return StagedPage(
        key=f"exhibition:year:{year}",
        lang=lang,
        doc_path=doc,
        title=t(lang, "archive_year", year=year),
        description=summary,
        body=body,
        fields=PageFields(hide_toc=True),
    )


def calendar_files(site, key: str, landing_section):
    """The .ics of the whole tour and of each stop page, per language with a landing text."""
    for lang in languages.LANGUAGES:
        if landing_text(site, landing_section, lang) is None:
            continue
        stops = tour(site, key, lang).stops
        urls = (
            {s.slug: site.site_url + site_url_of(s.lang, paths.stop(s.lang, s.slug)) for s in stops}
            if site.site_url
            else {}
        )
        yield (
            paths.tour_feed(lang),
            ics.calendar(stops, lang, site.today, t(lang, "feed_title"), urls, cancelled=False),
        )
        for stop in site.models_of(key, lang):
            yield (
                paths.stop_feed(lang, stop.slug),
                ics.calendar(
                    [stop],
                    lang,
                    site.today,
                    t(lang, "stop_title", city=stop.city, venue=stop.venue),
                    urls,
                ),
            )
