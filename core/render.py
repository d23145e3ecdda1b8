"""Stage render: MkDocs with mkdocs-material turns each language's docs dir into HTML.

MkDocs runs in strict mode: any warning (a broken generated link, a missing nav target) fails
the build, and the warnings are reported, not swallowed.
"""

from __future__ import annotations

import copy
import functools
import io
import logging
import sysconfig
from pathlib import Path
from typing import Any

import jinja2
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.plugins import BasePlugin

from core.errors import BuildError
from core.finish.pagescan import Scans, scan_page


def read_config(config_file: Path) -> dict[str, Any]:
    """The renderer's configuration as written in ``mkdocs.yml``."""
    return yaml.safe_load(config_file.read_text(encoding="utf-8"))


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
            found.update(_installed_templates(path) if _installed(path)
                         else jinja2.FileSystemLoader(path).list_templates())
        return sorted(found)


def _installed(path: str) -> bool:
    return Path(path).resolve().is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve())


@functools.lru_cache(maxsize=None)
def _installed_templates(path: str) -> tuple[str, ...]:
    return tuple(name for name in jinja2.FileSystemLoader(path).list_templates()
                 if not any(part.startswith(".") for part in name.split("/")))


def _compile_templates_once(theme) -> None:
    """Give the environment MkDocs makes for ``theme`` the process's compiled templates, the
    listing of installed themes' files (:class:`_ThemeLoader`), and no reload checks."""
    make_env = theme.get_env

    def get_env():
        env = make_env()
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
            key, scan = scan_page(output.encode("utf-8", errors="xmlcharrefreplace"),
                                  page.file.dest_uri)
            self.scans[key] = scan
        return output


def render_language(config_file: Path, base: dict[str, Any], lang: str, docs_dir: Path,
                    site_dir: Path, site_url: str, nav: list[dict[str, str]],
                    extra: dict[str, Any], dirty: bool = False,
                    share: tuple[frozenset[str], bool] | None = None, scan: bool = True) -> Scans:
    """Render one language's docs dir into ``site_dir`` with MkDocs (strict).

    ``dirty`` keeps ``site_dir`` and renders only pages whose Markdown is newer than their
    HTML (core/incremental.py keeps unchanged files' time stamps). Pages left alone are not
    read, so MkDocs cannot check anchors into them: the finish stage's link check does.
    ``share`` (doc paths, primary) renders just those pages, as a dirty build, beside other
    processes that render the rest (:class:`_Share`). Returns what the finish stage reads of
    each page written (:class:`_Scan`; nothing with ``scan=False``: the preview's fast path
    reads its few pages itself).
    """
    if share is not None:
        dirty = True
    config = copy.deepcopy(base)
    config["theme"]["language"] = lang
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["site_url"] = site_url
    config["nav"] = nav
    config["extra"] = extra
    # The site's name in the page's language (mkdocs.yml extra.site), wherever Material shows it.
    config["site_name"] = (extra.get("site") or {}).get("name") or config["site_name"]
    config["strict"] = True
    if dirty:
        config.setdefault("validation", {}).setdefault("links", {})["anchors"] = "info"
    logger = logging.getLogger("mkdocs")
    collector = _Collect()
    logger.addHandler(collector)
    previous = logger.level
    logger.setLevel(logging.WARNING)  # MkDocs' info chatter is not for editors
    notice = _DropDirtyNotice()
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(notice)
    try:
        # The options go in as they are (MkDocs validates them as it would the file's), not
        # through a YAML text that MkDocs' pure-Python loader would parse again.
        mkdocs_config = load_config(io.StringIO("{}"), config_file_path=str(config_file),
                                    **config)
        _compile_templates_once(mkdocs_config.theme)
        if share is not None:
            mkdocs_config.plugins["share"] = _Share(*share)
            if not share[1]:
                mkdocs_config.theme.static_templates = set()  # 404.html: the primary's
        scanner = _Scan()
        if scan:
            mkdocs_config.plugins["scan"] = scanner
        mkdocs_build(mkdocs_config, dirty=dirty)
        return scanner.scans
    except (Abort, MkDocsException) as exc:
        details = "\n".join(f"  {m}" for m in collector.messages) or f"  {exc}"
        raise BuildError(f"MkDocs could not render the {lang} site:\n{details}") from None
    finally:
        build_logger.removeFilter(notice)
        logger.removeHandler(collector)
        logger.setLevel(previous)
