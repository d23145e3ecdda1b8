"""The publication pages as Markdown: the list filterable by year and kind, a page each.

The list is grouped by year, newest first, with a jump line to each year: without JavaScript
every document shows and the years are one link away; with it, the shared filter component
(core/facets.py) narrows the list by year and kind. English pages list every document: where
one has no English version, its Dutch page is linked (marked as Dutch).
"""

from __future__ import annotations

import html

from core import facets, languages
from core.backlinks import item_link
from core.dates import day
from core.staging import StagedPage, md_text, md_url
from core.urls import doc_link, lang_link
from publications import paths
from publications.model import Publication
from publications.texts import filter_texts, t


class View:
    """The publications as one language shows them, newest first, with labels and links."""

    def __init__(self, site, section, lang: str):
        self.site, self.section, self.lang = site, section, lang
        own = {p.slug: p for p in site.models_of(section.key, lang)}
        self.items: list[Publication] = sorted(
            (own.get(p.slug, p) for p in site.models_of(section.key, languages.DEFAULT)),
            key=lambda p: (-p.date.toordinal(), p.slug),
        )

    def kind_label(self, kind: str) -> str:
        return self.site.vocabularies["publication-kinds"].label(kind, self.lang)

    def kind_value(self, kind: str) -> str:
        """A kind's web name in this language: its filter value."""
        return self.site.vocabularies["publication-kinds"].slug(kind, self.lang)

    def kinds(self) -> list[str]:
        """The kinds in use, in the vocabulary's order."""
        used = {p.kind for p in self.items}
        return [k for k in self.site.vocabularies["publication-kinds"].terms if k in used]

    def years(self) -> list[int]:
        """The years with documents, newest first."""
        return sorted({p.date.year for p in self.items}, reverse=True)

    def link(self, from_doc: str, publication: Publication) -> str:
        """A link to a document's page; to the Dutch one (marked) when not translated."""
        return lang_link(
            self.lang,
            from_doc,
            md_text(publication.title),
            publication.lang,
            paths.item(publication.lang, publication.slug),
            t(self.lang, "dutch_only"),
            text_lang=publication.lang,
        )

    def facts_line(self, publication: Publication) -> str:
        parts = [day(publication.date, self.lang), self.kind_label(publication.kind)]
        if publication.kamerstuk:
            parts.append(t(self.lang, "kamerstuk", number=md_text(publication.kamerstuk)))
        return " · ".join(parts)


def pages(site, section, lang: str, nav_order: int) -> list[StagedPage]:
    """Every page of the section in ``lang``."""
    view = View(site, section, lang)
    return [_list_page(view, nav_order)] + [
        _item_page(view, p) for p in view.items if p.lang == lang
    ]


def entry(view: View, publication: Publication, from_doc: str) -> facets.Entry:
    """One document as a filterable list entry."""
    summary = md_text(publication.summary)
    if publication.lang != view.lang:  # an untranslated document on an English page
        summary = f'<p lang="{publication.lang}">{html.escape(publication.summary)}</p>'
    markdown = (
        f"### {view.link(from_doc, publication)}\n\n{view.facts_line(publication)}\n\n{summary}"
    )
    text = " ".join(
        [
            publication.title,
            publication.summary,
            publication.kamerstuk or "",
            view.kind_label(publication.kind),
        ]
    )
    values: dict[str, tuple[str, ...]] = {
        "year": (str(publication.date.year),),
        "kind": (view.kind_value(publication.kind),),
    }
    return facets.Entry(
        id=publication.slug, values=values, text=text, markdown=markdown, css_class="listing-entry"
    )


def filters(view: View) -> list[facets.Facet]:
    """Year (newest first) and kind; only values some document has."""
    lang = view.lang
    return [
        facets.Facet(
            "year",
            t(lang, "facet_year"),
            tuple(facets.Option(str(y), str(y)) for y in view.years()),
        ),
        facets.Facet(
            "kind",
            t(lang, "facet_kind"),
            tuple(facets.Option(view.kind_value(k), view.kind_label(k)) for k in view.kinds()),
        ),
    ]


def _year_anchor(lang: str, year: int) -> str:
    return f"{t(lang, 'year_anchor')}-{year}"


def _list_page(view: View, nav_order: int) -> StagedPage:
    lang = view.lang
    doc = paths.index(lang)
    groups = [
        facets.Group(
            str(year),
            _year_anchor(lang, year),
            tuple(entry(view, p, doc) for p in view.items if p.date.year == year),
            facet="year",
            value=str(year),
        )
        for year in view.years()
    ]
    jump = " · ".join(f"[{year}](#{_year_anchor(lang, year)})" for year in view.years())
    entries = [e for g in groups for e in g.entries]
    body = (
        f"{t(lang, 'intro')}\n\n**{t(lang, 'per_year')}:** {jump}\n\n"
        + facets.form(filters(view), entries, filter_texts(lang))
        + facets.grouped_results(groups, css_class="listing facets-results")
    )
    return StagedPage(
        key="publication:index",
        lang=lang,
        doc_path=doc,
        title=t(lang, "title"),
        description=t(lang, "summary"),
        body=body,
        nav_order=nav_order,
        # The table of contents would list hidden entries too: leave it out.
        fields=facets.PAGE_FIELDS,
    )


def _item_page(view: View, publication: Publication) -> StagedPage:
    lang = view.lang
    doc = paths.item(lang, publication.slug)
    parts = [
        f"{md_text(publication.summary)}\n\n",
        _facts(view, publication, doc),
        publication.body.strip() + "\n\n",
        f"[{t(lang, 'back')}]({doc_link(doc, paths.index(lang))})\n",
    ]
    return StagedPage(
        key=f"publication:{publication.slug}",
        lang=lang,
        doc_path=doc,
        title=publication.title,
        description=publication.summary,
        body="".join(parts),
        source=publication.source,
    )


def _facts(view: View, publication: Publication, doc: str) -> str:
    lang, site = view.lang, view.site
    rows = [
        (t(lang, "fact_date"), day(publication.date, lang)),
        (t(lang, "fact_kind"), view.kind_label(publication.kind)),
    ]
    if publication.kamerstuk:
        rows.append((t(lang, "fact_kamerstuk"), md_text(publication.kamerstuk)))
    if publication.related_partners:
        partners = site.content_type("partner")
        links = [
            item_link(
                site,
                site.item(partners.key, slug),
                lang,
                doc,
                partners.item_title(site.item(partners.key, slug), lang),
                t(lang, "dutch_only"),
            )
            for slug in publication.related_partners
        ]
        rows.append((t(lang, "fact_partners"), ", ".join(links)))
    if publication.link:
        rows.append((t(lang, "fact_link"), f"{md_url(publication.link)} {t(lang, 'link_note')}"))
    facts = "\n\n".join(f"{term}\n:   {value}" for term, value in rows)
    return f'<div class="publication-facts" markdown="block">\n\n{facts}\n\n</div>\n\n'
