"""The fixed texts of a placed quote, in both languages."""

from core.languages import translator

TEXTS = {
    "nl": {"invented_name": "(gefingeerde naam)"},
    "en": {"invented_name": "(name changed)"},
}

t = translator(TEXTS)
