"""How a section plugs into the core: its content types, their schemas and models, and the
pages it generates.

A **content type** (:class:`ContentType`) is one kind of file: ``content/<folder>/`` holds its
files, ``schema`` validates them, ``build_model`` turns every item into a typed model,
``doc_path`` says where an item's page goes. A **section** (:class:`Section`) generates pages:
for its own content type and for any others it publishes (:meth:`Section.content_types`; the
Kompas is one section over five types, the Longread one over stories and their cover). A section
package exposes ``SECTION``; the core loads every content type of every registered section and
asks each section for its pages.
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


class ContentType:
    """One kind of content file; subclasses set the class attributes and override the hooks.

    A content type generates no pages itself: the :class:`Section` that lists it among its
    :meth:`Section.content_types` does.
    """

    key: str = ""  # the name used in references and messages ("pages", "partner" ...)
    folder: str = ""  # content/<folder>/ holds this type's files
    schema: Schema
    template_comment: str = ""  # first comment line of a file made by `build.py new`
    # The one file name (slug) a type with a single item allows; the core refuses any other
    # (core/site.py), saying what the file holds (``single_file_what``: "the factsheet").
    single_file: str | None = None
    single_file_what: str = ""
    label: dict[str, str] = {}  # the name visitors see per language (search results); else key
    embed_name: str = (
        ""  # the word of '[[NAME: slug]]' that places an item on any page (core/embeds.py)
    )

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

    def doc_path(self, item: Item, lang: str) -> str | None:
        """Where the item's page is staged, relative to the language's docs dir (``x/index.md``);
        ``None`` for items without a page of their own (quotes: shown where they are placed)."""
        raise NotImplementedError

    def embed(self, site: "Site", item: Item, lang: str) -> str:
        """The Markdown that replaces ``[[embed_name: slug]]`` on a page in ``lang``; built from
        field values escaped as data (``core.staging.md_text``). Sections with ``embed_name``."""
        raise NotImplementedError

    def check(self, site: "Site") -> Iterable[tuple[str, int | None, str]]:
        """Cross-item checks beyond the schema; yields ``(path, line, message)``."""
        return ()


class Section(ContentType):
    """A content type whose package generates pages: its own items' and those of the other
    content types it publishes (:meth:`content_types`)."""

    def content_types(self) -> tuple[ContentType, ...]:
        """Every content type whose pages this section generates, in the order they load:
        itself alone unless a section publishes more (the Kompas: five)."""
        return (self,)

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


def content_types(sections: Iterable[Section]) -> list[ContentType]:
    """Every content type of ``sections``, each section's in its own order."""
    return [kind for section in sections for kind in section.content_types()]
