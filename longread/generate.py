"""The Longread pages as Markdown: the cover with every story, and one reading page per story.

English pages list every story: where a story has no English version, its Dutch page is linked
(marked as Dutch), so an English reader still sees the whole Longread. Previous/next links stay
within the reader's language.
"""

from __future__ import annotations

import html
from dataclasses import replace

from core import languages
from core.images import picture
from core.markdown_scan import headings
from core.pagefields import PageFields
from core.credits import credits_html
from core.staging import StagedPage, md_text
from core.urls import doc_link, lang_link, site_url_of
from longread.model import Cover, Story
from core.backlinks import item_link
from core.dates import day
from longread.texts import reading_time, t

COVER_DOC = "longread/index.md"
# Long stories get their own table of contents, in the text.
PAGE_FIELDS = PageFields(
    page_css=("assets/longread.css",), page_js=("assets/longread.js",), hide_toc=True
)
# A table of contents helps from this many sections of a story on.
TOC_MIN_HEADINGS = 3
HERO_SIZES = "(min-width: 60em) 45rem, 100vw"


def cover_text(site, cover_section, lang: str) -> Cover | None:
    """The editor's cover text in ``lang``, or ``None`` (then nothing is published in it)."""
    models = [c for c in site.models_of(cover_section.key, lang) if c.source.stem == "index"]
    return models[0] if models else None


def story_doc(slug: str) -> str:
    """Where a story is staged (the same in both languages)."""
    return f"longread/{slug}.md"


def ordered(stories) -> list[Story]:
    """Stories in the Longread's order."""
    return sorted(stories, key=lambda s: (s.order, s.slug))


def pages(site, section, cover: Cover, lang: str) -> list[StagedPage]:
    """Every Longread page in ``lang``: the cover and the stories written in that language."""
    own = ordered(site.models_of(section.key, lang))
    translated = {s.slug: s for s in own}
    every = [
        translated.get(s.slug, s) for s in ordered(site.models_of(section.key, languages.DEFAULT))
    ]
    result = [_cover_page(site, cover, every, lang)]
    for index, story in enumerate(own):
        previous = own[index - 1] if index > 0 else None
        following = own[index + 1] if index + 1 < len(own) else None
        result.append(_story_page(site, story, lang, previous, following))
    return result


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _facts(site, story: Story, lang: str) -> str:
    """'A professional's story · GP · 6 min read' as the cover and the story show it."""
    parts = [t(lang, f"kind_{story.kind}")]
    if story.role:
        parts.append(site.vocabularies["story-roles"].label(story.role, lang))
    parts.append(reading_time(story.minutes, lang))
    return " · ".join(parts)


# The start page shows this many of the newest stories.
LATEST = 3


def latest_stories(site, key: str, lang: str) -> str:
    """The newest stories as cards for the start page (``index.md``): those in ``lang``,
    and Dutch ones marked as such where a story is not translated."""
    translated = {s.slug: s for s in site.models_of(key, lang)}
    every = [translated.get(s.slug, s) for s in site.models_of(key, languages.DEFAULT)]
    newest = sorted(every, key=lambda s: (s.date, s.slug), reverse=True)[:LATEST]
    if not newest:
        return ""
    cards = []
    for story in newest:
        link = lang_link(
            lang,
            "index.md",
            md_text(story.title),
            story.lang,
            story_doc(story.slug),
            t(lang, "dutch_only"),
            text_lang=story.lang,
        )
        lead = _esc(story.lead)
        lead = f"<p>{lead}</p>" if story.lang == lang else f'<p lang="{story.lang}">{lead}</p>'
        cards.append(
            f'<li class="tile" markdown="block">\n\n### {link}\n\n'
            f'<p class="story-card__facts">{_esc(_facts(site, story, lang))}</p>\n\n'
            f"{_card_warning(story, lang)}{lead}\n\n</li>"
        )
    return (
        f'## {t(lang, "latest")}\n\n<ul class="tiles" markdown="1">\n'
        + "\n".join(cards)
        + "\n</ul>\n"
    )


def _cover_page(site, cover: Cover, stories: list[Story], lang: str) -> StagedPage:
    cards = []
    for story in stories:
        link = lang_link(
            lang,
            COVER_DOC,
            md_text(story.title),
            story.lang,
            story_doc(story.slug),
            t(lang, "dutch_only"),
            text_lang=story.lang,
        )
        if story.lang == lang:
            lead = f"<p>{_esc(story.lead)}</p>"
        else:  # an untranslated story on the English cover
            lead = f'<p lang="{story.lang}">{_esc(story.lead)}</p>'
        cards.append(
            f'<article class="story-card story-card--{story.kind}" markdown="block">\n\n'
            f"### {link}\n\n"
            f'<p class="story-card__facts">{_esc(_facts(site, story, lang))}</p>\n\n'
            f"{_card_warning(story, lang)}"
            f"{lead}\n\n</article>\n"
        )
    body = (
        f"{cover.body.strip()}\n\n{credits_html(cover.credits, lang)}"
        f'<h2 id="story-list-title">{t(lang, "stories")}</h2>\n\n'
        f'<div class="story-list" markdown="block">\n\n' + "\n".join(cards) + "\n</div>\n"
    )
    return StagedPage(
        key="story:cover",
        lang=lang,
        doc_path=COVER_DOC,
        title=cover.title,
        description=cover.summary,
        body=body,
        source=cover.source,
        nav_order=2,
        fields=PAGE_FIELDS,
    )


def _story_page(
    site, story: Story, lang: str, previous: Story | None, following: Story | None
) -> StagedPage:
    doc = story_doc(story.slug)
    # The warning comes first, before the lead and the hero: a reader decides before any of
    # the story (or its image) is in view.
    parts = [_warning(story, lang, doc)] if story.content_warning else []
    parts += [
        # Filled in by longread.js as the reader scrolls; hidden from assistive technology
        # (the scroll position already tells where one is) and never focusable.
        '<div class="reading-progress" aria-hidden="true" hidden>'
        '<div class="reading-progress__bar"></div></div>\n\n',
        f'<p class="story-facts">{_esc(_facts(site, story, lang))} · '
        f'<time datetime="{story.date.isoformat()}">{day(story.date, lang)}</time></p>\n\n',
        f'<p class="story-lead">{_esc(story.lead)}</p>\n\n',
        f'<figure class="story-hero">'
        f"{picture(site, story.hero, story.hero_alt, lang, doc, sizes=HERO_SIZES)}"
        f"<figcaption>{_esc(t(lang, 'credit', credit=story.hero_credit))}</figcaption>"
        f"</figure>\n\n",
    ]
    if story.kind == "victim":
        parts.append(f'<p class="story-composite">{_esc(t(lang, "composite"))}</p>\n\n')
    text = _toc(story, lang) + story.body.strip() + "\n\n"
    if story.content_warning:
        parts.append(
            f'<details class="story-gate" id="story-text" markdown="block">\n'
            f'<summary><span class="story-gate__open">{t(lang, "warning_open")}</span>'
            f'<span class="story-gate__close">{t(lang, "warning_close")}</span>'
            f"</summary>\n\n"
            f"{text}</details>\n\n"
        )
    else:
        parts.append(
            f'<div class="story-text" id="story-text" markdown="block">\n\n{text}</div>\n\n'
        )
    parts.append(_related(site, story, lang, doc))
    parts.append(_share(site, story, lang, doc))
    parts.append(_pager(lang, doc, previous, following))
    # The professional's role as a search tag: "huisarts" finds the GP's story first.
    tags = (site.vocabularies["story-roles"].label(story.role, lang),) if story.role else ()
    return StagedPage(
        key=f"story:{story.slug}",
        lang=lang,
        doc_path=doc,
        title=story.title,
        description=story.lead,
        body="".join(parts),
        source=story.source,
        fields=replace(PAGE_FIELDS, story_kind=story.kind),
        search_tags=tags,
    )


def _toc(story: Story, lang: str) -> str:
    """A table of contents of the story's sections, for long stories only."""
    sections = [h for h in headings(story.body) if h.level == 2]
    if len(sections) < TOC_MIN_HEADINGS:
        return ""
    items = "\n".join(f"1. [{h.text}](#{h.id})" for h in sections)
    return (
        f'<nav class="story-toc" aria-labelledby="story-toc-title" markdown="block">\n'
        f'<h2 id="story-toc-title">{t(lang, "toc")}</h2>\n\n{items}\n\n</nav>\n\n'
    )


def _card_warning(story: Story, lang: str) -> str:
    """On the story list: says that a story carries a content warning (empty if not)."""
    if not story.content_warning:
        return ""
    return f'<p class="story-card__warning">{_esc(t(lang, "card_warning"))}</p>\n\n'


def _warning(story: Story, lang: str, doc: str) -> str:
    assert story.content_warning is not None, "only a story with a warning has one"
    back = f"[{t(lang, 'warning_leave_link')}]({doc_link(doc, COVER_DOC)})"
    before, _, after = t(lang, "warning_leave", link="\0").partition("\0")
    return (
        f'<aside class="content-warning" aria-labelledby="story-warning-title" '
        f'markdown="block">\n'
        f'<h2 id="story-warning-title">{t(lang, "warning_title")}</h2>\n\n'
        f"{md_text(story.content_warning)}\n\n"
        f"{_esc(before)}{back}{_esc(after)}\n\n</aside>\n\n"
    )


def _related(site, story: Story, lang: str, doc: str) -> str:
    """Links to the partners and Kompas items the story names (checked references)."""
    groups = [
        ("related_partners", "partner", story.related_partners),
        ("related_kompas", "form", story.related_forms),
        ("related_kompas", "instrument", story.related_instruments),
    ]
    lists: dict[str, list[str]] = {}
    for heading, key, slugs in groups:
        for slug in slugs:
            item = site.item(key, slug)
            target_lang = lang if lang in item.versions else languages.DEFAULT
            title = site.content_type(key).item_title(item, target_lang)  # item_link escapes
            link = item_link(site, item, lang, doc, title, t(lang, "dutch_only"))
            lists.setdefault(heading, []).append(f"- {link}")
    if not lists:
        return ""
    parts = [
        f'<section class="story-related" aria-labelledby="story-related-title" '
        f'markdown="block">\n<h2 id="story-related-title">{t(lang, "related")}</h2>\n\n'
    ]
    for heading, links in lists.items():
        parts.append(f"<h3>{t(lang, heading)}</h3>\n\n" + "\n".join(links) + "\n\n")
    return "".join(parts) + "</section>\n\n"


def _share(site, story: Story, lang: str, doc: str) -> str:
    """Copy the link, nothing else: no third-party buttons, nothing that calls out."""
    url = _esc(site.site_url + site_url_of(lang, doc))
    return (
        f'<section class="story-share" aria-labelledby="story-share-title">\n'
        f'<h2 id="story-share-title">{t(lang, "share")}</h2>\n'
        f"<p>{_esc(t(lang, 'share_intro'))}</p>\n"
        f'<p class="story-share__field"><label for="story-share-url">'
        f"{t(lang, 'share_label')}</label>\n"
        f'<input id="story-share-url" class="story-share__url" type="text" readonly '
        f'value="{url}">\n'
        f'<button type="button" class="button story-share__copy" hidden '
        f'data-done="{_esc(t(lang, "share_done"))}" '
        f'data-failed="{_esc(t(lang, "share_failed"))}">{t(lang, "share_copy")}</button></p>\n'
        f'<p class="story-share__status" role="status"></p>\n'
        f"</section>\n\n"
    )


def _pager(lang: str, doc: str, previous: Story | None, following: Story | None) -> str:
    links = []
    if previous:
        links.append(
            f'<p class="story-pager__previous" markdown="span">'
            f'[<span class="story-pager__label">{t(lang, "previous")}</span> '
            f"{md_text(previous.title)}]({doc_link(doc, story_doc(previous.slug))})"
            f'{{rel="prev"}}</p>'
        )
    if following:
        links.append(
            f'<p class="story-pager__next" markdown="span">'
            f'[<span class="story-pager__label">{t(lang, "next")}</span> '
            f"{md_text(following.title)}]({doc_link(doc, story_doc(following.slug))})"
            f'{{rel="next"}}</p>'
        )
    back = f"[{t(lang, 'back')}]({doc_link(doc, COVER_DOC)})"
    return (
        f'<nav class="story-pager" aria-label="{t(lang, "pager")}" markdown="block">\n'
        + "\n".join(links)
        + f'\n<p class="story-pager__back" markdown="span">{back}</p>\n'
        f"</nav>\n"
    )
