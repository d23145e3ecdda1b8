"""Stage generate: every section's pages in both languages, the search page, the language
versions paired (alternates and the language switch), breadcrumbs, and a share card per page.

Between load (core/site.py) and stage (core/stagecache.py); the whole build and the update in
place run it alike (core/build.py).
"""

from __future__ import annotations

from dataclasses import replace

from core import languages, search
from core.breadcrumbs import link_breadcrumbs
from core.errors import BuildError
from core.images.cards import Card, alt_text
from core.images.icons import icon_links
from core.images.markup import root_base
from core.pagefields import Alternate, IconLink, LanguageSwitch
from core.site import Site
from core.staging import StagedPage
from core.urls import relative_url, site_url_of, url_of


def generate(site: Site, config: dict) -> tuple[dict[str, list[StagedPage]], list[Card]]:
    """Stage generate: every section's pages in both languages (plus the search page), the
    language versions paired, and a share card per page. Sets ``site.site_url``.

    Shared by the whole build (core/pipeline.py) and the update in place (core/build.py).
    """
    site_url = config.get("site_url", "").rstrip("/") + "/"
    site.site_url = site_url
    pages = {lang: section_pages(site, lang) for lang in languages.LANGUAGES}
    for lang in languages.LANGUAGES:
        if not any(p.doc_path == "index.md" for p in pages[lang]):
            pages[lang] = []  # a language without its home page is not published yet
        if pages[lang]:
            pages[lang].append(_generate_search_page(site, pages[lang], lang))
    link_language_versions(pages, site_url)
    for lang in languages.LANGUAGES:
        link_breadcrumbs(pages[lang])
    cards = _generate_share_cards(site, pages, config, site_url)
    return pages, cards


def section_pages(site: Site, lang: str) -> list[StagedPage]:
    pages = [page for section in site.sections for page in section.generate(site, lang)]
    seen: dict[str, str] = {}
    for page in pages:
        if page.doc_path in seen:
            raise BuildError(
                f"two generated pages share the path {lang}/{page.doc_path}: "
                f"{seen[page.doc_path]} and {page.key}"
            )
        seen[page.doc_path] = page.key
    return pages


def _generate_search_page(site: Site, pages: list[StagedPage], lang: str) -> StagedPage:
    """The search page, with a filter entry per section that has searchable pages."""
    keys = {p.key.split(":", 1)[0] for p in pages if p.searchable}
    sections, labels_seen = [], set()
    for kind in site.types:  # one filter entry per label, under its first content type's key
        label = search.section_label(kind, lang)
        if label not in labels_seen and any(
            search.section_label(t, lang) == label for t in site.types if t.key in keys
        ):
            labels_seen.add(label)
            sections.append((kind.key, label))
    landings = sorted(
        (l for s in site.sections if (l := s.landing(site, lang)) is not None),
        key=lambda l: (l.nav_order, l.title),
    )
    staged = {p.doc_path for p in pages}  # link only to pages this language has
    # The "no results" text points at the help block only where a section makes one.
    has_help = any(s.theme_extra(site, lang).get("help") for s in site.sections)
    return search.search_page(
        lang,
        sections,
        [(l.title, l.doc_path) for l in landings if l.doc_path in staged],
        "index.md" in staged,
        has_help=has_help,
    )


# The id of the home page's "that page is not translated" notice (theme/main.html).
UNTRANSLATED_ANCHOR = "not-translated"


def link_language_versions(pages: dict[str, list[StagedPage]], site_url: str) -> None:
    """Give every page its hreflang alternates and its language-switch link."""
    by_key = {lang: {p.key: p for p in pages[lang]} for lang in languages.LANGUAGES}
    homes = {
        lang: next((p for p in pages[lang] if p.doc_path == "index.md"), None)
        for lang in languages.LANGUAGES
    }
    for lang in languages.LANGUAGES:
        other = languages.other(lang)
        for page in pages[lang]:
            versions = {
                l: by_key[l][page.key] for l in languages.LANGUAGES if page.key in by_key[l]
            }
            counterpart = versions.get(other)
            target = counterpart or homes[other]
            # An untranslated page's switch leads to the other home, whose notice (shown only
            # as the link's target) says in that language that the page is not translated:
            # a page never opens with a sentence in the other language.
            href = relative_url(lang, page.doc_path, other, target.doc_path) if target else None
            if href and counterpart is None:
                href += "#" + UNTRANSLATED_ANCHOR
            page.fields = replace(
                page.fields,
                alternates=tuple(
                    Alternate(lang=l, href=site_url + site_url_of(l, v.doc_path))
                    for l, v in versions.items()
                ),
                og_locale=languages.OG_LOCALES[lang],
                og_locale_alternate=tuple(languages.OG_LOCALES[l] for l in versions if l != lang),
                switch=LanguageSwitch(
                    lang=other,
                    label=languages.NAMES[other],
                    translated=counterpart is not None,
                    href=href,
                ),
            )


def _generate_share_cards(
    site: Site, pages: dict[str, list[StagedPage]], config: dict, site_url: str
) -> list[Card]:
    """A share card for every page, and the page fields that point at it and at the icons."""
    cards = []
    for lang in languages.LANGUAGES:
        for page in pages[lang]:
            section = next((s for s in site.sections if s.key == page.key.split(":")[0]), None)
            landing = section.landing(site, lang) if section else None
            name = url_of(page.doc_path).strip("/").replace("/", "--") or "index"
            site_name = ((config.get("extra") or {}).get("site") or {}).get(lang, {}).get("name")
            card = Card(
                f"cards/{lang}/{name}.png",
                page.title,
                landing.title if landing else "",
                site_name or config.get("site_name", ""),
            )
            cards.append(card)
            if config.get("site_url"):  # og:image must be an absolute URL
                page.fields = replace(
                    page.fields, og_image=site_url + card.path, og_image_alt=alt_text(card)
                )
            page.fields = replace(
                page.fields,
                icons=tuple(
                    IconLink(**link)
                    for link in icon_links(root_base(site_url_of(lang, page.doc_path)))
                ),
            )
    return cards
