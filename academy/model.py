"""The typed model of a training offer."""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt
from decimal import Decimal

from core.source import SourceFile


@dataclass(frozen=True)
class Accreditation:
    """Points for professionals' registers, and who grants them."""

    by: str
    points: int


@dataclass(frozen=True)
class Session:
    """One date (or run of days) on which an offer is given, at a place or online."""

    date: dt.date
    end: dt.date | None
    place: str | None  # None: online
    online: bool


@dataclass(frozen=True)
class SitePage:
    """A page of this site an offer points to: a section's landing, or one of its items."""

    section: str
    slug: str | None  # None: the section's landing page


@dataclass(frozen=True)
class Offer:
    """One language version of an offer."""

    slug: str
    lang: str
    title: str
    kind: str
    audiences: tuple[str, ...]
    provider: str
    developed_with: tuple[str, ...]
    price: Decimal | None  # None: free
    accreditation: Accreditation | None
    duration: str | None
    languages: tuple[str, ...]
    format: str
    link: str | None
    page: str | None  # an address on the Dutch site, like '/kompas/' (academy/sitepages.py)
    registration: str | None
    sessions: tuple[Session, ...]
    summary: str
    image: str | None
    image_alt: str | None
    body: str
    source: SourceFile

    @property
    def free(self) -> bool:
        return self.price is None
