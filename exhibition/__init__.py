"""Open je Ogen: the travelling photo exhibition, its calendar, stop pages and .ics files."""

from exhibition.section import LandingType, StopSection

LANDING = LandingType()
# One section over two content types: stops and the landing text.
SECTION = StopSection(LANDING)
