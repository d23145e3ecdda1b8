"""Hulp en melden: where to turn in which situation, one page per language, and the help block."""

from helproute.section import HelpSection

SECTION = HelpSection()
