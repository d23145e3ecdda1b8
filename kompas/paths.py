"""Where the Kompas pages live, per language (doc paths relative to the language's docs dir)."""

from __future__ import annotations

ROOT = "kompas"

# Folder names per content type and language; item pages are <folder>/<slug>.md.
FOLDERS = {
    "nl": {
        "form": "vormen",
        "instrument": "instrumenten",
        "role": "rollen",
        "theme": "themas",
        "checklist": "zelfscan",
    },
    "en": {
        "form": "forms",
        "instrument": "instruments",
        "role": "roles",
        "theme": "themes",
        "checklist": "self-assessment",
    },
}
LEVEL_FILES = {
    "nl": {"basic": "basis", "advanced": "gevorderd"},
    "en": {"basic": "basic", "advanced": "advanced"},
}


def home(lang: str) -> str:
    """The Kompas home with the entry points What? How? With whom?"""
    return f"{ROOT}/index.md"


def overview(lang: str, kind: str) -> str:
    """The overview of one content type (``form``, ``instrument``, ``role``, ``theme``)."""
    return f"{ROOT}/{FOLDERS[lang][kind]}/index.md"


def item(lang: str, kind: str, slug: str) -> str:
    """The page of one item."""
    return f"{ROOT}/{FOLDERS[lang][kind]}/{slug}.md"


def matrix(lang: str) -> str:
    """The table of instruments × forms."""
    return f"{ROOT}/matrix.md"


def role_matrix(lang: str) -> str:
    """The table of roles × forms."""
    return f"{ROOT}/{'rollen-per-vorm' if lang == 'nl' else 'roles-per-form'}.md"


def checklist(lang: str, level: str) -> str:
    """The self-assessment checklist of one level (basic or advanced)."""
    return f"{ROOT}/{FOLDERS[lang]['checklist']}/{LEVEL_FILES[lang][level]}.md"


def cards(lang: str) -> str:
    """Every instrument card on one page, to print for a meeting."""
    return f"{ROOT}/{'kaarten' if lang == 'nl' else 'cards'}.md"


def factsheet(lang: str) -> str:
    """The factsheet with recommendations."""
    return f"{ROOT}/factsheet.md"
