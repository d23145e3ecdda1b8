"""The publications section: the list with filters and a page per document."""

from __future__ import annotations

from core.i18n import _

from core.section import Item, Landing, Section, Version
from publications import generate, paths
from publications.model import Publication
from publications.schema import SCHEMA
from publications.texts import t

NAV_ORDER = 8  # after the news (7): one place each in the menu, not a tie


class PublicationSection(Section):
    key = "publications"
    label = {"nl": "Publicaties", "en": "Publications"}
    folder = "publications"
    schema = SCHEMA

    def build_model(self, item: Item, version: Version, site) -> Publication:
        v = version.values
        return Publication(
            slug=item.slug,
            lang=version.lang,
            title=v["title"],
            date=v["date"],
            kind=v["kind"],
            kamerstuk=v.get("kamerstuk"),
            link=v.get("link"),
            related_partners=tuple(v["related_partners"]),
            summary=v["summary"],
            body=version.body,
            source=version.source,
        )

    def doc_path(self, item: Item, lang: str) -> str:
        return paths.item(lang, item.slug)

    def check(self, site):
        """The file name ``index`` is the list's own page."""
        for slug, item in sorted(site.items.get(self.key, {}).items()):
            if slug == "index":
                yield (
                    item.source.rel,
                    None,
                    _(
                        "the name 'index' is used by the list of publications itself: rename the file"
                    ),
                )

    def landing_doc(self, lang: str) -> str:
        return paths.index(lang)

    def landing(self, site, lang: str) -> Landing | None:
        if not site.models_of(self.key, "nl"):
            return None
        return Landing(t(lang, "title"), t(lang, "summary"), paths.index(lang), NAV_ORDER)

    def generate(self, site, lang: str):
        if not site.models_of(self.key, "nl"):
            return []
        return generate.pages(site, self, lang, NAV_ORDER)
