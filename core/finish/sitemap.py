"""Stage finish: one ``sitemap.xml`` at the root for both languages, with hreflang alternates."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr, escape


def write_sitemap(site_dir: Path, pages: list[dict]) -> None:
    """Write the sitemap; ``pages`` are ``{"loc": url, "alternates": [{"lang", "href"}]}``.

    MkDocs writes one (empty: theme/sitemap.xml) per language root; those go, so that exactly
    one exists.
    """
    for stale in [*site_dir.glob("sitemap.xml*"), *site_dir.glob("*/sitemap.xml*")]:
        stale.unlink()
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for page in sorted(pages, key=lambda p: p["loc"]):
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(page['loc'])}</loc>")
        for alternate in page["alternates"]:
            lines.append(
                f'    <xhtml:link rel="alternate" hreflang={quoteattr(alternate["lang"])} '
                f"href={quoteattr(alternate['href'])}/>"
            )
        lines.append("  </url>")
    lines.append("</urlset>")
    (site_dir / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
