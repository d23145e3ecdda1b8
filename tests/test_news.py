"""News and events: the news pages, the archive, the home page's latest items, back-links from
partners, the Atom feed read back with feedparser as a reader app reads it, the events'
calendar read back with icalendar, the editors' messages, and the covers' credits."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from icalendar import Calendar

from core.credits import credits_html
from tests.test_search import _node
from tests.conftest import ROOT, assert_refused, html_of, run_cli

SITE_URL = "https://mensenhandel.example.org/"
NL_ITEMS = 8  # the demo's news items (content/news/*.md without translations)
EVENTS = {
    "kennismiddag-seksueel-geweld",
    "gaatw-conferentie-thailand",
    "lsi-jaarbijeenkomst-parijs",
    "symposium-kok",
}


def _titles(page: str, level: int = 2) -> list[str]:
    """The linked headings of a list of items, in page order."""
    return re.findall(rf'<h{level} id="[^"]*"><a href="([^"]+)"', page)


def _local(site: Path, url: str) -> Path:
    """The built file an absolute site address points at."""
    assert url.startswith(SITE_URL), url
    return site / urlsplit(url).path.lstrip("/") / "index.html"


# --- the demo site -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, index, feed",
    [("nl", "nieuws", "nieuws/feed.xml"), ("en", "en/news", "en/news/feed.xml")],
)
def test_feed_is_atom_a_reader_app_can_follow(demo_site, lang, index, feed):
    parsed = feedparser.parse((demo_site / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.id == SITE_URL + feed
    assert parsed.feed.title and parsed.feed.language == lang
    assert parsed.feed.author
    page = next(link for link in parsed.feed.links if link.rel == "alternate")
    assert page.href == SITE_URL + index + "/" and page.type == "text/html"
    assert any(link.rel == "self" and link.href == SITE_URL + feed for link in parsed.feed.links)
    entries = parsed.entries
    assert len(entries) == NL_ITEMS  # every demo item is translated
    days = [datetime(*e.updated_parsed[:6], tzinfo=timezone.utc) for e in entries]
    assert days == sorted(days, reverse=True), "newest first"
    feed_updated = datetime(*parsed.feed.updated_parsed[:6], tzinfo=timezone.utc)
    assert feed_updated == days[0], "the feed is as new as its newest entry"
    assert len({e.id for e in entries}) == len(entries)
    for entry in entries:
        assert entry.title and entry.summary
        assert entry.id == entry.link  # the page's permanent address
        alternate = [link for link in entry.links if link.rel == "alternate"]
        assert alternate and alternate[0].href == entry.link
        built = html.unescape(_local(demo_site, entry.link).read_text(encoding="utf-8"))
        assert re.search(r"<h1[^>]*>" + re.escape(entry.title) + "<", built), entry.title


def test_feed_is_linked_from_the_news_page_head_and_body(demo_site):
    for path, feed_title in (("nieuws", "Nieuws"), ("en/news", "News")):
        page = html_of(demo_site, path)
        head = re.search(
            r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" '
            r'href="([^"]+)">',
            page,
        )
        assert head and head.group(1).startswith(feed_title) and head.group(2) == "feed.xml"
        assert '<a href="feed.xml">' in page
        assert re.search(
            r'<link rel="alternate" type="text/calendar" title="[^"]+" '
            r'href="(agenda|events)\.ics">',
            page,
        )
        assert (demo_site / path / "feed.xml").is_file()


def test_news_page_lists_newest_first_with_an_archive_per_year(demo_site):
    page = html_of(demo_site, "nieuws")
    links = _titles(page)
    assert len(links) == NL_ITEMS
    assert links[0] == "lsi-jaarbijeenkomst-parijs/" and links[-1] == "expertgroep-corona/"
    assert '<a href="archief/2024/">2024</a>' in page and '<a href="archief/2020/">2020</a>' in page
    year = html_of(demo_site, "nieuws/archief/2020")
    assert sorted(_titles(year)) == sorted(
        [
            "../../bereik-2020/",
            "../../la-strada-25-jaar/",
            "../../kennismiddag-seksueel-geweld/",
            "../../expertgroep-corona/",
        ]
    )
    english = html_of(demo_site, "en/news/archive/2024")
    assert "Meetings for doctors in nine KNMG districts" in english
    assert "Bijeenkomsten" not in english  # no Dutch on an English page


def test_home_shows_the_three_latest_items_in_both_languages(demo_site):
    for path, heading, first in (
        ("", "Laatste nieuws", "nieuws/lsi-jaarbijeenkomst-parijs/"),
        ("en", "Latest news", "news/lsi-jaarbijeenkomst-parijs/"),
    ):
        page = (demo_site / path / "index.html").read_text(encoding="utf-8")
        teaser = page.split(f">{heading}</h2>", 1)[1].split("<h2", 1)[0]
        links = _titles(teaser, 3)
        assert len(links) == 3 and links[0] == first
        assert "assets/news.css" in page


def test_item_pages_link_partners_and_forms_and_partners_link_back(demo_site):
    item = html_of(demo_site, "nieuws/expertgroep-corona")
    assert 'href="../../partners/fairwork/"' in item
    assert 'href="../../kompas/vormen/arbeidsuitbuiting/"' in item or "arbeidsuitbuiting/" in item
    partner = html_of(demo_site, "partners/la-strada-international")
    assert 'href="../../nieuws/la-strada-25-jaar/"' in partner
    assert 'href="../../nieuws/lsi-jaarbijeenkomst-parijs/"' in partner
    event = html_of(demo_site, "en/news/gaatw-conferentie-thailand")
    assert "8–10 October 2024" in event and "Thailand" in event


@pytest.mark.parametrize(
    "path, name, place",
    [("nieuws/agenda.ics", "Bijeenkomsten", "Parijs"), ("en/news/events.ics", "Events", "Paris")],
)
def test_events_calendar_holds_the_events_only(demo_site, path, name, place):
    calendar = Calendar.from_ical((demo_site / path).read_bytes())
    assert str(calendar["X-WR-CALNAME"]).startswith(name)
    events = calendar.walk("VEVENT")
    assert {str(e["UID"]).removeprefix("nieuws-").removesuffix("@event") for e in events} == EVENTS
    kennis = next(e for e in events if "kennismiddag" in str(e["UID"]))
    assert kennis.decoded("DTSTART") == date(2020, 9, 24)
    assert kennis.decoded("DTEND") == date(2020, 9, 25)  # exclusive: the day after
    assert any(str(e.get("LOCATION")) == place for e in events)
    news_page = html_of(demo_site, path.rsplit("/", 1)[0])
    assert f'href="{path.rsplit("/", 1)[1]}" type="text/calendar" download' in news_page


@pytest.mark.parametrize(
    "index, query, url",
    [
        ("search/nl.json", "kennismiddag", "nieuws/kennismiddag-seksueel-geweld/"),
        ("en/search/en.json", "GAATW conference", "en/news/gaatw-conferentie-thailand/"),
    ],
)
def test_search_finds_the_news(demo_site, index, query, url):
    """The query run by lunr.js in node, as the search page runs it."""
    found = _node("query", str(demo_site / index), data=[query])[query]
    assert url.removeprefix("en/") in found[:3]


def test_covers_show_their_credits_in_both_languages(demo_site):
    assert "Jessica Maas en Bas Losekoot" in html_of(demo_site, "longread")
    assert "Jessica Maas and Bas Losekoot" in html_of(demo_site, "en/longread")
    for path in ("kompas", "kompas/factsheet"):
        assert "ontwikkeld door de VNG samen met het Coördinatiecentrum" in html_of(demo_site, path)


def test_credits_are_text_never_markup():
    html = credits_html('<img src=x onerror="alert(1)"> & co', "en")
    assert "<img" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co" in html
    assert credits_html(None, "nl") == ""
    assert '<span lang="nl">' in credits_html("Gemaakt door", "en", "nl")


# --- small content trees ------------------------------------------------------------------

EVENT = """\
---
title: Congres
date: 2025-03-01
kind: event
place: Utrecht & online
start: 2025-03-10
end: 2025-03-11
partners: politie
summary: Een congres over "mensenhandel" & uitbuiting.
---

Tekst.
"""


def _with_partner(content):
    """The real partner vocabularies and the police's file, for references to a partner."""
    for path in (ROOT / "content" / "vocabularies").glob("partner-*.yml"):
        content.write(f"vocabularies/{path.name}", path.read_text(encoding="utf-8"))
    content.write(
        "partners/politie.md",
        (ROOT / "content" / "partners" / "politie.md").read_text(encoding="utf-8"),
    )


def test_feed_and_calendar_are_deterministic_and_escape_field_values(content, tmp_path):
    content.write("news/congres.md", EVENT)
    _with_partner(content)
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23")
        assert result.code == 0, result.err
        outputs.append(
            ((out / "nieuws/feed.xml").read_bytes(), (out / "nieuws/agenda.ics").read_bytes())
        )
    assert outputs[0] == outputs[1]
    parsed = feedparser.parse(outputs[0][0])
    assert not parsed.bozo
    assert parsed.entries[0].summary == 'Een congres over "mensenhandel" & uitbuiting.'
    assert b"&amp; uitbuiting" in outputs[0][0]  # escaped in the XML, text to the reader
    page = html_of(tmp_path / "a", "nieuws/congres")
    assert "Utrecht &amp; online" in page
    assert "10–11 maart 2025" in page


def test_event_dates_are_required_for_events_and_refused_for_news(content):
    _with_partner(content)
    content.write("news/congres.md", EVENT.replace("start: 2025-03-10\nend: 2025-03-11\n", ""))
    content.write("news/bericht.md", EVENT.replace("kind: event", "kind: news"))
    content.write("news/omgekeerd.md", EVENT.replace("end: 2025-03-11", "end: 2025-03-09"))
    content.write("news/archief.md", EVENT.replace("partners: politie", "partners: polite"))
    assert_refused(
        content.root,
        [
            "news/archief.md: the name 'archief' is used by the news section's own pages: rename "
            "the file",
            "news/archief.md:8: field 'partners[1]': no partner item named 'polite' (expected a "
            "file partners/polite.md) (did you mean 'politie'?)",
            "news/bericht.md:6: field 'start': expected no date because kind is 'news', got "
            "2025-03-10; set 'kind: event' or remove the date",
            "news/bericht.md:7: field 'end': expected no date because kind is 'news', got "
            "2025-03-11; set 'kind: event' or remove the date",
            "news/congres.md:4: field 'end': expected the last day of the event (YYYY-MM-DD) "
            "because kind is 'event', got nothing",
            "news/congres.md:4: field 'start': expected the first day of the event (YYYY-MM-DD) "
            "because kind is 'event', got nothing",
            "news/omgekeerd.md:7: field 'end': expected a day on or after start (2025-03-10), got "
            "2025-03-09",
        ],
    )


def test_untranslated_item_is_listed_in_english_marked_but_stays_out_of_the_english_feed(
    content, tmp_path
):
    content.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\nHome.\n")
    content.write(
        "news/bericht.md",
        EVENT.replace("kind: event", "kind: news")
        .replace("start: 2025-03-10\nend: 2025-03-11\n", "")
        .replace("partners: politie\n", ""),
    )
    content.write("news/congres.md", EVENT.replace("partners: politie\n", ""))
    content.write(
        "news/congres.en.md", "---\ntitle: Congress\nsummary: A congress.\n---\n\nText.\n"
    )
    out = tmp_path / "site"
    result = run_cli("build", "--content", content.root, "--out", out, "--today", "2026-11-23")
    assert result.code == 0, result.err
    english = html_of(out, "en/news")
    assert re.search(
        r'<a href="../../nieuws/bericht/" hreflang="nl" lang="nl">Congres</a>\s*'
        r"\(in Dutch\)",
        english,
    ), english
    assert [e.title for e in feedparser.parse((out / "en/news/feed.xml").read_bytes()).entries] == [
        "Congress"
    ]
    assert len(feedparser.parse((out / "nieuws/feed.xml").read_bytes()).entries) == 2
