"""The exhibition section: stops (one file each) and the landing text that frames them.

One section over two content types: ``stop`` (``content/exhibition/stops/``) and
``exhibition-landing`` (``content/exhibition/landing/index.md``), so editors change the
introduction and page titles without code. The stop section writes every page.
"""

from __future__ import annotations

from dataclasses import replace

from core.i18n import N_
from core.section import HomeTeaser, Item, Landing as Tile, Section, Version
from core.section import ContentType
from exhibition import checks, generate, paths
from exhibition.model import GalleryPhoto, Landing, ProgrammeEntry, Stop
from exhibition.schema import LANDING_SCHEMA, STOP_SCHEMA

NAV_ORDER = 4


class LandingType(ContentType):
    """The exhibition's texts: entry page title and introduction, calendar title and summary."""

    key = "exhibition"
    label = {"nl": "Open je Ogen", "en": "Open je Ogen"}
    folder = "exhibition/landing"
    single_file = "index"  # the one file of this type: index.md (the core refuses others)
    single_file_what = N_("the exhibition's landing text")
    schema = LANDING_SCHEMA

    def build_model(self, item: Item, version: Version, site) -> Landing:
        v = version.values
        return Landing(
            lang=version.lang,
            title=v["title"],
            summary=v["summary"],
            calendar_title=v["calendar_title"],
            calendar_summary=v["calendar_summary"],
            contact=v["contact"],
            body=version.body,
            source=version.source,
            photo=v["photo"],
            photo_alt=v["photo_alt"],
            photo_credit=v["photo_credit"],
            gallery=tuple(
                GalleryPhoto(p["image"], p["alt"], p.get("credit")) for p in v["gallery"]
            ),
        )

    def doc_path(self, item: Item, lang: str) -> str:
        return paths.landing(lang)  # StopSection writes the landing page around this text


class StopSection(Section):
    """Stops of the travelling exhibition: calendar, filters, archive, stop pages, .ics."""

    key = "stop"
    label = {"nl": "Open je Ogen", "en": "Open je Ogen"}
    folder = "exhibition/stops"
    schema = STOP_SCHEMA

    def __init__(self, landing: LandingType):
        self.landing_section = landing

    def content_types(self) -> tuple[ContentType, ...]:
        return (self, self.landing_section)

    def build_model(self, item: Item, version: Version, site) -> Stop:
        v = version.values
        programme = tuple(
            ProgrammeEntry(e["date"], e["what"], e["for_whom"], e["by_whom"])
            for e in v["side_programme"]
        )
        return Stop(
            slug=item.slug,
            lang=version.lang,
            city=v["city"],
            venue=v["venue"],
            address=v["address"],
            region=v["region"],
            first_day=v["first_day"],
            last_day=v["last_day"],
            status=v["status"],
            new_first_day=v["new_first_day"],
            new_last_day=v["new_last_day"],
            moved_to=v["moved_to"],
            opening_hours=v["opening_hours"],
            side_programme=programme,
            image=v["image"],
            image_alt=v["image_alt"],
            body=version.body,
            source=version.source,
        )

    def doc_path(self, item: Item, lang: str) -> str:
        return paths.stop(lang, item.slug)

    def check(self, site):
        """Dates that fit together, postponements that add up, one landing text."""
        yield from checks.check_landing(site, self.landing_section, self)
        for slug, item in sorted(site.items.get(self.key, {}).items()):
            for lang in sorted(item.versions):
                yield from checks.check_stop(slug, item.versions[lang])

    def landing_doc(self, lang: str) -> str:
        return paths.landing(lang)

    def landing(self, site, lang: str) -> Tile | None:
        text = generate.landing_text(site, self.landing_section, lang)
        if text is None:
            return None
        return Tile(text.title, text.summary, paths.landing(lang), NAV_ORDER)

    def home_teaser(self, site, lang: str) -> HomeTeaser | None:
        """What the exhibition shows now and next, regrouped in the browser as the calendar."""
        text = generate.landing_text(site, self.landing_section, lang)
        if text is None:
            return None
        return HomeTeaser(
            generate.home_calendar(site, self.key, text, lang),
            css=("assets/exhibition.css",),
            js=("assets/exhibition.js",),
        )

    def generate(self, site, lang: str):
        text = generate.landing_text(site, self.landing_section, lang)
        if text is None:
            return []
        pages = generate.pages(site, self.key, text, lang, NAV_ORDER)
        for page in pages:
            # Styles on every exhibition page; the re-grouping and filter script only where a
            # calendar is shown. Other sections' pages load neither.
            shows_calendar = page.fields.calendar_feed is not None or "data-calendar" in page.body
            page.fields = replace(
                page.fields,
                page_css=("assets/exhibition.css",),
                page_js=("assets/exhibition.js",) if shows_calendar else (),
            )
        return pages

    def extra_files(self, site):
        return generate.calendar_files(site, self.key, self.landing_section)
