"""Reading time: how long a story takes to read, from its text alone."""

from __future__ import annotations

import functools
import math
import re

from core.caches import REMEMBERED
from core.markdown_scan import blank_code

# Adults read Dutch non-fiction on screen at about 200 words a minute (slower than English:
# longer compound words); a longread is read, not skimmed.
WORDS_PER_MINUTE = 200
_LINK_TARGET = re.compile(r"\]\([^)]*\)|\{[^}]*\}")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@functools.lru_cache(maxsize=REMEMBERED)  # every story, on every load of the preview
def words(markdown: str) -> int:
    """The number of words a reader reads in ``markdown`` (link targets and code left out)."""
    return len(_WORD.findall(_LINK_TARGET.sub(" ", blank_code(markdown))))


def minutes(markdown: str) -> int:
    """Whole minutes to read ``markdown`` at 200 words a minute, at least 1."""
    return max(1, math.ceil(words(markdown) / WORDS_PER_MINUTE))
