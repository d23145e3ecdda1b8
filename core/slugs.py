"""Web names made from text: the one slugify of the project.

Used where a name an editor wrote becomes part of an address or a filter value: a town of the
exhibition calendar, a vocabulary label (core/fieldtypes.py ``Vocabulary.slug``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from core.caches import REMEMBERED


@functools.lru_cache(maxsize=REMEMBERED)  # the same labels and towns, on every page listing them
def slugify(text: str) -> str:
    """'’s-Hertogenbosch' -> 's-hertogenbosch', 'Zorg en opvang' -> 'zorg-en-opvang'.

    Lower-case ASCII letters, digits and single hyphens; accents are dropped (é -> e), every
    other run of characters becomes one hyphen. Empty when the text has no letter or digit.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
