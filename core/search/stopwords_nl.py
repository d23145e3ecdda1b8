"""Dutch stop words of lunr-languages 1.22.0 (``lunr.nl.stopWordFilter`` in lunr.nl.js).

Copied once from the npm package so that the build downloads nothing; lunr-languages is
Copyright 2014 Mihai Valentin, Mozilla Public License 1.1 (http://www.mozilla.org/MPL/).
tests/test_search_pipeline.py checks that the list still equals the one in node_modules.
"""

# The list in lunr.nl.js starts with a space, so split(' ') makes "" a stop word too: lunr.js
# drops a token that the trimmer emptied ("+", "..."). Kept, so the index does the same.
STOP_WORDS_NL = (
    "", "aan", "al", "alles", "als", "altijd", "andere", "ben", "bij", "daar", "dan", "dat", "de",
    "der", "deze", "die", "dit", "doch", "doen", "door", "dus", "een", "eens", "en", "er", "ge",
    "geen", "geweest", "haar", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe",
    "hun", "iemand", "iets", "ik", "in", "is", "ja", "je", "kan", "kon", "kunnen", "maar", "me",
    "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets", "nog", "nu", "of",
    "om", "omdat", "onder", "ons", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen",
    "tot", "u", "uit", "uw", "van", "veel", "voor", "want", "waren", "was", "wat", "werd", "wezen",
    "wie", "wil", "worden", "wordt", "zal", "ze", "zelf", "zich", "zij", "zijn", "zo", "zonder",
    "zou",
)
