"""The Longread: experience stories of victims and professionals, made for reading."""

from longread.section import CoverType, StorySection

COVER = CoverType()
# One section over two content types: stories and their cover text.
SECTION = StorySection(COVER)
