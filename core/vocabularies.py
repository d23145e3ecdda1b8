"""The site's vocabularies (``content/vocabularies/NAME.yml``): the terms fields choose from,
loaded and checked before any content type, whose schemas refer to them (core/site.py).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from core import languages
from core.contentfiles import ContentFiles
from core.errors import Problems
from core.i18n import _
from core.schema import Vocabulary
from core.slugs import slugify
from core.search import synonyms
from core.source import load_yaml_file, type_name

VOCABULARY_DIR = "vocabularies"

# Characters with which a label would become markup where generators paste it (links, HTML,
# attribute lists, code, tables).
_MARKUP = re.compile(r"[<>\[\]{}`\\|]")


def load_vocabularies(files: ContentFiles, problems: Problems) -> dict[str, Vocabulary]:
    """Every vocabulary file under ``vocabularies/``, checked (terms, labels in both languages,
    slugs); problems are added to ``problems`` with their lines."""
    vocabularies: dict[str, Vocabulary] = {}
    for rel in files.refused:  # reported by the walk; fields that use it say nothing more
        if rel.startswith(f"{VOCABULARY_DIR}/") and rel.count("/") == 1 and rel.endswith(".yml"):
            name = PurePosixPath(rel).stem
            vocabularies[name] = Vocabulary(name, {}, unreadable=True)
    for file in files.under(VOCABULARY_DIR, recursive=False):
        if not file.rel.endswith(".yml"):
            continue
        path, rel = file.path, file.rel
        name = PurePosixPath(rel).stem
        document = load_yaml_file(path, rel, problems)
        if document is None:
            vocabularies[name] = Vocabulary(name, {}, unreadable=True)
            continue
        if not isinstance(document.data, dict):
            problems.add(
                rel,
                1,
                _(
                    "expected terms of the form 'key: {{nl: label, en: label}}', got {found}",
                    found=type_name(document.data),
                ),
            )
            vocabularies[name] = Vocabulary(name, {}, unreadable=True)
            continue
        terms: dict[str, dict[str, str]] = {}
        bad: set[str] = set()
        lines: dict[tuple[str, ...], int] = {}
        for key, labels in document.data.items():
            line = document.line_of((key,), 1)
            lines[(str(key),)] = line
            lines.update(
                {
                    (str(key), lang): document.line_of((key, lang), line)
                    for lang in languages.LANGUAGES
                }
            )
            if (
                not isinstance(labels, dict)
                or any(
                    not isinstance(label := labels.get(lang), str) or not label.strip()
                    for lang in languages.LANGUAGES
                )
                or set(labels) - set(languages.LANGUAGES)
            ):
                problems.add(
                    rel,
                    line,
                    _(
                        "term '{key}': expected labels for nl and en (like "
                        "'{{nl: ..., en: ...}}'), got {found}",
                        key=key,
                        found=type_name(labels),
                    ),
                )
                bad.add(str(key))
                continue
            marked = [lang for lang in languages.LANGUAGES if _MARKUP.search(labels[lang])]
            if marked:
                # Labels are pasted into generated Markdown and HTML as they are: plain names.
                for lang in marked:
                    problems.add(
                        rel,
                        document.line_of((key, lang), line),
                        _(
                            "term '{key}': expected a plain-text {lang} label without "
                            "any of < > [ ] {{ }} ` \\ | (markup is not read in labels), "
                            "got {found}",
                            key=key,
                            lang=lang,
                            found=repr(labels[lang].strip()[:60]),
                        ),
                    )
                continue
            terms[str(key)] = {lang: labels[lang].strip() for lang in languages.LANGUAGES}
        if name != synonyms.VOCABULARY:  # word lists for the search, never an address
            _validate_term_slugs(rel, terms, lines, bad, problems)
        vocabularies[name] = Vocabulary(
            name, terms, bad_terms=frozenset(bad), lines=lines, path=rel
        )
    return vocabularies


def _validate_term_slugs(
    rel: str,
    terms: dict[str, dict[str, str]],
    lines: dict[tuple[str, ...], int],
    bad: set[str],
    problems: Problems,
) -> None:
    """Each label gives its term's web name in that language (``Vocabulary.slug``): addresses
    like /partners/soort/zorg-en-opvang/ and filter values. Two terms with the same web name
    in one language would share an address, and a label without a letter or digit has none.
    A term reported here joins ``bad`` and leaves ``terms``, so fields that use it stay quiet."""
    for lang in languages.LANGUAGES:
        seen: dict[str, str] = {}
        for key, labels in list(terms.items()):
            slug = slugify(labels[lang])
            line = lines.get((key, lang), lines.get((key,)))
            if not slug:
                problems.add(
                    rel,
                    line,
                    _(
                        "term '{key}': expected a {lang} label with a letter "
                        "or digit (it gives the term's web address), got "
                        "{found}",
                        key=key,
                        lang=lang,
                        found=repr(labels[lang]),
                    ),
                )
            elif slug in seen:
                problems.add(
                    rel,
                    line,
                    _(
                        "term '{key}': its {lang} label {label} gives the web "
                        "name '{slug}', the same as term '{other}' (line "
                        "{other_line}): expected labels that differ in more "
                        "than capitals, accents and punctuation",
                        key=key,
                        lang=lang,
                        label=repr(labels[lang]),
                        slug=slug,
                        other=seen[slug],
                        other_line=lines.get((seen[slug], lang)),
                    ),
                )
            else:
                seen[slug] = key
                continue
            bad.add(key)
            del terms[key]
