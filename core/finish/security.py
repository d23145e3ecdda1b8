"""The site's Content-Security-Policy and security headers.

The policy is strict: everything from our own host only, no inline scripts (a hash is added for
any inline script a template still makes, computed from the built pages), no plugins, no
framing. It goes into every page as ``<meta http-equiv>`` (where browsers honour it) and into a
``_headers`` file for Netlify/Cloudflare-style hosts; ``deploy/nginx.conf`` carries the same
headers for nginx (a test keeps them in step).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from core.files import tree_files

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<code>.*?)</script>", re.S | re.I)
_DATA_TYPES = ("application/ld+json", "application/json")
_CHARSET = '<meta charset="utf-8">'

HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
                           "magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()"),
    "Cross-Origin-Opener-Policy": "same-origin",
}


def content_security_policy(script_hashes: list[str], for_meta: bool) -> str:
    """The policy; ``frame-ancestors`` only outside ``<meta>``, where browsers ignore it."""
    scripts = " ".join(["'self'", *(f"'{h}'" for h in script_hashes)])
    parts = ["default-src 'self'", f"script-src {scripts}", "style-src 'self'",
             "img-src 'self' data:", "font-src 'self'", "connect-src 'self'",
             "object-src 'none'", "base-uri 'self'", "form-action 'self'"]
    if not for_meta:
        parts.append("frame-ancestors 'none'")
    return "; ".join(parts)


def inline_script_hashes(site_dir: Path) -> list[str]:
    """``sha256-...`` of every executable inline script in the built pages, sorted."""
    hashes: set[str] = set()
    for page in tree_files(site_dir, ".html"):
        hashes |= script_hashes_of((site_dir / page).read_text(encoding="utf-8"))
    return sorted(hashes)


def script_hashes_of(html: str) -> set[str]:
    """``sha256-...`` of every executable inline script in one page."""
    hashes: set[str] = set()
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if "src=" in attrs or any(t in attrs for t in _DATA_TYPES):
            continue
        digest = hashlib.sha256(match.group("code").encode("utf-8")).digest()
        hashes.add("sha256-" + base64.b64encode(digest).decode("ascii"))
    return hashes


def _meta(hashes: list[str]) -> str:
    return (f'{_CHARSET}\n    <meta http-equiv="Content-Security-Policy" '
            f'content="{content_security_policy(hashes, for_meta=True)}">')


def apply_security(site_dir: Path, with_meta: bool = True) -> str:
    """Put the policy into every page and write ``_headers``; returns the header policy."""
    if not with_meta:
        return write_headers(site_dir, inline_script_hashes(site_dir))
    # One reading of every page: each gets the policy for no inline scripts (our templates
    # make none) while the inline scripts are looked for; should a page have one after all,
    # a second pass puts the policy with their hashes in its place.
    hashes: set[str] = set()
    pages = tree_files(site_dir, ".html")
    plain = _meta([])
    for rel in pages:
        page = site_dir / rel
        html = page.read_text(encoding="utf-8")
        hashes |= script_hashes_of(html)
        if _CHARSET in html:
            page.write_text(html.replace(_CHARSET, plain, 1), encoding="utf-8")
    if hashes:
        final = _meta(sorted(hashes))
        for rel in pages:
            page = site_dir / rel
            html = page.read_text(encoding="utf-8")
            if plain in html:
                page.write_text(html.replace(plain, final, 1), encoding="utf-8")
    return write_headers(site_dir, sorted(hashes))


def write_headers(site_dir: Path, hashes: list[str]) -> str:
    """Write ``_headers`` for the inline script ``hashes``; returns the header policy."""
    policy = content_security_policy(hashes, for_meta=False)
    lines = ["/*", f"  Content-Security-Policy: {policy}"]
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    (site_dir / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return policy
