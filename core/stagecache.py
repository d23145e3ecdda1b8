"""Each page's staged Markdown, kept between the runs of one build driver (core/build.py).

Staging a page (core/staging.py ``staged_text``) rewrites its links and writes its front
matter; at 1,000 items that is a second for every page of the site. The whole build stages
through this cache, so the driver holds every page's text when the build is done; an edit then
stages again only the pages whose own data changed, and comparing the texts names exactly the
pages the edit affects (listings, backlinks, the other language's switch).

What else a page's text depends on (the addresses of the pages it links to, the file names of
the images it shows) changes only with a file added or removed, a slug changed (a page moves)
or an image changed; each of those makes the driver build the whole site, which starts with
an empty cache (a kept text would still name the old address or image).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from core import embeds, languages
from core.body_checks import ATTACHMENT_SUFFIXES
from core.errors import BuildError
from core.images.inspect import SUFFIXES as IMAGE_SUFFIXES
from core.site import Site
from core.staging import StagedPage, staged_text


@dataclass
class StagedDocs:
    """One language's staged Markdown: doc path -> text, the content files the pages use
    (images and attachments published as they are) and the key of its render cache."""

    docs: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    # Everything else the language's HTML depends on (core/pipeline.py render_key); empty for
    # a language without pages.
    render_key: str = ""

    @property
    def linked_images(self) -> frozenset[str]:
        """The images the pages link to (published as they are, not shown)."""
        return frozenset(rel for rel in self.used if rel.lower().endswith(IMAGE_SUFFIXES))

    def write(self, site: Site, docs_dir: Path) -> None:
        """Write the pages (front matter + Markdown) and the files they use into ``docs_dir``."""
        for doc, text in self.docs.items():
            target = docs_dir / doc
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        images = {rel: docs_dir / rel for rel in self.linked_images}
        site.images.copy_clean(images)  # never the camera original: it carries metadata
        for rel in sorted(self.used - set(images)):
            if not rel.lower().endswith(ATTACHMENT_SUFFIXES):  # validate refuses them; never copy
                raise BuildError(f"{rel}: not a file type that is published as it is")
            destination = docs_dir / rel
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site.content_dir / rel, destination)


@dataclass(frozen=True)
class _Entry:
    key: tuple  # the page's own data (see _page_key) and the quotes it places
    text: str
    files: frozenset[str]
    shown: frozenset[str]  # images the page shows


class StageCache:
    """Staged texts by (language, doc path), reused while the page's own data is the same."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], _Entry] = {}

    def stage(self, site: Site, pages: list[StagedPage]) -> StagedDocs:
        """Every page's staged text by doc path (in doc path order), and the files they use."""
        staged = StagedDocs()
        for page in sorted(pages, key=lambda p: p.doc_path):
            # Quotes placed with '[[quote: slug]]' are part of the text: an edited quote
            # stages every page that places it again.
            key = (_page_key(page), embeds.placed(site, page.body, page.lang))
            entry = self._entries.get((page.lang, page.doc_path))
            if entry is None or entry.key != key:
                with site.images.recording() as shown:
                    text, files = staged_text(page, site)
                entry = _Entry(key, text, frozenset(files), frozenset(shown))
                self._entries[(page.lang, page.doc_path)] = entry
            else:
                for rel in sorted(entry.shown):  # published, as staging it again would mark it
                    site.images.use(rel)
            staged.docs[page.doc_path] = entry.text
            staged.used |= entry.files
        return staged

    def images(self, pages: dict[str, list[StagedPage]]) -> frozenset[str]:
        """The images staging ``pages`` shows (the entries of the last :meth:`stage`)."""
        return frozenset(
            rel
            for lang in languages.LANGUAGES
            for page in pages[lang]
            for rel in self._entries[(page.lang, page.doc_path)].shown
        )


def _page_key(page: StagedPage) -> tuple:
    """All of a page's own data that its staged text is made from (compared by value; every
    generate makes new pages, and nothing changes a page once it is staged)."""
    return (
        page.title,
        page.description,
        page.body,
        page.fields,
        page.source.rel if page.source else None,
    )
