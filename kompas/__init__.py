"""The Kompas: the municipal guide to tackling trafficking (What? How? With whom?).

Five content types under ``content/kompas/``: ``form``, ``instrument``, ``role``, ``theme``
and the one ``factsheet``. The instrument section writes every page.
"""

from kompas.section import (FactsheetSection, FormSection, InstrumentSection, RoleSection,
                            ThemeSection)

SECTION = InstrumentSection()
# Every content type, in the order build.py registers them.
SECTIONS = [FormSection(), SECTION, RoleSection(), ThemeSection(), FactsheetSection()]
