"""Fixed texts and the address of the help route, in both site languages.

Numbers, names and what happens when you call are content (content/help/); these are the words
around them.
"""

from __future__ import annotations

PATHS = {"nl": "hulp-en-melden", "en": "help"}

TEXTS = {
    "nl": {
        "title": "Hulp en melden",
        "summary": "Waar je terechtkunt als je in gevaar bent, iets wilt melden of je zorgen "
        "maakt om iemand. Met telefoonnummers en wat er gebeurt als je belt.",
        "intro": "Kies wat bij jouw situatie past. Bij elke situatie staat wie je kunt "
        "bellen en wat er dan gebeurt. Je hoeft niet zeker te weten dat het om "
        "mensenhandel gaat.",
        "choose": "Kies je situatie",
        "call": "Bel {phone}",
        "call_org": "Bel {organisation}, {phone}",
        "website": "Website van {organisation}",
        "publisher": "Vraag advies aan {publisher}",
        "block_title": "Hulp nodig of een vermoeden?",
        "all_help": "Alle hulp en meldpunten",
    },
    "en": {
        "title": "Help and reporting",
        "summary": "Where to turn if you are in danger, want to report something or are "
        "worried about someone. With phone numbers and what happens when you call.",
        "intro": "Choose what fits your situation. Each one says whom you can call and what "
        "happens next. You do not need to be sure that it is human trafficking.",
        "choose": "Choose your situation",
        "call": "Call {phone}",
        "call_org": "Call {organisation}, {phone}",
        "website": "Website of {organisation}",
        "publisher": "Ask {publisher} for advice",
        "block_title": "Need help or have a concern?",
        "all_help": "All help and where to report",
    },
}
