"""Stage render: MkDocs with mkdocs-material turns each language's docs dir into HTML.

MkDocs runs in strict mode: any warning (a broken generated link, a missing nav target) fails
the build, and the warnings are reported, not swallowed.
"""

from __future__ import annotations

import copy
import io
import logging
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from core.errors import BuildError


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


def render_language(config_file: Path, base: dict[str, Any], lang: str, docs_dir: Path,
                    site_dir: Path, site_url: str, nav: list[dict[str, str]],
                    extra: dict[str, Any], dirty: bool = False) -> None:
    """Render one language's docs dir into ``site_dir`` with MkDocs (strict).

    ``dirty`` keeps ``site_dir`` and renders only pages whose Markdown is newer than their
    HTML (core/incremental.py keeps unchanged files' time stamps). Pages left alone are not
    read, so MkDocs cannot check anchors into them: the finish stage's link check does.
    """
    config = copy.deepcopy(base)
    config["theme"]["language"] = lang
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["site_url"] = site_url
    config["nav"] = nav
    config["extra"] = extra
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
        mkdocs_config = load_config(io.StringIO(yaml.safe_dump(config, allow_unicode=True)),
                                    config_file_path=str(config_file))
        mkdocs_build(mkdocs_config, dirty=dirty)
    except (Abort, MkDocsException) as exc:
        details = "\n".join(f"  {m}" for m in collector.messages) or f"  {exc}"
        raise BuildError(f"MkDocs could not render the {lang} site:\n{details}") from None
    finally:
        build_logger.removeFilter(notice)
        logger.removeHandler(collector)
        logger.setLevel(previous)
