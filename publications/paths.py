"""Where the publication pages are staged (doc paths relative to a language's docs dir)."""

from publications.texts import t


def index(lang: str) -> str:
    """The list: /publicaties/, /en/publications/."""
    return f"{t(lang, 'folder')}/index.md"


def item(lang: str, slug: str) -> str:
    """One document's page: /publicaties/SLUG/, /en/publications/SLUG/."""
    return f"{t(lang, 'folder')}/{slug}.md"
