"""Where the Academy's pages are staged (doc paths relative to a language's docs dir)."""

from academy.texts import t

ROOT = "academy"
INDEX = f"{ROOT}/index.md"


def audience(key: str) -> str:
    """The pre-built page of one chain partner: /academy/politie/."""
    return f"{ROOT}/{key}.md"


def offer(lang: str, slug: str) -> str:
    """One offer's page: /academy/aanbod/SLUG/, /en/academy/offers/SLUG/."""
    return f"{ROOT}/{t(lang, 'offers_folder')}/{slug}.md"
