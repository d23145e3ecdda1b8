"""``robots.txt``: everything may be indexed; the sitemap is named so crawlers find both languages."""

from __future__ import annotations

from pathlib import Path


def write_robots(site_dir: Path, site_url: str) -> None:
    """Write ``robots.txt`` at the site root."""
    (site_dir / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n", encoding="utf-8"
    )
