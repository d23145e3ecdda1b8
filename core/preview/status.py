"""What the preview knows about its last build: fine, or the problems that stopped it.

The status is served as ``/_preview/status.json``; the overlay script reads it after every
reload. Each problem names its content type (from the section whose folder holds the file), so
the overlay can link to that type's field reference.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass

from core.errors import BuildError, ContentError, UsageError
from core.i18n import _, current, ngettext
from core.section import Section
from core.section import content_types


@dataclass(frozen=True)
class Entry:
    """One problem as the overlay shows it; ``path`` is relative to the content directory."""

    path: str | None
    line: int | None
    message: str
    type: str | None  # the content type whose field reference helps, if the file has one


def type_of(path: str, sections: list[Section]) -> str | None:
    """The content type of a content file: the section with the longest folder holding it."""
    matches = [s for s in content_types(sections) if path.startswith(s.folder.rstrip("/") + "/")]
    if not matches:
        return None
    return max(matches, key=lambda s: len(s.folder)).schema.type_name


def entries_of(exc: Exception, sections: list[Section]) -> list[Entry]:
    """The overlay's entries for a failed build."""
    if isinstance(exc, ContentError):
        return [Entry(p.path, p.line, p.message, type_of(p.path, sections)) for p in exc.problems]
    return [Entry(None, None, str(exc), None)]


class PreviewStatus:
    """The state of the last build, shared by the build loop and the request threads."""

    def __init__(self, sections: list[Section]):
        self.sections = sections
        self._lock = threading.Lock()
        self._entries: list[Entry] = []

    def succeeded(self) -> None:
        """The last build published the site."""
        with self._lock:
            self._entries = []

    def failed(self, exc: ContentError | BuildError | UsageError) -> None:
        """The last build stopped with ``exc``; the previous site stays served."""
        entries = entries_of(exc, self.sections)
        with self._lock:
            self._entries = entries

    @property
    def ok(self) -> bool:
        with self._lock:
            return not self._entries

    def to_json(self) -> bytes:
        """``{"ok": bool, "problems": [{path, line, message, type}, ...], "lang": "nl",
        "text": {...}}`` as UTF-8: ``text`` holds the overlay's words in the editor's language
        (from the catalogue, like every message), so overlay.js carries none of its own."""
        with self._lock:
            entries = list(self._entries)
        return json.dumps(
            {
                "ok": not entries,
                "problems": [asdict(e) for e in entries],
                "lang": current(),
                "text": overlay_text(len(entries)),
            },
            ensure_ascii=False,
            sort_keys=True,
        ).encode("utf-8")


def overlay_text(count: int) -> dict[str, str]:
    """The overlay's words for ``count`` problems; ``{type}`` is filled in by overlay.js."""
    problems = ngettext("{count} problem", "{count} problems", count)
    return {
        "title": _("The preview is not up to date: {problems}", problems=problems),
        "intro": _(
            "Your last change could not be built. Below is the last version that did "
            "build. Fix what is listed, save the file, and this page reloads by itself."
        ),
        "file": _("File {path}, line {line}"),
        "file_only": _("File {path}"),
        "build": _("The build itself"),
        "fields": _("Fields of the type \u2018{type}\u2019 (opens in a new tab)"),
        "close": _("Close"),
        "reopen": _("Preview not up to date: show {problems}", problems=problems),
    }
