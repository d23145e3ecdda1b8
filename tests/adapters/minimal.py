"""A second renderer behind the port (core/port.py), for tests only: Jinja2 and Python-Markdown
with the site's own Markdown extensions (those of ``mkdocs.yml``), and no MkDocs at all.

It renders what the MkDocs adapter renders, in the pipeline's words only: the staged Markdown
(front matter from core/pagefields.py, then the body), the navigation and ``extra`` of a
:class:`~core.port.RenderJob`. Like MkDocs it writes ``page/index.html`` for ``page.md`` and
turns relative links written by Markdown (to ``.md`` docs and to files beside them) into links
between the written pages. A page is deliberately plain: no theme assets, no scripts.
"""

from __future__ import annotations

import json
import posixpath
import shutil
import xml.etree.ElementTree as etree
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import jinja2
import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from core.adapters import MARKDOWN_BUILTINS
from core.context import BuildContext
from core.finish.pagescan import Scans, scan_page
from core.port import RenderJob
from core.urls import url_of


_PAGE = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string("""\
<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ meta.title }}</title>
<meta name="description" content="{{ meta.description }}">
{% for alt in meta.alternates or [] %}<link rel="alternate" hreflang="{{ alt.lang }}" href="{{ alt.href }}">
{% endfor %}</head>
<body>
<header>
<nav aria-label="{{ extra.site.name or 'site' }}"><ul>
{% for item in nav %}<li><a href="{{ item.href }}">{{ item.title }}</a></li>
{% endfor %}</ul></nav>
{% if meta.switch and meta.switch.href %}<a hreflang="{{ meta.switch.lang }}" href="{{ meta.switch.href }}">{{ meta.switch.label }}</a>{% endif %}
</header>
<main>
{% if meta.breadcrumbs %}<nav class="breadcrumbs" aria-label="breadcrumbs"><ol>
{% for crumb in meta.breadcrumbs %}<li>{% if crumb.href %}<a href="{{ crumb.href }}">{{ crumb.title }}</a>{% else %}{{ crumb.title }}{% endif %}</li>
{% endfor %}</ol></nav>{% endif %}
<article>
{% if is_home %}<p id="not-translated">{{ untranslated }}</p>{% endif %}
<h1>{{ meta.title }}</h1>
{{ content | safe }}
</article>
</main>
{% if extra.help and extra.help["items"] %}<aside aria-labelledby="help-title">
<h2 id="help-title">{{ extra.help.title }}</h2>
<ul>{% for item in extra.help["items"] %}<li>{{ item.label }}: {% if item.href %}<a href="{{ item.href }}">{{ item.text }}</a>{% else %}{{ item.text }}{% endif %}</li>{% endfor %}</ul>
</aside>{% endif %}
</body>
</html>
""")


# What the MkDocs theme says there (theme/partials/texts.html); the home page holds it as the
# target of an untranslated page's language switch (core/generate.py UNTRANSLATED_ANCHOR).
_UNTRANSLATED = {
    "nl": "Die pagina is nog niet vertaald.",
    "en": "That page has not been translated yet.",
}


class MinimalRenderer:
    """:class:`core.port.Renderer` with Jinja2 and Python-Markdown only."""

    asset_mentions: tuple[str, ...] = ()  # it publishes no files of its own

    def render(self, job: RenderJob) -> Scans:
        """Render every staged page of ``job`` (or ``job.only``) into ``job.site_dir``."""
        md = _markdown(job.context)
        scans: Scans = {}
        docs = sorted(
            p.relative_to(job.docs_dir).as_posix() for p in job.docs_dir.rglob("*") if p.is_file()
        )
        for doc in docs:
            if not doc.endswith(".md"):  # images and attachments, published beside the pages
                target = job.site_dir / doc
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(job.docs_dir / doc, target)
        for doc in docs:
            if not doc.endswith(".md") or (job.only is not None and doc not in job.only):
                continue
            meta, body = _front_matter(job.docs_dir / doc)
            md.reset()
            md.page_doc, md.docs_dir = doc, job.docs_dir  # type: ignore[attr-defined]
            content = md.convert(body)
            nav = [{"title": entry.title, "href": _link(doc, entry.doc_path)} for entry in job.nav]
            html = _PAGE.render(
                lang=job.lang,
                meta=meta,
                nav=nav,
                extra=job.extra,
                content=content,
                is_home=doc == "index.md",
                untranslated=_UNTRANSLATED[job.lang],
            )
            dest = self.page_file(doc, job.context)
            target = job.site_dir / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            data = html.encode("utf-8")
            target.write_bytes(data)
            if job.scan:
                key, scan = scan_page(data, dest)
                scans[key] = scan
        return scans

    def page_file(self, doc_path: str, context: BuildContext) -> str:
        """``page.md`` -> ``page/index.html`` (directory URLs, as the site is configured)."""
        return url_of(doc_path) + "index.html"

    def prune_assets(self, site_dir: Path, referenced: set[str]) -> list[str]:
        """Nothing to prune: this renderer publishes no files of its own."""
        return []

    def describe(self) -> str:
        """For ``--version``."""
        return f"minimal (Markdown {markdown.__version__}, Jinja2 {jinja2.__version__})"


def _front_matter(path: Path) -> tuple[dict, str]:
    """The staged page's front matter (JSON, core/staging.py) and its Markdown body."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return json.loads(front), body


def _markdown(context: BuildContext) -> markdown.Markdown:
    """Python-Markdown with exactly the site's configured extensions (plus MkDocs' three)."""
    names, configs = list(MARKDOWN_BUILTINS), {}  # as the site's renderer adds them
    for entry in context.config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            configs[name] = dict(options or {})
        else:
            name = entry
        if name not in names:
            names.append(name)
    return markdown.Markdown(
        extensions=[*names, _RelativeLinksExtension()], extension_configs=configs
    )


def _link(from_doc: str, to_doc: str) -> str:
    """A relative URL from the page of ``from_doc`` to the page of ``to_doc``."""
    return _relative(url_of(to_doc), url_of(from_doc))


def _relative(target: str, page_url: str) -> str:
    rel = posixpath.relpath("/" + target, "/" + page_url)
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel + "/"
    return rel


class _RelativeLinks(Treeprocessor):
    """Links the Markdown wrote relative to its doc made relative to its page (MkDocs does
    the same): ``../kompas/index.md#x`` from ``a/b.md`` becomes ``../../kompas/#x``. A link
    to no file of the docs (a page URL of the other language) is left as written."""

    def run(self, root: etree.Element) -> None:
        doc = self.md.page_doc  # type: ignore[attr-defined]
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            url = element.get(attribute) if attribute else None
            if not url:
                continue
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("#", "/")) or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(doc), parts.path))
            if target.startswith("..") or not (self.md.docs_dir / target).is_file():  # type: ignore[attr-defined]
                continue
            path = url_of(target) if target.endswith(".md") else target
            new = _relative(path, url_of(doc))
            element.set(attribute, urlunsplit(("", "", new, parts.query, parts.fragment)))


class _RelativeLinksExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_RelativeLinks(md), "relative_links", 0)
