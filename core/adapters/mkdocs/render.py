"""Stage render through the MkDocs adapter: ProperDocs (MkDocs 1.6) with mkdocs-material turns
one language's docs dir into HTML (a :class:`core.port.RenderJob`).

ProperDocs is the maintained continuation of MkDocs 1.6, with the same configuration, plugin
API and output (MkDocs itself is abandoned; MkDocs 2 drops the plugin API). It runs in strict
mode: any warning (a broken generated link, a missing nav target) fails the build, and the
warnings are reported, not swallowed.
"""

from __future__ import annotations

import copy
import functools
import io
import logging
import os
import sysconfig
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import jinja2

# Before anything imports `mkdocs`: from here on `import mkdocs.*` (Material's Python code, any
# plugin) gets ProperDocs' module, so one renderer is loaded although Material still requires
# the `mkdocs` package to be installed. Render and encoding workers fork from a server that
# imports this first (core/workers.py), so they have the same aliasing.
import properdocs.replacement  # noqa: F401  (an import hook: imported for its effect)
from properdocs.commands.build import build as properdocs_build
from properdocs.config import load_config
from properdocs.exceptions import Abort, MkDocsException
from properdocs.plugins import BasePlugin
from properdocs.utils import get_theme_dir

from core.context import BuildContext
from core.errors import BuildError
from core.i18n import _
from core.finish.contentguard import check_page_content, source_of
from core.finish.pagescan import Scans, scan_page
from core.port import RenderJob


# ProperDocs logs under "properdocs" and counts that logger's warnings in strict mode; plugins
# written for MkDocs log under "mkdocs". Their logger hangs below ProperDocs' (as the
# `properdocs` command does it), so their warnings fail a strict build too.
logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


class _DropDirtyNotice(logging.Filter):
    """MkDocs warns on every ``dirty`` build; strict mode would count that as a failure."""

    def filter(self, record):
        return "'dirty' build" not in record.getMessage()


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in memory for the life of the process.

    MkDocs makes a new Jinja environment for every build, which compiles every template again
    (about half a second with Material). The preview renders a few pages per edit in the same
    process, so it keeps the bytecode; Jinja checks each template's source checksum before it
    uses the bytecode, so an edited template is compiled again.
    """

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()


class _ThemeLoader(jinja2.FileSystemLoader):
    """The theme's template loader; installed themes' files are listed once per process.

    MkDocs lists every file of the theme on each build to find its static files: Material has
    about 14,500 (its icons), which costs a third of a second per build, more than a preview's
    few changed pages take to render. An installed package does not change while the process
    runs; the project's own theme directory is listed afresh every time. Hidden paths (Material's
    ``.icons/``, some 14,000 files) are left out of the installed listing: MkDocs' static-file
    filter drops them anyway (``.*`` and ``*/.*``), after a tenth of a second of matching, and
    templates include icons by name, never through the listing.
    """

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for path in self.searchpath:
            found.update(
                _installed_templates(path)
                if _installed(path)
                else jinja2.FileSystemLoader(path).list_templates()
            )
        return sorted(found)


def _installed(path: str) -> bool:
    return Path(path).resolve().is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve())


@functools.lru_cache(maxsize=None)
def _installed_templates(path: str) -> tuple[str, ...]:
    return tuple(
        name
        for name in jinja2.FileSystemLoader(path).list_templates()
        if not any(part.startswith(".") for part in name.split("/"))
    )


# Material's stylesheets and scripts carry a content hash in their names (main.57a0d79d.min.css),
# new with every release, and its base.html names them literally. Our copy (theme/base.html)
# names them by these keys instead, looked up in the installed theme, so that an upgrade
# changes no template, and a release that renamed one fails with the file it misses.
HASHED_ASSETS = {
    "main_css": "assets/stylesheets/main.*.min.css",
    "palette_css": "assets/stylesheets/palette.*.min.css",
    "bundle_js": "assets/javascripts/bundle.*.min.js",
    "search_worker_js": "assets/javascripts/workers/search.*.min.js",
}


@functools.lru_cache(maxsize=None)
def material_theme(theme_dir: str) -> dict[str, str]:
    """What theme/base.html reads of the installed mkdocs-material (template global
    ``material_theme``): its ``version`` and the path of each :data:`HASHED_ASSETS` file,
    relative to ``theme_dir`` (Material's templates directory)."""
    found = {"version": metadata.version("mkdocs-material")}
    problems = []
    for key, pattern in HASHED_ASSETS.items():
        matches = sorted(
            path.relative_to(theme_dir).as_posix() for path in Path(theme_dir).glob(pattern)
        )
        if len(matches) == 1:
            found[key] = matches[0]
        else:
            problems.append(
                f"  {pattern}: expected one file, found {', '.join(matches) if matches else 'none'}"
            )
    if problems:
        raise BuildError(
            f"mkdocs-material {found['version']} in {theme_dir} does not have the "
            "assets theme/base.html loads:\n" + "\n".join(problems)
        )
    return found


def _compile_templates_once(theme) -> None:
    """Give the environment MkDocs makes for ``theme`` the process's compiled templates, the
    listing of installed themes' files (:class:`_ThemeLoader`), no reload checks, and the
    installed Material's asset names (:func:`material_theme`)."""
    make_env = theme.get_env
    material = material_theme(get_theme_dir(theme.name))

    def get_env():
        env = make_env()
        env.globals["material_theme"] = material
        env.bytecode_cache = _TEMPLATES
        env.loader = _ThemeLoader(theme.dirs)
        # Templates do not change during a build (MkDocs makes a new environment for every
        # build): without this Jinja asks the file system whether each include changed, some
        # thirty times a page.
        env.auto_reload = False
        return env

    theme.get_env = get_env


class _Share(BasePlugin):
    """Makes a dirty build render exactly the pages ``only`` names (docs-relative paths).

    Several processes render shares of one language's pages into the same site dir at once
    (core/pipeline.py); every page is in exactly one share. The ``primary`` share also copies
    the theme's static files and renders its pages such as 404.html; the others write nothing
    but their pages, so no file is written by two processes.
    """

    def __init__(self, only: frozenset[str], primary: bool):
        super().__init__()
        self.only, self.primary = only, primary

    def on_files(self, files, config):
        for file in files:
            if file.is_documentation_page():
                wanted = file.src_uri in self.only
                file.is_modified = lambda wanted=wanted: wanted
            elif not self.primary:
                file.is_modified = lambda: False
        return files


class _Scan(BasePlugin):
    """Reads every page MkDocs writes, as it writes it, for the finish stage
    (core/finish/pagescan.py): the bytes it hashes are the bytes MkDocs writes."""

    def __init__(self):
        super().__init__()
        self.scans: Scans = {}

    def on_post_page(self, output, page, config):
        if output.strip():  # MkDocs writes no empty page
            key, scan = scan_page(
                output.encode("utf-8", errors="xmlcharrefreplace"), page.file.dest_uri
            )
            self.scans[key] = scan
        return output


class _FrontMatter(BasePlugin):
    """Our page fields (core/pagefields.py) in Material's words: ``hide_toc`` is Material's
    ``hide: [toc]``. Every other field keeps its name; only our theme reads those."""

    def on_page_markdown(self, markdown, page, config, files):
        if page.meta.pop("hide_toc", False):
            page.meta["hide"] = ["toc"]
        return markdown


class _ContentGuard(BasePlugin):
    """Checks each page's content HTML as MkDocs makes it (core/finish/contentguard.py); a
    violation stops the render, so no render cache keeps the page."""

    def on_page_content(self, html, page, config, files):
        check_page_content(html, source_of(page.meta, page.file.src_uri), page.file.dest_uri)
        return html


def source_date_epoch(context: BuildContext) -> str:
    """``SOURCE_DATE_EPOCH`` for the build's date: MkDocs and Material read the build date
    only from the environment (the sitemap's and pages' dates)."""
    today = context.today
    return str(int(datetime(today.year, today.month, today.day, tzinfo=timezone.utc).timestamp()))


def render_language(job: RenderJob) -> Scans:
    """Render one language's docs dir into ``job.site_dir`` with MkDocs (strict).

    ``job.dirty`` keeps ``site_dir`` and renders only pages whose Markdown is newer than their
    HTML (core/incremental.py keeps unchanged files' time stamps). Pages left alone are not
    read, so MkDocs cannot check anchors into them: the finish stage's link check does.
    ``job.only`` renders just those pages, as a dirty build, beside other processes that
    render the rest (:class:`_Share`). Returns what the finish stage reads of each page
    written (:class:`_Scan`; nothing with ``scan=False``: the preview's fast path reads its few
    pages itself).
    """
    lang = job.lang
    dirty = job.dirty or job.only is not None
    extra = job.extra
    config = copy.deepcopy(job.context.config)
    config["theme"]["language"] = lang
    config["docs_dir"] = str(job.docs_dir)
    config["site_dir"] = str(job.site_dir)
    config["site_url"] = job.site_url
    config["nav"] = [{entry.title: entry.doc_path} for entry in job.nav]
    config["extra"] = extra
    # The site's name in the page's language (mkdocs.yml extra.site), wherever Material shows it.
    config["site_name"] = (extra.get("site") or {}).get("name") or config["site_name"]
    config["strict"] = True
    if dirty:
        config.setdefault("validation", {}).setdefault("links", {})["anchors"] = "info"
    logger = logging.getLogger("properdocs")
    collector = _Collect()
    logger.addHandler(collector)
    previous = logger.level
    logger.setLevel(logging.WARNING)  # MkDocs' info chatter is not for editors
    notice = _DropDirtyNotice()
    build_logger = logging.getLogger("properdocs.commands.build")
    build_logger.addFilter(notice)
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(job.context)
    try:
        # The options go in as they are (MkDocs validates them as it would the file's), not
        # through a YAML text that MkDocs' pure-Python loader would parse again.
        mkdocs_config = load_config(
            io.StringIO("{}"), config_file_path=str(job.context.config_file), **config
        )
        _compile_templates_once(mkdocs_config.theme)
        if job.only is not None:
            mkdocs_config.plugins["share"] = _Share(job.only, job.primary)
            if not job.primary:
                mkdocs_config.theme.static_templates = set()  # 404.html: the primary's
        mkdocs_config.plugins["front_matter"] = _FrontMatter()
        mkdocs_config.plugins["content_guard"] = _ContentGuard()
        scanner = _Scan()
        if job.scan:
            mkdocs_config.plugins["scan"] = scanner
        properdocs_build(mkdocs_config, dirty=dirty)
        return scanner.scans
    except (Abort, MkDocsException) as exc:
        details = "\n".join(f"  {m}" for m in collector.messages) or f"  {exc}"
        raise BuildError(
            _("MkDocs could not render the {lang} site:", lang=lang) + "\n" + details
        ) from None
    finally:
        build_logger.removeFilter(notice)
        logger.removeHandler(collector)
        logger.setLevel(previous)
