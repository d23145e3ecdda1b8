"""The fixed texts of the partner pages, in both languages (content lives in content/)."""

from __future__ import annotations

from core import facets
from core.languages import translator

TEXTS = {
    "nl": {
        "index_title": "Partners",
        "index_summary": "Met wie wij mensenhandel aanpakken: ketenpartners, overleggen en "
        "internationale netwerken.",
        "index_intro": "Mensenhandel pak je niet alleen aan. Politie, inspectie, gemeenten, "
        "zorg, opvang en ngo's werken samen, in Nederland en over de grens. Hier "
        "zie je wie wie is en hoe ze met elkaar verbonden zijn. Van sommige "
        "overleggen zijn wij voorzitter, van andere zijn we lid.",
        "views": "Andere overzichten",
        "a_z": "Alle partners van A tot Z",
        "by_kind": "Per soort",
        "a_z_title": "Partners van A tot Z",
        "a_z_summary": "Alle partners op alfabet.",
        "letters": "Ga naar letter",
        "kind_title": "Soort partner: {label}",
        "kind_summary": "Alle partners van de soort {label}.",
        "kind_folder": "soort",
        "back_to_index": "Terug naar alle partners (met filters)",
        "facet_kind": "Soort",
        "facet_sector": "Sector",
        "facet_scope": "Bereik",
        "facet_role": "Onze rol",
        "facet_status": "Status",
        "status_one": "{n} van {total} partners getoond",
        "status_many": "{n} van {total} partners getoond",
        "status_none": "Geen partners gevonden. Haal een vinkje weg of wis de filters.",
        "active": "Actief",
        "disbanded": "Opgeheven",
        "disbanded_on": "Opgeheven op {date}",
        "fact_abbreviation": "Afkorting",
        "fact_former": "Vroeger",
        "fact_website": "Website",
        "facts": "Feiten",
        "connections": "Verbindingen",
        "no_connections": "Er zijn nog geen verbindingen met andere partners vastgelegd.",
        "elsewhere": "Elders op deze site over {name}",
        "dutch_only": "(Nederlands)",
    },
    "en": {
        "index_title": "Partners",
        "index_summary": "Who we fight human trafficking with: chain partners, consultation "
        "structures and international networks.",
        "index_intro": "No one can fight human trafficking alone. Police, inspectors, "
        "municipalities, care, shelters and NGOs work together, in the "
        "Netherlands and across borders. Here you see who is who and how they "
        "are connected. We chair some consultation structures and are a member "
        "of others.",
        "views": "Other overviews",
        "a_z": "All partners from A to Z",
        "by_kind": "By kind",
        "a_z_title": "Partners from A to Z",
        "a_z_summary": "All partners in alphabetical order.",
        "letters": "Go to letter",
        "kind_title": "Kind of partner: {label}",
        "kind_summary": "All partners of the kind {label}.",
        "kind_folder": "kind",
        "back_to_index": "Back to all partners (with filters)",
        "facet_kind": "Kind",
        "facet_sector": "Sector",
        "facet_scope": "Scope",
        "facet_role": "Our role",
        "facet_status": "Status",
        "status_one": "{n} of {total} partners shown",
        "status_many": "{n} of {total} partners shown",
        "status_none": "No partners found. Untick an option or clear the filters.",
        "active": "Active",
        "disbanded": "Disbanded",
        "disbanded_on": "Disbanded on {date}",
        "fact_abbreviation": "Abbreviation",
        "fact_former": "Formerly",
        "fact_website": "Website",
        "facts": "Facts",
        "connections": "Connections",
        "no_connections": "No connections with other partners have been recorded yet.",
        "elsewhere": "More about {name} on this site",
        "dutch_only": "(in Dutch)",
    },
}


t = translator(TEXTS)


def filter_texts(lang: str) -> facets.Texts:
    """The filter component's texts, with 'partners' as what is counted."""
    return facets.counting(
        lang, t(lang, "status_one"), t(lang, "status_many"), t(lang, "status_none")
    )
