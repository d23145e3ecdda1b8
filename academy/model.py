"""The typed model of a training offer."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.source import SourceFile


@dataclass(frozen=True)
class Accreditation:
    """Points for professionals' registers, and who grants them."""

    by: str
    points: int


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
    summary: str
    image: str | None
    image_alt: str | None
    body: str
    source: SourceFile

    @property
    def free(self) -> bool:
        return self.price is None
