"""The Kompas sections: five content types in one package; the instrument section writes
every page (and gives the Kompas its tile on the home page)."""

from __future__ import annotations

from core import languages
from core.section import Item, Landing, Section, Version
from kompas import generate, model, paths
from kompas.schema import (FACTSHEET_SCHEMA, FORM_SCHEMA, INSTRUMENT_SCHEMA, ROLE_SCHEMA,
                           THEME_SCHEMA)
from kompas.texts import t

# File names the section's own pages use beside the item pages.
RESERVED = ("index",)
FACTSHEET_FILE = "index"


class _ItemSection(Section):
    """A Kompas content type whose items each get a page under the type's folder."""

    kind = ""

    def doc_path(self, item: Item, lang: str) -> str:
        return paths.item(lang, self.kind, item.slug)

    def check(self, site):
        """The file name ``index`` is the overview's own page."""
        for slug, item in sorted(site.items.get(self.key, {}).items()):
            if slug in RESERVED:
                yield (item.source.rel, None, f"the name '{slug}' is used by the {self.kind} "
                                              f"overview itself: rename the file")

    def generate(self, site, lang: str):
        return ()  # the instrument section writes every Kompas page


class FormSection(_ItemSection):
    key = kind = "form"
    label = {'nl': 'Kompas', 'en': 'Kompas'}
    folder = "kompas/form"
    schema = FORM_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> model.Form:
        v = version.values
        return model.Form(item.slug, version.lang, v["title"], v["summary"], v["order"],
                          tuple(v["signals"]), tuple(v["examples"]), version.body,
                          version.source)


class RoleSection(_ItemSection):
    key = kind = "role"
    label = {'nl': 'Kompas', 'en': 'Kompas'}
    folder = "kompas/role"
    schema = ROLE_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> model.Role:
        v = version.values
        return model.Role(item.slug, version.lang, v["title"], v["summary"], v["order"],
                          tuple(v["responsibilities"]), version.body, version.source)


class ThemeSection(_ItemSection):
    key = kind = "theme"
    label = {'nl': 'Kompas', 'en': 'Kompas'}
    folder = "kompas/theme"
    schema = THEME_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> model.Theme:
        v = version.values
        return model.Theme(item.slug, version.lang, v["title"], v["summary"], v["order"],
                           tuple(v["basic"]), tuple(v["advanced"]), tuple(v["helps"]),
                           version.body, version.source)


class FactsheetSection(Section):
    """The one factsheet: ``kompas/factsheet/index.md`` (and ``index.en.md``)."""

    key = "factsheet"
    label = {'nl': 'Kompas', 'en': 'Kompas'}
    folder = "kompas/factsheet"
    single_file = "index"  # the one file of this type: index.md
    schema = FACTSHEET_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> model.Factsheet:
        v = version.values
        return model.Factsheet(version.lang, v["title"], v["summary"], tuple(v["starting"]),
                               tuple(v["advanced"]), version.body, version.source)

    def doc_path(self, item: Item, lang: str) -> str:
        # Any other name gets an address of its own, so the clearer message from check wins.
        return (paths.factsheet(lang) if item.slug == FACTSHEET_FILE
                else f"{paths.ROOT}/factsheet-{item.slug}.md")

    def check(self, site):
        """The factsheet is one file named index.md."""
        for slug, item in sorted(site.items.get(self.key, {}).items()):
            if slug != FACTSHEET_FILE:
                yield (item.source.rel, None, f"expected the factsheet in {self.folder}/"
                                              f"{FACTSHEET_FILE}.md, got {item.source.rel}; "
                                              f"rename the file")

    def generate(self, site, lang: str):
        return ()


class InstrumentSection(_ItemSection):
    """Administrative instruments; also writes the home, overviews, matrix and checklists."""

    key = kind = "instrument"
    label = {'nl': 'Kompas', 'en': 'Kompas'}
    folder = "kompas/instrument"
    schema = INSTRUMENT_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> model.Instrument:
        v = version.values
        sources = tuple(model.Source(s["title"], s["url"]) for s in v["sources"])
        return model.Instrument(
            item.slug, version.lang, v["title"], v["summary"], tuple(v["forms"]),
            tuple(v["roles"]), tuple(v["partners"]), v["legal_basis"], v["level"],
            tuple(v["steps"]), tuple(v["pitfalls"]), sources, version.body, version.source)

    def landing_doc(self, lang: str) -> str:
        return paths.home(lang)

    def landing(self, site, lang: str) -> Landing | None:
        if not site.models_of(self.key, languages.DEFAULT):
            return None
        return Landing(t(lang, "title"), t(lang, "summary"), paths.home(lang),
                       generate.NAV_ORDER)

    def generate(self, site, lang: str):
        if not site.models_of(self.key, languages.DEFAULT):
            return []
        return generate.pages(site, lang)
