"""The matrices of instruments × forms and of roles × forms: real tables with headers, usable on a phone.

Raw HTML (generated, never from editors; titles escaped): each table sits in a focusable,
labelled region that scrolls sideways on a narrow screen, and kompas.css keeps the first column
in view.
"""

from __future__ import annotations

from dataclasses import replace

from core.staging import StagedPage
from core.urls import relative_url
from kompas import cards, paths
from kompas.texts import t
from kompas.view import View, esc

CAPTION_ID = "kompas-matrix-caption"
ROLE_CAPTION_ID = "kompas-role-matrix-caption"


def _href(view: View, doc: str, kind: str, model) -> str:
    return relative_url(view.lang, doc, model.lang, paths.item(model.lang, kind, model.slug))


def _a(view: View, doc: str, kind: str, model) -> str:
    """A link to an item's page; an untranslated title is marked as Dutch for screen readers."""
    lang = f' lang="{model.lang}" hreflang="{model.lang}"' if model.lang != view.lang else ""
    return f'<a href="{_href(view, doc, kind, model)}"{lang}>{esc(model.title)}</a>'


def _region(
    view: View, caption_id: str, caption: str, scroll: str, corner: str, head: str, rows: list[str]
) -> str:
    # On narrow screens only part of the table shows: say so where it is seen (the region's
    # label already says it to screen readers, so this line is hidden from them).
    lang = view.lang
    return (
        f'<p class="kompas-matrix-hint" aria-hidden="true">{esc(t(lang, "matrix_hint"))}</p>\n'
        f'<div class="kompas-matrix" role="region" tabindex="0" '
        f'aria-label="{esc(scroll)}">\n'
        f'<table>\n<caption id="{caption_id}">{esc(caption)}</caption>\n'
        f'<thead><tr><th scope="col">{esc(corner)}</th>{head}</tr></thead>\n'
        f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n\n"
    )


def matrix_table(view: View, doc: str) -> str:
    """The table itself; each data cell carries ``data-instrument`` and ``data-form``."""
    lang, k = view.lang, view.kompas
    yes = (
        f'<span aria-hidden="true">✓</span><span class="visually-hidden">'
        f"{esc(t(lang, 'yes'))}</span>"
    )
    no = (
        f'<span aria-hidden="true">–</span><span class="visually-hidden">'
        f"{esc(t(lang, 'no'))}</span>"
    )
    head = "".join(f'<th scope="col">{_a(view, doc, "form", f)}</th>' for f in k.forms)
    rows = []
    for i in k.instruments:
        cells = "".join(
            f'<td data-instrument="{i.slug}" data-form="{f.slug}" '
            f'data-applies="{"yes" if k.applies(i, f) else "no"}">'
            f"{yes if k.applies(i, f) else no}</td>"
            for f in k.forms
        )
        rows.append(f'<tr><th scope="row">{_a(view, doc, "instrument", i)}</th>{cells}</tr>')
    return _region(
        view,
        CAPTION_ID,
        t(lang, "matrix_caption"),
        t(lang, "matrix_scroll"),
        t(lang, "matrix_corner"),
        head,
        rows,
    )


def role_matrix_table(view: View, doc: str) -> str:
    """Roles (rows) × forms (columns); each cell names the instruments through which the role
    acts against the form (``data-role``, ``data-form``, ``data-instruments``), or a dash."""
    lang, k = view.lang, view.kompas
    no = (
        f'<span aria-hidden="true">–</span><span class="visually-hidden">'
        f"{esc(t(lang, 'no'))}</span>"
    )
    head = "".join(f'<th scope="col">{_a(view, doc, "form", f)}</th>' for f in k.forms)
    rows = []
    for r in k.roles:
        cells = []
        for f in k.forms:
            via = k.instruments_for_role_and_form(r.slug, f.slug)
            links = "<br>".join(_a(view, doc, "instrument", i) for i in via)
            cells.append(
                f'<td data-role="{r.slug}" data-form="{f.slug}" '
                f'data-instruments="{" ".join(i.slug for i in via)}">{links or no}</td>'
            )
        rows.append(f'<tr><th scope="row">{_a(view, doc, "role", r)}</th>{"".join(cells)}</tr>')
    return _region(
        view,
        ROLE_CAPTION_ID,
        t(lang, "role_matrix_caption"),
        t(lang, "role_matrix_scroll"),
        t(lang, "role_matrix_corner"),
        head,
        rows,
    )


def matrix_page(view: View) -> StagedPage:
    """The matrix page."""
    lang = view.lang
    doc = paths.matrix(lang)
    body = (
        cards.back(view, doc)
        + f"{t(lang, 'matrix_summary')}\n\n"
        + matrix_table(view, doc)
        + f"{view.page_link(doc, t(lang, 'role_matrix_title'), paths.role_matrix)} · "
        f"{view.overview_link(doc, 'instrument')} · {view.overview_link(doc, 'form')}\n\n"
    )
    return StagedPage(
        key="instrument:matrix",
        lang=lang,
        doc_path=doc,
        title=t(lang, "matrix_title"),
        description=t(lang, "matrix_summary"),
        body=body,
        fields=replace(cards.PAGE_FIELDS, hide_toc=True),
    )


def role_matrix_page(view: View) -> StagedPage:
    """The page of roles × forms, beside the matrix of instruments × forms."""
    lang = view.lang
    doc = paths.role_matrix(lang)
    body = (
        cards.back(view, doc)
        + f"{t(lang, 'role_matrix_summary')}\n\n"
        + role_matrix_table(view, doc)
        + f"{view.page_link(doc, t(lang, 'matrix_title'), paths.matrix)} · "
        f"{view.overview_link(doc, 'role')} · {view.overview_link(doc, 'form')}\n\n"
    )
    return StagedPage(
        key="instrument:role-matrix",
        lang=lang,
        doc_path=doc,
        title=t(lang, "role_matrix_title"),
        description=t(lang, "role_matrix_summary"),
        body=body,
        fields=replace(cards.PAGE_FIELDS, hide_toc=True),
    )
