"""The self-assessment checklist of one level: every theme's points, to tick off in the browser.

Without JavaScript it is a plain list that prints with empty boxes. ``kompas.js`` turns each
point into a checkbox whose state stays in ``sessionStorage`` for the tab (never sent), moved to
``localStorage`` only when the visitor chooses to keep it on the device, and adds a count, that
choice, a print button and a reset button that clears both. The privacy page names the keys. Point ids are
``THEME-LEVEL-N``, the same in both languages.
"""

from __future__ import annotations

from core.staging import StagedPage, md_text
from kompas import cards, paths
from kompas.texts import t
from kompas.view import View, esc

STORAGE_PREFIX = "kompas-checklist-v1:"  # + level; read by kompas.js through data-checklist


def point_ids(theme, level: str) -> list[str]:
    """The ids of a theme's points at ``level``, as the page and the script use them."""
    return [f"{theme.slug}-{level}-{n}" for n in range(1, len(theme.points(level)) + 1)]


def _advice(view: View, doc: str, level: str) -> str:
    """Advice per point not yet ticked: the point, then its theme and the instruments that help.

    Hidden without the script (a list of every point again would say nothing); kompas.js shows
    the section and, of its items, those whose point is not ticked.
    """
    lang, k = view.lang, view.kompas
    items = []
    for theme in k.themes:
        helps = [view.item_link(doc, "theme", theme)] + [
            view.item_link(doc, "instrument", k.instrument(slug)) for slug in theme.helps
        ]
        for point_id, point in zip(point_ids(theme, level), theme.points(level)):
            items.append(
                f'<li data-advice-for="{point_id}" markdown="span">{md_text(point)} '
                f'<span class="kompas-advice__helps">{esc(t(lang, "advice_helps"))}: '
                f"{', '.join(helps)}</span></li>\n"
            )
    heading_id = f"kompas-advice-{level}"
    return (
        f'<section class="kompas-advice" data-checklist-advice aria-labelledby="{heading_id}" '
        f'hidden markdown="block">\n<h2 id="{heading_id}">{esc(t(lang, "advice_title"))}</h2>\n'
        f"<p>{esc(t(lang, 'advice_intro'))}</p>\n"
        f"<p data-advice-done hidden>{esc(t(lang, 'advice_done'))}</p>\n"
        f'<ul class="kompas-advice__points" markdown="block">\n'
        + "".join(items)
        + "</ul>\n</section>\n"
    )


def checklist_page(view: View, level: str) -> StagedPage:
    """The checklist page of ``level`` (basic or advanced)."""
    lang = view.lang
    doc = paths.checklist(lang, level)
    name = t(lang, level)
    other = "advanced" if level == "basic" else "basic"
    other_link = view.page_link(
        doc, t(lang, "checklist_title", level=t(lang, other)), lambda l: paths.checklist(l, other)
    )
    parts = [
        cards.back(view, doc),
        f"{t(lang, 'checklist_intro')}\n\n",
        f'<div class="kompas-checklist" data-checklist="{STORAGE_PREFIX}{level}" markdown="block">\n\n',
        '<p class="kompas-checklist__status" data-checklist-status role="status" '
        'aria-live="polite"></p>\n',
    ]
    for theme in view.kompas.themes:
        theme_link = view.item_link(doc, "theme", theme)
        parts.append(
            f'\n<section markdown="block">\n\n## {md_text(theme.title)} {{#{theme.slug}}}\n\n'
            f'<p class="kompas-noprint" markdown="span">{theme_link}</p>\n\n'
            f'<ul class="kompas-checklist__points">\n'
        )
        for point_id, point in zip(point_ids(theme, level), theme.points(level)):
            parts.append(f'<li data-check="{point_id}">{esc(point)}</li>\n')
        parts.append("</ul>\n\n</section>\n")
    parts.append('<p class="kompas-checklist__tools" data-checklist-tools hidden></p>\n')
    parts.append(_advice(view, doc, level))
    parts.append("</div>\n\n")
    parts.append(f"{t(lang, 'checklist_other')}: {other_link}\n\n")
    parts.append(cards.print_tools(view, doc))
    return StagedPage(
        key=f"instrument:checklist:{level}",
        lang=lang,
        doc_path=doc,
        title=t(lang, "checklist_title", level=name),
        description=t(lang, "checklist_summary", level=name),
        body="".join(parts),
        fields=cards.PAGE_FIELDS,
    )
