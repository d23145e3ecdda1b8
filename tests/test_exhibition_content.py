"""Exhibition stops: every bad-content case gives its exact `PATH:LINE: message`, exit 1,
and `build.py new stop` makes a file that check refuses until it is filled in."""

from __future__ import annotations

import pytest

from core.body_checks import PLACEHOLDER
from tests.conftest import ROOT, assert_refused, run_cli
from tests.exhibition_content import stop, with_exhibition

CASES = {
    "last day before first day": (
        {"a": stop("2020-10-16", "2020-10-13")},
        [
            "exhibition/stops/a.md:5: field 'last_day': expected a day on or after first_day "
            "(2020-10-16), got 2020-10-13"
        ],
    ),
    "unknown status": (
        {"a": stop(extra="status: gepland\n")},
        [
            "exhibition/stops/a.md:6: field 'status': expected one of planned, cancelled, "
            "postponed, got text 'gepland' (did you mean 'planned'?)"
        ],
    ),
    "postponed to a stop that does not exist": (
        {"a": stop(extra="status: postponed\nmoved_to: utrecht-2027\n"), "utrecht_2026": stop()},
        [
            "exhibition/stops/a.md:7: field 'moved_to': no stop item named 'utrecht-2027' "
            "(expected a file exhibition/stops/utrecht-2027.md) (did you mean 'utrecht-2026'?)"
        ],
    ),
    "side programme date outside the stop's dates": (
        {
            "a": stop(
                extra="side_programme:\n  - date: 2026-11-10\n    what: Gastles\n"
                "  - date: 2026-12-05\n    what: Avond\n"
            )
        },
        [
            "exhibition/stops/a.md:9: field 'side_programme[2].date': expected a day from "
            "2026-11-09 to 2026-12-04 (the stop's dates), got 2026-12-05"
        ],
    ),
    "impossible date": (
        {"a": stop("2020-02-30", "2020-03-13")},
        [
            "exhibition/stops/a.md:4: field 'first_day': expected a date written YYYY-MM-DD, got "
            "'2020-02-30', which is not a day in the calendar"
        ],
    ),
    "new dates on a stop that is not postponed": (
        {"a": stop(extra="new_first_day: 2027-01-04\nnew_last_day: 2027-01-29\n")},
        [
            "exhibition/stops/a.md:6: field 'new_first_day': only a postponed stop has this "
            "field; expected status: postponed, got status: planned",
            "exhibition/stops/a.md:7: field 'new_last_day': only a postponed stop has this "
            "field; expected status: postponed, got status: planned",
        ],
    ),
    "new first day without new last day": (
        {"a": stop(extra="status: postponed\nnew_first_day: 2027-01-04\n")},
        [
            "exhibition/stops/a.md:7: field 'new_last_day' is missing: a postponed stop with "
            "new_first_day needs new_last_day too"
        ],
    ),
    "new last day before new first day": (
        {
            "a": stop(
                extra="status: postponed\nnew_first_day: 2027-01-04\nnew_last_day: 2027-01-01\n"
            )
        },
        [
            "exhibition/stops/a.md:8: field 'new_last_day': expected a day on or after "
            "new_first_day (2027-01-04), got 2027-01-01"
        ],
    ),
    "new dates and moved_to together": (
        {
            "a": stop(
                extra="status: postponed\nnew_first_day: 2027-01-04\n"
                "new_last_day: 2027-01-29\nmoved_to: b\n"
            ),
            "b": stop(),
        },
        [
            "exhibition/stops/a.md:9: field 'moved_to': expected either new dates or moved_to, "
            "got both; keep one"
        ],
    ),
    "postponed to itself": (
        {"a": stop(extra="status: postponed\nmoved_to: a\n")},
        ["exhibition/stops/a.md:7: field 'moved_to': expected another stop, got this stop itself"],
    ),
    "programme outside the new dates of a rescheduled stop": (
        {
            "a": stop(
                extra="status: postponed\nnew_first_day: 2027-01-04\n"
                "new_last_day: 2027-01-29\nside_programme:\n"
                "  - date: 2026-11-10\n    what: Gastles\n"
            )
        },
        [
            "exhibition/stops/a.md:10: field 'side_programme[1].date': expected a day from "
            "2027-01-04 to 2027-01-29 (the stop's dates), got 2026-11-10"
        ],
    ),
    "image without a description": (
        {"a": stop(extra="image: ../../images/foto.png\n")},
        [
            "exhibition/stops/a.md:6: field 'image_alt' is missing: expected a description of "
            "the image for people who cannot see it"
        ],
    ),
    "image that does not exist": (
        {"a": stop(extra="image: ../../images/weg.png\nimage_alt: Een zaal.\n")},
        [
            "exhibition/stops/a.md:6: field 'image': file '../../images/weg.png' does not exist "
            "(looked for images/weg.png)"
        ],
    ),
    "unknown region": (
        {"a": stop(extra="region: gooi\n")},
        [
            "exhibition/stops/a.md:6: field 'region': expected one of gooi-en-vechtstreek "
            "(content/vocabularies/regions.yml), got text 'gooi'"
        ],
    ),
}


@pytest.mark.parametrize("stops, expected", CASES.values(), ids=CASES.keys())
def test_bad_stop_is_reported_exactly_and_publishes_nothing(content, stops, expected):
    with_exhibition(content, **stops)
    content.write("vocabularies/regions.yml", "gooi-en-vechtstreek: {nl: Gooi, en: Gooi}\n")
    content.write_bytes(
        "images/foto.png", (ROOT / "tests/golden/content/images/vlak.png").read_bytes()
    )
    assert_refused(content.root, expected)


def test_landing_text_is_required_once_there_are_stops(content):
    content.write("exhibition/stops/a.md", stop())
    result = run_cli("check", "--content", content.root)
    assert result.code == 1
    assert result.err.splitlines()[:-1] == [
        "exhibition/landing/index.md: the exhibition's landing text is missing: expected this "
        "file with title, summary, calendar_title, calendar_summary and an introduction"
    ]


def test_landing_photo_needs_a_description(content):
    with_exhibition(content)
    content.write_bytes(
        "images/muur.png", (ROOT / "tests/golden/content/images/vlak.png").read_bytes()
    )
    content.write(
        "exhibition/landing/index.md",
        (content.root / "exhibition/landing/index.md")
        .read_text()
        .replace("calendar_summary:", "photo: ../../images/muur.png\ncalendar_summary:"),
    )
    assert_refused(
        content.root,
        [
            "exhibition/landing/index.md:5: field 'photo_alt' is missing: expected a description "
            "of the photo for people who cannot see it"
        ],
    )


def test_landing_text_has_one_file_name(content):
    with_exhibition(content)
    content.write(
        "exhibition/landing/intro.md", (content.root / "exhibition/landing/index.md").read_text()
    )
    result = run_cli("check", "--content", content.root)
    assert result.err.splitlines()[:-1] == [
        "exhibition/landing/intro.md: expected the exhibition's landing text in "
        "exhibition/landing/index.md, got exhibition/landing/intro.md; rename the file"
    ]


def test_new_stop_is_refused_until_filled_in_and_then_accepted(content):
    with_exhibition(content)
    result = run_cli("new", "stop", "zwolle-2027", "--content", content.root)
    assert result.code == 0, result.err
    path = content.root / "exhibition/stops/zwolle-2027.md"
    assert result.out.strip() == str(path)

    refused = run_cli("check", "--content", content.root)
    assert refused.code == 1
    lines = refused.err.splitlines()[:-1]
    assert [
        line.split(": required field ")[1].split(" ")[0]
        for line in lines
        if ": required field " in line
    ] == ["'city'", "'venue'", "'first_day'", "'last_day'"]
    # The body is checked in the same run, although the front matter failed.
    assert [line for line in lines if ": required field " not in line] == [
        f"exhibition/stops/zwolle-2027.md:{text_line}: expected your own text after the front "
        "matter, got the placeholder sentence of 'build.py new': replace it (or delete it where "
        "the text is optional)"
        for text_line in [path.read_text(encoding="utf-8").splitlines().index(PLACEHOLDER) + 1]
    ]

    text = path.read_text(encoding="utf-8")
    for name, value in (
        ("city", "Zwolle"),
        ("venue", "Voorbeeldtheater"),
        ("first_day", "2027-03-01"),
        ("last_day", "2027-03-26"),
    ):
        text = text.replace(f"{name}:   #", f"{name}: {value}   #", 1)
    path.write_text(text.replace(PLACEHOLDER, "Ingang aan de achterkant."), encoding="utf-8")
    accepted = run_cli("check", "--content", content.root)
    assert accepted.code == 0, accepted.err


def test_translated_stop_needs_the_translated_landing_text(content):
    with_exhibition(content, a=stop())
    content.write("pages/index.en.md", "---\ntitle: Home\nsummary: Home.\n---\n\nHome.\n")
    content.write("exhibition/stops/a.en.md", "---\nvenue: Utrecht Library\n---\n\nNotes.\n")
    result = run_cli("check", "--content", content.root)
    assert result.err.splitlines()[:-1] == [
        "exhibition/landing/index.en.md: the exhibition's en landing text is missing: "
        "exhibition/stops/a.en.md is translated, so the site needs this file too"
    ]
