"""The Longread section: stories (one file each) and the cover text that introduces them.

One section over two content types: ``story`` (``content/longread/stories/``) and
``longread-cover`` (``content/longread/cover/index.md``), so editors change the Longread's
title and introduction without code. The story section writes every page.
"""

from __future__ import annotations

from core.i18n import N_
from core.section import ContentType, HomeTeaser, Item, Landing, Section, Version
from longread import checks, generate
from longread.model import Cover, Story
from longread.readtime import minutes
from longread.schema import COVER_SCHEMA, STORY_SCHEMA

NAV_ORDER = 2
COVER_DOC = "longread/index.md"


class CoverType(ContentType):
    """The Longread's title, summary and introduction."""

    key = "longread-cover"
    label = {"nl": "Longread", "en": "Longread"}
    folder = "longread/cover"
    single_file = "index"  # the one file of this type: index.md (the core refuses others)
    single_file_what = N_("the Longread's cover text")
    schema = COVER_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> Cover:
        v = version.values
        return Cover(
            lang=version.lang,
            title=v["title"],
            summary=v["summary"],
            body=version.body,
            source=version.source,
            credits=v["credits"],
        )

    def doc_path(self, item: Item, lang: str) -> str:
        return COVER_DOC  # StorySection writes the cover page around this text


class StorySection(Section):
    """Experience stories: the cover listing them and one reading page per story."""

    key = "story"
    label = {"nl": "Longread", "en": "Longread"}
    folder = "longread/stories"
    schema = STORY_SCHEMA

    def __init__(self, cover: CoverType):
        self.cover_section = cover

    def content_types(self) -> tuple[ContentType, ...]:
        return (self, self.cover_section)

    def build_model(self, item: Item, version: Version, site) -> Story:
        v = version.values
        return Story(
            slug=item.slug,
            lang=version.lang,
            title=v["title"],
            lead=v["lead"],
            kind=v["kind"],
            role=v["role"],
            anonymised=bool(v["anonymised"]),
            order=v["order"],
            date=v["date"],
            hero=v["hero"],
            hero_alt=v["hero_alt"],
            hero_credit=v["hero_credit"],
            content_warning=v["content_warning"],
            related_partners=tuple(v["related_partners"]),
            related_instruments=tuple(v["related_instruments"]),
            related_forms=tuple(v["related_forms"]),
            minutes=minutes(version.body),
            body=version.body,
            source=version.source,
        )

    def doc_path(self, item: Item, lang: str) -> str:
        return f"longread/{item.slug}.md"

    def check(self, site):
        """Victims' stories anonymised, professionals with a role, one cover, distinct order."""
        yield from checks.check_cover(site, self.cover_section, self)
        yield from checks.check_stories(site, self.key)

    def landing_doc(self, lang: str) -> str:
        return COVER_DOC

    def home_teaser(self, site, lang: str) -> HomeTeaser | None:
        """The newest stories, for the start page."""
        if self.landing(site, lang) is None:
            return None
        return HomeTeaser(
            generate.latest_stories(site, self.key, lang), css=("assets/longread.css",)
        )

    def landing(self, site, lang: str) -> Landing | None:
        cover = generate.cover_text(site, self.cover_section, lang)
        if cover is None or not site.models_of(self.key, "nl"):
            return None
        return Landing(cover.title, cover.summary, COVER_DOC, NAV_ORDER)

    def generate(self, site, lang: str):
        cover = generate.cover_text(site, self.cover_section, lang)
        if cover is None or not site.models_of(self.key, "nl"):
            return []
        return generate.pages(site, self, cover, lang)
