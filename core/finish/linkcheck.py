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
    def __init__(self, shared: dict):
        super().__init__(convert_charrefs=True)
        self.shared = shared
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(_one(self.shared, values[name]))
        for attr, value in attrs:
            if value is None:
                continue
            if (tag, attr) in _LINK_ATTRS:
                self.links.append(_one(self.shared, (tag, value.strip())))
            elif tag in _SRCSET_TAGS and attr == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append(_one(self.shared, (tag, candidate.strip().split()[0])))


def _one(shared: dict, value):
    """One object per distinct id or link over the whole site.

    The navigation repeats the same links on every page: 1,600 pages hold 300,000 links but
    only 12,000 distinct ones, so sharing them keeps the check small (issue 10)."""
    return shared.setdefault(value, value)


class _Found:
    """What a page holds (ids, links), as parsed."""

    def __init__(self, ids: set[str], links: list[tuple[str, str]]):
        self.ids, self.links = ids, links


def _parse(data: bytes, cache: dict, used: dict, shared: dict) -> _Found:
    """The page's ids and links, from ``cache`` when a page of the same bytes was parsed before.

    Cache entries are each page's parse as one JSON text: loading the cache then makes one
    string per page instead of a list per link."""
    key = hashlib.sha256(data).hexdigest()
    entry = cache.get(key)
    if isinstance(entry, str):
        ids, links = json.loads(entry)
        found = _Found({_one(shared, i) for i in ids}, [_one(shared, (t, u)) for t, u in links])
    else:
        parser = _PageParser(shared)
        parser.feed(data.decode("utf-8"))
        found = _Found(parser.ids, parser.links)
        entry = json.dumps([sorted(found.ids), found.links], ensure_ascii=False)
    used[key] = entry
    return found


def check_site_links(site_dir: Path, site_url: str, cache_file: Path | None = None) -> list[str]:
    """Problems as ``page: message`` lines; empty when every link resolves.

    ``cache_file`` keeps each page's parse by its bytes, so a rebuild parses only changed pages.
    """
    base = urlsplit(site_url)
    cache: dict = {}
    if cache_file is not None and cache_file.is_file():
        try:
            cache = json.loads(cache_file.read_text(encoding="utf-8"))
        except ValueError:  # a damaged cache is only a slower check
            cache = {}
    used: dict = {}
    files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    pages: dict[str, _Found] = {}
    shared: dict = {}
    for rel in sorted(f for f in files if f.endswith(".html")):
        pages[rel] = _parse((site_dir / rel).read_bytes(), cache, used, shared)
    del cache, shared
    if cache_file is not None:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        with cache_file.open("w", encoding="utf-8") as stream:
            json.dump(used, stream)
    del used
    problems: list[str] = []
    # Links that mean the same from every page (absolute ones) are checked once per site,
    # relative ones once per page: a memo of (link, folder) over all pages would hold a key for
    # nearly every link of the site, since each page has a folder of its own.
    anywhere: dict = {}
    for page, found in pages.items():
        page_url = "/" + page  # URL path of this file, relative to the site root
        here: dict = {}
        for tag, url in found.links:
            parts = urlsplit(url)
            memo = anywhere if parts.scheme or parts.netloc or parts.path.startswith("/") else here
            if url not in memo:
                memo[url] = _check(url, page_url, base, files, pages)
            if memo[url]:
                problems.append(f"{page}: <{tag}> {url!r}: {memo[url]}")
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
