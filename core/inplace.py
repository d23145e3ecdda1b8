"""The stages of an update in place: after an edit of a few content files, change only the files
of the served tree the edit affects, exactly as a whole build (core/pipeline.py) would make them.

The build driver (core/build.py) loads, validates and generates the whole site again (the same
checks, the same messages) and stages it through its cache (core/stagecache.py); then

1. :func:`changed_docs` compares every page's staged text with the served tree's: the pages
   whose text changed are exactly the pages that depend on the edit;
2. :func:`render_changed` renders only those, as a dirty build in the render cache (strict,
   as the whole build);
3. :func:`check_links` checks the links of the changed pages (and of every page linking to an
   ``id`` a changed page no longer has), and only then
4. :func:`write_changes` writes the changed pages, cards, sitemap, section files and
   ``_headers`` into the served tree; :func:`write_index` brings the search index up to date
   afterwards (as the whole preview build does).

Whatever the update cannot do in place raises :class:`WholeBuild`: the driver builds the whole
site instead.
"""

from __future__ import annotations

import os
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote

from core import incremental, languages, pipeline
from core.context import BuildContext
from core.errors import BuildError
from core.files import tree_files
from core.finish.linkcheck import Parsed, check_pages, load_parse_cache, parse_page, parsed_page
from core.finish.security import check_no_inline_code, write_headers
from core.finish.sitemap import write_sitemap
from core.i18n import _
from core.images.cards import Card, publish_cards
from core.search.jobs import SearchIndexes
from core.shares import render_job
from core.site import Site
from core.stagecache import StageCache, StagedDocs
from core.staging import StagedPage

# The staged text of a page the render cache holds in a version the served tree does not (an
# update that failed its link check): equal to no page's text, so it is rendered again.
STALE = "\0stale"

Pages = dict[str, list[StagedPage]]


class WholeBuild(Exception):
    """The change is not one an update in place handles: build the whole site (the message
    says why, for ``serve``'s log)."""


@dataclass
class ServedTree:
    """What the last successful build put into the served folder, as an update in place
    compares and changes it."""

    staged: dict[str, StagedDocs]  # per language: the staged text of every page, its key
    images: frozenset[str]  # every image published (shown or linked)
    cards: dict[str, Card]  # by path
    sitemap: list[dict]
    extra_files: dict[str, bytes]  # the sections' own files (calendars, feeds), by path
    pages: dict[str, Parsed] = field(default_factory=dict)  # served page -> ids and links
    served: set[str] = field(default_factory=set)  # every file of the served tree

    @classmethod
    def after(cls, built: pipeline.Built, out: Path) -> ServedTree:
        """The tree a whole build published into ``out``; every served page parsed once (ids
        and links, mostly from the link check's cache) for the in-place link check."""
        linked = frozenset().union(*(s.linked_images for s in built.staged.values()))
        tree = cls(
            staged=built.staged,
            images=built.site.images.used | linked,
            cards={card.path: card for card in built.cards},
            sitemap=pipeline.sitemap_entries(built.pages, built.site.site_url),
            extra_files=extra_files(built.site),
        )
        parsed = load_parse_cache(incremental.cache_root(out) / "links.json")
        for rel in tree_files(out):
            tree.served.add(rel)
            if rel.endswith(".html"):
                tree.pages[rel] = parsed_page((out / rel).read_bytes(), parsed, name=rel)
        return tree

    def mark_stale(self, changes: dict[str, dict[str, str]]) -> None:
        """The render cache holds these pages in a version the served tree does not."""
        for lang, docs in changes.items():
            self.staged[lang].docs.update(dict.fromkeys(docs, STALE))


def changed_docs(
    tree: ServedTree, site: Site, pages: Pages, staged: dict[str, StagedDocs], cache: StageCache
) -> dict[str, dict[str, str]]:
    """Per language, the pages whose staged text differs from the served tree's."""
    changes: dict[str, dict[str, str]] = {}
    for lang in languages.LANGUAGES:
        new, old = staged[lang], tree.staged[lang]
        if set(new.docs) != set(old.docs):
            raise WholeBuild(_("pages were added or removed"))
        if new.used != old.used:
            raise WholeBuild(_("the files the pages link to changed"))
        if new.render_key != old.render_key:
            raise WholeBuild(_("the navigation or the theme's texts changed"))
        changes[lang] = {doc: text for doc, text in new.docs.items() if text != old.docs[doc]}
    # Shown images, and linked ones (a whole build publishes both).
    linked = frozenset().union(*(s.linked_images for s in tree.staged.values()))
    if site.images.used | cache.images(pages) | linked != tree.images:
        raise WholeBuild(_("the images the pages show changed"))
    return changes


def render_changed(
    context: BuildContext,
    site: Site,
    pages: Pages,
    changes: dict[str, dict[str, str]],
    out: Path,
    inputs: str,
    worker: Executor,
) -> dict[str, bytes]:
    """Render the changed pages in the render cache; returns served path -> new bytes."""
    renderer = context.render_with()
    renders = []
    for lang, docs in changes.items():
        if not docs:
            continue
        cache = incremental.RenderCache(
            incremental.cache_root(out) / "render" / lang,
            pipeline.render_key(context, site, pages, lang, inputs),
        )
        if not cache.warm:
            raise WholeBuild(_("the render cache is empty"))
        # What a dirty build can write: the changed pages, and the theme's pages at the root
        # (404.html); static files are rewritten only when newer, and a theme or linked-file
        # change never takes this path. Looking only there saves listing a tree of thousands
        # of files twice.
        candidates = [renderer.page_file(doc, context) for doc in docs]
        before = _mtimes(cache.site, candidates)
        for doc, text in docs.items():
            (cache.docs / doc).write_text(text, encoding="utf-8")
        job = replace(
            pipeline.render_job(context, site, pages, lang, cache, inputs), dirty=True, scan=False
        )
        renders.append((lang, cache, candidates, before, job))
    # An edit often changes pages of both languages (an English listing shows a Dutch story's
    # title): the second language renders in the driver's worker meanwhile.
    others = [worker.submit(render_job, job) for *_rest, job in renders[1:]]
    try:
        for *_rest, job in renders[:1]:
            render_job(job)
    finally:
        for future in others:
            future.result()
    written: dict[str, bytes] = {}
    for lang, cache, candidates, before, _job in renders:
        cache.done()
        after = _mtimes(cache.site, candidates)
        prefix = languages.prefix(lang)
        for rel, stamp in after.items():
            # MkDocs' own sitemaps never reach the served tree: the finish stage's does.
            if before.get(rel) != stamp and not rel.rpartition("/")[2].startswith("sitemap.xml"):
                written[prefix + rel] = (cache.site / rel).read_bytes()
    return written


def check_links(tree: ServedTree, written: dict[str, bytes], site_url: str) -> dict[str, Parsed]:
    """The link check of the whole build, limited to what the changed pages affect; returns
    the served pages' ids and links with the written ones."""
    pages = dict(tree.pages)
    html = set()
    for rel, data in written.items():
        if rel not in tree.served:
            raise WholeBuild(_("the render wrote a new file {file}", file=rel))
        if rel.endswith(".html"):
            pages[rel] = parse_page(data, rel)
            html.add(rel)
    # The links of the changed pages, and every link to an id a changed page no longer has
    # (the set of files is the same, so no other link can break).
    lost = set().union(*(tree.pages[rel].ids - pages[rel].ids for rel in html))
    check = set(html)
    if lost:
        check |= {
            rel
            for rel, found in pages.items()
            if any(
                "#" in url and unquote(url.partition("#")[2]) in lost for _tag, url in found.links
            )
        }
    broken = check_pages(pages, tree.served, site_url, check)
    if broken:
        raise BuildError(
            _("broken links in the built site:") + "\n" + "\n".join(f"  {b}" for b in broken)
        )
    return pages


def write_changes(
    tree: ServedTree,
    context: BuildContext,
    site: Site,
    pages: Pages,
    cards: list[Card],
    written: dict[str, bytes],
    parsed: dict[str, Parsed],
    out: Path,
) -> None:
    """Put the new files into the served tree and remember them."""
    # What the render wrote, before anything is served: the whole build's check that no page
    # holds code the policy would have to allow (the server adds its script later).
    check_no_inline_code({rel: data for rel, data in written.items() if rel.endswith(".html")})
    for rel, data in sorted(written.items()):
        (out / rel).write_bytes(data)
        if rel.endswith(".html"):
            tree.pages[rel] = parsed[rel]
    new_cards = {card.path: card for card in cards}
    icon = pipeline.icon_source(context)
    for path, card in sorted(new_cards.items()):
        if tree.cards.get(path) != card:
            publish_cards([card], icon, out)  # one at a time: no worker processes
    tree.cards = new_cards
    sitemap = pipeline.sitemap_entries(pages, site.site_url)
    if sitemap != tree.sitemap:
        write_sitemap(out, sitemap)
        tree.sitemap = sitemap
    extra = extra_files(site)
    for rel in sorted(set(tree.extra_files) - set(extra)):
        (out / rel).unlink(missing_ok=True)
        tree.served.discard(rel)
    for rel, data in sorted(extra.items()):
        if tree.extra_files.get(rel) != data:
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_bytes(data)
            tree.served.add(rel)
    tree.extra_files = extra
    write_headers(out)


def write_index(site: Site, pages: Pages, out: Path) -> None:
    """The search index of each language, from the render cache, into the served tree.

    The last index stays in place until the new one is written (as in the whole preview)."""
    rendered = {
        lang: incremental.cache_root(out) / "render" / lang / "site"
        for lang in languages.LANGUAGES
        if pages[lang]
    }
    indexes = SearchIndexes(
        site, pages, rendered, out, out, defer=True, parallel_from=pipeline.PARALLEL_MIN_PAGES
    )
    try:
        indexes.wait()
    finally:
        indexes.close()
    indexes.after_publish(out)


def extra_files(site: Site) -> dict[str, bytes]:
    """The files the sections publish beside the pages (calendars, feeds), by path."""
    return {rel: data for section in site.sections for rel, data in section.extra_files(site)}


def _mtimes(root: Path, pages: list[str]) -> dict[str, int]:
    """Modification times of ``pages`` and of the files at ``root``'s top (absent: none)."""
    stamps = {entry.name: entry.stat().st_mtime_ns for entry in os.scandir(root) if entry.is_file()}
    for rel in pages:
        try:
            stamps[rel] = os.stat(root / rel).st_mtime_ns
        except FileNotFoundError:
            pass
    return stamps
