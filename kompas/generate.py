"""The Kompas pages: home, overviews, filterable instruments, matrix, checklists, factsheet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from core import facets
from core.pagefields import GuideLink, GuideNav
from core.credits import credits_html
from core.staging import StagedPage, md_text
from core.urls import relative_url
from kompas import cards, paths
from kompas.checklist import checklist_page
from kompas.matrix import matrix_page
from kompas.model import Factsheet, Form, Role, Theme
from kompas.matrix import role_matrix_page
from kompas.texts import filter_texts, t
from kompas.view import KINDS, View

NAV_ORDER = 5
KEY = "instrument"  # page keys start with the section key so share cards name the Kompas


def pages(site, lang: str) -> list[StagedPage]:
    """Every Kompas page in ``lang``."""
    view = View(site, lang)
    k = view.kompas
    result = [_home(view)]
    for kind in KINDS:
        result.append(_instrument_overview(view) if kind == "instrument" else _overview(view, kind))
    result += [matrix_page(view), role_matrix_page(view), cards.all_cards_page(view)]
    result += [checklist_page(view, level) for level in ("basic", "advanced")]
    if view.has_factsheet():
        result.append(_factsheet(view))
    # Each kind's items and the writer of one item's page (an item of that kind).
    writers: dict[str, tuple[Sequence[Any], Callable[[View, Any], StagedPage]]] = {
        "form": (k.forms, cards.form_page),
        "instrument": (k.instruments, cards.instrument_page),
        "role": (k.roles, cards.role_page),
        "theme": (k.themes, cards.theme_page),
    }
    for items, write in writers.values():
        result += [write(view, model) for model in items if model.lang == lang]
    _link_guide_nav(result, lang)
    return result


def _link_guide_nav(pages: list[StagedPage], lang: str) -> None:
    """The Kompas's own navigation on each of its pages (theme/partials/guide-nav.html): the
    guide's questions (Wat? Hoe? Met wie?), then themes, matrix, cards and self-check, each
    where this language has that page; the entry the page belongs to is marked current."""
    entries = [
        (paths.home(lang), t(lang, "title")),
        (paths.overview(lang, "form"), t(lang, "what")),
        (paths.overview(lang, "instrument"), t(lang, "how")),
        (paths.overview(lang, "role"), t(lang, "with_whom")),
        (paths.overview(lang, "theme"), t(lang, "theme_title")),
        (paths.matrix(lang), t(lang, "matrix_title")),
        (paths.role_matrix(lang), t(lang, "role_matrix_title")),
        (paths.cards(lang), t(lang, "cards_title")),
        (paths.checklist(lang, "basic"), t(lang, "checklist_title", level=t(lang, "basic"))),
    ]
    staged = {page.doc_path for page in pages}
    entries = [(doc, label) for doc, label in entries if doc in staged]
    for page in pages:
        # The entry whose folder holds this page (an instrument belongs to "Hoe?").
        owner = max(
            (
                doc
                for doc, _ in entries
                if page.doc_path == doc
                or (
                    doc.endswith("/index.md")
                    and doc != paths.home(lang)
                    and page.doc_path.startswith(doc[: -len("index.md")])
                )
            ),
            key=len,
            default=None,
        )
        page.fields = replace(
            page.fields,
            guide_nav=GuideNav(
                label=t(lang, "title"),
                items=tuple(
                    GuideLink(
                        label=label,
                        href=relative_url(lang, page.doc_path, lang, doc),
                        current=doc == owner,
                    )
                    for doc, label in entries
                ),
            ),
        )


def _tile(title_link: str, text: str, level: int = 2) -> str:
    return f'<li class="tile" markdown="block">\n\n{"#" * level} {title_link}\n\n{text}\n\n</li>\n'


def _tiles(tiles: list[str]) -> str:
    return '<ul class="tiles" markdown="block">\n' + "".join(tiles) + "</ul>\n\n"


def _home(view: View) -> StagedPage:
    lang = view.lang
    doc = paths.home(lang)
    entries = [("what", "form"), ("how", "instrument"), ("with_whom", "role")]
    sheet = view.kompas.factsheet
    body = f"{t(lang, 'intro')}\n\n{_credits(sheet, lang)}## {t(lang, 'entry_points')}\n\n"
    body += _tiles(
        [
            _tile(
                view.overview_link(doc, kind, t(lang, key)),
                f"{t(lang, key + '_text')} ({t(lang, kind + '_title')})",
                3,
            )
            for key, kind in entries
        ]
    )
    more = [
        _tile(view.overview_link(doc, "theme"), t(lang, "theme_summary"), 3),
        _tile(
            view.page_link(doc, t(lang, "matrix_title"), paths.matrix), t(lang, "matrix_summary"), 3
        ),
        _tile(
            view.page_link(doc, t(lang, "role_matrix_title"), paths.role_matrix),
            t(lang, "role_matrix_summary"),
            3,
        ),
    ]
    more += [
        _tile(
            view.page_link(
                doc,
                t(lang, "checklist_title", level=t(lang, level)),
                lambda l, lv=level: paths.checklist(l, lv),
            ),
            t(lang, "checklist_summary", level=t(lang, level)),
            3,
        )
        for level in ("basic", "advanced")
    ]
    more.append(
        _tile(view.page_link(doc, t(lang, "cards_title"), paths.cards), t(lang, "cards_summary"), 3)
    )
    if view.kompas.factsheet:
        more.append(_tile(view.factsheet_link(doc), md_text(view.kompas.factsheet.summary), 3))
    body += f"## {t(lang, 'more')}\n\n" + _tiles(more)
    return StagedPage(
        key=f"{KEY}:home",
        lang=lang,
        doc_path=doc,
        title=t(lang, "title"),
        description=t(lang, "summary"),
        body=body,
        nav_order=NAV_ORDER,
    )


def _credits(sheet: Factsheet | None, lang: str) -> str:
    """Who made the Kompas (the factsheet's ``credits``), on its home page and the factsheet."""
    return credits_html(sheet.credits, lang, sheet.lang) if sheet else ""


def _overview(view: View, kind: str) -> StagedPage:
    lang = view.lang
    doc = paths.overview(lang, kind)
    models_of: dict[str, Sequence[Form | Role | Theme]] = {
        "form": view.kompas.forms,
        "role": view.kompas.roles,
        "theme": view.kompas.themes,
    }
    models = models_of[kind]
    body = (
        cards.back(view, doc)
        + f"{t(lang, kind + '_summary')}\n\n"
        + _tiles([_tile(view.item_link(doc, kind, m), md_text(m.summary)) for m in models])
    )
    return StagedPage(
        key=f"{KEY}:{kind}s",
        lang=lang,
        doc_path=doc,
        title=t(lang, f"{kind}_title"),
        description=t(lang, f"{kind}_summary"),
        body=body,
    )


def instrument_entries(view: View, doc: str) -> list[facets.Entry]:
    """The instruments as filter entries: form, role and level facets (tests use this too)."""
    lang = view.lang
    entries = []
    for i in view.kompas.instruments:
        markdown = (
            f"## {view.item_link(doc, 'instrument', i)}\n\n{md_text(i.summary)}\n\n"
            f"{view.level(i.level)} · {t(lang, 'legal_basis')}: {md_text(i.legal_basis)}"
        )
        text = " ".join([i.title, i.summary, i.legal_basis])
        values = {"form": i.forms, "role": i.roles, "level": (i.level,)}
        entries.append(facets.Entry(id=i.slug, values=values, text=text, markdown=markdown))
    return entries


def _instrument_facets(view: View) -> list[facets.Facet]:
    lang, k = view.lang, view.kompas
    used_forms = {f for i in k.instruments for f in i.forms}
    used_roles = {r for i in k.instruments for r in i.roles}
    used_levels = {i.level for i in k.instruments}
    return [
        facets.Facet(
            "form",
            t(lang, "facet_form"),
            tuple(facets.Option(f.slug, f.title) for f in k.forms if f.slug in used_forms),
        ),
        facets.Facet(
            "role",
            t(lang, "facet_role"),
            tuple(facets.Option(r.slug, r.title) for r in k.roles if r.slug in used_roles),
        ),
        facets.Facet(
            "level",
            t(lang, "facet_level"),
            tuple(
                facets.Option(level, view.level(level))
                for level in ("basic", "advanced")
                if level in used_levels
            ),
        ),
    ]


def _instrument_overview(view: View) -> StagedPage:
    lang = view.lang
    doc = paths.overview(lang, "instrument")
    entries = instrument_entries(view, doc)
    matrix = view.page_link(doc, t(lang, "matrix_title"), paths.matrix)
    body = (
        cards.back(view, doc)
        + f"{t(lang, 'instrument_summary')} {matrix}.\n\n"
        + facets.form(_instrument_facets(view), entries, filter_texts(lang))
        + facets.results(entries)
    )
    return StagedPage(
        key=f"{KEY}:instruments",
        lang=lang,
        doc_path=doc,
        title=t(lang, "instrument_title"),
        description=t(lang, "instrument_summary"),
        body=body,
        # Item pages weigh more in search; a visitor who types the word wants
        # this overview, not the form page whose heading names instruments.
        search_keywords=(t(lang, "instruments"),),
        fields=facets.PAGE_FIELDS,
    )


def _factsheet(view: View) -> StagedPage:
    lang = view.lang
    sheet = view.kompas.factsheet
    assert sheet is not None, "pages() writes the factsheet page only when there is one"
    doc = paths.factsheet(lang)
    body = (
        cards.back(view, doc)
        + f"{md_text(sheet.summary)}\n\n{sheet.body.strip()}\n\n"
        + _credits(sheet, lang)
        + f"## {t(lang, 'factsheet_starting')}\n\n"
        + "".join(f"- {md_text(point)}\n" for point in sheet.starting)
        + f"\n## {t(lang, 'factsheet_advanced')}\n\n"
        + "".join(f"- {md_text(point)}\n" for point in sheet.advanced)
        + "\n"
        + cards.print_tools(view, doc)
    )
    return StagedPage(
        key=f"{KEY}:factsheet",
        lang=lang,
        doc_path=doc,
        title=sheet.title,
        description=sheet.summary,
        body=body,
        source=sheet.source,
        fields=cards.PAGE_FIELDS,
    )
