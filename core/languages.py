"""The site's languages. Dutch is the original at the site root; English lives under /en/."""

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
