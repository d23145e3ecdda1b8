"""Plain pages: home, about, safety, accessibility statement, privacy, colophon."""

from pages.section import PagesSection

SECTION = PagesSection()
