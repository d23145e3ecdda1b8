"""Every internal link, asset and ``#anchor`` of the built site resolves.

Editors' links are checked in the validate stage with file and line; this check runs on the
rendered tree, so it also catches links that templates and generators make. External links are
checked for syntax only: nothing is fetched.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from pathlib import Path
from typing import cast
from urllib.parse import unquote, urlsplit

from lxml import etree

from core.i18n import _
from core import caches
from core.builthtml import parse_built
from core.files import tree_files

_EXTERNAL = {"http", "https", "mailto", "tel"}
# What a page can be linked at, and what it links to or loads, in document order (pages are
# read with lxml: core/builthtml.py).
_IDS = etree.XPath("//@id | //a/@name")
_LINKS = etree.XPath(
    "//a/@href | //link/@href | //script/@src | //img/@src | //source/@src"
    " | //form/@action | //img/@srcset | //source/@srcset"
)


def _one(shared: dict, value):
    """One object per distinct id, link or resolution over the whole site.

    The navigation repeats the same links on every page: 1,600 pages hold 300,000 links but
    only 12,000 distinct ones, so sharing them keeps the check small (issue 10)."""
    return shared.setdefault(value, value)


def _parse(data: bytes, name: str = "page") -> tuple[list[str], list[tuple[str, str]]]:
    """The ids (sorted) and the ``(tag, url)`` links of one page."""
    return links_of(parse_built(data, name))


def links_of(root) -> tuple[list[str], list[tuple[str, str]]]:
    """The ids (sorted) and the ``(tag, url)`` links of a page's element tree (``None``: an
    empty page)."""
    if root is None:
        return [], []
    links: list[tuple[str, str]] = []
    # An XPath of attributes gives "smart strings" that know their element and attribute name.
    for value in cast("list[etree._ElementUnicodeResult]", _LINKS(root)):
        tag = cast(etree._Element, value.getparent()).tag
        if value.attrname == "srcset":
            links += [(tag, c.strip().split()[0]) for c in value.split(",") if c.strip()]
        else:
            links.append((tag, str(value).strip()))
    return sorted({str(v) for v in cast("list[str]", _IDS(root)) if v}), links


class Parsed:
    """What a page holds: the ids it can be linked at and its ``(tag, url)`` links."""

    __slots__ = ("ids", "links")

    def __init__(self, ids: set[str], links: list[tuple[str, str]]):
        self.ids, self.links = ids, links


def parse_page(data: bytes, name: str = "page") -> Parsed:
    """The ids and links of one page (``name`` for the message if it cannot be read)."""
    ids, links = _parse(data, name)
    return Parsed(set(ids), links)


def load_parse_cache(cache_file: Path) -> dict:
    """The parses a build kept (page hash -> one JSON text of ids and links); ``{}`` if none,
    or if another version of the cache (core/caches.py) wrote them."""
    try:
        saved = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # a missing or damaged cache is only a slower check
        return {}
    if not isinstance(saved, dict) or saved.get("version") != caches.LINKS.tag:
        return {}
    pages = saved.get("pages")
    return pages if isinstance(pages, dict) else {}


def cache_entry(root) -> str:
    """What the parse cache keeps of a page's element tree: one JSON text of ids and links."""
    return json.dumps(links_of(root), ensure_ascii=False)


def parsed_page(
    data: bytes,
    cache: dict,
    used: dict | None = None,
    shared: dict | None = None,
    name: str = "page",
) -> Parsed:
    """The ids and links of one page, from ``cache`` (:func:`load_parse_cache`, or entries
    :func:`cache_entry` made by the render) when it has them.

    ``used`` collects the entries for the next cache; ``shared`` makes equal ids and links one
    object across pages (:func:`_one`).
    """
    key = hashlib.sha256(data).hexdigest()
    entry = cache.get(key)
    if isinstance(entry, str):
        ids, links = json.loads(entry)
    else:  # not parsed before (or by an older build, in another format)
        ids, links = _parse(data, name)
        entry = json.dumps([ids, links], ensure_ascii=False)
    if used is not None:
        used[key] = entry
    shared = {} if shared is None else shared
    return Parsed({_one(shared, i) for i in ids}, [_one(shared, (tag, url)) for tag, url in links])


def check_pages(
    pages: dict[str, Parsed], files: set[str], site_url: str, only: set[str] | None = None
) -> list[str]:
    """The link problems of ``pages`` (parsed pages by path) in a site holding ``files``.

    ``only`` limits the check to the links of those pages (the preview checks the pages it
    changed); every page's ids still count as targets.
    """
    base = urlsplit(site_url)
    problems: list[str] = []
    # Links that mean the same from every page (absolute ones) are resolved once per site;
    # a relative link that climbs at least as many folders as its page is deep means the same
    # from every page at that depth (the menu, header and footer of every page are such
    # links), so it is resolved once per depth; other relative ones once per page (a memo of
    # (link, folder) would hold a key for nearly every link: each page has its own folder).
    # Whether a target exists is asked once per target.
    anywhere: dict = {}
    by_depth: dict = {}
    exists: dict = {}
    key: str | tuple[str, int]  # a link, or a link and the depth it is resolved at
    for rel, page in sorted(pages.items()):
        if only is not None and rel not in only:
            continue
        here: dict = {}
        depth = rel.count("/")
        for tag, url in page.links:
            if _absolute(url):
                memo, key = anywhere, url
            elif url.startswith("../" * depth) and url and not url.startswith(("#", "?")):
                memo, key = by_depth, (url, depth)
            else:
                memo, key = here, url
            if key not in memo:
                memo[key] = _resolve(url, "/" + rel, base)
            problem, path, fragment = memo[key]
            if problem is None and path is not None:
                if (path, fragment) not in exists:
                    exists[path, fragment] = _missing(path, fragment, files, pages)
                problem = exists[path, fragment]
            if problem:
                problems.append(
                    _(
                        "{page}: <{tag}> {url}: {problem}",
                        page=rel,
                        tag=tag,
                        url=repr(url),
                        problem=problem,
                    )
                )
    return problems


class SiteLinks:
    """Every page of the finished tree parsed once, for the link check and for pruning.

    ``cache_file`` keeps each page's parse by its bytes between builds (one JSON text per page,
    so loading it makes one string per page): a rebuild parses only changed pages. Whether
    targets exist is always checked afresh, against the files there are now.
    """

    def __init__(
        self,
        site_dir: Path,
        site_url: str,
        cache_file: Path | None = None,
        scanned: dict[str, str] | None = None,
    ):
        """``scanned``: cache entries of pages read already (page hash -> :func:`cache_entry`),
        from the render (core/finish/pagescan.py)."""
        self.site_url = site_url
        cache = load_parse_cache(cache_file) if cache_file is not None else {}
        cache.update(scanned or {})
        used: dict = {}
        shared: dict = {}
        self.files = set(tree_files(site_dir))
        self.pages = {
            rel: parsed_page((site_dir / rel).read_bytes(), cache, used, shared, rel)
            for rel in sorted(f for f in self.files if f.endswith(".html"))
        }
        del cache, shared
        if cache_file is not None:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            with cache_file.open("w", encoding="utf-8") as stream:
                json.dump({"version": caches.LINKS.tag, "pages": used}, stream)

    def referenced(self, mentions: tuple[str, ...] = ("",)) -> set[str]:
        """The files that pages link to or load, among links whose URL contains one of
        ``mentions`` (a cheap filter: resolving all 300,000 links of a large site takes time)."""
        base = urlsplit(self.site_url)
        found = set()
        for rel, page in self.pages.items():
            for _tag, url in page.links:
                if any(m in url for m in mentions):
                    problem, path, _fragment = _resolve(url, "/" + rel, base)
                    if problem is None and path is not None:
                        found.add(_target(path, self.files))
        return found & self.files

    def forget(self, removed: list[str]) -> None:
        """Files removed since the scan (such as pruned theme files) are no longer there."""
        self.files.difference_update(removed)

    def problems(self) -> list[str]:
        """Problems as ``page: message`` lines; empty when every link resolves."""
        return check_pages(self.pages, self.files, self.site_url)


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc or parts.path.startswith("/"))


def _missing(path: str, fragment: str, files: set[str], pages: dict[str, Parsed]) -> str | None:
    target = _target(path, files)
    if target not in files:
        return _("no such page or file")
    if fragment and target.endswith(".html"):
        if fragment not in pages[target].ids and fragment != "top":
            return _("no element with id '{id}' on that page", id=fragment)
    return None


def check_site_links(site_dir: Path, site_url: str, cache_file: Path | None = None) -> list[str]:
    """Problems as ``page: message`` lines; empty when every link resolves (see :class:`SiteLinks`)."""
    return SiteLinks(site_dir, site_url, cache_file).problems()


def _resolve(url: str, page_url: str, base) -> tuple[str | None, str | None, str]:
    """``(problem, path, fragment)`` of a link on the page at ``page_url``, from the URL alone.

    ``path`` is the site-root path to look up (``None``: another site, or nothing to look up).
    """
    parts = urlsplit(url)
    if parts.scheme:
        if parts.scheme not in _EXTERNAL:
            return _("'{scheme}:' links are not allowed", scheme=parts.scheme), None, ""
        if parts.scheme in ("http", "https"):
            if not parts.netloc or " " in url:
                return _("not a valid web address"), None, ""
            if parts.netloc != base.netloc:
                return None, None, ""  # another site: syntax only, nothing is fetched
            path = parts.path
            if not path.startswith(base.path):
                return None, None, ""
            path = "/" + path[len(base.path) :]
        else:
            return (None if parts.path else _("empty address")), None, ""
    elif parts.netloc:
        return _("protocol-relative links are not allowed (write https://)"), None, ""
    elif url.startswith("#") or not parts.path:
        path = page_url
    elif parts.path.startswith("/"):
        path = (
            "/" + parts.path.lstrip("/")[len(base.path.lstrip("/")) :]
            if parts.path.startswith(base.path)
            else parts.path
        )
        path = posixpath.normpath(path) + ("/" if parts.path.endswith("/") else "")
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path))
        if parts.path.endswith("/"):
            path += "/"
    path = unquote(path).replace("//", "/")
    if path.startswith("/.."):
        return _("leaves the site"), None, ""
    return None, path, unquote(parts.fragment)


def _target(path: str, files: set[str]) -> str:
    """The file a site-root path serves: a folder serves its ``index.html``."""
    target = path.lstrip("/")
    if target == "" or target.endswith("/"):
        return target + "index.html"
    if target not in files and f"{target}/index.html" in files:
        return target + "/index.html"
    return target
