"""Breadcrumbs: where a page sits, from its web address, for every page but the home.

Derived from the staged paths rather than asked of each section: a page's crumbs are the
pages at the folders above it (``kompas/`` then ``kompas/instrumenten/``), so a section gets
them by generating its landing and listing pages where its detail pages live.
"""

from __future__ import annotations

from dataclasses import replace

from core.pagefields import Crumb
from core.staging import StagedPage
from core.urls import relative_url, url_of


def link_breadcrumbs(pages: list[StagedPage]) -> None:
    """Set ``fields.breadcrumbs`` on every page of one language but the home: the pages at
    the folders above it (title and relative link), ending with the page itself (no link).
    The theme adds the home as the first crumb (theme/partials/breadcrumbs.html)."""
    by_url = {url_of(p.doc_path): p for p in pages}
    for page in pages:
        url = url_of(page.doc_path)
        if not url:
            continue  # the home page has none
        parts = url.strip("/").split("/")
        crumbs: list[Crumb] = []  # the current page has no link (None)
        for depth in range(1, len(parts)):
            above = by_url.get("/".join(parts[:depth]) + "/")
            if above is not None:
                crumbs.append(
                    Crumb(
                        title=above.title,
                        href=relative_url(page.lang, page.doc_path, above.lang, above.doc_path),
                    )
                )
        crumbs.append(Crumb(title=page.title, href=None))
        page.fields = replace(page.fields, breadcrumbs=tuple(crumbs))
