"""The page of every Kompas item, written to print as one card on an A4 sheet.

Each page has a print button (shown by kompas.js) and, on paper only, the page's address, so a
printed card leads back to the site. ``theme/assets/kompas.css`` holds the print stylesheet.
"""

from __future__ import annotations

from dataclasses import replace

from core.backlinks import back_links
from core.pagefields import PageFields
from core.staging import StagedPage, embedded_body, md_text, md_url
from kompas import paths
from kompas.texts import t
from kompas.view import View, esc

PAGE_FIELDS = PageFields(page_css=("assets/kompas.css",), page_js=("assets/kompas.js",))


def print_tools(view: View, doc: str) -> str:
    """The print button (hidden until the script runs) and the address printed on paper."""
    lang = view.lang
    url = view.absolute_url(doc)
    printed = (
        f'<p class="kompas-print-url">{esc(t(lang, "printed_from"))} {esc(url)}</p>\n'
        if url
        else ""
    )
    return (
        f'<p class="kompas-print-tools"><button type="button" class="button" '
        f"data-kompas-print hidden>{esc(t(lang, 'print'))}</button></p>\n{printed}\n"
    )


def back(view: View, doc: str) -> str:
    """The way back to the Kompas home (left off paper)."""
    link = view.to(doc, t(view.lang, "back_home"), paths.home, True)
    return f'<p class="kompas-back" markdown="span">{link}</p>\n\n'


def _bullets(items) -> str:
    return "".join(f"- {item}\n" for item in items) + "\n"


def _facts(rows: list[tuple[str, str]]) -> str:
    facts = "\n\n".join(f"{term}\n:   {value}" for term, value in rows)
    return f'<div class="kompas-facts" markdown="block">\n\n{facts}\n\n</div>\n\n'


def _page(view: View, kind: str, model, body: str) -> StagedPage:
    doc = paths.item(view.lang, kind, model.slug)
    return StagedPage(
        key=f"instrument:{kind}:{model.slug}",
        lang=view.lang,
        doc_path=doc,
        title=model.title,
        description=model.summary,
        body=back(view, doc)
        + body
        + _elsewhere(view, kind, model.slug, doc)
        + print_tools(view, doc),
        source=model.source,
        fields=PAGE_FIELDS,
    )


# The items each kind of page lists in its own body: left out of "Elsewhere on this site", or
# a form page would list its instruments twice (once with legal basis, once as a back-link).
LISTED_ON_PAGE = {"form": ("instrument",), "role": ("instrument",)}


def _elsewhere(view: View, kind: str, slug: str, doc: str) -> str:
    """Stories and other items that name this Kompas item (not printed on the card)."""
    groups = back_links(
        view.site,
        kind,
        slug,
        view.lang,
        doc,
        t(view.lang, "dutch_only"),
        shown=LISTED_ON_PAGE.get(kind, ()),
    )
    if not groups:
        return ""
    lists = "".join(
        f"**{heading}**\n\n" + "".join(f"- {link}\n" for link in links) + "\n"
        for heading, links in groups.items()
    )
    return (
        f'<div class="kompas-elsewhere" markdown="block">\n\n## {t(view.lang, "elsewhere")}'
        f"\n\n{lists}</div>\n\n"
    )


def instrument_body(
    view: View, instrument, doc: str, level: int = 2, embedded: bool = False
) -> str:
    """An instrument's card: facts, text, steps, pitfalls and sources (headings at ``level``).

    ``embedded``: the card is shown on another page than the instrument's own, so the editor's
    links and images in its text are made to work from there.
    """
    lang, k = view.lang, view.kompas
    none = t(lang, "none")
    hashes = "#" * level
    rows = [
        (t(lang, "level"), view.level(instrument.level)),
        (t(lang, "legal_basis"), md_text(instrument.legal_basis)),
        (
            t(lang, "forms"),
            ", ".join(view.item_link(doc, "form", k.form(f)) for f in instrument.forms),
        ),
        (
            t(lang, "roles"),
            ", ".join(view.item_link(doc, "role", k.role(r)) for r in instrument.roles),
        ),
        (
            t(lang, "partners"),
            ", ".join(view.partner_link(doc, p) for p in instrument.partners) or none,
        ),
    ]
    text = embedded_body(view.site, instrument, doc) if embedded else instrument.body
    body = f"{md_text(instrument.summary)}\n\n" + _facts(rows) + text.strip() + "\n\n"
    body += (
        f"{hashes} {t(lang, 'steps')}\n\n"
        + "".join(f"{n}. {md_text(step)}\n" for n, step in enumerate(instrument.steps, 1))
        + "\n"
    )
    if instrument.pitfalls:
        body += f"{hashes} {t(lang, 'pitfalls')}\n\n" + _bullets(map(md_text, instrument.pitfalls))
    if instrument.sources:
        body += f"{hashes} {t(lang, 'sources')}\n\n" + _bullets(
            md_url(s.url, s.title) if s.url else md_text(s.title) for s in instrument.sources
        )
    return body


def instrument_page(view: View, instrument) -> StagedPage:
    """An instrument: its facts, steps, pitfalls, sources, forms, roles and partners."""
    doc = paths.item(view.lang, "instrument", instrument.slug)
    return _page(view, "instrument", instrument, instrument_body(view, instrument, doc))


def all_cards_page(view: View) -> StagedPage:
    """Every instrument card on one page, each printed on its own A4 sheet with its address."""
    lang = view.lang
    doc = paths.cards(lang)
    parts = [
        back(view, doc),
        f'<p class="kompas-cards-intro">{esc(t(lang, "cards_intro"))}</p>\n\n',
    ]
    for instrument in view.kompas.instruments:
        url = view.absolute_url(paths.item(lang, "instrument", instrument.slug))
        printed = (
            f'<p class="kompas-print-url">{esc(t(lang, "printed_from"))} {esc(url)}</p>'
            if url
            else ""
        )
        parts.append(
            f'<article class="kompas-card" data-card="{instrument.slug}" '
            f'markdown="block">\n\n## {view.item_link(doc, "instrument", instrument)}'
            f"\n\n{instrument_body(view, instrument, doc, 3, embedded=True)}{printed}\n\n</article>\n\n"
        )
    parts.append(print_tools(view, doc))
    return StagedPage(
        key="instrument:cards",
        lang=lang,
        doc_path=doc,
        title=t(lang, "cards_title"),
        description=t(lang, "cards_summary"),
        body="".join(parts),
        fields=replace(PAGE_FIELDS, hide_toc=True),
    )


def form_page(view: View, form) -> StagedPage:
    """A form: signals, examples, and every instrument against it with legal basis and partners."""
    lang, k = view.lang, view.kompas
    doc = paths.item(lang, "form", form.slug)
    body = f"{md_text(form.summary)}\n\n{form.body.strip()}\n\n"
    body += f"## {t(lang, 'signals')}\n\n" + _bullets(map(md_text, form.signals))
    if form.examples:
        body += f"## {t(lang, 'examples')}\n\n" + _bullets(map(md_text, form.examples))
    body += f"## {t(lang, 'instruments_for_form')}\n\n"
    instruments = k.instruments_for_form(form.slug)
    if not instruments:
        body += t(lang, "none") + "\n\n"
    body += '<ul class="kompas-instruments" markdown="block">\n'
    for i in instruments:
        partners = ", ".join(view.partner_link(doc, p) for p in i.partners) or t(lang, "none")
        body += (
            f'<li data-instrument="{i.slug}" markdown="block">\n\n'
            f"**{view.item_link(doc, 'instrument', i)}** ({view.level(i.level).lower()})  \n"
            f"{t(lang, 'legal_basis')}: {view.own(i, i.legal_basis)}  \n"
            f"{t(lang, 'partners')}: {partners}\n\n</li>\n"
        )
    body += "</ul>\n\n"
    roles = k.roles_for_form(form.slug)
    if roles:
        body += (
            f"## {t(lang, 'roles_for_form')}\n\n"
            + ", ".join(view.item_link(doc, "role", r) for r in roles)
            + "\n\n"
        )
    return _page(view, "form", form, body)


def role_page(view: View, role) -> StagedPage:
    """A role: responsibilities, the instruments it is responsible for and the forms."""
    lang, k = view.lang, view.kompas
    doc = paths.item(lang, "role", role.slug)
    body = (
        f"{md_text(role.summary)}\n\n## {t(lang, 'responsibilities')}\n\n"
        + _bullets(map(md_text, role.responsibilities))
        + role.body.strip()
        + "\n\n"
    )
    instruments = k.instruments_for_role(role.slug)
    body += f"## {t(lang, 'instruments_for_role')}\n\n" + (
        _bullets(view.item_link(doc, "instrument", i) for i in instruments)
        if instruments
        else t(lang, "none") + "\n\n"
    )
    forms = k.forms_for_role(role.slug)
    if forms:
        body += (
            f"## {t(lang, 'forms_for_role')}\n\n"
            + ", ".join(view.item_link(doc, "form", f) for f in forms)
            + "\n\n"
        )
    return _page(view, "role", role, body)


def theme_page(view: View, theme) -> StagedPage:
    """A theme: what it is about and its checklist points at both levels."""
    lang = view.lang
    doc = paths.item(lang, "theme", theme.slug)
    body = f"{md_text(theme.summary)}\n\n{theme.body.strip()}\n\n"
    for level in ("basic", "advanced"):
        name = t(lang, level)
        # The checklist page has the theme under an anchor named after it.
        link = view.page_link(
            doc,
            t(lang, "theme_checklist"),
            lambda l, lv=level: paths.checklist(l, lv),
            anchor=theme.slug,
        )
        body += (
            f"## {t(lang, 'theme_points', level=name)}\n\n"
            + _bullets(map(md_text, theme.points(level)))
            + f"{link} ({name})\n\n"
        )
    if theme.helps:
        body += f"## {t(lang, 'helps')}\n\n" + _bullets(
            view.item_link(doc, "instrument", view.kompas.instrument(slug)) for slug in theme.helps
        )
    return _page(view, "theme", theme, body)
