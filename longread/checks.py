"""Rules for stories beyond the schema: the safety rules for victims' stories, roles, order.

Each problem is ``(path, line, message)`` with the line of the value that is wrong.
"""

from __future__ import annotations

import re
from typing import Iterator

from core.i18n import _

Problem = tuple[str, int | None, str]
COVER_FILE = "index.md"


def check_stories(site, key: str) -> Iterator[Problem]:
    """Every rule for every story (on the Dutch original: these fields are not translated)."""
    orders: dict[int, str] = {}
    for slug, item in sorted(site.items.get(key, {}).items()):
        values, source = item.versions["nl"].values, item.versions["nl"].source
        rel = source.rel
        if slug == "index":
            yield rel, None, _("the name 'index' is used by the Longread's cover: rename the file")
        kind = values["kind"]
        yield from check_victim(values, source, "story")
        if kind == "victim" and values["role"] is not None:
            yield (
                rel,
                source.line_of(("role",)),
                (
                    _(
                        "field 'role': expected no role because kind is 'victim', got '{role}'",
                        role=values["role"],
                    )
                ),
            )
        if kind == "professional" and values["role"] is None:
            yield (
                rel,
                source.line_of(("kind",)),
                (
                    _(
                        "field 'role': expected a value from the vocabulary 'story-roles' because "
                        "kind is 'professional', got nothing"
                    )
                ),
            )
        for lang, version in sorted(item.versions.items()):
            # A warning the reader cannot read is no warning: a translation gives its own.
            if (
                lang != "nl"
                and values["content_warning"]
                and "content_warning" not in version.source.front.data
            ):
                yield (
                    version.source.rel,
                    version.source.front_line,
                    (
                        _(
                            "field 'content_warning': expected the warning in this file's language, "
                            "because the original has one, got nothing"
                        )
                    ),
                )
        order = values["order"]
        if order in orders:
            yield (
                rel,
                source.line_of(("order",)),
                (
                    _(
                        "field 'order': expected a place no other story has, got {order}, which "
                        "{other} has too",
                        order=order,
                        other=orders[order],
                    )
                ),
            )
        else:
            orders[order] = rel


def check_victim(values: dict, source, what: str) -> Iterator[Problem]:
    """The safety rule for a victim's words, a story or a quote (``what``): with kind
    'victim', ``anonymised`` must be true. One rule for every section that publishes them."""
    if values["kind"] != "victim" or values.get("anonymised") is True:
        return
    given = values.get("anonymised")
    found = _("nothing") if given is None else "false"
    where = ("anonymised",) if given is not None else ("kind",)
    if what == "quote":
        message = _(
            "field 'anonymised': expected true because kind is 'victim' (a victim's "
            "quote is published only once names, places and details that could identify "
            "anyone are changed), got {found}",
            found=found,
        )
    else:
        message = _(
            "field 'anonymised': expected true because kind is 'victim' (a victim's "
            "story is published only once names, places and details that could identify "
            "anyone are changed), got {found}",
            found=found,
        )
    yield source.rel, source.line_of(where), message


# An invented first name: one word of letters (a hyphen or apostrophe inside, like 'Anne-Fleur').
_FIRST_NAME = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


def check_victim_name(name: str, source, field: str) -> Iterator[Problem]:
    """A victim is named only by an invented first name: one word, no surname, no initials."""
    if not _FIRST_NAME.match(name):
        yield (
            source.rel,
            source.line_of((field,)),
            (
                _(
                    "field '{field}': expected only an invented first name (one word, like 'Sara') "
                    "because kind is 'victim', got '{name}'",
                    field=field,
                    name=name,
                )
            ),
        )


def check_cover(site, cover_section, story_section) -> Iterator[Problem]:
    """One cover text, in index.md, whenever there are stories."""
    covers = site.items.get(cover_section.key, {})  # index only: the core refuses other names
    if site.items.get(story_section.key) and "index" not in covers:
        yield (
            f"{cover_section.folder}/{COVER_FILE}",
            None,
            (
                _(
                    "the Longread has stories but no cover text: expected this file with a title, a "
                    "summary and an introduction"
                )
            ),
        )
