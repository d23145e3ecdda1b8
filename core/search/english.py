"""lunr.js 2.3.9's English trimmer and Porter stemmer, ported line by line.

lunr.py's own versions differ from the browser's: its trimmer uses Python's Unicode ``\\W``
where JavaScript's ``\\W`` is ASCII-only ("café" is "caf" in lunr.js), and its stemmer treats a
final "y" differently ("away": "awai" in lunr.py, "away" in lunr.js). The index must hold the
terms the browser's query pipeline produces, so this follows lunr.js exactly (lunr.js is
MIT-licensed, Copyright (C) 2013 Oliver Nightingale). tests/test_search.py compares every word of
the demo content with lunr.js in Node.
"""

from __future__ import annotations

import re

_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {
    "icate": "ic",
    "ative": "",
    "alize": "al",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
}

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence

_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")  # [C]VC[V] is m=1
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
_S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem

_1A = re.compile(r"^(.+?)(ss|i)es$")
_1A2 = re.compile(r"^(.+?)([^s])s$")
_1B = re.compile(r"^(.+?)eed$")
_1B2 = re.compile(r"^(.+?)(ed|ing)$")
_LAST = re.compile(r".$")
_1B_AT = re.compile(r"(at|bl|iz)$")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_1B_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_1C = re.compile(r"^(.+?[^aeiou])y$")
_2 = re.compile("^(.+?)(" + "|".join(_STEP2) + ")$")
_3 = re.compile("^(.+?)(" + "|".join(_STEP3) + ")$")
_4 = re.compile(
    r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$"
)
_4B = re.compile(r"^(.+?)(s|t)(ion)$")
_5 = re.compile(r"^(.+?)e$")
_5_LL = re.compile(r"ll$")
_5_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")

# JavaScript's \W: anything but ASCII letters, digits and "_".
_TRIM_START = re.compile(r"^[^A-Za-z0-9_]+")
_TRIM_END = re.compile(r"[^A-Za-z0-9_]+$")


def trim(s: str) -> str:
    """lunr.trimmer: strip non-word characters (JavaScript's ASCII notion) at both ends."""
    return _TRIM_END.sub("", _TRIM_START.sub("", s, count=1), count=1)


def porter_stem(w: str) -> str:  # noqa: C901 (kept in the shape of the original)
    """lunr.stemmer's porterStemmer, step by step as in lunr.js."""
    if len(w) < 3:
        return w
    firstch = w[0]
    if firstch == "y":
        w = "Y" + w[1:]
    # Step 1a
    if _1A.search(w):
        w = _1A.sub(r"\1\2", w, count=1)
    elif _1A2.search(w):
        w = _1A2.sub(r"\1\2", w, count=1)
    # Step 1b
    if m := _1B.search(w):
        if _MGR0.search(m.group(1)):
            w = _LAST.sub("", w, count=1)
    elif m := _1B2.search(w):
        stem = m.group(1)
        if _S_V.search(stem):
            w = stem
            if _1B_AT.search(w):
                w = w + "e"
            elif _1B_DOUBLE.search(w):
                w = _LAST.sub("", w, count=1)
            elif _1B_CVC.search(w):
                w = w + "e"
    # Step 1c
    if m := _1C.search(w):
        w = m.group(1) + "i"
    # Step 2
    if m := _2.search(w):
        if _MGR0.search(m.group(1)):
            w = m.group(1) + _STEP2[m.group(2)]
    # Step 3
    if m := _3.search(w):
        if _MGR0.search(m.group(1)):
            w = m.group(1) + _STEP3[m.group(2)]
    # Step 4
    if m := _4.search(w):
        if _MGR1.search(m.group(1)):
            w = m.group(1)
    elif m := _4B.search(w):
        stem = m.group(1) + m.group(2)
        if _MGR1.search(stem):
            w = stem
    # Step 5
    if m := _5.search(w):
        stem = m.group(1)
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _5_CVC.search(stem)):
            w = stem
    if _5_LL.search(w) and _MGR1.search(w):
        w = _LAST.sub("", w, count=1)
    if firstch == "y":
        w = "y" + w[1:]
    return w
