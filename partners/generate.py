"""The partner pages as Markdown: the filterable index, A–Z, a page per kind, a page per partner.

English pages list every partner: where a partner has no English version, its Dutch page is
linked (marked as Dutch), so an English visitor still sees the whole network.
"""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

from core import facets, languages
from core.backlinks import back_links
from core.pagefields import PageFields
from core.staging import StagedPage, md_text, md_url
from core.urls import doc_link, lang_link
from partners.model import Partner, Relation
from core.dates import day
from core.slugs import slugify
from partners.texts import filter_texts, t

INDEX = "partners/index.md"
A_Z = "partners/a-z.md"


class View:
    """The partners as one language shows them, with labels and links from any staged page."""

    def __init__(self, site, section, lang: str):
        self.site, self.section, self.lang = site, section, lang
        own = {p.slug: p for p in site.models_of(section.key, lang)}
        self.partners: dict[str, Partner] = {
            p.slug: own.get(p.slug, p) for p in site.models_of(section.key, languages.DEFAULT)
        }
        self.ordered = sorted(
            self.partners.values(), key=lambda p: (facets.searchable(p.name), p.slug)
        )
        # Who names each partner in its relations (in the order above): looked up per partner
        # page, so found in one pass rather than by every page going through every partner.
        self.incoming: dict[str, list[tuple[Partner, Relation]]] = {}
        for other in self.ordered:
            for relation in other.relations:
                self.incoming.setdefault(relation.partner, []).append((other, relation))

    def label(self, vocabulary: str, key: str) -> str:
        """The label of a vocabulary term in this language."""
        return self.site.vocabularies[vocabulary].label(key, self.lang)

    def value(self, vocabulary: str, key: str) -> str:
        """A term's web name in this language: its address part and filter value."""
        return self.site.vocabularies[vocabulary].slug(key, self.lang)

    def status_value(self, status: str) -> str:
        """The filter value of a status in this language ('actief', 'active')."""
        return slugify(t(self.lang, status))

    def kind_doc(self, kind: str) -> str:
        return f"partners/{t(self.lang, 'kind_folder')}/{self.value('partner-kinds', kind)}.md"

    def link(self, from_doc: str, slug: str, text: str | None = None) -> str:
        """A Markdown link to a partner's page; to the Dutch one (marked) when not translated."""
        partner = self.partners[slug]
        text = md_text(text or partner.label)  # field values are data, never markup
        target = f"partners/{slug}.md"
        return lang_link(
            self.lang, from_doc, text, partner.lang, target, t(self.lang, "dutch_only")
        )

    def facts_line(self, partner: Partner) -> str:
        parts = [
            self.label("partner-scopes", partner.scope),
            ", ".join(self.label("partner-roles", r) for r in partner.roles),
        ]
        if partner.status == "disbanded":
            parts.append(t(self.lang, "disbanded_on", date=day(partner.disbanded, self.lang)))
        return " · ".join(parts)


def pages(site, section, lang: str) -> list[StagedPage]:
    """Every page of the section in ``lang``."""
    view = View(site, section, lang)
    result = [_index_page(view), _a_z_page(view)]
    result += [_kind_page(view, kind) for kind in _kinds(view)]
    result += [_partner_page(view, p) for p in view.ordered if p.lang == lang]
    return result


def _kinds(view: View) -> list[str]:
    """The kinds that have partners, in the vocabulary's order."""
    used = {p.kind for p in view.ordered}
    return [k for k in view.site.vocabularies["partner-kinds"].terms if k in used]


def _entry(view: View, partner: Partner, from_doc: str, level: int) -> facets.Entry:
    heading = "#" * level
    summary = md_text(partner.summary)
    if partner.lang != view.lang:  # an untranslated partner on an English page
        summary = f'<p lang="{partner.lang}">{html.escape(partner.summary)}</p>'
    markdown = (
        f"{heading} {view.link(from_doc, partner.slug)}\n\n{summary}\n\n"
        f"{view.label('partner-kinds', partner.kind)} · {view.facts_line(partner)}"
    )
    text = " ".join(
        [partner.name, partner.abbreviation or "", *partner.former_names, partner.summary]
    )
    values = {
        "kind": (view.value("partner-kinds", partner.kind),),
        "sector": (view.value("partner-sectors", partner.sector),),
        "scope": (view.value("partner-scopes", partner.scope),),
        "role": tuple(view.value("partner-roles", r) for r in partner.roles),
        "status": (view.status_value(partner.status),),
    }
    return facets.Entry(id=partner.slug, values=values, text=text, markdown=markdown)


def _facets(view: View) -> list[facets.Facet]:
    def options(vocabulary: str, used: set[str]) -> tuple[facets.Option, ...]:
        return tuple(
            facets.Option(view.value(vocabulary, key), view.label(vocabulary, key))
            for key in view.site.vocabularies[vocabulary].terms
            if key in used
        )

    partners = view.ordered
    lang = view.lang
    statuses = tuple(
        facets.Option(view.status_value(s), t(lang, s))
        for s in ("active", "disbanded")
        if any(p.status == s for p in partners)
    )
    return [
        facets.Facet(
            "kind", t(lang, "facet_kind"), options("partner-kinds", {p.kind for p in partners})
        ),
        facets.Facet(
            "sector",
            t(lang, "facet_sector"),
            options("partner-sectors", {p.sector for p in partners}),
        ),
        facets.Facet(
            "scope", t(lang, "facet_scope"), options("partner-scopes", {p.scope for p in partners})
        ),
        facets.Facet(
            "role",
            t(lang, "facet_role"),
            options("partner-roles", {r for p in partners for r in p.roles}),
        ),
        facets.Facet("status", t(lang, "facet_status"), statuses),
    ]


def _views_nav(view: View, from_doc: str) -> str:
    kinds = " · ".join(
        f"[{view.label('partner-kinds', k)}]({doc_link(from_doc, view.kind_doc(k))})"
        for k in _kinds(view)
    )
    return (
        f"**{t(view.lang, 'views')}:** [{t(view.lang, 'a_z')}]({doc_link(from_doc, A_Z)}) — "
        f"{t(view.lang, 'by_kind')}: {kinds}\n\n"
    )


def _index_page(view: View) -> StagedPage:
    lang = view.lang
    groups = []
    for kind in _kinds(view):
        label = view.label("partner-kinds", kind)
        members = tuple(_entry(view, p, INDEX, 3) for p in view.ordered if p.kind == kind)
        groups.append(
            facets.Group(
                f"[{label}]({doc_link(INDEX, view.kind_doc(kind))})",
                f"kind-{view.value('partner-kinds', kind)}",
                members,
            )
        )
    entries = [e for g in groups for e in g.entries]
    body = (
        f"{t(lang, 'index_intro')}\n\n{_views_nav(view, INDEX)}"
        + facets.form(_facets(view), entries, filter_texts(lang))
        + facets.grouped_results(groups)
    )
    return StagedPage(
        key="partner:index",
        lang=lang,
        doc_path=INDEX,
        title=t(lang, "index_title"),
        description=t(lang, "index_summary"),
        body=body,
        nav_order=6,
        fields=facets.PAGE_FIELDS,
    )


def _a_z_page(view: View) -> StagedPage:
    by_letter: dict[str, list[Partner]] = defaultdict(list)
    for partner in view.ordered:
        first = facets.searchable(partner.name)[:1].upper()
        by_letter[first if first.isalpha() else "#"].append(partner)
    letters = sorted(by_letter)
    anchor = {
        letter: f"letter-{letter.lower() if letter.isalpha() else 'other'}" for letter in letters
    }
    jump = " ".join(f"[{letter}](#{anchor[letter]})" for letter in letters)
    parts = [
        f'<nav class="a-z-letters" aria-label="{t(view.lang, "letters")}" markdown="block">\n\n'
        f"{jump}\n\n</nav>\n\n",
        f"[{t(view.lang, 'back_to_index')}]({doc_link(A_Z, INDEX)})\n\n",
    ]
    for letter in letters:
        parts.append(f"## {letter} {{#{anchor[letter]}}}\n\n")
        parts.extend(
            f"- {view.link(A_Z, p.slug)} — {view.label('partner-kinds', p.kind)}\n"
            for p in by_letter[letter]
        )
        parts.append("\n")
    return StagedPage(
        key="partner:a-z",
        lang=view.lang,
        doc_path=A_Z,
        title=t(view.lang, "a_z_title"),
        description=t(view.lang, "a_z_summary"),
        body="".join(parts),
    )


def _kind_page(view: View, kind: str) -> StagedPage:
    label = view.label("partner-kinds", kind)
    doc = view.kind_doc(kind)
    entries = [_entry(view, p, doc, 2) for p in view.ordered if p.kind == kind]
    body = (
        f"[{t(view.lang, 'back_to_index')}]({doc_link(doc, INDEX)})\n\n"
        + _views_nav(view, doc)
        + facets.results(entries)
    )
    return StagedPage(
        key=f"partner:kind:{kind}",
        lang=view.lang,
        doc_path=doc,
        title=t(view.lang, "kind_title", label=label),
        description=t(view.lang, "kind_summary", label=label.lower()),
        body=body,
    )


def _partner_page(view: View, partner: Partner) -> StagedPage:
    lang = view.lang
    doc = f"partners/{partner.slug}.md"
    body = [
        f"{md_text(partner.summary)}\n\n",
        _facts(view, partner, doc),
        partner.body.strip() + "\n\n",
        _connections(view, partner, doc),
        _back_links(view, partner, doc),
    ]
    return StagedPage(
        key=f"partner:{partner.slug}",
        lang=lang,
        doc_path=doc,
        title=partner.label,
        description=partner.summary,
        body="".join(body),
        source=partner.source,
        fields=PageFields(jsonld=_organization(view, partner)),
    )


def _facts(view: View, partner: Partner, doc: str) -> str:
    lang = view.lang
    rows: list[tuple[str, str]] = []
    if partner.abbreviation:
        rows.append((t(lang, "fact_abbreviation"), md_text(partner.abbreviation)))
    if partner.former_names:
        rows.append((t(lang, "fact_former"), ", ".join(map(md_text, partner.former_names))))
    rows.append(
        (
            t(lang, "facet_kind"),
            f"[{view.label('partner-kinds', partner.kind)}]"
            f"({doc_link(doc, view.kind_doc(partner.kind))})",
        )
    )
    rows.append((t(lang, "facet_sector"), view.label("partner-sectors", partner.sector)))
    rows.append((t(lang, "facet_scope"), view.label("partner-scopes", partner.scope)))
    rows.append(
        (t(lang, "facet_role"), ", ".join(view.label("partner-roles", r) for r in partner.roles))
    )
    status = (
        t(lang, "disbanded_on", date=day(partner.disbanded, lang))
        if partner.status == "disbanded"
        else t(lang, "active")
    )
    rows.append((t(lang, "facet_status"), status))
    if partner.website:
        rows.append((t(lang, "fact_website"), md_url(partner.website)))
    facts = "\n\n".join(f"{term}\n:   {value}" for term, value in rows)
    return f'<div class="partner-facts" markdown="block">\n\n{facts}\n\n</div>\n\n'


def _connections(view: View, partner: Partner, doc: str) -> str:
    """Relations both ways, each as a sentence: 'A feeds B', sorted outgoing then incoming."""
    lang = view.lang

    def phrase(relation: str) -> str:
        return view.label("partner-relations", relation)

    lines = [
        f"- {md_text(partner.label)} {phrase(r.relation)} {view.link(doc, r.partner)}"
        for r in sorted(
            partner.relations, key=lambda r: (phrase(r.relation), view.partners[r.partner].name)
        )
    ]
    incoming = sorted(
        view.incoming.get(partner.slug, []),
        key=lambda pair: (phrase(pair[1].relation), facets.searchable(pair[0].name)),
    )
    lines += [
        f"- {view.link(doc, other.slug)} {phrase(r.relation)} {md_text(partner.label)}"
        for other, r in incoming
    ]
    listing = "\n".join(lines) + "\n" if lines else t(lang, "no_connections") + "\n"
    return f"## {t(lang, 'connections')}\n\n{listing}\n"


def _back_links(view: View, partner: Partner, doc: str) -> str:
    """Items of other sections that name this partner in a Ref("partner") field."""
    groups = back_links(
        view.site, view.section.key, partner.slug, view.lang, doc, t(view.lang, "dutch_only")
    )
    if not groups:
        return ""
    parts = [
        f"## {t(view.lang, 'elsewhere', name=md_text(partner.abbreviation or partner.name))}\n\n"
    ]
    for heading, links in groups.items():
        parts.append(f"### {heading}\n\n" + "".join(f"- {link}\n" for link in links) + "\n")
    return "".join(parts)


def _organization(view: View, partner: Partner) -> dict:
    """schema.org Organization for search engines: who it is, its site and its other pages."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": partner.name,
        "description": partner.summary,
    }
    if partner.abbreviation:
        data["alternateName"] = partner.abbreviation
    if partner.website:
        data["url"] = partner.website
    if partner.same_as:
        data["sameAs"] = list(partner.same_as)
    if partner.disbanded:
        data["dissolutionDate"] = partner.disbanded.isoformat()
    return data
