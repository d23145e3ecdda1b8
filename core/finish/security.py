"""The site's Content-Security-Policy and security headers.

The policy is strict and fixed: everything from our own host only, scripts only from the
theme's own files (``script-src 'self'``), no plugins, no framing. It never allow-lists what
it finds: an inline script or an event-handler attribute in a built page (whether a template
or content put it there) fails the build instead of getting a hash in the policy. It goes
into every page as ``<meta http-equiv>`` (where browsers honour it) and into a ``_headers``
file for Netlify/Cloudflare-style hosts; ``deploy/nginx.conf`` carries the same headers for
nginx (a test keeps them in step).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from core.builthtml import parse_built
from core.errors import BuildError
from core.i18n import _
from core.files import tree_files

# Script types a browser does not run: data for the page's own scripts (schema.org JSON-LD,
# Material's configuration).
_DATA_TYPES = ("application/ld+json", "application/json")
_CHARSET = '<meta charset="utf-8">'

HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
        "magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()"
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
}


def content_security_policy(for_meta: bool) -> str:
    """The policy; ``frame-ancestors`` only outside ``<meta>``, where browsers ignore it."""
    parts = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if not for_meta:
        parts.append("frame-ancestors 'none'")
    return "; ".join(parts)


def inline_code_of(data: bytes, name: str) -> list[str]:
    """What in one built page would run without being one of the site's script files: inline
    ``<script>`` elements (data types excepted), event-handler attributes and ``javascript:``
    addresses, each described in a few words. Read with the finish stage's HTML parser."""
    root = parse_built(data, name)
    if root is None:
        return []
    found: list[str] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if script.get("src") is None and kind not in _DATA_TYPES:
            code = " ".join((script.text or "").split())
            found.append(f"an inline <script> ({code[:60]!r})")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "base" or (element.tag == "meta" and element.get("http-equiv")):
            # <base> re-points every relative address; http-equiv refresh sends the visitor
            # elsewhere (the policy does not cover navigation). The policy's own <meta> is
            # put in after this check.
            found.append(
                f"a <{element.tag}> that changes where the page goes "
                f"({' '.join(f'{k}={v[:30]!r}' for k, v in element.attrib.items())})"
            )
        for attr, value in element.attrib.items():
            if attr.lower().startswith("on"):
                found.append(f"the event attribute {attr}={value[:40]!r} on <{element.tag}>")
            elif "javascript:" in "".join(value.split()).lower() and attr in (
                "href",
                "src",
                "action",
            ):
                found.append(f"a javascript: address in {attr} on <{element.tag}>")
    return found


def check_no_inline_code(pages: Mapping[str, bytes]) -> None:
    """Fail with every page (its path in the built site) that holds code :func:`inline_code_of`
    finds: the policy allows the theme's script files only, so such code is either blocked
    (a broken page) or, were it allowed, injected."""
    _fail_on(
        [f"  {rel}: {what}" for rel in sorted(pages) for what in inline_code_of(pages[rel], rel)]
    )


def _fail_on(found: list[str]) -> None:
    if found:
        raise BuildError(
            _(
                "code that is not one of the site's script files in the built pages "
                "(the security policy allows script files only; remove it from the "
                "content or template that makes it):"
            )
            + "\n"
            + "\n".join(found)
        )


def apply_security(site_dir: Path, with_meta: bool = True) -> str:
    """Check every page for inline code, put the policy into every page (unless ``with_meta``
    is false: the preview, whose server adds its own script file) and write ``_headers``;
    returns the header policy.

    One page at a time: holding every page at once was the build's peak memory (the built
    pages are 207 MB at 5,000 items). ``site_dir`` is the build's own new tree: when a page
    fails the check, the pages already given the policy are thrown away with it."""
    meta = (
        f'{_CHARSET}\n    <meta http-equiv="Content-Security-Policy" '
        f'content="{content_security_policy(for_meta=True)}">'
    )
    found = []
    for rel in sorted(tree_files(site_dir, ".html")):
        data = (site_dir / rel).read_bytes()
        found += [f"  {rel}: {what}" for what in inline_code_of(data, rel)]
        if with_meta and not found:
            html = data.decode("utf-8")
            if _CHARSET in html:
                (site_dir / rel).write_text(html.replace(_CHARSET, meta, 1), encoding="utf-8")
    _fail_on(found)
    return write_headers(site_dir)


def write_headers(site_dir: Path) -> str:
    """Write ``_headers``; returns the header policy."""
    policy = content_security_policy(for_meta=False)
    lines = ["/*", f"  Content-Security-Policy: {policy}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    (site_dir / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return policy
