"""An offer's ``page``: a page of this site, written as its address on the Dutch site.

Known before any page is staged: every section's landing and every item's page (what a
section will stage, asked from the section itself), so a wrong address is a ``PATH:LINE``
error at validation, and the English page links to the same page in English where it exists.
"""

from __future__ import annotations

from academy.model import SitePage
from core import languages
from core.urls import site_url_of


def _address(lang: str, doc: str) -> str:
    return "/" + site_url_of(lang, doc)


def known_pages(site) -> dict[str, SitePage]:
    """Every Dutch address a section will publish (landings and items) and what it is."""
    pages: dict[str, SitePage] = {}
    for section in site.sections:
        landing = section.landing_doc(languages.DEFAULT)
        if landing:
            pages[_address(languages.DEFAULT, landing)] = SitePage(section.key, None)
    for kind in site.types:  # items of every content type (the Kompas' forms and roles too)
        for slug, item in sorted(site.items.get(kind.key, {}).items()):
            doc = site.doc_path(item, languages.DEFAULT)
            if doc:
                pages[_address(languages.DEFAULT, doc)] = SitePage(kind.key, slug)
    return pages


def normalise(value: str) -> str:
    """'/kompas' and 'kompas/' mean '/kompas/'."""
    path = value.strip().split("#")[0]
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def doc_of(site, page: SitePage, lang: str) -> tuple[str, str]:
    """The language and doc path of ``page`` in ``lang`` (Dutch when it has no such version)."""
    section = site.section_of(page.section)
    if page.slug is None:
        doc = section.landing_doc(lang)
        if doc and section.landing(site, lang):
            return lang, doc
        return languages.DEFAULT, section.landing_doc(languages.DEFAULT)
    item = site.item(page.section, page.slug)
    doc = site.doc_path(item, lang)
    if doc:
        return lang, doc
    return languages.DEFAULT, site.doc_path(item, languages.DEFAULT)
