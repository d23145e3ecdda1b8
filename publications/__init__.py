"""Publications and parliamentary documents: a list filterable by year and kind, a page each."""

from publications.section import PublicationSection

SECTION = PublicationSection()
