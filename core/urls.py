"""Addresses of staged pages: their URLs, and the relative links between them.

Pure functions of a few strings, used by every stage that writes a link (generate, breadcrumbs,
search, the incremental build, the sections' generators). They live apart from
``core/staging.py`` (which writes the pages and turns images into ``<picture>`` HTML) because
the image package needs them too: kept there, staging and ``core/images`` imported each other.
"""

from __future__ import annotations

import functools
import posixpath

from core import languages


def url_of(doc_path: str) -> str:
    """The directory URL of a staged page, relative to its language root ('' for the home)."""
    if doc_path == "index.md":
        return ""
    if doc_path.endswith("/index.md"):
        return doc_path[: -len("index.md")]
    return doc_path[: -len(".md")] + "/"


def site_url_of(lang: str, doc_path: str) -> str:
    """The URL of a page relative to the site root (both languages share one root)."""
    return languages.prefix(lang) + url_of(doc_path)


# Pure functions of a few strings, asked tens of thousands of times on a large site (relpath
# asks the operating system for the working directory every time): remembered.
@functools.lru_cache(maxsize=None)
def relative_url(from_lang: str, from_doc: str, to_lang: str, to_doc: str) -> str:
    """A relative link between two pages, so the site works under any base path."""
    start = site_url_of(from_lang, from_doc) or "."
    target = site_url_of(to_lang, to_doc) or "."
    rel = _relpath(target, start)
    return "./" if rel == "." else rel.rstrip("/") + "/"


@functools.lru_cache(maxsize=None)
def doc_link(from_doc: str, to_doc: str) -> str:
    """A Markdown link target from one staged page to another in the same language.

    MkDocs resolves (and in strict mode checks) links between ``.md`` files itself.
    """
    return _relpath(to_doc, posixpath.dirname(from_doc) or ".")


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for the site's own relative paths (no ``..`` in them), without
    asking the operating system for the working directory on every call."""
    to = [p for p in path.split("/") if p not in ("", ".")]
    base = [p for p in start.split("/") if p not in ("", ".")]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def lang_link(
    lang: str,
    from_doc: str,
    text: str,
    target_lang: str,
    target_doc: str,
    untranslated: str,
    text_lang: str | None = None,
    fragment: str = "",
) -> str:
    """A Markdown link from the page ``from_doc`` in ``lang`` to ``target_doc`` in ``target_lang``.

    Within one language it is a ``.md`` link that MkDocs checks. To the other language (an
    item not translated yet) it is a relative URL marked with ``hreflang`` and followed by
    ``untranslated`` (e.g. "(in Dutch)"); when the link text itself is in another language than
    the page (``text_lang``), the link says so with ``lang`` for screen readers (WCAG 3.1.2).
    ``fragment`` (like ``#section``) points into the target page.
    """
    if target_lang == lang:
        return f"[{text}]({doc_link(from_doc, target_doc)}{fragment})"
    attrs = f'hreflang="{target_lang}"'
    if text_lang and text_lang != lang:
        attrs += f' lang="{text_lang}"'
    return (
        f"[{text}]({relative_url(lang, from_doc, target_lang, target_doc)}{fragment})"
        f"{{{attrs}}} "
        f"{untranslated}"
    )
