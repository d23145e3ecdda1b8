"""The matrix of instruments × forms: a real table with headers, usable on a phone.

Raw HTML (generated, never from editors): the table sits in a focusable, labelled region that
scrolls sideways on a narrow screen, and kompas.css keeps the first column in view.
"""

from __future__ import annotations

from dataclasses import replace

from core.staging import StagedPage
from core.urls import relative_url
from kompas import cards, paths
from kompas.texts import t
from kompas.view import View, esc

CAPTION_ID = "kompas-matrix-caption"


def _href(view: View, doc: str, kind: str, model) -> str:
    return relative_url(view.lang, doc, model.lang, paths.item(model.lang, kind, model.slug))


def matrix_table(view: View, doc: str) -> str:
    """The table itself; each data cell carries ``data-instrument`` and ``data-form``."""
    lang, k = view.lang, view.kompas
    yes = (f'<span aria-hidden="true">✓</span><span class="visually-hidden">'
           f'{esc(t(lang, "yes"))}</span>')
    no = (f'<span aria-hidden="true">–</span><span class="visually-hidden">'
          f'{esc(t(lang, "no"))}</span>')
    head = "".join(f'<th scope="col"><a href="{_href(view, doc, "form", f)}">{esc(f.title)}</a>'
                   f"</th>" for f in k.forms)
    rows = []
    for i in k.instruments:
        cells = "".join(
            f'<td data-instrument="{i.slug}" data-form="{f.slug}" '
            f'data-applies="{"yes" if k.applies(i, f) else "no"}">'
            f'{yes if k.applies(i, f) else no}</td>' for f in k.forms)
        rows.append(f'<tr><th scope="row"><a href="{_href(view, doc, "instrument", i)}">'
                    f"{esc(i.title)}</a></th>{cells}</tr>")
    # On narrow screens only part of the table shows: say so where it is seen (the region's
    # label already says it to screen readers, so this line is hidden from them).
    return (f'<p class="kompas-matrix-hint" aria-hidden="true">{esc(t(lang, "matrix_hint"))}</p>\n'
            f'<div class="kompas-matrix" role="region" tabindex="0" '
            f'aria-label="{esc(t(lang, "matrix_scroll"))}">\n'
            f'<table>\n<caption id="{CAPTION_ID}">{esc(t(lang, "matrix_caption"))}</caption>\n'
            f'<thead><tr><th scope="col">{esc(t(lang, "matrix_corner"))}</th>{head}</tr></thead>\n'
            f'<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n\n")


def matrix_page(view: View) -> StagedPage:
    """The matrix page."""
    lang = view.lang
    doc = paths.matrix(lang)
    body = (cards.back(view, doc) + f"{t(lang, 'matrix_summary')}\n\n" + matrix_table(view, doc)
            + f"{view.overview_link(doc, 'instrument')} · {view.overview_link(doc, 'form')}\n\n")
    return StagedPage(key="instrument:matrix", lang=lang, doc_path=doc,
                      title=t(lang, "matrix_title"), description=t(lang, "matrix_summary"),
                      body=body, fields=replace(cards.PAGE_FIELDS, hide_toc=True))
