"""The Longread: experience stories of victims and professionals, made for reading."""

from longread.section import CoverSection, StorySection

COVER = CoverSection()
SECTION = StorySection(COVER)
# Both content types, in the order build.py registers them.
SECTIONS = [SECTION, COVER]
