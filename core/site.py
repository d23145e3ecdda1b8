"""Stages load, validate and model: from ``content/`` to a :class:`Site` of typed items.

Every stage collects all problems before the build stops, so an editor sees every mistake of a
commit in one run (as MkDocs does for its config, and unlike Pelican, which skips bad files).
"""

from __future__ import annotations

import os

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from core import contentfiles, crosschecks, languages, trust
from core.body_checks import check_html
from core.contentfiles import ContentFiles
from core.context import publisher
from core.errors import Problems
from core.fieldtypes import closest_hint
from core.i18n import _, translate
from core.images.registry import ImageSet
from core.schema import Context, Reference, Vocabulary
from core.search import synonyms
from core.vocabularies import load_vocabularies
from core.section import ContentType, Item, Section, Version, content_types
from core.source import SourceFile, load_markdown_parts, split_name


@dataclass
class Site:
    """Everything the content says, validated: items per section, vocabularies and models."""

    content_dir: Path
    sections: list[Section]  # what generates pages
    today: date
    # The renderer's configuration, whose Markdown extensions the bodies are checked with.
    config_file: Path = trust.CONFIG_FILE
    # The published address (mkdocs.yml site_url, ending in '/'), set before generate: for
    # absolute links in data that leaves the site (JSON-LD, calendar files). '' while checking.
    site_url: str = ""
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)
    items: dict[str, dict[str, Item]] = field(default_factory=dict)  # section key -> slug -> item
    models: dict[tuple[str, str], list[Any]] = field(default_factory=dict)  # (section, lang)
    references: list[Reference] = field(default_factory=list)  # every Ref value, all resolved
    _by_file: dict[str, Item] = field(default_factory=dict)
    # Content files that have problems of their own (rel -> body, or None when unreadable):
    # links to them are not reported again, so one mistake gives one message.
    failed: dict[str, str | None] = field(default_factory=dict)
    # The same files whose body could be read: their bodies are checked too (one run).
    failed_sources: list[SourceFile] = field(default_factory=list)
    failed_items: set[tuple[str, str]] = field(default_factory=set)  # (section, slug)
    images: ImageSet = field(init=False)  # the content images, checked and then published
    _referrers_of: dict | None = field(default=None, repr=False)  # references_to's index
    _referrers_count: int = field(default=-1, repr=False)
    types: list[ContentType] = field(init=False)  # every content type of the sections, in order
    _by_key: dict[str, ContentType] = field(init=False, repr=False)
    _section_of: dict[str, Section] = field(init=False, repr=False)
    _publishers: dict[str, dict[str, str]] | None = field(default=None, repr=False)

    def __post_init__(self):
        self.images = ImageSet(self.content_dir)
        self.types = content_types(self.sections)
        self._by_key = {t.key: t for t in self.types}
        self._section_of = {t.key: s for s in self.sections for t in s.content_types()}

    def publisher(self, lang: str) -> dict[str, str]:
        """The site's name, its publisher and contact in ``lang`` (core/context.py
        :func:`publisher`), read from the configuration once per load: a page per exhibition
        stop asks, and parsing ``mkdocs.yml`` each time took 1.5 s at 1,000 items."""
        if self._publishers is None:
            self._publishers = {}
        if lang not in self._publishers:
            self._publishers[lang] = publisher(self.config_file, lang)
        return self._publishers[lang]

    def content_type(self, key: str) -> ContentType:
        """The content type registered under ``key`` (asked tens of thousands of times a build)."""
        return self._by_key[key]

    def section_of(self, key: str) -> Section:
        """The section that generates the pages of the content type ``key``."""
        return self._section_of[key]

    def item(self, section: str, slug: str) -> Item | None:
        """The item ``slug`` of ``section``, or ``None``."""
        return self.items.get(section, {}).get(slug)

    def unknown_item_hint(self, section: str, slug: str) -> str | None:
        """For a reference to ``slug`` of ``section`` (a field, a placed quote): ``None`` when
        that item exists or its file has problems of its own (reported already), else the
        did-you-mean to add to the message ("" when nothing is close)."""
        if (section, slug) in self.failed_items or self.item(section, slug) is not None:
            return None
        return closest_hint(slug, sorted(self.items.get(section, {})))

    def item_of_file(self, rel: str) -> Item | None:
        """The item a content file (original or translation) belongs to."""
        return self._by_file.get(rel)

    def all_items(self) -> list[Item]:
        """Every item of every section, in a stable order."""
        return [item for key in sorted(self.items) for _, item in sorted(self.items[key].items())]

    def models_of(self, section: str, lang: str) -> list[Any]:
        """The typed models of a section in one language (only translated items for English)."""
        return self.models.get((section, lang), [])

    def references_to(self, section: str, slug: str) -> list[Item]:
        """Every item (of any section) whose ``Ref(section)`` fields name ``slug``.

        Filled from the references recorded while validating, so a section can list its
        back-links without knowing which other sections point at it. Each referring item
        appears once, in a stable order (section key, then slug).
        """
        if self._referrers_of is None or self._referrers_count != len(self.references):
            # Sections ask this for every item they list: index the references once.
            index: dict[tuple[str, str], dict[int, Item]] = {}
            for ref in self.references:
                item = self.item_of_file(ref.path)
                if item is not None:
                    index.setdefault((ref.section, ref.slug), {})[id(item)] = item
            self._referrers_of = {
                key: sorted(found.values(), key=lambda i: (i.section, i.slug))
                for key, found in index.items()
            }
            self._referrers_count = len(self.references)
        return list(self._referrers_of.get((section, slug), []))

    def doc_path(self, item: Item, lang: str) -> str | None:
        """Where ``item`` is staged in ``lang``; ``None`` when it has no version in that language."""
        if lang not in item.versions:
            return None
        return self.content_type(item.section).doc_path(item, lang)


class ParseMemo:
    """What load and validate work out from one file alone, kept by the file's bytes.

    A long-running process (the preview's build driver, core/build.py) passes the same memo to
    every :func:`load_site`, so an edit re-parses only the edited files; every check that looks at
    more than one file still runs. Only files without problems are kept.
    """

    def __init__(self):
        # rel -> (the file's lstat stamp, its bytes, parsed)
        self._sources: dict[str, tuple[tuple[int, ...], bytes, SourceFile]] = {}
        self._html_ok: dict[str, tuple[int, str]] = {}  # rel -> the (line, body) that passed

    def load_markdown_parts(
        self, path: Path, rel: str, problems: Problems
    ) -> tuple[SourceFile | None, bool]:
        """:func:`core.source.load_markdown_parts`, parsing only bytes not seen before.

        A file whose ``lstat`` is what it was (the same inode, kind, time and size) is not
        read again: reading every file of a large site was a tenth of an edit's update. The
        build driver takes the same time and size as unchanged (core/changes.py); a file put
        in its place (a link, a copy) is another inode and is read, with every check."""
        stamp = _stamp(path)
        known = self._sources.get(rel)
        if known is not None and stamp is not None and known[0] == stamp:
            return known[2], True
        try:
            data = contentfiles.read_bytes(path, rel)
        except contentfiles.Refused:
            return load_markdown_parts(path, rel, problems)  # says why, once
        if known is not None and known[1] == data and stamp is not None:
            self._sources[rel] = (stamp, data, known[2])  # touched, not changed
            return known[2], True
        found = Problems()
        source, front_ok = load_markdown_parts(path, rel, found, data)
        problems.extend(found)
        if not found and source is not None and front_ok and stamp is not None:
            self._sources[rel] = (stamp, data, source)
        return source, front_ok

    def check_html(self, source: SourceFile, problems: Problems) -> None:
        """:func:`core.body_checks.check_html`, once per text."""
        checked = (source.body_line, source.body)
        if self._html_ok.get(source.rel) == checked:
            return
        found = Problems()
        check_html(source, found)
        problems.extend(found)
        if not found:
            self._html_ok[source.rel] = checked  # one entry per file: a long preview never grows it


def _stamp(path: Path) -> tuple[int, ...] | None:
    """What tells a file that was not touched from one that may have been (``None``: gone)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_mode, info.st_mtime_ns, info.st_size)


def load_site(
    content_dir: Path,
    sections: list[Section],
    today: date,
    memo: ParseMemo | None = None,
    config_file: Path | None = None,
) -> tuple[Site, Problems]:
    """Load, validate and model all content; the site is only usable when no problems came back.

    ``config_file`` is the renderer's configuration whose Markdown the bodies are checked
    with (core/trust.py); the toolkit's own ``mkdocs.yml`` when not given.

    ``today`` is the build date sections use (what is upcoming, what is past); passing the
    same date makes the same site. ``memo`` (the preview) skips re-parsing unchanged files.
    """
    problems = Problems()
    site = Site(
        content_dir=content_dir,
        sections=sections,
        today=today,
        config_file=config_file or trust.CONFIG_FILE,
    )
    # Find every file once; what may not be read (links out, pipes, devices, too large) is
    # reported here, by its path, and never opened.
    files = ContentFiles(content_dir, problems)
    site.failed.update({rel: None for rel in files.refused if rel.endswith(".md")})
    _validate_placement(files, site.types, problems)
    # Load vocabularies first: every section's schema may refer to them.
    site.vocabularies = load_vocabularies(files, problems)
    synonyms.check(site.vocabularies, problems)  # its labels are word lists for the search
    references: list[Reference] = []
    # Load and validate every content type's files.
    for kind in site.types:
        site.items[kind.key] = _load_section(site, kind, files, references, problems, memo)
    # Check what crosses files: references, URLs, links, section rules. All of them run on
    # whatever loaded, so one run reports every problem; each is reported once, at the file
    # to change (a rule about a file that has problems of its own stays quiet).
    crosschecks.check_references(site, references, problems)
    site.references = references
    crosschecks.check_unique_urls(site, problems)
    crosschecks.check_generated_addresses(site, problems)
    crosschecks.check_bodies(site, problems, memo, [f.rel for f in files.files])
    for kind in site.types:
        for path, line, message in kind.check(site):
            if path not in site.failed:
                problems.add(path, line, message)
    if problems:
        return site, problems
    # Build the typed models, per language.
    for kind in site.types:
        for lang in languages.LANGUAGES:
            site.models[(kind.key, lang)] = [
                kind.build_model(item, item.versions[lang], site)
                for _, item in sorted(site.items[kind.key].items())
                if lang in item.versions
            ]
    return site, problems


def _validate_placement(files: ContentFiles, types: list[ContentType], problems: Problems) -> None:
    """Every Markdown file lies in a content type's folder: one outside would vanish unseen."""
    folders = sorted(t.folder for t in types)
    for file in files.files:
        if file.rel.endswith(".md") and not any(file.rel.startswith(f + "/") for f in folders):
            problems.add(
                file.rel,
                None,
                _(
                    "this Markdown file is outside every section folder, "
                    "so it would not be published: expected it in one of "
                    "{folders}; move it",
                    folders=", ".join(f + "/" for f in folders),
                ),
            )


def _load_section(
    site: Site,
    section: ContentType,
    files: ContentFiles,
    references: list[Reference],
    problems: Problems,
    memo: ParseMemo | None = None,
) -> dict[str, Item]:
    originals: dict[str, Item] = {}
    first_file: dict[str, str] = {}
    translations: list[tuple[SourceFile, dict]] = []
    unusable: set[str] = set()  # originals with problems of their own, already reported
    for file in files.under(section.folder):
        path, rel = file.path, file.rel
        if path.suffix != ".md":
            if path.suffix.lower() in (".markdown", ".mdown", ".txt", ".md"):  # .MD too
                problems.add(
                    rel,
                    None,
                    _(
                        "expected a Markdown file ending in .md, got '{suffix}': rename the file",
                        suffix=path.suffix,
                    ),
                )
            continue
        stem, lang = split_name(PurePosixPath(rel))
        if section.single_file and stem != section.single_file:
            # A type with one file (a cover, a factsheet): its name is its place, so any other
            # name would be a second copy or a file nobody reads. Checked here, for every such
            # type alike; nothing else of the file is read.
            what = (
                translate(section.single_file_what)
                if section.single_file_what
                else _("the one {type} file", type=section.key)
            )
            problems.add(
                rel,
                None,
                _(
                    "expected {what} in {folder}/{file}.md, got {found}; rename the file",
                    what=what,
                    folder=section.folder,
                    file=section.single_file,
                    found=rel,
                ),
            )
            site.failed[rel] = None
            if lang == languages.DEFAULT:
                unusable.add(stem)
                site.failed_items.add((section.key, stem))
            continue
        advice = contentfiles.web_name_advice(rel, stem)
        if advice:
            problems.add(rel, None, advice)
        source, front_ok = (
            memo.load_markdown_parts(path, rel, problems)
            if memo is not None
            else load_markdown_parts(path, rel, problems)
        )
        values = None
        if source is not None and front_ok:
            context = Context(source, site.content_dir, site.vocabularies, problems, references)
            values = section.schema.validate(context, translation=(lang != languages.DEFAULT))
        if values is None or source is None:  # no source, no values
            site.failed[rel] = source.body if source is not None else None
            if source is not None:
                site.failed_sources.append(source)
            if lang == languages.DEFAULT:
                unusable.add(stem)
                site.failed_items.add((section.key, stem))
            continue
        if lang == languages.DEFAULT:
            if stem in first_file:
                problems.add(
                    rel,
                    None,
                    _(
                        "two {section} items have the name '{name}': {first} "
                        "and {second}; rename one file",
                        section=section.key,
                        name=stem,
                        first=first_file[stem],
                        second=rel,
                    ),
                )
                continue
            first_file[stem] = rel
            item = Item(section.key, stem, source)
            item.versions[lang] = Version(lang, values, source.body, source)
            originals[stem] = item
            site._by_file[rel] = item
        else:
            translations.append((source, values))
    for source, values in translations:
        original = originals.get(source.stem)
        if original is None:
            # Links to this file say nothing more, and its body is still checked.
            site.failed[source.rel] = source.body
            site.failed_sources.append(source)
        if original is None and source.stem in unusable:
            continue  # the original's own problems say what to fix; no second message here
        if original is None:
            problems.add(
                source.rel,
                None,
                _(
                    "translation without an original: expected {original} beside it",
                    original=_original_name(source.rel),
                ),
            )
            continue
        merged = {**original.versions[languages.DEFAULT].values, **_given(values, section, source)}
        original.versions[source.lang] = Version(source.lang, merged, source.body, source)
        site._by_file[source.rel] = original
    return originals


def _given(values: dict, section: ContentType, source: SourceFile) -> dict:
    """The fields a translation sets itself (the rest comes from the original)."""
    return {
        f.name: values[f.name]
        for f in section.schema.fields
        if (f.translatable or f.translation_only)
        and f.name in values
        and (f.name in source.front.data or f.translation_only)
    }


def _original_name(rel: str) -> str:
    head, _, _ = rel.rpartition(".")
    return head.rpartition(".")[0] + ".md"
