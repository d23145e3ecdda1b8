"""Items placed on any page by reference: a line ``[[quote: SLUG]]`` in an editor's body.

An editor types the line on its own (up to three spaces before it, nothing after it); the
build replaces it with the Markdown the item's section writes for it (``Section.embed``: a
quote becomes the site's pull quote). The word before the colon is the section's
``embed_name``; any section can offer it. Lines in code (fences, indented code, backticks)
stay as they are, so the handbook can show the syntax.

Why a line syntax and not a Markdown extension: the renderer knows nothing of the content,
and the compile step (core/staging.py) already owns every body before MkDocs sees it. The
embedded text is the section's own Markdown, built from field values escaped as data
(core/staging.py ``md_text``), so placing an item can never add markup the editor could not
write.
"""

from __future__ import annotations

from core.i18n import _

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from core.markdown_scan import blank_code

if TYPE_CHECKING:  # pragma: no cover
    from core.section import Section
    from core.site import Site

# '[[quote: slug]]' on a line of its own; the slug is checked against the items, so any
# text is captured here and a bad one gets a message rather than staying on the page.
_EMBED = re.compile(
    r"^ {0,3}\[\[[ \t]*([A-Za-z][\w-]*)[ \t]*:[ \t]*([^\]\n]*?)[ \t]*\]\][ \t]*$", re.M
)


@dataclass(frozen=True)
class Embed:
    """One placement: what is named, and where the line stands in the body (0-based line)."""

    name: str  # the section's embed_name, as typed
    slug: str
    line: int
    start: int
    end: int


def find_embeds(body: str) -> list[Embed]:
    """Every ``[[name: slug]]`` line of ``body`` outside code, in order."""
    if "[[" not in body:
        return []
    scanned = blank_code(body)  # same positions, code blanked
    return [
        Embed(m.group(1), m.group(2), body.count("\n", 0, m.start()), m.start(), m.end())
        for m in _EMBED.finditer(scanned)
    ]


def embeddable(sections: list["Section"]) -> dict[str, "Section"]:
    """The sections that can be placed on a page, by the name editors type."""
    return {s.embed_name: s for s in sections if s.embed_name}


def check_embeds(
    site: "Site", rel: str, body: str, body_line: int
) -> Iterator[tuple[str, int, str]]:
    """``(path, line, message)`` for each placement that names no type or no item."""
    known = embeddable(site.sections)
    for embed in find_embeds(body):
        line = body_line + embed.line
        section = known.get(embed.name)
        if section is None:
            names = ", ".join(f"'[[{n}: ...]]'" for n in sorted(known)) or "none"
            yield (
                rel,
                line,
                (
                    _(
                        "'[[{name}: {slug}]]': expected one of {names}, got '{name}', which cannot be placed on a page",
                        name=embed.name,
                        slug=embed.slug,
                        names=names,
                    )
                ),
            )
            continue
        hint = site.unknown_item_hint(section.key, embed.slug)
        if hint is not None:
            yield (
                rel,
                line,
                (
                    _(
                        "'[[{name}: {slug}]]': no {name} named '{slug}' (expected a file {folder}/{value}.md){hint}",
                        name=embed.name,
                        slug=embed.slug,
                        folder=section.folder,
                        value=embed.slug or "NAME",
                        hint=hint,
                    )
                ),
            )


def placed(site: "Site", body: str, lang: str) -> tuple[str, ...]:
    """The Markdown each placement in ``body`` becomes in ``lang``: what a page's staged
    text depends on besides its own data (the preview's stage cache keys on it)."""
    embeds = find_embeds(body)
    if not embeds:
        return ()
    return tuple(_markdown(site, embed, lang) for embed in embeds)


def _markdown(site: "Site", embed: Embed, lang: str) -> str:
    section = embeddable(site.sections)[embed.name]
    item = site.item(section.key, embed.slug)
    assert item is not None, "placements are validated before pages are staged"
    return section.embed(site, item, lang).strip()


def expand(site: "Site", body: str, lang: str) -> str:
    """``body`` with every placement replaced by its section's Markdown in ``lang``.

    Only called on validated sites, where every placement names an item.
    """
    embeds = find_embeds(body)
    if not embeds:
        return body
    for embed in reversed(embeds):
        markdown = _markdown(site, embed, lang)
        # Blank lines around it: the block stands on its own whatever the editor wrote next.
        body = body[: embed.start] + f"\n{markdown}\n" + body[embed.end :]
    return body
