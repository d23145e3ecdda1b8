"""The Mensenhandel Academy: training offers for professionals, filterable, per chain partner."""

from academy.section import AcademySection

SECTION = AcademySection()
