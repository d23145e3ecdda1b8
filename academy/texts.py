"""The fixed texts of the Academy pages, in both languages (content lives in content/)."""

from __future__ import annotations

from decimal import Decimal

from core import facets
from core.languages import translator

TEXTS = {
    "nl": {
        "title": "Mensenhandel Academy",
        "summary": "Trainingen, e-learnings, factsheets en toolkits over het herkennen van "
        "mensenhandel, per ketenpartner.",
        "intro": "Wie mensenhandel wil herkennen, moet weten waar hij op moet letten. In de "
        "Mensenhandel Academy vind je het aanbod voor professionals bij elkaar: "
        "e-learnings, trainingen, webinars, factsheets en toolkits. Veel ervan is "
        "gratis. De tegels staan per ketenpartner. Met de filters en het zoekveld "
        "maak je de lijst kleiner.",
        "per_audience": "Per ketenpartner",
        "offers_folder": "aanbod",
        "audience_title": "Academy voor {label}",
        "audience_summary": "Het aanbod van de Mensenhandel Academy voor {label}.",
        "audience_intro": "Dit is het aanbod voor {label}. Op de hoofdpagina van de Academy kun "
        "je ook filteren op soort, taal, vorm en kosten.",
        "back": "Terug naar de Mensenhandel Academy (met filters)",
        "facet_audience": "Voor wie",
        "facet_kind": "Soort",
        "facet_cost": "Kosten",
        "free_value": "gratis",
        "group_anchor": "voor",
        "free_only": "Alleen gratis",
        "facet_language": "Taal",
        "facet_format": "Vorm",
        "status_one": "{n} van {total} onderdelen getoond",
        "status_many": "{n} van {total} onderdelen getoond",
        "status_none": "Niets gevonden. Haal een vinkje weg of wis de filters.",
        "free": "Gratis",
        "facts": "Feiten",
        "fact_kind": "Soort",
        "fact_audiences": "Voor",
        "fact_provider": "Aanbieder",
        "fact_with": "Ontwikkeld met",
        "fact_cost": "Kosten",
        "fact_accreditation": "Accreditatie",
        "fact_duration": "Duur",
        "fact_languages": "Talen",
        "fact_format": "Vorm",
        "fact_link": "Meer informatie",
        "points": "{points} punten bij {by}",
        "point": "1 punt bij {by}",
        "accredited": "Geaccrediteerd",
        "by": "Door {provider}",
        "link_note": "(externe website)",
        "dutch_only": "(Nederlands)",
        "fact_sessions": "Data",
        "fact_registration": "Aanmelden",
        "fact_external": "Ook bij de aanbieder",
        "online": "online",
        "past": "(geweest)",
        "register": "Meld je aan",
    },
    "en": {
        "title": "Human Trafficking Academy",
        "summary": "Training, e-learning, factsheets and toolkits on recognising human "
        "trafficking, by chain partner.",
        "intro": "To recognise human trafficking, you need to know what to look for. The "
        "Human Trafficking Academy brings together what there is for professionals: "
        "e-learning, training, webinars, factsheets and toolkits. Much of it is free. "
        "The tiles are grouped by chain partner. Use the filters and the search box "
        "to narrow the list. Most offers are in Dutch.",
        "per_audience": "By chain partner",
        "offers_folder": "offers",
        "audience_title": "Academy for {label}",
        "audience_summary": "What the Human Trafficking Academy offers for {label}.",
        "audience_intro": "This is what we offer for {label}. On the Academy's main page you "
        "can also filter by kind, language, format and cost.",
        "back": "Back to the Human Trafficking Academy (with filters)",
        "facet_audience": "For whom",
        "facet_kind": "Kind",
        "facet_cost": "Cost",
        "free_value": "free",
        "group_anchor": "for",
        "free_only": "Free only",
        "facet_language": "Language",
        "facet_format": "Format",
        "status_one": "{n} of {total} offers shown",
        "status_many": "{n} of {total} offers shown",
        "status_none": "Nothing found. Untick an option or clear the filters.",
        "free": "Free",
        "facts": "Facts",
        "fact_kind": "Kind",
        "fact_audiences": "For",
        "fact_provider": "Provider",
        "fact_with": "Developed with",
        "fact_cost": "Cost",
        "fact_accreditation": "Accreditation",
        "fact_duration": "Duration",
        "fact_languages": "Languages",
        "fact_format": "Format",
        "fact_link": "More information",
        "points": "{points} points from {by}",
        "point": "1 point from {by}",
        "accredited": "Accredited",
        "by": "By {provider}",
        "link_note": "(external website)",
        "dutch_only": "(in Dutch)",
        "fact_sessions": "Dates",
        "fact_registration": "Registration",
        "fact_external": "Also at the provider",
        "online": "online",
        "past": "(past)",
        "register": "Register",
    },
}


t = translator(TEXTS)


def price(value: Decimal | None, lang: str) -> str:
    """'Gratis' / 'Free', or the price as people write it: '€ 49,50' / '€49.50'."""
    if value is None:
        return t(lang, "free")
    amount = f"{value:.2f}"
    return f"€ {amount.replace('.', ',')}" if lang == "nl" else f"€{amount}"


def filter_texts(lang: str) -> facets.Texts:
    """The filter component's texts, with offers as what is counted."""
    return facets.counting(
        lang, t(lang, "status_one"), t(lang, "status_many"), t(lang, "status_none")
    )
