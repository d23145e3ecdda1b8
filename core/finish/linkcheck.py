"""Every internal link, asset and ``#anchor`` of the built site resolves.

Editors' links are checked in the validate stage with file and line; this check runs on the
rendered tree, so it also catches links that templates and generators make. External links are
checked for syntax only: nothing is fetched.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
               ("source", "src"), ("form", "action")}
_SRCSET_TAGS = {"img", "source"}
_EXTERNAL = {"http", "https", "mailto", "tel"}


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        for attr, value in attrs:
            if value is None:
                continue
            if (tag, attr) in _LINK_ATTRS:
                self.links.append((tag, value.strip()))
            elif tag in _SRCSET_TAGS and attr == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, candidate.strip().split()[0]))


class _Found:
    """What a page holds (ids, links), as parsed; kept in the cache by the page's bytes."""

    def __init__(self, ids: set[str], links: list[tuple[str, str]]):
        self.ids, self.links = ids, links


def parse_page(data: bytes) -> _Found:
    """The ids and links of one page."""
    parser = _PageParser()
    parser.feed(data.decode("utf-8"))
    return _Found(parser.ids, parser.links)


def load_parse_cache(cache_file: Path) -> dict:
    """The parses kept by :func:`check_site_links` (page hash -> ids and links); ``{}`` if none."""
    try:
        return json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # a missing or damaged cache is only a slower check
        return {}


def parsed_page(data: bytes, cache: dict) -> _Found:
    """The ids and links of one page, from ``cache`` (:func:`load_parse_cache`) when it has them."""
    return _parse(data, cache, {})


def _parse(data: bytes, cache: dict, used: dict) -> _Found:
    key = hashlib.sha256(data).hexdigest()
    if key in cache:
        ids, links = cache[key]
        found = _Found(set(ids), [tuple(link) for link in links])
    else:
        found = parse_page(data)
    used[key] = (sorted(found.ids), found.links)
    return found


def check_site_links(site_dir: Path, site_url: str, cache_file: Path | None = None) -> list[str]:
    """Problems as ``page: message`` lines; empty when every link resolves.

    ``cache_file`` keeps each page's parse by its bytes, so a rebuild parses only changed pages.
    """
    cache: dict = {}
    if cache_file is not None and cache_file.is_file():
        try:
            cache = json.loads(cache_file.read_text(encoding="utf-8"))
        except ValueError:  # a damaged cache is only a slower check
            cache = {}
    used: dict = {}
    files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    pages: dict[str, _Found] = {}
    for rel in sorted(f for f in files if f.endswith(".html")):
        pages[rel] = _parse((site_dir / rel).read_bytes(), cache, used)
    if cache_file is not None:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(used), encoding="utf-8")
    return check_pages(pages, files, site_url)


def check_pages(pages: dict[str, _Found], files: set[str], site_url: str,
                only: set[str] | None = None) -> list[str]:
    """The link problems of ``pages`` (parsed pages by path) in a site holding ``files``.

    ``only`` limits the check to the links of those pages (the preview checks the pages it
    changed); every page's ids still count as targets.
    """
    base = urlsplit(site_url)
    problems: list[str] = []
    memo: dict = {}
    for page, found in sorted(pages.items()):
        if only is not None and page not in only:
            continue
        page_url = "/" + page  # URL path of this file, relative to the site root
        folder = posixpath.dirname(page_url)
        for tag, url in found.links:
            # A relative link means the same from every page of a folder: check it once.
            key = (url, page_url if url.startswith("#") or not urlsplit(url).path else folder)
            if key not in memo:
                memo[key] = _check(url, page_url, base, files, pages)
            if memo[key]:
                problems.append(f"{page}: <{tag}> {url!r}: {memo[key]}")
    return problems


def _check(url: str, page_url: str, base, files: set[str], pages) -> str | None:
    parts = urlsplit(url)
    if parts.scheme:
        if parts.scheme not in _EXTERNAL:
            return f"'{parts.scheme}:' links are not allowed"
        if parts.scheme in ("http", "https"):
            if not parts.netloc or " " in url:
                return "not a valid web address"
            if parts.netloc != base.netloc:
                return None  # another site: syntax only, nothing is fetched
            path = parts.path
            if not path.startswith(base.path):
                return None
            path = "/" + path[len(base.path):]
        else:
            return None if parts.path else "empty address"
    elif parts.netloc:
        return "protocol-relative links are not allowed (write https://)"
    elif url.startswith("#") or not parts.path:
        path = page_url
    elif parts.path.startswith("/"):
        path = "/" + parts.path.lstrip("/")[len(base.path.lstrip("/")):] \
            if parts.path.startswith(base.path) else parts.path
        path = posixpath.normpath(path) + ("/" if parts.path.endswith("/") else "")
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path))
        if parts.path.endswith("/"):
            path += "/"
    path = unquote(path)
    path = path.replace("//", "/")
    if path.startswith("/.."):
        return "leaves the site"
    target = path.lstrip("/")
    if target == "" or target.endswith("/"):
        target += "index.html"
    elif target not in files and f"{target}/index.html" in files:
        target += "/index.html"
    if target not in files:
        return "no such page or file"
    if parts.fragment and target.endswith(".html"):
        fragment = unquote(parts.fragment)
        if fragment not in pages[target].ids and fragment != "top":
            return f"no element with id '{fragment}' on that page"
    return None
