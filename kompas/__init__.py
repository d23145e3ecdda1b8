"""The Kompas: the municipal guide to tackling trafficking (What? How? With whom?).

Five content types under ``content/kompas/``: ``form``, ``instrument``, ``role``, ``theme``
and the one ``factsheet``. The instrument section writes every page.
"""

from kompas.section import InstrumentSection

# One section; its content types: SECTION.content_types().
SECTION = InstrumentSection()
