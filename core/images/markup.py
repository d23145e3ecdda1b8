"""The HTML of a responsive image: ``<picture>`` with WebP and a JPEG/PNG fallback.

``width`` and ``height`` are the intrinsic size, so the browser reserves the space before the
file arrives (no layout shift); CSS scales it to the column (theme/assets/site.css).
"""

from __future__ import annotations

import re
from html import escape

from core.images.inspect import SourceImage
from core.images.settings import DEFAULT_SIZES

IMAGES_DIR = "images"  # under the site root, shared by both languages
_LAZY = ' loading="lazy"'


def picture_markup(
    source: SourceImage, alt: str, base: str, sizes: str | None = None, css_class: str | None = None
) -> str:
    """One line of HTML for ``source``; ``base`` is the relative URL of the site root
    from the page (``""`` on the home page, ``"../"`` one level down ...).

    Every image is lazy here; :func:`eager_first` makes the first one of a page eager.
    """
    sizes = sizes or DEFAULT_SIZES
    variants = source.sizes()
    prefix = f"{base}{IMAGES_DIR}/{source.name}"

    def srcset(ext: str) -> str:
        return ", ".join(f"{prefix}-{w}.{ext} {w}w" for w, _ in variants)

    width, height = variants[-1]
    middle = variants[len(variants) // 2][0]
    klass = f' class="{escape(css_class)}"' if css_class else ""
    return (
        f'<picture{klass}><source type="image/webp" srcset="{srcset("webp")}" '
        f'sizes="{escape(sizes)}">'
        f'<img src="{prefix}-{middle}.{source.fallback}" srcset="{srcset(source.fallback)}" '
        f'sizes="{escape(sizes)}" width="{width}" height="{height}" alt="{escape(alt)}"'
        f'{_LAZY} decoding="async"></picture>'
    )


def eager_first(html: str) -> str:
    """``html`` with its first image loaded at once: it is likely in view, so lazy would delay it."""
    return html.replace(_LAZY, "", 1)


def root_base(page_url: str) -> str:
    """The relative URL from a page (its URL path from the site root, like ``en/about/``) to the root."""
    depth = len([part for part in page_url.split("/") if part])
    return "../" * depth


def strip_markdown(alt: str) -> str:
    """Alt text as plain text: Markdown's backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", alt).strip()
