"""The one message catalogue: every text an editor reads, in English (the msgids) and Dutch.

In code a message is ``_("expected {expected}, got {found}", expected=..., found=...)``: an
English msgid with named placeholders, filled in after the lookup, so a translation may put
them in another order. ``N_("...")`` marks a text that is stored now and translated where it
is shown (class-level ``expected`` texts, field help). ``translate(text)`` looks up such a text
(and the field help and type descriptions of the schemas, which the extractor finds without a
marker: see ``core/i18n_extract.py``).

The Dutch texts live in ``locale/nl/LC_MESSAGES/messages.po``, read with Babel at the first
lookup. No compiled ``.mo`` file: the ``.po`` is the only copy (nothing generated to forget to
rebuild, nothing binary in git); reading it costs a Dutch command about 0.1-0.2 s once (figure
in README), an English one nothing.
``tests/test_catalogue.py`` fails when a msgid in the code has no Dutch text or the ``.po``
is stale (regenerate with ``./dev messages``).

Which language: ``--lang`` of the command, else ``extra.editor_language`` in ``mkdocs.yml``
(the site's choice: a Dutch site answers its editors in Dutch), else the locale of the
environment (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``; only ``nl*``/``en*`` count, the
``C``/``POSIX`` locale of containers and CI says nothing), else English. See ``resolve``.
"""

from __future__ import annotations

import contextlib
import os
from functools import cache
from pathlib import Path
from typing import Iterator, Mapping


LANGUAGES = ("nl", "en")
SOURCE = "en"  # the language of the msgids
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
CONFIG_KEY = "editor_language"  # under `extra:` in mkdocs.yml

# The language travels to worker processes (the build's forkserver starts them) in the
# environment; read once here, set by ``use``. Only the command sets it (core/i18n.resolve).
_ENV = "STM_EDITOR_LANGUAGE"
_current = os.environ.get(_ENV, SOURCE) if os.environ.get(_ENV) in LANGUAGES else SOURCE


def po_path(lang: str) -> Path:
    """The catalogue file of ``lang``."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


@cache
def _catalogue(lang: str) -> dict[str | tuple[str, str], str | tuple[str, ...]]:
    """msgid (or (singular, plural)) -> translation, without untranslated or fuzzy entries."""
    if lang == SOURCE:
        return {}
    from babel.messages.pofile import read_po  # only when a translation is wanted

    with po_path(lang).open("rb") as handle:
        catalog = read_po(handle)
    table: dict[str | tuple[str, str], str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id if isinstance(message.id, str) else (message.id[0], message.id[1])
        if message.context:
            key = f"{message.context}\x04{key}"  # gettext's own separator of context and msgid
        if isinstance(message.string, str):
            if message.string:
                table[key] = message.string
        elif message.string and all(message.string):
            table[key] = tuple(message.string)
    return table


def current() -> str:
    """The language messages are given in right now."""
    return _current


def use(lang: str) -> None:
    """Give every following message in ``lang`` (``nl`` or ``en``)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown editor language {lang!r}")
    _current = lang
    os.environ[_ENV] = lang


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Messages in ``lang`` inside the block; the language before it afterwards."""
    before, before_env = _current, os.environ.get(_ENV)
    use(lang)
    try:
        yield
    finally:
        use(before)
        if before_env is None:
            os.environ.pop(_ENV, None)


class Lazy:
    """A message made before the language is known (a field type built when its schema is
    imported), translated each time it is shown: ``str()``, an f-string or ``format``."""

    __slots__ = ("msgid", "values")

    def __init__(self, msgid: "str | Lazy", values: dict[str, object]):
        self.msgid, self.values = msgid, values

    def __str__(self) -> str:
        return _(self.msgid, **self.values)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"L_({self.msgid!r})"

    def _key(self) -> tuple:
        return (repr(self.msgid), tuple(sorted((k, repr(v)) for k, v in self.values.items())))

    def __eq__(self, other: object) -> bool:  # the same message with the same values
        return isinstance(other, Lazy) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


def L_(msgid: "str | Lazy", **values: object) -> Lazy:
    """``msgid`` with its values, translated only when shown (see :class:`Lazy`)."""
    return Lazy(msgid, values)


def L_or(items: list[str]) -> "str | Lazy":
    """``a, b or c`` in the language it is shown in."""
    if len(items) < 2:
        return "".join(items)
    return L_("{items} or {last}", items=", ".join(items[:-1]), last=items[-1])


def translate(text: "str | Lazy") -> str:
    """``text`` (an English msgid stored earlier, or a :class:`Lazy`) in the current
    language; a plain text is not formatted (field help may hold braces)."""
    if isinstance(text, Lazy):
        return str(text)
    found = _catalogue(_current).get(text)
    return found if isinstance(found, str) else text


def _(msgid: "str | Lazy", **values: object) -> str:
    """The message ``msgid`` in the current language, its ``{name}`` placeholders filled in."""
    text = translate(msgid)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, count: int, **values: object) -> str:
    """The singular or plural form for ``count`` (``{count}`` is filled in too)."""
    found = _catalogue(_current).get((singular, plural))
    if isinstance(found, tuple):  # Dutch and English both: form 0 for one, form 1 otherwise
        text = found[0] if count == 1 else found[-1]
    else:
        text = singular if count == 1 else plural
    return text.format(count=count, **values)


TYPE_CONTEXT = "content type"  # the context of the content types' names (``Schema(type_name=)``)


def pgettext(context: str, msgid: str, lang: str | None = None) -> str:
    """``msgid`` as meant in ``context`` (a content type's name: "story" -> "verhaal"), in
    ``lang`` or the current language."""
    found = _catalogue(lang or _current).get(f"{context}\x04{msgid}")
    return found if isinstance(found, str) else msgid


def N_(msgid: str) -> str:
    """Mark ``msgid`` for the catalogue without translating it yet (see ``translate``)."""
    return msgid


def resolve(
    flag: str | None, extra: Mapping[str, object] | None, environ: Mapping[str, str] | None = None
) -> str:
    """The editor language: ``--lang``, else the site's ``extra.editor_language``, else the
    environment's locale, else English."""
    if flag:
        return flag
    configured = (extra or {}).get(CONFIG_KEY)
    if isinstance(configured, str) and configured in LANGUAGES:
        return configured
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:  # the first one set decides, as for every POSIX program
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else SOURCE
    return SOURCE
