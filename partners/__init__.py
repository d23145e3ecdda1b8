"""The partner index: chain partners, consultation structures and international networks."""

from partners.section import PartnersSection

SECTION = PartnersSection()
