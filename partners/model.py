"""The typed model of a partner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.source import SourceFile


@dataclass(frozen=True)
class Relation:
    """``relation`` read as 'this partner RELATION partner' (e.g. feeds, member-of)."""

    partner: str
    relation: str


@dataclass(frozen=True)
class Partner:
    """One language version of a partner."""

    slug: str
    lang: str
    name: str
    abbreviation: str | None
    former_names: tuple[str, ...]
    kind: str
    sector: str
    scope: str
    roles: tuple[str, ...]
    status: str
    disbanded: date | None
    website: str | None
    same_as: tuple[str, ...]
    relations: tuple[Relation, ...]
    summary: str
    body: str
    source: SourceFile

    @property
    def label(self) -> str:
        """The name with the abbreviation, as lists show it: 'Openbaar Ministerie (OM)'."""
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name
