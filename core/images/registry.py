"""The images one site uses: checked in the validate stage, published in the finish stage.

``check`` (validate) reads each file once and remembers the result; ``use`` (generate) marks an
image as published and gives what the HTML needs; ``publish`` (finish) makes the missing
variants on every core and copies all variants from the cache into the site.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from PIL import Image

from core.errors import BuildError
from core.i18n import _
from core.images import settings
from core import workers
from core.images.encode import encode_to_cache
from core.images.inspect import ImageProblem, SourceImage, inspect_image
from core.images.markup import IMAGES_DIR


class ImageSet:
    """Images of the content dir ``content_dir`` (paths relative to it, POSIX)."""

    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        self._used: dict[str, SourceImage] = {}
        self._recorders: list[set[str]] = []

    def check(self, rel: str) -> str | None:
        """The editor's message when the image ``rel`` cannot be published, else ``None``."""
        try:
            inspect_image(self.content_dir / rel, rel, is_cached)
        except ImageProblem as problem:
            return str(problem)
        return None

    def use(self, rel: str) -> SourceImage:
        """Mark ``rel`` as published and describe it; a bad image stops the build."""
        try:
            source = inspect_image(self.content_dir / rel, rel, is_cached)
        except ImageProblem as problem:  # validation reports these; a section skipped it
            raise BuildError(f"{rel}: {problem}") from None
        self._used[rel] = source
        for seen in self._recorders:
            seen.add(rel)
        return source

    @contextmanager
    def recording(self) -> Iterator[set[str]]:
        """A set that collects every image marked as used inside the ``with`` block (again or
        for the first time): what one page shows, for the preview's staging cache."""
        seen: set[str] = set()
        self._recorders.append(seen)
        try:
            yield seen
        finally:
            self._recorders.remove(seen)

    @property
    def used(self) -> frozenset[str]:
        """The images marked as published so far (content-relative paths)."""
        return frozenset(self._used)

    def publish(self, site_dir: Path) -> None:
        """Write every used image's variants into ``site_dir/images/``, encoding only new ones."""
        self._encode(self._used.values())
        target = site_dir / IMAGES_DIR
        for _key, source in sorted(self._used.items()):
            entry = _entry(source.key)
            for width, _height in source.sizes():
                for ext in ("webp", source.fallback):
                    destination = target / f"{source.name}-{width}.{ext}"
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    if not destination.exists():  # two sources with the same bytes and stem
                        settings.place(entry / f"{width}.{ext}", destination)

    def copy_clean(self, files: dict[str, Path]) -> None:
        """Copy images that are linked rather than shown (``[plan](../images/plan.png)``).

        The original never leaves: the largest variant in the file's own format takes its place
        (a GIF gets its first frame), so a linked camera file carries no metadata either.
        """
        sources = {rel: self.use(rel) for rel in files}
        self._encode(sources.values())
        for rel, destination in sorted(files.items()):
            source = sources[rel]
            width = source.sizes()[-1][0]
            suffix = destination.suffix.lower()
            ext = "webp" if suffix == ".webp" else source.fallback
            variant = _entry(source.key) / f"{width}.{ext}"
            destination.parent.mkdir(parents=True, exist_ok=True)
            if suffix == ".gif":
                with Image.open(variant, formats=("PNG", "JPEG")) as im:  # our own variant
                    im.save(destination, "GIF")
            else:
                settings.place(variant, destination)

    def _encode(self, sources) -> None:
        todo = [
            (str(self.content_dir / s.rel), s, str(_entry(s.key)))
            for s in sorted(sources, key=lambda s: s.rel)
            if not is_cached(s.key)
        ]
        workers.run("variants", _encode_job, todo)


def _entry(key: str) -> Path:
    return settings.cache_dir() / "variants" / key[:2] / key


def is_cached(key: str) -> bool:
    return _entry(key).is_dir()


def _encode_job(path: str, source: SourceImage, entry: str) -> int:
    try:
        return encode_to_cache(path, source, entry)
    except Exception as exc:  # noqa: BLE001 - reported as the file's problem, not a traceback
        raise BuildError(
            _(
                "{path}: the image could not be encoded ({reason})",
                path=source.rel,
                reason=f"{type(exc).__name__}: {exc}",
            )
        ) from None
