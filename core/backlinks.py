"""Links between items of different sections, and back-links: every item of another section that names an item in a ``Ref`` field.

A section shows them on its item pages without knowing which sections point at it; the
references are the ones recorded while validating (``Site.references_to``).
"""

from __future__ import annotations

from core import languages
from core.staging import md_text
from core.urls import lang_link


def item_link(site, item, lang: str, doc: str, title: str, untranslated: str) -> str:
    """A Markdown link from the page ``doc`` to ``item`` in ``lang``, or to its Dutch page
    (marked with ``hreflang`` and followed by ``untranslated``) when it is not translated."""
    target_lang = lang if lang in item.versions else languages.DEFAULT
    return lang_link(
        lang,
        doc,
        md_text(title),
        target_lang,
        site.doc_path(item, target_lang),
        untranslated,
        text_lang=target_lang,
    )


def back_links(
    site,
    section_key: str,
    slug: str,
    lang: str,
    doc: str,
    untranslated: str,
    shown: tuple[str, ...] = (),
) -> dict[str, list[str]]:
    """Markdown links on the page ``doc`` to the items that name ``slug``, grouped by the
    referring section's landing title (or type name; as Markdown text, escaped), groups and
    links in a stable order.

    Items of ``section_key`` itself are left out (a section shows its own relations its own
    way), and so are items of the sections in ``shown``: the page lists those already.
    An item without a version in ``lang`` links to its Dutch page followed by
    ``untranslated`` (e.g. "(in Dutch)").
    """
    groups: dict[str, list[str]] = {}
    for item in site.references_to(section_key, slug):
        if item.section == section_key or item.section in shown:
            continue
        kind = site.content_type(item.section)
        link = item_link(site, item, lang, doc, kind.item_title(item, lang), untranslated)
        # Grouped under the landing of the section the type is (a type another section
        # publishes, like a Kompas role, under its own type name).
        section = site.section_of(item.section)
        landing = section.landing(site, lang) if section is kind else None
        heading = md_text(landing.title if landing else kind.schema.type_name)  # Markdown
        groups.setdefault(heading, []).append(link)
    return dict(sorted(groups.items()))
