"""The Academy pages as Markdown: the filterable catalogue, a page per chain partner and one
per offer.

English pages list every offer: where an offer has no English version, its Dutch page is
linked (marked as Dutch), so an English visitor still sees the whole catalogue.
"""

from __future__ import annotations

import html
from dataclasses import replace

from academy import jsonld, paths, sitepages
from academy.model import Offer, Session
from academy.texts import filter_texts, price, t
from core import dates, facets, languages
from core.images import picture
from core.pagefields import PageFields
from core.staging import StagedPage, md_text, md_url
from core.urls import doc_link, lang_link


# Carries the catalogue's filters (its query string) to an offer page and back (academy.js).
ACADEMY_JS = "assets/academy.js"


class View:
    """The offers as one language shows them, with labels and links from any staged page."""

    def __init__(self, site, section, lang: str):
        self.site, self.section, self.lang = site, section, lang
        own = {o.slug: o for o in site.models_of(section.key, lang)}
        self.offers: list[Offer] = sorted(
            (own.get(o.slug, o) for o in site.models_of(section.key, languages.DEFAULT)),
            key=lambda o: (facets.searchable(o.title), o.slug),
        )
        self._site_pages: dict | None = None  # the pages an offer's 'page' may name, once

    def label(self, vocabulary: str, key: str) -> str:
        """The label of a vocabulary term in this language."""
        return self.site.vocabularies[f"offer-{vocabulary}"].label(key, self.lang)

    def value(self, vocabulary: str, key: str) -> str:
        """A term's web name in this language: its address part and filter value."""
        return self.site.vocabularies[f"offer-{vocabulary}"].slug(key, self.lang)

    def terms(self, vocabulary: str, used: set[str]) -> list[str]:
        """The used terms of a vocabulary, in the vocabulary's order."""
        return [k for k in self.site.vocabularies[f"offer-{vocabulary}"].terms if k in used]

    def audience_doc(self, key: str) -> str:
        """The page of one chain partner: /academy/politie/, /en/academy/police/."""
        return paths.audience(self.value("audiences", key))

    def audiences(self) -> list[str]:
        """The chain partners that have offers, in the vocabulary's order."""
        return self.terms("audiences", {a for o in self.offers for a in o.audiences})

    def _link(self, from_doc: str, text: str, lang: str, target: str, marked: bool = False) -> str:
        # An offer's title is Dutch text on an English page: say so to screen readers too.
        return lang_link(
            self.lang,
            from_doc,
            md_text(text),
            lang,
            target,
            t(self.lang, "dutch_only"),
            text_lang=lang if marked else None,
        )

    def offer_link(self, from_doc: str, offer: Offer) -> str:
        """A link to an offer's page; to the Dutch one (marked) when not translated."""
        return self._link(
            from_doc, offer.title, offer.lang, paths.offer(offer.lang, offer.slug), marked=True
        )

    def page_link(self, from_doc: str, address: str) -> str:
        """A link to the page of this site at ``address`` (Dutch), in this language if it has it."""
        if self._site_pages is None:
            self._site_pages = sitepages.known_pages(self.site)
        page = self._site_pages[address]  # the section's check made sure it exists
        lang, doc = sitepages.doc_of(self.site, page, self.lang)
        if page.slug is None:
            landing = self.site.section_of(page.section).landing(self.site, lang)
            title = landing.title if landing else address
        else:
            kind = self.site.content_type(page.section)
            title = kind.item_title(self.site.item(page.section, page.slug), lang)
        return self._link(from_doc, title, lang, doc, marked=lang != self.lang)

    def session(self, session: Session) -> str:
        """'11 februari 2027, Utrecht', '2 – 3 maart 2027, online', '(geweest)' when past."""
        lang = self.lang
        when = dates.day(session.date, lang)
        if session.end and session.end != session.date:
            when = f"{when} – {dates.day(session.end, lang)}"
        where = t(lang, "online") if session.online else md_text(session.place or "")
        past = f" {t(lang, 'past')}" if (session.end or session.date) < self.site.today else ""
        return f"{when}, {where}{past}"

    def partner_name(self, slug: str) -> str:
        partners = self.site.content_type("partner")
        return partners.item_title(self.site.item(partners.key, slug), self.lang)

    def partner_link(self, from_doc: str, slug: str) -> str:
        """A link to a partner's page (Dutch, marked, when the partner is not translated)."""
        partners = self.site.content_type("partner")
        item = self.site.item(partners.key, slug)
        lang = self.lang if self.lang in item.versions else languages.DEFAULT
        return self._link(from_doc, self.partner_name(slug), lang, self.site.doc_path(item, lang))


def pages(site, section, lang: str, nav_order: int) -> list[StagedPage]:
    """Every page of the section in ``lang``."""
    view = View(site, section, lang)
    result = [_catalogue(view, nav_order)]
    result += [_audience_page(view, key) for key in view.audiences()]
    result += [_offer_page(view, o) for o in view.offers if o.lang == lang]
    return result


def entry(view: View, offer: Offer, from_doc: str, level: int) -> facets.Entry:
    """One offer as a filterable tile."""
    lang = view.lang
    summary = md_text(offer.summary)
    if offer.lang != lang:  # an untranslated offer on an English page
        summary = f'<p lang="{offer.lang}">{html.escape(offer.summary)}</p>'
    facts = [
        view.label("kinds", offer.kind),
        view.label("formats", offer.format),
        price(offer.price, lang),
    ]
    if offer.accreditation:
        facts.append(t(lang, "accredited"))
    markdown = (
        f"{'#' * level} {view.offer_link(from_doc, offer)}\n\n{summary}\n\n"
        f"{' · '.join(facts)}<br>\n{t(lang, 'by', provider=md_text(view.partner_name(offer.provider)))}"
    )
    text = " ".join(
        [
            offer.title,
            offer.summary,
            view.partner_name(offer.provider),
            *(view.partner_name(p) for p in offer.developed_with),
            view.label("kinds", offer.kind),
        ]
    )
    values = {
        "audience": tuple(view.value("audiences", a) for a in offer.audiences),
        "kind": (view.value("kinds", offer.kind),),
        "cost": (t(lang, "free_value"),) if offer.free else (),
        "language": tuple(view.value("languages", code) for code in offer.languages),
        "format": (view.value("formats", offer.format),),
    }
    return facets.Entry(id=offer.slug, values=values, text=text, markdown=markdown)


def filters(view: View) -> list[facets.Facet]:
    """The catalogue's facets; options nobody uses are left out."""
    lang, offers = view.lang, view.offers

    def options(vocabulary: str, used: set[str]) -> tuple[facets.Option, ...]:
        return tuple(
            facets.Option(view.value(vocabulary, k), view.label(vocabulary, k))
            for k in view.terms(vocabulary, used)
        )

    free = (
        (facets.Option(t(lang, "free_value"), t(lang, "free_only")),)
        if any(o.free for o in offers)
        else ()
    )
    return [
        facets.Facet(
            "audience",
            t(lang, "facet_audience"),
            options("audiences", {a for o in offers for a in o.audiences}),
        ),
        facets.Facet("kind", t(lang, "facet_kind"), options("kinds", {o.kind for o in offers})),
        facets.Facet("cost", t(lang, "facet_cost"), free),
        facets.Facet(
            "language",
            t(lang, "facet_language"),
            options("languages", {code for o in offers for code in o.languages}),
        ),
        facets.Facet(
            "format", t(lang, "facet_format"), options("formats", {o.format for o in offers})
        ),
    ]


def _audience_nav(view: View, from_doc: str) -> str:
    links = " · ".join(
        f"[{view.label('audiences', key)}]({doc_link(from_doc, view.audience_doc(key))})"
        for key in view.audiences()
    )
    return f"**{t(view.lang, 'per_audience')}:** {links}\n\n"


def _catalogue(view: View, nav_order: int) -> StagedPage:
    lang, doc = view.lang, paths.INDEX
    groups = []
    for key in view.audiences():
        label = view.label("audiences", key)
        members = tuple(entry(view, o, doc, 3) for o in view.offers if key in o.audiences)
        value = view.value("audiences", key)
        groups.append(
            facets.Group(
                f"[{label}]({doc_link(doc, view.audience_doc(key))})",
                f"{t(lang, 'group_anchor')}-{value}",
                members,
                facet="audience",
                value=value,
            )
        )
    entries = [e for g in groups for e in g.entries]
    body = (
        f"{t(lang, 'intro')}\n\n{_audience_nav(view, doc)}"
        + facets.form(filters(view), entries, filter_texts(lang))
        + facets.grouped_results(groups)
    )
    return StagedPage(
        key="offer:index",
        lang=lang,
        doc_path=doc,
        title=t(lang, "title"),
        description=t(lang, "summary"),
        body=body,
        nav_order=nav_order,
        fields=replace(facets.PAGE_FIELDS, page_js=(*facets.PAGE_FIELDS.page_js, ACADEMY_JS)),
    )


def _audience_page(view: View, key: str) -> StagedPage:
    """All offers for one chain partner, pre-built so grouping links work without JavaScript."""
    lang, doc = view.lang, view.audience_doc(key)
    label = view.label("audiences", key)
    entries = [entry(view, o, doc, 2) for o in view.offers if key in o.audiences]
    body = (
        f"{t(lang, 'audience_intro', label=label.lower() if lang == 'en' else label)}\n\n"
        f"[{t(lang, 'back')}]({doc_link(doc, paths.INDEX)})\n\n"
        + _audience_nav(view, doc)
        + facets.results(entries)
    )
    return StagedPage(
        key=f"offer:audience:{key}",
        lang=lang,
        doc_path=doc,
        title=t(lang, "audience_title", label=label),
        description=t(lang, "audience_summary", label=label),
        body=body,
    )


def _offer_page(view: View, offer: Offer) -> StagedPage:
    lang = view.lang
    doc = paths.offer(lang, offer.slug)
    parts = [f"{md_text(offer.summary)}\n\n"]
    if offer.image:
        parts.append(picture(view.site, offer.image, offer.image_alt or "", lang, doc) + "\n\n")
    parts += [
        _facts(view, offer, doc),
        offer.body.strip() + "\n\n",
        f'[{t(lang, "back")}]({doc_link(doc, paths.INDEX)}){{data-academy-back=""}}\n',
    ]
    return StagedPage(
        key=f"offer:{offer.slug}",
        lang=lang,
        doc_path=doc,
        title=offer.title,
        description=offer.summary,
        body="".join(parts),
        source=offer.source,
        fields=PageFields(jsonld=jsonld.course(view, offer, doc), page_js=(ACADEMY_JS,)),
    )


def _facts(view: View, offer: Offer, doc: str) -> str:
    lang = view.lang
    rows = [
        (t(lang, "fact_kind"), view.label("kinds", offer.kind)),
        (
            t(lang, "fact_audiences"),
            ", ".join(
                f"[{view.label('audiences', a)}]({doc_link(doc, view.audience_doc(a))})"
                for a in view.terms("audiences", set(offer.audiences))
            ),
        ),
        (t(lang, "fact_provider"), view.partner_link(doc, offer.provider)),
    ]
    if offer.developed_with:
        rows.append(
            (
                t(lang, "fact_with"),
                ", ".join(view.partner_link(doc, p) for p in offer.developed_with),
            )
        )
    rows.append((t(lang, "fact_cost"), price(offer.price, lang)))
    if offer.accreditation:
        a = offer.accreditation
        key = "point" if a.points == 1 else "points"
        rows.append(
            (t(lang, "fact_accreditation"), t(lang, key, points=a.points, by=md_text(a.by)))
        )
    if offer.duration:
        rows.append((t(lang, "fact_duration"), md_text(offer.duration)))
    rows.append(
        (
            t(lang, "fact_languages"),
            ", ".join(
                view.label("languages", code)
                for code in view.terms("languages", set(offer.languages))
            ),
        )
    )
    rows.append((t(lang, "fact_format"), view.label("formats", offer.format)))
    if offer.sessions:
        rows.append(
            (
                t(lang, "fact_sessions"),
                "<br>".join(view.session(s) for s in sorted(offer.sessions, key=lambda s: s.date)),
            )
        )
    if offer.registration:
        rows.append(
            (
                t(lang, "fact_registration"),
                f"{md_url(offer.registration, t(lang, 'register'))} {t(lang, 'link_note')}",
            )
        )
    if offer.page:
        rows.append((t(lang, "fact_link"), view.page_link(doc, offer.page)))
    if offer.link:
        rows.append(
            (
                t(lang, "fact_external" if offer.page else "fact_link"),
                f"{md_url(offer.link)} {t(lang, 'link_note')}",
            )
        )
    facts = "\n\n".join(f"{term}\n:   {value}" for term, value in rows)
    return f'<div class="offer-facts" markdown="block">\n\n{facts}\n\n</div>\n\n'
