"""Where the news pages and files live: /nieuws/ in Dutch, /en/news/ in English."""

from __future__ import annotations

from core import languages

ROOT = {"nl": "nieuws", "en": "news"}
ARCHIVE = {"nl": "archief", "en": "archive"}
# Item file names that would take the address of the section's own pages.
RESERVED = ("index", *ARCHIVE.values())


def index(lang: str) -> str:
    """The news page: newest first."""
    return f"{ROOT[lang]}/index.md"


def archive(lang: str) -> str:
    """The archive's index of years."""
    return f"{ROOT[lang]}/{ARCHIVE[lang]}/index.md"


def year(lang: str, value: int) -> str:
    """The archive page of one year."""
    return f"{ROOT[lang]}/{ARCHIVE[lang]}/{value}.md"


def item(lang: str, slug: str) -> str:
    """The page of one item."""
    return f"{ROOT[lang]}/{slug}.md"


def feed(lang: str) -> str:
    """The Atom feed, from the site root."""
    return f"{languages.prefix(lang)}{ROOT[lang]}/feed.xml"


def calendar(lang: str) -> str:
    """The calendar file of the events, from the site root."""
    return f"{languages.prefix(lang)}{ROOT[lang]}/{'agenda' if lang == 'nl' else 'events'}.ics"
