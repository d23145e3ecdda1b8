"""The fixed texts of the Kompas pages, in both languages (the content lives in content/)."""

from __future__ import annotations

from core import facets
from core.languages import translator

TEXTS = {
    "nl": {
        "title": "Kompas",
        "summary": "De gids voor gemeenten: vormen van mensenhandel, bestuurlijke instrumenten, "
        "rollen en samenwerking.",
        "intro": "Elke gemeente moet mensenhandel aanpakken. Het Kompas helpt daarbij. Je vindt "
        "hier welke vormen mensenhandel heeft, welke bestuurlijke instrumenten je als "
        "gemeente hebt en wie waarvoor zorgt. Zoek iets op, print een kaart voor een "
        "overleg of kijk met de zelfscan waar jouw gemeente staat.",
        "what": "Wat?",
        "what_text": "Welke vormen van mensenhandel zijn er, en hoe herken je ze?",
        "how": "Hoe?",
        "how_text": "Welke bestuurlijke instrumenten heeft een gemeente, en hoe zet je ze in?",
        "with_whom": "Met wie?",
        "with_whom_text": "Wie is waarvoor verantwoordelijk, en met welke partners werk je samen?",
        "entry_points": "Begin hier",
        "more": "Verder in het Kompas",
        "form_title": "Vormen van mensenhandel",
        "form_summary": "De vormen die mensenhandel aanneemt, met signalen en de instrumenten "
        "die helpen.",
        "instrument_title": "Bestuurlijke instrumenten",
        "instrument_summary": "Wat een gemeente kan doen, met wettelijke basis, stappen en "
        "partners. Filter op vorm, rol en niveau.",
        "role_title": "Rollen",
        "role_summary": "Wie doet wat in de gemeentelijke aanpak van mensenhandel.",
        "theme_title": "Thema's",
        "theme_summary": "De vijf thema's van een gemeentelijke aanpak, op basisniveau en "
        "gevorderd niveau.",
        "matrix_title": "Instrumenten per vorm",
        "matrix_summary": "Een tabel: welk bestuurlijk instrument helpt tegen welke vorm van "
        "mensenhandel.",
        "matrix_caption": "Bestuurlijke instrumenten (rijen) en vormen van mensenhandel "
        "(kolommen). Een vinkje betekent: het instrument helpt tegen die vorm.",
        "matrix_scroll": "Tabel: instrumenten per vorm. Schuif opzij om alle vormen te zien.",
        "matrix_hint": "Schuif de tabel opzij om alle vormen te zien →",
        "matrix_corner": "Instrument",
        "role_matrix_title": "Rollen per vorm",
        "role_matrix_summary": "Een tabel: welke rol met welke instrumenten optreedt tegen welke "
        "vorm van mensenhandel.",
        "role_matrix_caption": "Rollen (rijen) en vormen van mensenhandel (kolommen). In elke cel "
        "staan de instrumenten waarmee de rol optreedt tegen die vorm.",
        "role_matrix_scroll": "Tabel: rollen per vorm. Schuif opzij om alle vormen te zien.",
        "role_matrix_corner": "Rol",
        "advice_title": "Advies: wat nog niet geregeld is",
        "advice_intro": "Voor elk punt dat je nog niet hebt afgevinkt staat hier wat helpt.",
        "advice_done": "Je hebt alle punten afgevinkt. Er is geen advies meer op dit niveau.",
        "advice_helps": "Wat helpt",
        "helps": "Instrumenten die helpen",
        "yes": "ja",
        "no": "nee",
        "checklist_title": "Zelfscan: {level}",
        "checklist_summary": "Vink af wat jouw gemeente al op {level} heeft geregeld. "
        "Niets wordt verstuurd.",
        "checklist_intro": "Loop de punten per thema langs en vink af wat jouw gemeente al "
        "heeft geregeld. Wat je aanvinkt, onthoudt deze browser alleen tot je "
        "dit tabblad sluit. Wil je verder werken op een ander moment, kies dan "
        "'Bewaar mijn vinkjes op dit apparaat'. Niets wordt verstuurd. Je kunt "
        "de lijst printen voor een overleg en alles weer wissen.",
        "checklist_other": "Andere niveau",
        "checklists": "Zelfscan",
        "level": "Niveau",
        "basic": "basisniveau",
        "advanced": "gevorderd niveau",
        "level_basic": "Basis",
        "level_advanced": "Gevorderd",
        "facet_form": "Vorm",
        "facet_role": "Verantwoordelijke rol",
        "facet_level": "Niveau",
        "status_one": "{n} van {total} instrumenten getoond",
        "status_many": "{n} van {total} instrumenten getoond",
        "status_none": "Geen instrumenten gevonden. Haal een vinkje weg of wis de filters.",
        "forms": "Vormen",
        "roles": "Verantwoordelijk",
        "partners": "Partners om te betrekken",
        "legal_basis": "Wettelijke basis",
        "steps": "Stappen",
        "pitfalls": "Valkuilen",
        "sources": "Meer lezen",
        "signals": "Signalen",
        "examples": "Voorbeelden",
        "instruments": "Instrumenten",
        "instruments_for_form": "Instrumenten tegen deze vorm",
        "instruments_for_role": "Instrumenten waarvoor deze rol verantwoordelijk is",
        "roles_for_form": "Rollen bij deze vorm",
        "forms_for_role": "Vormen waarmee deze rol te maken heeft",
        "responsibilities": "Verantwoordelijkheden",
        "partners_for_form": "Partners om te betrekken",
        "none": "Nog geen.",
        "elsewhere": "Elders op deze site",
        "dutch_only": "(Nederlands)",
        "print": "Print deze kaart",
        "print_hint": "Print deze pagina als kaart op één A4.",
        "printed_from": "Geprint van",
        "back_home": "Terug naar het Kompas",
        "in_dutch": "(in het Nederlands)",
        "factsheet_starting": "Gemeenten die beginnen",
        "factsheet_advanced": "Gemeenten die verder zijn",
        "theme_checklist": "Zelfscan voor dit thema",
        "theme_points": "Punten op {level}",
        "cards_title": "Alle instrumentkaarten",
        "cards_summary": "Alle bestuurlijke instrumenten als kaarten: elk instrument op een "
        "eigen A4 als je print.",
        "cards_intro": "Hier staan alle instrumenten onder elkaar. Print je deze pagina, dan "
        "komt elk instrument op een eigen A4, met het adres van zijn pagina.",
    },
    "en": {
        "title": "Kompas",
        "summary": "The guide for municipalities: forms of trafficking, administrative "
        "instruments, roles and cooperation.",
        "intro": "Every Dutch municipality must tackle human trafficking. The Kompas (compass) "
        "helps. It shows the forms trafficking takes, the administrative instruments a "
        "municipality has and who is responsible for what. Look something up, print a "
        "card for a meeting or check where your municipality stands.",
        "what": "What?",
        "what_text": "Which forms does trafficking take, and how do you recognise them?",
        "how": "How?",
        "how_text": "Which administrative instruments does a municipality have, "
        "and how do you use them?",
        "with_whom": "With whom?",
        "with_whom_text": "Who is responsible for what, and which partners do you work with?",
        "entry_points": "Start here",
        "more": "More in the Kompas",
        "form_title": "Forms of trafficking",
        "form_summary": "The forms trafficking takes, with signals and the instruments that help.",
        "instrument_title": "Administrative instruments",
        "instrument_summary": "What a municipality can do, with legal basis, steps and partners.",
        "role_title": "Roles",
        "role_summary": "Who does what in the municipal approach to trafficking.",
        "theme_title": "Themes",
        "theme_summary": "The five themes of a municipal approach, at the basic and the "
        "advanced level.",
        "matrix_title": "Instruments per form",
        "matrix_summary": "A table: which administrative instrument helps against which form "
        "of trafficking.",
        "matrix_caption": "Administrative instruments (rows) and forms of trafficking "
        "(columns). A tick means: the instrument helps against that form.",
        "matrix_scroll": "Table: instruments per form. Scroll sideways to see every form.",
        "matrix_hint": "Scroll the table sideways to see every form →",
        "matrix_corner": "Instrument",
        "role_matrix_title": "Roles per form",
        "role_matrix_summary": "A table: which role acts against which form of trafficking, "
        "and with which instruments.",
        "role_matrix_caption": "Roles (rows) and forms of trafficking (columns). Each cell names "
        "the instruments with which the role acts against that form.",
        "role_matrix_scroll": "Table: roles per form. Scroll sideways to see every form.",
        "role_matrix_corner": "Role",
        "advice_title": "Advice: what is not in place yet",
        "advice_intro": "For every point you have not ticked yet, this says what helps.",
        "advice_done": "You have ticked every point. There is no more advice at this level.",
        "advice_helps": "What helps",
        "helps": "Instruments that help",
        "yes": "yes",
        "no": "no",
        "checklist_title": "Self-assessment: {level}",
        "checklist_summary": "Tick off what your municipality has in place at the {level}. "
        "Nothing is sent.",
        "checklist_intro": "Go through the points per theme and tick off what your "
        "municipality has in place. This browser remembers your ticks only until "
        "you close this tab. To continue another time, choose 'Keep my ticks "
        "on this device'. Nothing is sent. You can print the list for a "
        "meeting and clear everything again.",
        "checklist_other": "Other level",
        "checklists": "Self-assessment",
        "level": "Level",
        "basic": "basic level",
        "advanced": "advanced level",
        "level_basic": "Basic",
        "level_advanced": "Advanced",
        "facet_form": "Form",
        "facet_role": "Responsible role",
        "facet_level": "Level",
        "status_one": "{n} of {total} instruments shown",
        "status_many": "{n} of {total} instruments shown",
        "status_none": "No instruments found. Untick an option or clear the filters.",
        "forms": "Forms",
        "roles": "Responsible",
        "partners": "Partners to involve",
        "legal_basis": "Legal basis",
        "steps": "Steps",
        "pitfalls": "Pitfalls",
        "sources": "Read more",
        "signals": "Signals",
        "examples": "Examples",
        "instruments": "Instruments",
        "instruments_for_form": "Instruments against this form",
        "instruments_for_role": "Instruments this role is responsible for",
        "roles_for_form": "Roles for this form",
        "forms_for_role": "Forms this role deals with",
        "responsibilities": "Responsibilities",
        "partners_for_form": "Partners to involve",
        "none": "None yet.",
        "elsewhere": "Elsewhere on this site",
        "dutch_only": "(in Dutch)",
        "print": "Print this card",
        "print_hint": "Print this page as a card on one A4 sheet.",
        "printed_from": "Printed from",
        "back_home": "Back to the Kompas",
        "in_dutch": "(in Dutch)",
        "factsheet_starting": "Municipalities that are starting",
        "factsheet_advanced": "Municipalities that are further along",
        "theme_checklist": "Self-assessment for this theme",
        "theme_points": "Points at the {level}",
        "cards_title": "All instrument cards",
        "cards_summary": "Every administrative instrument as a card: each on its own A4 sheet "
        "when printed.",
        "cards_intro": "All instruments, one after the other. When you print this page, each "
        "instrument comes out on its own A4 sheet, with the address of its page.",
    },
}


t = translator(TEXTS)


def filter_texts(lang: str) -> facets.Texts:
    """The filter component's texts, counting instruments."""
    return facets.counting(
        lang, t(lang, "status_one"), t(lang, "status_many"), t(lang, "status_none")
    )
