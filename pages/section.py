"""The plain-pages section: one page per file; the home page also shows every section's tile."""

from __future__ import annotations

from dataclasses import replace

from core.pagefields import PageFields
from core.section import Item, Section, Version
from core.staging import StagedPage, md_text
from pages.model import Page
from pages.schema import SCHEMA

_SECTIONS_HEADING = {"nl": "Naar de onderdelen", "en": "Go to a section"}


class PagesSection(Section):
    key = "pages"
    folder = "pages"
    schema = SCHEMA
    label = {"nl": "Informatie", "en": "Information"}

    def build_model(self, item: Item, version: Version, site) -> Page:
        values = version.values
        return Page(
            slug=item.slug,
            lang=version.lang,
            title=values["title"],
            summary=values["summary"],
            url_name=values.get("slug") or item.slug,
            nav_order=values["nav_order"],
            in_footer=values["in_footer"],
            body=version.body,
            source=version.source,
        )

    def doc_path(self, item: Item, lang: str) -> str:
        if item.slug == "index":
            return "index.md"
        version = item.versions[lang]
        return f"{version.values.get('slug') or item.slug}.md"

    def check(self, site):
        """Each language with pages needs its own home page."""
        home = site.item(self.key, "index")
        if home is None:
            yield f"{self.folder}/index.md", None, "the home page is missing: expected this file"
            return
        for item in site.all_items():
            for lang in item.versions:
                if lang not in home.versions:
                    yield (
                        f"{self.folder}/index.{lang}.md",
                        None,
                        f"the {lang} home page is missing: {item.versions[lang].source.rel} "
                        f"is translated, so the site needs this file too",
                    )
                    return

    def generate(self, site, lang: str):
        for page in site.models_of(self.key, lang):
            body = page.body
            fields = PageFields(toc_inline=_is_long(page))
            if page.is_home:
                # What the sections show of themselves (latest stories, the exhibition now),
                # then every section.
                teasers = [
                    t
                    for section in site.sections
                    if (t := section.home_teaser(site, lang)) and t.markdown
                ]
                body += "".join(f"\n\n{teaser.markdown}" for teaser in teasers)
                body += _section_tiles(site, lang)
                css = [c for teaser in teasers for c in teaser.css]
                js = [j for teaser in teasers for j in teaser.js]
                fields = replace(
                    fields, page_css=tuple(dict.fromkeys(css)), page_js=tuple(dict.fromkeys(js))
                )
            yield StagedPage(
                key=f"pages:{page.slug}",
                lang=lang,
                doc_path=self.doc_path(site.item(self.key, page.slug), lang),
                title=page.title,
                description=page.summary,
                body=body,
                source=page.source,
                nav_order=page.nav_order,
                footer=page.in_footer,
                fields=fields,
            )


# A plain page with this many sections gets a table of contents at its top (theme/main.html).
TOC_MIN_SECTIONS = 4


def _is_long(page) -> bool:
    """Whether a plain page is long enough to open with a table of contents."""
    return (
        not page.is_home
        and sum(line.startswith("## ") for line in page.body.splitlines()) >= TOC_MIN_SECTIONS
    )


def _section_tiles(site, lang: str) -> str:
    """The home page's entry to every section that has a landing page in this language."""
    # Ties broken by the section's key, not the title: the same order in both languages.
    landings = [
        (landing.nav_order, section.key, landing)
        for section in site.sections
        if (landing := section.landing(site, lang)) is not None
    ]
    if not landings:
        return ""
    tiles = "\n".join(
        f'<li class="tile" markdown="block">\n\n### [{md_text(l.title)}]({l.doc_path})\n\n{md_text(l.summary)}\n\n</li>'
        for _, _, l in sorted(landings, key=lambda entry: entry[:2])
    )
    return f'\n\n## {_SECTIONS_HEADING[lang]}\n\n<ul class="tiles" markdown="1">\n{tiles}\n</ul>\n'
