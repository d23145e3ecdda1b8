"""Images: responsive, private, cached. The one image pipeline every section uses.

For editors, a Markdown image in any body just works::

    ![Wat de foto laat zien](../images/foto.jpg)
    ![](../images/lijn.png){: .decorative}     <- purely decorative: empty alt, marked

For sections, two things:

- ``ImagePath()`` as the field type of an image in front matter (checked in the validate stage
  like a body image; the value is the content-relative path, e.g. ``images/foto.jpg``), with a
  required ``Text`` field beside it for the alt text;
- ``picture(site, image, alt, lang, doc_path)`` returns one line of ``<picture>`` HTML to put
  in generated Markdown (md_in_html is on). The first image of every page is made eager
  automatically when the page is written; all others load lazily.

What happens: every image is checked before anything is written (``inspect``), then made into
widths 480/960/1600 (never upscaled) as WebP plus a JPEG (PNG for graphics and transparency),
EXIF orientation applied and all metadata dropped (``encode``), cached by content hash and
settings in ``.cache/images/`` (or ``$SITE_IMAGE_CACHE``; ``registry``), encoded on every core
(``jobs``). Share cards (``cards``) and icons (``icons``) use the same cache.
"""

from __future__ import annotations

from core.images.field import ImagePath
from core.images.markup import picture_markup, root_base
from core.urls import site_url_of


def picture(
    site,
    image: str,
    alt: str,
    lang: str,
    doc_path: str,
    sizes: str | None = None,
    css_class: str | None = None,
) -> str:
    """The ``<picture>`` HTML of the content image ``image`` on the staged page ``doc_path``.

    ``alt`` is required unless the image is decorative (then pass ``""``); ``sizes`` is the
    HTML ``sizes`` attribute (default: the content column). The image is published with the site.
    """
    source = site.images.use(image)
    return picture_markup(source, alt, root_base(site_url_of(lang, doc_path)), sizes, css_class)


__all__ = ["ImagePath", "picture"]
