"""The fixed texts of the publication pages, in both languages (content lives in content/)."""

from __future__ import annotations

from core import facets
from core.languages import translator

TEXTS = {
    "nl": {
        "folder": "publicaties",
        "title": "Publicaties",
        "summary": "Kamervragen, debatten, brieven en rapporten over mensenhandel waarbij wij "
        "betrokken waren.",
        "intro": "Wij volgen wat de politiek met mensenhandel doet, en leveren kennis aan. Hier "
        "staan de Kamerstukken, debatten, brieven en reacties waarbij wij betrokken "
        "waren. Kies een jaar of een soort om de lijst kleiner te maken.",
        "per_year": "Per jaar",
        "facet_year": "Jaar",
        "facet_kind": "Soort",
        "status_one": "{n} van {total} documenten getoond",
        "status_many": "{n} van {total} documenten getoond",
        "status_none": "Niets gevonden. Haal een vinkje weg of wis de filters.",
        "year_anchor": "jaar",
        "fact_date": "Datum",
        "fact_kind": "Soort",
        "fact_kamerstuk": "Kamerstuk",
        "fact_partners": "Betrokken partners",
        "fact_link": "Lees het document",
        "kamerstuk": "Kamerstuk {number}",
        "link_note": "(externe website)",
        "back": "Terug naar alle publicaties (met filters)",
        "dutch_only": "(Nederlands)",
    },
    "en": {
        "folder": "publications",
        "title": "Publications",
        "summary": "Parliamentary questions, debates, letters and reports on human trafficking "
        "we were involved in.",
        "intro": "We follow what Dutch politics does about human trafficking, and we bring in "
        "our knowledge. These are the parliamentary papers, debates, letters and "
        "responses we were involved in. The documents themselves are in Dutch. Choose "
        "a year or a kind to narrow the list.",
        "per_year": "By year",
        "facet_year": "Year",
        "facet_kind": "Kind",
        "status_one": "{n} of {total} documents shown",
        "status_many": "{n} of {total} documents shown",
        "status_none": "Nothing found. Untick an option or clear the filters.",
        "year_anchor": "year",
        "fact_date": "Date",
        "fact_kind": "Kind",
        "fact_kamerstuk": "Parliamentary paper",
        "fact_partners": "Partners involved",
        "fact_link": "Read the document",
        "kamerstuk": "Parliamentary paper {number}",
        "link_note": "(external website, in Dutch)",
        "back": "Back to all publications (with filters)",
        "dutch_only": "(in Dutch)",
    },
}

t = translator(TEXTS)


def filter_texts(lang: str) -> facets.Texts:
    """The filter component's texts, with documents as what is counted."""
    return facets.counting(
        lang, t(lang, "status_one"), t(lang, "status_many"), t(lang, "status_none")
    )
