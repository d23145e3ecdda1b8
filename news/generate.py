"""The news pages as Markdown (the news page, the archive, a page per item, the home page's
latest items) and the files beside them (the Atom feed and the events' calendar file).

English pages list every item: one without an English version links to its Dutch page,
marked as such, as the exhibition's calendar does. The feed and the calendar file of a
language hold only the items written in it: a reader app shows whole entries, not links.
"""

from __future__ import annotations

import html
import posixpath
from typing import Iterable

from babel.dates import format_date

from core import ical, languages
from core.backlinks import item_link
from core.dates import day
from core.pagefields import Feed, PageFields
from core.staging import StagedPage, md_text
from core.urls import doc_link, lang_link, site_url_of
from news import atom, paths
from news.model import NewsItem, Newsroom
from news.texts import t

INDEX_COUNT = 10  # items on the news page; the rest is in the archive
HOME_COUNT = 3  # items on the home page
CSS = ("assets/news.css",)
PRODID = "-//Samen tegen mensenhandel//Nieuws//NL"
DOWNLOAD = ' type="text/calendar" download'  # the calendar file's link


def newsroom(site, key: str, lang: str) -> Newsroom:
    """Every item, in ``lang`` where translated and in Dutch otherwise."""
    translated = {i.slug: i for i in site.models_of(key, lang)}
    return Newsroom([translated.get(i.slug, i) for i in site.models_of(key, languages.DEFAULT)])


def _link(item: NewsItem, lang: str, from_doc: str) -> str:
    """A link to the item's page: in ``lang`` if translated, else to the Dutch one (marked)."""
    return lang_link(
        lang,
        from_doc,
        md_text(item.title),
        item.lang,
        paths.item(item.lang, item.slug),
        t(lang, "dutch_only"),
        text_lang=item.lang,
    )


def _span(item: NewsItem, lang: str) -> str:
    """An event's days as the site writes dates: '24 september 2020', '8–10 oktober 2024',
    '28 september – 2 oktober 2024' (Babel's own intervals abbreviate the months)."""
    start, end = item.start, item.end
    assert start is not None and end is not None, "only events have days"
    if start == end:
        return day(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end, lang)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=lang)} – {day(end, lang)}"
    return f"{day(start, lang)} – {day(end, lang)}"


def _byline(item: NewsItem, lang: str) -> str:
    """'Bijeenkomst · 18 september 2020 · Utrecht en online' under a title in a list."""
    parts = [
        t(lang, f"kind_{item.kind}"),
        _span(item, lang) if item.is_event else day(item.date, lang),
    ]
    if item.place:
        parts.append(item.place)
    # Raw HTML, so every part is escaped as HTML (the place is the editor's text).
    return '<span class="news-byline">' + html.escape(" · ".join(parts)) + "</span>"


def _entry(item: NewsItem, lang: str, from_doc: str, level: int) -> str:
    summary = md_text(item.summary)
    if item.lang != lang:  # an untranslated item on an English page
        summary = f'<span lang="{item.lang}">{html.escape(item.summary)}</span>'
    return f"{'#' * level} {_link(item, lang, from_doc)}\n\n{_byline(item, lang)}\n\n{summary}\n\n"


def _files_links(lang: str, from_doc: str) -> str:
    """Links to the feed and the calendar file (raw HTML: MkDocs does not know these files)."""

    def link(site_path: str, attrs: str, label: str) -> str:
        href = _file_href(lang, from_doc, site_path)
        return f'<a href="{html.escape(href)}"{attrs}>{html.escape(label)}</a>'

    # The feed's type is in the page's head (<link rel="alternate">); the calendar file is
    # offered as a download, as the exhibition's is.
    return (
        f'<p class="news-feeds">{link(paths.feed(lang), "", t(lang, "feed"))}<br>\n'
        f"{link(paths.calendar(lang), DOWNLOAD, t(lang, 'calendar'))}</p>\n\n"
    )


def _file_href(lang: str, from_doc: str, site_path: str) -> str:
    """A relative link from a page to a file published at ``site_path`` (from the site root)."""
    return posixpath.relpath(site_path, site_url_of(lang, from_doc) or ".")


def _years_nav(room: Newsroom, lang: str, from_doc: str) -> str:
    def count(n: int) -> str:
        return t(lang, "count_one") if n == 1 else t(lang, "count", n=str(n))

    return "".join(
        f"- [{year}]({doc_link(from_doc, paths.year(lang, year))}) "
        f"({count(len(room.in_year(year)))})\n"
        for year in room.years()
    )


def pages(site, key: str, lang: str, nav_order: int) -> list[StagedPage]:
    """Every news page in ``lang``."""
    room = newsroom(site, key, lang)
    result = [_index_page(room, lang, nav_order), _archive_page(room, lang)]
    result += [_year_page(room, lang, year) for year in room.years()]
    result += [_item_page(site, item, lang) for item in site.models_of(key, lang)]
    for page in result:
        page.fields = _fields(page, lang)
    return result


def _fields(page: StagedPage, lang: str) -> PageFields:
    """What the templates need beyond the Markdown (the one place this section sets them):
    the section's styles; on the news page the feed's and the calendar file's links in the
    head, where reader apps, calendar apps and browsers look for them (the calendar's as the
    exhibition's, theme/main.html), and no table of contents (it would repeat the list)."""
    listing = page.key == "news:index" or page.key.startswith("news:year:")
    if page.key != "news:index":
        return PageFields(page_css=CSS, hide_toc=listing)
    return PageFields(
        page_css=CSS,
        hide_toc=True,
        news_feed=Feed(
            title=t(lang, "feed_title"), href=_file_href(lang, page.doc_path, paths.feed(lang))
        ),
        calendar_feed=Feed(
            title=t(lang, "calendar_title"),
            href=_file_href(lang, page.doc_path, paths.calendar(lang)),
        ),
    )


def _index_page(room: Newsroom, lang: str, nav_order: int) -> StagedPage:
    doc = paths.index(lang)
    body = (
        t(lang, "intro")
        + "\n\n"
        + _files_links(lang, doc)
        + "".join(_entry(i, lang, doc, 2) for i in room.latest(INDEX_COUNT))
        + f"## {t(lang, 'archive')}\n\n{_years_nav(room, lang, doc)}"
    )
    return StagedPage(
        key="news:index",
        lang=lang,
        doc_path=doc,
        title=t(lang, "title"),
        description=t(lang, "summary"),
        body=body,
        nav_order=nav_order,
    )


def _archive_page(room: Newsroom, lang: str) -> StagedPage:
    doc = paths.archive(lang)
    body = (
        t(lang, "archive_summary")
        + "\n\n"
        + _years_nav(room, lang, doc)
        + f"\n[{t(lang, 'to_index')}]({doc_link(doc, paths.index(lang))})\n"
    )
    return StagedPage(
        key="news:archive",
        lang=lang,
        doc_path=doc,
        title=t(lang, "archive"),
        description=t(lang, "archive_summary"),
        body=body,
    )


def _year_page(room: Newsroom, lang: str, year: int) -> StagedPage:
    doc = paths.year(lang, year)
    summary = t(lang, "archive_year_summary", year=str(year))
    body = (
        summary
        + "\n\n"
        + "".join(_entry(i, lang, doc, 2) for i in room.in_year(year))
        + f"[{t(lang, 'to_archive')}]({doc_link(doc, paths.archive(lang))}) · "
        + f"[{t(lang, 'to_index')}]({doc_link(doc, paths.index(lang))})\n"
    )
    return StagedPage(
        key=f"news:year:{year}",
        lang=lang,
        doc_path=doc,
        title=t(lang, "archive_year", year=str(year)),
        description=summary,
        body=body,
    )


def _item_page(site, item: NewsItem, lang: str) -> StagedPage:
    doc = paths.item(lang, item.slug)
    rows = [(t(lang, "published"), day(item.date, lang))]
    if item.is_event:
        rows.append((t(lang, "when"), _span(item, lang)))
    if item.place:
        rows.append((t(lang, "where"), md_text(item.place)))
    facts = "\n\n".join(f"{term}\n:   {value}" for term, value in rows)
    body = (
        f"**{md_text(item.summary)}**\n\n"
        f'<div class="news-facts" markdown="block">\n\n{facts}\n\n</div>\n\n'
        f"{item.body.strip()}\n\n{_related(site, item, lang, doc)}"
        f"[{t(lang, 'to_index')}]({doc_link(doc, paths.index(lang))})\n"
    )
    return StagedPage(
        key=f"news:{item.slug}",
        lang=lang,
        doc_path=doc,
        title=item.title,
        description=item.summary,
        body=body,
        source=item.source,
        search_tags=(t(lang, f"kind_{item.kind}"),),
    )


def _related(site, item: NewsItem, lang: str, doc: str) -> str:
    """Links to the partners and Kompas forms the item names (their pages link back)."""
    groups = []
    for field_key, section_key, heading in (
        ("partners", "partner", "related_partners"),
        ("forms", "form", "related_forms"),
    ):
        slugs = getattr(item, field_key)
        if not slugs:
            continue
        section = site.content_type(section_key)
        links = []
        for slug in slugs:
            target = site.item(section_key, slug)
            links.append(
                "- "
                + item_link(
                    site, target, lang, doc, section.item_title(target, lang), t(lang, "dutch_only")
                )
            )
        groups.append(f"### {t(lang, heading)}\n\n" + "\n".join(links) + "\n\n")
    return f"## {t(lang, 'related')}\n\n" + "".join(groups) if groups else ""


def home_latest(site, key: str, lang: str) -> str:
    """The newest items for the start page (``index.md``), with a link to all news."""
    room = newsroom(site, key, lang)
    entries = "".join(_entry(i, lang, "index.md", 3) for i in room.latest(HOME_COUNT))
    return (
        f"## {t(lang, 'latest')}\n\n{entries}"
        f"[{t(lang, 'all_news')}]({doc_link('index.md', paths.index(lang))})\n"
    )


def feed_files(site, key: str) -> Iterable[tuple[str, bytes]]:
    """The Atom feed and the events' calendar file of each language with items in it."""
    for lang in languages.LANGUAGES:
        own = Newsroom(site.models_of(key, lang))
        if not own.items:
            continue
        base = site.site_url or "/"
        page_url = base + site_url_of(lang, paths.index(lang))

        def url(item: NewsItem) -> str:
            return base + site_url_of(lang, paths.item(lang, item.slug))

        entries = [atom.Entry(url(i), i.title, i.date, i.summary) for i in own.items]
        yield (
            paths.feed(lang),
            atom.feed(
                entries,
                lang,
                t(lang, "feed_title"),
                site.publisher(lang).get("publisher", ""),
                page_url,
                base + paths.feed(lang),
            ),
        )
        events = tuple(_event(i, lang, url(i) if site.site_url else None) for i in own.events())
        yield (
            paths.calendar(lang),
            ical.calendar(events, site.today, t(lang, "calendar_title"), PRODID),
        )


def _event(item: NewsItem, lang: str, url: str | None) -> ical.AllDayEvent:
    assert item.start is not None and item.end is not None, "only events are in the calendar"
    # The UID depends on the file name only: the same event in every build and language.
    return ical.AllDayEvent(
        uid=f"nieuws-{item.slug}@event",
        start=item.start,
        end=item.end,
        summary=item.title,
        location=item.place,
        description=item.summary,
        url=url,
    )
