"""Who made a publication (the Longread, the Kompas), as its cover shows it.

One field declaration and one way to show it, so every cover names its makers alike. The
value is the editor's plain text: escaped where it reaches HTML, never markup.
"""

from __future__ import annotations

import html

from core.languages import translator
from core.schema import Field, Text

t = translator({"nl": {"credits": "Makers"}, "en": {"credits": "Credits"}})


def credits_field(what: str) -> Field:
    """The ``credits`` field of a cover: who made ``what`` (per language)."""
    return Field(
        "credits",
        Text(max_length=300),
        f"who made {what}, with whom and when, like "
        f"'Gemaakt in 2020 samen met de VNG'; shown on its cover",
        translatable=True,
    )


def credits_html(value: str | None, lang: str, text_lang: str | None = None) -> str:
    """The credits as a paragraph of their own on a page in ``lang`` ('' when there are
    none); ``text_lang``: the language of ``value`` when it is not the page's (an untranslated
    text, marked for screen readers)."""
    if not value:
        return ""
    text = html.escape(" ".join(value.split()))
    if text_lang and text_lang != lang:
        text = f'<span lang="{text_lang}">{text}</span>'
    return f'<p class="credits"><strong>{t(lang, "credits")}:</strong> {text}</p>\n\n'
