"""Where the exhibition's pages and calendar files live, per language."""

from __future__ import annotations

import posixpath

from core import languages
from core.urls import site_url_of
from exhibition.texts import PATHS, ROOT  # noqa: F401  (ROOT: used by the sections)


def landing(lang: str) -> str:
    """The entry page: ``open-je-ogen/index.md``."""
    return f"{ROOT}/index.md"


def calendar(lang: str) -> str:
    """The calendar of every stop."""
    return f"{ROOT}/{PATHS[lang]['calendar']}/index.md"


def filtered(lang: str, kind: str, key: str) -> str:
    """The calendar of one city (``kind='city'``) or region (``kind='region'``)."""
    return f"{ROOT}/{PATHS[lang]['calendar']}/{PATHS[lang][kind]}/{key}.md"


def archive(lang: str) -> str:
    """The archive's index of years."""
    return f"{ROOT}/{PATHS[lang]['archive']}/index.md"


def year(lang: str, value: int) -> str:
    """The archive page of one year."""
    return f"{ROOT}/{PATHS[lang]['archive']}/{value}.md"


def stop(lang: str, slug: str) -> str:
    """The page of one stop."""
    return f"{ROOT}/{PATHS[lang]['stop']}/{slug}.md"


def tour_feed(lang: str) -> str:
    """The .ics of the whole tour, from the site root."""
    return f"{languages.prefix(lang)}{ROOT}/{PATHS[lang]['feed']}"


def stop_feed(lang: str, slug: str) -> str:
    """The .ics of one stop, from the site root (beside the stop's page folder)."""
    return f"{languages.prefix(lang)}{ROOT}/{PATHS[lang]['stop']}/{slug}.ics"


def file_href(lang: str, from_doc: str, site_path: str) -> str:
    """A relative link from a page to a file published at ``site_path`` (from the site root)."""
    return posixpath.relpath(site_path, site_url_of(lang, from_doc) or ".")
