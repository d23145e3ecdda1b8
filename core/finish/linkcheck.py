"""Every internal link, asset and ``#anchor`` of the built site resolves.

Editors' links are checked in the validate stage with file and line; this check runs on the
rendered tree, so it also catches links that templates and generators make. External links are
checked for syntax only: nothing is fetched.
"""

from __future__ import annotations

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


def check_site_links(site_dir: Path, site_url: str) -> list[str]:
    """Problems as ``page: message`` lines; empty when every link resolves."""
    base = urlsplit(site_url)
    pages: dict[str, _PageParser] = {}
    for path in sorted(site_dir.rglob("*.html")):
        parser = _PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site_dir).as_posix()] = parser
    problems: list[str] = []
    for page, parser in pages.items():
        page_url = "/" + page  # URL path of this file, relative to the site root
        for tag, url in parser.links:
            problem = _check(url, page_url, base, site_dir, pages)
            if problem:
                problems.append(f"{page}: <{tag}> {url!r}: {problem}")
    return problems


def _check(url: str, page_url: str, base, site_dir: Path, pages) -> str | None:
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
    elif not (site_dir / target).is_file() and (site_dir / target / "index.html").is_file():
        target += "/index.html"
    if not (site_dir / target).is_file():
        return "no such page or file"
    if parts.fragment and target.endswith(".html"):
        fragment = unquote(parts.fragment)
        if fragment not in pages[target].ids and fragment != "top":
            return f"no element with id '{fragment}' on that page"
    return None
