"""The fixed texts of the Longread pages, in both languages (content lives in content/)."""

from __future__ import annotations

from core.languages import translator

TEXTS = {
    "nl": {
        "kind_victim": "Ervaringsverhaal",
        "kind_professional": "Verhaal van een professional",
        "minutes": "{n} minuten lezen",
        "minute": "1 minuut lezen",
        "stories": "De verhalen",
        "latest": "Nieuwste verhalen",
        "credit": "Beeld: {credit}",
        "composite": "Dit verhaal is samengesteld uit de ervaringen van meerdere mensen. Namen, "
        "plaatsen en details zijn veranderd. Niemand in dit verhaal is echt te "
        "herkennen.",
        "toc": "In dit verhaal",
        "warning_title": "Let op: dit verhaal kan je raken",
        "card_warning": "Met waarschuwing: dit verhaal kan je raken",
        "warning_leave": "Liever niet lezen? Ga terug naar {link}, of gebruik de knop "
        "‘Snel weg’ bovenaan de pagina.",
        "warning_leave_link": "alle verhalen",
        "warning_open": "Ik wil het verhaal lezen",
        "warning_close": "Verberg het verhaal weer",
        "related": "Meer weten",
        "related_partners": "Organisaties in dit verhaal",
        "related_kompas": "In het Kompas",
        "share": "Deel dit verhaal",
        "share_intro": "Kopieer de link en stuur hem zelf door. Op deze site staan geen "
        "knoppen van sociale media: die houden bij wie je bent.",
        "share_label": "Link naar dit verhaal",
        "share_copy": "Kopieer de link",
        "share_done": "De link is gekopieerd.",
        "share_failed": "Kopiëren lukte niet. Selecteer de link in het veld en kopieer hem zelf.",
        "pager": "Vorig en volgend verhaal",
        "previous": "Vorig verhaal",
        "next": "Volgend verhaal",
        "back": "Terug naar alle verhalen",
        "dutch_only": "(Nederlands)",
    },
    "en": {
        "kind_victim": "Lived experience",
        "kind_professional": "A professional's story",
        "minutes": "{n} min read",
        "minute": "1 min read",
        "stories": "The stories",
        "latest": "Latest stories",
        "credit": "Image: {credit}",
        "composite": "This story is put together from the experiences of several people. "
        "Names, places and details have been changed. No one in it can be "
        "recognised.",
        "toc": "In this story",
        "warning_title": "Please note: this story may upset you",
        "card_warning": "Content warning: this story may upset you",
        "warning_leave": "Would you rather not read it? Go back to {link}, or use the "
        "‘Quick exit’ button at the top of the page.",
        "warning_leave_link": "all stories",
        "warning_open": "I want to read the story",
        "warning_close": "Hide the story again",
        "related": "Find out more",
        "related_partners": "Organisations in this story",
        "related_kompas": "In the Kompas",
        "share": "Share this story",
        "share_intro": "Copy the link and send it on yourself. This site has no social media "
        "buttons: they track who you are.",
        "share_label": "Link to this story",
        "share_copy": "Copy the link",
        "share_done": "The link has been copied.",
        "share_failed": "Copying did not work. Select the link in the field and copy it yourself.",
        "pager": "Previous and next story",
        "previous": "Previous story",
        "next": "Next story",
        "back": "Back to all stories",
        "dutch_only": "(in Dutch)",
    },
}


t = translator(TEXTS)


def reading_time(minutes: int, lang: str) -> str:
    """'6 minuten lezen' / '6 min read'."""
    return t(lang, "minute") if minutes == 1 else t(lang, "minutes", n=minutes)
