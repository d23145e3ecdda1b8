"""The build, stage by stage: gather and check everything first, then write.

load + validate + model  ->  generate  ->  render (per language)  ->  finish  ->  publish
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from core.i18n import _
from core import incremental, languages, progress, search, shares
from core import workers
from core.errors import BuildError, Problems
from core.images.cards import Card, draw_cards, publish_cards
from core.images.icons import publish_icons
from core.outdir import check_out
from core.publish import publish, work_dir
from core.context import BuildContext
from core.port import NavEntry, RenderJob
from core.search.jobs import SearchIndexes
from core.section import Section
from core.site import ParseMemo, Site, load_site
from core.finish import pagescan
from core.finish.linkcheck import SiteLinks
from core.finish.robots import write_robots
from core.finish.security import apply_security
from core.finish.sitemap import write_sitemap
from core.generate import generate
from core.stagecache import StageCache, StagedDocs
from core.staging import StagedPage
from core.urls import relative_url, site_url_of, url_of


def check(
    content_dir: Path, sections: list[Section], today: date, config_file: Path | None = None
) -> tuple[Site, Problems]:
    """Load, validate and model the content without writing anything."""
    steps = progress.Steps()
    steps.start(_("load and check the content"))
    try:
        return load_site(content_dir, sections, today, config_file=config_file)
    finally:
        steps.done()


# Render on several cores only when there is that much to render: starting a worker costs
# about a second, more than a preview's few changed pages take.
PARALLEL_MIN_PAGES = 100


@dataclass
class Built:
    """What a whole build made, for the build driver to keep (core/build.py)."""

    site: Site
    pages: dict[str, list[StagedPage]]
    cards: list[Card]
    staged: dict[str, StagedDocs]  # per language (empty for one without pages)
    inputs: str  # the code and the theme (core/incremental.py code_and_theme)


def build(
    context: BuildContext,
    content_dir: Path,
    out: Path,
    sections: list[Section],
    memo: ParseMemo | None = None,
    stage_cache: StageCache | None = None,
) -> Built | None:
    """Build the whole site into ``out``; on any error ``out`` is left as it was. Run by the
    build driver (core/build.py), which gives it its parsed files (``memo``) and staged texts
    (``stage_cache``) to fill and keep.

    Raises :class:`~core.errors.UsageError` before writing anything when ``out`` is not a
    folder a build may replace (core/outdir.py). A preview build (``context.preview``, for
    ``serve``) leaves the Content-Security-Policy out of the pages, because the live-reload
    script the preview server injects is inline. Returns ``None`` when no input changed since
    the build that made ``out`` (core/incremental.py): nothing to do.
    """
    # Refuse an --out the build may not replace before anything is written or deleted.
    check_out(out, content_dir, context.config_file.parent)
    stamp = build_stamp(context, content_dir, sections)
    if incremental.unchanged(out, stamp):
        return None
    incremental.forget_stamp(out)
    steps = progress.Steps()
    steps.start(_("load and check the content"))
    workers.start_server()  # the render and encoding workers' server imports meanwhile
    # Load, validate and model all content; stop with every problem before writing anything.
    site, problems = load_site(
        content_dir, sections, context.today, memo, config_file=context.config_file
    )
    problems.raise_if_any()
    config = context.config
    steps.start(_("generate the pages"))
    pages, cards = generate(site, config)
    icon = icon_source(context)
    # Share cards (only those the image cache lacks) are drawing MkDocs never does: one worker
    # draws them while this process stages the Markdown and a core would be idle; they wait
    # while the render takes every core, and take every core after it.
    drawing = draw_cards(cards, icon, width=1)
    keep = stage_cache is not None
    inputs = incremental.code_and_theme(context.theme_dir, site.sections)
    try:
        with work_dir(out) as scratch:
            # Stage the Markdown, then render each language with MkDocs, only what changed
            # since the last build (the render cache), on every core when there is much.
            site_dir = scratch / "site"
            steps.start(_("render"))
            todo, staged = _to_render(context, site, pages, scratch, out, inputs, stage_cache)
            drawing.widen(0)
            rendered, scans = _render(todo, scratch)
            if not keep:
                # The Markdown is rendered: what follows reads the pages' data, not their
                # text (listing pages hold every item's card), so the link check reuses that
                # memory.
                pages = {
                    lang: [replace(p, body="", source=None) for p in pages[lang]] for lang in pages
                }
            # Finish: image variants (only what the cache lacks, on every core), the rest of
            # the share cards, then icons, search indexes, extra files, sitemap, link check,
            # security policy.
            steps.start(_("images, search, checks"))
            site.images.publish(site_dir)
            publish_cards(cards, icon, site_dir, drawing)
            indexes = _finish(context, site, pages, rendered, scans, site_dir, icon, out)
            # Publish: swap the finished tree into place.
            steps.start(_("publish"))
            publish(site_dir, out)
    finally:
        drawing.close()
        steps.done()
    # The preview shows the edited page first and then brings its search index up to date.
    indexes.after_publish(out)
    incremental.save_stamp(out, stamp)
    return Built(site, pages, cards, staged, inputs)


def stage(
    context: BuildContext,
    site: Site,
    pages: dict[str, list[StagedPage]],
    cache: StageCache,
    inputs: str,
) -> dict[str, StagedDocs]:
    """Stage generate's pages: every language's Markdown in memory, with its render key."""
    return {
        lang: stage_language(context, site, pages, lang, cache, inputs)
        for lang in languages.LANGUAGES
    }


def stage_language(
    context: BuildContext,
    site: Site,
    pages: dict[str, list[StagedPage]],
    lang: str,
    cache: StageCache,
    inputs: str,
) -> StagedDocs:
    """One language's staged Markdown, with its render key (none for a language without
    pages)."""
    staged = cache.stage(site, pages[lang])
    if pages[lang]:
        staged.render_key = render_key(context, site, pages, lang, inputs)
    return staged


def _finish(
    context: BuildContext,
    site: Site,
    pages: dict[str, list[StagedPage]],
    rendered: dict[str, Path],
    scans: dict[str, list[Path]],
    site_dir: Path,
    icon: Path,
    out: Path,
) -> SearchIndexes:
    """Stage finish, after the pages, images and cards are in ``site_dir``: icons, the search
    indexes (in other processes meanwhile), the sections' extra files, sitemap, robots.txt,
    theme files no page uses removed, the link check, the security policy. ``scans`` is what
    the render read of the pages it wrote (core/finish/pagescan.py), so neither the link
    check nor the indexes read those again. Returns the indexes (the preview's follow after
    publishing)."""
    site_url, preview, renderer = context.site_url, context.preview, context.render_with()
    publish_icons(icon, site_dir)
    indexes = SearchIndexes(
        site,
        pages,
        rendered,
        site_dir,
        out,
        defer=preview,
        scans=scans,
        parallel_from=PARALLEL_MIN_PAGES,
    )
    try:
        _write_extra_files(site, site_dir)
        write_sitemap(site_dir, sitemap_entries(pages, site_url))
        write_robots(site_dir, site_url)
        links = SiteLinks(
            site_dir,
            site_url,
            incremental.cache_root(out) / "links.json",
            pagescan.link_entries(f for files in scans.values() for f in files),
        )
        links.forget(renderer.prune_assets(site_dir, links.referenced(renderer.asset_mentions)))
        broken = links.problems()
        if broken:
            raise BuildError(
                _("broken links in the built site:") + "\n" + "\n".join(f"  {b}" for b in broken)
            )
        apply_security(site_dir, with_meta=not preview)
        indexes.wait()
    finally:
        indexes.close()
    return indexes


def sitemap_entries(pages: dict[str, list[StagedPage]], site_url: str) -> list[dict]:
    """The sitemap's entries: every page of every language with its alternates."""
    return [
        {
            "loc": site_url + site_url_of(p.lang, p.doc_path),
            "alternates": [{"lang": a.lang, "href": a.href} for a in p.fields.alternates],
        }
        for lang in languages.LANGUAGES
        for p in pages[lang]
    ]


def build_stamp(context: BuildContext, content_dir: Path, sections: list[Section]) -> str:
    """The hash of every input of a build (core/incremental.py)."""
    return incremental.input_stamp(
        content_dir,
        context.config_file,
        context.theme_dir,
        sections,
        {
            "today": context.today.isoformat(),
            "preview": context.preview,
            "renderer": context.renderer_name,
        },
    )


def render_job(
    context: BuildContext,
    site: Site,
    pages: dict[str, list[StagedPage]],
    lang: str,
    cache: incremental.RenderCache,
    inputs: str,
) -> RenderJob:
    """The job that renders ``lang``'s pages from ``cache`` (whose key it must match:
    :func:`render_key`)."""
    return RenderJob(
        context=context,
        lang=lang,
        docs_dir=cache.docs,
        site_dir=cache.site,
        nav=render_nav(pages[lang]),
        extra=_render_extra(context.config, site, pages, lang),
        dirty=cache.warm,
    )


def render_key(
    context: BuildContext, site: Site, pages: dict[str, list[StagedPage]], lang: str, inputs: str
) -> str:
    """The render cache key of ``lang`` (core/incremental.py): everything besides a page's
    own Markdown that its HTML depends on."""
    renderer = context.renderer_name  # another renderer, other bytes
    return incremental.render_key(
        context.config,
        render_nav(pages[lang]),
        _render_extra(context.config, site, pages, lang),
        lang,
        f"{renderer}:{inputs}",
        context.today,
    )


def _to_render(
    context: BuildContext,
    site: Site,
    pages: dict[str, list[StagedPage]],
    scratch: Path,
    out: Path,
    inputs: str,
    stage_cache: StageCache | None,
) -> tuple[list[shares.LanguageRender], dict[str, StagedDocs]]:
    """Stage every language's Markdown and write it into its render cache
    (core/incremental.py).

    Returns, per language with pages, its render job, its cache and the docs that changed;
    and every language's staged docs when the driver keeps them (``stage_cache``). Without it
    (a publish build) each language's text is dropped once written: the main process then
    holds one language's Markdown at a time, not the site's (38 MB at 1,000 items, through
    the whole render)."""
    todo, kept = [], {}
    for lang in languages.LANGUAGES:
        staged = stage_language(context, site, pages, lang, stage_cache or StageCache(), inputs)
        kept[lang] = staged if stage_cache is not None else StagedDocs()
        if not pages[lang]:
            continue  # nothing translated yet: no English site at all
        docs_dir = scratch / "docs" / lang
        staged.write(site, docs_dir)
        cache = incremental.RenderCache(
            incremental.cache_root(out) / "render" / lang, staged.render_key
        )
        changed = cache.sync(docs_dir)
        todo.append(
            shares.LanguageRender(
                render_job(context, site, pages, lang, cache, inputs), cache, changed
            )
        )
        del staged  # (a publish build) this language's text, before the next is staged
    return todo, kept


def _render(
    todo: list[shares.LanguageRender], scratch: Path
) -> tuple[dict[str, Path], dict[str, list[Path]]]:
    """Render what :func:`_stage` staged into ``scratch/site`` (Dutch owns the root).

    Returns each language's rendered tree in the render cache, and the files holding what
    the finish stage reads of each page the render wrote (core/finish/pagescan.py)."""
    workers = shares.workers()
    scans: dict[str, list[Path]] = {language.job.lang: [] for language in todo}
    try:
        if workers > 1 and sum(len(language.changed) for language in todo) >= PARALLEL_MIN_PAGES:
            units = shares.render_shares(todo, workers, scratch / "scans")
        else:
            units = shares.render_units(
                [language.job for language in todo], scratch / "scans" / "all"
            )
        for lang, file in units:
            scans[lang].append(file)
    except BaseException:
        for language in todo:
            language.cache.clear()  # half-rendered: the next build starts afresh
        raise
    for language in todo:
        language.cache.done()
        shutil.copytree(
            language.cache.site,
            scratch / "site" / languages.prefix(language.job.lang),
            dirs_exist_ok=True,
        )
    return {language.job.lang: language.cache.site for language in todo}, scans


def icon_source(context: BuildContext) -> Path:
    """The square image every icon is made from: ``icon.png`` in the theme's assets."""
    return context.theme_dir / "assets" / "icon.png"


def _write_extra_files(site: Site, site_dir: Path) -> None:
    for section in site.sections:
        for rel, data in section.extra_files(site):
            target = site_dir / rel
            if target.exists():
                raise BuildError(f"section {section.key} would overwrite {rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def render_nav(pages: list[StagedPage]) -> tuple[NavEntry, ...]:
    """The explicit navigation: section landings and plain pages that ask for a place in it."""
    # Ties broken by the page's key, not its title: the same order in both languages.
    listed = sorted(
        (p for p in pages if p.nav_order is not None), key=lambda p: (p.nav_order, p.key)
    )
    return tuple(NavEntry(title=p.title, doc_path=p.doc_path) for p in listed)


def _render_extra(config: dict, site: Site, pages: dict[str, list[StagedPage]], lang: str) -> dict:
    """``extra`` for one language: texts in that language and links the theme shows everywhere."""
    extra = dict(config.get("extra") or {})
    # What the sections show on every page (the help block from content/help/) comes from
    # their content, never from this file.
    extra.pop("help", None)
    for section in site.sections:
        extra.update(section.theme_extra(site, lang))
    quick_exit = dict(extra.get("quick_exit") or {})
    safety = quick_exit.pop("safety_page", None)
    if safety:
        item = site.item_of_file(safety)
        if item is None:
            raise BuildError(
                _(
                    "mkdocs.yml: extra.quick_exit.safety_page: no content file {path}",
                    path=repr(safety),
                )
            )
        target_lang = lang if lang in item.versions else languages.DEFAULT
        doc = site.doc_path(item, target_lang)
        assert doc is not None, "target_lang is a language of the item's versions"
        quick_exit["safety_url"] = (
            url_of(doc) if target_lang == lang else relative_url(lang, "index.md", target_lang, doc)
        )
    extra["quick_exit"] = quick_exit
    extra["footer_links"] = [
        {"title": p.title, "url": url_of(p.doc_path)}
        for p in sorted(pages[lang], key=lambda p: p.key)
        if p.footer
    ]
    extra["site"] = (extra.get("site") or {}).get(lang) or {}
    # A task whose page this content does not have (a site without a Kompas) is left out.
    published = {url_of(p.doc_path) for p in pages[lang]}
    extra["home_tasks"] = [
        task
        for task in (extra.get("home_tasks") or {}).get(lang) or []
        if task["url"].startswith("#") or task["url"] in published
    ]
    extra["lang"] = lang
    extra["search"] = search.theme_extra(lang)
    return extra
