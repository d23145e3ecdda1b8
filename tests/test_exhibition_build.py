"""The exhibition in built sites: grouping by --today, filter and archive pages, stop pages,
the .ics files read back with icalendar, and the schema.org JSON-LD read back as JSON."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from icalendar import Calendar

from core.site import load_site
from tests.conftest import ROOT, run_cli
from toolkit import cli
from tests.exhibition_content import stop, with_exhibition

TODAY = "2026-11-23"


def _build(content, tmp_path, today=TODAY, name="site"):
    out = tmp_path / name
    result = run_cli("build", "--content", content.root, "--out", out, "--today", today)
    assert result.code == 0, result.err
    return out


class _Groups(HTMLParser):
    """Which calendar group (now, coming, past) each stop link sits in."""

    def __init__(self):
        super().__init__()
        self.group, self.found = None, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "data-group" in attrs:
            self.group = attrs["data-group"]
        if tag == "a" and self.group and "/locatie/" in (attrs.get("href") or ""):
            self.found[attrs["href"].rstrip("/").rsplit("/", 1)[1]] = self.group


def groups_of(html: str) -> dict[str, str]:
    parser = _Groups()
    parser.feed(html.split("data-calendar", 1)[1])
    return parser.found


@pytest.mark.parametrize(
    "today, expected",
    [
        ("2026-11-08", "coming"),  # the day before the first day
        ("2026-11-09", "now"),  # the first day
        ("2026-12-04", "now"),  # the last day
        ("2026-12-05", "past"),  # the day after
    ],
)
def test_calendar_groups_a_stop_by_the_build_date(content, tmp_path, today, expected):
    with_exhibition(content, utrecht=stop("2026-11-09", "2026-12-04"))
    site = _build(content, tmp_path, today)
    html = (site / "open-je-ogen/agenda/index.html").read_text(encoding="utf-8")
    assert groups_of(html) == {"utrecht": expected}
    assert f'data-today="{today}"' in html
    # The other groups say they are empty; the stop's group does not.
    for group in ("now", "coming", "past"):
        section = html.split(f'data-group="{group}"', 1)[1].split("</section>", 1)[0]
        assert ('hidden="hidden"' in section.split("</p>", 1)[0]) == (group == expected)


def test_postponed_to_new_dates_is_grouped_by_the_new_dates(content, tmp_path):
    with_exhibition(
        content,
        zwolle=stop(
            "2026-05-04",
            "2026-05-29",
            "status: postponed\nnew_first_day: 2026-11-16\nnew_last_day: 2026-12-11\n",
        ),
    )
    html = (_build(content, tmp_path) / "open-je-ogen/agenda/index.html").read_text()
    assert groups_of(html) == {"zwolle": "now"}
    assert 'data-first="2026-11-16" data-last="2026-12-11"' in html
    page = (tmp_path / "site/open-je-ogen/locatie/zwolle/index.html").read_text()
    assert "Verschoven van 4–29 mei 2026 naar 16 nov\u2009–\u200911 dec 2026." in page


def test_demo_calendar_has_every_group_and_shows_cancelled_and_postponed(tmp_path):
    out = tmp_path / "site"
    assert run_cli("build", "--content", ROOT / "content", "--out", out, "--today", TODAY).code == 0
    html = (out / "open-je-ogen/agenda/index.html").read_text(encoding="utf-8")
    found = groups_of(html)
    assert found["utrecht-2026"] == "now"
    assert {"now", "coming", "past"} == set(found.values())
    assert found["huizen-2020"] == "past" and found["maastricht-2027"] == "coming"
    assert '<strong class="stop-status stop-status--cancelled">Afgelast</strong>' in html
    assert '<strong class="stop-status stop-status--postponed">Uitgesteld</strong>' in html
    assert (
        '<link rel="alternate" type="text/calendar" title="Open je Ogen: alle locaties" '
        'href="../agenda.ics">'
    ) in html
    # English: every stop is listed; untranslated ones link to their Dutch page, marked.
    english = (out / "en/open-je-ogen/calendar/index.html").read_text(encoding="utf-8")
    assert 'href="../venue/utrecht-2026/"' in english
    assert re.search(
        r'href="\.\./\.\./\.\./open-je-ogen/locatie/huizen-2020/" hreflang="nl"', english
    )
    assert "(in Dutch)" in english
    # Filter pages (one per town and region) and the archive per year exist in both languages.
    for path in (
        "open-je-ogen/agenda/plaats/den-bosch",
        "open-je-ogen/agenda/regio/oost-brabant",
        "en/open-je-ogen/calendar/city/loon-op-zand",
        "open-je-ogen/archief/2020",
        "en/open-je-ogen/archive/2027",
        "open-je-ogen/archief",
    ):
        assert (out / path / "index.html").is_file(), path
    den_bosch = (out / "open-je-ogen/agenda/plaats/den-bosch/index.html").read_text()
    assert set(groups_of(den_bosch)) == {"den-bosch-2020"}
    assert (
        'aria-current="page" data-filter-kind="city" data-filter-param="plaats" '
        'data-filter-value="den-bosch"'
    ) in den_bosch
    year = (out / "open-je-ogen/archief/2020/index.html").read_text()
    assert year.count('data-stop="data-stop"') == 7
    # The home page has a tile for the exhibition.
    assert '<a href="open-je-ogen/">Open je Ogen</a>' in (out / "index.html").read_text()


def _stops(content_dir):
    site, problems = load_site(content_dir, cli.SECTIONS, date(2026, 11, 23))
    assert not problems
    return {s.slug: s for s in site.models_of("stop", "nl")}


def test_ics_files_round_trip_with_every_date(tmp_path):
    out = tmp_path / "site"
    assert run_cli("build", "--content", ROOT / "content", "--out", out, "--today", TODAY).code == 0
    stops = _stops(ROOT / "content")
    for feed in ("open-je-ogen/agenda.ics", "en/open-je-ogen/calendar.ics"):
        calendar = Calendar.from_ical((out / feed).read_bytes())
        events = {e["UID"]: e for e in calendar.walk("VEVENT")}
        # The tour leaves out what does not take place; each side-programme activity is an
        # event of its own.
        held = {
            slug: m
            for slug, m in stops.items()
            if slug not in ("huizen-2020", "amsterdam-voorjaar-2020")
        }
        programme = {
            f"open-je-ogen-{slug}-programme-{n}@stop"
            for slug, m in held.items()
            for n in range(1, len(m.side_programme) + 1)
        }
        assert set(events) == {f"open-je-ogen-{slug}@stop" for slug in held} | programme
        assert len(programme) == 7
        for slug, model in held.items():
            event = events[f"open-je-ogen-{slug}@stop"]
            # All-day: plain dates, DTEND the day after the last day (exclusive).
            assert event.decoded("DTSTART") == model.start
            assert event.decoded("DTEND") == model.end + timedelta(days=1)
            assert (
                "VALUE=DATE" in event["DTSTART"].to_ical().decode()
                or event["DTSTART"].params.get("VALUE") == "DATE"
            )
            assert event.decoded("DTSTAMP").isoformat() == "2026-11-23T00:00:00+00:00"
            assert model.city in str(event["LOCATION"])
        assert str(events["open-je-ogen-maastricht-2027@stop"]["STATUS"]) == "TENTATIVE"
        assert str(events["open-je-ogen-utrecht-2026@stop"]["STATUS"]) == "CONFIRMED"
        assert events["open-je-ogen-zwolle-2026@stop"].decoded("DTSTART") == date(2026, 9, 7)
    # A stop's own calendar keeps a cancelled stop, marked, so a subscribed copy updates.
    for slug in ("huizen-2020", "amsterdam-voorjaar-2020"):
        (event,) = Calendar.from_ical((out / f"open-je-ogen/locatie/{slug}.ics").read_bytes()).walk(
            "VEVENT"
        )
        assert str(event["STATUS"]) == "CANCELLED"
    raw = (out / "open-je-ogen/agenda.ics").read_bytes()
    assert b"DTSTART;VALUE=DATE:20201016" in raw and b"DTEND;VALUE=DATE:20201114" in raw
    # One file per stop page, linked from that page.
    single = Calendar.from_ical((out / "open-je-ogen/locatie/den-bosch-2020.ics").read_bytes())
    (event,) = single.walk("VEVENT")
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
        date(2020, 10, 18),
        date(2020, 10, 23),
    )
    page = (out / "open-je-ogen/locatie/den-bosch-2020/index.html").read_text()
    assert 'href="../den-bosch-2020.ics" type="text/calendar" download' in page
    assert (
        str(event["URL"]) == "https://mensenhandel.example.org/open-je-ogen/locatie/den-bosch-2020/"
    )


def test_ics_is_the_same_in_every_build_and_follows_today_not_the_clock(content, tmp_path):
    with_exhibition(content, a=stop())
    first = _build(content, tmp_path, name="one") / "open-je-ogen/agenda.ics"
    second = _build(content, tmp_path, name="two") / "open-je-ogen/agenda.ics"
    assert first.read_bytes() == second.read_bytes()
    later = _build(content, tmp_path, "2027-01-02", "three") / "open-je-ogen/agenda.ics"
    assert b"DTSTAMP:20270102T000000Z" in later.read_bytes()


def test_ics_follows_every_change_a_calendar_shows_in_the_same_process(content, tmp_path):
    """Calendars are remembered by what their events show (exhibition/ics.py): a change of the
    hours, the status or the venue's city still reaches the next build's files."""
    with_exhibition(content, a=stop(), b=stop(city="Zwolle"))
    _build(content, tmp_path, name="one")
    with_exhibition(
        content,
        a=stop(extra="opening_hours: di-zo 10-17\nstatus: cancelled\n"),
        b=stop(city="Deventer"),
    )
    out = _build(content, tmp_path, name="two")
    tour = Calendar.from_ical((out / "open-je-ogen/agenda.ics").read_bytes())
    events = {str(e["uid"]): e for e in tour.walk("VEVENT")}
    assert set(events) == {"open-je-ogen-b@stop"}  # a, now cancelled, leaves the tour
    assert "Deventer" in str(events["open-je-ogen-b@stop"]["summary"])
    single = Calendar.from_ical((out / "open-je-ogen/locatie/a.ics").read_bytes())
    (event,) = single.walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert "di-zo 10-17" in str(event["description"])


def _jsonld(html: str) -> dict:
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_stop_pages_carry_exhibition_event_json_ld(tmp_path):
    out = tmp_path / "site"
    assert run_cli("build", "--content", ROOT / "content", "--out", out, "--today", TODAY).code == 0
    base = "https://mensenhandel.example.org/"
    expected_status = {
        "amsterdam-2020": "EventScheduled",
        "huizen-2020": "EventCancelled",
        "amsterdam-voorjaar-2020": "EventPostponed",
        "maastricht-2027": "EventPostponed",
        "zwolle-2026": "EventRescheduled",
    }
    for slug, model in _stops(ROOT / "content").items():
        data = _jsonld((out / f"open-je-ogen/locatie/{slug}/index.html").read_text())
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "ExhibitionEvent"
        assert data["startDate"] == model.start.isoformat()
        assert data["endDate"] == model.end.isoformat()
        assert data["location"]["@type"] == "Place"
        assert data["location"]["name"] == model.venue
        assert data["location"]["address"]["addressLocality"] == model.city
        assert data["eventStatus"] == "https://schema.org/" + expected_status.get(
            slug, "EventScheduled"
        )
        # The organiser is the publisher of extra.site in mkdocs.yml, the one place it lives.
        assert data["organizer"] == {
            "@type": "Organization",
            "name": "Coördinatiecentrum tegen mensenhandel (demo)",
            "url": base,
        }
        assert data["isAccessibleForFree"] is True
        assert data["superEvent"]["@type"] == "ExhibitionEvent"
        assert data["superEvent"]["url"] == base + "open-je-ogen/"
        assert data["url"] == f"{base}open-je-ogen/locatie/{slug}/"
    english = _jsonld((out / "en/open-je-ogen/venue/utrecht-2026/index.html").read_text())
    assert english["location"]["name"] == "Example Library Utrecht"
    assert english["inLanguage"] == "en"


def test_editor_text_cannot_close_the_json_ld_block(content, tmp_path):
    """Field text reaches JSON-LD, titles and meta tags, so '<' and '>' are refused outright."""
    with_exhibition(content, a=stop(city="</script><script>alert(1)</script>"))
    result = run_cli("build", "--content", content.root, "--out", tmp_path / "site")
    assert result.code == 1
    assert "field 'city': expected text" in result.err and "without '<' or '>'" in result.err


def test_stop_page_shows_programme_hours_image_and_notes(content, tmp_path):
    content.write_bytes(
        "images/zaal.png", (ROOT / "tests/golden/content/images/vlak.png").read_bytes()
    )
    with_exhibition(
        content,
        a=stop(
            extra="address: Voorbeeldstraat 1, Utrecht\n"
            "opening_hours: Elke dag 10-17 uur.\n"
            "image: ../../images/zaal.png\n"
            "image_alt: De zaal met foto's.\n"
            "side_programme:\n  - date: 2026-11-26\n"
            "    what: Gastles *vmbo*\n    for_whom: Klas 3\n"
            "    by_whom: De zorgcoördinator\n",
            body="Zie ook de [agenda](../../pages/veiligheid.md).\n",
        ),
    )
    out = _build(content, tmp_path)
    html = (out / "open-je-ogen/locatie/a/index.html").read_text(encoding="utf-8")
    assert "<td>donderdag 26 november 2026</td>" in html
    assert "<td>Gastles *vmbo*</td>" in html  # editor text is text, not Markdown
    assert "Voorbeeldstraat 1, Utrecht" in html and "Elke dag 10-17 uur." in html
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'alt="De zaal met foto&#x27;s."' in picture or 'alt="De zaal met foto\'s."' in picture
    assert re.search(r'srcset="\.\./\.\./\.\./images/zaal-[0-9a-f]+-8\.webp 8w"', picture)
    assert any(p.name.startswith("zaal-") for p in (out / "images").iterdir())
    assert 'href="../../../veiligheid/"' in html


def test_landing_shows_the_photo_with_variants_alt_and_credit(content, tmp_path):
    content.write_bytes(
        "images/muur.png", (ROOT / "tests/golden/content/images/vlak.png").read_bytes()
    )
    with_exhibition(content, english=True, a=stop())
    for name, alt, credit in (
        ("index.md", "Een muur met foto's.", "Fotograaf A"),
        ("index.en.md", "A wall with photos.", "Photographer A"),
    ):
        path = content.root / "exhibition/landing" / name
        photo = "photo: ../../images/muur.png\n" if name == "index.md" else ""
        path.write_text(
            path.read_text().replace(
                "calendar_title:",
                f"{photo}photo_alt: {alt}\nphoto_credit: {credit}\ncalendar_title:",
            ),
            encoding="utf-8",
        )
    out = _build(content, tmp_path)
    for page, alt, caption in (
        ("open-je-ogen", "Een muur met foto's.", "Beeld: Fotograaf A"),
        ("en/open-je-ogen", "A wall with photos.", "Image: Photographer A"),
    ):
        html = (out / page / "index.html").read_text(encoding="utf-8")
        figure = re.search(r'<figure class="exhibition-photo">(.*?)</figure>', html, re.S).group(1)
        # Responsive variants from the image pipeline, WebP first, the text's own alt.
        assert re.search(
            r'<source type="image/webp" srcset="[./]*images/muur-[0-9a-f]+-8\.webp 8w"', figure
        )
        assert f'alt="{alt}"'.replace("'", "&#x27;") in figure or f'alt="{alt}"' in figure
        assert f"<figcaption>{caption}</figcaption>" in figure
        # Above the introduction.
        assert html.index('class="exhibition-photo"') < html.index(
            "bout the exhibition" if "en/" in page else "Over de tentoonstelling"
        )
