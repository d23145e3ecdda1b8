"""The Kompas: one section over five content types. Instruments are the section itself: it
writes every Kompas page (and gives the Kompas its tile on the home page); forms, roles,
themes and the one factsheet are content types whose pages it writes."""

from __future__ import annotations

from core.i18n import _

from core import languages
from core.i18n import N_
from core.section import ContentType, Item, Landing, Section, Version
from kompas import generate, model, paths
from kompas.schema import (
    FACTSHEET_SCHEMA,
    FORM_SCHEMA,
    INSTRUMENT_SCHEMA,
    ROLE_SCHEMA,
    THEME_SCHEMA,
)
from kompas.texts import t

# File names the section's own pages use beside the item pages.
RESERVED = ("index",)
FACTSHEET_FILE = "index"


class _ItemType(ContentType):
    """A Kompas content type whose items each get a page under the type's folder."""

    kind = ""

    def doc_path(self, item: Item, lang: str) -> str:
        return paths.item(lang, self.kind, item.slug)

    def check(self, site):
        """The file name ``index`` is the overview's own page."""
        for slug, item in sorted(site.items.get(self.key, {}).items()):
            if slug in RESERVED:
                yield (
                    item.source.rel,
                    None,
                    _(
                        "the name '{slug}' is used by the {kind} overview itself: rename the file",
                        slug=slug,
                        kind=self.kind,
                    ),
                )


class FormType(_ItemType):
    key = kind = "form"
    label = {"nl": "Kompas", "en": "Kompas"}
    folder = "kompas/form"
    schema = FORM_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> model.Form:
        v = version.values
        return model.Form(
            item.slug,
            version.lang,
            v["title"],
            v["summary"],
            v["order"],
            tuple(v["signals"]),
            tuple(v["examples"]),
            version.body,
            version.source,
        )


class RoleType(_ItemType):
    key = kind = "role"
    label = {"nl": "Kompas", "en": "Kompas"}
    folder = "kompas/role"
    schema = ROLE_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> model.Role:
        v = version.values
        return model.Role(
            item.slug,
            version.lang,
            v["title"],
            v["summary"],
            v["order"],
            tuple(v["responsibilities"]),
            version.body,
            version.source,
        )


class ThemeType(_ItemType):
    key = kind = "theme"
    label = {"nl": "Kompas", "en": "Kompas"}
    folder = "kompas/theme"
    schema = THEME_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> model.Theme:
        v = version.values
        return model.Theme(
            item.slug,
            version.lang,
            v["title"],
            v["summary"],
            v["order"],
            tuple(v["basic"]),
            tuple(v["advanced"]),
            tuple(v["helps"]),
            version.body,
            version.source,
        )


class FactsheetType(ContentType):
    """The one factsheet: ``kompas/factsheet/index.md`` (and ``index.en.md``)."""

    key = "factsheet"
    label = {"nl": "Kompas", "en": "Kompas"}
    folder = "kompas/factsheet"
    single_file = FACTSHEET_FILE  # the one file of this type: index.md (the core refuses others)
    single_file_what = N_("the factsheet")
    schema = FACTSHEET_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> model.Factsheet:
        v = version.values
        return model.Factsheet(
            version.lang,
            v["title"],
            v["summary"],
            tuple(v["starting"]),
            tuple(v["advanced"]),
            version.body,
            version.source,
            credits=v["credits"],
        )

    def doc_path(self, item: Item, lang: str) -> str:
        return paths.factsheet(lang)


class InstrumentSection(_ItemType, Section):
    """Administrative instruments; also writes the home, overviews, matrix and checklists,
    and the pages of the other four content types."""

    key = kind = "instrument"
    label = {"nl": "Kompas", "en": "Kompas"}
    folder = "kompas/instrument"
    schema = INSTRUMENT_SCHEMA

    def __init__(self):
        # In the order the Kompas registered them as five sections (the search filter's
        # entry for the Kompas keeps the first one's key).
        self._types = (FormType(), self, RoleType(), ThemeType(), FactsheetType())

    def content_types(self) -> tuple[ContentType, ...]:
        return self._types

    def build_model(self, item: Item, version: Version, site) -> model.Instrument:
        v = version.values
        sources = tuple(model.Source(s["title"], s["url"]) for s in v["sources"])
        return model.Instrument(
            item.slug,
            version.lang,
            v["title"],
            v["summary"],
            tuple(v["forms"]),
            tuple(v["roles"]),
            tuple(v["partners"]),
            v["legal_basis"],
            v["level"],
            tuple(v["steps"]),
            tuple(v["pitfalls"]),
            sources,
            version.body,
            version.source,
        )

    def landing_doc(self, lang: str) -> str:
        return paths.home(lang)

    def landing(self, site, lang: str) -> Landing | None:
        if not site.models_of(self.key, languages.DEFAULT):
            return None
        return Landing(t(lang, "title"), t(lang, "summary"), paths.home(lang), generate.NAV_ORDER)

    def generate(self, site, lang: str):
        if not site.models_of(self.key, languages.DEFAULT):
            return []
        return generate.pages(site, lang)
