"""The typed model of a plain page."""

from dataclasses import dataclass

from core.source import SourceFile


@dataclass(frozen=True)
class Page:
    """One language version of a plain page."""

    slug: str
    lang: str
    title: str
    summary: str
    url_name: str  # the last part of the web address
    nav_order: int | None
    in_footer: bool
    body: str
    source: SourceFile

    @property
    def is_home(self) -> bool:
        return self.slug == "index"
