"""The quotes section: no pages of its own; each quote is shown where an editor places it
with ``[[quote: NAME]]`` (core/embeds.py), as the site's pull quote (longread/pullquote.py)."""

from __future__ import annotations

from core import languages
from core.i18n import _
from core.section import Item, Section, Version
from core.staging import md_text
from longread.checks import check_victim, check_victim_name
from quotes.model import Quote
from quotes.schema import SCHEMA
from quotes.texts import t


class QuoteSection(Section):
    key = "quotes"
    folder = "quotes"
    schema = SCHEMA
    embed_name = "quote"
    label = {"nl": "Citaten", "en": "Quotes"}

    def build_model(self, item: Item, version: Version, site) -> Quote:
        return _quote(item, version.lang)

    def doc_path(self, item: Item, lang: str) -> str | None:
        return None  # shown only where it is placed

    def generate(self, site, lang: str):
        return ()  # no pages: each quote is written into the pages that place it

    def item_title(self, item: Item, lang: str) -> str:
        return str(item.versions[languages.DEFAULT].values["speaker"])

    def check(self, site):
        """Consent, and the victims' rule of the Longread's stories (longread/checks.py)."""
        for _slug, item in sorted(site.items.get(self.key, {}).items()):
            version = item.versions[languages.DEFAULT]
            values, source = version.values, version.source
            if values["consent"] is not True:
                yield (
                    source.rel,
                    source.line_of(("consent",)),
                    (
                        _(
                            "field 'consent': expected true (a quote is published only with the speaker's consent), got false"
                        )
                    ),
                )
            yield from check_victim(values, source, "quote")
            if values["kind"] == "victim":
                yield from check_victim_name(values["speaker"], source, "speaker")

    def embed(self, site, item: Item, lang: str) -> str:
        """The quote as a Markdown blockquote whose last line names the speaker, which the
        pull-quote extension turns into a figure. Every value is data: escaped, never markup."""
        quote = _quote(item, lang)
        text = md_text(quote.text)
        if quote.text_lang != lang:  # untranslated words: screen readers switch language
            text += f'\n> {{: lang="{quote.text_lang}" }}'
        caption = ", ".join(md_text(part) for part in quote.caption)
        if quote.anonymised:
            caption += " " + md_text(t(lang, "invented_name"))
        # In a block of its own: Markdown would merge quotes placed one after the other.
        return f'<div markdown="block">\n\n> {text}\n>\n> — {caption}\n\n</div>\n'


def _quote(item: Item, lang: str) -> Quote:
    """The quote as shown on a page in ``lang`` (the Dutch original where not translated)."""
    version = item.versions.get(lang) or item.versions[languages.DEFAULT]
    values = version.values
    translated_text = version.lang != languages.DEFAULT and "text" in version.source.front.data
    return Quote(
        slug=item.slug,
        lang=version.lang,
        text=values["text"],
        text_lang=version.lang if translated_text else values["language"],
        speaker=values["speaker"],
        kind=values["kind"],
        role=values.get("role"),
        organisation=values.get("organisation"),
        anonymised=values.get("anonymised") is True,
        source=version.source,
    )
