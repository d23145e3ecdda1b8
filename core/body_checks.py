"""Checks on an editor's Markdown body: only safe HTML, and links and images that resolve.

Unsafe HTML is refused with its line, never rendered and never silently dropped: an editor who
pastes an embed code must learn that it will not appear.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import PurePosixPath
from typing import Callable, Sequence
from urllib.parse import unquote

from core.errors import Problems
from core.i18n import _
from core.images.inspect import SUFFIXES
from core.markdown_scan import find_html, find_links, heading_ids
from core.fieldtypes import leaves_content
from core.schema import resolve_content_path
from core.source import SourceFile

# Inline HTML an editor may use, with the attributes each may carry.
ALLOWED_HTML = {
    "abbr": {"title", "lang"},
    "br": set(),
    "sup": set(),
    "sub": set(),
    "small": set(),
    "mark": set(),
    "kbd": set(),
    "q": {"lang"},
    "span": {"lang"},
    "figure": {"id"},
    "figcaption": set(),
}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# Files a page may link to that are published as they are: documents a browser shows or
# downloads without running them. Never .html, .svg, .js or .css: on the site's own address
# they would run code the security policy allows ('self').
ATTACHMENT_SUFFIXES = (".pdf", ".odt", ".ods", ".odp", ".docx", ".xlsx", ".pptx", ".csv", ".txt")
IMAGE_SUFFIXES = SUFFIXES  # what the image pipeline can publish (core/images/inspect.py)
DECORATIVE = ".decorative"  # ![](x.jpg){: .decorative} marks an image that needs no alt text
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def check_html(source: SourceFile, problems: Problems) -> None:
    """Report every raw HTML tag or attribute outside the allow-list, with its line."""
    for tag in find_html(source.body):
        line = source.body_line + tag.line
        if tag.name in ("?", "!"):
            problems.add(
                source.rel,
                line,
                _(
                    "unsafe HTML: declarations and processing "
                    "instructions are not allowed in content"
                ),
            )
            continue
        allowed = ALLOWED_HTML.get(tag.name)
        if allowed is None:
            problems.add(
                source.rel,
                line,
                _(
                    "unsafe HTML: <{tag}> is not allowed in content; allowed tags: {allowed}",
                    tag=tag.name,
                    allowed=", ".join(sorted(ALLOWED_HTML)),
                ),
            )
            continue
        for name, value in tag.attrs:
            if name.startswith("on"):
                problems.add(
                    source.rel,
                    line,
                    _(
                        "unsafe HTML: event attribute '{name}' on <{tag}> is not allowed",
                        name=name,
                        tag=tag.name,
                    ),
                )
            elif name not in allowed:
                problems.add(
                    source.rel,
                    line,
                    _(
                        "unsafe HTML: attribute '{name}' on <{tag}> is "
                        "not allowed; allowed: {allowed}",
                        name=name,
                        tag=tag.name,
                        allowed=", ".join(sorted(allowed)) or _("none"),
                    ),
                )
            elif value and _SCHEME.match(value.strip()):
                problems.add(
                    source.rel,
                    line,
                    _(
                        "unsafe HTML: attribute '{name}' on <{tag}> holds a URL",
                        name=name,
                        tag=tag.name,
                    ),
                )


def check_links(
    source: SourceFile,
    content_dir,
    resolve_page: Callable[[str], bool],
    anchors_of: Callable[[str], set[str]],
    problems: Problems,
    check_image: Callable[[str], str | None] = lambda rel: None,
    known_files: Sequence[str] = (),
) -> None:
    """Report links and images that are unsafe, leave the content dir or point at nothing.

    ``resolve_page(rel)`` tells whether a content file ``rel`` is a published page,
    ``anchors_of(rel)`` gives the heading ids of that page and ``check_image(rel)`` what is
    wrong with an image file (reported once, at the image's own path). ``known_files`` (every
    content file, content-relative) gives a link to nothing its "did you mean".
    """
    own_anchors: set[str] | None = None
    for link in find_links(source.body):
        line = source.body_line + link.line
        target = link.target.strip()
        scheme = _SCHEME.match(target)
        if scheme:
            name = scheme.group(1).lower()
            if name not in SAFE_SCHEMES:
                problems.add(
                    source.rel,
                    line,
                    _(
                        "unsafe link: '{name}:' addresses are not "
                        "allowed (allowed: {allowed}), got {found}",
                        name=name,
                        allowed=", ".join(sorted(SAFE_SCHEMES)),
                        found=repr(target[:60]),
                    ),
                )
            elif link.is_image:
                problems.add(
                    source.rel,
                    line,
                    _(
                        "image {target} is on another website: pages "
                        "load nothing from other hosts; put the image in "
                        "content/images/",
                        target=repr(target),
                    ),
                )
            continue
        if target.startswith("//"):
            problems.add(
                source.rel,
                line,
                _("link {target} has no scheme: write https://...", target=repr(target)),
            )
            continue
        path, _hash, anchor = unquote(target).partition("#")
        if not path:
            if anchor:
                own_anchors = own_anchors if own_anchors is not None else heading_ids(source.body)
                if anchor not in own_anchors:
                    problems.add(
                        source.rel,
                        line,
                        _(
                            "link to '#{anchor}': no heading with that anchor on this page",
                            anchor=anchor,
                        ),
                    )
            continue
        if target.startswith("/"):
            problems.add(
                source.rel,
                line,
                _(
                    "link {target}: write links to other pages as the "
                    "path of their Markdown file (like "
                    "../pages/privacy.md)",
                    target=repr(target),
                ),
            )
            continue
        resolved, error = resolve_content_path(content_dir, source.rel, path)
        if error:
            if not resolved and error == leaves_content(path):
                problems.add(
                    source.rel,
                    line,
                    (
                        _("image: {problem}", problem=error)
                        if link.is_image
                        else _("link: {problem}", problem=error)
                    ),
                )
            elif link.is_image:
                wanted = resolved or _joined(source.rel, path)
                images = [rel for rel in known_files if rel.lower().endswith(IMAGE_SUFFIXES)]
                problems.add(
                    source.rel,
                    line,
                    _(
                        "image {path} does not exist (looked for {wanted}){hint}",
                        path=repr(path),
                        wanted=wanted,
                        hint=_did_you_mean(source.rel, wanted, images),
                    ),
                )
            else:
                wanted = _joined(source.rel, path)
                pages = [rel for rel in known_files if rel.endswith(".md") and resolve_page(rel)]
                problems.add(
                    source.rel,
                    line,
                    _(
                        "link to a page that does not exist: {path} (looked for {wanted}){hint}",
                        path=repr(path),
                        wanted=wanted,
                        hint=_did_you_mean(source.rel, wanted, pages),
                    ),
                )
            continue
        suffix = PurePosixPath(resolved).suffix.lower()
        if link.is_image:
            _check_image(source.rel, line, path, resolved, suffix, link, check_image, problems)
            continue
        if suffix in IMAGE_SUFFIXES:  # a linked image is published (cleaned) too: check it
            message = check_image(resolved)
            if message:
                problems.add(resolved, None, message)
        elif suffix != ".md" and suffix not in ATTACHMENT_SUFFIXES:
            problems.add(
                source.rel,
                line,
                _(
                    "link to {path}: files ending in '{suffix}' are "
                    "not published (they could run code on this site); "
                    "expected a page (.md), an image ({images}) or a "
                    "document ({documents})",
                    path=repr(path),
                    suffix=suffix or _("(nothing)"),
                    images=", ".join(IMAGE_SUFFIXES),
                    documents=", ".join(ATTACHMENT_SUFFIXES),
                ),
            )
        if suffix == ".md":
            if not resolve_page(resolved):
                problems.add(
                    source.rel,
                    line,
                    _("link to {path}: that file is not a published page", path=repr(path)),
                )
            elif anchor and anchor not in anchors_of(resolved):
                problems.add(
                    source.rel,
                    line,
                    _(
                        "link to '{path}#{anchor}': no heading with that anchor on that page",
                        path=path,
                        anchor=anchor,
                    ),
                )


def _check_image(
    rel: str,
    line: int,
    path: str,
    resolved: str,
    suffix: str,
    link,
    check_image: Callable[[str], str | None],
    problems: Problems,
) -> None:
    decorative = link.attrs is not None and link.attrs.split() == [DECORATIVE]
    if suffix not in IMAGE_SUFFIXES:
        problems.add(
            rel,
            line,
            _(
                "image {path}: expected a file ending in {suffixes}",
                path=repr(path),
                suffixes=", ".join(IMAGE_SUFFIXES),
            ),
        )
    elif link.attrs is not None and not decorative:
        problems.add(
            rel,
            line,
            _(
                "image {path}: the only thing allowed in braces after an "
                "image is {{: {decorative}}}, got {{{found}}}",
                path=repr(path),
                decorative=DECORATIVE,
                found=link.attrs,
            ),
        )
    elif decorative and link.text.strip():
        problems.add(
            rel,
            line,
            _(
                "image {path} is marked decorative but has alt text: leave "
                "the brackets empty, or remove {{: {decorative}}}",
                path=repr(path),
                decorative=DECORATIVE,
            ),
        )
    elif not decorative and not link.text.strip():
        problems.add(
            rel,
            line,
            _(
                "image {quoted} has no alt text: describe the image between "
                "the brackets, ![like this]({path}); only a purely decorative "
                "image may go without, marked ![]({path}){{: {decorative}}}",
                quoted=repr(path),
                path=path,
                decorative=DECORATIVE,
            ),
        )
    else:
        message = check_image(resolved)
        if message:
            problems.add(resolved, None, message)


def _did_you_mean(from_rel: str, wanted: str, candidates: list[str]) -> str:
    """`` (did you mean 'LINK'?)`` for the candidate file closest to ``wanted``, as the
    relative link to write in ``from_rel``; empty when none is close.

    Names without their suffix are compared (a typo is in the name; every path in a folder
    shares its start and every page ends in '.md', which would make unrelated files look
    close), by difflib as references are (core/site.py); a name that only lacks its ending
    ('privacy' for 'privacy-verklaring') is taken too. Of files with that name, the one whose
    whole path is closest wins (the same folder before another).
    """
    by_stem: dict[str, list[str]] = {}
    for rel in candidates:
        by_stem.setdefault(_stem(rel), []).append(rel)
    stem = _stem(wanted)
    match = (
        difflib.get_close_matches(stem, sorted(by_stem), n=1, cutoff=0.6)
        or sorted((other for other in by_stem if other.startswith(stem + "-")), key=len)[:1]
    )
    if not stem or not match:
        return ""
    best = max(
        sorted(by_stem[match[0]]),
        key=lambda rel: difflib.SequenceMatcher(None, wanted, rel).ratio(),
    )
    return _(
        " (did you mean '{match}'?)",
        match=posixpath.relpath(best, posixpath.dirname(from_rel) or "."),
    )


def _stem(rel: str) -> str:
    name = posixpath.basename(rel)
    return name.rpartition(".")[0] or name


def _joined(from_rel: str, target: str) -> str:
    parts: list[str] = []
    for part in (PurePosixPath(from_rel).parent / target).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


# The sentence ``build.py new`` puts where the text goes (core/scaffold.py writes it).
PLACEHOLDER = "Schrijf hier de tekst in Markdown. / Write the text here in Markdown."


def check_placeholder(source: SourceFile, problems: Problems) -> None:
    """Refuse the placeholder text of a new file, so it is never published by mistake."""
    for offset, line in enumerate(source.body.split("\n")):
        if PLACEHOLDER in line:
            problems.add(
                source.rel,
                source.body_line + offset,
                _(
                    "expected your own text after the front matter, got the placeholder "
                    "sentence of 'build.py new': replace it (or delete it where the text "
                    "is optional)"
                ),
            )
