"""The site's languages. Dutch is the original at the site root; English lives under /en/."""

from __future__ import annotations

from typing import Callable

DEFAULT = "nl"
LANGUAGES = ("nl", "en")
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
NAMES = {"nl": "Nederlands", "en": "English"}


def prefix(lang: str) -> str:
    """URL prefix of a language: '' for the default language, 'en/' for English."""
    return "" if lang == DEFAULT else f"{lang}/"


def other(lang: str) -> str:
    """The other language of this bilingual site."""
    return "en" if lang == "nl" else "nl"


def translator(texts: dict[str, dict[str, str]]) -> Callable[..., str]:
    """A section's ``t(lang, key, **values)``: its fixed text ``key`` in ``lang`` from
    ``texts`` (``{lang: {key: text}}``), with ``{name}`` placeholders filled in."""

    def t(lang: str, key: str, **values: str) -> str:
        text = texts[lang][key]
        return text.format(**values) if values else text

    return t
