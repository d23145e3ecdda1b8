"""What a generated page tells the theme besides its title, description and body: typed fields.

Sections and the generate stage set these on :class:`core.staging.StagedPage` (``fields``);
the renderer's adapter turns them into whatever its templates read (for MkDocs: the page's
front matter, with Material's own keys such as ``hide`` made there, core/adapters/mkdocs/).
They replace the former ``meta: dict[str, Any]``: every former ``meta`` key is one field of
the same name, except ``hide: ["toc"]``, which is :attr:`PageFields.hide_toc`. Converting a
generator is mechanical::

    meta={"jsonld": data, "hide": ["toc"], **facets.PAGE_META}
    fields=PageFields(jsonld=data, hide_toc=True, **facets.PAGE_ASSETS)    # or
    fields=replace(facets.PAGE_FIELDS, jsonld=data)  # (a page with filters hides it already)
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


@dataclass(frozen=True)
class Alternate:
    """One language version of a page, for ``<link rel="alternate" hreflang>`` and the sitemap."""

    lang: str
    href: str  # absolute


@dataclass(frozen=True)
class LanguageSwitch:
    """The header's link to the page in the other language (or to that language's home)."""

    lang: str
    label: str  # the other language's name, in that language
    translated: bool  # False: the link leads to the other home's "not translated" notice
    href: str | None


@dataclass(frozen=True)
class Feed:
    """A file the page offers to other apps (a calendar .ics, an Atom feed), announced in the
    page's head where calendar apps, reader apps and browsers look for it."""

    title: str
    href: str


@dataclass(frozen=True)
class Crumb:
    """One breadcrumb: a page above this one (``href`` relative) or the page itself (None)."""

    title: str
    href: str | None


@dataclass(frozen=True)
class GuideLink:
    """One entry of a guide's own navigation (the Kompas: wat? hoe? met wie?)."""

    label: str
    href: str
    current: bool


@dataclass(frozen=True)
class GuideNav:
    """A guide's navigation, shown instead of a site-wide docs tree on the guide's pages."""

    label: str
    items: tuple[GuideLink, ...]


@dataclass(frozen=True)
class IconLink:
    """A ``<link>`` to one of the site's icons (attributes as written; ``sizes``/``type`` may be '')."""

    rel: str
    href: str
    sizes: str = ""
    type: str = ""


@dataclass(frozen=True)
class PageFields:
    """Everything the theme reads of one page besides its title, description and body.

    Each field was a key of the former ``StagedPage.meta`` of the same name (``hide_toc`` was
    ``hide: ["toc"]``). Empty values are not handed to the renderer at all. Frozen, so one
    value can be shared by many pages: change a page's with ``dataclasses.replace``.
    """

    # Set by sections --------------------------------------------------------------------------
    page_css: tuple[str, ...] = ()  # stylesheets only this page loads (theme-relative paths)
    page_js: tuple[str, ...] = ()  # scripts only this page loads (theme-relative paths)
    jsonld: dict[str, Any] | None = None  # schema.org structured data (a JSON-LD object)
    calendar_feed: Feed | None = None  # an .ics feed announced in the head
    news_feed: Feed | None = None  # an Atom feed announced in the head
    hide_toc: bool = False  # no table of contents beside the text (listings, filters, stories)
    toc_inline: bool = False  # a table of contents at the top of the text (long plain pages)
    story_kind: str | None = None  # a longread story's kind (victim, professional ...)
    guide_nav: GuideNav | None = None  # the Kompas' own navigation
    # Set by the generate stage for every page (core/generate.py) ------------------------------
    alternates: tuple[Alternate, ...] = ()  # every language version, this one included
    og_locale: str | None = None  # the page's locale for sharing (nl_NL)
    og_locale_alternate: tuple[str, ...] = ()  # the other versions' locales
    switch: LanguageSwitch | None = None  # the header's language switch
    og_image: str | None = None  # the share card (absolute URL; only with a site_url)
    og_image_alt: str | None = None  # the share card's text alternative
    icons: tuple[IconLink, ...] = ()  # the site's icons, relative to this page
    breadcrumbs: tuple[Crumb, ...] = field(default=())  # the pages above, then this one

    def as_data(self) -> dict[str, Any]:
        """The fields that are set, under their own names, as data ``json.dumps`` writes
        (nested fields as dicts; tuples stay tuples, which JSON writes as lists)."""
        # By hand, not dataclasses.asdict: that deep-copies every value (the JSON-LD too),
        # which took longer than the rest of staging a page.
        data = {}
        for name in _FIELD_NAMES:
            value = getattr(self, name)
            if value not in (None, (), {}, False):
                data[name] = _plain(value)
        return data


def _plain(value: Any) -> Any:
    """Nested typed fields (Crumb, GuideNav ...) as dicts; anything else as it is."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value] if value and is_dataclass(value[0]) else value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


_FIELD_NAMES = tuple(f.name for f in fields(PageFields))
