"""Every on-disk cache of the toolkit, declared in one place: where it lives, what an entry is
keyed on, and its version.

A cache only ever saves time: deleting any of them (or all) costs a slower build, never a
different site. Two folders hold them:

- ``.cache/`` in the site project (kept across builds of any ``--out``, and worth keeping in CI):
  image variants, share cards, icons, the trust boundary's verdicts;
- the build cache beside ``--out`` (``.site.cache/`` for ``site/``, ``.preview.cache/`` for the
  preview; :func:`core.incremental.cache_root`): the stamp, the staged text and the rendered
  pages, the link check's parses, the search indexes and the search memo.

**One version mechanism.** A key holds every input the cached bytes depend on that can be
named (content, settings, package versions, code). What it cannot name, such as a change in
how an entry is stored or made, is this table's ``version``: every cache puts :attr:`Cache.tag`
(its name and version) into its key or its file (image variants their version alone, in the
key that also names the published file, so those names stay as they were), so bumping a
version here makes that cache miss and no other (tests/test_caches.py bumps each).
"""

from __future__ import annotations

from dataclasses import dataclass

# In memory, not on disk: the size of the process's caches of pure functions of a text
# (functools.lru_cache: the Markdown scans of a body, a story's word count, a field value
# escaped for Markdown, a slug). It must hold every text of the largest site at once: a
# least-recently-used cache asked about more texts than it holds, in the same order each time,
# forgets each one just before it is asked again (at 5,000 items, 8,402 bodies against 8,192
# places: every scan was done again on every load, a third of an edit's load stage).
REMEMBERED = 1 << 16


@dataclass(frozen=True)
class Cache:
    """One on-disk cache: where it lives, what finds an entry, and its version."""

    name: str
    where: str  # for people: the folder or file, and the function that computes it
    keyed_on: str  # what an entry is found by: a change in any of it is a miss
    version: int  # bump when what it stores, or how, changes in a way its key does not show

    @property
    def tag(self) -> str:
        """What goes into every key (or file) of this cache: its name and version."""
        return f"{self.name}/v{self.version}"


IMAGE_VARIANTS = Cache(
    "image-variants",
    ".cache/images/variants/ ($SITE_IMAGE_CACHE; core/images/settings.py cache_dir)",
    "the source image's bytes, its fallback format (JPEG or PNG) and the encoding settings "
    "(widths, qualities, Pillow's version: core/images/settings.py variant_fingerprint); the "
    "key names the published file as well",
    2,
)
SHARE_CARDS = Cache(
    "share-cards",
    ".cache/images/cards/ (core/images/cards.py)",
    "the card's title, section and site name, the fonts, the site icon and the encoding settings",
    4,
)
ICONS = Cache(
    "icons",
    ".cache/images/icons/ (core/images/icons.py)",
    "the theme's icon.png bytes and the encoding settings",
    1,
)
TRUST = Cache(
    "trust",
    ".cache/trust/ beside mkdocs.yml ($SITE_TRUST_CACHE; core/trust.py)",
    "each text that passed, by its digest with the policy's name; one file per fingerprint of "
    "the Markdown configuration, the Markdown and html5lib versions and the policy's code",
    1,
)
STAMP = Cache(
    "stamp",
    "<build cache>/stamp.json (core/incremental.py)",
    "every input of a build: content files, mkdocs.yml, the theme, the code, the renderer "
    "versions, Python, the date and options; and the published tree's device, inode and time",
    1,
)
STAGED_TEXT = Cache(
    "staged-text",
    "<build cache>/render/<lang>/docs/ (core/incremental.py RenderCache)",
    "each staged page's doc path; its bytes are compared, so an unchanged page keeps its time "
    "stamp; emptied with the render cache when the render key changes",
    1,
)
RENDER = Cache(
    "render",
    "<build cache>/render/<lang>/site/ (core/incremental.py RenderCache, render_key)",
    "the render key: renderer configuration, navigation, extra, language, date, theme, code "
    "and renderer versions; within it, each page by its staged text (a dirty build)",
    1,
)
LINKS = Cache(
    "links",
    "<build cache>/links.json (core/finish/linkcheck.py)",
    "each rendered page's bytes (sha256): its ids and links",
    1,
)
SEARCH_INDEX = Cache(
    "search-index",
    "<build cache>/search/<lang>-<key>.json (core/incremental.py SearchCache)",
    "the language, section labels, synonyms, the search code, every page's search fields and "
    "the rendered HTML of every searchable page",
    1,
)
SEARCH_MEMO = Cache(
    "search-memo",
    "<build cache>/search/memo-<lang>.json (core/search/memo.py)",
    "page text by the rendered page's bytes, terms by the text's bytes; the file by the "
    "language, the search code and the lunr, snowballstemmer and lxml versions",
    3,
)

ALL = (
    IMAGE_VARIANTS,
    SHARE_CARDS,
    ICONS,
    TRUST,
    STAMP,
    STAGED_TEXT,
    RENDER,
    LINKS,
    SEARCH_INDEX,
    SEARCH_MEMO,
)
