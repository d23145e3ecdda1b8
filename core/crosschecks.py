"""The checks of load that look across files (core/site.py ``load_site`` runs them once every
file is loaded): references resolved, addresses unique, generated pages not colliding with
content, and every body's links, anchors, HTML and placed quotes checked against the site.
Each problem is reported once, at the file to change; a file with problems of its own is not
blamed again by a rule about it (``Site.failed``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import embeds, languages, trust
from core.body_checks import check_html, check_links, check_placeholder
from core.errors import Problems
from core.i18n import _
from core.markdown_scan import heading_ids
from core.schema import Reference
from core.search.page import DOC_PATHS as SEARCH_DOCS
from core.source import SourceFile
from core.urls import site_url_of

if TYPE_CHECKING:
    from core.site import ParseMemo, Site


def check_references(site: Site, references: list[Reference], problems: Problems) -> None:
    keys = {t.key for t in site.types}
    for ref in references:
        if ref.section not in keys:
            problems.add(
                ref.path,
                ref.line,
                _(
                    "field '{field}': refers to the section "
                    "'{section}', which this site does not have",
                    field=ref.field,
                    section=ref.section,
                ),
            )
            continue
        hint = site.unknown_item_hint(ref.section, ref.slug)
        if hint is not None:
            folder = site.content_type(ref.section).folder
            problems.add(
                ref.path,
                ref.line,
                _(
                    "field '{field}': no {section} item named "
                    "'{name}' (expected a file {folder}/{name}.md)"
                    "{hint}",
                    field=ref.field,
                    section=ref.section,
                    name=ref.slug,
                    folder=folder,
                    hint=hint,
                ),
            )


def check_unique_urls(site: Site, problems: Problems) -> None:
    for lang in languages.LANGUAGES:
        seen: dict[str, SourceFile] = {}
        for item in site.all_items():
            doc = site.doc_path(item, lang)
            if doc is None:  # no version in this language
                continue
            source = item.versions[lang].source
            if doc in seen:
                first = seen[doc]
                # Blame the file whose 'slug' field moved it onto this address, at that line;
                # with no such field, the file's name is what to change (no line).
                blamed = first if _slug_line(first) and not _slug_line(source) else source
                problems.add(
                    blamed.rel,
                    _slug_line(blamed),
                    _(
                        "two pages would be published at the same address '/{url}': "
                        "{first} and {second}; change the file name or slug of one",
                        url=site_url_of(lang, doc),
                        first=first.rel,
                        second=source.rel,
                    ),
                )
            else:
                seen[doc] = source


def _slug_line(source: SourceFile) -> int | None:
    return source.line_of(("slug",)) if "slug" in source.front.data else None


def check_generated_addresses(site: Site, problems: Problems) -> None:
    """No content page takes the address of a page the build makes (a landing, the search).

    A landing staged from an item of its own (the Longread's cover) has that item's doc path:
    that is the landing itself. Another doc path with the same address (``pages/academy.md``
    and ``academy/index.md`` both become ``/academy/``) would silently replace one of them.
    """
    for lang in languages.LANGUAGES:
        # address -> (the doc path of the page there, if staged from one; what it is)
        made: dict[str, tuple[str | None, str]] = {
            site_url_of(lang, SEARCH_DOCS[lang]): (None, "the search page")
        }
        for section in site.sections:
            doc = section.landing_doc(lang)
            if doc is not None:
                name = (section.label or {}).get("en") or section.key
                made.setdefault(site_url_of(lang, doc), (doc, f"the landing page of {name}"))
        for item in site.all_items():
            doc = site.doc_path(item, lang)
            if doc is None:  # no version in this language
                continue
            url = site_url_of(lang, doc)
            if url in made and made[url][0] != doc:
                source = item.versions[lang].source
                problems.add(
                    source.rel,
                    _slug_line(source),
                    _(
                        "this page would be published at '/{url}', the address of "
                        "{made}, which the build makes: both cannot be there; rename the "
                        "file or set another 'slug'",
                        url=url,
                        made=made[url][1],
                    ),
                )


def check_bodies(
    site: Site,
    problems: Problems,
    memo: ParseMemo | None = None,
    known_files: list[str] | None = None,
) -> None:
    anchors: dict[str, set[str]] = {}

    def anchors_of(rel: str) -> set[str]:
        if rel in site.failed:  # reported already; check anchors only where the text is known
            body = site.failed[rel]
            return heading_ids(body) if body is not None else _AnyAnchor()
        if rel not in anchors:
            item = site.item_of_file(rel)
            assert item is not None, "links are checked for anchors only in files that exist"
            version = next((v for v in item.versions.values() if v.source.rel == rel), None)
            anchors[rel] = heading_ids(version.body) if version else set()
        return anchors[rel]

    sources = [version.source for item in site.all_items() for version in item.versions.values()]
    for source in sources + sorted(site.failed_sources, key=lambda s: s.rel):
        found = Problems()  # the scanner's friendly messages, first
        if memo is None:
            check_html(source, found)
        else:
            memo.check_html(source, found)
        check_placeholder(source, found)
        check_links(
            source,
            site.content_dir,
            lambda rel: _has_page(site, rel) or rel in site.failed,
            anchors_of,
            found,
            site.images.check,
            known_files or [],
        )
        problems.extend(found)
        # The guarantee: the body as the renderer renders it, as a browser parses it.
        trust.check_body(
            source.rel,
            source.body,
            source.body_line,
            problems,
            {p.line for p in found.items if p.path == source.rel and p.line is not None},
            config_file=site.config_file,
        )
        # Items placed by reference ('[[quote: slug]]') name a type and an item that exist.
        for path, line, message in embeds.check_embeds(
            site, source.rel, source.body, source.body_line
        ):
            problems.add(path, line, message)


def _has_page(site: Site, rel: str) -> bool:
    """Whether a content file is published as a page a link can go to (a quote is not)."""
    item = site.item_of_file(rel)
    return item is not None and site.doc_path(item, next(iter(item.versions))) is not None


class _AnyAnchor(set):
    """The anchors of a file that could not be read at all: every anchor is taken on trust."""

    def __contains__(self, anchor: object) -> bool:
        return True
