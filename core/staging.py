"""Stage generate: the pages of every section, written as Markdown into one docs dir per language.

Sections return :class:`StagedPage` objects; this module rewrites editors' links from content
paths to staged paths, turns their images into responsive ``<picture>`` HTML (core/images),
pairs the language versions of each page, and writes the files.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote

from core import embeds
from core.caches import REMEMBERED
from core.images import picture
from core.images.markup import eager_first, strip_markdown
from core.markdown_scan import find_links
from core.pagefields import PageFields
from core.schema import resolve_content_path
from core.section import Item
from core.finish.contentguard import SOURCE_KEY
from core.source import SourceFile, split_name
from core.urls import doc_link, relative_url


@dataclass
class StagedPage:
    """One page to render. ``key`` pairs the language versions of the same page."""

    key: str
    lang: str
    doc_path: str  # relative to the language's docs dir, e.g. "over-ons.md" or "kompas/index.md"
    title: str
    description: str
    body: str
    source: SourceFile | None = None  # the editor's file, whose relative links get rewritten
    nav_order: int | None = None  # in the main navigation, in this order
    footer: bool = False  # linked from the footer of every page
    fields: PageFields = field(default_factory=PageFields)  # what the theme reads besides the text
    searchable: bool = (
        True  # in the site search (core/search); False for pages like the search page
    )
    search_tags: tuple[str, ...] = ()  # words the search weighs above the body (tags, facets)
    # Set by core/search/jobs.py for the index only: the item's ``keywords``, and whether this
    # is the page of one item (ranked above overviews, core/search/index.py ITEM_BOOST).
    search_keywords: tuple[str, ...] = ()
    search_item: bool = False


# Python-Markdown's backslash escapes (markdown.Markdown.ESCAPED_CHARS, with '|' of tables);
# '&' and '<' become entities, and so does a leading ':' or '~' (a def_list line, a '~~~'
# fence), which have no backslash escape and matter only where a line starts.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
_LEADING = {":": "&#58;", "~": "&#126;"}


def md_text(value: str) -> str:
    """A plain-text field value for a Markdown context (a paragraph, a heading, a link's
    text): on one line, every character that Markdown, its extensions (attribute lists,
    footnotes, abbreviations, tables) or HTML would read as markup made inert. Field values are
    data: a summary that holds ``![x](https://...)`` or ``{: onclick=...}`` shows as written."""
    return _md_text(value if isinstance(value, str) else str(value))


# Remembered: the same titles and names are written into every listing, card and back-link
# that shows them (139,000 times at 5,000 items, a fifth of generating the pages).
@functools.lru_cache(maxsize=REMEMBERED)
def _md_text(value: str) -> str:
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(value.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;")  # '&' first: its own entities stay
    return _LEADING.get(text[:1], text[:1]) + text[1:]


def md_url(url: str, text: str | None = None) -> str:
    """A Markdown link to a checked external address (core/fieldtypes.py ``Url``), whose text
    is ``text`` or the address itself, escaped as data (:func:`md_text`).

    The address goes in angle brackets: an address may hold '(', ')', '!', '[' or '{', which in
    a bare ``(...)`` destination or a ``<...>`` autolink would end the link and let the rest
    become an image, a link or an attribute list (``https://x.org/a){:onclick=...}(``). Inside
    ``(<...>)`` only '>' ends it, and ``Url`` refuses '<', '>', spaces and newlines."""
    return f"[{md_text(url if text is None else text)}](<{url}>)"


def rewrite_links(page: StagedPage, site) -> tuple[str, set[str]]:
    """The page body with content-relative links turned into staged ones, and the files it uses.

    Links to a page go to that page in the same language where it exists, else to the version
    the editor named. Images become ``<picture>`` HTML whose variants the image pipeline
    publishes; other files are copied next to the staged pages.
    """
    if page.source is None:
        return page.body, set()
    return rewrite_body(site, page.body, page.source.rel, page.lang, page.doc_path)


def embedded_body(site, version, doc_path: str) -> str:
    """An editor's text shown on another generated page than its own (a page that gathers
    several items), with its links and images made to work from ``doc_path``. ``version`` is
    anything with ``body``, ``source`` and ``lang``: a ``Version`` or a section's model.

    The files it links to are staged by the item's own page, which always exists.
    """
    body, _ = rewrite_body(site, version.body, version.source.rel, version.lang, doc_path)
    return body


def rewrite_body(
    site, body: str, source_rel: str, lang: str, doc_path: str
) -> tuple[str, set[str]]:
    """``body``, written in the content file ``source_rel``, with its content-relative links
    made to work from the staged page ``doc_path`` in ``lang``; and the files it uses.
    Items placed with ``[[quote: slug]]`` lines are written out first (core/embeds.py)."""
    body = embeds.expand(site, body, lang)
    files: set[str] = set()
    for link in reversed(find_links(body)):
        target = link.target.strip()
        if ":" in target.split("/")[0] or target.startswith(("#", "/")):
            continue
        path, hash_, anchor = target.partition("#")
        # Images are published under new names, so their %-escapes are decoded as the check does.
        wanted = unquote(path) if link.is_image else path
        resolved, error = resolve_content_path(site.content_dir, source_rel, wanted)
        if error:  # validation has reported it; never reached on a valid site
            continue
        if link.is_image:
            alt = "" if link.attrs else strip_markdown(link.text)  # attrs: only .decorative
            html = picture(site, resolved, alt, lang, doc_path)
            body = body[: link.outer_start] + html + body[link.outer_end :]
            continue
        if resolved.endswith(".md"):
            item: Item = site.item_of_file(resolved)
            _, named_lang = split_name(PurePosixPath(resolved))
            target_lang = lang if lang in item.versions else named_lang
            doc = site.doc_path(item, target_lang)
            if target_lang == lang:
                new = doc_link(doc_path, doc)
            else:
                new = relative_url(lang, doc_path, target_lang, doc)
        else:
            files.add(resolved)
            new = doc_link(doc_path, resolved)
        body = body[: link.start] + new + hash_ + anchor + body[link.end :]
    return body, files


def staged_text(page: StagedPage, site) -> tuple[str, set[str]]:
    """The Markdown file of one page (front matter + body) and the content files it uses."""
    body, files = rewrite_links(page, site)
    body = eager_first(body)
    meta = {"title": page.title, "description": page.description, **page.fields.as_data()}
    if page.source is not None:  # named by the render's content check (core/finish/contentguard.py)
        meta[SOURCE_KEY] = page.source.rel
    # The front matter as JSON, which is YAML too (MkDocs reads it with PyYAML): every value
    # is quoted, so none can turn into another type, and writing it takes a thirtieth of the
    # time PyYAML's dumper takes (its representer is Python even with libyaml).
    front = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    return f"---\n{front}\n---\n\n{body.strip()}\n", files
