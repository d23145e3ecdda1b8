"""How a section plugs into the core: its schema, its model and the pages it generates.

A section package (``pages/``, ``longread/`` ...) exposes ``SECTION``, an instance of a
:class:`Section` subclass. The core loads and validates the files under
``content/<section.folder>/`` with ``section.schema``, turns every item into a typed model with
``section.build_model`` and asks ``section.generate`` for the pages to publish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from core.schema import Schema
from core.source import SourceFile

if TYPE_CHECKING:  # pragma: no cover
    from core.site import Site
    from core.staging import StagedPage


@dataclass
class Version:
    """One language version of an item: merged field values, body and the file it came from."""

    lang: str
    values: dict[str, Any]
    body: str
    source: SourceFile


@dataclass
class Item:
    """One validated content item with its language versions (``nl`` always, ``en`` if translated)."""

    section: str
    slug: str
    source: SourceFile
    versions: dict[str, Version] = field(default_factory=dict)

    def version(self, lang: str) -> Version | None:
        """The version in ``lang``, or ``None`` when not translated."""
        return self.versions.get(lang)


@dataclass(frozen=True)
class HomeTeaser:
    """A section's part of the start page: Markdown, and the styles and scripts it needs."""

    markdown: str
    css: tuple[str, ...] = ()
    js: tuple[str, ...] = ()


@dataclass(frozen=True)
class Landing:
    """A section's entry page, shown on the home page and in the main navigation."""

    title: str
    summary: str
    doc_path: str
    nav_order: int


class Section:
    """Base class for sections; subclasses set the class attributes and override the hooks."""

    key: str = ""          # the name used in references and messages ("pages", "partner" ...)
    folder: str = ""       # content/<folder>/ holds this section's files
    schema: Schema
    template_comment: str = ""  # first comment line of a file made by `build.py new`
    single_file: str | None = None  # the one file name (slug) a type with a single item allows
    label: dict[str, str] = {}  # the name visitors see per language (search results); else key

    def build_model(self, item: Item, version: Version, site: "Site") -> Any:
        """Turn one validated language version into the section's typed model object."""
        return version

    def item_title(self, item: Item, lang: str) -> str:
        """How other sections name ``item`` in ``lang`` (in back-links, for instance).

        Defaults to the version's ``title`` or ``name`` field, falling back to Dutch and
        then to the slug; override when the section names its items otherwise.
        """
        version = item.versions.get(lang) or next(iter(item.versions.values()))
        return str(version.values.get("title") or version.values.get("name") or item.slug)

    def doc_path(self, item: Item, lang: str) -> str:
        """Where the item's page is staged, relative to the language's docs dir (``x/index.md``)."""
        raise NotImplementedError

    def check(self, site: "Site") -> Iterable[tuple[str, int | None, str]]:
        """Cross-item checks beyond the schema; yields ``(path, line, message)``."""
        return ()

    def landing(self, site: "Site", lang: str) -> Landing | None:
        """The section's entry page in ``lang``, if it has one."""
        return None

    def landing_doc(self, lang: str) -> str | None:
        """Where :meth:`landing` is staged, known before any model exists (``None``: no landing).

        The address is kept free even while the section is empty, so a page file named like it
        is refused at once rather than hidden by the first item that makes the landing appear.
        """
        return None

    def generate(self, site: "Site", lang: str) -> Iterable["StagedPage"]:
        """The pages this section publishes in ``lang``."""
        raise NotImplementedError

    def home_teaser(self, site: "Site", lang: str) -> "HomeTeaser | None":
        """What the start page shows of this section (the latest stories, say), with links
        as seen from the home page (``index.md``); ``None`` for nothing."""
        return None

    def theme_extra(self, site: "Site", lang: str) -> dict[str, Any]:
        """Values the theme shows on every page (``config.extra``), made from this section's
        content in ``lang`` (the help block, say); an empty dict for none."""
        return {}

    def extra_files(self, site: "Site") -> Iterable[tuple[str, bytes]]:
        """Files besides pages (a calendar feed, a JSON export): ``(path from site root, bytes)``."""
        return ()
