"""The Kompas as one language shows it: its items and links that work from any staged page.

Every Kompas page exists in both languages: overviews, matrices, cards and checklists show each
item in the page's language where it is translated and in Dutch (marked) where it is not; a link
to an item without an English page goes to the Dutch page, marked as Dutch.
"""

from __future__ import annotations

import html

from core import languages
from core.staging import md_text
from core.urls import lang_link, site_url_of
from kompas import paths
from kompas.model import Kompas
from kompas.texts import t

KINDS = ("form", "instrument", "role", "theme")


class View:
    """The Kompas items in ``lang`` (Dutch where untranslated) with links between its pages."""

    def __init__(self, site, lang: str):
        self.site, self.lang = site, lang

        def models(key: str) -> list:
            own = {m.slug: m for m in site.models_of(key, lang)}
            return [own.get(m.slug, m) for m in site.models_of(key, languages.DEFAULT)]

        sheets = site.models_of("factsheet", lang) or site.models_of("factsheet", "nl")
        self.kompas = Kompas(
            models("form"),
            models("instrument"),
            models("role"),
            models("theme"),
            sheets[0] if sheets else None,
        )

    # --- which pages exist in this language ---------------------------------------------

    def has_factsheet(self) -> bool:
        sheet = self.kompas.factsheet
        return sheet is not None and sheet.lang == self.lang

    # --- links --------------------------------------------------------------------------

    def to(
        self,
        from_doc: str,
        text: str,
        doc_of,
        exists: bool,
        text_lang: str | None = None,
        anchor: str = "",
    ) -> str:
        """A Markdown link to the page ``doc_of(lang)``; to the Dutch one (marked) if not here."""
        text_lang = text_lang or self.lang
        fragment = f"#{anchor}" if anchor else ""
        target_lang = self.lang if exists else languages.DEFAULT
        return lang_link(
            self.lang,
            from_doc,
            md_text(text),
            target_lang,
            doc_of(target_lang),
            t(self.lang, "in_dutch"),
            text_lang=text_lang,
            fragment=fragment,
        )

    def own(self, model, text: str) -> str:
        """``text`` of ``model``, marked as Dutch when the page is English and it is not."""
        if model.lang == self.lang:
            return md_text(text)  # a field value in Markdown: data, never markup
        # Inline HTML inside a paragraph: Markdown still reads what is between the tags.
        return f'<span lang="{model.lang}">{md_text(text)}</span>'

    def item_link(self, from_doc: str, kind: str, model) -> str:
        """A link to an item's page, named by its title."""
        return self.to(
            from_doc,
            model.title,
            lambda l: paths.item(l, kind, model.slug),
            model.lang == self.lang,
            model.lang,
        )

    def overview_link(self, from_doc: str, kind: str, text: str | None = None) -> str:
        return self.to(
            from_doc, text or t(self.lang, f"{kind}_title"), lambda l: paths.overview(l, kind), True
        )

    def page_link(self, from_doc: str, text: str, doc_of, anchor: str = "") -> str:
        """A link to a Kompas page that exists in every language (matrix, checklists, cards)."""
        return self.to(from_doc, text, doc_of, True, anchor=anchor)

    def factsheet_link(self, from_doc: str) -> str:
        sheet = self.kompas.factsheet
        assert sheet is not None, "a link to the factsheet is made only when there is one"
        return self.to(from_doc, sheet.title, paths.factsheet, self.has_factsheet())

    def partner_link(self, from_doc: str, slug: str) -> str:
        """A link to a partner's page (the partner index publishes it)."""
        item = self.site.item("partner", slug)
        title = self.site.content_type("partner").item_title(item, self.lang)
        lang = self.lang if self.lang in item.versions else languages.DEFAULT
        doc = self.site.doc_path(item, lang)
        return self.to(from_doc, title, lambda l: doc, lang == self.lang, lang)

    def absolute_url(self, doc: str) -> str:
        """The page's published address, printed on cards ('' while the site has no URL)."""
        return self.site.site_url + site_url_of(self.lang, doc) if self.site.site_url else ""

    def level(self, level: str) -> str:
        return t(self.lang, f"level_{level}")


def esc(text: str) -> str:
    """Text for inside generated HTML."""
    return html.escape(text, quote=True)
