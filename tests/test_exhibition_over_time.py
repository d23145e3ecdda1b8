"""The exhibition's status on any day (issue 24): postponed stops without dates never 'past',
rescheduled stops without the 'Uitgesteld' badge, and the .ics files (side programme as events,
no cancelled stops in the tour, English text in the English calendar)."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.conftest import ROOT, run_cli
from tests.exhibition_content import stop, with_exhibition
from tests.test_exhibition_build import _build, groups_of

POSTPONED = stop("2027-03-08", "2027-04-02", "status: postponed\n", city="Maastricht")
RESCHEDULED = stop(
    "2026-05-04",
    "2026-05-29",
    "status: postponed\nnew_first_day: 2026-09-07\nnew_last_day: 2026-10-02\n",
    city="Zwolle",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo-over-time") / "site"
    assert (
        run_cli("build", "--content", ROOT / "content", "--out", out, "--today", "2026-12-03").code
        == 0
    )
    return out


@pytest.mark.parametrize("today", ["2020-06-01", "2026-12-03", "2027-05-15", "2031-01-01"])
def test_a_postponed_stop_without_dates_is_coming_on_any_day(content, tmp_path, today):
    with_exhibition(content, maastricht=POSTPONED)
    html = (_build(content, tmp_path, today) / "open-je-ogen/agenda/index.html").read_text()
    assert groups_of(html) == {"maastricht": "coming"}
    assert "data-awaiting" in html
    assert "Uitgesteld, nieuwe datum volgt</strong> Eerst gepland: 8 mrt" in html


def test_a_postponed_stop_page_says_a_new_date_follows(content, tmp_path):
    with_exhibition(content, maastricht=POSTPONED)
    page = (
        _build(content, tmp_path, "2027-05-15") / "open-je-ogen/locatie/maastricht/index.html"
    ).read_text()
    assert "Uitgesteld, nieuwe datum volgt" in page
    assert "Nieuwe datum volgt (eerst gepland: 8 mrt" in page


def test_a_rescheduled_stop_shows_the_dates_it_is_held_without_the_badge(content, tmp_path):
    with_exhibition(content, zwolle=RESCHEDULED)
    out = _build(content, tmp_path, "2026-12-03")
    html = (out / "open-je-ogen/agenda/index.html").read_text()
    assert groups_of(html) == {"zwolle": "past"}
    card = html.split('class="stop-card', 1)[1].split("</li>", 1)[0]
    assert "Uitgesteld" not in card and "stop-status" not in card
    assert "7 sep" in card and "2 okt 2026" in card
    page = (out / "open-je-ogen/locatie/zwolle/index.html").read_text()
    assert "stop-status" not in page
    assert "Verschoven van 4–29 mei 2026 naar" in page
    (event,) = Calendar.from_ical((out / "open-je-ogen/locatie/zwolle.ics").read_bytes()).walk(
        "VEVENT"
    )
    assert "Uitgesteld" not in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CONFIRMED"


def test_the_tour_calendar_has_the_side_programme_and_no_cancelled_stops(content, tmp_path):
    programme = (
        "side_programme:\n  - date: 2026-11-20\n    what: Gastles over loverboys\n"
        "    for_whom: Leerlingen van het vmbo\n"
    )
    with_exhibition(
        content,
        utrecht=stop(extra=programme),
        huizen=stop(extra="status: cancelled\n", city="Huizen"),
    )
    out = _build(content, tmp_path)
    tour = Calendar.from_ical((out / "open-je-ogen/agenda.ics").read_bytes())
    events = {str(e["UID"]): e for e in tour.walk("VEVENT")}
    assert set(events) == {"open-je-ogen-utrecht@stop", "open-je-ogen-utrecht-programme-1@stop"}
    lesson = events["open-je-ogen-utrecht-programme-1@stop"]
    assert str(lesson["SUMMARY"]) == "Gastles over loverboys (Utrecht)"
    assert lesson.decoded("DTSTART").isoformat() == "2026-11-20"
    assert "Voor wie: Leerlingen van het vmbo" in str(lesson["DESCRIPTION"])
    own = Calendar.from_ical((out / "open-je-ogen/locatie/huizen.ics").read_bytes())
    assert [str(e["STATUS"]) for e in own.walk("VEVENT")] == ["CANCELLED"]


def test_the_english_calendar_holds_no_dutch_text(demo):
    tour = Calendar.from_ical((demo / "en/open-je-ogen/calendar.ics").read_bytes())
    text = "\n".join(f"{e['SUMMARY']}\n{e.get('DESCRIPTION', '')}" for e in tour.walk("VEVENT"))
    for dutch in (
        "uur",
        "Openingstijden",
        "Gastles",
        "Leerlingen",
        "tot en met",
        "Uitgesteld",
        "Voorbeeld",
    ):
        assert dutch not in text, dutch
    assert "Opening hours: Tuesday to Saturday, 12:00 to 17:00." in text
    assert "Guest lesson on loverboys (Groningen)" in text
    dutch = Calendar.from_ical((demo / "open-je-ogen/agenda.ics").read_bytes())
    assert "Gastles over loverboys (Groningen)" in "\n".join(
        str(e["SUMMARY"]) for e in dutch.walk("VEVENT")
    )


def test_an_untranslated_stop_keeps_its_dutch_text_out_of_the_english_calendar(content, tmp_path):
    with_exhibition(
        content,
        english=True,
        utrecht=stop(
            extra="opening_hours: Elke dag van 10 tot 17 uur.\nside_programme:\n"
            "  - date: 2026-11-20\n    what: Gastles\n"
        ),
    )
    out = _build(content, tmp_path)
    tour = Calendar.from_ical((out / "en/open-je-ogen/calendar.ics").read_bytes())
    (event,) = tour.walk("VEVENT")
    assert "uur" not in str(event["DESCRIPTION"]) and "Photo exhibition" in str(event["SUMMARY"])


GALLERY = """gallery:
  - image: ../../images/muur.png
    alt: {alt}
    credit: {credit}
"""


def test_the_landing_shows_its_gallery_in_each_language(content, tmp_path):
    content.write_bytes(
        "images/muur.png", (ROOT / "tests/golden/content/images/vlak.png").read_bytes()
    )
    with_exhibition(content, english=True, a=stop())
    for name, alt, credit in (
        ("index.md", "Twee lijsten op een muur.", "Fotograaf A"),
        ("index.en.md", "Two frames on a wall.", "Photographer A"),
    ):
        path = content.root / "exhibition/landing" / name
        path.write_text(
            path.read_text().replace(
                "calendar_title:", GALLERY.format(alt=alt, credit=credit) + "calendar_title:"
            ),
            encoding="utf-8",
        )
    out = _build(content, tmp_path)
    for page, alt, caption, heading in (
        (
            "open-je-ogen",
            "Twee lijsten op een muur.",
            "Beeld: Fotograaf A",
            "Foto&#x27;s van de tentoonstelling",
        ),
        (
            "en/open-je-ogen",
            "Two frames on a wall.",
            "Image: Photographer A",
            "Photos of the exhibition",
        ),
    ):
        html = (out / page / "index.html").read_text(encoding="utf-8")
        gallery = html.split('<ul class="exhibition-gallery">', 1)[1].split("</ul>", 1)[0]
        assert f'alt="{alt}"' in gallery and f"<figcaption>{caption}</figcaption>" in gallery
        assert "images/muur-" in gallery
        assert f'<h2 id="gallery">{heading}</h2>' in html or heading.replace("&#x27;", "'") in html


def test_a_gallery_photo_without_alt_text_is_refused_with_its_line(content):
    content.write_bytes(
        "images/muur.png", (ROOT / "tests/golden/content/images/vlak.png").read_bytes()
    )
    with_exhibition(content, a=stop())
    path = content.root / "exhibition/landing/index.md"
    path.write_text(
        path.read_text().replace(
            "calendar_title:", "gallery:\n  - image: ../../images/muur.png\ncalendar_title:"
        ),
        encoding="utf-8",
    )
    result = run_cli("check", "--content", content.root)
    assert result.code == 1
    assert result.lines == [
        "exhibition/landing/index.md:5: required field 'gallery[1].alt' is "
        "missing: expected text of at most 200 characters (what the photo "
        "shows, for people who cannot see it)"
    ]
