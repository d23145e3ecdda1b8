"""Open je Ogen: the travelling photo exhibition, its calendar, stop pages and .ics files."""

from exhibition.section import LandingSection, StopSection

LANDING = LandingSection()
SECTION = StopSection(LANDING)
# Both content types, in the order build.py registers them.
SECTIONS = [SECTION, LANDING]
