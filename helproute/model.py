"""The typed help route the page and the help block are made from."""

from __future__ import annotations

from dataclasses import dataclass

from core.source import SourceFile


@dataclass(frozen=True)
class Route:
    """One situation and where to turn: by phone, on a website, or to the publisher."""

    slug: str
    lang: str
    title: str
    label: str
    order: int
    organisation: str | None
    phone: str | None
    phone_note: str | None
    website: str | None
    publisher_contact: bool
    in_block: bool
    body: str
    source: SourceFile
