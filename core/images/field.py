"""``ImagePath``: the field type for an image named in front matter (a hero, a portrait ...)."""

from __future__ import annotations

from core.images.inspect import SUFFIXES, ImageProblem, inspect_image
from core.images.registry import is_cached
from core.i18n import N_
from core.schema import ContentPath, _Reported


class ImagePath(ContentPath):
    """An image file inside the content dir, checked like a Markdown image in a body.

    The value is the content-relative path (``images/foto.jpg``); pass it with the alt text to
    :func:`core.images.picture`. A bad image file is reported once, at the image's own path.
    """

    def __init__(self):
        super().__init__(SUFFIXES, N_("image"))

    def check(self, value, ctx, location):
        resolved = super().check(value, ctx, location)
        try:
            inspect_image(ctx.content_dir / resolved, resolved, is_cached)
        except ImageProblem as problem:
            ctx.problems.add(resolved, None, str(problem))
            raise _Reported() from None  # reported at the image itself, not at this field
        return resolved
