"""Rules for stops beyond the schema: dates that fit together and postponements that add up.

Each problem is ``(path, line, message)`` with the line of the value that is wrong.
"""

from __future__ import annotations

from typing import Iterator

from core.i18n import _

Problem = tuple[str, int | None, str]
LANDING_FILE = "index.md"


def check_stop(slug: str, version) -> Iterator[Problem]:
    """Every rule for one language version of a stop."""
    values, source = version.values, version.source
    rel = source.rel

    def line(*location) -> int:
        return source.line_of(location)

    first, last = values["first_day"], values["last_day"]
    if version.lang == "nl" and last < first:
        yield (
            rel,
            line("last_day"),
            _(
                "field 'last_day': expected a day on or after first_day ({first}), got {last}",
                first=first.isoformat(),
                last=last.isoformat(),
            ),
        )
    yield from _check_postponement(slug, values, rel, line) if version.lang == "nl" else ()
    start, end = first, last
    if values["status"] == "postponed" and values["new_first_day"] and values["new_last_day"]:
        start, end = values["new_first_day"], values["new_last_day"]
    # A translation repeats the programme only when it translates it; otherwise it is the
    # original's list, already checked there.
    programme = (
        values["side_programme"]
        if (version.lang == "nl" or "side_programme" in source.front.data)
        else []
    )
    for index, entry in enumerate(programme):
        if not start <= entry["date"] <= end:
            yield (
                rel,
                line("side_programme", index, "date"),
                (
                    _(
                        "field 'side_programme[{number}].date': expected a day from {start} to {end} "
                        "(the stop's dates), got {found}",
                        number=index + 1,
                        start=start.isoformat(),
                        end=end.isoformat(),
                        found=entry["date"].isoformat(),
                    )
                ),
            )
    if version.lang == "nl" and values["image"] and not values["image_alt"]:
        yield (
            rel,
            line("image"),
            _(
                "field 'image_alt' is missing: expected a description of "
                "the image for people who cannot see it"
            ),
        )


def _check_postponement(slug: str, values: dict, rel: str, line) -> Iterator[Problem]:
    status = values["status"]
    new_first, new_last, moved_to = (
        values["new_first_day"],
        values["new_last_day"],
        values["moved_to"],
    )
    if status != "postponed":
        for name in ("new_first_day", "new_last_day", "moved_to"):
            if values[name] is not None:
                yield (
                    rel,
                    line(name),
                    _(
                        "field '{field}': only a postponed stop has this "
                        "field; expected status: postponed, got status: "
                        "{status}",
                        field=name,
                        status=status,
                    ),
                )
        return
    if (new_first is None) != (new_last is None):
        given, missing = (
            ("new_first_day", "new_last_day") if new_first else ("new_last_day", "new_first_day")
        )
        yield (
            rel,
            line(given),
            _(
                "field '{missing}' is missing: a postponed stop with {given} needs {missing} too",
                missing=missing,
                given=given,
            ),
        )
    if new_first and new_last and new_last < new_first:
        yield (
            rel,
            line("new_last_day"),
            _(
                "field 'new_last_day': expected a day on or after "
                "new_first_day ({first}), got {last}",
                first=new_first.isoformat(),
                last=new_last.isoformat(),
            ),
        )
    if moved_to and (new_first or new_last):
        yield (
            rel,
            line("moved_to"),
            _("field 'moved_to': expected either new dates or moved_to, got both; keep one"),
        )
    if moved_to == slug:
        yield (
            rel,
            line("moved_to"),
            _("field 'moved_to': expected another stop, got this stop itself"),
        )


def check_landing(site, landing_section, stop_section) -> Iterator[Problem]:
    """The landing text is one file, ``index.md``, and must exist once there are stops."""
    items = site.items.get(landing_section.key, {})  # index only: the core refuses other names
    folder = landing_section.folder
    if site.items.get(stop_section.key) and "index" not in items:
        yield (
            f"{folder}/{LANDING_FILE}",
            None,
            (
                _(
                    "the exhibition's landing text is missing: expected this file with title, "
                    "summary, calendar_title, calendar_summary and an introduction"
                )
            ),
        )
        return
    landing = items.get("index")
    for slug, item in sorted(site.items.get(stop_section.key, {}).items()):
        for lang in sorted(item.versions):
            if landing is not None and lang not in landing.versions:
                name = LANDING_FILE.replace(".md", f".{lang}.md")
                yield (
                    f"{folder}/{name}",
                    None,
                    (
                        _(
                            "the exhibition's {lang} landing text is missing: {translated} is "
                            "translated, so the site needs this file too",
                            lang=lang,
                            translated=item.versions[lang].source.rel,
                        )
                    ),
                )
                return
    if landing is not None and "nl" in landing.versions:
        original = landing.versions["nl"]
        if original.values["photo"] and not original.values["photo_alt"]:
            yield (
                original.source.rel,
                original.source.line_of(("photo",)),
                (
                    _(
                        "field 'photo_alt' is missing: expected a description of the photo for "
                        "people who cannot see it"
                    )
                ),
            )
