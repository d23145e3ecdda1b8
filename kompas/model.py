"""The typed models of the Kompas and the queries its pages need (forms ↔ instruments ↔ roles)."""

from __future__ import annotations

from dataclasses import dataclass

from core.source import SourceFile


@dataclass(frozen=True)
class Source:
    """Where to read more about an instrument."""

    title: str
    url: str | None


@dataclass(frozen=True)
class Form:
    """One language version of a form of trafficking (verschijningsvorm)."""

    slug: str
    lang: str
    title: str
    summary: str
    order: int
    signals: tuple[str, ...]
    examples: tuple[str, ...]
    body: str
    source: SourceFile


@dataclass(frozen=True)
class Instrument:
    """One language version of an administrative instrument."""

    slug: str
    lang: str
    title: str
    summary: str
    forms: tuple[str, ...]  # form slugs
    roles: tuple[str, ...]  # role slugs
    partners: tuple[str, ...]  # partner slugs
    legal_basis: str
    level: str  # basic or advanced
    steps: tuple[str, ...]
    pitfalls: tuple[str, ...]
    sources: tuple[Source, ...]
    body: str
    source: SourceFile


@dataclass(frozen=True)
class Role:
    """One language version of a role in the municipal approach."""

    slug: str
    lang: str
    title: str
    summary: str
    order: int
    responsibilities: tuple[str, ...]
    body: str
    source: SourceFile


@dataclass(frozen=True)
class Theme:
    """One language version of a theme, with its checklist points per level."""

    slug: str
    lang: str
    title: str
    summary: str
    order: int
    basic: tuple[str, ...]
    advanced: tuple[str, ...]
    helps: tuple[str, ...]  # instrument slugs
    body: str
    source: SourceFile

    def points(self, level: str) -> tuple[str, ...]:
        """The checklist points at ``level`` (basic or advanced)."""
        return self.basic if level == "basic" else self.advanced


@dataclass(frozen=True)
class Factsheet:
    """One language version of the factsheet."""

    lang: str
    title: str
    summary: str
    starting: tuple[str, ...]
    advanced: tuple[str, ...]
    body: str
    source: SourceFile
    credits: str | None = None  # who made the Kompas, shown on its home page and here


class Kompas:
    """Every Kompas item shown in one language (translated where possible, else Dutch)."""

    def __init__(
        self,
        forms: list[Form],
        instruments: list[Instrument],
        roles: list[Role],
        themes: list[Theme],
        factsheet: Factsheet | None,
    ):
        self.forms = sorted(forms, key=lambda f: (f.order, f.title, f.slug))
        self.instruments = sorted(instruments, key=lambda i: (i.title.lower(), i.slug))
        self.roles = sorted(roles, key=lambda r: (r.order, r.title, r.slug))
        self.themes = sorted(themes, key=lambda t: (t.order, t.title, t.slug))
        self.factsheet = factsheet
        self._forms = {f.slug: f for f in self.forms}
        self._roles = {r.slug: r for r in self.roles}
        self._instruments = {i.slug: i for i in self.instruments}

    def form(self, slug: str) -> Form:
        return self._forms[slug]

    def role(self, slug: str) -> Role:
        return self._roles[slug]

    def instrument(self, slug: str) -> Instrument:
        return self._instruments[slug]

    def applies(self, instrument: Instrument, form: Form) -> bool:
        """Whether the matrix has a mark where ``instrument`` meets ``form``."""
        return form.slug in instrument.forms

    def instruments_for_form(self, slug: str) -> list[Instrument]:
        """The instruments that name the form ``slug``: basic ones first, then by title."""
        return sorted(
            (i for i in self.instruments if slug in i.forms),
            key=lambda i: (i.level != "basic", i.title.lower(), i.slug),
        )

    def instruments_for_role(self, slug: str) -> list[Instrument]:
        """The instruments the role ``slug`` is responsible for."""
        return [i for i in self.instruments if slug in i.roles]

    def instruments_for_role_and_form(self, role: str, form: str) -> list[Instrument]:
        """The instruments against the form ``form`` that the role ``role`` is responsible for."""
        return [i for i in self.instruments_for_form(form) if role in i.roles]

    def roles_for_form(self, slug: str) -> list[Role]:
        """The roles responsible for at least one instrument against the form ``slug``."""
        wanted = {r for i in self.instruments_for_form(slug) for r in i.roles}
        return [r for r in self.roles if r.slug in wanted]

    def forms_for_role(self, slug: str) -> list[Form]:
        """The forms against which the role ``slug`` has an instrument."""
        wanted = {f for i in self.instruments_for_role(slug) for f in i.forms}
        return [f for f in self.forms if f.slug in wanted]

    def partners_for_form(self, slug: str) -> list[str]:
        """The partner slugs to involve against the form ``slug`` (over all its instruments)."""
        return sorted({p for i in self.instruments_for_form(slug) for p in i.partners})
