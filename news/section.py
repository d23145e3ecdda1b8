"""The news section: news items and events, one file each in ``content/news/``."""

from __future__ import annotations

from core.section import HomeTeaser, Item, Landing, Section, Version
from news import checks, generate, paths
from news.model import NewsItem
from news.schema import SCHEMA
from news.texts import t

NAV_ORDER = 7


class NewsSection(Section):
    key = "news"
    label = {"nl": "Nieuws", "en": "News"}
    folder = "news"
    schema = SCHEMA

    def build_model(self, item: Item, version: Version, site) -> NewsItem:
        v = version.values
        return NewsItem(
            slug=item.slug,
            lang=version.lang,
            title=v["title"],
            date=v["date"],
            kind=v["kind"],
            place=v["place"],
            start=v["start"],
            end=v["end"],
            partners=tuple(v["partners"]),
            forms=tuple(v["forms"]),
            summary=v["summary"],
            body=version.body,
            source=version.source,
        )

    def doc_path(self, item: Item, lang: str) -> str:
        return paths.item(lang, item.slug)

    def check(self, site):
        """Event days exactly for events; reserved file names."""
        for _, item in sorted(site.items.get(self.key, {}).items()):
            yield from checks.check_item(item)

    def landing_doc(self, lang: str) -> str:
        return paths.index(lang)

    def landing(self, site, lang: str) -> Landing | None:
        if not site.models_of(self.key, "nl"):
            return None
        return Landing(t(lang, "title"), t(lang, "summary"), paths.index(lang), NAV_ORDER)

    def home_teaser(self, site, lang: str) -> HomeTeaser | None:
        """The three newest items."""
        if not site.models_of(self.key, "nl"):
            return None
        return HomeTeaser(generate.home_latest(site, self.key, lang), css=tuple(generate.CSS))

    def generate(self, site, lang: str):
        if not site.models_of(self.key, "nl"):
            return []
        return generate.pages(site, self.key, lang, NAV_ORDER)

    def extra_files(self, site):
        if not site.models_of(self.key, "nl"):
            return ()
        return generate.feed_files(site, self.key)
