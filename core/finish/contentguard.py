"""The backstop on the output: the content region of every rendered page, checked again.

The render hands each page's content HTML (what MkDocs made of the staged Markdown, before the
theme's template wraps it) to :func:`check_page_content`. Only that HTML is checked, so the
theme's own markup is excepted by construction, never by a list of what a page happened to
hold. The policy is the one of the trust boundary (core/htmlpolicy.py) with the markup our
generators make; a violation names the content file behind the page.
"""

from __future__ import annotations

from core.errors import BuildError
from core.i18n import _
from core.htmlpolicy import GENERATED, violations

# The staged page's front-matter key naming the content file it comes from (core/staging.py).
SOURCE_KEY = "content_source"


def source_of(meta: dict, doc: str) -> str:
    """The content file (or generator) to blame for the staged page ``doc`` with ``meta``."""
    return meta.get(SOURCE_KEY) or f"the generated page {doc} (made from the fields of items)"


def check_page_content(html: str, source: str, page: str) -> None:
    """Fail the build when the content HTML of ``page`` (its path in the built site) holds
    anything outside the allow-list; ``source`` is the content file that produced it."""
    found = violations(html, GENERATED)
    if found:
        details = "\n".join(
            "  "
            + _(
                "{source}: {violation} (in the built page {page})",
                source=source,
                violation=v,
                page=page,
            )
            for v in found
        )
        raise BuildError(_("a built page holds content outside the allow-list:") + "\n" + details)
