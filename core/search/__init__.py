"""Site search: a prebuilt lunr index per language, the search page and what the theme needs.

Section-agnostic: every staged page is indexed from its rendered HTML, labelled with its
section's ``label``; a new section is searchable without any change here.
"""

from __future__ import annotations

from core.search.index import index_path, write_index
from core.search.page import DOC_PATHS, search_page
from core.urls import url_of

# The browser code per language, in load order (theme/assets/vendor/, see its README).
SCRIPTS = {
    "en": ["assets/vendor/lunr.min.js"],
    "nl": [
        "assets/vendor/lunr.min.js",
        "assets/vendor/lunr.stemmer.support.min.js",
        "assets/vendor/lunr.nl.min.js",
    ],
}


def section_label(section, lang: str) -> str:
    """What visitors call a section in ``lang`` (its ``label``, else its key)."""
    return (section.label or {}).get(lang) or section.key


def theme_extra(lang: str) -> dict:
    """What the header's search box needs: the search page, the index and the scripts."""
    return {
        "url": url_of(DOC_PATHS[lang]),
        "index": index_path(lang),
        "lang": lang,
        "scripts": SCRIPTS[lang],
    }


__all__ = ["search_page", "write_index", "section_label", "theme_extra", "SCRIPTS"]
